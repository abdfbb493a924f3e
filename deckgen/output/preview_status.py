"""What an interrupted ``--pdf``/``--png`` run left: which previews exist and which do not.

Previews are made after every deck is written, so Ctrl-C during them loses no deck; the
person needs to know that, and which previews to make again. A preview counts as written when
it is there and newer than the start of the run (an older PNG from an earlier run is not this
run's); a deck's PNGs count only when there is one per slide (pdftoppm may have been stopped
half-way through a deck).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

_SLIDE_ID = re.compile(rb"<(?:\w+:)?sldId\b")


def _slides(deck: Path) -> int:
    try:
        with zipfile.ZipFile(deck) as zf:
            return len(_SLIDE_ID.findall(zf.read("ppt/presentation.xml")))
    except (OSError, KeyError, zipfile.BadZipFile):
        return -1


def _fresh(path: Path, since: float) -> bool:
    try:
        return path.stat().st_mtime >= since
    except OSError:
        return False


def interrupted_summary(decks: list[Path], pdf: bool, png_dir: str | Path | None,
                        since: float) -> str:
    """"while making previews: the decks are written; written: …; not written: …"."""
    from deckgen.listing import some
    from deckgen.output.export import _previews

    written: list[str] = []
    missing: list[str] = []
    for deck in decks:
        if pdf:
            target = deck.with_suffix(".pdf")
            (written if _fresh(target, since) else missing).append(target.name)
        if png_dir:
            pngs = [p for p in _previews(Path(png_dir), deck.stem) if _fresh(p, since)]
            if pngs and len(pngs) == _slides(deck):
                written.append(f"{len(pngs)} PNGs of {deck.name}")
            else:
                missing.append(f"the PNGs of {deck.name}")
    done = f"written: {some(written)}; " if written else ""
    return (f"while making previews: the {len(decks)} deck(s) are written "
            f"({some(d.name for d in decks)}); {done}not written: {some(missing) or 'none'}")
