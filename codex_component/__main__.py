"""Entry point of ``python -m codex_component``."""

import sys

from codex_component.cli import main

sys.exit(main())
