# *** Hand-written mirror of what `pulumi package add terraform-provider coder/coder` ***
# *** generates for coder/coder 2.17.0 (Pulumi's "any Terraform provider" bridge).     ***
# *** Regenerating with the real tool replaces this file: keep the public API the same. ***
# mypy: disable-error-code="no-any-return"

import builtins as _builtins
from typing import Any, Optional, Union, overload

import pulumi

from . import _utilities, outputs
from ._inputs import AppHealthcheckArgs, AppHealthcheckArgsDict

__all__ = ["App", "AppArgs"]


@pulumi.input_type
class AppArgs:
    def __init__(
        __self__,
        *,
        agent_id: pulumi.Input[_builtins.str],
        slug: pulumi.Input[_builtins.str],
        command: Optional[pulumi.Input[_builtins.str]] = None,
        display_name: Optional[pulumi.Input[_builtins.str]] = None,
        external: Optional[pulumi.Input[_builtins.bool]] = None,
        group: Optional[pulumi.Input[_builtins.str]] = None,
        healthcheck: Optional[pulumi.Input["AppHealthcheckArgs"]] = None,
        hidden: Optional[pulumi.Input[_builtins.bool]] = None,
        icon: Optional[pulumi.Input[_builtins.str]] = None,
        open_in: Optional[pulumi.Input[_builtins.str]] = None,
        order: Optional[pulumi.Input[_builtins.float]] = None,
        share: Optional[pulumi.Input[_builtins.str]] = None,
        subdomain: Optional[pulumi.Input[_builtins.bool]] = None,
        tooltip: Optional[pulumi.Input[_builtins.str]] = None,
        url: Optional[pulumi.Input[_builtins.str]] = None,
    ) -> None:
        """
        The set of arguments for constructing a App resource.

        :param pulumi.Input[_builtins.str] agent_id: The `id` property of a `coder_agent`
               resource to associate with.
        :param pulumi.Input[_builtins.str] slug: A hostname-friendly name for the app. This
               is used in URLs to access the app.
        :param pulumi.Input[_builtins.str] command: A command to run in a terminal opening
               this app. Either `command` or `url` may be specified, but not both.
        :param pulumi.Input[_builtins.str] display_name: A display name to identify the app.
               Defaults to the slug.
        :param pulumi.Input[_builtins.bool] external: Specifies whether `url` is opened on
               the client machine instead of proxied through the workspace.
        :param pulumi.Input[_builtins.str] group: The name of a group that this app belongs
               to.
        :param pulumi.Input['AppHealthcheckArgs'] healthcheck: HTTP health checking to
               determine the application readiness.
        :param pulumi.Input[_builtins.bool] hidden: Determines if the app is visible in the
               UI.
        :param pulumi.Input[_builtins.str] icon: A URL to an icon that will display in the
               dashboard. View built-in icons here:
               https://github.com/coder/coder/tree/main/site/static/icon. Use a built-in icon with
               `"${data.coder_workspace.me.access_url}/icon/<path>"`.
        :param pulumi.Input[_builtins.str] open_in: Determines where the app will be opened.
               Valid values are `"tab"` and `"slim-window"` (default).
        :param pulumi.Input[_builtins.float] order: The order determines the position of app
               in the UI presentation. The lowest order is shown first and apps with equal order
               are sorted by name.
        :param pulumi.Input[_builtins.str] share: Determines the level which the application
               is shared at. Valid levels are `"owner"` (default), `"authenticated"` and
               `"public"`.
        :param pulumi.Input[_builtins.bool] subdomain: Determines whether the app will be
               accessed via its own subdomain or via a path on Coder.
        :param pulumi.Input[_builtins.str] tooltip: Markdown text that is displayed when
               hovering over the app.
        :param pulumi.Input[_builtins.str] url: An external url if `external=true` or a URL
               to be proxied to from inside the workspace. Either `command` or `url` may be
               specified, but not both.
        """
        pulumi.set(__self__, "agent_id", agent_id)
        pulumi.set(__self__, "slug", slug)
        if command is not None:
            pulumi.set(__self__, "command", command)
        if display_name is not None:
            pulumi.set(__self__, "display_name", display_name)
        if external is not None:
            pulumi.set(__self__, "external", external)
        if group is not None:
            pulumi.set(__self__, "group", group)
        if healthcheck is not None:
            pulumi.set(__self__, "healthcheck", healthcheck)
        if hidden is not None:
            pulumi.set(__self__, "hidden", hidden)
        if icon is not None:
            pulumi.set(__self__, "icon", icon)
        if open_in is not None:
            pulumi.set(__self__, "open_in", open_in)
        if order is not None:
            pulumi.set(__self__, "order", order)
        if share is not None:
            pulumi.set(__self__, "share", share)
        if subdomain is not None:
            pulumi.set(__self__, "subdomain", subdomain)
        if tooltip is not None:
            pulumi.set(__self__, "tooltip", tooltip)
        if url is not None:
            pulumi.set(__self__, "url", url)

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
    def command(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        A command to run in a terminal opening this app. Either `command` or `url` may be
        specified, but not both.
        """
        return pulumi.get(self, "command")

    @command.setter
    def command(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "command", value)

    @_builtins.property
    @pulumi.getter(name="displayName")
    def display_name(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        A display name to identify the app. Defaults to the slug.
        """
        return pulumi.get(self, "display_name")

    @display_name.setter
    def display_name(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "display_name", value)

    @_builtins.property
    @pulumi.getter
    def external(self) -> Optional[pulumi.Input[_builtins.bool]]:
        """
        Specifies whether `url` is opened on the client machine instead of proxied through
        the workspace.
        """
        return pulumi.get(self, "external")

    @external.setter
    def external(self, value: Optional[pulumi.Input[_builtins.bool]]) -> None:
        pulumi.set(self, "external", value)

    @_builtins.property
    @pulumi.getter
    def group(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The name of a group that this app belongs to.
        """
        return pulumi.get(self, "group")

    @group.setter
    def group(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "group", value)

    @_builtins.property
    @pulumi.getter
    def healthcheck(self) -> Optional[pulumi.Input["AppHealthcheckArgs"]]:
        """
        HTTP health checking to determine the application readiness.
        """
        return pulumi.get(self, "healthcheck")

    @healthcheck.setter
    def healthcheck(self, value: Optional[pulumi.Input["AppHealthcheckArgs"]]) -> None:
        pulumi.set(self, "healthcheck", value)

    @_builtins.property
    @pulumi.getter
    def hidden(self) -> Optional[pulumi.Input[_builtins.bool]]:
        """
        Determines if the app is visible in the UI.
        """
        return pulumi.get(self, "hidden")

    @hidden.setter
    def hidden(self, value: Optional[pulumi.Input[_builtins.bool]]) -> None:
        pulumi.set(self, "hidden", value)

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
    @pulumi.getter(name="openIn")
    def open_in(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        Determines where the app will be opened. Valid values are `"tab"` and
        `"slim-window"` (default).
        """
        return pulumi.get(self, "open_in")

    @open_in.setter
    def open_in(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "open_in", value)

    @_builtins.property
    @pulumi.getter
    def order(self) -> Optional[pulumi.Input[_builtins.float]]:
        """
        The order determines the position of app in the UI presentation. The lowest order is
        shown first and apps with equal order are sorted by name.
        """
        return pulumi.get(self, "order")

    @order.setter
    def order(self, value: Optional[pulumi.Input[_builtins.float]]) -> None:
        pulumi.set(self, "order", value)

    @_builtins.property
    @pulumi.getter
    def share(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        Determines the level which the application is shared at. Valid levels are `"owner"`
        (default), `"authenticated"` and `"public"`.
        """
        return pulumi.get(self, "share")

    @share.setter
    def share(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "share", value)

    @_builtins.property
    @pulumi.getter
    def slug(self) -> pulumi.Input[_builtins.str]:
        """
        A hostname-friendly name for the app. This is used in URLs to access the app.
        """
        return pulumi.get(self, "slug")

    @slug.setter
    def slug(self, value: pulumi.Input[_builtins.str]) -> None:
        pulumi.set(self, "slug", value)

    @_builtins.property
    @pulumi.getter
    def subdomain(self) -> Optional[pulumi.Input[_builtins.bool]]:
        """
        Determines whether the app will be accessed via its own subdomain or via a path on
        Coder.
        """
        return pulumi.get(self, "subdomain")

    @subdomain.setter
    def subdomain(self, value: Optional[pulumi.Input[_builtins.bool]]) -> None:
        pulumi.set(self, "subdomain", value)

    @_builtins.property
    @pulumi.getter
    def tooltip(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        Markdown text that is displayed when hovering over the app.
        """
        return pulumi.get(self, "tooltip")

    @tooltip.setter
    def tooltip(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "tooltip", value)

    @_builtins.property
    @pulumi.getter
    def url(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        An external url if `external=true` or a URL to be proxied to from inside the
        workspace. Either `command` or `url` may be specified, but not both.
        """
        return pulumi.get(self, "url")

    @url.setter
    def url(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "url", value)


@pulumi.input_type
class _AppState:
    def __init__(
        __self__,
        *,
        agent_id: Optional[pulumi.Input[_builtins.str]] = None,
        command: Optional[pulumi.Input[_builtins.str]] = None,
        display_name: Optional[pulumi.Input[_builtins.str]] = None,
        external: Optional[pulumi.Input[_builtins.bool]] = None,
        group: Optional[pulumi.Input[_builtins.str]] = None,
        healthcheck: Optional[pulumi.Input["AppHealthcheckArgs"]] = None,
        hidden: Optional[pulumi.Input[_builtins.bool]] = None,
        icon: Optional[pulumi.Input[_builtins.str]] = None,
        open_in: Optional[pulumi.Input[_builtins.str]] = None,
        order: Optional[pulumi.Input[_builtins.float]] = None,
        share: Optional[pulumi.Input[_builtins.str]] = None,
        slug: Optional[pulumi.Input[_builtins.str]] = None,
        subdomain: Optional[pulumi.Input[_builtins.bool]] = None,
        tooltip: Optional[pulumi.Input[_builtins.str]] = None,
        url: Optional[pulumi.Input[_builtins.str]] = None,
    ) -> None:
        """
        Input properties used for looking up and filtering App resources.

        :param pulumi.Input[_builtins.str] agent_id: The `id` property of a `coder_agent`
               resource to associate with.
        :param pulumi.Input[_builtins.str] command: A command to run in a terminal opening
               this app. Either `command` or `url` may be specified, but not both.
        :param pulumi.Input[_builtins.str] display_name: A display name to identify the app.
               Defaults to the slug.
        :param pulumi.Input[_builtins.bool] external: Specifies whether `url` is opened on
               the client machine instead of proxied through the workspace.
        :param pulumi.Input[_builtins.str] group: The name of a group that this app belongs
               to.
        :param pulumi.Input['AppHealthcheckArgs'] healthcheck: HTTP health checking to
               determine the application readiness.
        :param pulumi.Input[_builtins.bool] hidden: Determines if the app is visible in the
               UI.
        :param pulumi.Input[_builtins.str] icon: A URL to an icon that will display in the
               dashboard. View built-in icons here:
               https://github.com/coder/coder/tree/main/site/static/icon. Use a built-in icon with
               `"${data.coder_workspace.me.access_url}/icon/<path>"`.
        :param pulumi.Input[_builtins.str] open_in: Determines where the app will be opened.
               Valid values are `"tab"` and `"slim-window"` (default).
        :param pulumi.Input[_builtins.float] order: The order determines the position of app
               in the UI presentation. The lowest order is shown first and apps with equal order
               are sorted by name.
        :param pulumi.Input[_builtins.str] share: Determines the level which the application
               is shared at. Valid levels are `"owner"` (default), `"authenticated"` and
               `"public"`.
        :param pulumi.Input[_builtins.str] slug: A hostname-friendly name for the app. This
               is used in URLs to access the app.
        :param pulumi.Input[_builtins.bool] subdomain: Determines whether the app will be
               accessed via its own subdomain or via a path on Coder.
        :param pulumi.Input[_builtins.str] tooltip: Markdown text that is displayed when
               hovering over the app.
        :param pulumi.Input[_builtins.str] url: An external url if `external=true` or a URL
               to be proxied to from inside the workspace. Either `command` or `url` may be
               specified, but not both.
        """
        if agent_id is not None:
            pulumi.set(__self__, "agent_id", agent_id)
        if command is not None:
            pulumi.set(__self__, "command", command)
        if display_name is not None:
            pulumi.set(__self__, "display_name", display_name)
        if external is not None:
            pulumi.set(__self__, "external", external)
        if group is not None:
            pulumi.set(__self__, "group", group)
        if healthcheck is not None:
            pulumi.set(__self__, "healthcheck", healthcheck)
        if hidden is not None:
            pulumi.set(__self__, "hidden", hidden)
        if icon is not None:
            pulumi.set(__self__, "icon", icon)
        if open_in is not None:
            pulumi.set(__self__, "open_in", open_in)
        if order is not None:
            pulumi.set(__self__, "order", order)
        if share is not None:
            pulumi.set(__self__, "share", share)
        if slug is not None:
            pulumi.set(__self__, "slug", slug)
        if subdomain is not None:
            pulumi.set(__self__, "subdomain", subdomain)
        if tooltip is not None:
            pulumi.set(__self__, "tooltip", tooltip)
        if url is not None:
            pulumi.set(__self__, "url", url)

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
    def command(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        A command to run in a terminal opening this app. Either `command` or `url` may be
        specified, but not both.
        """
        return pulumi.get(self, "command")

    @command.setter
    def command(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "command", value)

    @_builtins.property
    @pulumi.getter(name="displayName")
    def display_name(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        A display name to identify the app. Defaults to the slug.
        """
        return pulumi.get(self, "display_name")

    @display_name.setter
    def display_name(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "display_name", value)

    @_builtins.property
    @pulumi.getter
    def external(self) -> Optional[pulumi.Input[_builtins.bool]]:
        """
        Specifies whether `url` is opened on the client machine instead of proxied through
        the workspace.
        """
        return pulumi.get(self, "external")

    @external.setter
    def external(self, value: Optional[pulumi.Input[_builtins.bool]]) -> None:
        pulumi.set(self, "external", value)

    @_builtins.property
    @pulumi.getter
    def group(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The name of a group that this app belongs to.
        """
        return pulumi.get(self, "group")

    @group.setter
    def group(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "group", value)

    @_builtins.property
    @pulumi.getter
    def healthcheck(self) -> Optional[pulumi.Input["AppHealthcheckArgs"]]:
        """
        HTTP health checking to determine the application readiness.
        """
        return pulumi.get(self, "healthcheck")

    @healthcheck.setter
    def healthcheck(self, value: Optional[pulumi.Input["AppHealthcheckArgs"]]) -> None:
        pulumi.set(self, "healthcheck", value)

    @_builtins.property
    @pulumi.getter
    def hidden(self) -> Optional[pulumi.Input[_builtins.bool]]:
        """
        Determines if the app is visible in the UI.
        """
        return pulumi.get(self, "hidden")

    @hidden.setter
    def hidden(self, value: Optional[pulumi.Input[_builtins.bool]]) -> None:
        pulumi.set(self, "hidden", value)

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
    @pulumi.getter(name="openIn")
    def open_in(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        Determines where the app will be opened. Valid values are `"tab"` and
        `"slim-window"` (default).
        """
        return pulumi.get(self, "open_in")

    @open_in.setter
    def open_in(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "open_in", value)

    @_builtins.property
    @pulumi.getter
    def order(self) -> Optional[pulumi.Input[_builtins.float]]:
        """
        The order determines the position of app in the UI presentation. The lowest order is
        shown first and apps with equal order are sorted by name.
        """
        return pulumi.get(self, "order")

    @order.setter
    def order(self, value: Optional[pulumi.Input[_builtins.float]]) -> None:
        pulumi.set(self, "order", value)

    @_builtins.property
    @pulumi.getter
    def share(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        Determines the level which the application is shared at. Valid levels are `"owner"`
        (default), `"authenticated"` and `"public"`.
        """
        return pulumi.get(self, "share")

    @share.setter
    def share(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "share", value)

    @_builtins.property
    @pulumi.getter
    def slug(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        A hostname-friendly name for the app. This is used in URLs to access the app.
        """
        return pulumi.get(self, "slug")

    @slug.setter
    def slug(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "slug", value)

    @_builtins.property
    @pulumi.getter
    def subdomain(self) -> Optional[pulumi.Input[_builtins.bool]]:
        """
        Determines whether the app will be accessed via its own subdomain or via a path on
        Coder.
        """
        return pulumi.get(self, "subdomain")

    @subdomain.setter
    def subdomain(self, value: Optional[pulumi.Input[_builtins.bool]]) -> None:
        pulumi.set(self, "subdomain", value)

    @_builtins.property
    @pulumi.getter
    def tooltip(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        Markdown text that is displayed when hovering over the app.
        """
        return pulumi.get(self, "tooltip")

    @tooltip.setter
    def tooltip(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "tooltip", value)

    @_builtins.property
    @pulumi.getter
    def url(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        An external url if `external=true` or a URL to be proxied to from inside the
        workspace. Either `command` or `url` may be specified, but not both.
        """
        return pulumi.get(self, "url")

    @url.setter
    def url(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "url", value)


@pulumi.type_token("coder:index/app:App")
class App(pulumi.CustomResource):
    @overload
    def __init__(
        __self__,
        resource_name: str,
        opts: Optional[pulumi.ResourceOptions] = None,
        agent_id: Optional[pulumi.Input[_builtins.str]] = None,
        command: Optional[pulumi.Input[_builtins.str]] = None,
        display_name: Optional[pulumi.Input[_builtins.str]] = None,
        external: Optional[pulumi.Input[_builtins.bool]] = None,
        group: Optional[pulumi.Input[_builtins.str]] = None,
        healthcheck: Optional[
            pulumi.Input[Union["AppHealthcheckArgs", "AppHealthcheckArgsDict"]]
        ] = None,
        hidden: Optional[pulumi.Input[_builtins.bool]] = None,
        icon: Optional[pulumi.Input[_builtins.str]] = None,
        open_in: Optional[pulumi.Input[_builtins.str]] = None,
        order: Optional[pulumi.Input[_builtins.float]] = None,
        share: Optional[pulumi.Input[_builtins.str]] = None,
        slug: Optional[pulumi.Input[_builtins.str]] = None,
        subdomain: Optional[pulumi.Input[_builtins.bool]] = None,
        tooltip: Optional[pulumi.Input[_builtins.str]] = None,
        url: Optional[pulumi.Input[_builtins.str]] = None,
        __props__: Any = None,
    ) -> None:
        """
        Use this resource to define shortcuts to access applications in a workspace.

        :param str resource_name: The name of the resource.
        :param pulumi.ResourceOptions opts: Options for the resource.
        :param pulumi.Input[_builtins.str] agent_id: The `id` property of a `coder_agent`
               resource to associate with.
        :param pulumi.Input[_builtins.str] command: A command to run in a terminal opening
               this app. Either `command` or `url` may be specified, but not both.
        :param pulumi.Input[_builtins.str] display_name: A display name to identify the app.
               Defaults to the slug.
        :param pulumi.Input[_builtins.bool] external: Specifies whether `url` is opened on
               the client machine instead of proxied through the workspace.
        :param pulumi.Input[_builtins.str] group: The name of a group that this app belongs
               to.
        :param pulumi.Input[Union['AppHealthcheckArgs', 'AppHealthcheckArgsDict']]
               healthcheck: HTTP health checking to determine the application readiness.
        :param pulumi.Input[_builtins.bool] hidden: Determines if the app is visible in the
               UI.
        :param pulumi.Input[_builtins.str] icon: A URL to an icon that will display in the
               dashboard. View built-in icons here:
               https://github.com/coder/coder/tree/main/site/static/icon. Use a built-in icon with
               `"${data.coder_workspace.me.access_url}/icon/<path>"`.
        :param pulumi.Input[_builtins.str] open_in: Determines where the app will be opened.
               Valid values are `"tab"` and `"slim-window"` (default).
        :param pulumi.Input[_builtins.float] order: The order determines the position of app
               in the UI presentation. The lowest order is shown first and apps with equal order
               are sorted by name.
        :param pulumi.Input[_builtins.str] share: Determines the level which the application
               is shared at. Valid levels are `"owner"` (default), `"authenticated"` and
               `"public"`.
        :param pulumi.Input[_builtins.str] slug: A hostname-friendly name for the app. This
               is used in URLs to access the app.
        :param pulumi.Input[_builtins.bool] subdomain: Determines whether the app will be
               accessed via its own subdomain or via a path on Coder.
        :param pulumi.Input[_builtins.str] tooltip: Markdown text that is displayed when
               hovering over the app.
        :param pulumi.Input[_builtins.str] url: An external url if `external=true` or a URL
               to be proxied to from inside the workspace. Either `command` or `url` may be
               specified, but not both.
        """
        ...

    @overload
    def __init__(
        __self__,
        resource_name: str,
        args: AppArgs,
        opts: Optional[pulumi.ResourceOptions] = None,
    ) -> None:
        """
        Use this resource to define shortcuts to access applications in a workspace.

        :param str resource_name: The name of the resource.
        :param AppArgs args: The arguments to use to populate this resource's properties.
        :param pulumi.ResourceOptions opts: Options for the resource.
        """
        ...

    def __init__(__self__, resource_name: str, *args: Any, **kwargs: Any) -> None:
        resource_args, opts = _utilities.get_resource_args_opts(
            AppArgs, pulumi.ResourceOptions, *args, **kwargs
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
        command: Optional[pulumi.Input[_builtins.str]] = None,
        display_name: Optional[pulumi.Input[_builtins.str]] = None,
        external: Optional[pulumi.Input[_builtins.bool]] = None,
        group: Optional[pulumi.Input[_builtins.str]] = None,
        healthcheck: Optional[
            pulumi.Input[Union["AppHealthcheckArgs", "AppHealthcheckArgsDict"]]
        ] = None,
        hidden: Optional[pulumi.Input[_builtins.bool]] = None,
        icon: Optional[pulumi.Input[_builtins.str]] = None,
        open_in: Optional[pulumi.Input[_builtins.str]] = None,
        order: Optional[pulumi.Input[_builtins.float]] = None,
        share: Optional[pulumi.Input[_builtins.str]] = None,
        slug: Optional[pulumi.Input[_builtins.str]] = None,
        subdomain: Optional[pulumi.Input[_builtins.bool]] = None,
        tooltip: Optional[pulumi.Input[_builtins.str]] = None,
        url: Optional[pulumi.Input[_builtins.str]] = None,
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
            __props__ = AppArgs.__new__(AppArgs)

            if agent_id is None and not opts.urn:
                raise TypeError("Missing required property 'agent_id'")
            __props__.__dict__["agent_id"] = agent_id
            __props__.__dict__["command"] = command
            __props__.__dict__["display_name"] = display_name
            __props__.__dict__["external"] = external
            __props__.__dict__["group"] = group
            __props__.__dict__["healthcheck"] = healthcheck
            __props__.__dict__["hidden"] = hidden
            __props__.__dict__["icon"] = icon
            __props__.__dict__["open_in"] = open_in
            __props__.__dict__["order"] = order
            __props__.__dict__["share"] = share
            if slug is None and not opts.urn:
                raise TypeError("Missing required property 'slug'")
            __props__.__dict__["slug"] = slug
            __props__.__dict__["subdomain"] = subdomain
            __props__.__dict__["tooltip"] = tooltip
            __props__.__dict__["url"] = url
        super(App, __self__).__init__(
            "coder:index/app:App",
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
        command: Optional[pulumi.Input[_builtins.str]] = None,
        display_name: Optional[pulumi.Input[_builtins.str]] = None,
        external: Optional[pulumi.Input[_builtins.bool]] = None,
        group: Optional[pulumi.Input[_builtins.str]] = None,
        healthcheck: Optional[
            pulumi.Input[Union["AppHealthcheckArgs", "AppHealthcheckArgsDict"]]
        ] = None,
        hidden: Optional[pulumi.Input[_builtins.bool]] = None,
        icon: Optional[pulumi.Input[_builtins.str]] = None,
        open_in: Optional[pulumi.Input[_builtins.str]] = None,
        order: Optional[pulumi.Input[_builtins.float]] = None,
        share: Optional[pulumi.Input[_builtins.str]] = None,
        slug: Optional[pulumi.Input[_builtins.str]] = None,
        subdomain: Optional[pulumi.Input[_builtins.bool]] = None,
        tooltip: Optional[pulumi.Input[_builtins.str]] = None,
        url: Optional[pulumi.Input[_builtins.str]] = None,
    ) -> "App":
        """
        Get an existing App resource's state with the given name, id, and optional extra
        properties used to qualify the lookup.

        :param str resource_name: The unique name of the resulting resource.
        :param pulumi.Input[str] id: The unique provider ID of the resource to lookup.
        :param pulumi.ResourceOptions opts: Options for the resource.
        :param pulumi.Input[_builtins.str] agent_id: The `id` property of a `coder_agent`
               resource to associate with.
        :param pulumi.Input[_builtins.str] command: A command to run in a terminal opening
               this app. Either `command` or `url` may be specified, but not both.
        :param pulumi.Input[_builtins.str] display_name: A display name to identify the app.
               Defaults to the slug.
        :param pulumi.Input[_builtins.bool] external: Specifies whether `url` is opened on
               the client machine instead of proxied through the workspace.
        :param pulumi.Input[_builtins.str] group: The name of a group that this app belongs
               to.
        :param pulumi.Input[Union['AppHealthcheckArgs', 'AppHealthcheckArgsDict']]
               healthcheck: HTTP health checking to determine the application readiness.
        :param pulumi.Input[_builtins.bool] hidden: Determines if the app is visible in the
               UI.
        :param pulumi.Input[_builtins.str] icon: A URL to an icon that will display in the
               dashboard. View built-in icons here:
               https://github.com/coder/coder/tree/main/site/static/icon. Use a built-in icon with
               `"${data.coder_workspace.me.access_url}/icon/<path>"`.
        :param pulumi.Input[_builtins.str] open_in: Determines where the app will be opened.
               Valid values are `"tab"` and `"slim-window"` (default).
        :param pulumi.Input[_builtins.float] order: The order determines the position of app
               in the UI presentation. The lowest order is shown first and apps with equal order
               are sorted by name.
        :param pulumi.Input[_builtins.str] share: Determines the level which the application
               is shared at. Valid levels are `"owner"` (default), `"authenticated"` and
               `"public"`.
        :param pulumi.Input[_builtins.str] slug: A hostname-friendly name for the app. This
               is used in URLs to access the app.
        :param pulumi.Input[_builtins.bool] subdomain: Determines whether the app will be
               accessed via its own subdomain or via a path on Coder.
        :param pulumi.Input[_builtins.str] tooltip: Markdown text that is displayed when
               hovering over the app.
        :param pulumi.Input[_builtins.str] url: An external url if `external=true` or a URL
               to be proxied to from inside the workspace. Either `command` or `url` may be
               specified, but not both.
        """
        opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))

        __props__ = _AppState.__new__(_AppState)

        __props__.__dict__["agent_id"] = agent_id
        __props__.__dict__["command"] = command
        __props__.__dict__["display_name"] = display_name
        __props__.__dict__["external"] = external
        __props__.__dict__["group"] = group
        __props__.__dict__["healthcheck"] = healthcheck
        __props__.__dict__["hidden"] = hidden
        __props__.__dict__["icon"] = icon
        __props__.__dict__["open_in"] = open_in
        __props__.__dict__["order"] = order
        __props__.__dict__["share"] = share
        __props__.__dict__["slug"] = slug
        __props__.__dict__["subdomain"] = subdomain
        __props__.__dict__["tooltip"] = tooltip
        __props__.__dict__["url"] = url
        return App(resource_name, opts=opts, __props__=__props__)

    @_builtins.property
    @pulumi.getter(name="agentId")
    def agent_id(self) -> pulumi.Output[_builtins.str]:
        """
        The `id` property of a `coder_agent` resource to associate with.
        """
        return pulumi.get(self, "agent_id")

    @_builtins.property
    @pulumi.getter
    def command(self) -> pulumi.Output[Optional[_builtins.str]]:
        """
        A command to run in a terminal opening this app. Either `command` or `url` may be
        specified, but not both.
        """
        return pulumi.get(self, "command")

    @_builtins.property
    @pulumi.getter(name="displayName")
    def display_name(self) -> pulumi.Output[Optional[_builtins.str]]:
        """
        A display name to identify the app. Defaults to the slug.
        """
        return pulumi.get(self, "display_name")

    @_builtins.property
    @pulumi.getter
    def external(self) -> pulumi.Output[Optional[_builtins.bool]]:
        """
        Specifies whether `url` is opened on the client machine instead of proxied through
        the workspace.
        """
        return pulumi.get(self, "external")

    @_builtins.property
    @pulumi.getter
    def group(self) -> pulumi.Output[Optional[_builtins.str]]:
        """
        The name of a group that this app belongs to.
        """
        return pulumi.get(self, "group")

    @_builtins.property
    @pulumi.getter
    def healthcheck(self) -> pulumi.Output[Optional["outputs.AppHealthcheck"]]:
        """
        HTTP health checking to determine the application readiness.
        """
        return pulumi.get(self, "healthcheck")

    @_builtins.property
    @pulumi.getter
    def hidden(self) -> pulumi.Output[Optional[_builtins.bool]]:
        """
        Determines if the app is visible in the UI.
        """
        return pulumi.get(self, "hidden")

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
    @pulumi.getter(name="openIn")
    def open_in(self) -> pulumi.Output[Optional[_builtins.str]]:
        """
        Determines where the app will be opened. Valid values are `"tab"` and
        `"slim-window"` (default).
        """
        return pulumi.get(self, "open_in")

    @_builtins.property
    @pulumi.getter
    def order(self) -> pulumi.Output[Optional[_builtins.float]]:
        """
        The order determines the position of app in the UI presentation. The lowest order is
        shown first and apps with equal order are sorted by name.
        """
        return pulumi.get(self, "order")

    @_builtins.property
    @pulumi.getter
    def share(self) -> pulumi.Output[Optional[_builtins.str]]:
        """
        Determines the level which the application is shared at. Valid levels are `"owner"`
        (default), `"authenticated"` and `"public"`.
        """
        return pulumi.get(self, "share")

    @_builtins.property
    @pulumi.getter
    def slug(self) -> pulumi.Output[_builtins.str]:
        """
        A hostname-friendly name for the app. This is used in URLs to access the app.
        """
        return pulumi.get(self, "slug")

    @_builtins.property
    @pulumi.getter
    def subdomain(self) -> pulumi.Output[Optional[_builtins.bool]]:
        """
        Determines whether the app will be accessed via its own subdomain or via a path on
        Coder.
        """
        return pulumi.get(self, "subdomain")

    @_builtins.property
    @pulumi.getter
    def tooltip(self) -> pulumi.Output[Optional[_builtins.str]]:
        """
        Markdown text that is displayed when hovering over the app.
        """
        return pulumi.get(self, "tooltip")

    @_builtins.property
    @pulumi.getter
    def url(self) -> pulumi.Output[Optional[_builtins.str]]:
        """
        An external url if `external=true` or a URL to be proxied to from inside the
        workspace. Either `command` or `url` may be specified, but not both.
        """
        return pulumi.get(self, "url")
