"""What every stand-in shares: recording calls as JSON lines and bounding lifetimes.

Each call appends one JSON object to ``$STANDIN_LOG_DIR/<name>.jsonl``: the event, the pid,
argv, cwd and the whole environment, so that tests can assert on exactly what a program
received. Stand-ins that keep running end by themselves after ``STANDIN_MAX_SECONDS``
(120 by default), so a test that failed to clean up cannot leave them behind for long.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

STANDIN_DIR = Path(os.environ.get("STANDIN_DIR") or Path(__file__).resolve().parent)


def record(name: str, event: str, **extra: Any) -> None:
    log_dir = os.environ.get("STANDIN_LOG_DIR")
    if not log_dir:
        return
    entry = {
        "event": event,
        "time": time.time(),
        "pid": os.getpid(),
        "argv": sys.argv[1:],
        "cwd": os.getcwd(),
        "env": dict(os.environ),
        **extra,
    }
    line = json.dumps(entry, ensure_ascii=False) + "\n"
    fd = os.open(Path(log_dir) / f"{name}.jsonl", os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, line.encode("utf-8"))
    finally:
        os.close(fd)


def max_seconds() -> float:
    return float(os.environ.get("STANDIN_MAX_SECONDS", "120"))
