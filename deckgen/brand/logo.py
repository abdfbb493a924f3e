"""Read a logo safely: a small regular file, PNG or JPEG, with a sane pixel count.

A logo is copied into every layout that shows it, and Pillow and python-pptx read its header;
a 100 MB file or a PNG claiming 100,000 × 100,000 pixels (a "pixel bomb", a few hundred bytes
on disk) must fail with one line before anything decodes or copies it.

Beside an organisation's own template the logo is placed on slides (`deckgen.deck.logo`);
it is read once per run into a `BrandLogo` that every deck of a batch reuses.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
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


@dataclass(frozen=True)
class BrandLogo:
    """A logo read and checked once per run, ready to place on any number of decks.

    ``ink``: for a logo with a transparent background, the mean colour of its visible pixels,
    so a placement can tell whether it would vanish on a dark band; ``None`` for an opaque
    logo, which carries its own background.
    """

    blob: bytes
    px: tuple[int, int]
    alt: str
    sha1: str
    ink: str | None = None

    @property
    def aspect(self) -> float:
        return self.px[0] / self.px[1]


def load_brand_logo(path: Path, source: str, name: str) -> BrandLogo:
    """Read ``path`` (named in errors as ``source``) into a `BrandLogo` for ``name``'s decks."""
    if not path.is_file():
        raise DeckgenError(f"{source}: file {path.name!r} not found ({path})")
    blob, size = check_logo(path, source)
    return BrandLogo(blob, size, f"Logo {name}", hashlib.sha1(blob).hexdigest(), _ink(blob))


def _ink(blob: bytes) -> str | None:
    """Mean colour of the opaque pixels when at least 5 % of the logo is see-through."""
    from PIL import Image, ImageStat

    with Image.open(io.BytesIO(blob)) as img:
        if "A" not in img.getbands() and "transparency" not in img.info:
            return None
        rgba = img.convert("RGBA")
    rgba.thumbnail((96, 96))
    alpha = rgba.getchannel("A").point(lambda a: 255 if a >= 128 else 0)
    count = alpha.width * alpha.height
    opaque = alpha.histogram()[255]
    if not opaque or opaque > 0.95 * count:
        return None
    r, g, b = ImageStat.Stat(rgba.convert("RGB"), mask=alpha).mean
    return f"#{round(r):02X}{round(g):02X}{round(b):02X}"

