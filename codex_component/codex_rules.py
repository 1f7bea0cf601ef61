"""What current Codex CLI refuses to load (SPEC 11; measured with 0.169.0, see
``shared/codex-today.md``), so that ``base_config_toml`` and ``additional_mcp_servers`` fail
at preview, with Codex's reason and the fix, instead of in a workspace log."""

from __future__ import annotations

from typing import Any


def refused_base_settings(parsed: dict[str, Any]) -> list[str]:
    """Reasons why Codex would refuse the config ``parsed``; empty when it loads."""
    found = []
    if "profile" in parsed:
        found.append(
            f"profile = {parsed['profile']!r}: Codex 0.134 and later say 'legacy `profile` "
            "config is no longer supported'; the component selects its own profile file, so "
            "set model_provider, model and the rest at the top level instead"
        )
    if parsed.get("approval_policy") == "untrusted":
        found.append(
            "approval_policy = 'untrusted': Codex 0.149 and later say 'no longer supported; "
            "remove this setting'; use 'never' (unattended) or 'on-request'"
        )
    providers = parsed.get("model_providers", {})
    if isinstance(providers, dict):
        for name, provider in sorted(providers.items()):
            if isinstance(provider, dict) and provider.get("wire_api") == "chat":
                found.append(
                    f"model_providers.{name}.wire_api = 'chat': Codex says '`wire_api = "
                    "\"chat\"` is no longer supported'; set wire_api = 'responses'"
                )
    return found


def refused_server_settings(servers: dict[str, Any]) -> list[str]:
    """Reasons why Codex would refuse these ``[mcp_servers.*]`` tables."""
    found = []
    for name, server in sorted(servers.items()):
        if isinstance(server, dict) and "bearer_token" in server:
            found.append(
                f"mcp_servers.{name}.bearer_token: Codex says 'bearer_token is not supported'; "
                "put the token in an environment variable and name it with "
                "bearer_token_env_var (a token in the config would also be readable in a file)"
            )
    return found
