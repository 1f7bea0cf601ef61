"""Entry point of ``python -m codex_component``."""

import os
import sys

from codex_component.cli import main

status = main()
# A program that failed half-way leaves the mock engine's registrations pending in worker
# threads; a normal interpreter exit would then print asyncio's "Exception ignored" noise
# after our one-line error. Everything is written out; leave at once.
sys.stdout.flush()
sys.stderr.flush()
os._exit(status)
