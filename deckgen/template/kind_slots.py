"""Slots for the slide kinds beyond text: two columns, a table, a picture, drawn shapes.

Kept apart from `deckgen.template.resolve` (which handles the text roles) so that each file
stays readable. Same rule as there: use the layout's placeholder made for the thing (a table
or picture placeholder, a "Comparison" layout's headings), else its content area, else the
free region the caller computed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from deckgen.geometry import Box
from deckgen.template.index import LayoutInfo, PhInfo

if TYPE_CHECKING:
    from deckgen.template.index import Slot

GAP = 0.04  # of the region's width, between two columns


def side_by_side(layout: LayoutInfo) -> tuple[PhInfo, PhInfo] | None:
    """The two content areas of a two-column layout, left first."""
    areas = [p for p in layout.content_areas if p.kind in ("body", "obj")]
    pairs = [
        (a, b) for a in areas for b in areas
        if a is not b and a.box.right <= b.box.x + a.box.w * 0.1
        and min(a.box.bottom, b.box.bottom) - max(a.box.y, b.box.y) > 0.5 * min(a.box.h, b.box.h)
    ]
    if not pairs:
        return None
    return max(pairs, key=lambda ab: ab[0].box.area + ab[1].box.area)


def _split(box: Box) -> tuple[Box, Box]:
    gap = int(box.w * GAP)
    half = (box.w - gap) // 2
    return Box(box.x, box.y, half, box.h), Box(box.x + half + gap, box.y, half, box.h)


def comparison_slots(layout: LayoutInfo, region: Box, slot: type[Slot]) -> dict[str, Slot]:
    """Two columns: the layout's two content areas, else its one content area (or the free
    region) split in two, each half a clone of the area's placeholder. A column's heading
    goes into the layout's heading box above it; without one it is the column's first
    paragraph (bold, no bullet), so it stays in a placeholder and in the outline view."""
    out: dict[str, Slot] = {}
    pair = side_by_side(layout)
    if pair:
        columns = list(zip(("left", "right"), pair, (p.box for p in pair)))
    else:
        areas = [p for p in layout.content_areas if p.kind in ("body", "obj")]
        area = max(areas, key=lambda p: p.box.area) if areas else None
        columns = list(zip(("left", "right"), (area, area),
                           _split(area.box if area else region)))
    for key, ph, box in columns:
        heads = [t for t in layout.text_boxes if pair and t not in pair
                 and t.box.bottom <= box.y + box.h * 0.05 and abs(t.box.x - box.x) < box.w * 0.2
                 and t.box.h < box.h * 0.5]
        if heads:
            head = max(heads, key=lambda t: t.box.bottom)
            out[f"{key}_head"] = slot(head, head.box)
        out[key] = slot(ph, box, resized=ph is not None and not pair)
    return out


def table_slots(layout: LayoutInfo, region: Box, slot: type[Slot]) -> dict[str, Slot]:
    tables = layout.of_kind("tbl")
    if tables:
        return {"table": slot(tables[0], tables[0].box)}
    areas = layout.content_areas
    if areas:
        best = max(areas, key=lambda p: p.box.area)
        return {"table": slot(None, best.box)}
    return {"table": slot(None, region)}


def image_slots(layout: LayoutInfo, region: Box, slot: type[Slot]) -> dict[str, Slot]:
    """The picture, and a caption box: the layout's own text box beside or under the picture
    when it has one, else a strip under the picture. Without a picture placeholder the
    picture takes the content area and the caption the area's own placeholder, cut to the
    strip under it: a caption in a placeholder shows in the outline view."""
    pics = layout.of_kind("pic")
    out: dict[str, Slot] = {}
    holder = None
    if pics:
        pic = max(pics, key=lambda p: p.box.area)
        out["picture"] = slot(pic, pic.box)
        texts = [t for t in layout.text_boxes if t.box.area < pic.box.area]
        if texts:
            cap = max(texts, key=lambda t: t.box.area)
            out["caption"] = slot(cap, cap.box)
            return out
        base = pic.box
    else:
        areas = layout.content_areas
        area = max(areas, key=lambda p: p.box.area) if areas else None
        base = area.box if area else region
        holder = area if area is not None and area.kind in ("body", "obj") else None
        out["picture"] = slot(None, base)
    strip = int(base.h * 0.16)
    out["picture"] = slot(out["picture"].ph, Box(base.x, base.y, base.w, base.h - strip),
                          resized=out["picture"].ph is not None)
    out["caption"] = slot(holder, Box(base.x, base.bottom - strip, base.w, strip),
                          resized=holder is not None)
    return out


def shapes_slots(layout: LayoutInfo, region: Box, slot: type[Slot]) -> dict[str, Slot]:
    """Key figures and a roadmap are native shapes deckgen draws: they take the layout's one
    content area (its placeholder is not used) or, on a title-only layout, the free region
    below the title, clear of the template's artwork."""
    areas = [p for p in layout.content_areas if p.kind in ("body", "obj")]
    box = max(areas, key=lambda p: p.box.area).box if areas else region
    return {"shapes": slot(None, box)}


SHAPE_ROLES = ("figures", "roadmap")


def _shapes_score(layout: LayoutInfo) -> int:
    """A title-only layout suits drawn shapes best, a plain content layout next; a cover, a
    divider or a layout with several text boxes would leave placeholders or their look unused."""
    if layout.title is None or layout.title.ph_type == "ctrTitle" or layout.of_kind("pic"):
        return 0
    if layout.type_attr == "secHead" or layout.title.box.y > 0.3 * layout.slide_h:
        return 0
    texts, areas = layout.text_boxes, layout.content_areas
    if not texts and not areas:
        return 6
    if len(areas) == 1 and all(t in areas for t in texts):
        return 4
    return 0


def kind_score(role: str, layout: LayoutInfo) -> int | None:
    """Suitability for the non-text roles (None: not one of them)."""
    if role in SHAPE_ROLES:
        return _shapes_score(layout)
    if role == "comparison":
        if side_by_side(layout):
            return 6
        one = [p for p in layout.content_areas if p.kind in ("body", "obj")]
        return 2 if len(layout.content_areas) == 1 and one else 0
    if role == "table":
        return 6 if layout.of_kind("tbl") else (3 if len(layout.content_areas) == 1 else 0)
    if role == "image":
        return 6 if layout.of_kind("pic") else (2 if len(layout.content_areas) == 1 else 0)
    return None
