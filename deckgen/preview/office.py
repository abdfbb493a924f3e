"""Slide pictures from one LibreOffice kept running for the whole preview (through UNO).

A cold ``soffice --convert-to pdf`` plus ``pdftoppm`` takes about 2.6 s for the plea's 13
slides on the 2-core dev machine, every time. Kept running, LibreOffice loads the deck in
about 0.15 s and exports a slide as PNG in about 0.04 s, so a save shows as pictures in well
under a second, and only the slides that changed are exported at all.

UNO needs LibreOffice's own Python module (``uno``), which is not on PyPI: Debian's
``python3-uno``, or the Python that LibreOffice ships on Windows and macOS. So the UNO side is
a small script (`deckgen.preview.uno_worker`) run by that Python, in a process group of its
own, talking JSON lines over its stdin and stdout; it starts LibreOffice as its child, on a
named pipe (no network port).
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from deckgen.errors import DeckgenError
from deckgen.preview import processes

START_TIMEOUT = 90.0  # a first start builds LibreOffice's profile: seconds on a busy machine
STEP_TIMEOUT = 60.0  # loading one deck or exporting one slide
UNO_HINT = ("install LibreOffice's Python bridge for fast pictures "
            "('apt-get install python3-uno'; LibreOffice brings it on Windows and macOS)")


def uno_pythons(soffice: str) -> list[str]:
    """Pythons that may have LibreOffice's ``uno`` module: LibreOffice's own first."""
    program = Path(soffice).resolve().parent
    found = [program / "python.exe", program / "python",  # Windows; Linux builds from TDF
             program.parent / "Resources" / "python"]  # macOS: Contents/MacOS/soffice
    found = [p for p in found if p.is_file()]
    names = [str(p) for p in found] + [sys.executable]
    for name in ("python3", "python"):
        which = shutil.which(name)
        if which:
            names.append(which)
    names.append("/usr/bin/python3")
    return list(dict.fromkeys(n for n in names if n and Path(n).is_file()))


def find_uno_python(soffice: str) -> str | None:
    """The first Python here that can ``import uno``, or None."""
    for python in uno_pythons(soffice):
        try:
            done = subprocess.run([python, "-c", "import uno"], capture_output=True,  # noqa: S603
                                  timeout=30, check=False, stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            return python
    return None


class Office:
    """LibreOffice kept running between renders; `render` exports the slides asked for."""

    label = "LibreOffice, kept running between saves"

    def __init__(self, python: str, soffice: str, workdir: Path) -> None:
        self.workdir = workdir
        profile = workdir / "lo-profile"
        script = Path(__file__).with_name("uno_worker.py")
        pipe = f"deckgen-preview-{uuid.uuid4().hex[:12]}"
        self._pipe = pipe
        self._answers: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.broken = False  # a step timed out or the bridge died: start a new one
        self._proc = processes.spawn(
            [python, str(script), soffice, profile.resolve().as_uri(), pipe, str(workdir)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, encoding="utf-8", bufsize=1, env=processes.private_tmp(workdir))
        threading.Thread(target=self._read, name="deckgen-office-reader", daemon=True).start()

    def wait_ready(self) -> None:
        """Wait until LibreOffice listens (about 1 s; a first start builds its profile)."""
        try:
            ready = self._answer(START_TIMEOUT)
        except DeckgenError:
            self.close()
            raise
        if not ready.get("ready"):
            self.close()
            raise DeckgenError(str(ready.get("error") or "LibreOffice did not start"))

    def render(self, deck: Path, pages: Sequence[int], width: int,
               deliver: Callable[[int, bytes], None], cancelled: Callable[[], bool]) -> None:
        """Export ``pages`` (0-based) of ``deck`` as PNGs ``width`` pixels wide, handing each
        to ``deliver`` as it is done; stops early once ``cancelled()`` says a newer deck waits."""
        opened = self._ask({"op": "open", "path": str(deck)})
        count = int(opened.get("pages", 0))
        try:
            for index in pages:
                if cancelled():
                    return
                if index >= count:
                    continue
                out = self.workdir / f"slide-{uuid.uuid4().hex[:12]}.png"
                try:
                    self._ask({"op": "page", "index": index, "out": str(out), "width": width})
                    deliver(index, out.read_bytes())
                finally:
                    out.unlink(missing_ok=True)
        finally:
            self._ask({"op": "close"})

    def close(self) -> None:
        """End LibreOffice and the bridge: a closed stdin first, the whole group after 5 s."""
        proc = self._proc
        if proc.poll() is None:
            try:
                if proc.stdin:
                    proc.stdin.close()
                proc.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                pass
        processes.end(proc, grace=2.0)
        _remove_pipe(self._pipe)

    # -- the pipe ---------------------------------------------------------------------
    def _ask(self, command: dict[str, Any]) -> dict[str, Any]:
        try:
            assert self._proc.stdin is not None
            self._proc.stdin.write(json.dumps(command) + "\n")
            self._proc.stdin.flush()
        except (OSError, ValueError):
            self.broken = True
            raise DeckgenError("LibreOffice stopped; it is started again for the next save") from None
        answer = self._answer(STEP_TIMEOUT)
        if "error" in answer:
            raise DeckgenError(f"LibreOffice: {answer['error']}")
        return answer

    def _answer(self, timeout: float) -> dict[str, Any]:
        try:
            answer = self._answers.get(timeout=timeout)
        except queue.Empty:
            self.broken = True  # a late answer would be taken for the next question's
            raise DeckgenError(f"LibreOffice did not answer within {timeout:g} s") from None
        if answer is None:
            self.broken = True
            raise DeckgenError("LibreOffice stopped; it is started again for the next save")
        return answer

    def _read(self) -> None:
        stream = self._proc.stdout
        assert stream is not None
        for line in stream:
            try:
                self._answers.put(json.loads(line))
            except ValueError:
                continue  # LibreOffice's own chatter on our stdout
        self._answers.put(None)



def _remove_pipe(name: str) -> None:
    """LibreOffice's named pipe is a socket file in /tmp (not in TMPDIR); it removes it when it
    quits, but not when it had to be killed, so it is removed here if it is still there."""
    if os.name != "posix":
        return
    for folder in ("/tmp", "/var/tmp"):  # noqa: S108 - where LibreOffice puts it, fixed
        path = Path(folder) / f"OSL_PIPE_{os.getuid()}_{name}"
        with contextlib.suppress(OSError):
            if path.is_socket():
                path.unlink()
