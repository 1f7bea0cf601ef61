# *** Hand-written mirror of what `pulumi package add terraform-provider coder/coder` ***
# *** generates for coder/coder 2.17.0 (Pulumi's "any Terraform provider" bridge).     ***
# *** Regenerating with the real tool replaces this file: keep the public API the same. ***
# mypy: disable-error-code="no-any-return"

import builtins as _builtins
from collections.abc import Generator, Sequence
from typing import Any, Optional, Union

import pulumi
import pulumi.runtime

from . import _utilities

__all__ = [
    "AwaitableGetWorkspaceOwnerResult",
    "GetWorkspaceOwnerResult",
    "get_workspace_owner",
    "get_workspace_owner_output",
]


@pulumi.output_type
class GetWorkspaceOwnerResult:
    """
    A collection of values returned by getWorkspaceOwner.
    """

    def __init__(
        __self__,
        email: Optional[_builtins.str] = None,
        full_name: Optional[_builtins.str] = None,
        groups: Optional[Sequence[_builtins.str]] = None,
        id: Optional[_builtins.str] = None,
        login_type: Optional[_builtins.str] = None,
        name: Optional[_builtins.str] = None,
        oidc_access_token: Optional[_builtins.str] = None,
        session_token: Optional[_builtins.str] = None,
        ssh_private_key: Optional[_builtins.str] = None,
        ssh_public_key: Optional[_builtins.str] = None,
    ) -> None:
        if email and not isinstance(email, str):
            raise TypeError("Expected argument 'email' to be a str")
        pulumi.set(__self__, "email", email)
        if full_name and not isinstance(full_name, str):
            raise TypeError("Expected argument 'full_name' to be a str")
        pulumi.set(__self__, "full_name", full_name)
        if groups and not isinstance(groups, list):
            raise TypeError("Expected argument 'groups' to be a list")
        pulumi.set(__self__, "groups", groups)
        if id and not isinstance(id, str):
            raise TypeError("Expected argument 'id' to be a str")
        pulumi.set(__self__, "id", id)
        if login_type and not isinstance(login_type, str):
            raise TypeError("Expected argument 'login_type' to be a str")
        pulumi.set(__self__, "login_type", login_type)
        if name and not isinstance(name, str):
            raise TypeError("Expected argument 'name' to be a str")
        pulumi.set(__self__, "name", name)
        if oidc_access_token and not isinstance(oidc_access_token, str):
            raise TypeError("Expected argument 'oidc_access_token' to be a str")
        pulumi.set(__self__, "oidc_access_token", oidc_access_token)
        if session_token and not isinstance(session_token, str):
            raise TypeError("Expected argument 'session_token' to be a str")
        pulumi.set(__self__, "session_token", session_token)
        if ssh_private_key and not isinstance(ssh_private_key, str):
            raise TypeError("Expected argument 'ssh_private_key' to be a str")
        pulumi.set(__self__, "ssh_private_key", ssh_private_key)
        if ssh_public_key and not isinstance(ssh_public_key, str):
            raise TypeError("Expected argument 'ssh_public_key' to be a str")
        pulumi.set(__self__, "ssh_public_key", ssh_public_key)

    @_builtins.property
    @pulumi.getter
    def email(self) -> _builtins.str:
        """
        The email address of the user.
        """
        return pulumi.get(self, "email")

    @_builtins.property
    @pulumi.getter(name="fullName")
    def full_name(self) -> _builtins.str:
        """
        The full name of the user.
        """
        return pulumi.get(self, "full_name")

    @_builtins.property
    @pulumi.getter
    def groups(self) -> Sequence[_builtins.str]:
        """
        The groups of which the user is a member.
        """
        return pulumi.get(self, "groups")

    @_builtins.property
    @pulumi.getter
    def id(self) -> _builtins.str:
        """
        The UUID of the workspace owner.
        """
        return pulumi.get(self, "id")

    @_builtins.property
    @pulumi.getter(name="loginType")
    def login_type(self) -> _builtins.str:
        """
        The type of login the user has.
        """
        return pulumi.get(self, "login_type")

    @_builtins.property
    @pulumi.getter
    def name(self) -> _builtins.str:
        """
        The username of the user.
        """
        return pulumi.get(self, "name")

    @_builtins.property
    @pulumi.getter(name="oidcAccessToken")
    def oidc_access_token(self) -> _builtins.str:
        """
        A valid OpenID Connect access token of the workspace owner. This is only available
        if the workspace owner authenticated with OpenID Connect.
        """
        return pulumi.get(self, "oidc_access_token")

    @_builtins.property
    @pulumi.getter(name="sessionToken")
    def session_token(self) -> _builtins.str:
        """
        Session token for authenticating with a Coder deployment. It is regenerated every
        time a workspace is started.
        """
        return pulumi.get(self, "session_token")

    @_builtins.property
    @pulumi.getter(name="sshPrivateKey")
    def ssh_private_key(self) -> _builtins.str:
        """
        The user's generated SSH private key.
        """
        return pulumi.get(self, "ssh_private_key")

    @_builtins.property
    @pulumi.getter(name="sshPublicKey")
    def ssh_public_key(self) -> _builtins.str:
        """
        The user's generated SSH public key.
        """
        return pulumi.get(self, "ssh_public_key")


