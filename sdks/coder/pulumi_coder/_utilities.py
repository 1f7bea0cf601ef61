# *** Hand-written mirror of what `pulumi package add terraform-provider coder/coder` ***
# *** generates for coder/coder 2.17.0 (Pulumi's "any Terraform provider" bridge).     ***
# *** Regenerating with the real tool replaces this file: keep the public API the same. ***

import functools
import json
import os
import types
import typing
import warnings
from typing import Any, Optional, TypeVar

import pulumi
import pulumi.runtime
from pulumi import _utils as pulumi_utils
from semver import Version as SemverVersion

C = TypeVar("C", bound=typing.Callable[..., Any])
_A = TypeVar("_A")
_O = TypeVar("_O")


class _Parameterization(typing.TypedDict):
    name: str
    version: str
    value: str


class _PluginInfo(typing.TypedDict):
    resource: bool
    name: str
    version: str
    parameterization: _Parameterization


def _load_plugin_info() -> _PluginInfo:
    """Reads pulumi-plugin.json, the single source of the package's identity.

    The file ships as package data next to this module. It names the base provider
    (terraform-provider) and the parameterization (coder 2.17.0 plus the base64-encoded
    parameter telling the bridge which Terraform provider to load).
    """
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pulumi-plugin.json")
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    param = data.get("parameterization")
    if not isinstance(param, dict):
        raise ValueError(f"{path}: missing 'parameterization'")
    for key in ("name", "version", "value"):
        if not isinstance(param.get(key), str) or not param[key]:
            raise ValueError(f"{path}: parameterization.{key} must be a non-empty string")
    for key in ("name", "version"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise ValueError(f"{path}: {key} must be a non-empty string")
    return typing.cast(_PluginInfo, data)


# Immutable file contents only: nothing here is bound to an event loop or a deployment.
_plugin_info = _load_plugin_info()


def get_env(*args: str) -> Optional[str]:
    for v in args:
        value = os.getenv(v)
        if value is not None:
            return value
    return None


def get_env_bool(*args: str) -> Optional[bool]:
    str = get_env(*args)
    if str is not None:
        # NOTE: these values are taken from https://golang.org/src/strconv/atob.go?s=351:391#L1,
        # which is what Terraform uses internally when parsing boolean values.
        if str in ["1", "t", "T", "true", "TRUE", "True"]:
            return True
        if str in ["0", "f", "F", "false", "FALSE", "False"]:
            return False
    return None


def get_env_int(*args: str) -> Optional[int]:
    str = get_env(*args)
    if str is not None:
        try:
            return int(str)
        except ValueError:
            return None
    return None


def get_env_float(*args: str) -> Optional[float]:
    str = get_env(*args)
    if str is not None:
        try:
            return float(str)
        except ValueError:
            return None
    return None


def get_plugin_download_url() -> Optional[str]:
    return None


def get_version() -> str:
    # Parameterized packages always carry the schema version (generated code writes it as a
    # literal); here it is read from pulumi-plugin.json so there is exactly one copy of it.
    return _plugin_info["parameterization"]["version"]


_version = SemverVersion.parse(get_version())
_version_str = str(_version)


def get_resource_opts_defaults() -> pulumi.ResourceOptions:
    return pulumi.ResourceOptions(
        version=get_version(),
        plugin_download_url=get_plugin_download_url(),
    )


def get_invoke_opts_defaults() -> pulumi.InvokeOptions:
    return pulumi.InvokeOptions(
        version=get_version(),
        plugin_download_url=get_plugin_download_url(),
    )


def get_resource_args_opts(
    resource_args_type: type[_A],
    resource_options_type: type[_O],
    *args: Any,
    **kwargs: Any,
) -> tuple[Optional[_A], Optional[_O]]:
    """
    Return the resource args and options given the *args and **kwargs of a resource's
    __init__ method.
    """

    resource_args: Optional[_A] = None
    opts: Optional[_O] = None

    # If the first item is the resource args type, save it and remove it from the args list.
    if args and isinstance(args[0], resource_args_type):
        resource_args, args = args[0], args[1:]

    # Now look at the first item in the args list again.
    # If the first item is the resource options class, save it.
    if args and isinstance(args[0], resource_options_type):
        opts = args[0]

    # If resource_args is None, see if "args" is in kwargs, and, if so, if it's typed as the
    # the resource args type.
    if resource_args is None:
        a = kwargs.get("args")
        if isinstance(a, resource_args_type):
            resource_args = a

    # If opts is None, look it up in kwargs.
    if opts is None:
        opts = kwargs.get("opts")

    return resource_args, opts


# Every pulumi release this package supports (>=3.247) ships pulumi._utils.lazy_import (untyped).
_pulumi_lazy_import = typing.cast(
    typing.Callable[[str], types.ModuleType], pulumi_utils.lazy_import
)


def lazy_import(fullname: str) -> types.ModuleType:
    return _pulumi_lazy_import(fullname)


class Package(pulumi.runtime.ResourcePackage):
    def __init__(self, pkg_info: dict[str, str]) -> None:
        super().__init__()
        self.pkg_info = pkg_info

    def version(self) -> SemverVersion:
        return _version

    def construct_provider(self, name: str, typ: str, urn: str) -> pulumi.ProviderResource:
        if typ != self.pkg_info["token"]:
            raise Exception(f"unknown provider type {typ}")
        provider_cls = getattr(lazy_import(self.pkg_info["fqn"]), self.pkg_info["class"])
        return typing.cast(
            pulumi.ProviderResource, provider_cls(name, pulumi.ResourceOptions(urn=urn))
        )


class Module(pulumi.runtime.ResourceModule):
    def __init__(self, mod_info: dict[str, Any]) -> None:
        super().__init__()
        self.mod_info = mod_info

    def version(self) -> SemverVersion:
        return _version

    def construct(self, name: str, typ: str, urn: str) -> pulumi.Resource:
        class_name = self.mod_info["classes"].get(typ, None)

        if class_name is None:
            raise Exception(f"unknown resource type {typ}")

        resource_cls = getattr(lazy_import(self.mod_info["fqn"]), class_name)
        return typing.cast(pulumi.Resource, resource_cls(name, pulumi.ResourceOptions(urn=urn)))


def register(resource_modules: str, resource_packages: str) -> None:
    modules = json.loads(resource_modules)
    packages = json.loads(resource_packages)

    for pkg_info in packages:
        pulumi.runtime.register_resource_package(pkg_info["pkg"], Package(pkg_info))

    for mod_info in modules:
        pulumi.runtime.register_resource_module(mod_info["pkg"], mod_info["mod"], Module(mod_info))


# This is included to provide an upgrade path for users who are using a version
# of the Pulumi SDK (<3.121.0) that does not include the `deprecated` decorator.
def deprecated(message: str) -> typing.Callable[[C], C]:
    """
    Decorator to indicate a function is deprecated.

    As well as inserting appropriate statements to indicate that the function is
    deprecated, this decorator also tags the function with a special attribute
    so that Pulumi code can detect that it is deprecated and react appropriately
    in certain situations.

    message is the deprecation message that should be printed if the function is called.
    """

    def decorator(fn: C) -> C:
        if not callable(fn):
            raise TypeError("Expected fn to be callable")

        @functools.wraps(fn)
        def deprecated_fn(*args: Any, **kwargs: Any) -> Any:
            warnings.warn(message, stacklevel=2)
            pulumi.warn(f"{fn.__name__} is deprecated: {message}")

            return fn(*args, **kwargs)

        deprecated_fn.__dict__["_pulumi_deprecated_callable"] = fn
        return typing.cast(C, deprecated_fn)

    return decorator


async def get_package() -> str:
    """
    Registers this parameterized package (terraform-provider 1.1.3 parameterized as
    coder 2.17.0) with the engine and returns its package reference.

    Every resource, provider and invoke of this SDK passes `package_ref=get_package()`.

    Nothing is cached in this module: `pulumi.runtime.register_package` already caches the
    reference per deployment (in the runtime settings, which a new deployment, an automation-API
    inline program, or `pulumi.runtime.settings.reset_options()` replace). A module-level cache
    would hand a reference issued by one engine to the next deployment in the same process, and
    a cached Future would be bound to an event loop that may be closed by then. The coroutine is
    created per call, so it always runs on the caller's current loop.
    """
    param = _plugin_info["parameterization"]
    return await pulumi.runtime.register_package(
        base_provider_name=_plugin_info["name"],
        base_provider_version=_plugin_info["version"],
        base_provider_download_url=get_plugin_download_url() or "",
        package_name=param["name"],
        package_version=param["version"],
        base64_parameter=param["value"],
    )
