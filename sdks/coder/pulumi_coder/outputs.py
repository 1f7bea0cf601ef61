# *** Hand-written mirror of what `pulumi package add terraform-provider coder/coder` ***
# *** generates for coder/coder 2.17.0 (Pulumi's "any Terraform provider" bridge).     ***
# *** Regenerating with the real tool replaces this file: keep the public API the same. ***
# mypy: disable-error-code="no-any-return"

import builtins as _builtins
from typing import Any

import pulumi

__all__ = [
    "AppHealthcheck",
]


@pulumi.output_type
class AppHealthcheck(dict[str, Any]):
    def __init__(
        __self__,
        *,
        interval: _builtins.float,
        threshold: _builtins.float,
        url: _builtins.str,
    ) -> None:
        """
        HTTP health checking settings of an App.

        :param _builtins.float interval: Duration in seconds to wait between
               healthcheck requests.
        :param _builtins.float threshold: Number of consecutive heathcheck
               failures before returning an unhealthy status.
        :param _builtins.str url: HTTP address used determine the application
               readiness. A successful health check is a HTTP response code less than 500 returned
               before `healthcheck.interval` seconds.
        """
        pulumi.set(__self__, "interval", interval)
        pulumi.set(__self__, "threshold", threshold)
        pulumi.set(__self__, "url", url)

    @_builtins.property
    @pulumi.getter
    def interval(self) -> _builtins.float:
        """
        Duration in seconds to wait between healthcheck requests.
        """
        return pulumi.get(self, "interval")

    @_builtins.property
    @pulumi.getter
    def threshold(self) -> _builtins.float:
        """
        Number of consecutive heathcheck failures before returning an unhealthy status.
        """
        return pulumi.get(self, "threshold")

    @_builtins.property
    @pulumi.getter
    def url(self) -> _builtins.str:
        """
        HTTP address used determine the application readiness. A successful health check is
        a HTTP response code less than 500 returned before `healthcheck.interval` seconds.
        """
        return pulumi.get(self, "url")
