"""Run OpenAI's Codex CLI in Coder workspaces, from Pulumi.

``Codex`` is a Pulumi component resource that ports Coder's Terraform module
``coder-labs/codex``; ``CodexArgs`` holds its validated arguments.
"""

from codex_component.args import CodexArgs, CodexArgsError
from codex_component.component import Codex

__all__ = ["Codex", "CodexArgs", "CodexArgsError"]
