# *** Hand-written mirror of what `pulumi package add terraform-provider coder/coder` ***
# *** generates for coder/coder 2.17.0 (Pulumi's "any Terraform provider" bridge).     ***
# *** Regenerating with the real tool replaces this file: keep the public API the same. ***
# mypy: disable-error-code="no-any-return"

import builtins as _builtins
import sys

import pulumi

if sys.version_info >= (3, 11):
    from typing import TypedDict
else:
    from typing_extensions import TypedDict

__all__ = [
    "AppHealthcheckArgs",
    "AppHealthcheckArgsDict",
]


class AppHealthcheckArgsDict(TypedDict):
    interval: pulumi.Input[_builtins.float]
    """
    Duration in seconds to wait between healthcheck requests.
    """
    threshold: pulumi.Input[_builtins.float]
    """
    Number of consecutive heathcheck failures before returning an unhealthy status.
    """
    url: pulumi.Input[_builtins.str]
    """
    HTTP address used determine the application readiness. A successful health check is a
    HTTP response code less than 500 returned before `healthcheck.interval` seconds.
    """


@pulumi.input_type
class AppHealthcheckArgs:
    def __init__(
        __self__,
        *,
        interval: pulumi.Input[_builtins.float],
        threshold: pulumi.Input[_builtins.float],
        url: pulumi.Input[_builtins.str],
    ) -> None:
        """
        HTTP health checking settings of an App.

        :param pulumi.Input[_builtins.float] interval: Duration in seconds to wait between
               healthcheck requests.
        :param pulumi.Input[_builtins.float] threshold: Number of consecutive heathcheck
               failures before returning an unhealthy status.
        :param pulumi.Input[_builtins.str] url: HTTP address used determine the application
               readiness. A successful health check is a HTTP response code less than 500 returned
               before `healthcheck.interval` seconds.
        """
        pulumi.set(__self__, "interval", interval)
        pulumi.set(__self__, "threshold", threshold)
        pulumi.set(__self__, "url", url)

    @_builtins.property
    @pulumi.getter
    def interval(self) -> pulumi.Input[_builtins.float]:
        """
        Duration in seconds to wait between healthcheck requests.
        """
        return pulumi.get(self, "interval")

    @interval.setter
    def interval(self, value: pulumi.Input[_builtins.float]) -> None:
        pulumi.set(self, "interval", value)

    @_builtins.property
    @pulumi.getter
    def threshold(self) -> pulumi.Input[_builtins.float]:
        """
        Number of consecutive heathcheck failures before returning an unhealthy status.
        """
        return pulumi.get(self, "threshold")

    @threshold.setter
    def threshold(self, value: pulumi.Input[_builtins.float]) -> None:
        pulumi.set(self, "threshold", value)

    @_builtins.property
    @pulumi.getter
    def url(self) -> pulumi.Input[_builtins.str]:
        """
        HTTP address used determine the application readiness. A successful health check is
        a HTTP response code less than 500 returned before `healthcheck.interval` seconds.
        """
        return pulumi.get(self, "url")

    @url.setter
    def url(self, value: pulumi.Input[_builtins.str]) -> None:
        pulumi.set(self, "url", value)
