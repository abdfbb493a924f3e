"""What each layout of a template offers: its placeholders by kind, size and position.

Real templates cannot be trusted to name, type or index their layouts consistently
(LibreOffice writes idx 0 everywhere, corporate masters put content at idx 13+), so resolution
works from this geometric description, never from a fixed idx or layout order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from deckgen.geometry import Box
from deckgen.ooxml import (
    master_placeholder,
    ph_elements,
    seen_box,
    shape_box,
    shape_text,
    xfrm_of,
)
from deckgen.template.purpose import layout_purpose
from deckgen.template.sample_text import only_sample_shape
from deckgen.typeset.backdrop import group_place
from deckgen.typeset.shape_fill import shape_props

TEXT_KINDS = ("subtitle", "body", "obj")
FIELD_KINDS = ("dt", "ftr", "sldNum")  # date, footer and slide number: the template's fields


@dataclass(frozen=True)
class PhInfo:
    """One layout placeholder, described by what it is rather than by its idx."""

    pos: int
    kind: str
    idx: int
    box: Box
    vert: bool
    name: str
    ph_type: str  # the raw ``type`` attribute ("" when absent)
    repaired: bool = False  # its own box was cut to the slide or replaced: write ``box`` out
    anchor: str = "t"  # where its text sits: t, ctr or b (text that outgrows it grows away)
    filled: bool = False  # it paints its own box (a title band): its size is part of the look


@dataclass(frozen=True)
class Slot:
    """Where one piece of a slide goes: a layout placeholder, or a box drawn by deckgen."""

    ph: PhInfo | None
    box: Box
    resized: bool = False
    # a drawn box that stands where a layout placeholder of another kind is, in its look (a
    # divider's one text box, made for the section's title, takes the statement's title)
    look: PhInfo | None = None
    anchor: str = ""  # the text sits here (t, ctr, b) rather than where its style anchors it


@dataclass(frozen=True)
class LayoutInfo:
    """One layout as the stages after the index see it: placeholders, what covers it, what it is for."""

    layout: Any
    name: str
    master: int
    type_attr: str
    placeholders: tuple[PhInfo, ...]
    slide_w: int
    slide_h: int
    # Pictures and drawn shapes of the layout and (when shown) its master that text must not
    # cover: logos, bars, decorations. Backdrops covering half the slide or more are left out.
    obstacles: tuple[Box, ...] = ()
    pictures: tuple[Box, ...] = ()  # those of the obstacles that are pictures (logos)
    # What the layout itself shows: the share of the slide its own pictures cover (a photo
    # makes a cover or picture layout, never a plain content one), and the words its
    # authors stamped on it as text ("internal only - remove before sending").
    photo: float = 0.0
    stamped: tuple[str, ...] = ()
    master_name: str = ""
    own_look: bool = False  # the layout paints something of its own (background, shapes)
    purpose: str | None = None  # what its name (or its authors' note on it) says it is for

    def of_kind(self, *kinds: str) -> list[PhInfo]:
        return [p for p in self.placeholders if p.kind in kinds]

    @property
    def title(self) -> PhInfo | None:
        found = self.of_kind("title")
        return found[0] if found else None

    def is_content_area(self, ph: PhInfo) -> bool:
        """Big enough to hold a list or chart: not a tiny header box, not vertical text."""
        if ph.kind not in ("body", "obj", "tbl", "chart") or ph.vert:
            return False
        slide_area = self.slide_w * self.slide_h
        return ph.box.area >= 0.07 * slide_area and ph.box.h >= 0.12 * self.slide_h

    @property
    def content_areas(self) -> list[PhInfo]:
        return [p for p in self.placeholders if self.is_content_area(p)]

    @property
    def text_areas(self) -> list[PhInfo]:
        """Content areas that take text (a chart or table placeholder takes none); on a
        layout without any, its one open text box (`open_text_box`)."""
        found = [p for p in self.content_areas if p.kind in ("body", "obj")]
        if found or self.content_areas:
            return found
        opened = self.open_text_box
        return [opened] if opened is not None else []

    @property
    def open_text_box(self) -> PhInfo | None:
        """A content layout's one text box, short, wide and hung from near the top over an
        empty slide (as Google Slides exports "TITLE_AND_BODY": a 0.5 in box under the title
        and nothing below it): where its list starts, with the room under it to grow into."""
        h, w = self.slide_h, self.slide_w
        boxes = [p for p in self.placeholders if p.kind in ("body", "obj") and not p.vert]
        if len(boxes) != 1:
            return None
        box = boxes[0].box
        if boxes[0].anchor not in ("t", "") or box.w < 0.6 * w or box.y > 0.4 * h:
            return None
        others = [p.box for p in self.placeholders
                  if p is not boxes[0] and p.kind not in FIELD_KINDS]
        under = [o for o in others + list(self.obstacles) if o.y >= box.bottom - h // 100
                 and o.y < 0.75 * h and min(o.right, box.right) - max(o.x, box.x) > 0.1 * box.w]
        return None if under else boxes[0]

    @property
    def text_boxes(self) -> list[PhInfo]:
        """Horizontal text placeholders other than the title, in reading order."""
        found = [p for p in self.placeholders if p.kind in TEXT_KINDS and not p.vert]
        return sorted(found, key=lambda p: (p.box.y, p.box.x))

    @property
    def has_vertical(self) -> bool:
        return any(p.vert for p in self.placeholders) or self.type_attr.startswith("vert")

    @property
    def duplicate_idx(self) -> bool:
        idxs = [p.idx for p in self.placeholders]
        return len(idxs) != len(set(idxs))


_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
RAW_KINDS = {
    "title": "title", "ctrTitle": "title", "vertTitle": "title", "subTitle": "subtitle",
    "body": "body", "obj": "obj", "chart": "chart", "tbl": "tbl", "pic": "pic",
    "clipArt": "pic", "media": "pic", "dgm": "pic", "dt": "dt", "ftr": "ftr",
    "sldNum": "sldNum", "hdr": "hdr",
}


def _anchor(*shapes: Any) -> str:
    """The text anchor the placeholder inherits: its own ``bodyPr``, else its master's."""
    for shape in shapes:
        if shape is None:
            continue
        body = shape.find(f"{_P}txBody/{_A}bodyPr")
        if body is not None and body.get("anchor"):
            return body.get("anchor")
    return "t"


