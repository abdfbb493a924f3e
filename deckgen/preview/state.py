"""What the page shows, as one JSON document that every change replaces.

Two producers change it (the build loop: a new deck or an error; the picture thread: a
picture is ready, or a line about LibreOffice) and any number of pages read it, each through
its own event stream. Each change makes a new document with a higher number; a stream sends
the newest one it has not sent, so a page that falls behind skips to the present instead of
replaying every step. The page is rebuilt from the document alone.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from typing import Any

from deckgen.preview.builder import Built


@dataclass(frozen=True)
class Picture:
    """A rendered picture shown for a slide: its id, and the title of the slide it shows."""

    id: str
    title: str


class PageState:
    """The page's state behind a lock; `changed` wakes every waiting stream."""

    def __init__(self, content: str, template: str, company: str) -> None:
        self._cond = threading.Condition()
        self._seq = 0
        self._closed = False
        self._meta = {"content": content, "template": template, "company": company}
        self._built: Built | None = None
        self._keys: list[str] = []
        self._ready: set[str] = set()  # keys whose picture is in the store
        self._shown: list[Picture | None] = []  # per slide: the picture on the page
        self._error: str | None = None
        self._note = ""
        self._saved_at: float | None = None  # when the save being shown was seen
        self._timing: dict[str, float] = {}
        self._built_at = ""
        self._json = b"{}"
        with self._cond:
            self._publish()

    # -- producers ------------------------------------------------------------------
    def saved(self, when: float) -> None:
        """A save was seen at ``when`` (`time.monotonic`); the next build answers it."""
        with self._cond:
            self._saved_at = when

    def built(self, built: Built, keys: list[str], ready: set[str]) -> None:
        """A new deck: texts at once; a slide keeps its last picture until its new one comes."""
        with self._cond:
            self._built, self._keys, self._error = built, keys, None
            self._built_at = time.strftime("%H:%M:%S")
            self._ready = set(ready)
            shown = self._shown[:len(keys)] + [None] * (len(keys) - len(self._shown))
            for i, key in enumerate(keys):
                if key in self._ready:
                    shown[i] = Picture(key, built.info.slides[i].title)
            self._shown = shown
            self._timing = {}
            if self._saved_at is not None:
                self._timing["texts"] = time.monotonic() - self._saved_at
            self._check_done()
            self._publish()

    def failed(self, message: str) -> None:
        """The content or template could not be built: say why, keep the last good slides."""
        with self._cond:
            self._error = message
            self._timing = {}
            self._saved_at = None
            self._publish()

    def picture_ready(self, key: str) -> None:
        with self._cond:
            self._ready.add(key)
            if self._built is None:
                return
            for i, k in enumerate(self._keys):
                if k == key:
                    self._shown[i] = Picture(key, self._built.info.slides[i].title)
            self._check_done()
            self._publish()

    def note(self, text: str) -> None:
        """The line about pictures (which renderer, or how to install LibreOffice)."""
        with self._cond:
            if text != self._note:
                self._note = text
                self._publish()

    def close(self) -> None:
        """The preview is ending: wake every stream so it can finish."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    # -- readers --------------------------------------------------------------------
    def current(self) -> tuple[int, bytes]:
        with self._cond:
            return self._seq, self._json

    def wait_newer(self, seq: int, timeout: float) -> tuple[int, bytes] | None:
        """The newest document once it is newer than ``seq``; None on timeout or close."""
        with self._cond:
            self._cond.wait_for(lambda: self._seq > seq or self._closed, timeout)
            if self._closed or self._seq <= seq:
                return None
            return self._seq, self._json

    @property
    def closed(self) -> bool:
        return self._closed

    def deck(self) -> tuple[bytes, str] | None:
        """The last deck that built, and its file name, for the download link."""
        with self._cond:
            built = self._built
        return (built.deck, built.filename) if built is not None else None

    # -- inside the lock --------------------------------------------------------------
    def _check_done(self) -> None:
        if self._saved_at is not None and self._keys and all(k in self._ready for k in self._keys):
            self._timing["pictures"] = time.monotonic() - self._saved_at
            self._saved_at = None

    def _publish(self) -> None:
        self._seq += 1
        self._json = json.dumps(self._document(), ensure_ascii=False).encode("utf-8")
        self._cond.notify_all()

    def _document(self) -> dict[str, Any]:
        built = self._built
        slides = []
        if built is not None:
            for i, info in enumerate(built.info.slides):
                shown = self._shown[i]
                slides.append({
                    "number": info.number, "kind": info.kind, "title": info.title,
                    "layout": info.layout, "master": info.master, "reason": info.reason,
                    "drawn": info.drawn, "warnings": list(info.warnings),
                    "texts": [[key, list(paras)] for key, paras in info.texts],
                    "picture": {"id": shown.id, "title": shown.title} if shown else None,
                    "current": self._keys[i] in self._ready,
                })
        return {
            "seq": self._seq,
            **self._meta,
            "template": built.info.template if built else self._meta["template"],
            "error": self._error,
            "stale": self._error is not None and built is not None,
            "building": built is None and self._error is None,
            "built_at": self._built_at or None,
            "build_ms": round(built.seconds * 1000) if built else None,
            "timing_ms": {k: round(v * 1000) for k, v in self._timing.items()},
            "warnings": list(built.info.warnings) if built else [],
            "filename": built.filename if built else None,
            "pictures": self._note,
            "slides": slides,
        }
