"""Logos, rules and marks painted into a template's background picture.

Some templates bake their logo and a coloured rule into the master's background image
instead of placing them as shapes. Text then runs over the logo or is struck through by the
rule, and nothing in the XML says so. This finds the marks: on a picture that is mostly one
colour, the regions that differ from it, as boxes on the slide. A photo (differing almost
everywhere) yields none: text on a photo is a matter of contrast, not of placement.
"""

from __future__ import annotations

import io
import warnings
from collections import deque
from typing import Any

from deckgen.geometry import Box

WIDTH = 96  # pixels across the slide: marks of about 1 % of its width still show
PHOTO = 0.35  # a picture differing from its main colour over this share is a photo
_CACHE: dict[str, tuple[tuple[float, float, float, float, bool, int], ...]] = {}
SOLID = 0.85  # a mark inked over this share of its box is a band, not a logo or lettering


def ink_boxes(blob: bytes, frame: Box, slide: Box) -> list[tuple[Box, bool, int]]:
    """The marks in the picture ``blob`` stretched over ``frame``, as slide boxes, each with
    whether it is solid and the number of the inked region it is part of."""
    import hashlib

    key = hashlib.sha1(blob).hexdigest()
    if key not in _CACHE:
        if len(_CACHE) > 64:
            _CACHE.clear()
        _CACHE[key] = _marks(blob)
    out = []
    for fx, fy, fw, fh, solid, region in _CACHE[key]:
        box = Box(frame.x + int(fx * frame.w), frame.y + int(fy * frame.h),
                  max(int(fw * frame.w), 1), max(int(fh * frame.h), 1))
        if box.intersection(slide) > 0:
            out.append((box, solid, region))
    return out


def _marks(blob: bytes) -> tuple[tuple[float, float, float, float, bool, int], ...]:
    """Marks as fractions of the picture: (x, y, w, h, solid, region)."""
    try:
        from PIL import Image

        with Image.open(io.BytesIO(blob)) as img, warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow's note on palette transparency
            img.draft("RGB", (WIDTH * 2, WIDTH * 2))
            rgb = img.convert("RGB")
            w, h = rgb.size
            if not w or not h:
                return ()
            small = rgb.resize((WIDTH, max(1, round(WIDTH * h / w))))
    except Exception:  # noqa: BLE001 - an unreadable picture: no marks can be said
        return ()
    w, h = small.size
    raw = small.tobytes()
    pixels = [tuple(raw[i:i + 3]) for i in range(0, len(raw), 3)]
    counts: dict[tuple[int, int, int], int] = {}
    for r, g, b in pixels:
        q = (r // 16, g // 16, b // 16)
        counts[q] = counts.get(q, 0) + 1
    main = max(counts, key=counts.get)
    base = tuple(c * 16 + 8 for c in main)
    ink = [abs(p[0] - base[0]) + abs(p[1] - base[1]) + abs(p[2] - base[2]) > 90
           for p in pixels]
    if sum(ink) > PHOTO * len(ink):
        return ()
    seen = [False] * len(ink)
    out = []
    for start in range(len(ink)):
        if not ink[start] or seen[start]:
            continue
        x0 = x1 = start % w
        y0 = y1 = start // w
        queue = deque([start])
        seen[start] = True
        size = 0
        columns: dict[int, list[int]] = {}
        while queue:
            i = queue.popleft()
            size += 1
            x, y = i % w, i // w
            x0, x1, y0, y1 = min(x0, x), max(x1, x), min(y0, y), max(y1, y)
            span = columns.setdefault(x, [y, y])
            span[0], span[1] = min(span[0], y), max(span[1], y)
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1), (2, 0), (-2, 0), (0, 2), (0, -2)):
                nx, ny = x + dx, y + dy
                j = ny * w + nx
                if 0 <= nx < w and 0 <= ny < h and ink[j] and not seen[j]:
                    seen[j] = True
                    queue.append(j)
        if size < 3:
            continue  # a speck
        for gx0, gx1, gy0, gy1 in _runs(columns):
            if (gx1 - gx0 + 1) * (gy1 - gy0 + 1) > 0.2 * w * h:
                continue  # a large area: a band text is meant to sit on
            inked = sum(ink[y * w + x] for y in range(gy0, gy1 + 1) for x in range(gx0, gx1 + 1))
            solid = inked >= SOLID * (gx1 - gx0 + 1) * (gy1 - gy0 + 1)
            out.append(((gx0 - 0.5) / w, (gy0 - 0.5) / h, (gx1 - gx0 + 2) / w,
                        (gy1 - gy0 + 2) / h, solid, start))
    return tuple(out)


def _runs(columns: dict[int, list[int]]) -> list[tuple[int, int, int, int]]:
    """A mark cut where its height changes: a round logo touching a thin rule gives the
    logo's box and the rule's, not one box over both (text may sit beside the logo)."""
    out: list[list[int]] = []
    for x in sorted(columns):
        top, bottom = columns[x]
        last = out[-1] if out else None
        if last and x == last[1] + 1 and abs(top - last[2]) <= 2 and abs(bottom - last[3]) <= 2:
            last[1] = x
            last[2], last[3] = min(last[2], top), max(last[3], bottom)
        else:
            out.append([x, x, top, bottom])
    return [tuple(run) for run in out]  # type: ignore[misc]


def background_marks(part: Any, slide: Box, title: Box | None = None) -> list[Box]:
    """Marks in a master's or layout's background picture, and in pictures covering half the
    slide or more (a background placed as a picture). A solid, wide band as tall as the text
    inside the ``title`` box (a ribbon, a bar painted in the picture) is what the title is set
    on, not a mark to keep clear of, and with it the rest of its inked region (the ribbon's
    folds, the parts of a band on a gradient only half told apart); a thin rule there strikes
    the title through and a logo or lettering is never solid, so both stay marks."""
    from deckgen.ooxml import shape_box

    P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
    A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    found: list[tuple[Any, Box]] = []
    blip = part._element.find(f"{P}cSld/{P}bg/{P}bgPr/{A}blipFill/{A}blip")
    if blip is not None:
        found.append((blip, slide))
    tree = part._element.find(f"{P}cSld/{P}spTree")
    for shape in tree if tree is not None else ():  # top-level pictures, not placeholders
        if shape.tag != f"{P}pic" or shape.find(f".//{P}nvPr/{P}ph") is not None:
            continue
        box = shape_box(shape)
        if box is not None and box.area >= 0.5 * slide.area:
            pic_blip = shape.find(f"{P}blipFill/{A}blip")
            if pic_blip is not None:
                found.append((pic_blip, box))
    out = []
    for el, frame in found:
        rid = el.get(f"{R}embed")
        try:
            blob = part.part.related_part(rid).blob if rid else None
        except (KeyError, AttributeError):
            blob = None
        if not blob:
            continue
        marks = ink_boxes(blob, frame, slide)
        bands = {region for box, solid, region in marks if title is not None and solid
                 and box.w >= 2 * box.h and box.h >= 0.4 * title.h
                 and box.intersection(title) >= 0.7 * box.area}
        out.extend(box for box, _solid, region in marks if region not in bands)
    return out