_FILLS = tuple(f"{_A}{k}" for k in ("noFill", "solidFill", "gradFill", "blipFill", "pattFill"))


def _filled(*shapes: Any) -> bool:
    """The placeholder paints its box: its own fill, else its master's (a layout's noFill
    takes the master's away)."""
    for shape in shapes:
        props = shape.find(f"{_P}spPr") if shape is not None else None
        fill = next((c for c in props if c.tag in _FILLS), None) if props is not None else None
        if fill is not None:
            return fill.tag != f"{_A}noFill"
    return False


def _is_vert(*shapes: Any) -> bool:
    for shape in shapes:
        if shape is None:
            continue
        body = shape.find(f"{_P}txBody/{_A}bodyPr")
        if body is not None and body.get("vert") not in (None, "horz"):
            return True
    return False


_DRAWN = (f"{_P}pic", f"{_P}sp", f"{_P}grpSp", f"{_P}graphicFrame", f"{_P}cxnSp")


def drawn_shapes(part_el: Any) -> list[Any]:
    """Non-placeholder shapes with something visible: pictures, filled or outlined shapes,
    text that is not a placeholder (a "Confidential" label)."""
    tree = part_el.find(f"{_P}cSld/{_P}spTree")
    return _visible(tree) if tree is not None else []


