"""Saves of the files a deck is built from, as they happen (``watchfiles``).

The standard library has no way to be told that a file changed; polling every file would
wake up several times a second for nothing and still be late. ``watchfiles`` gets the
operating system's own notices (inotify, FSEvents, ReadDirectoryChangesW) and gathers the
burst an editor makes while saving (a temporary file, a rename, a change of mode) into one
set. Editors that save by writing a new file and renaming it over the old one replace the
file a watch on the file itself would follow, so the folders are watched (not their
subfolders) and their events filtered down to the files that matter.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

DEBOUNCE_MS = 60  # an editor's save is one burst of events well inside this
STEP_MS = 20


class Watcher:
    """Calls ``on_saved`` with the set of watched paths that changed, from its own thread."""

    def __init__(self, on_saved: Callable[[set[Path]], None]) -> None:
        self._on_saved = on_saved
        self._lock = threading.Lock()
        self._files: frozenset[Path] = frozenset()
        self._folders: frozenset[Path] = frozenset()
        self._restart = threading.Event()
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None

    def watch(self, files: frozenset[Path], folders: frozenset[Path]) -> None:
        """Watch these files and every file directly in these folders (from now on)."""
        with self._lock:
            if (files, folders) == (self._files, self._folders):
                return
            self._files, self._folders = files, folders
        self._restart.set()
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="deckgen-watch", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stopped.set()
        self._restart.set()
        if self._thread is not None and self._thread.ident is not None:  # started (Ctrl-C
            self._thread.join(timeout=5)  # may come between creating and starting it)

    def _run(self) -> None:
        from watchfiles import watch

        while not self._stopped.is_set():
            self._restart.clear()
            with self._lock:
                files, folders = self._files, self._folders
            dirs = sorted({str(f.parent) for f in files if f.parent.is_dir()}
                          | {str(d) for d in folders if d.is_dir()})
            if not dirs:
                self._restart.wait()
                continue

            def wanted(_change: object, name: str, files: frozenset[Path] = files,
                       folders: frozenset[Path] = folders) -> bool:
                path = Path(name)
                return path in files or path.parent in folders

            for changes in watch(*dirs, watch_filter=wanted, debounce=DEBOUNCE_MS, step=STEP_MS,
                                 stop_event=self._restart, recursive=False,
                                 raise_interrupt=False):
                self._on_saved({Path(name) for _change, name in changes})
