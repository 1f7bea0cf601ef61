# *** Hand-written mirror of what `pulumi package add terraform-provider coder/coder` ***
# *** generates for coder/coder 2.17.0 (Pulumi's "any Terraform provider" bridge).     ***
# *** Regenerating with the real tool replaces this file: keep the public API the same. ***
# mypy: disable-error-code="no-any-return"

import builtins as _builtins
from typing import Any, Optional, overload

import pulumi

from . import _utilities

__all__ = ["Script", "ScriptArgs"]


@pulumi.input_type
class ScriptArgs:
    def __init__(
        __self__,
        *,
        agent_id: pulumi.Input[_builtins.str],
        display_name: pulumi.Input[_builtins.str],
        script: pulumi.Input[_builtins.str],
        cron: Optional[pulumi.Input[_builtins.str]] = None,
        icon: Optional[pulumi.Input[_builtins.str]] = None,
        log_path: Optional[pulumi.Input[_builtins.str]] = None,
        run_on_start: Optional[pulumi.Input[_builtins.bool]] = None,
        run_on_stop: Optional[pulumi.Input[_builtins.bool]] = None,
        start_blocks_login: Optional[pulumi.Input[_builtins.bool]] = None,
        timeout: Optional[pulumi.Input[_builtins.float]] = None,
    ) -> None:
        """
        The set of arguments for constructing a Script resource.

        :param pulumi.Input[_builtins.str] agent_id: The `id` property of a `coder_agent`
               resource to associate with.
        :param pulumi.Input[_builtins.str] display_name: The display name of the script to
               display logs in the dashboard.
        :param pulumi.Input[_builtins.str] script: The content of the script that will be
               run.
        :param pulumi.Input[_builtins.str] cron: The cron schedule to run the script on.
               This is a cron expression.
        :param pulumi.Input[_builtins.str] icon: A URL to an icon that will display in the
               dashboard. View built-in icons here:
               https://github.com/coder/coder/tree/main/site/static/icon. Use a built-in icon with
               `"${data.coder_workspace.me.access_url}/icon/<path>"`.
        :param pulumi.Input[_builtins.str] log_path: The path of a file to write the logs
               to. If relative, it will be appended to tmp.
        :param pulumi.Input[_builtins.bool] run_on_start: This option defines whether or not
               the script should run when the agent starts. The script should exit when it is done
               to signal that the agent is ready.
        :param pulumi.Input[_builtins.bool] run_on_stop: This option defines whether or not
               the script should run when the agent stops. The script should exit when it is done
               to signal that the workspace can be stopped.
        :param pulumi.Input[_builtins.bool] start_blocks_login: This option determines
               whether users can log in immediately or must wait for the workspace to finish
               running this script upon startup.
        :param pulumi.Input[_builtins.float] timeout: Time in seconds that the script is
               allowed to run. If the script does not complete within this time, the script is
               terminated and the agent lifecycle status is marked as timed out. A value of zero
               (default) means no timeout.
        """
        pulumi.set(__self__, "agent_id", agent_id)
        pulumi.set(__self__, "display_name", display_name)
        pulumi.set(__self__, "script", script)
        if cron is not None:
            pulumi.set(__self__, "cron", cron)
        if icon is not None:
            pulumi.set(__self__, "icon", icon)
        if log_path is not None:
            pulumi.set(__self__, "log_path", log_path)
        if run_on_start is not None:
            pulumi.set(__self__, "run_on_start", run_on_start)
        if run_on_stop is not None:
            pulumi.set(__self__, "run_on_stop", run_on_stop)
        if start_blocks_login is not None:
            pulumi.set(__self__, "start_blocks_login", start_blocks_login)
        if timeout is not None:
            pulumi.set(__self__, "timeout", timeout)

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
    @pulumi.getter
    def cron(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The cron schedule to run the script on. This is a cron expression.
        """
        return pulumi.get(self, "cron")

    @cron.setter
    def cron(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "cron", value)

    @_builtins.property
    @pulumi.getter(name="displayName")
    def display_name(self) -> pulumi.Input[_builtins.str]:
        """
        The display name of the script to display logs in the dashboard.
        """
        return pulumi.get(self, "display_name")

    @display_name.setter
    def display_name(self, value: pulumi.Input[_builtins.str]) -> None:
        pulumi.set(self, "display_name", value)

    @_builtins.property
    @pulumi.getter
    def icon(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        A URL to an icon that will display in the dashboard. View built-in icons here:
        https://github.com/coder/coder/tree/main/site/static/icon. Use a built-in icon with
        `"${data.coder_workspace.me.access_url}/icon/<path>"`.
        """
        return pulumi.get(self, "icon")

    @icon.setter
    def icon(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "icon", value)

    @_builtins.property
    @pulumi.getter(name="logPath")
    def log_path(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The path of a file to write the logs to. If relative, it will be appended to tmp.
        """
        return pulumi.get(self, "log_path")

    @log_path.setter
    def log_path(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "log_path", value)

    @_builtins.property
    @pulumi.getter(name="runOnStart")
    def run_on_start(self) -> Optional[pulumi.Input[_builtins.bool]]:
        """
        This option defines whether or not the script should run when the agent starts. The
        script should exit when it is done to signal that the agent is ready.
        """
        return pulumi.get(self, "run_on_start")

    @run_on_start.setter
    def run_on_start(self, value: Optional[pulumi.Input[_builtins.bool]]) -> None:
        pulumi.set(self, "run_on_start", value)

    @_builtins.property
    @pulumi.getter(name="runOnStop")
    def run_on_stop(self) -> Optional[pulumi.Input[_builtins.bool]]:
        """
        This option defines whether or not the script should run when the agent stops. The
        script should exit when it is done to signal that the workspace can be stopped.
        """
        return pulumi.get(self, "run_on_stop")

    @run_on_stop.setter
    def run_on_stop(self, value: Optional[pulumi.Input[_builtins.bool]]) -> None:
        pulumi.set(self, "run_on_stop", value)

    @_builtins.property
    @pulumi.getter
    def script(self) -> pulumi.Input[_builtins.str]:
        """
        The content of the script that will be run.
        """
        return pulumi.get(self, "script")

    @script.setter
    def script(self, value: pulumi.Input[_builtins.str]) -> None:
        pulumi.set(self, "script", value)

    @_builtins.property
    @pulumi.getter(name="startBlocksLogin")
    def start_blocks_login(self) -> Optional[pulumi.Input[_builtins.bool]]:
        """
        This option determines whether users can log in immediately or must wait for the
        workspace to finish running this script upon startup.
        """
        return pulumi.get(self, "start_blocks_login")

    @start_blocks_login.setter
    def start_blocks_login(self, value: Optional[pulumi.Input[_builtins.bool]]) -> None:
        pulumi.set(self, "start_blocks_login", value)

    @_builtins.property
    @pulumi.getter
    def timeout(self) -> Optional[pulumi.Input[_builtins.float]]:
        """
        Time in seconds that the script is allowed to run. If the script does not complete
        within this time, the script is terminated and the agent lifecycle status is marked
        as timed out. A value of zero (default) means no timeout.
        """
        return pulumi.get(self, "timeout")

    @timeout.setter
    def timeout(self, value: Optional[pulumi.Input[_builtins.float]]) -> None:
        pulumi.set(self, "timeout", value)


@pulumi.input_type
class _ScriptState:
    def __init__(
        __self__,
        *,
        agent_id: Optional[pulumi.Input[_builtins.str]] = None,
        cron: Optional[pulumi.Input[_builtins.str]] = None,
        display_name: Optional[pulumi.Input[_builtins.str]] = None,
        icon: Optional[pulumi.Input[_builtins.str]] = None,
        log_path: Optional[pulumi.Input[_builtins.str]] = None,
        run_on_start: Optional[pulumi.Input[_builtins.bool]] = None,
        run_on_stop: Optional[pulumi.Input[_builtins.bool]] = None,
        script: Optional[pulumi.Input[_builtins.str]] = None,
        start_blocks_login: Optional[pulumi.Input[_builtins.bool]] = None,
        timeout: Optional[pulumi.Input[_builtins.float]] = None,
    ) -> None:
        """
        Input properties used for looking up and filtering Script resources.

        :param pulumi.Input[_builtins.str] agent_id: The `id` property of a `coder_agent`
               resource to associate with.
        :param pulumi.Input[_builtins.str] cron: The cron schedule to run the script on.
               This is a cron expression.
        :param pulumi.Input[_builtins.str] display_name: The display name of the script to
               display logs in the dashboard.
        :param pulumi.Input[_builtins.str] icon: A URL to an icon that will display in the
               dashboard. View built-in icons here:
               https://github.com/coder/coder/tree/main/site/static/icon. Use a built-in icon with
               `"${data.coder_workspace.me.access_url}/icon/<path>"`.
        :param pulumi.Input[_builtins.str] log_path: The path of a file to write the logs
               to. If relative, it will be appended to tmp.
        :param pulumi.Input[_builtins.bool] run_on_start: This option defines whether or not
               the script should run when the agent starts. The script should exit when it is done
               to signal that the agent is ready.
        :param pulumi.Input[_builtins.bool] run_on_stop: This option defines whether or not
               the script should run when the agent stops. The script should exit when it is done
               to signal that the workspace can be stopped.
        :param pulumi.Input[_builtins.str] script: The content of the script that will be
               run.
        :param pulumi.Input[_builtins.bool] start_blocks_login: This option determines
               whether users can log in immediately or must wait for the workspace to finish
               running this script upon startup.
        :param pulumi.Input[_builtins.float] timeout: Time in seconds that the script is
               allowed to run. If the script does not complete within this time, the script is
               terminated and the agent lifecycle status is marked as timed out. A value of zero
               (default) means no timeout.
        """
        if agent_id is not None:
            pulumi.set(__self__, "agent_id", agent_id)
        if cron is not None:
            pulumi.set(__self__, "cron", cron)
        if display_name is not None:
            pulumi.set(__self__, "display_name", display_name)
        if icon is not None:
            pulumi.set(__self__, "icon", icon)
        if log_path is not None:
            pulumi.set(__self__, "log_path", log_path)
        if run_on_start is not None:
            pulumi.set(__self__, "run_on_start", run_on_start)
        if run_on_stop is not None:
            pulumi.set(__self__, "run_on_stop", run_on_stop)
        if script is not None:
            pulumi.set(__self__, "script", script)
        if start_blocks_login is not None:
            pulumi.set(__self__, "start_blocks_login", start_blocks_login)
        if timeout is not None:
            pulumi.set(__self__, "timeout", timeout)

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
    @pulumi.getter
    def cron(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The cron schedule to run the script on. This is a cron expression.
        """
        return pulumi.get(self, "cron")

    @cron.setter
    def cron(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "cron", value)

    @_builtins.property
    @pulumi.getter(name="displayName")
    def display_name(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The display name of the script to display logs in the dashboard.
        """
        return pulumi.get(self, "display_name")

    @display_name.setter
    def display_name(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "display_name", value)

    @_builtins.property
    @pulumi.getter
    def icon(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        A URL to an icon that will display in the dashboard. View built-in icons here:
        https://github.com/coder/coder/tree/main/site/static/icon. Use a built-in icon with
        `"${data.coder_workspace.me.access_url}/icon/<path>"`.
        """
        return pulumi.get(self, "icon")

    @icon.setter
    def icon(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "icon", value)

    @_builtins.property
    @pulumi.getter(name="logPath")
    def log_path(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The path of a file to write the logs to. If relative, it will be appended to tmp.
        """
        return pulumi.get(self, "log_path")

    @log_path.setter
    def log_path(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "log_path", value)

    @_builtins.property
    @pulumi.getter(name="runOnStart")
    def run_on_start(self) -> Optional[pulumi.Input[_builtins.bool]]:
        """
        This option defines whether or not the script should run when the agent starts. The
        script should exit when it is done to signal that the agent is ready.
        """
        return pulumi.get(self, "run_on_start")

    @run_on_start.setter
    def run_on_start(self, value: Optional[pulumi.Input[_builtins.bool]]) -> None:
        pulumi.set(self, "run_on_start", value)

    @_builtins.property
    @pulumi.getter(name="runOnStop")
    def run_on_stop(self) -> Optional[pulumi.Input[_builtins.bool]]:
        """
        This option defines whether or not the script should run when the agent stops. The
        script should exit when it is done to signal that the workspace can be stopped.
        """
        return pulumi.get(self, "run_on_stop")

    @run_on_stop.setter
    def run_on_stop(self, value: Optional[pulumi.Input[_builtins.bool]]) -> None:
        pulumi.set(self, "run_on_stop", value)

    @_builtins.property
    @pulumi.getter
    def script(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The content of the script that will be run.
        """
        return pulumi.get(self, "script")

    @script.setter
    def script(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "script", value)

    @_builtins.property
    @pulumi.getter(name="startBlocksLogin")
    def start_blocks_login(self) -> Optional[pulumi.Input[_builtins.bool]]:
        """
        This option determines whether users can log in immediately or must wait for the
        workspace to finish running this script upon startup.
        """
        return pulumi.get(self, "start_blocks_login")

    @start_blocks_login.setter
    def start_blocks_login(self, value: Optional[pulumi.Input[_builtins.bool]]) -> None:
        pulumi.set(self, "start_blocks_login", value)

    @_builtins.property
    @pulumi.getter
    def timeout(self) -> Optional[pulumi.Input[_builtins.float]]:
        """
        Time in seconds that the script is allowed to run. If the script does not complete
        within this time, the script is terminated and the agent lifecycle status is marked
        as timed out. A value of zero (default) means no timeout.
        """
        return pulumi.get(self, "timeout")

    @timeout.setter
    def timeout(self, value: Optional[pulumi.Input[_builtins.float]]) -> None:
        pulumi.set(self, "timeout", value)


@pulumi.type_token("coder:index/script:Script")
class Script(pulumi.CustomResource):
    @overload
    def __init__(
        __self__,
        resource_name: str,
        opts: Optional[pulumi.ResourceOptions] = None,
        agent_id: Optional[pulumi.Input[_builtins.str]] = None,
        cron: Optional[pulumi.Input[_builtins.str]] = None,
        display_name: Optional[pulumi.Input[_builtins.str]] = None,
        icon: Optional[pulumi.Input[_builtins.str]] = None,
        log_path: Optional[pulumi.Input[_builtins.str]] = None,
        run_on_start: Optional[pulumi.Input[_builtins.bool]] = None,
        run_on_stop: Optional[pulumi.Input[_builtins.bool]] = None,
        script: Optional[pulumi.Input[_builtins.str]] = None,
        start_blocks_login: Optional[pulumi.Input[_builtins.bool]] = None,
        timeout: Optional[pulumi.Input[_builtins.float]] = None,
        __props__: Any = None,
    ) -> None:
        """
        Use this resource to run a script from an agent.

        :param str resource_name: The name of the resource.
        :param pulumi.ResourceOptions opts: Options for the resource.
        :param pulumi.Input[_builtins.str] agent_id: The `id` property of a `coder_agent`
               resource to associate with.
        :param pulumi.Input[_builtins.str] cron: The cron schedule to run the script on.
               This is a cron expression.
        :param pulumi.Input[_builtins.str] display_name: The display name of the script to
               display logs in the dashboard.
        :param pulumi.Input[_builtins.str] icon: A URL to an icon that will display in the
               dashboard. View built-in icons here:
               https://github.com/coder/coder/tree/main/site/static/icon. Use a built-in icon with
               `"${data.coder_workspace.me.access_url}/icon/<path>"`.
        :param pulumi.Input[_builtins.str] log_path: The path of a file to write the logs
               to. If relative, it will be appended to tmp.
        :param pulumi.Input[_builtins.bool] run_on_start: This option defines whether or not
               the script should run when the agent starts. The script should exit when it is done
               to signal that the agent is ready.
        :param pulumi.Input[_builtins.bool] run_on_stop: This option defines whether or not
               the script should run when the agent stops. The script should exit when it is done
               to signal that the workspace can be stopped.
        :param pulumi.Input[_builtins.str] script: The content of the script that will be
               run.
        :param pulumi.Input[_builtins.bool] start_blocks_login: This option determines
               whether users can log in immediately or must wait for the workspace to finish
               running this script upon startup.
        :param pulumi.Input[_builtins.float] timeout: Time in seconds that the script is
               allowed to run. If the script does not complete within this time, the script is
               terminated and the agent lifecycle status is marked as timed out. A value of zero
               (default) means no timeout.
        """
        ...

    @overload
    def __init__(
        __self__,
        resource_name: str,
        args: ScriptArgs,
        opts: Optional[pulumi.ResourceOptions] = None,
    ) -> None:
        """
        Use this resource to run a script from an agent.

        :param str resource_name: The name of the resource.
        :param ScriptArgs args: The arguments to use to populate this resource's properties.
        :param pulumi.ResourceOptions opts: Options for the resource.
        """
        ...

    def __init__(__self__, resource_name: str, *args: Any, **kwargs: Any) -> None:
        resource_args, opts = _utilities.get_resource_args_opts(
            ScriptArgs, pulumi.ResourceOptions, *args, **kwargs
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
        cron: Optional[pulumi.Input[_builtins.str]] = None,
        display_name: Optional[pulumi.Input[_builtins.str]] = None,
        icon: Optional[pulumi.Input[_builtins.str]] = None,
        log_path: Optional[pulumi.Input[_builtins.str]] = None,
        run_on_start: Optional[pulumi.Input[_builtins.bool]] = None,
        run_on_stop: Optional[pulumi.Input[_builtins.bool]] = None,
        script: Optional[pulumi.Input[_builtins.str]] = None,
        start_blocks_login: Optional[pulumi.Input[_builtins.bool]] = None,
        timeout: Optional[pulumi.Input[_builtins.float]] = None,
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
            __props__ = ScriptArgs.__new__(ScriptArgs)

            if agent_id is None and not opts.urn:
                raise TypeError("Missing required property 'agent_id'")
            __props__.__dict__["agent_id"] = agent_id
            __props__.__dict__["cron"] = cron
            if display_name is None and not opts.urn:
                raise TypeError("Missing required property 'display_name'")
            __props__.__dict__["display_name"] = display_name
            __props__.__dict__["icon"] = icon
            __props__.__dict__["log_path"] = log_path
            __props__.__dict__["run_on_start"] = run_on_start
            __props__.__dict__["run_on_stop"] = run_on_stop
            if script is None and not opts.urn:
                raise TypeError("Missing required property 'script'")
            __props__.__dict__["script"] = script
            __props__.__dict__["start_blocks_login"] = start_blocks_login
            __props__.__dict__["timeout"] = timeout
        super(Script, __self__).__init__(
            "coder:index/script:Script",
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
        cron: Optional[pulumi.Input[_builtins.str]] = None,
        display_name: Optional[pulumi.Input[_builtins.str]] = None,
        icon: Optional[pulumi.Input[_builtins.str]] = None,
        log_path: Optional[pulumi.Input[_builtins.str]] = None,
        run_on_start: Optional[pulumi.Input[_builtins.bool]] = None,
        run_on_stop: Optional[pulumi.Input[_builtins.bool]] = None,
        script: Optional[pulumi.Input[_builtins.str]] = None,
        start_blocks_login: Optional[pulumi.Input[_builtins.bool]] = None,
        timeout: Optional[pulumi.Input[_builtins.float]] = None,
    ) -> "Script":
        """
        Get an existing Script resource's state with the given name, id, and optional extra
        properties used to qualify the lookup.

        :param str resource_name: The unique name of the resulting resource.
        :param pulumi.Input[str] id: The unique provider ID of the resource to lookup.
        :param pulumi.ResourceOptions opts: Options for the resource.
        :param pulumi.Input[_builtins.str] agent_id: The `id` property of a `coder_agent`
               resource to associate with.
        :param pulumi.Input[_builtins.str] cron: The cron schedule to run the script on.
               This is a cron expression.
        :param pulumi.Input[_builtins.str] display_name: The display name of the script to
               display logs in the dashboard.
        :param pulumi.Input[_builtins.str] icon: A URL to an icon that will display in the
               dashboard. View built-in icons here:
               https://github.com/coder/coder/tree/main/site/static/icon. Use a built-in icon with
               `"${data.coder_workspace.me.access_url}/icon/<path>"`.
        :param pulumi.Input[_builtins.str] log_path: The path of a file to write the logs
               to. If relative, it will be appended to tmp.
        :param pulumi.Input[_builtins.bool] run_on_start: This option defines whether or not
               the script should run when the agent starts. The script should exit when it is done
               to signal that the agent is ready.
        :param pulumi.Input[_builtins.bool] run_on_stop: This option defines whether or not
               the script should run when the agent stops. The script should exit when it is done
               to signal that the workspace can be stopped.
        :param pulumi.Input[_builtins.str] script: The content of the script that will be
               run.
        :param pulumi.Input[_builtins.bool] start_blocks_login: This option determines
               whether users can log in immediately or must wait for the workspace to finish
               running this script upon startup.
        :param pulumi.Input[_builtins.float] timeout: Time in seconds that the script is
               allowed to run. If the script does not complete within this time, the script is
               terminated and the agent lifecycle status is marked as timed out. A value of zero
               (default) means no timeout.
        """
        opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))

        __props__ = _ScriptState.__new__(_ScriptState)

        __props__.__dict__["agent_id"] = agent_id
        __props__.__dict__["cron"] = cron
        __props__.__dict__["display_name"] = display_name
        __props__.__dict__["icon"] = icon
        __props__.__dict__["log_path"] = log_path
        __props__.__dict__["run_on_start"] = run_on_start
        __props__.__dict__["run_on_stop"] = run_on_stop
        __props__.__dict__["script"] = script
        __props__.__dict__["start_blocks_login"] = start_blocks_login
        __props__.__dict__["timeout"] = timeout
        return Script(resource_name, opts=opts, __props__=__props__)

    @_builtins.property
    @pulumi.getter(name="agentId")
    def agent_id(self) -> pulumi.Output[_builtins.str]:
        """
        The `id` property of a `coder_agent` resource to associate with.
        """
        return pulumi.get(self, "agent_id")

    @_builtins.property
    @pulumi.getter
    def cron(self) -> pulumi.Output[Optional[_builtins.str]]:
        """
        The cron schedule to run the script on. This is a cron expression.
        """
        return pulumi.get(self, "cron")

    @_builtins.property
    @pulumi.getter(name="displayName")
    def display_name(self) -> pulumi.Output[_builtins.str]:
        """
        The display name of the script to display logs in the dashboard.
        """
        return pulumi.get(self, "display_name")

    @_builtins.property
    @pulumi.getter
    def icon(self) -> pulumi.Output[Optional[_builtins.str]]:
        """
        A URL to an icon that will display in the dashboard. View built-in icons here:
        https://github.com/coder/coder/tree/main/site/static/icon. Use a built-in icon with
        `"${data.coder_workspace.me.access_url}/icon/<path>"`.
        """
        return pulumi.get(self, "icon")

    @_builtins.property
    @pulumi.getter(name="logPath")
    def log_path(self) -> pulumi.Output[Optional[_builtins.str]]:
        """
        The path of a file to write the logs to. If relative, it will be appended to tmp.
        """
        return pulumi.get(self, "log_path")

    @_builtins.property
    @pulumi.getter(name="runOnStart")
    def run_on_start(self) -> pulumi.Output[Optional[_builtins.bool]]:
        """
        This option defines whether or not the script should run when the agent starts. The
        script should exit when it is done to signal that the agent is ready.
        """
        return pulumi.get(self, "run_on_start")

    @_builtins.property
    @pulumi.getter(name="runOnStop")
    def run_on_stop(self) -> pulumi.Output[Optional[_builtins.bool]]:
        """
        This option defines whether or not the script should run when the agent stops. The
        script should exit when it is done to signal that the workspace can be stopped.
        """
        return pulumi.get(self, "run_on_stop")

    @_builtins.property
    @pulumi.getter
    def script(self) -> pulumi.Output[_builtins.str]:
        """
        The content of the script that will be run.
        """
        return pulumi.get(self, "script")

    @_builtins.property
    @pulumi.getter(name="startBlocksLogin")
    def start_blocks_login(self) -> pulumi.Output[Optional[_builtins.bool]]:
        """
        This option determines whether users can log in immediately or must wait for the
        workspace to finish running this script upon startup.
        """
        return pulumi.get(self, "start_blocks_login")

    @_builtins.property
    @pulumi.getter
    def timeout(self) -> pulumi.Output[Optional[_builtins.float]]:
        """
        Time in seconds that the script is allowed to run. If the script does not complete
        within this time, the script is terminated and the agent lifecycle status is marked
        as timed out. A value of zero (default) means no timeout.
        """
        return pulumi.get(self, "timeout")