def _visible(tree: Any) -> list[Any]:
    out = []
    for shape in tree:
        if shape.tag not in _DRAWN or shape.find(f".//{_P}nvPr/{_P}ph") is not None:
            continue
        if shape.tag == f"{_P}sp":
            sppr = shape.find(f"{_P}spPr")
            painted = shape_props(shape)
            filled = painted is not None and any(
                painted.find(f"{_A}{k}") is not None
                for k in ("solidFill", "gradFill", "blipFill", "pattFill"))
            line = sppr.find(f"{_A}ln") if sppr is not None else None
            outlined = line is not None and line.find(f"{_A}noFill") is None and len(line)
            texted = shape_text(shape).strip()
            if not (filled or outlined or texted):
                continue
            if texted and not (filled or outlined) and only_sample_shape(shape):
                continue  # example text the deck removes ("<Autor>"): nothing will show
        out.append(shape)
    return out


def _members(group: Any, place: Any) -> Iterator[Box]:
    """The boxes, on the slide, of the pictures a group over the whole slide holds (groups
    within it opened too): logos and swooshes to keep clear of. Its painted shapes are a
    backdrop the text is meant to cross (a mosaic of panels), judged for contrast instead."""
    for member in _visible(group):
        xywh = xfrm_of(member)
        if xywh is None:
            continue
        if member.tag == f"{_P}grpSp":
            yield from _members(member, group_place(member, place))
        elif member.tag == f"{_P}pic":
            yield place(Box(*xywh))


def obstacles(layout: Any, slide_w: int, slide_h: int, pictures: bool = False,
              title: Box | None = None) -> tuple[Box, ...]:
    """What the layout and its master draw, as boxes on the slide (backdrops excluded);
    with ``pictures``, only the pictures among them."""
    parts = [layout._element]
    if layout._element.get("showMasterSp") not in ("0", "false"):
        parts.append(layout.slide_master._element)
    boxes = []
    for part_el in parts:
        for shape in drawn_shapes(part_el):
            if pictures and shape.tag != f"{_P}pic":
                continue
            try:
                xywh = seen_box(shape)
            except (TypeError, ValueError):
                xywh = None
            if xywh is None:
                continue
            found = [Box(*xywh)]
            if shape.tag == f"{_P}grpSp" and xywh[2] * xywh[3] >= 0.5 * slide_w * slide_h:
                # a group over the whole slide (a master's artwork grouped in one: swooshes,
                # logos): its members are what the text must keep clear of
                found = list(_members(shape, group_place(shape, None)))
            for b in found:
                x, y, w, h = b.x, b.y, b.w, b.h
                x, y = max(x, 0), max(y, 0)
                w, h = min(w, slide_w - x), min(h, slide_h - y)
                if w <= 0 or h <= 0 or w * h >= 0.5 * slide_w * slide_h:
                    continue
                boxes.append(Box(x, y, w, h))
    if not pictures:  # logos and rules painted into a background picture
        from deckgen.template.picture_ink import background_marks

        slide = Box(0, 0, slide_w, slide_h)
        own_bg = layout._element.find(f"{_P}cSld/{_P}bg") is not None
        sources = [layout] if own_bg or len(parts) == 1 else [layout, layout.slide_master]
        for source in sources:
            boxes.extend(background_marks(source, slide, title))
    return tuple(sorted(set(boxes), key=lambda b: (b.y, b.x, b.w, b.h)))


def _photo_share(layout_el: Any, slide_w: int, slide_h: int) -> float:
    """The share of the slide the layout's own pictures cover, a full-slide one included."""
    area = 0
    for shape in drawn_shapes(layout_el):
        if shape.tag != f"{_P}pic" and shape.find(f"{_P}spPr/{_A}blipFill") is None:
            continue
        box = shape_box(shape)
        if box is not None:
            area += Box(0, 0, slide_w, slide_h).intersection(box)
    bg = layout_el.find(f"{_P}cSld/{_P}bg/{_P}bgPr/{_A}blipFill")
    if bg is not None:
        area = slide_w * slide_h
    return min(1.0, area / (slide_w * slide_h)) if slide_w and slide_h else 0.0


