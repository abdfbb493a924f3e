"""One ``deckgen preview`` run: the parts started in order, joined one way, ended together.

    watcher ──saves──▶ build loop (this thread) ──deck──▶ page state ──▶ server ──▶ browser
                             └──deck, slide keys──▶ picture thread ──pictures──┘

The build loop is the only writer of decks; the picture thread only adds pictures; the server
only reads. Everything the run creates lives in one temporary folder (LibreOffice's profile,
the deck handed to it, its PNGs on their way into memory), which goes when the run ends,
however it ends (Ctrl-C, SIGTERM, an error), after LibreOffice and every helper are ended.
"""

from __future__ import annotations

import contextlib
import queue
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from deckgen.errors import DeckgenError
from deckgen.preview.builder import Builder, Request
from deckgen.preview.keys import slide_keys
from deckgen.preview.page import Assets
from deckgen.preview.pictures import PictureStore, PictureWorker
from deckgen.preview.renderer import choose
from deckgen.preview.server import PreviewServer
from deckgen.preview.state import PageState
from deckgen.preview.watcher import Watcher

WIDTH = 1280  # pixels; the page shows slides about 800 CSS pixels wide, sharp on HiDPI too


def run(request: Request, port: int = 0, open_browser: bool = True,
        say: Callable[[str], None] = print, tell: Callable[[str], None] | None = None,
        stop: threading.Event | None = None) -> None:
    """Serve the preview until Ctrl-C, SIGTERM or ``stop``; the URL is the first line said.

    ``say`` gets the URL (standard output); ``tell`` gets progress lines (standard error).
    """
    tell = tell or (lambda line: print(line, file=sys.stderr, flush=True))
    workdir = Path(tempfile.mkdtemp(prefix="deckgen-preview-"))
    server = worker = watcher = None
    try:
        builder = Builder(request)
        state = PageState(builder.inputs.content.name, request.template or "default",
                          builder.company)
        pictures = PictureStore()
        server = PreviewServer(port, state, pictures, Assets())
        server.start()
        say(server.url)
        worker = PictureWorker(pictures, workdir, WIDTH, state.picture_ready, state.note, choose)
        worker.start()
        saves: queue.Queue[set[Path]] = queue.Queue()
        watcher = Watcher(saves.put)
        opened = open_browser and _open(server.url)
        tell(f"deckgen preview: {builder.inputs.content} for {builder.company}"
             f"{'' if opened else f'; open {server.url} in your browser'}; Ctrl-C to stop")
        _loop(builder, state, worker, watcher, saves, pictures, tell, stop)
    finally:
        with _uninterrupted():
            if watcher is not None:
                watcher.stop()
            if server is not None:
                server.stop()
            if worker is not None:
                worker.stop()
            shutil.rmtree(workdir, ignore_errors=True)


def _loop(builder: Builder, state: PageState, worker: PictureWorker, watcher: Watcher,
          saves: queue.Queue[set[Path]], pictures: PictureStore, tell: Callable[[str], None],
          stop: threading.Event | None) -> None:
    """Build, publish, hand the deck to the picture thread; then wait for the next save."""
    changed: set[Path] = set()
    first = True
    watcher.watch(builder.inputs.files, builder.inputs.folders)  # a save while building counts
    while stop is None or not stop.is_set():
        if first or changed:
            _build(builder, state, worker, pictures, changed, tell)
            watcher.watch(builder.inputs.files, builder.inputs.folders)
            first, changed = False, set()
        try:
            batch = saves.get(timeout=0.25)
        except queue.Empty:
            continue
        state.saved(time.monotonic())
        changed |= batch
        while not saves.empty():  # saves that came while building: one more build for all
            changed |= saves.get_nowait()


def _build(builder: Builder, state: PageState, worker: PictureWorker, pictures: PictureStore,
           changed: set[Path], tell: Callable[[str], None]) -> None:
    try:
        built = builder.build(changed)
    except DeckgenError as exc:
        message = " ".join(str(exc).split())
        state.failed(message)
        tell(f"error: {message}")
        return
    except Exception as exc:  # noqa: BLE001 - a bug must not end the preview; it is shown
        message = (f"internal error ({type(exc).__name__}: {' '.join(str(exc).split())[:300]}); "
                   "please report it")
        state.failed(message)
        tell(f"error: {message}")
        return
    keys = slide_keys(built.deck, WIDTH)
    state.built(built, keys, {k for k in keys if k in pictures})
    worker.submit(built.deck, keys)
    tell(f"built {len(keys)} slides in {built.seconds:.2f} s")


def _open(url: str) -> bool:
    """Open the default browser without waiting for it (some wait for the window to close).

    Not on a Linux or BSD machine without a display: the only browsers Python finds there
    are text browsers, which would take over the terminal the preview reports to.
    """
    import os
    import webbrowser

    if os.name == "posix" and sys.platform != "darwin" and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return False
    threading.Thread(target=webbrowser.open, args=(url,), name="deckgen-browser",
                     daemon=True).start()
    return True


@contextlib.contextmanager
def _uninterrupted() -> Iterator[None]:
    """While ending LibreOffice and removing files, a second Ctrl-C or SIGTERM waits: cut
    short, it would leave them behind. Each step is bounded (at most some seconds)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    saved = {}
    for signum in (signal.SIGINT, getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)):
        if signum is not None:
            with contextlib.suppress(ValueError, OSError):
                saved[signum] = signal.signal(signum, signal.SIG_IGN)
    try:
        yield
    finally:
        for signum, handler in saved.items():
            with contextlib.suppress(ValueError, OSError, TypeError):
                signal.signal(signum, handler)
