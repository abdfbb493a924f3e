"""The hue a logo or bar picture is painted in.

Many templates show their brand only in pictures: a red university logo in the corner of
every layout, a green bar saved as a PNG. Their theme keeps Office's accents, so without
looking at the pixels a chart would come out Office blue beside a red logo. This finds the
most frequent saturated colour of a picture and the share of the picture it covers.
"""

from __future__ import annotations

import colorsys
import hashlib
import io
import warnings
from dataclasses import dataclass

WIDTH = 64  # pixels across: a logo's lettering and mark still show, anti-aliasing averages out
WIDE = 256  # … across a background picture, where a logo is a few hundredths of the width
HUE_NEAR = 0.06  # hues this close (a fraction of the colour wheel, about 20°) are one hue


@dataclass(frozen=True)
class Hue:
    """A picture's main saturated colour and how much it says about the brand."""

    colour: str  # #RRGGBB
    share: float  # of the picture's opaque pixels
    purity: float  # of its saturated pixels, those of about its hue: a logo's one, a photo's many
    ground: float  # of its opaque pixels in its most common colour (a flat ground)


_CACHE: dict[tuple[str, int, bool], Hue | None] = {}


def dominant_hue(blob: bytes) -> tuple[str, float] | None:
    """(#RRGGBB, share of the picture's opaque pixels) of its main saturated colour, or None
    for a picture without one (a grey logo, a black-and-white scan, an unreadable file)."""
    found = hue_of(blob)
    return (found.colour, found.share) if found is not None else None


def hue_of(blob: bytes, width: int = WIDTH, marks: bool = False) -> Hue | None:
    """The picture's main saturated colour, measured ``width`` pixels across (with
    ``marks``, of what is painted on its most common colour, that ground left out: a navy
    background's gold marks); None for a picture without one."""
    key = (hashlib.sha1(blob).hexdigest(), width, marks)
    if key not in _CACHE:
        if len(_CACHE) > 64:
            _CACHE.clear()
        _CACHE[key] = _hue(blob, width, marks)
    return _CACHE[key]


def _hue(blob: bytes, width: int = WIDTH, marks: bool = False) -> Hue | None:
    try:
        from PIL import Image

        with Image.open(io.BytesIO(blob)) as img, warnings.catch_warnings():
            # a palette picture with transparency by bytes: Pillow warns, converts all the same
            warnings.simplefilter("ignore")
            img.draft("RGB", (width * 2, width * 2))
            rgba = img.convert("RGBA")
            w, h = rgba.size
            if not w or not h:
                return None
            small = rgba.resize((width, max(1, round(width * h / w))))
    except Exception:  # noqa: BLE001 - an unreadable picture (EMF, SVG): no colour can be said
        return None
    raw = small.tobytes()
    bins: dict[tuple[int, int, int], list[int]] = {}
    grounds: dict[tuple[int, int, int], int] = {}
    opaque = 0
    for i in range(0, len(raw), 4):
        r, g, b, alpha = raw[i], raw[i + 1], raw[i + 2], raw[i + 3]
        if alpha < 128:
            continue
        opaque += 1
        cell = (r // 32, g // 32, b // 32)
        grounds[cell] = grounds.get(cell, 0) + 1
        _h, light, sat = colorsys.rgb_to_hls(r / 255, g / 255, b / 255)
        if sat < 0.35 or not 0.15 <= light <= 0.8:
            continue
        entry = bins.setdefault(cell, [0, 0, 0, 0])
        entry[0] += 1
        entry[1] += r
        entry[2] += g
        entry[3] += b
    if marks and grounds:
        bins.pop(max(grounds, key=lambda c: (grounds[c], c)), None)
    if not bins or not opaque:
        return None
    n, r, g, b = max(bins.values(), key=lambda e: (e[0], e[1:]))
    hue = colorsys.rgb_to_hls(r / n / 255, g / n / 255, b / n / 255)[0]

    def near(e: list[int]) -> bool:  # shades of one hue fall into neighbouring bins
        other = colorsys.rgb_to_hls(e[1] / e[0] / 255, e[2] / e[0] / 255, e[3] / e[0] / 255)[0]
        return min(abs(other - hue), 1 - abs(other - hue)) <= HUE_NEAR

    hued = sum(e[0] for e in bins.values())
    alike = sum(e[0] for e in bins.values() if near(e))
    return Hue(f"#{r // n:02X}{g // n:02X}{b // n:02X}", n / opaque, alike / hued,
               max(grounds.values()) / opaque)
