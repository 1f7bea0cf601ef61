"""App slugs, and what Coder rejects across the components of one program.

Coder builds a template's apps from every ``coder_app`` in it and rejects the build when two
share a slug ("duplicate app slug, they must be unique per template"), both in its Terraform
provisioner and in the experimental Pulumi one (coder/coder ``provisioner/pulumi``). Two
AgentAPI servers on one agent cannot share a port either. Both are checked here, when a
``Codex`` is constructed, so that ``pulumi preview`` fails instead of a workspace build.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from typing import Any, Final

import pulumi

# Coder's AppSlugRegex (coder/coder provisioner/regexes.go; the Terraform provider has the
# same rule): lower-case letters and digits, single hyphens between them.
SLUG_PATTERN: Final = r"^[a-z0-9](-?[a-z0-9])*$"
SLUG_RULE: Final = re.compile(SLUG_PATTERN)
SLUG_PREFIX: Final = "codex"
CLI_SUFFIX: Final = "-cli"
DUPLICATE_SLUG: Final = "duplicate app slug, they must be unique per template"


def slug_problem(value: str) -> str | None:
    """Why ``value`` is not a Coder app slug, or None when it is one."""
    if SLUG_RULE.fullmatch(value):
        return None
    return (
        f"must match Coder's app slug rule {SLUG_PATTERN} (lower-case letters and digits, "
        f"single hyphens between them); got {value!r}"
    )


def derive_web_app_slug(component_name: str) -> str:
    """The web app's slug when none is given: ``codex`` for a component named ``codex``, the
    name itself when it starts with ``codex``, else ``codex-<name>``; lower-cased, and every
    run of other characters turned into one hyphen."""
    lowered = component_name.lower()
    base = lowered if lowered.startswith(SLUG_PREFIX) else f"{SLUG_PREFIX}-{lowered}"
    return re.sub(r"[^a-z0-9]+", "-", base).strip("-")


def derive_cli_app_slug(web_app_slug: str) -> str:
    return web_app_slug + CLI_SUFFIX


@dataclass(frozen=True)
class Instance:
    """What one constructed component claims in its program."""

    name: str
    parent: str
    slugs: dict[str, str]  # slug -> which app ("web app" / "CLI app")
    agent: Any  # the agent_id: a string, or the Output object itself
    port: int


def _same_agent(a: Any, b: Any) -> bool:
    # Only what is known at construction: equal strings, or one and the same Output object
    # (``agent.id`` given twice). Different Outputs may still be one agent; that stays open.
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    return isinstance(a, pulumi.Output) and a is b


# One list of instances per running program. The engine's monitor object identifies the
# program: every Pulumi run (and every test's mock engine) installs its own.
_programs: weakref.WeakKeyDictionary[Any, list[Instance]] = weakref.WeakKeyDictionary()
_fallback: dict[int, list[Instance]] = {}


def _instances() -> list[Instance]:
    monitor = pulumi.runtime.settings.get_monitor()
    try:
        return _programs.setdefault(monitor, [])
    except TypeError:  # a monitor that cannot be weakly referenced
        return _fallback.setdefault(id(monitor), [])


def claim(instance: Instance) -> list[str]:
    """Record ``instance`` in the running program; the problems it has with the components
    constructed before it (empty when none). A clash is not recorded."""
    problems: list[str] = []
    instances = _instances()
    for other in instances:
        if (other.name, other.parent) == (instance.name, instance.parent):
            # Same name, same parent: the same URN, which the engine itself rejects with
            # "Duplicate resource URN"; that is the problem to report, not its slugs.
            continue
        for slug, app in instance.slugs.items():
            if slug in other.slugs:
                problems.append(
                    f"Codex {instance.name!r}: the slug {slug!r} of its {app} is already the "
                    f"slug of the {other.slugs[slug]} of Codex {other.name!r}; Coder rejects "
                    f"the template ({DUPLICATE_SLUG}). Give the components different names, "
                    "or set web_app_slug / cli_app_slug"
                )
        if instance.port == other.port and _same_agent(instance.agent, other.agent):
            problems.append(
                f"Codex {instance.name!r} and Codex {other.name!r} both use agentapi_port "
                f"{instance.port} on the same agent: two AgentAPI servers cannot listen on one "
                "port; give one of them another agentapi_port"
            )
    if not problems:
        instances.append(instance)
    return problems
