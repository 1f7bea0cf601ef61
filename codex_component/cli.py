"""``python -m codex_component preview``: the command line of the offline preview."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from rich.console import Console
from rich.table import Table
from rich.text import Text

from codex_component.preview import (
    SAMPLE_DATA,
    SECRET,
    PreviewError,
    PreviewResult,
    Registration,
    display_value,
    load_project,
    load_stack_config,
    parse_assignments,
    run_program,
)
from codex_component.render import decoded_args, unpacked_files

SCRIPT_TYPE: Final = "coder:index/script:Script"
SECRET_SAMPLES: Final = frozenset({"sessionToken"})


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m codex_component",
        description="Codex component for Pulumi: offline tools.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    preview = commands.add_parser(
        "preview",
        help="show what `pulumi up` of the project's program would create, offline",
        description=(
            "Evaluate the project's program (Pulumi.yaml's main:, else __main__.py) under "
            "Pulumi's mock engine (no Pulumi CLI, no provider, no Coder) and print the "
            "resources it would create. What `pulumi preview` or a Coder build would reject "
            "(duplicate URNs, duplicate app slugs, two components on one port) fails here too."
        ),
    )
    preview.add_argument(
        "--project-dir",
        type=Path,
        default=Path.cwd(),
        help="the Pulumi project folder (Pulumi.yaml; its main: is honoured); default: .",
    )
    preview.add_argument("--stack", default="dev", help="stack name (default: dev)")
    preview.add_argument("--stack-file", type=Path, help="a Pulumi.<stack>.yaml to read config")
    preview.add_argument(
        "--config", action="append", default=[], metavar="KEY=VALUE", help="set a config value"
    )
    preview.add_argument(
        "--secret", action="append", default=[], metavar="KEY=VALUE", help="set a secret value"
    )
    preview.add_argument(
        "--scripts-dir", type=Path, help="write the rendered workspace scripts to this folder"
    )
    return parser


def _tree_rows(resources: list[Registration]) -> list[tuple[int, Registration]]:
    by_parent: dict[str, list[Registration]] = {}
    urns = {r.urn for r in resources}
    for resource in resources:
        parent = resource.parent if resource.parent in urns else ""
        by_parent.setdefault(parent, []).append(resource)
    rows: list[tuple[int, Registration]] = []

    def walk(parent: str, depth: int) -> None:
        # Registrations arrive asynchronously: sort siblings for a stable view.
        for child in sorted(by_parent.get(parent, []), key=lambda r: r.name):
            rows.append((depth, child))
            walk(child.urn, depth + 1)

    walk("", 0)
    return rows


def _format_inputs(resource: Registration) -> Text:
    text = Text()
    for key, value in sorted(resource.inputs.items()):
        shown = display_value(value)
        if resource.type == SCRIPT_TYPE and key == "script" and isinstance(shown, str):
            shown = f"<rendered script, {len(shown.encode()):,} bytes>"
        elif not isinstance(shown, str):
            shown = json.dumps(shown, sort_keys=True)
        text.append(f"{key}", style="bold")
        text.append(f" = {shown}\n")
    text.rstrip()
    return text


def render_report(result: PreviewResult, console: Console) -> None:
    table = Table(
        title=f"Resources that `pulumi up` would create (project {result.project}, "
        f"stack {result.stack})",
        show_lines=True,
    )
    table.add_column("Resource", no_wrap=True)
    table.add_column("Type", no_wrap=True)
    table.add_column("Inputs")
    for depth, resource in _tree_rows(result.resources):
        prefix = "  " * depth + ("└─ " if depth else "")
        table.add_row(f"+ {prefix}{resource.name}", resource.type, _format_inputs(resource))
    console.print(table)
    console.print(f"{len(result.resources)} resources to create.")
    for token in sorted(set(result.invokes)):
        sample = ", ".join(
            f"{k}={SECRET if k in SECRET_SAMPLES else repr(v)}"
            for k, v in SAMPLE_DATA.get(token, {}).items()
        )
        console.print(f"data source {token} answered with sample values: {sample}", markup=False)


def _script_arguments(resource: Registration) -> dict[str, str]:
    body = display_value(resource.inputs.get("script"))
    if not isinstance(body, str):
        return {}
    for name, content in unpacked_files(body).items():
        if name.endswith(".args"):
            return decoded_args(content)
    return {}


# What an empty value means, for the arguments where empty is a choice, not an absence.
EMPTY_MEANS: Final = {
    "ARG_CODEX_MODEL": "(empty: the installed Codex's own default model)",
    "ARG_CODEX_VERSION": "(empty: the latest release)",
    "ARG_CODEX_RUN_MODEL": "(empty: decided in the workspace, from your config.toml's model, "
    "else the installed Codex's default)",
}


def _empty(name: str) -> str:
    return EMPTY_MEANS.get(name, "(empty)")


def render_script_arguments(result: PreviewResult, console: Console) -> None:
    """What each rendered coder_script carries besides the module's own (fixed) scripts."""
    for resource in result.resources:
        if resource.type != SCRIPT_TYPE:
            continue
        table = Table(title=f"{resource.name}: arguments of the rendered script", show_lines=True)
        table.add_column("argument", no_wrap=True)
        table.add_column("value")
        for name, value in _script_arguments(resource).items():
            table.add_row(name, Text(value) if value else Text(_empty(name), style="dim"))
        console.print(table)


