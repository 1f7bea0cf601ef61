# *** Hand-written mirror of what `pulumi package add terraform-provider coder/coder` ***
# *** generates for coder/coder 2.17.0 (Pulumi's "any Terraform provider" bridge).     ***
# *** Regenerating with the real tool replaces this file: keep the public API the same. ***
# mypy: disable-error-code="no-any-return"

import builtins as _builtins
from typing import Any, Optional, overload

import pulumi

from . import _utilities

__all__ = ["Env", "EnvArgs"]


@pulumi.input_type
class EnvArgs:
    def __init__(
        __self__,
        *,
        agent_id: pulumi.Input[_builtins.str],
        name: pulumi.Input[_builtins.str],
        merge_strategy: Optional[pulumi.Input[_builtins.str]] = None,
        value: Optional[pulumi.Input[_builtins.str]] = None,
    ) -> None:
        """
        The set of arguments for constructing a Env resource.

        :param pulumi.Input[_builtins.str] agent_id: The `id` property of a `coder_agent`
               resource to associate with.
        :param pulumi.Input[_builtins.str] name: The name of the environment variable.
        :param pulumi.Input[_builtins.str] merge_strategy: How this value is combined with
               other `coder_env` resources that set the same name on the same agent.
        :param pulumi.Input[_builtins.str] value: The value of the environment variable.
        """
        pulumi.set(__self__, "agent_id", agent_id)
        pulumi.set(__self__, "name", name)
        if merge_strategy is not None:
            pulumi.set(__self__, "merge_strategy", merge_strategy)
        if value is not None:
            pulumi.set(__self__, "value", value)

    @_builtins.property
    @pulumi.getter(name="agentId")
    def agent_id(self) -> pulumi.Input[_builtins.str]:
        """
        The `id` property of a `coder_agent` resource to associate with.
        """
        return pulumi.get(self, "agent_id")

    @agent_id.setter
    def agent_id(self, value: pulumi.Input[_builtins.str]) -> None:
        pulumi.set(self, "agent_id", value)

    @_builtins.property
    @pulumi.getter(name="mergeStrategy")
    def merge_strategy(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        How this value is combined with other `coder_env` resources that set the same name
        on the same agent.
        """
        return pulumi.get(self, "merge_strategy")

    @merge_strategy.setter
    def merge_strategy(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "merge_strategy", value)

    @_builtins.property
    @pulumi.getter
    def name(self) -> pulumi.Input[_builtins.str]:
        """
        The name of the environment variable.
        """
        return pulumi.get(self, "name")

    @name.setter
    def name(self, value: pulumi.Input[_builtins.str]) -> None:
        pulumi.set(self, "name", value)

    @_builtins.property
    @pulumi.getter
    def value(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The value of the environment variable.
        """
        return pulumi.get(self, "value")

    @value.setter
    def value(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "value", value)


@pulumi.input_type
class _EnvState:
    def __init__(
        __self__,
        *,
        agent_id: Optional[pulumi.Input[_builtins.str]] = None,
        merge_strategy: Optional[pulumi.Input[_builtins.str]] = None,
        name: Optional[pulumi.Input[_builtins.str]] = None,
        value: Optional[pulumi.Input[_builtins.str]] = None,
    ) -> None:
        """
        Input properties used for looking up and filtering Env resources.

        :param pulumi.Input[_builtins.str] agent_id: The `id` property of a `coder_agent`
               resource to associate with.
        :param pulumi.Input[_builtins.str] merge_strategy: How this value is combined with
               other `coder_env` resources that set the same name on the same agent.
        :param pulumi.Input[_builtins.str] name: The name of the environment variable.
        :param pulumi.Input[_builtins.str] value: The value of the environment variable.
        """
        if agent_id is not None:
            pulumi.set(__self__, "agent_id", agent_id)
        if merge_strategy is not None:
            pulumi.set(__self__, "merge_strategy", merge_strategy)
        if name is not None:
            pulumi.set(__self__, "name", name)
        if value is not None:
            pulumi.set(__self__, "value", value)

    @_builtins.property
    @pulumi.getter(name="agentId")
    def agent_id(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The `id` property of a `coder_agent` resource to associate with.
        """
        return pulumi.get(self, "agent_id")

    @agent_id.setter
    def agent_id(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "agent_id", value)

    @_builtins.property
    @pulumi.getter(name="mergeStrategy")
    def merge_strategy(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        How this value is combined with other `coder_env` resources that set the same name
        on the same agent.
        """
        return pulumi.get(self, "merge_strategy")

    @merge_strategy.setter
    def merge_strategy(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "merge_strategy", value)

    @_builtins.property
    @pulumi.getter
    def name(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The name of the environment variable.
        """
        return pulumi.get(self, "name")

    @name.setter
    def name(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "name", value)

    @_builtins.property
    @pulumi.getter
    def value(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The value of the environment variable.
        """
        return pulumi.get(self, "value")

    @value.setter
    def value(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "value", value)


@pulumi.type_token("coder:index/env:Env")
class Env(pulumi.CustomResource):
    @overload
    def __init__(
        __self__,
        resource_name: str,
        opts: Optional[pulumi.ResourceOptions] = None,
        agent_id: Optional[pulumi.Input[_builtins.str]] = None,
        merge_strategy: Optional[pulumi.Input[_builtins.str]] = None,
        name: Optional[pulumi.Input[_builtins.str]] = None,
        value: Optional[pulumi.Input[_builtins.str]] = None,
        __props__: Any = None,
    ) -> None:
        """
        Use this resource to set an environment variable in a workspace.

        :param str resource_name: The name of the resource.
        :param pulumi.ResourceOptions opts: Options for the resource.
        :param pulumi.Input[_builtins.str] agent_id: The `id` property of a `coder_agent`
               resource to associate with.
        :param pulumi.Input[_builtins.str] merge_strategy: How this value is combined with
               other `coder_env` resources that set the same name on the same agent.
        :param pulumi.Input[_builtins.str] name: The name of the environment variable.
        :param pulumi.Input[_builtins.str] value: The value of the environment variable.
        """
        ...

    @overload
    def __init__(
        __self__,
        resource_name: str,
        args: EnvArgs,
        opts: Optional[pulumi.ResourceOptions] = None,
    ) -> None:
        """
        Use this resource to set an environment variable in a workspace.

        :param str resource_name: The name of the resource.
        :param EnvArgs args: The arguments to use to populate this resource's properties.
        :param pulumi.ResourceOptions opts: Options for the resource.
        """
        ...

    def __init__(__self__, resource_name: str, *args: Any, **kwargs: Any) -> None:
        resource_args, opts = _utilities.get_resource_args_opts(
            EnvArgs, pulumi.ResourceOptions, *args, **kwargs
        )
        if resource_args is not None:
            __self__._internal_init(resource_name, opts, **resource_args.__dict__)
        else:
            __self__._internal_init(resource_name, *args, **kwargs)

    def _internal_init(
        __self__,
        resource_name: str,
        opts: Optional[pulumi.ResourceOptions] = None,
        agent_id: Optional[pulumi.Input[_builtins.str]] = None,
        merge_strategy: Optional[pulumi.Input[_builtins.str]] = None,
        name: Optional[pulumi.Input[_builtins.str]] = None,
        value: Optional[pulumi.Input[_builtins.str]] = None,
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
            __props__ = EnvArgs.__new__(EnvArgs)

            if agent_id is None and not opts.urn:
                raise TypeError("Missing required property 'agent_id'")
            __props__.__dict__["agent_id"] = agent_id
            __props__.__dict__["merge_strategy"] = merge_strategy
            if name is None and not opts.urn:
                raise TypeError("Missing required property 'name'")
            __props__.__dict__["name"] = name
            __props__.__dict__["value"] = value
        super(Env, __self__).__init__(
            "coder:index/env:Env",
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
        agent_id: Optional[pulumi.Input[_builtins.str]] = None,
        merge_strategy: Optional[pulumi.Input[_builtins.str]] = None,
        name: Optional[pulumi.Input[_builtins.str]] = None,
        value: Optional[pulumi.Input[_builtins.str]] = None,
    ) -> "Env":
        """
        Get an existing Env resource's state with the given name, id, and optional extra
        properties used to qualify the lookup.

        :param str resource_name: The unique name of the resulting resource.
        :param pulumi.Input[str] id: The unique provider ID of the resource to lookup.
        :param pulumi.ResourceOptions opts: Options for the resource.
        :param pulumi.Input[_builtins.str] agent_id: The `id` property of a `coder_agent`
               resource to associate with.
        :param pulumi.Input[_builtins.str] merge_strategy: How this value is combined with
               other `coder_env` resources that set the same name on the same agent.
        :param pulumi.Input[_builtins.str] name: The name of the environment variable.
        :param pulumi.Input[_builtins.str] value: The value of the environment variable.
        """
        opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))

        __props__ = _EnvState.__new__(_EnvState)

        __props__.__dict__["agent_id"] = agent_id
        __props__.__dict__["merge_strategy"] = merge_strategy
        __props__.__dict__["name"] = name
        __props__.__dict__["value"] = value
        return Env(resource_name, opts=opts, __props__=__props__)

    @_builtins.property
    @pulumi.getter(name="agentId")
    def agent_id(self) -> pulumi.Output[_builtins.str]:
        """
        The `id` property of a `coder_agent` resource to associate with.
        """
        return pulumi.get(self, "agent_id")

    @_builtins.property
    @pulumi.getter(name="mergeStrategy")
    def merge_strategy(self) -> pulumi.Output[Optional[_builtins.str]]:
        """
        How this value is combined with other `coder_env` resources that set the same name
        on the same agent.
        """
        return pulumi.get(self, "merge_strategy")

    @_builtins.property
    @pulumi.getter
    def name(self) -> pulumi.Output[_builtins.str]:
        """
        The name of the environment variable.
        """
        return pulumi.get(self, "name")

    @_builtins.property
    @pulumi.getter
    def value(self) -> pulumi.Output[Optional[_builtins.str]]:
        """
        The value of the environment variable.
        """
        return pulumi.get(self, "value")
