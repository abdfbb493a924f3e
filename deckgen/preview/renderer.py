"""Which way this machine turns slides into pictures, and the slow way when UNO is missing.

Fastest first: LibreOffice kept running through UNO (`deckgen.preview.office`); without
LibreOffice's Python bridge, a fresh ``soffice --convert-to pdf`` and ``pdftoppm`` per save
(`Converter`, about 2.6 s for the plea); without LibreOffice, no pictures, and the page says
how to get them. Each comes with the line the page shows about it.
"""

from __future__ import annotations

import shutil
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from deckgen.errors import DeckgenError
from deckgen.preview import processes

CONVERT_TIMEOUT = 120.0


class Renderer(Protocol):
    """Turns slides of a deck file into PNG bytes, one slide at a time."""

    label: str
    broken: bool

    def render(self, deck: Path, pages: Sequence[int], width: int,
               deliver: Callable[[int, bytes], None], cancelled: Callable[[], bool]) -> None: ...

    def close(self) -> None: ...


def choose(workdir: Path, started: Callable[[Renderer], None] = lambda r: None,
           ) -> tuple[Renderer | None, str]:
    """The fastest renderer this machine has, ready, and a line saying what it is.

    ``started`` gets the renderer as soon as its processes exist, before it is ready, so
    whoever ends the preview meanwhile can end them too.
    """
    from deckgen.output.export import INSTALL_HINT, PDFTOPPM_HINT, soffice
    from deckgen.preview.office import UNO_HINT, Office, find_uno_python

    exe = soffice()
    if exe is None:
        return None, (f"No slide pictures: LibreOffice is not installed; {INSTALL_HINT}, "
                      "then start deckgen preview again")
    python = find_uno_python(exe)
    problem = ""
    if python is not None:
        try:
            office = Office(python, exe, workdir)
            started(office)
            office.wait_ready()
            return office, f"Pictures: {office.label}"
        except DeckgenError as exc:
            problem = f"{exc}; "
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        return None, f"No slide pictures: {problem}{PDFTOPPM_HINT}"
    converter = Converter(exe, pdftoppm, workdir)
    started(converter)
    return converter, (
        f"Pictures: {problem}a fresh LibreOffice for every save (slow); {UNO_HINT}")


class Converter:
    """A fresh ``soffice --convert-to pdf`` and ``pdftoppm`` for every deck (the slow way)."""

    label = "a fresh LibreOffice for every save"

    def __init__(self, soffice: str, pdftoppm: str, workdir: Path) -> None:
        self.soffice, self.pdftoppm, self.workdir = soffice, pdftoppm, workdir
        self.broken = False
        self._proc = None
        self._closed = False

    def render(self, deck: Path, pages: Sequence[int], width: int,
               deliver: Callable[[int, bytes], None], cancelled: Callable[[], bool]) -> None:
        out = self.workdir / f"convert-{uuid.uuid4().hex[:12]}"
        out.mkdir()
        try:
            profile = (self.workdir / "lo-convert-profile").resolve().as_uri()
            self._run([self.soffice, f"-env:UserInstallation={profile}", "--headless",
                       "--norestore", "--convert-to", "pdf", "--outdir", str(out), str(deck)])
            pdf = out / (deck.stem + ".pdf")
            if not pdf.is_file():
                raise DeckgenError("LibreOffice could not convert the deck to PDF")
            if cancelled():
                return
            self._run([self.pdftoppm, "-png", "-scale-to-x", str(width), "-scale-to-y", "-1",
                       str(pdf), str(out / "p")])
            files = sorted(out.glob("p-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
            for index in pages:
                if index < len(files):
                    deliver(index, files[index].read_bytes())
        finally:
            shutil.rmtree(out, ignore_errors=True)

    def close(self) -> None:
        self._closed = True
        if self._proc is not None:
            processes.end(self._proc, grace=1.0)

    def _run(self, cmd: list[str]) -> None:
        import subprocess

        if self._closed:
            raise DeckgenError("the preview is ending")
        self._proc = proc = processes.spawn(cmd, stdin=subprocess.DEVNULL,
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                            env=processes.private_tmp(self.workdir))
        deadline = time.monotonic() + CONVERT_TIMEOUT
        try:
            while proc.poll() is None:
                if self._closed or time.monotonic() > deadline:
                    raise DeckgenError(f"{Path(cmd[0]).name} took longer than "
                                       f"{CONVERT_TIMEOUT:g} s")
                time.sleep(0.05)
        finally:
            if proc.poll() is None:
                processes.end(proc, grace=1.0)
            self._proc = None
