"""PDF and PNG previews through headless LibreOffice, when it is installed.

Each run gets its own LibreOffice user profile (parallel runs otherwise fight over one) and a
time limit; soffice exits 0 even when it fails, so success is judged by the file it writes.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from deckgen.errors import DeckgenError

TIMEOUT = 180
INSTALL_HINT = "install LibreOffice (e.g. 'apt-get install libreoffice-impress')"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(deck: Path, outdir: Path) -> Path:
    exe = soffice()
    if exe is None:
        raise DeckgenError(f"--pdf: LibreOffice is not installed; {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="deckgen-lo-") as profile, \
            tempfile.TemporaryDirectory(prefix="deckgen-pdf-") as tmp:
        cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
               "pdf", "--outdir", tmp, str(deck)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise DeckgenError(f"{deck}: LibreOffice took longer than {TIMEOUT} s") from None
        produced = Path(tmp) / (deck.stem + ".pdf")
        if not produced.is_file():
            raise DeckgenError(f"{deck}: LibreOffice could not convert the deck to PDF")
        target = outdir / produced.name
        shutil.move(str(produced), target)
    return target


def to_png(pdf: Path, outdir: Path, dpi: int = 50) -> list[Path]:
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise DeckgenError("--png: pdftoppm is not installed; install poppler-utils")
    outdir.mkdir(parents=True, exist_ok=True)
    prefix = outdir / pdf.stem
    subprocess.run([exe, "-png", "-r", str(dpi), str(pdf), str(prefix)], capture_output=True,
                   timeout=TIMEOUT, check=False)
    return sorted(outdir.glob(f"{pdf.stem}-*.png"))


def export(deck: Path, pdf: bool, png_dir: str | None) -> list[str]:
    """Lines to report; a missing LibreOffice is a note, not a failure (the deck exists)."""
    if soffice() is None:
        return [f"note: no PDF/PNG for {deck.name}: LibreOffice is not installed; {INSTALL_HINT}"]
    outdir = deck.parent
    if pdf:
        made = to_pdf(deck, outdir)
        lines = [str(made)]
    else:
        with tempfile.TemporaryDirectory(prefix="deckgen-png-") as tmp:
            made = to_pdf(deck, Path(tmp))
            return [str(p) for p in to_png(made, Path(png_dir))]
    if png_dir:
        lines += [str(p) for p in to_png(made, Path(png_dir))]
    return lines
