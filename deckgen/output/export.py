"""PDF and PNG previews through headless LibreOffice, when it is installed.

LibreOffice is looked for on the PATH and where its installers put it on Windows and macOS
(people there rarely have it on the PATH). Each run gets its own LibreOffice user profile
(parallel runs otherwise fight over one); soffice exits 0 even when it fails, so success is
judged by the files it writes. One soffice run converts many decks (starting it is the slow
part), and a whole ``build`` shares one time budget: forty decks must not mean forty timeouts.
soffice runs in its own process group, so a timeout ends it and every helper it started.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from deckgen.errors import DeckgenError

TIMEOUT = 180  # seconds for every conversion of one run together
PNG_WIDTH = 1280
INSTALL_HINT = ("install LibreOffice (https://www.libreoffice.org/download/, or "
                "'apt-get install libreoffice-impress')")
PDFTOPPM_HINT = ("install poppler's pdftoppm ('apt-get install poppler-utils', "
                 "'brew install poppler', or poppler for Windows on the PATH)")


def candidates(platform: str | None = None, env: Mapping[str, str] | None = None) -> list[Path]:
    """Where LibreOffice's installers put soffice on this platform (besides the PATH)."""
    platform = sys.platform if platform is None else platform
    env = os.environ if env is None else env
    if platform.startswith("win"):
        roots = [env.get(k) for k in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
        roots += [r"C:\Program Files", r"C:\Program Files (x86)"]
        seen: list[Path] = []
        for root in roots:
            path = Path(root) / "LibreOffice" / "program" / "soffice.exe" if root else None
            if path is not None and path not in seen:
                seen.append(path)
        return seen
    if platform == "darwin":
        home = env.get("HOME") or str(Path.home())
        return [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
                Path(home) / "Applications" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice"]
    return [Path("/usr/bin/soffice"), Path("/usr/lib/libreoffice/program/soffice"),
            Path("/opt/libreoffice/program/soffice")]


def find_soffice(platform: str | None = None, env: Mapping[str, str] | None = None) -> str | None:
    """soffice on the PATH, else at a standard install location, else None."""
    path_var = (os.environ if env is None else env).get("PATH")
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name, path=path_var)
        if found:
            return found
    for path in candidates(platform, env):
        if path.is_file() and os.access(path, os.X_OK):
            return str(path)
    return None


def soffice() -> str | None:
    """The LibreOffice this machine has (tests replace this to pretend it has none)."""
    return find_soffice()


class Budget:
    """One deadline for every conversion in a run."""

    def __init__(self, seconds: float = TIMEOUT) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds

    def left(self, what: str) -> float:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise DeckgenError(f"{what}: the previews took longer than {self.seconds:g} s "
                               "together; the decks are written, convert fewer at a time")
        return remaining


def run_grouped(cmd: list[str], timeout: float, what: str, total: float = TIMEOUT) -> None:
    """Run ``cmd`` in its own process group; on timeout end the whole group, then fail."""
    kwargs: dict[str, object] = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL,
                                 "stdin": subprocess.DEVNULL}
    if os.name == "nt":
        kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP  # type: ignore[attr-defined]
    else:
        kwargs["start_new_session"] = True
    proc = subprocess.Popen(cmd, **kwargs)  # type: ignore[call-overload]  # noqa: S603
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise DeckgenError(f"{what}: the previews took longer than the {total:g} s allowed; "
                           "the decks are written, convert fewer at a time") from None
    finally:
        if proc.poll() is None:  # Ctrl-C while waiting: leave no soffice behind
            _kill_group(proc)


def _kill_group(proc: subprocess.Popen) -> None:  # type: ignore[type-arg]
    if os.name == "nt":
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)],  # noqa: S607
                       capture_output=True, check=False)
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def _batches(decks: Sequence[Path]) -> list[list[Path]]:
    """Decks in groups with distinct file names (soffice writes every PDF into one folder)."""
    groups: list[list[Path]] = []
    for deck in decks:
        for group in groups:
            if all(d.stem != deck.stem for d in group):
                group.append(deck)
                break
        else:
            groups.append([deck])
    return groups


