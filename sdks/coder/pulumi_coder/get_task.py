# *** Hand-written mirror of what `pulumi package add terraform-provider coder/coder` ***
# *** generates for coder/coder 2.17.0 (Pulumi's "any Terraform provider" bridge).     ***
# *** Regenerating with the real tool replaces this file: keep the public API the same. ***
# mypy: disable-error-code="no-any-return"

import builtins as _builtins
from collections.abc import Generator
from typing import Any, Optional, Union

import pulumi
import pulumi.runtime

from . import _utilities

__all__ = [
    "AwaitableGetTaskResult",
    "GetTaskResult",
    "get_task",
    "get_task_output",
]


@pulumi.output_type
class GetTaskResult:
    """
    A collection of values returned by getTask.
    """

    def __init__(
        __self__,
        enabled: Optional[_builtins.bool] = None,
        id: Optional[_builtins.str] = None,
        prompt: Optional[_builtins.str] = None,
    ) -> None:
        if enabled and not isinstance(enabled, bool):
            raise TypeError("Expected argument 'enabled' to be a bool")
        pulumi.set(__self__, "enabled", enabled)
        if id and not isinstance(id, str):
            raise TypeError("Expected argument 'id' to be a str")
        pulumi.set(__self__, "id", id)
        if prompt and not isinstance(prompt, str):
            raise TypeError("Expected argument 'prompt' to be a str")
        pulumi.set(__self__, "prompt", prompt)

    @_builtins.property
    @pulumi.getter
    def enabled(self) -> _builtins.bool:
        """
        True when executing in a Coder Task context.
        """
        return pulumi.get(self, "enabled")

    @_builtins.property
    @pulumi.getter
    def id(self) -> _builtins.str:
        """
        The ID of the task.
        """
        return pulumi.get(self, "id")

    @_builtins.property
    @pulumi.getter
    def prompt(self) -> _builtins.str:
        """
        The prompt text provided to the task by Coder.
        """
        return pulumi.get(self, "prompt")


class AwaitableGetTaskResult(GetTaskResult):
    # pylint: disable=using-constant-test
    def __await__(self) -> Generator[Any, None, GetTaskResult]:
        if False:
            yield self
        return GetTaskResult(
            enabled=self.enabled,
            id=self.id,
            prompt=self.prompt,
        )


def get_task(opts: Optional[pulumi.InvokeOptions] = None) -> AwaitableGetTaskResult:
    """
    Use this data source to read information about the Coder task being built.
    """
    __args__: dict[str, Any] = dict()
    opts = pulumi.InvokeOptions.merge(_utilities.get_invoke_opts_defaults(), opts)
    __ret__ = pulumi.runtime.invoke(
        "coder:index/getTask:getTask",
        __args__,
        opts=opts,
        typ=GetTaskResult,
        package_ref=_utilities.get_package(),
    ).value

    return AwaitableGetTaskResult(
        enabled=pulumi.get(__ret__, "enabled"),
        id=pulumi.get(__ret__, "id"),
        prompt=pulumi.get(__ret__, "prompt"),
    )


def get_task_output(
    opts: Optional[Union[pulumi.InvokeOptions, pulumi.InvokeOutputOptions]] = None,
) -> pulumi.Output[GetTaskResult]:
    """
    Use this data source to read information about the Coder task being built.
    """
    __args__: dict[str, Any] = dict()
    opts = pulumi.InvokeOutputOptions.merge(_utilities.get_invoke_opts_defaults(), opts)
    __ret__ = pulumi.runtime.invoke_output(
        "coder:index/getTask:getTask",
        __args__,
        opts=opts,
        typ=GetTaskResult,
        package_ref=_utilities.get_package(),
    )
    return __ret__.apply(
        lambda __response__: GetTaskResult(
            enabled=pulumi.get(__response__, "enabled"),
            id=pulumi.get(__response__, "id"),
            prompt=pulumi.get(__response__, "prompt"),
        )
    )
