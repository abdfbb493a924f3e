"""Where the example slides set their titles, where that is not the layout's own place.

A template passed from hand to hand often keeps its layouts' title placeholders under a band
its designer later drew across the top, and every example slide drags its title up into the
band. The examples are the instruction: the deck's titles on that layout go there too.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from deckgen.geometry import Box
from deckgen.ooxml import shape_box
from deckgen.template.index import LayoutInfo

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
REPEATED = 0.6  # on this share of the slides of a kind (and at least two) it is the look
GRID = 45720  # positions compared to 0.05 in: a hand-placed box is never quite in place


def title_boxes(slides: list[tuple[Any, LayoutInfo]]) -> tuple[tuple[LayoutInfo, Box], ...]:
    """Per layout, the title box its example slides agree on where it is not the layout's
    own: a grey band across the top that every example titles in, while the layout's title
    placeholder waits under it. At least two slides and `REPEATED` of the layout's; a box
    narrowed or flattened around a short example title is no place for the deck's titles."""
    by_layout: dict[int, list[Box | None]] = {}
    layouts: dict[int, LayoutInfo] = {}
    for slide, li in slides:
        title = li.title
        if title is None:
            continue
        own = None
        for shape in slide._element.iter(f"{P}sp"):
            ph = shape.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
            if ph is not None and (ph.get("type") or "obj") in ("title", "ctrTitle"):
                own = shape_box(shape)
                break
        snapped = None if own is None or own == title.box else Box(
            *(round(v / GRID) * GRID for v in (own.x, own.y, own.w, own.h)))
        by_layout.setdefault(id(li.layout.part), []).append(snapped)
        layouts[id(li.layout.part)] = li
    out = []
    for key, boxes in by_layout.items():
        li = layouts[key]
        found = Counter(b for b in boxes if b is not None).most_common(1)
        if not found or found[0][1] < max(2, REPEATED * len(boxes)):
            continue
        box, title = found[0][0], li.title
        if title is not None and box.w >= title.box.w // 2 and box.h >= title.box.h // 2 \
                and box.intersection(Box(0, 0, li.slide_w, li.slide_h)) >= 0.9 * box.area:
            out.append((li, box))
    return tuple(out)