def _stamped(layout_el: Any) -> tuple[str, ...]:
    """Text the layout shows that is not a placeholder's (a stamp, a label)."""
    out = []
    for shape in drawn_shapes(layout_el):
        text = " ".join(shape_text(shape).split())
        if text:
            out.append(text)
    return tuple(out)


def describe(layout: Any, master: int, slide_w: int, slide_h: int,
             master_phs: list[tuple[Any, Any]]) -> LayoutInfo:
    phs = []
    for pos, (shape, ph) in enumerate(ph_elements(layout._element)):
        ph_type = ph.get("type") or ""
        base = master_placeholder(master_phs, ph_type or "obj")
        own = xfrm_of(shape)
        box = _sane(own, slide_w, slide_h) or (
            _sane(xfrm_of(base), slide_w, slide_h) if base is not None else None)
        if box is None:
            box = (slide_w // 10, slide_h // 5, slide_w * 8 // 10, slide_h * 3 // 5)
        try:
            idx = int(ph.get("idx") or 0)
        except ValueError:
            idx = 0
        c_nv = shape.find(f".//{_P}cNvPr")
        phs.append(
            PhInfo(
                pos=pos,
                kind=RAW_KINDS.get(ph_type or "obj", "other"),
                idx=idx,
                box=Box(*box),
                vert=ph.get("orient") == "vert" or ph_type == "vertTitle"
                or _is_vert(shape, base),
                name=(c_nv.get("name") if c_nv is not None else "") or "",
                ph_type=ph_type,
                repaired=own is not None and tuple(box) != own,
                anchor=_anchor(shape, base),
                filled=_filled(shape, base),
            )
        )
    return LayoutInfo(
        layout=layout,
        name=layout.name or "",
        master=master,
        type_attr=layout._element.get("type") or "",
        placeholders=tuple(phs),
        slide_w=slide_w,
        slide_h=slide_h,
        obstacles=obstacles(layout, slide_w, slide_h, title=next(
            (p.box for p in phs if p.kind == "title"), None)),
        pictures=obstacles(layout, slide_w, slide_h, pictures=True),
        photo=_photo_share(layout._element, slide_w, slide_h),
        stamped=_stamped(layout._element),
        master_name=_master_name(layout),
        own_look=layout._element.find(f"{_P}cSld/{_P}bg") is not None
        or bool(drawn_shapes(layout._element)),
        purpose=layout_purpose(layout.name or "", _stamped(layout._element)),
    )


def _master_name(layout: Any) -> str:
    c_sld = layout.slide_master._element.find(f"{_P}cSld")
    return (c_sld.get("name") if c_sld is not None else "") or ""


def _sane(xywh: tuple[int, int, int, int] | None, slide_w: int,
          slide_h: int) -> tuple[int, int, int, int] | None:
    """A placeholder's box as a slide can show it: cut to the slide, and None when nothing
    usable is left (no height, no width, or off the slide), so the master's box stands in.
    Broken geometry is seen in generated templates: a 16-inch, zero-height title on a
    13.33-inch slide."""
    if xywh is None:
        return None
    x, y, w, h = xywh
    left, top = max(x, 0), max(y, 0)
    right, bottom = min(x + w, slide_w), min(y + h, slide_h)
    if right - left < slide_w // 50 or bottom - top < slide_h // 50:
        return None
    return left, top, right - left, bottom - top


def index_presentation(prs: Any) -> list[LayoutInfo]:
    w, h = int(prs.slide_width), int(prs.slide_height)
    out = []
    for mi, master in enumerate(prs.slide_masters):
        master_phs = ph_elements(master._element)
        for layout in master.slide_layouts:
            out.append(describe(layout, mi, w, h, master_phs))
    return out
