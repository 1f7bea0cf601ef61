"""A fake OpenAI Responses API on 127.0.0.1 for driving the real Codex CLI in tests.

Codex, configured with a custom provider (``model_provider = "mock"``, ``wire_api =
"responses"``, ``base_url = "http://127.0.0.1:PORT/v1"``), POSTs ``/v1/responses`` with
``"stream": true`` and reads server-sent events. Three events are enough for a turn:
``response.created``, ``response.output_item.done`` carrying an assistant ``message`` item
with ``output_text`` content, and ``response.completed`` carrying ``usage``.

What the real Codex 0.169.0 asked this server for (measured, see the report in
``harness.py``): only ``POST /v1/responses``. With a custom provider it made no websocket
attempt and no ``GET /v1/models`` call; both are still answered here (websocket upgrades and
``GET /v1/responses`` with 426/405, ``/v1/models`` with an empty list) so that a Codex release
that does try them falls back instead of hanging, and the attempt is logged for the test.

Every request is recorded (method, path, headers, parsed JSON body) in ``FakeModel.requests``
and optionally appended to a JSONL file, so a test can check that the request carried the
prompt and, on resume, the earlier conversation.

Usable in-process::

    with FakeModel() as model:
        ...  # point Codex at model.base_url
        body = model.wait_for_request(lambda r: "hello" in r.text, timeout=60)

or standalone: ``python fake_model.py --port 0 --log requests.jsonl`` prints the port.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

# Bodies larger than this are refused: Codex's requests are a few hundred KiB at most (the
# instructions and tool schemas), and an unbounded read would let a broken client hang us.
MAX_BODY_BYTES = 16 * 1024 * 1024


@dataclass
class RecordedRequest:
    """One request the fake model received."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any  # parsed JSON, or None when the body was empty or not JSON
    raw: bytes = field(repr=False, default=b"")
    time: float = 0.0

    @property
    def text(self) -> str:
        """The raw body as text, for substring checks (prompt, earlier replies)."""
        return self.raw.decode("utf-8", errors="replace")

    @property
    def kind(self) -> str:
        """``"title"`` for Codex's task-title side request, ``"turn"`` for a conversation turn.

        Codex 0.169 sends, next to the first turn of a thread, a second ``POST /v1/responses``
        asking for a task title: its ``text.format`` is a ``json_schema`` named
        ``codex_output_schema`` with a ``title`` property, and its ``x-codex-turn-metadata``
        header says ``"thread_source":"thread_title"``.
        """
        if isinstance(self.body, dict):
            fmt = (self.body.get("text") or {}).get("format") or {}
            props = (fmt.get("schema") or {}).get("properties") or {}
            if fmt.get("type") == "json_schema" and set(props) == {"title"}:
                return "title"
        if '"thread_source":"thread_title"' in self.headers.get("x-codex-turn-metadata", ""):
            return "title"
        return "turn"

    @property
    def is_model_call(self) -> bool:
        return self.method == "POST" and self.path.split("?")[0].endswith("/responses")

    def input_texts(self) -> list[str]:
        """Every text in the request's ``input`` items (user and assistant turns)."""
        out: list[str] = []
        if not isinstance(self.body, dict):
            return out
        for item in self.body.get("input") or []:
            if not isinstance(item, dict):
                continue
            content = item.get("content")
            if isinstance(content, str):
                out.append(content)
            elif isinstance(content, list):
                for part in content:
                    if isinstance(part, dict) and isinstance(part.get("text"), str):
                        out.append(part["text"])
        return out


ReplyFn = Callable[[int, RecordedRequest], str]


def default_reply(n: int, _request: RecordedRequest) -> str:
    """The reply text for the n-th (1-based) conversation turn."""
    return f"Codex says: reply {n}"


def _sse(event: str, data: dict[str, Any]) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data)}\n\n".encode()


def response_events(n: int, text: str, model: str) -> list[bytes]:
    """The server-sent events of one complete, successful turn."""
    resp_id = f"resp_fake_{n}"
    created = int(time.time())
    base = {"id": resp_id, "object": "response", "created_at": created, "model": model}
    item = {
        "type": "message",
        "id": f"msg_fake_{n}",
        "status": "completed",
        "role": "assistant",
        "content": [{"type": "output_text", "text": text, "annotations": []}],
    }
    usage = {
        "input_tokens": 10,
        "input_tokens_details": {"cached_tokens": 0},
        "output_tokens": 5,
        "output_tokens_details": {"reasoning_tokens": 0},
        "total_tokens": 15,
    }
    return [
        _sse(
            "response.created",
            {"type": "response.created", "response": {**base, "status": "in_progress"}},
        ),
        _sse(
            "response.output_item.done",
            {"type": "response.output_item.done", "output_index": 0, "item": item},
        ),
        _sse(
            "response.completed",
            {
                "type": "response.completed",
                "response": {**base, "status": "completed", "output": [item], "usage": usage},
            },
        ),
    ]


