# *** Hand-written mirror of what `pulumi package add terraform-provider coder/coder` ***
# *** generates for coder/coder 2.17.0 (Pulumi's "any Terraform provider" bridge).     ***
# *** Regenerating with the real tool replaces this file: keep the public API the same. ***
# mypy: disable-error-code="no-any-return"

import builtins as _builtins
from collections.abc import Mapping
from typing import Any, Optional, overload

import pulumi

from . import _utilities

__all__ = ["Agent", "AgentArgs"]


@pulumi.input_type
class AgentArgs:
    def __init__(
        __self__,
        *,
        arch: pulumi.Input[_builtins.str],
        os: pulumi.Input[_builtins.str],
        auth: Optional[pulumi.Input[_builtins.str]] = None,
        connection_timeout: Optional[pulumi.Input[_builtins.float]] = None,
        dir: Optional[pulumi.Input[_builtins.str]] = None,
        env: Optional[pulumi.Input[Mapping[str, pulumi.Input[_builtins.str]]]] = None,
        motd_file: Optional[pulumi.Input[_builtins.str]] = None,
        order: Optional[pulumi.Input[_builtins.float]] = None,
        shutdown_script: Optional[pulumi.Input[_builtins.str]] = None,
        startup_script: Optional[pulumi.Input[_builtins.str]] = None,
        troubleshooting_url: Optional[pulumi.Input[_builtins.str]] = None,
    ) -> None:
        """
        The set of arguments for constructing a Agent resource.

        :param pulumi.Input[_builtins.str] arch: The architecture the agent will run on.
               Must be one of: `"amd64"`, `"armv7"`, `"arm64"`.
        :param pulumi.Input[_builtins.str] os: The operating system the agent will run on.
               Must be one of: `"linux"`, `"darwin"`, or `"windows"`.
        :param pulumi.Input[_builtins.str] auth: The authentication type the agent will use.
               Must be one of: `"token"`, `"google-instance-identity"`, `"aws-instance-identity"`,
               `"azure-instance-identity"`.
        :param pulumi.Input[_builtins.float] connection_timeout: Time in seconds until the
               agent is marked as timed out when a connection with the server cannot be
               established. A value of zero never marks the agent as timed out.
        :param pulumi.Input[_builtins.str] dir: The starting directory when a user creates a
               shell session. Defaults to `"$HOME"`.
        :param pulumi.Input[Mapping[str, pulumi.Input[_builtins.str]]] env: A mapping of
               environment variables to set inside the workspace.
        :param pulumi.Input[_builtins.str] motd_file: The path to a file within the
               workspace containing a message to display to users when they login via SSH.
        :param pulumi.Input[_builtins.float] order: The order determines the position of
               agents in the UI presentation. The lowest order is shown first and agents with equal
               order are sorted by name.
        :param pulumi.Input[_builtins.str] shutdown_script: A script to run before the agent
               is stopped. The script should exit when it is done to signal that the workspace can
               be stopped.
        :param pulumi.Input[_builtins.str] startup_script: A script to run after the agent
               starts. The script should exit when it is done to signal that the agent is ready.
        :param pulumi.Input[_builtins.str] troubleshooting_url: A URL to a document with
               instructions for troubleshooting problems with the agent.
        """
        pulumi.set(__self__, "arch", arch)
        pulumi.set(__self__, "os", os)
        if auth is not None:
            pulumi.set(__self__, "auth", auth)
        if connection_timeout is not None:
            pulumi.set(__self__, "connection_timeout", connection_timeout)
        if dir is not None:
            pulumi.set(__self__, "dir", dir)
        if env is not None:
            pulumi.set(__self__, "env", env)
        if motd_file is not None:
            pulumi.set(__self__, "motd_file", motd_file)
        if order is not None:
            pulumi.set(__self__, "order", order)
        if shutdown_script is not None:
            pulumi.set(__self__, "shutdown_script", shutdown_script)
        if startup_script is not None:
            pulumi.set(__self__, "startup_script", startup_script)
        if troubleshooting_url is not None:
            pulumi.set(__self__, "troubleshooting_url", troubleshooting_url)

    @_builtins.property
    @pulumi.getter
    def arch(self) -> pulumi.Input[_builtins.str]:
        """
        The architecture the agent will run on. Must be one of: `"amd64"`, `"armv7"`,
        `"arm64"`.
        """
        return pulumi.get(self, "arch")

    @arch.setter
    def arch(self, value: pulumi.Input[_builtins.str]) -> None:
        pulumi.set(self, "arch", value)

    @_builtins.property
    @pulumi.getter
    def auth(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The authentication type the agent will use. Must be one of: `"token"`,
        `"google-instance-identity"`, `"aws-instance-identity"`,
        `"azure-instance-identity"`.
        """
        return pulumi.get(self, "auth")

    @auth.setter
    def auth(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "auth", value)

    @_builtins.property
    @pulumi.getter(name="connectionTimeout")
    def connection_timeout(self) -> Optional[pulumi.Input[_builtins.float]]:
        """
        Time in seconds until the agent is marked as timed out when a connection with the
        server cannot be established. A value of zero never marks the agent as timed out.
        """
        return pulumi.get(self, "connection_timeout")

    @connection_timeout.setter
    def connection_timeout(self, value: Optional[pulumi.Input[_builtins.float]]) -> None:
        pulumi.set(self, "connection_timeout", value)

    @_builtins.property
    @pulumi.getter
    def dir(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The starting directory when a user creates a shell session. Defaults to `"$HOME"`.
        """
        return pulumi.get(self, "dir")

    @dir.setter
    def dir(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "dir", value)

    @_builtins.property
    @pulumi.getter
    def env(self) -> Optional[pulumi.Input[Mapping[str, pulumi.Input[_builtins.str]]]]:
        """
        A mapping of environment variables to set inside the workspace.
        """
        return pulumi.get(self, "env")

    @env.setter
    def env(self, value: Optional[pulumi.Input[Mapping[str, pulumi.Input[_builtins.str]]]]) -> None:
        pulumi.set(self, "env", value)

    @_builtins.property
    @pulumi.getter(name="motdFile")
    def motd_file(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The path to a file within the workspace containing a message to display to users
        when they login via SSH.
        """
        return pulumi.get(self, "motd_file")

    @motd_file.setter
    def motd_file(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "motd_file", value)

    @_builtins.property
    @pulumi.getter
    def order(self) -> Optional[pulumi.Input[_builtins.float]]:
        """
        The order determines the position of agents in the UI presentation. The lowest order
        is shown first and agents with equal order are sorted by name.
        """
        return pulumi.get(self, "order")

    @order.setter
    def order(self, value: Optional[pulumi.Input[_builtins.float]]) -> None:
        pulumi.set(self, "order", value)

    @_builtins.property
    @pulumi.getter
    def os(self) -> pulumi.Input[_builtins.str]:
        """
        The operating system the agent will run on. Must be one of: `"linux"`, `"darwin"`,
        or `"windows"`.
        """
        return pulumi.get(self, "os")

    @os.setter
    def os(self, value: pulumi.Input[_builtins.str]) -> None:
        pulumi.set(self, "os", value)

    @_builtins.property
    @pulumi.getter(name="shutdownScript")
    def shutdown_script(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        A script to run before the agent is stopped. The script should exit when it is done
        to signal that the workspace can be stopped.
        """
        return pulumi.get(self, "shutdown_script")

    @shutdown_script.setter
    def shutdown_script(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "shutdown_script", value)

    @_builtins.property
    @pulumi.getter(name="startupScript")
    def startup_script(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        A script to run after the agent starts. The script should exit when it is done to
        signal that the agent is ready.
        """
        return pulumi.get(self, "startup_script")

    @startup_script.setter
    def startup_script(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "startup_script", value)

    @_builtins.property
    @pulumi.getter(name="troubleshootingUrl")
    def troubleshooting_url(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        A URL to a document with instructions for troubleshooting problems with the agent.
        """
        return pulumi.get(self, "troubleshooting_url")

    @troubleshooting_url.setter
    def troubleshooting_url(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "troubleshooting_url", value)


@pulumi.input_type
class _AgentState:
    def __init__(
        __self__,
        *,
        arch: Optional[pulumi.Input[_builtins.str]] = None,
        auth: Optional[pulumi.Input[_builtins.str]] = None,
        connection_timeout: Optional[pulumi.Input[_builtins.float]] = None,
        dir: Optional[pulumi.Input[_builtins.str]] = None,
        env: Optional[pulumi.Input[Mapping[str, pulumi.Input[_builtins.str]]]] = None,
        init_script: Optional[pulumi.Input[_builtins.str]] = None,
        motd_file: Optional[pulumi.Input[_builtins.str]] = None,
        order: Optional[pulumi.Input[_builtins.float]] = None,
        os: Optional[pulumi.Input[_builtins.str]] = None,
        shutdown_script: Optional[pulumi.Input[_builtins.str]] = None,
        startup_script: Optional[pulumi.Input[_builtins.str]] = None,
        token: Optional[pulumi.Input[_builtins.str]] = None,
        troubleshooting_url: Optional[pulumi.Input[_builtins.str]] = None,
    ) -> None:
        """
        Input properties used for looking up and filtering Agent resources.

        :param pulumi.Input[_builtins.str] arch: The architecture the agent will run on.
               Must be one of: `"amd64"`, `"armv7"`, `"arm64"`.
        :param pulumi.Input[_builtins.str] auth: The authentication type the agent will use.
               Must be one of: `"token"`, `"google-instance-identity"`, `"aws-instance-identity"`,
               `"azure-instance-identity"`.
        :param pulumi.Input[_builtins.float] connection_timeout: Time in seconds until the
               agent is marked as timed out when a connection with the server cannot be
               established. A value of zero never marks the agent as timed out.
        :param pulumi.Input[_builtins.str] dir: The starting directory when a user creates a
               shell session. Defaults to `"$HOME"`.
        :param pulumi.Input[Mapping[str, pulumi.Input[_builtins.str]]] env: A mapping of
               environment variables to set inside the workspace.
        :param pulumi.Input[_builtins.str] init_script: Run this script on startup of an
               instance to initialize the agent.
        :param pulumi.Input[_builtins.str] motd_file: The path to a file within the
               workspace containing a message to display to users when they login via SSH.
        :param pulumi.Input[_builtins.float] order: The order determines the position of
               agents in the UI presentation. The lowest order is shown first and agents with equal
               order are sorted by name.
        :param pulumi.Input[_builtins.str] os: The operating system the agent will run on.
               Must be one of: `"linux"`, `"darwin"`, or `"windows"`.
        :param pulumi.Input[_builtins.str] shutdown_script: A script to run before the agent
               is stopped. The script should exit when it is done to signal that the workspace can
               be stopped.
        :param pulumi.Input[_builtins.str] startup_script: A script to run after the agent
               starts. The script should exit when it is done to signal that the agent is ready.
        :param pulumi.Input[_builtins.str] token: Set the environment variable
               `CODER_AGENT_TOKEN` with this token to authenticate an agent.
        :param pulumi.Input[_builtins.str] troubleshooting_url: A URL to a document with
               instructions for troubleshooting problems with the agent.
        """
        if arch is not None:
            pulumi.set(__self__, "arch", arch)
        if auth is not None:
            pulumi.set(__self__, "auth", auth)
        if connection_timeout is not None:
            pulumi.set(__self__, "connection_timeout", connection_timeout)
        if dir is not None:
            pulumi.set(__self__, "dir", dir)
        if env is not None:
            pulumi.set(__self__, "env", env)
        if init_script is not None:
            pulumi.set(__self__, "init_script", init_script)
        if motd_file is not None:
            pulumi.set(__self__, "motd_file", motd_file)
        if order is not None:
            pulumi.set(__self__, "order", order)
        if os is not None:
            pulumi.set(__self__, "os", os)
        if shutdown_script is not None:
            pulumi.set(__self__, "shutdown_script", shutdown_script)
        if startup_script is not None:
            pulumi.set(__self__, "startup_script", startup_script)
        if token is not None:
            pulumi.set(__self__, "token", token)
        if troubleshooting_url is not None:
            pulumi.set(__self__, "troubleshooting_url", troubleshooting_url)

    @_builtins.property
    @pulumi.getter
    def arch(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The architecture the agent will run on. Must be one of: `"amd64"`, `"armv7"`,
        `"arm64"`.
        """
        return pulumi.get(self, "arch")

    @arch.setter
    def arch(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "arch", value)

    @_builtins.property
    @pulumi.getter
    def auth(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The authentication type the agent will use. Must be one of: `"token"`,
        `"google-instance-identity"`, `"aws-instance-identity"`,
        `"azure-instance-identity"`.
        """
        return pulumi.get(self, "auth")

    @auth.setter
    def auth(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "auth", value)

    @_builtins.property
    @pulumi.getter(name="connectionTimeout")
    def connection_timeout(self) -> Optional[pulumi.Input[_builtins.float]]:
        """
        Time in seconds until the agent is marked as timed out when a connection with the
        server cannot be established. A value of zero never marks the agent as timed out.
        """
        return pulumi.get(self, "connection_timeout")

    @connection_timeout.setter
    def connection_timeout(self, value: Optional[pulumi.Input[_builtins.float]]) -> None:
        pulumi.set(self, "connection_timeout", value)

    @_builtins.property
    @pulumi.getter
    def dir(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The starting directory when a user creates a shell session. Defaults to `"$HOME"`.
        """
        return pulumi.get(self, "dir")

    @dir.setter
    def dir(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "dir", value)

    @_builtins.property
    @pulumi.getter
    def env(self) -> Optional[pulumi.Input[Mapping[str, pulumi.Input[_builtins.str]]]]:
        """
        A mapping of environment variables to set inside the workspace.
        """
        return pulumi.get(self, "env")

    @env.setter
    def env(self, value: Optional[pulumi.Input[Mapping[str, pulumi.Input[_builtins.str]]]]) -> None:
        pulumi.set(self, "env", value)

    @_builtins.property
    @pulumi.getter(name="initScript")
    def init_script(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        Run this script on startup of an instance to initialize the agent.
        """
        return pulumi.get(self, "init_script")

    @init_script.setter
    def init_script(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "init_script", value)

    @_builtins.property
    @pulumi.getter(name="motdFile")
    def motd_file(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The path to a file within the workspace containing a message to display to users
        when they login via SSH.
        """
        return pulumi.get(self, "motd_file")

    @motd_file.setter
    def motd_file(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "motd_file", value)

    @_builtins.property
    @pulumi.getter
    def order(self) -> Optional[pulumi.Input[_builtins.float]]:
        """
        The order determines the position of agents in the UI presentation. The lowest order
        is shown first and agents with equal order are sorted by name.
        """
        return pulumi.get(self, "order")

    @order.setter
    def order(self, value: Optional[pulumi.Input[_builtins.float]]) -> None:
        pulumi.set(self, "order", value)

    @_builtins.property
    @pulumi.getter
    def os(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The operating system the agent will run on. Must be one of: `"linux"`, `"darwin"`,
        or `"windows"`.
        """
        return pulumi.get(self, "os")

    @os.setter
    def os(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "os", value)

    @_builtins.property
    @pulumi.getter(name="shutdownScript")
    def shutdown_script(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        A script to run before the agent is stopped. The script should exit when it is done
        to signal that the workspace can be stopped.
        """
        return pulumi.get(self, "shutdown_script")

    @shutdown_script.setter
    def shutdown_script(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "shutdown_script", value)

    @_builtins.property
    @pulumi.getter(name="startupScript")
    def startup_script(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        A script to run after the agent starts. The script should exit when it is done to
        signal that the agent is ready.
        """
        return pulumi.get(self, "startup_script")

    @startup_script.setter
    def startup_script(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "startup_script", value)

    @_builtins.property
    @pulumi.getter
    def token(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        Set the environment variable `CODER_AGENT_TOKEN` with this token to authenticate an
        agent.
        """
        return pulumi.get(self, "token")

    @token.setter
    def token(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "token", value)

    @_builtins.property
    @pulumi.getter(name="troubleshootingUrl")
    def troubleshooting_url(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        A URL to a document with instructions for troubleshooting problems with the agent.
        """
        return pulumi.get(self, "troubleshooting_url")

    @troubleshooting_url.setter
    def troubleshooting_url(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "troubleshooting_url", value)


@pulumi.type_token("coder:index/agent:Agent")
class Agent(pulumi.CustomResource):
    @overload
    def __init__(
        __self__,
        resource_name: str,
        opts: Optional[pulumi.ResourceOptions] = None,
        arch: Optional[pulumi.Input[_builtins.str]] = None,
        auth: Optional[pulumi.Input[_builtins.str]] = None,
        connection_timeout: Optional[pulumi.Input[_builtins.float]] = None,
        dir: Optional[pulumi.Input[_builtins.str]] = None,
        env: Optional[pulumi.Input[Mapping[str, pulumi.Input[_builtins.str]]]] = None,
        motd_file: Optional[pulumi.Input[_builtins.str]] = None,
        order: Optional[pulumi.Input[_builtins.float]] = None,
        os: Optional[pulumi.Input[_builtins.str]] = None,
        shutdown_script: Optional[pulumi.Input[_builtins.str]] = None,
        startup_script: Optional[pulumi.Input[_builtins.str]] = None,
        troubleshooting_url: Optional[pulumi.Input[_builtins.str]] = None,
        __props__: Any = None,
    ) -> None:
        """
        Use this resource to associate an agent.

        :param str resource_name: The name of the resource.
        :param pulumi.ResourceOptions opts: Options for the resource.
        :param pulumi.Input[_builtins.str] arch: The architecture the agent will run on.
               Must be one of: `"amd64"`, `"armv7"`, `"arm64"`.
        :param pulumi.Input[_builtins.str] auth: The authentication type the agent will use.
               Must be one of: `"token"`, `"google-instance-identity"`, `"aws-instance-identity"`,
               `"azure-instance-identity"`.
        :param pulumi.Input[_builtins.float] connection_timeout: Time in seconds until the
               agent is marked as timed out when a connection with the server cannot be
               established. A value of zero never marks the agent as timed out.
        :param pulumi.Input[_builtins.str] dir: The starting directory when a user creates a
               shell session. Defaults to `"$HOME"`.
        :param pulumi.Input[Mapping[str, pulumi.Input[_builtins.str]]] env: A mapping of
               environment variables to set inside the workspace.
        :param pulumi.Input[_builtins.str] motd_file: The path to a file within the
               workspace containing a message to display to users when they login via SSH.
        :param pulumi.Input[_builtins.float] order: The order determines the position of
               agents in the UI presentation. The lowest order is shown first and agents with equal
               order are sorted by name.
        :param pulumi.Input[_builtins.str] os: The operating system the agent will run on.
               Must be one of: `"linux"`, `"darwin"`, or `"windows"`.
        :param pulumi.Input[_builtins.str] shutdown_script: A script to run before the agent
               is stopped. The script should exit when it is done to signal that the workspace can
               be stopped.
        :param pulumi.Input[_builtins.str] startup_script: A script to run after the agent
               starts. The script should exit when it is done to signal that the agent is ready.
        :param pulumi.Input[_builtins.str] troubleshooting_url: A URL to a document with
               instructions for troubleshooting problems with the agent.
        """
        ...

    @overload
    def __init__(
        __self__,
        resource_name: str,
        args: AgentArgs,
        opts: Optional[pulumi.ResourceOptions] = None,
    ) -> None:
        """
        Use this resource to associate an agent.

        :param str resource_name: The name of the resource.
        :param AgentArgs args: The arguments to use to populate this resource's properties.
        :param pulumi.ResourceOptions opts: Options for the resource.
        """
        ...

    def __init__(__self__, resource_name: str, *args: Any, **kwargs: Any) -> None:
        resource_args, opts = _utilities.get_resource_args_opts(
            AgentArgs, pulumi.ResourceOptions, *args, **kwargs
        )
        if resource_args is not None:
            __self__._internal_init(resource_name, opts, **resource_args.__dict__)
        else:
            __self__._internal_init(resource_name, *args, **kwargs)

    def _internal_init(
        __self__,
        resource_name: str,
        opts: Optional[pulumi.ResourceOptions] = None,
        arch: Optional[pulumi.Input[_builtins.str]] = None,
        auth: Optional[pulumi.Input[_builtins.str]] = None,
        connection_timeout: Optional[pulumi.Input[_builtins.float]] = None,
        dir: Optional[pulumi.Input[_builtins.str]] = None,
        env: Optional[pulumi.Input[Mapping[str, pulumi.Input[_builtins.str]]]] = None,
        motd_file: Optional[pulumi.Input[_builtins.str]] = None,
        order: Optional[pulumi.Input[_builtins.float]] = None,
        os: Optional[pulumi.Input[_builtins.str]] = None,
        shutdown_script: Optional[pulumi.Input[_builtins.str]] = None,
        startup_script: Optional[pulumi.Input[_builtins.str]] = None,
        troubleshooting_url: Optional[pulumi.Input[_builtins.str]] = None,
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
            __props__ = AgentArgs.__new__(AgentArgs)

            if arch is None and not opts.urn:
                raise TypeError("Missing required property 'arch'")
            __props__.__dict__["arch"] = arch
            __props__.__dict__["auth"] = auth
            __props__.__dict__["connection_timeout"] = connection_timeout
            __props__.__dict__["dir"] = dir
            __props__.__dict__["env"] = env
            __props__.__dict__["motd_file"] = motd_file
            __props__.__dict__["order"] = order
            if os is None and not opts.urn:
                raise TypeError("Missing required property 'os'")
            __props__.__dict__["os"] = os
            __props__.__dict__["shutdown_script"] = shutdown_script
            __props__.__dict__["startup_script"] = startup_script
            __props__.__dict__["troubleshooting_url"] = troubleshooting_url
            __props__.__dict__["init_script"] = None
            __props__.__dict__["token"] = None
        secret_opts = pulumi.ResourceOptions(additional_secret_outputs=["token"])
        opts = pulumi.ResourceOptions.merge(opts, secret_opts)
        super(Agent, __self__).__init__(
            "coder:index/agent:Agent",
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
        arch: Optional[pulumi.Input[_builtins.str]] = None,
        auth: Optional[pulumi.Input[_builtins.str]] = None,
        connection_timeout: Optional[pulumi.Input[_builtins.float]] = None,
        dir: Optional[pulumi.Input[_builtins.str]] = None,
        env: Optional[pulumi.Input[Mapping[str, pulumi.Input[_builtins.str]]]] = None,
        init_script: Optional[pulumi.Input[_builtins.str]] = None,
        motd_file: Optional[pulumi.Input[_builtins.str]] = None,
        order: Optional[pulumi.Input[_builtins.float]] = None,
        os: Optional[pulumi.Input[_builtins.str]] = None,
        shutdown_script: Optional[pulumi.Input[_builtins.str]] = None,
        startup_script: Optional[pulumi.Input[_builtins.str]] = None,
        token: Optional[pulumi.Input[_builtins.str]] = None,
        troubleshooting_url: Optional[pulumi.Input[_builtins.str]] = None,
    ) -> "Agent":
        """
        Get an existing Agent resource's state with the given name, id, and optional extra
        properties used to qualify the lookup.

        :param str resource_name: The unique name of the resulting resource.
        :param pulumi.Input[str] id: The unique provider ID of the resource to lookup.
        :param pulumi.ResourceOptions opts: Options for the resource.
        :param pulumi.Input[_builtins.str] arch: The architecture the agent will run on.
               Must be one of: `"amd64"`, `"armv7"`, `"arm64"`.
        :param pulumi.Input[_builtins.str] auth: The authentication type the agent will use.
               Must be one of: `"token"`, `"google-instance-identity"`, `"aws-instance-identity"`,
               `"azure-instance-identity"`.
        :param pulumi.Input[_builtins.float] connection_timeout: Time in seconds until the
               agent is marked as timed out when a connection with the server cannot be
               established. A value of zero never marks the agent as timed out.
        :param pulumi.Input[_builtins.str] dir: The starting directory when a user creates a
               shell session. Defaults to `"$HOME"`.
        :param pulumi.Input[Mapping[str, pulumi.Input[_builtins.str]]] env: A mapping of
               environment variables to set inside the workspace.
        :param pulumi.Input[_builtins.str] init_script: Run this script on startup of an
               instance to initialize the agent.
        :param pulumi.Input[_builtins.str] motd_file: The path to a file within the
               workspace containing a message to display to users when they login via SSH.
        :param pulumi.Input[_builtins.float] order: The order determines the position of
               agents in the UI presentation. The lowest order is shown first and agents with equal
               order are sorted by name.
        :param pulumi.Input[_builtins.str] os: The operating system the agent will run on.
               Must be one of: `"linux"`, `"darwin"`, or `"windows"`.
        :param pulumi.Input[_builtins.str] shutdown_script: A script to run before the agent
               is stopped. The script should exit when it is done to signal that the workspace can
               be stopped.
        :param pulumi.Input[_builtins.str] startup_script: A script to run after the agent
               starts. The script should exit when it is done to signal that the agent is ready.
        :param pulumi.Input[_builtins.str] token: Set the environment variable
               `CODER_AGENT_TOKEN` with this token to authenticate an agent.
        :param pulumi.Input[_builtins.str] troubleshooting_url: A URL to a document with
               instructions for troubleshooting problems with the agent.
        """
        opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))

        __props__ = _AgentState.__new__(_AgentState)

        __props__.__dict__["arch"] = arch
        __props__.__dict__["auth"] = auth
        __props__.__dict__["connection_timeout"] = connection_timeout
        __props__.__dict__["dir"] = dir
        __props__.__dict__["env"] = env
        __props__.__dict__["init_script"] = init_script
        __props__.__dict__["motd_file"] = motd_file
        __props__.__dict__["order"] = order
        __props__.__dict__["os"] = os
        __props__.__dict__["shutdown_script"] = shutdown_script
        __props__.__dict__["startup_script"] = startup_script
        __props__.__dict__["token"] = token
        __props__.__dict__["troubleshooting_url"] = troubleshooting_url
        return Agent(resource_name, opts=opts, __props__=__props__)

    @_builtins.property
    @pulumi.getter
    def arch(self) -> pulumi.Output[_builtins.str]:
        """
        The architecture the agent will run on. Must be one of: `"amd64"`, `"armv7"`,
        `"arm64"`.
        """
        return pulumi.get(self, "arch")

    @_builtins.property
    @pulumi.getter
    def auth(self) -> pulumi.Output[Optional[_builtins.str]]:
        """
        The authentication type the agent will use. Must be one of: `"token"`,
        `"google-instance-identity"`, `"aws-instance-identity"`,
        `"azure-instance-identity"`.
        """
        return pulumi.get(self, "auth")

    @_builtins.property
    @pulumi.getter(name="connectionTimeout")
    def connection_timeout(self) -> pulumi.Output[Optional[_builtins.float]]:
        """
        Time in seconds until the agent is marked as timed out when a connection with the
        server cannot be established. A value of zero never marks the agent as timed out.
        """
        return pulumi.get(self, "connection_timeout")

    @_builtins.property
    @pulumi.getter
    def dir(self) -> pulumi.Output[Optional[_builtins.str]]:
        """
        The starting directory when a user creates a shell session. Defaults to `"$HOME"`.
        """
        return pulumi.get(self, "dir")

    @_builtins.property
    @pulumi.getter
    def env(self) -> pulumi.Output[Optional[Mapping[str, _builtins.str]]]:
        """
        A mapping of environment variables to set inside the workspace.
        """
        return pulumi.get(self, "env")

    @_builtins.property
    @pulumi.getter(name="initScript")
    def init_script(self) -> pulumi.Output[_builtins.str]:
        """
        Run this script on startup of an instance to initialize the agent.
        """
        return pulumi.get(self, "init_script")

    @_builtins.property
    @pulumi.getter(name="motdFile")
    def motd_file(self) -> pulumi.Output[Optional[_builtins.str]]:
        """
        The path to a file within the workspace containing a message to display to users
        when they login via SSH.
        """
        return pulumi.get(self, "motd_file")

    @_builtins.property
    @pulumi.getter
    def order(self) -> pulumi.Output[Optional[_builtins.float]]:
        """
        The order determines the position of agents in the UI presentation. The lowest order
        is shown first and agents with equal order are sorted by name.
        """
        return pulumi.get(self, "order")

    @_builtins.property
    @pulumi.getter
    def os(self) -> pulumi.Output[_builtins.str]:
        """
        The operating system the agent will run on. Must be one of: `"linux"`, `"darwin"`,
        or `"windows"`.
        """
        return pulumi.get(self, "os")

    @_builtins.property
    @pulumi.getter(name="shutdownScript")
    def shutdown_script(self) -> pulumi.Output[Optional[_builtins.str]]:
        """
        A script to run before the agent is stopped. The script should exit when it is done
        to signal that the workspace can be stopped.
        """
        return pulumi.get(self, "shutdown_script")

    @_builtins.property
    @pulumi.getter(name="startupScript")
    def startup_script(self) -> pulumi.Output[Optional[_builtins.str]]:
        """
        A script to run after the agent starts. The script should exit when it is done to
        signal that the agent is ready.
        """
        return pulumi.get(self, "startup_script")

    @_builtins.property
    @pulumi.getter
    def token(self) -> pulumi.Output[_builtins.str]:
        """
        Set the environment variable `CODER_AGENT_TOKEN` with this token to authenticate an
        agent.
        """
        return pulumi.get(self, "token")

    @_builtins.property
    @pulumi.getter(name="troubleshootingUrl")
    def troubleshooting_url(self) -> pulumi.Output[Optional[_builtins.str]]:
        """
        A URL to a document with instructions for troubleshooting problems with the agent.
        """
        return pulumi.get(self, "troubleshooting_url")
