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

WIDTH = 64  # pixels across: a logo's lettering and mark still show, anti-aliasing averages out
_CACHE: dict[str, tuple[str, float] | None] = {}


def dominant_hue(blob: bytes) -> tuple[str, float] | None:
    """(#RRGGBB, share of the picture's opaque pixels) of its main saturated colour, or None
    for a picture without one (a grey logo, a black-and-white scan, an unreadable file)."""
    key = hashlib.sha1(blob).hexdigest()
    if key not in _CACHE:
        if len(_CACHE) > 64:
            _CACHE.clear()
        _CACHE[key] = _hue(blob)
    return _CACHE[key]


def _hue(blob: bytes) -> tuple[str, float] | None:
    try:
        from PIL import Image

        with Image.open(io.BytesIO(blob)) as img, warnings.catch_warnings():
            # a palette picture with transparency by bytes: Pillow warns, converts all the same
            warnings.simplefilter("ignore")
            img.draft("RGB", (WIDTH * 2, WIDTH * 2))
            rgba = img.convert("RGBA")
            w, h = rgba.size
            if not w or not h:
                return None
            small = rgba.resize((WIDTH, max(1, round(WIDTH * h / w))))
    except Exception:  # noqa: BLE001 - an unreadable picture (EMF, SVG): no colour can be said
        return None
    raw = small.tobytes()
    bins: dict[tuple[int, int, int], list[int]] = {}
    opaque = 0
    for i in range(0, len(raw), 4):
        r, g, b, alpha = raw[i], raw[i + 1], raw[i + 2], raw[i + 3]
        if alpha < 128:
            continue
        opaque += 1
        _h, light, sat = colorsys.rgb_to_hls(r / 255, g / 255, b / 255)
        if sat < 0.35 or not 0.15 <= light <= 0.8:
            continue
        entry = bins.setdefault((r // 32, g // 32, b // 32), [0, 0, 0, 0])
        entry[0] += 1
        entry[1] += r
        entry[2] += g
        entry[3] += b
    if not bins or not opaque:
        return None
    n, r, g, b = max(bins.values(), key=lambda e: (e[0], e[1:]))
    return f"#{r // n:02X}{g // n:02X}{b // n:02X}", n / opaque