class FakeModel:
    """A threaded fake Responses API server on 127.0.0.1.

    ``reply`` maps (n, request) to the assistant's text, n counting ``POST /v1/responses``
    from 1. ``log_path``, when given, receives one JSON line per request of any kind.
    """

    def __init__(
        self,
        *,
        port: int = 0,
        reply: ReplyFn = default_reply,
        log_path: Path | None = None,
    ) -> None:
        self._reply = reply
        self._log_path = log_path
        self._lock = threading.Lock()
        self._cond = threading.Condition(self._lock)
        self._requests: list[RecordedRequest] = []
        self._responses_served = 0
        self._thread: threading.Thread | None = None
        self._server = ThreadingHTTPServer(("127.0.0.1", port), self._handler_class())
        # Handler threads must not keep the test process alive after stop().
        self._server.daemon_threads = True

    # ----- lifecycle -----
    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """What goes into ``[model_providers.<id>] base_url``."""
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> FakeModel:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": 0.2},
                name=f"fake-model-{self.port}",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> FakeModel:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    # ----- what tests read -----
    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received so far, of any kind, oldest first (a copy)."""
        with self._lock:
            return list(self._requests)

    @property
    def response_requests(self) -> list[RecordedRequest]:
        """Every ``POST /v1/responses``: conversation turns and title requests."""
        return [r for r in self.requests if r.is_model_call]

    @property
    def turns(self) -> list[RecordedRequest]:
        """Only the conversation turns (``POST /v1/responses`` that are not title requests)."""
        return [r for r in self.requests if r.is_model_call and r.kind == "turn"]

    def wait_for_request(
        self,
        predicate: Callable[[RecordedRequest], bool],
        *,
        timeout: float,
        start: int = 0,
    ) -> RecordedRequest:
        """The first conversation turn from index ``start`` (in ``turns``) matching predicate.

        Raises TimeoutError (with what did arrive) after ``timeout`` seconds.
        """
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                turns = [r for r in self._requests if r.is_model_call and r.kind == "turn"]
                for r in turns[start:]:
                    if predicate(r):
                        return r
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [f"{r.method} {r.path}" for r in self._requests]
                    raise TimeoutError(
                        f"no matching model request within {timeout}s; received: {seen}"
                    )
                self._cond.wait(min(left, 0.5))

    # ----- serving -----
    def _record(self, req: RecordedRequest) -> None:
        with self._cond:
            self._requests.append(req)
            self._cond.notify_all()
            if self._log_path is not None:
                line = {
                    "time": req.time,
                    "method": req.method,
                    "path": req.path,
                    "headers": req.headers,
                    "body": req.body,
                }
                with self._log_path.open("a", encoding="utf-8") as fh:
                    fh.write(json.dumps(line) + "\n")

    def _next_turn(self) -> int:
        with self._lock:
            self._responses_served += 1
            return self._responses_served

    def turn_count(self) -> int:
        """How many conversation turns have been answered."""
        with self._lock:
            return self._responses_served

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # A client that opens a connection and sends nothing must not pin a thread forever.
            timeout = 30

            def log_message(self, format: str, *args: Any) -> None:
                sys.stderr.write(f"fake-model: {format % args}\n")

            def _read_body(self) -> bytes:
                length = int(self.headers.get("Content-Length") or 0)
                if length > MAX_BODY_BYTES:
                    raise ValueError("body too large")
                return self.rfile.read(length) if length > 0 else b""

            def _record(self, raw: bytes) -> RecordedRequest:
                try:
                    body: Any = json.loads(raw) if raw else None
                except ValueError:
                    body = None
                # Authorization is recorded on purpose: tests check Codex sent the env_key.
                req = RecordedRequest(
                    method=self.command,
                    path=self.path,
                    headers={k.lower(): v for k, v in self.headers.items()},
                    body=body,
                    raw=raw,
                    time=time.time(),
                )
                fake._record(req)
                return req

            def _plain(self, code: int, text: str) -> None:
                data = text.encode()
                self.send_response(code)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _json(self, code: int, obj: Any) -> None:
                data = json.dumps(obj).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                self._record(b"")
                if self.headers.get("Upgrade", "").lower() == "websocket":
                    # A plain refusal makes Codex fall back to HTTP streaming.
                    self._plain(426, "websockets not supported by the fake model")
                elif self.path.split("?")[0].endswith("/models"):
                    self._json(200, {"object": "list", "data": [], "models": []})
                elif self.path.split("?")[0].endswith("/responses"):
                    self._plain(405, "use POST")
                else:
                    self._plain(404, "not found")

            def do_POST(self) -> None:
                try:
                    raw = self._read_body()
                except ValueError:
                    self._plain(413, "too large")
                    return
                req = self._record(raw)
                if not self.path.split("?")[0].endswith("/responses"):
                    self._plain(404, "not found")
                    return
                model = req.body.get("model", "mock") if isinstance(req.body, dict) else "mock"
                if req.kind == "title":
                    # Answer the schema it asked for; not counted as a conversation turn, so
                    # "reply N" stays the N-th answer the user sees.
                    events = response_events(0, json.dumps({"title": "Test task"}), str(model))
                else:
                    n = fake._next_turn()
                    events = response_events(n, fake._reply(n, req), str(model))
                payload = b"".join(events)
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        return Handler


def iter_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The requests a standalone fake model logged to ``path``."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fake OpenAI Responses API on 127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--log", type=Path, default=None)
    args = parser.parse_args(argv)
    model = FakeModel(port=args.port, log_path=args.log).start()
    print(model.port, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        model.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
