"""The preview's web server: the standard library's threading HTTP server on 127.0.0.1.

It answers a fixed set of addresses and nothing else: the page and its two assets, the state
as JSON, the event stream, the current deck, and slide pictures by their generated ids (20
hex digits, looked up in memory). No part of a request is ever joined to a file path, so no
request can reach the file system. Requests must name this server as their host (127.0.0.1
or localhost with its port), so a web page elsewhere cannot read the preview through a DNS
name that it points at 127.0.0.1.

Server-sent events need no library: each stream is a thread that writes the newest state
whenever it changes (and a comment every 15 s, so idle connections are noticed when closed).
"""

from __future__ import annotations

import re
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import quote, urlsplit

from deckgen.errors import DeckgenError
from deckgen.preview.page import Assets
from deckgen.preview.pictures import PictureStore
from deckgen.preview.state import PageState

HOST = "127.0.0.1"
KEEPALIVE = 15.0
_PICTURE = re.compile(r"/slides/([0-9a-f]{20})\.png")
_SECURITY = {
    "Content-Security-Policy": ("default-src 'none'; script-src 'self'; style-src 'self'; "
                                "img-src 'self'; connect-src 'self'; base-uri 'none'; "
                                "form-action 'none'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
}


class PreviewServer(ThreadingHTTPServer):
    """Serves one preview; `state`, `pictures` and `assets` are what it can show."""

    daemon_threads = True  # event streams never hold up the end of the process
    allow_reuse_address = False

    def __init__(self, port: int, state: PageState, pictures: PictureStore, assets: Assets) -> None:
        self.state, self.pictures, self.assets = state, pictures, assets
        try:
            super().__init__((HOST, port), _Handler)
        except OSError as exc:
            if port:
                raise DeckgenError(f"--port: {HOST}:{port} cannot be used ({exc.strerror}); "
                                   "choose another port, or leave --port out for a free one") from None
            raise
        self.port = self.server_address[1]
        self.hosts = {f"{HOST}:{self.port}", f"localhost:{self.port}"}
        self._thread = threading.Thread(target=self.serve_forever, name="deckgen-http",
                                        kwargs={"poll_interval": 0.2}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop answering, end the event streams, close the socket."""
        self.state.close()
        if self._thread.is_alive():
            self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"
    server_version = "deckgen-preview"
    sys_version = ""

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if self.headers.get("Host", "") not in self.server.hosts:
            self._send(HTTPStatus.MISDIRECTED_REQUEST, b"wrong host\n", "text/plain")
            return
        path = urlsplit(self.path).path
        asset = self.server.assets.get(path)
        if asset is not None:
            self._send(HTTPStatus.OK, asset.body, asset.type, cache="no-cache")
        elif path == "/state":
            self._send(HTTPStatus.OK, self.server.state.current()[1], "application/json")
        elif path == "/events":
            self._events()
        elif path == "/deck.pptx":
            self._deck()
        elif (found := _PICTURE.fullmatch(path)) and (png := self.server.pictures.get(found[1])):
            self._send(HTTPStatus.OK, png, "image/png", cache="private, max-age=31536000, immutable")
        else:
            self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain")

    def _deck(self) -> None:
        deck = self.server.state.deck()
        if deck is None:
            self._send(HTTPStatus.NOT_FOUND, b"no deck yet\n", "text/plain")
            return
        data, name = deck
        ctype = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        self._send(HTTPStatus.OK, data, ctype,
                   extra={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        for name, value in _SECURITY.items():
            self.send_header(name, value)
        self.end_headers()
        self.close_connection = True
        state = self.server.state
        seq, doc = state.current()
        try:
            self._event(b"retry: 1000\n" + b"event: state\ndata: " + doc + b"\n\n")
            while not state.closed:
                newer = state.wait_newer(seq, KEEPALIVE)
                if newer is None:
                    if not state.closed:
                        self._event(b": keep-alive\n\n")
                    continue
                seq, doc = newer
                self._event(b"event: state\ndata: " + doc + b"\n\n")
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError):
            return

    def _event(self, data: bytes) -> None:
        self.wfile.write(data)
        self.wfile.flush()

    def _send(self, status: HTTPStatus, body: bytes, ctype: str, cache: str = "no-store",
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype if ";" in ctype or not ctype.startswith("text/")
                         else f"{ctype}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", cache)
        for name, value in {**_SECURITY, **(extra or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's name
        """Quiet: the terminal shows the preview's own lines, not every request."""
