"""Slide pictures: a store keyed by what a slide depends on, and the thread that fills it.

The thread renders the newest deck only: a save that arrives while an older deck is being
rendered cancels what is left of it (pictures already made stay in the store, and a slide
that did not change since is not rendered again). LibreOffice is started as soon as the
thread starts, while the first deck is still being built.
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from deckgen.errors import DeckgenError
from deckgen.preview.renderer import Renderer

MAX_PICTURES = 300  # about 30 MB of PNGs at 1280 px; older ones are rendered again if needed


class PictureStore:
    """PNG bytes by slide key (`deckgen.preview.keys`); the key is also the picture's id."""

    def __init__(self, limit: int = MAX_PICTURES) -> None:
        self._data: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self._limit = limit

    def get(self, key: str) -> bytes | None:
        with self._lock:
            found = self._data.get(key)
            if found is not None:
                self._data.move_to_end(key)
            return found

    def __contains__(self, key: object) -> bool:
        with self._lock:
            return key in self._data

    def keep(self, keys: tuple[str, ...]) -> None:
        """Mark these pictures as in use (the current deck's): the last to be dropped."""
        with self._lock:
            for key in keys:
                if key in self._data:
                    self._data.move_to_end(key)

    def put(self, key: str, png: bytes) -> None:
        with self._lock:
            self._data[key] = png
            self._data.move_to_end(key)
            while len(self._data) > self._limit:
                self._data.popitem(last=False)


class PictureWorker:
    """Renders each new deck's missing pictures, newest deck first, in slide order."""

    def __init__(self, store: PictureStore, workdir: Path, width: int,
                 on_picture: Callable[[str], None], on_note: Callable[[str], None],
                 choose: Callable[..., tuple[Renderer | None, str]]) -> None:
        self.store, self.workdir, self.width = store, workdir, width
        self._on_picture, self._on_note, self._choose = on_picture, on_note, choose
        self._cond = threading.Condition()
        self._pending: tuple[bytes, tuple[str, ...]] | None = None
        self._stopped = False
        self._renderer: Renderer | None = None
        self._label = ""  # what the page says about the pictures while all is well
        self._thread = threading.Thread(target=self._run, name="deckgen-pictures", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def submit(self, deck: bytes, keys: list[str]) -> None:
        """Render ``deck``'s slides whose keys have no picture yet (replaces a waiting deck)."""
        with self._cond:
            self._pending = (deck, tuple(keys))
            self._cond.notify_all()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop rendering and end LibreOffice, also when the thread is stuck waiting on it."""
        with self._cond:
            self._stopped = True
            self._cond.notify_all()
        if self._thread.ident is None:  # Ctrl-C came between creating and starting it
            return
        self._thread.join(timeout)
        renderer = self._renderer
        if renderer is not None:  # the thread did not get to it (or is stuck in it)
            renderer.close()
        self._thread.join(timeout)

    # -- the thread -----------------------------------------------------------------
    def _run(self) -> None:
        try:
            self._on_note("Pictures: starting LibreOffice …")
            renderer = self._start()
            while renderer is not None:
                job = self._next()
                if job is None:
                    return
                renderer = self._render(renderer, *job)
        finally:
            renderer, self._renderer = self._renderer, None
            if renderer is not None:
                renderer.close()

    def _next(self) -> tuple[bytes, tuple[str, ...]] | None:
        with self._cond:
            while self._pending is None and not self._stopped:
                self._cond.wait()
            if self._stopped:
                return None
            job, self._pending = self._pending, None
            return job

    def _cancelled(self) -> bool:
        return self._stopped or self._pending is not None

    def _render(self, renderer: Renderer, deck: bytes, keys: tuple[str, ...]) -> Renderer | None:
        """Render what is missing; a renderer that broke is replaced for the next deck."""
        self.store.keep(keys)
        missing = []
        for index, key in enumerate(keys):
            if key not in self.store and key not in (keys[i] for i in missing):
                missing.append(index)
        if not missing:
            return renderer
        path = self.workdir / f"deck-{uuid.uuid4().hex[:12]}.pptx"
        try:
            path.write_bytes(deck)
        except OSError as exc:
            self._on_note(f"Pictures failed for this save: {path.parent}: {exc.strerror}")
            return renderer

        def deliver(index: int, png: bytes) -> None:
            self.store.put(keys[index], png)
            self._on_picture(keys[index])

        try:
            renderer.render(path, missing, self.width, deliver, self._cancelled)
            self._on_note(self._label)
        except (DeckgenError, OSError) as exc:
            self._on_note(f"Pictures failed for this save: {exc}")
            if renderer.broken and not self._stopped:
                renderer.close()
                self._renderer = None
                return self._start()
        finally:
            path.unlink(missing_ok=True)
        return renderer

    def _start(self) -> Renderer | None:
        def started(renderer: Renderer) -> None:
            self._renderer = renderer

        renderer, self._label = self._choose(self.workdir, started)
        self._renderer = renderer
        self._on_note(self._label)
        return renderer
