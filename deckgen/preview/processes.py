"""Helper processes the preview starts, each in a process group of its own, ended as a whole.

LibreOffice starts helpers of its own (``soffice`` → ``oosplash`` → ``soffice.bin``); ending
only the process we started would leave the others running. So every helper gets a new
process group (a new session on POSIX), and ending it signals the whole group: first a
polite SIGTERM, then SIGKILL for whatever is left after a grace period.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any


def spawn(cmd: list[str], **kwargs: Any) -> subprocess.Popen:  # type: ignore[type-arg]
    """Start ``cmd`` as the leader of a new process group."""
    if os.name == "nt":
        kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP  # type: ignore[attr-defined]
    else:
        kwargs["start_new_session"] = True
    return subprocess.Popen(cmd, **kwargs)  # noqa: S603 - a fixed command line, no shell


def private_tmp(workdir: Path) -> dict[str, str]:
    """The environment for a helper whose own temporary files (LibreOffice leaves some) must
    go into ``workdir``, which the preview removes when it ends."""
    tmp = workdir / "tmp"
    tmp.mkdir(exist_ok=True)
    return {**os.environ, "TMPDIR": str(tmp), "TMP": str(tmp), "TEMP": str(tmp)}


def end(proc: subprocess.Popen, grace: float = 5.0) -> None:  # type: ignore[type-arg]
    """End ``proc`` and every process in its group; waits for the leader."""
    if os.name == "nt":
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)],  # noqa: S607
                       capture_output=True, check=False)
        proc.wait()
        return
    _signal_group(proc.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline and _group_alive(proc):
        time.sleep(0.05)
    _signal_group(proc.pid, signal.SIGKILL)
    proc.wait()


def _group_alive(proc: subprocess.Popen) -> bool:  # type: ignore[type-arg]
    proc.poll()  # reap the leader, so a finished one does not count as alive
    try:
        os.killpg(proc.pid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def _signal_group(pgid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signum)
