"""Entry point of the codex-component Pulumi plugin.

Pulumi's Python language host runs ``python <this folder> <engine address> ...`` when a program
in any language adds or uses the package (``pulumi package add <repo>.git/provider``). The repo
root's ``__main__.py`` is the example Pulumi program, so the plugin lives in its own folder.
"""

from pulumi.provider.experimental import component_provider_host

from codex_component.provider import PACKAGE_NAME, Codex, package_version

if __name__ == "__main__":
    component_provider_host([Codex], name=PACKAGE_NAME, version=package_version())
