"""Example Coder workspace template: a Linux agent with Codex CLI, wired into Coder Tasks.

Settings come from `pulumi config` (see Pulumi.example.yaml); the OpenAI key is a secret:
    pulumi config set --secret openaiApiKey sk-...
The compute that runs the agent (a container, a VM, ...) is left out: give it the agent's
`init_script` and `token` as you would in any Coder template.
"""

import pulumi
import pulumi_coder as coder

from codex_component import Codex, CodexArgs

config = pulumi.Config()
workdir = config.get("workdir") or "/home/coder/project"
use_aibridge = config.get_bool("enableAibridge") or False

agent = coder.Agent(
    "main",
    arch=config.get("arch") or "amd64",
    os="linux",
    env={"GIT_AUTHOR_NAME": "Coder", "GIT_COMMITTER_NAME": "Coder"},
)

task = coder.get_task_output()

# Settings left unset keep the component's defaults.
optional_settings = {
    "codex_model": config.get("codexModel"),
    "codex_version": config.get("codexVersion"),
    "model_reasoning_effort": config.get("modelReasoningEffort"),
    "agentapi_version": config.get("agentapiVersion"),
    "agentapi_port": config.get_int("agentapiPort"),
    "cli_app": config.get_bool("cliApp"),
    "report_tasks": config.get_bool("reportTasks"),
    "subdomain": config.get_bool("subdomain"),
    "additional_mcp_servers": config.get("additionalMcpServers"),
    "codex_system_prompt": config.get("systemPrompt"),
}

codex = Codex(
    "codex",
    CodexArgs(
        agent_id=agent.id,
        workdir=workdir,
        # With AI Bridge the owner's session token authenticates Codex, so no key is read.
        openai_api_key="" if use_aibridge else config.require_secret("openaiApiKey"),
        enable_aibridge=use_aibridge,
        ai_prompt=task.prompt,
        **{key: value for key, value in optional_settings.items() if value is not None},
    ),
)

coder.AiTask("task", app_id=codex.task_app_id)

pulumi.export("task_app_id", codex.task_app_id)
pulumi.export("agent_init_script", agent.init_script)