def to_pdfs(decks: Sequence[Path], outdirs: Sequence[Path], budget: Budget) -> list[Path]:
    """Convert ``decks`` to PDF, each into its ``outdirs`` entry; all or an error."""
    exe = soffice()
    if exe is None:
        raise DeckgenError(f"--pdf: LibreOffice is not installed; {INSTALL_HINT}")
    made: dict[Path, Path] = {}
    with tempfile.TemporaryDirectory(prefix="deckgen-lo-") as profile:
        for group in _batches(decks):
            with tempfile.TemporaryDirectory(prefix="deckgen-pdf-") as tmp:
                cmd = [exe, f"-env:UserInstallation={Path(profile).resolve().as_uri()}",
                       "--headless", "--norestore", "--convert-to", "pdf", "--outdir", tmp,
                       *(str(d) for d in group)]
                run_grouped(cmd, budget.left(str(group[0])), str(group[0]), budget.seconds)
                for deck in group:
                    produced = Path(tmp) / (deck.stem + ".pdf")
                    if not produced.is_file():
                        raise DeckgenError(f"{deck}: LibreOffice could not convert the deck to PDF")
                    target = outdirs[decks.index(deck)] / produced.name
                    shutil.move(str(produced), target)
                    made[deck] = target
    return [made[d] for d in decks]


def to_png(pdf: Path, outdir: Path, width: int, budget: Budget) -> list[Path]:
    """One PNG per slide, ``width`` pixels wide, named after the deck."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise DeckgenError(f"--png: pdftoppm is not installed; {PDFTOPPM_HINT}")
    outdir.mkdir(parents=True, exist_ok=True)
    prefix = outdir / pdf.stem
    # issue 10: this deck's previews from an earlier run (a 13-slide deck's slide-13.png
    # beside an 11-slide deck's) go first, so only what is written now is there and listed
    for old in _previews(outdir, pdf.stem):
        old.unlink()
    run_grouped([exe, "-png", "-scale-to-x", str(width), "-scale-to-y", "-1", str(pdf),
                 str(prefix)], budget.left(str(pdf)), str(pdf), budget.seconds)
    return _previews(outdir, pdf.stem)


def _previews(outdir: Path, stem: str) -> list[Path]:
    """``STEM-1.png``, ``STEM-01.png``…: pdftoppm's names for this deck's pages only."""
    n = len(stem) + 1
    return sorted(p for p in outdir.glob(f"{stem}-*.png")
                  if p.name[n:-4].isdigit() and p.is_file())


def check_png_dir(png_dir: str | Path) -> Path:
    """``--png DIR`` must be a folder or creatable as one: said before anything is built."""
    folder = Path(png_dir)
    node = folder
    while not node.exists():
        if node.parent == node:
            break
        node = node.parent
    if node.exists() and not node.is_dir():
        raise DeckgenError(f"--png: cannot use {folder} as a folder: {node} is a file; "
                           "choose another --png folder")
    if node.exists() and not os.access(node, os.W_OK | os.X_OK):
        raise DeckgenError(f"--png: cannot write into {node} (permission denied); "
                           "choose another --png folder")
    return folder


def export_all(decks: Sequence[Path], pdf: bool, png_dir: str | Path | None,
               png_width: int = PNG_WIDTH, budget: Budget | None = None) -> tuple[list[Path], list[str]]:
    """Previews for every deck: the files written, and notes for a person to read.

    A missing LibreOffice is a note, not a failure: the decks exist.
    """
    if not decks or not (pdf or png_dir):
        return [], []
    if soffice() is None:
        return [], [f"note: no PDF/PNG for {len(decks)} deck(s): LibreOffice is not installed; "
                    f"{INSTALL_HINT}"]
    if png_width < 16 or png_width > 10_000:
        raise DeckgenError(f"--png-width: {png_width} is not between 16 and 10000 pixels")
    budget = budget or Budget()
    decks = list(decks)
    made: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="deckgen-png-") as tmp:
        outdirs = [d.parent if pdf else Path(tmp) for d in decks]
        pdfs = to_pdfs(decks, outdirs, budget)
        if pdf:
            made += pdfs
        if png_dir:
            folder = check_png_dir(png_dir)
            for p in pdfs:
                made += to_png(p, folder, png_width, budget)
    return made, []


def export(deck: Path, pdf: bool, png_dir: str | None, png_width: int = PNG_WIDTH) -> list[str]:
    """Lines to report for one deck (kept for callers of the earlier, one-deck interface)."""
    made, notes = export_all([deck], pdf, png_dir, png_width)
    return notes + [str(p) for p in made]
