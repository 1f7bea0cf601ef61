# *** Hand-written mirror of what `pulumi package add terraform-provider coder/coder` ***
# *** generates for coder/coder 2.17.0 (Pulumi's "any Terraform provider" bridge).     ***
# *** Regenerating with the real tool replaces this file: keep the public API the same. ***
# mypy: disable-error-code="no-any-return"

import builtins as _builtins
from typing import Any, Optional, overload

import pulumi

from . import _utilities

__all__ = ["Provider", "ProviderArgs"]


@pulumi.input_type
class ProviderArgs:
    def __init__(
        __self__,
        *,
        url: Optional[pulumi.Input[_builtins.str]] = None,
    ) -> None:
        """
        The set of arguments for constructing a Provider resource.

        :param pulumi.Input[_builtins.str] url: The URL to access Coder.
        """
        if url is not None:
            pulumi.set(__self__, "url", url)

    @_builtins.property
    @pulumi.getter
    def url(self) -> Optional[pulumi.Input[_builtins.str]]:
        """
        The URL to access Coder.
        """
        return pulumi.get(self, "url")

    @url.setter
    def url(self, value: Optional[pulumi.Input[_builtins.str]]) -> None:
        pulumi.set(self, "url", value)


@pulumi.type_token("pulumi:providers:coder")
class Provider(pulumi.ProviderResource):
    @overload
    def __init__(
        __self__,
        resource_name: str,
        opts: Optional[pulumi.ResourceOptions] = None,
        url: Optional[pulumi.Input[_builtins.str]] = None,
        __props__: Any = None,
    ) -> None:
        """
        The provider type for the coder package. By default, resources use package-wide
        configuration settings, however an explicit `Provider` instance may be created and
        passed during resource construction to achieve fine-grained programmatic control over
        provider settings.

        :param str resource_name: The name of the resource.
        :param pulumi.ResourceOptions opts: Options for the resource.
        :param pulumi.Input[_builtins.str] url: The URL to access Coder.
        """
        ...

    @overload
    def __init__(
        __self__,
        resource_name: str,
        args: Optional[ProviderArgs] = None,
        opts: Optional[pulumi.ResourceOptions] = None,
    ) -> None:
        """
        The provider type for the coder package. By default, resources use package-wide
        configuration settings, however an explicit `Provider` instance may be created and
        passed during resource construction to achieve fine-grained programmatic control over
        provider settings.

        :param str resource_name: The name of the resource.
        :param ProviderArgs args: The arguments to use to populate this resource's properties.
        :param pulumi.ResourceOptions opts: Options for the resource.
        """
        ...

    def __init__(__self__, resource_name: str, *args: Any, **kwargs: Any) -> None:
        resource_args, opts = _utilities.get_resource_args_opts(
            ProviderArgs, pulumi.ResourceOptions, *args, **kwargs
        )
        if resource_args is not None:
            __self__._internal_init(resource_name, opts, **resource_args.__dict__)
        else:
            __self__._internal_init(resource_name, *args, **kwargs)

    def _internal_init(
        __self__,
        resource_name: str,
        opts: Optional[pulumi.ResourceOptions] = None,
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
            __props__ = ProviderArgs.__new__(ProviderArgs)

            __props__.__dict__["url"] = url
        super(Provider, __self__).__init__(
            "coder",
            resource_name,
            __props__,
            opts,
            package_ref=_utilities.get_package(),
        )

    @_builtins.property
    @pulumi.getter
    def url(self) -> pulumi.Output[Optional[_builtins.str]]:
        """
        The URL to access Coder.
        """
        return pulumi.get(self, "url")
