# *** Hand-written mirror of what `pulumi package add terraform-provider coder/coder` ***
# *** generates for coder/coder 2.17.0 (Pulumi's "any Terraform provider" bridge).     ***
# *** Regenerating with the real tool replaces this file: keep the public API the same. ***
# mypy: disable-error-code="no-any-return"

import builtins as _builtins
from typing import Any, Optional, overload

import pulumi

from . import _utilities

__all__ = ["AiTask", "AiTaskArgs"]


@pulumi.input_type
class AiTaskArgs:
    def __init__(
        __self__,
        *,
        app_id: Optional[pulumi.Input[_builtins.str]] = None,
    ) -> None:
        """
        The set of arguments for constructing a AiTask resource.

        :param pulumi.Input[_builtins.str] app_id: The ID of the `coder_app` resource that
               provides the AI agent's UI.
        """
        if app_id is not None:
            pulumi.set(__self__, "app_id", app_id)

    @_builtins.property
    @pulumi.getter(name="appId")
    def app_id(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The ID of the `coder_app` resource that provides the AI agent's UI.
        """
        return pulumi.get(self, "app_id")

    @app_id.setter
    def app_id(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "app_id", value)


@pulumi.input_type
class _AiTaskState:
    def __init__(
        __self__,
        *,
        app_id: Optional[pulumi.Input[_builtins.str]] = None,
        enabled: Optional[pulumi.Input[_builtins.bool]] = None,
        prompt: Optional[pulumi.Input[_builtins.str]] = None,
    ) -> None:
        """
        Input properties used for looking up and filtering AiTask resources.

        :param pulumi.Input[_builtins.str] app_id: The ID of the `coder_app` resource that
               provides the AI agent's UI.
        :param pulumi.Input[_builtins.bool] enabled: True when executing in a Coder Task
               context, false when in a Coder Workspace context.
        :param pulumi.Input[_builtins.str] prompt: The prompt text provided to the task by
               Coder.
        """
        if app_id is not None:
            pulumi.set(__self__, "app_id", app_id)
        if enabled is not None:
            pulumi.set(__self__, "enabled", enabled)
        if prompt is not None:
            pulumi.set(__self__, "prompt", prompt)

    @_builtins.property
    @pulumi.getter(name="appId")
    def app_id(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The ID of the `coder_app` resource that provides the AI agent's UI.
        """
        return pulumi.get(self, "app_id")

    @app_id.setter
    def app_id(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "app_id", value)

    @_builtins.property
    @pulumi.getter
    def enabled(self) -> Optional[pulumi.Input[_builtins.bool]]:
        """
        True when executing in a Coder Task context, false when in a Coder Workspace
        context.
        """
        return pulumi.get(self, "enabled")

    @enabled.setter
    def enabled(self, value: Optional[pulumi.Input[_builtins.bool]]) -> None:
        pulumi.set(self, "enabled", value)

    @_builtins.property
    @pulumi.getter
    def prompt(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The prompt text provided to the task by Coder.
        """
        return pulumi.get(self, "prompt")

    @prompt.setter
    def prompt(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "prompt", value)


@pulumi.type_token("coder:index/aiTask:AiTask")
class AiTask(pulumi.CustomResource):
    @overload
    def __init__(
        __self__,
        resource_name: str,
        opts: Optional[pulumi.ResourceOptions] = None,
        app_id: Optional[pulumi.Input[_builtins.str]] = None,
        __props__: Any = None,
    ) -> None:
        """
        Use this resource to define Coder tasks.

        :param str resource_name: The name of the resource.
        :param pulumi.ResourceOptions opts: Options for the resource.
        :param pulumi.Input[_builtins.str] app_id: The ID of the `coder_app` resource that
               provides the AI agent's UI.
        """
        ...

    @overload
    def __init__(
        __self__,
        resource_name: str,
        args: Optional[AiTaskArgs] = None,
        opts: Optional[pulumi.ResourceOptions] = None,
    ) -> None:
        """
        Use this resource to define Coder tasks.

        :param str resource_name: The name of the resource.
        :param AiTaskArgs args: The arguments to use to populate this resource's properties.
        :param pulumi.ResourceOptions opts: Options for the resource.
        """
        ...

    def __init__(__self__, resource_name: str, *args: Any, **kwargs: Any) -> None:
        resource_args, opts = _utilities.get_resource_args_opts(
            AiTaskArgs, pulumi.ResourceOptions, *args, **kwargs
        )
        if resource_args is not None:
            __self__._internal_init(resource_name, opts, **resource_args.__dict__)
        else:
            __self__._internal_init(resource_name, *args, **kwargs)

    def _internal_init(
        __self__,
        resource_name: str,
        opts: Optional[pulumi.ResourceOptions] = None,
        app_id: Optional[pulumi.Input[_builtins.str]] = None,
        __props__: Any = None,
    ) -> None:
        opts = pulumi.ResourceOptions.merge(_utilities.get_resource_opts_defaults(), opts)
        if not isinstance(opts, pulumi.ResourceOptions):
            raise TypeError("Expected resource options to be a ResourceOptions instance")
        if opts.id is None:
            if __props__ is not None:
                raise TypeError(
                    "__props__ is only valid when passed in combination with a valid opts.id to "
                    "get an existing resource"
                )
            __props__ = AiTaskArgs.__new__(AiTaskArgs)

            __props__.__dict__["app_id"] = app_id
            __props__.__dict__["enabled"] = None
            __props__.__dict__["prompt"] = None
        super(AiTask, __self__).__init__(
            "coder:index/aiTask:AiTask",
            resource_name,
            __props__,
            opts,
            package_ref=_utilities.get_package(),
        )

    @staticmethod
    def get(
        resource_name: str,
        id: pulumi.Input[str],
        opts: Optional[pulumi.ResourceOptions] = None,
        app_id: Optional[pulumi.Input[_builtins.str]] = None,
        enabled: Optional[pulumi.Input[_builtins.bool]] = None,
        prompt: Optional[pulumi.Input[_builtins.str]] = None,
    ) -> "AiTask":
        """
        Get an existing AiTask resource's state with the given name, id, and optional extra
        properties used to qualify the lookup.

        :param str resource_name: The unique name of the resulting resource.
        :param pulumi.Input[str] id: The unique provider ID of the resource to lookup.
        :param pulumi.ResourceOptions opts: Options for the resource.
        :param pulumi.Input[_builtins.str] app_id: The ID of the `coder_app` resource that
               provides the AI agent's UI.
        :param pulumi.Input[_builtins.bool] enabled: True when executing in a Coder Task
               context, false when in a Coder Workspace context.
        :param pulumi.Input[_builtins.str] prompt: The prompt text provided to the task by
               Coder.
        """
        opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))

        __props__ = _AiTaskState.__new__(_AiTaskState)

        __props__.__dict__["app_id"] = app_id
        __props__.__dict__["enabled"] = enabled
        __props__.__dict__["prompt"] = prompt
        return AiTask(resource_name, opts=opts, __props__=__props__)

    @_builtins.property
    @pulumi.getter(name="appId")
    def app_id(self) -> pulumi.Output[_builtins.str]:
        """
        The ID of the `coder_app` resource that provides the AI agent's UI.
        """
        return pulumi.get(self, "app_id")

    @_builtins.property
    @pulumi.getter
    def enabled(self) -> pulumi.Output[_builtins.bool]:
        """
        True when executing in a Coder Task context, false when in a Coder Workspace
        context.
        """
        return pulumi.get(self, "enabled")

    @_builtins.property
    @pulumi.getter
    def prompt(self) -> pulumi.Output[_builtins.str]:
        """
        The prompt text provided to the task by Coder.
        """
        return pulumi.get(self, "prompt")