class AwaitableGetWorkspaceOwnerResult(GetWorkspaceOwnerResult):
    # pylint: disable=using-constant-test
    def __await__(self) -> Generator[Any, None, GetWorkspaceOwnerResult]:
        if False:
            yield self
        return GetWorkspaceOwnerResult(
            email=self.email,
            full_name=self.full_name,
            groups=self.groups,
            id=self.id,
            login_type=self.login_type,
            name=self.name,
            oidc_access_token=self.oidc_access_token,
            session_token=self.session_token,
            ssh_private_key=self.ssh_private_key,
            ssh_public_key=self.ssh_public_key,
        )


_SECRET_FIELDS = ("oidc_access_token", "session_token", "ssh_private_key")


def _with_secret_fields(result: GetWorkspaceOwnerResult) -> GetWorkspaceOwnerResult:
    """
    Replaces the sensitive fields of an invoke result with secret Outputs, so that
    `get_workspace_owner_output(...).session_token` (and `.oidc_access_token`,
    `.ssh_private_key`) are secret while the other fields stay plain. Used only by the
    `_output` variant.
    """
    for field in _SECRET_FIELDS:
        pulumi.set(result, field, pulumi.Output.secret(pulumi.get(result, field)))
    return result


def get_workspace_owner(
    opts: Optional[pulumi.InvokeOptions] = None,
) -> AwaitableGetWorkspaceOwnerResult:
    """
    Use this data source to fetch information about the workspace owner. The plain
    (awaitable) form returns `session_token`, `oidc_access_token` and `ssh_private_key` as
    plain strings, exactly like generated code: treat them as secrets yourself, or use
    `get_workspace_owner_output`.
    """
    __args__: dict[str, Any] = dict()
    opts = pulumi.InvokeOptions.merge(_utilities.get_invoke_opts_defaults(), opts)
    __ret__ = pulumi.runtime.invoke(
        "coder:index/getWorkspaceOwner:getWorkspaceOwner",
        __args__,
        opts=opts,
        typ=GetWorkspaceOwnerResult,
        package_ref=_utilities.get_package(),
    ).value

    return AwaitableGetWorkspaceOwnerResult(
        email=pulumi.get(__ret__, "email"),
        full_name=pulumi.get(__ret__, "full_name"),
        groups=pulumi.get(__ret__, "groups"),
        id=pulumi.get(__ret__, "id"),
        login_type=pulumi.get(__ret__, "login_type"),
        name=pulumi.get(__ret__, "name"),
        oidc_access_token=pulumi.get(__ret__, "oidc_access_token"),
        session_token=pulumi.get(__ret__, "session_token"),
        ssh_private_key=pulumi.get(__ret__, "ssh_private_key"),
        ssh_public_key=pulumi.get(__ret__, "ssh_public_key"),
    )


def get_workspace_owner_output(
    opts: Optional[Union[pulumi.InvokeOptions, pulumi.InvokeOutputOptions]] = None,
) -> pulumi.Output[GetWorkspaceOwnerResult]:
    """
    Use this data source to fetch information about the workspace owner. `session_token`,
    `oidc_access_token` and `ssh_private_key` are secret: lifted (`owner.session_token`)
    they are secret Outputs, and inside an `apply` of the whole result they are secret
    Outputs too, not strings (combine them with `pulumi.Output.all`/`concat`, not
    f-strings). The other fields are plain. Hand-written addition: the Terraform bridge
    strips secrets from invoke results, so in generated code none of these fields is secret.
    """
    __args__: dict[str, Any] = dict()
    opts = pulumi.InvokeOutputOptions.merge(_utilities.get_invoke_opts_defaults(), opts)
    __ret__ = pulumi.runtime.invoke_output(
        "coder:index/getWorkspaceOwner:getWorkspaceOwner",
        __args__,
        opts=opts,
        typ=GetWorkspaceOwnerResult,
        package_ref=_utilities.get_package(),
    )
    return __ret__.apply(
        lambda __response__: _with_secret_fields(
            GetWorkspaceOwnerResult(
                email=pulumi.get(__response__, "email"),
                full_name=pulumi.get(__response__, "full_name"),
                groups=pulumi.get(__response__, "groups"),
                id=pulumi.get(__response__, "id"),
                login_type=pulumi.get(__response__, "login_type"),
                name=pulumi.get(__response__, "name"),
                oidc_access_token=pulumi.get(__response__, "oidc_access_token"),
                session_token=pulumi.get(__response__, "session_token"),
                ssh_private_key=pulumi.get(__response__, "ssh_private_key"),
                ssh_public_key=pulumi.get(__response__, "ssh_public_key"),
            )
        )
    )
