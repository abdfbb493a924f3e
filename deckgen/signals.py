"""Interruptions: Ctrl-C, SIGTERM and SIGHUP end a run with one line and a clean folder.

Python turns SIGINT into `KeyboardInterrupt` but dies silently on SIGTERM, skipping every
``finally`` (a half-written temporary deck stays behind). The CLI therefore turns SIGTERM and
SIGHUP into `Interrupted`, a `BaseException` that unwinds like Ctrl-C through the cleanup code
but is not caught by ``except Exception``. Batch workers ignore SIGINT (the parent alone reacts
and ends them) and die quietly on SIGTERM, so no worker prints a traceback.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from typing import Any

EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C


class Interrupted(BaseException):  # noqa: N818 - it is not an error, and reads well at call sites
    """The run was asked to stop (SIGTERM, SIGHUP); carries the signal number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise(signum: int, frame: Any) -> None:  # noqa: ARG001 - the signal handler signature
    raise Interrupted(signum)


def _stoppers() -> list[int]:
    return [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None))
            if s is not None]


def install() -> None:
    """For the CLI process: SIGTERM/SIGHUP raise `Interrupted`. Main thread only."""
    if threading.current_thread() is not threading.main_thread():
        return
    for signum in _stoppers():
        with contextlib.suppress(ValueError, OSError):
            signal.signal(signum, _raise)


@contextlib.contextmanager
def cleanup_on_term() -> Iterator[None]:
    """While writing a file from the API: SIGTERM unwinds (so ``finally`` removes the temporary
    file) instead of killing the process on the spot. Leaves handlers someone set alone."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    for signum in _stoppers():
        with contextlib.suppress(ValueError, OSError):
            if signal.getsignal(signum) is signal.SIG_DFL:
                previous[signum] = signal.signal(signum, _raise)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            with contextlib.suppress(ValueError, OSError):
                signal.signal(signum, handler)


def worker_init() -> None:
    """Pool worker start: the parent handles Ctrl-C; a terminate() ends the worker silently."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in _stoppers():
        signal.signal(signum, signal.SIG_DFL)