def write_scripts(result: PreviewResult, folder: Path) -> list[Path]:
    """Each coder_script body as deployed, plus its arguments decoded for reading."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for resource in result.resources:
        if resource.type != SCRIPT_TYPE:
            continue
        body = display_value(resource.inputs.get("script"))
        if not isinstance(body, str):
            continue
        path = folder / f"{resource.name}.sh"
        path.write_text(body, encoding="utf-8")
        written.append(path)
        for name, content in unpacked_files(body).items():
            if name.endswith(".args"):
                listing = "".join(
                    f"{arg}:\n{_indent(value) if value else '    ' + _empty(arg)}\n"
                    for arg, value in decoded_args(content).items()
                )
                args_path = folder / f"{resource.name}.args.txt"
                args_path.write_text(listing, encoding="utf-8")
                written.append(args_path)
    return written


def _indent(value: str) -> str:
    return "\n".join("    " + line for line in value.split("\n")) if value else "    (empty)"


def preview(options: argparse.Namespace, console: Console) -> int:
    project_dir: Path = options.project_dir.resolve()
    project = load_project(project_dir)
    config: dict[str, str] = {}
    secret_keys: set[str] = set()
    # As Pulumi does: the stack's own settings file, unless another one is given.
    stack_file = options.stack_file or project_dir / f"Pulumi.{options.stack}.yaml"
    if options.stack_file or stack_file.is_file():
        config, secret_keys = load_stack_config(stack_file, project.name)
    config.update(parse_assignments(options.config, project.name))
    secrets = parse_assignments(options.secret, project.name)
    config.update(secrets)
    secret_keys |= set(secrets)
    result = run_program(
        project.program,
        project=project.name,
        stack=options.stack,
        config=config,
        secret_keys=secret_keys,
        cwd=project_dir,
    )
    render_report(result, console)
    render_script_arguments(result, console)
    if options.scripts_dir:
        for path in write_scripts(result, options.scripts_dir):
            console.print(f"wrote {path}", markup=False)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    options = build_parser().parse_args(argv)
    console = Console(width=_width())
    errors = Console(stderr=True, width=_width())
    try:
        return preview(options, console)
    except PreviewError as exc:
        errors.print(Text(f"error: {exc}", style="bold red"))
        return 1


def _width() -> Any:
    # Wide enough for the type column when output goes to a file or a CI log.
    return None if Console().is_terminal else 160
