# *** Hand-written mirror of what `pulumi package add terraform-provider coder/coder` ***
# *** generates for coder/coder 2.17.0 (Pulumi's "any Terraform provider" bridge).     ***
# *** Regenerating with the real tool replaces this file: keep the public API the same. ***

from . import (
    _utilities,
    outputs,  # noqa: F401
)
from ._inputs import *  # noqa: F403

# Export this package's modules as members:
from .agent import *  # noqa: F403
from .ai_task import *  # noqa: F403
from .app import *  # noqa: F403
from .env import *  # noqa: F403
from .get_task import *  # noqa: F403
from .get_workspace import *  # noqa: F403
from .get_workspace_owner import *  # noqa: F403
from .provider import *  # noqa: F403
from .script import *  # noqa: F403

_utilities.register(
    resource_modules="""
[
 {
  "pkg": "coder",
  "mod": "index/agent",
  "fqn": "pulumi_coder",
  "classes": {
   "coder:index/agent:Agent": "Agent"
  }
 },
 {
  "pkg": "coder",
  "mod": "index/aiTask",
  "fqn": "pulumi_coder",
  "classes": {
   "coder:index/aiTask:AiTask": "AiTask"
  }
 },
 {
  "pkg": "coder",
  "mod": "index/app",
  "fqn": "pulumi_coder",
  "classes": {
   "coder:index/app:App": "App"
  }
 },
 {
  "pkg": "coder",
  "mod": "index/env",
  "fqn": "pulumi_coder",
  "classes": {
   "coder:index/env:Env": "Env"
  }
 },
 {
  "pkg": "coder",
  "mod": "index/script",
  "fqn": "pulumi_coder",
  "classes": {
   "coder:index/script:Script": "Script"
  }
 }
]
""",
    resource_packages="""
[
 {
  "pkg": "coder",
  "token": "pulumi:providers:coder",
  "fqn": "pulumi_coder",
  "class": "Provider"
 }
]
""",
)
