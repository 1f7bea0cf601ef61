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
    "AwaitableGetWorkspaceResult",
    "GetWorkspaceResult",
    "get_workspace",
    "get_workspace_output",
]


@pulumi.output_type
class GetWorkspaceResult:
    """
    A collection of values returned by getWorkspace.
    """

    def __init__(
        __self__,
        access_port: Optional[_builtins.float] = None,
        access_url: Optional[_builtins.str] = None,
        id: Optional[_builtins.str] = None,
        is_prebuild: Optional[_builtins.bool] = None,
        name: Optional[_builtins.str] = None,
        start_count: Optional[_builtins.float] = None,
        template_id: Optional[_builtins.str] = None,
        template_name: Optional[_builtins.str] = None,
        template_version: Optional[_builtins.str] = None,
        transition: Optional[_builtins.str] = None,
    ) -> None:
        if access_port and not isinstance(access_port, float):
            raise TypeError("Expected argument 'access_port' to be a float")
        pulumi.set(__self__, "access_port", access_port)
        if access_url and not isinstance(access_url, str):
            raise TypeError("Expected argument 'access_url' to be a str")
        pulumi.set(__self__, "access_url", access_url)
        if id and not isinstance(id, str):
            raise TypeError("Expected argument 'id' to be a str")
        pulumi.set(__self__, "id", id)
        if is_prebuild and not isinstance(is_prebuild, bool):
            raise TypeError("Expected argument 'is_prebuild' to be a bool")
        pulumi.set(__self__, "is_prebuild", is_prebuild)
        if name and not isinstance(name, str):
            raise TypeError("Expected argument 'name' to be a str")
        pulumi.set(__self__, "name", name)
        if start_count and not isinstance(start_count, float):
            raise TypeError("Expected argument 'start_count' to be a float")
        pulumi.set(__self__, "start_count", start_count)
        if template_id and not isinstance(template_id, str):
            raise TypeError("Expected argument 'template_id' to be a str")
        pulumi.set(__self__, "template_id", template_id)
        if template_name and not isinstance(template_name, str):
            raise TypeError("Expected argument 'template_name' to be a str")
        pulumi.set(__self__, "template_name", template_name)
        if template_version and not isinstance(template_version, str):
            raise TypeError("Expected argument 'template_version' to be a str")
        pulumi.set(__self__, "template_version", template_version)
        if transition and not isinstance(transition, str):
            raise TypeError("Expected argument 'transition' to be a str")
        pulumi.set(__self__, "transition", transition)

    @_builtins.property
    @pulumi.getter(name="accessPort")
    def access_port(self) -> _builtins.float:
        """
        The access port of the Coder deployment provisioning this workspace.
        """
        return pulumi.get(self, "access_port")

    @_builtins.property
    @pulumi.getter(name="accessUrl")
    def access_url(self) -> _builtins.str:
        """
        The access URL of the Coder deployment provisioning this workspace.
        """
        return pulumi.get(self, "access_url")

    @_builtins.property
    @pulumi.getter
    def id(self) -> _builtins.str:
        """
        The ID of the workspace.
        """
        return pulumi.get(self, "id")

    @_builtins.property
    @pulumi.getter(name="isPrebuild")
    def is_prebuild(self) -> _builtins.bool:
        """
        Whether the workspace is being built as a prebuild.
        """
        return pulumi.get(self, "is_prebuild")

    @_builtins.property
    @pulumi.getter
    def name(self) -> _builtins.str:
        """
        Name of the workspace.
        """
        return pulumi.get(self, "name")

    @_builtins.property
    @pulumi.getter(name="startCount")
    def start_count(self) -> _builtins.float:
        """
        A computed count based on `transition` state. If `start`, count will equal 1.
        """
        return pulumi.get(self, "start_count")

    @_builtins.property
    @pulumi.getter(name="templateId")
    def template_id(self) -> _builtins.str:
        """
        ID of the workspace's template.
        """
        return pulumi.get(self, "template_id")

    @_builtins.property
    @pulumi.getter(name="templateName")
    def template_name(self) -> _builtins.str:
        """
        Name of the workspace's template.
        """
        return pulumi.get(self, "template_name")

    @_builtins.property
    @pulumi.getter(name="templateVersion")
    def template_version(self) -> _builtins.str:
        """
        Version of the workspace's template.
        """
        return pulumi.get(self, "template_version")

    @_builtins.property
    @pulumi.getter
    def transition(self) -> _builtins.str:
        """
        Either `start` or `stop`. Use this to start/stop resources with `count`.
        """
        return pulumi.get(self, "transition")


class AwaitableGetWorkspaceResult(GetWorkspaceResult):
    # pylint: disable=using-constant-test
    def __await__(self) -> Generator[Any, None, GetWorkspaceResult]:
        if False:
            yield self
        return GetWorkspaceResult(
            access_port=self.access_port,
            access_url=self.access_url,
            id=self.id,
            is_prebuild=self.is_prebuild,
            name=self.name,
            start_count=self.start_count,
            template_id=self.template_id,
            template_name=self.template_name,
            template_version=self.template_version,
            transition=self.transition,
        )


def get_workspace(opts: Optional[pulumi.InvokeOptions] = None) -> AwaitableGetWorkspaceResult:
    """
    Use this data source to get information for the active workspace build.
    """
    __args__: dict[str, Any] = dict()
    opts = pulumi.InvokeOptions.merge(_utilities.get_invoke_opts_defaults(), opts)
    __ret__ = pulumi.runtime.invoke(
        "coder:index/getWorkspace:getWorkspace",
        __args__,
        opts=opts,
        typ=GetWorkspaceResult,
        package_ref=_utilities.get_package(),
    ).value

    return AwaitableGetWorkspaceResult(
        access_port=pulumi.get(__ret__, "access_port"),
        access_url=pulumi.get(__ret__, "access_url"),
        id=pulumi.get(__ret__, "id"),
        is_prebuild=pulumi.get(__ret__, "is_prebuild"),
        name=pulumi.get(__ret__, "name"),
        start_count=pulumi.get(__ret__, "start_count"),
        template_id=pulumi.get(__ret__, "template_id"),
        template_name=pulumi.get(__ret__, "template_name"),
        template_version=pulumi.get(__ret__, "template_version"),
        transition=pulumi.get(__ret__, "transition"),
    )


def get_workspace_output(
    opts: Optional[Union[pulumi.InvokeOptions, pulumi.InvokeOutputOptions]] = None,
) -> pulumi.Output[GetWorkspaceResult]:
    """
    Use this data source to get information for the active workspace build.
    """
    __args__: dict[str, Any] = dict()
    opts = pulumi.InvokeOutputOptions.merge(_utilities.get_invoke_opts_defaults(), opts)
    __ret__ = pulumi.runtime.invoke_output(
        "coder:index/getWorkspace:getWorkspace",
        __args__,
        opts=opts,
        typ=GetWorkspaceResult,
        package_ref=_utilities.get_package(),
    )
    return __ret__.apply(
        lambda __response__: GetWorkspaceResult(
            access_port=pulumi.get(__response__, "access_port"),
            access_url=pulumi.get(__response__, "access_url"),
            id=pulumi.get(__response__, "id"),
            is_prebuild=pulumi.get(__response__, "is_prebuild"),
            name=pulumi.get(__response__, "name"),
            start_count=pulumi.get(__response__, "start_count"),
            template_id=pulumi.get(__response__, "template_id"),
            template_name=pulumi.get(__response__, "template_name"),
            template_version=pulumi.get(__response__, "template_version"),
            transition=pulumi.get(__response__, "transition"),
        )
    )
