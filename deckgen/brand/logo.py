"""Read a logo safely: a small regular file, PNG or JPEG, with a sane pixel count.

A logo is copied into every layout that shows it, and Pillow and python-pptx read its header;
a 100 MB file or a PNG claiming 100,000 × 100,000 pixels (a "pixel bomb", a few hundred bytes
on disk) must fail with one line before anything decodes or copies it.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from deckgen.bounded import read_regular
from deckgen.errors import DeckgenError

MAX_LOGO_BYTES = 10_000_000
MAX_LOGO_PIXELS = 40_000_000  # e.g. 8000 × 5000: far beyond any logo, far below a bomb


def check_logo(path: Path, source: str) -> tuple[bytes, tuple[int, int]]:
    """The logo's bytes and pixel size; every problem is one line naming ``source``."""
    from PIL import Image, UnidentifiedImageError

    blob = read_regular(path, MAX_LOGO_BYTES, "logo")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(blob)) as img:
                fmt, (width, height) = img.format, img.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise DeckgenError(f"{source}: {path} claims too many pixels (over "
                           f"{MAX_LOGO_PIXELS}); use a smaller PNG or JPEG") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        reason = " ".join(str(exc).split())[:120]
        raise DeckgenError(f"{source}: cannot read image {path} ({reason})") from None
    if fmt not in ("PNG", "JPEG"):
        raise DeckgenError(f"{source}: {path} is {fmt}, not PNG/JPEG")
    if width < 1 or height < 1 or width * height > MAX_LOGO_PIXELS:
        raise DeckgenError(f"{source}: {path} has {width} × {height} pixels (at most "
                           f"{MAX_LOGO_PIXELS} in all); use a smaller PNG or JPEG")
    return blob, (width, height)
