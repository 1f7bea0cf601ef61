"""Stand-in for the part of Coder's API the shutdown script uses: the task log snapshot
endpoint ``POST /api/v2/workspaceagents/me/tasks/<id>/log-snapshot?format=agentapi``.

It runs in the test process on 127.0.0.1 (a free port), records every request and answers
with :attr:`CoderApi.status` (204 like a current deployment; set 404 for an old one).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class CoderApi:
    def __init__(self) -> None:
        self.requests: list[Request] = []
        self.status = 204
        api = self

        class Handler(BaseHTTPRequestHandler):
            def _record(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                api.requests.append(Request(self.command, self.path, dict(self.headers), body))
                self.send_response(api.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST = do_PUT = _record  # noqa: N815

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
