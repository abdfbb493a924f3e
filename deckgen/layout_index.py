"""What each layout of a template offers: its placeholders by kind, size and position.

Real templates cannot be trusted to name, type or index their layouts consistently
(LibreOffice writes idx 0 everywhere, corporate masters put content at idx 13+), so resolution
works from this geometric description, never from a fixed idx or layout order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pptx.enum.shapes import PP_PLACEHOLDER

KINDS = {
    PP_PLACEHOLDER.TITLE: "title",
    PP_PLACEHOLDER.CENTER_TITLE: "title",
    PP_PLACEHOLDER.VERTICAL_TITLE: "title",
    PP_PLACEHOLDER.SUBTITLE: "subtitle",
    PP_PLACEHOLDER.BODY: "body",
    PP_PLACEHOLDER.VERTICAL_BODY: "body",
    PP_PLACEHOLDER.OBJECT: "obj",
    PP_PLACEHOLDER.VERTICAL_OBJECT: "obj",
    PP_PLACEHOLDER.CHART: "chart",
    PP_PLACEHOLDER.TABLE: "tbl",
    PP_PLACEHOLDER.PICTURE: "pic",
    PP_PLACEHOLDER.BITMAP: "pic",
    PP_PLACEHOLDER.MEDIA_CLIP: "pic",
    PP_PLACEHOLDER.ORG_CHART: "pic",
    PP_PLACEHOLDER.DATE: "dt",
    PP_PLACEHOLDER.FOOTER: "ftr",
    PP_PLACEHOLDER.SLIDE_NUMBER: "sldNum",
    PP_PLACEHOLDER.HEADER: "hdr",
}
TEXT_KINDS = ("subtitle", "body", "obj")


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    w: int
    h: int

    @property
    def area(self) -> int:
        return self.w * self.h

    @property
    def bottom(self) -> int:
        return self.y + self.h

    @property
    def right(self) -> int:
        return self.x + self.w


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


@dataclass(frozen=True)
class LayoutInfo:
    layout: Any
    name: str
    master: int
    type_attr: str
    placeholders: tuple[PhInfo, ...]
    slide_w: int
    slide_h: int

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


def _vert(ph: Any) -> bool:
    for el in (ph._element, _master_ph(ph)):
        if el is None:
            continue
        body = el.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}bodyPr")
        if body is not None and body.get("vert") not in (None, "horz"):
            return True
    return False


def _master_ph(ph: Any) -> Any:
    try:
        inherited = ph._base_placeholder
    except Exception:  # noqa: BLE001
        return None
    return None if inherited is None else inherited._element


def describe(layout: Any, master: int, slide_w: int, slide_h: int) -> LayoutInfo:
    phs = []
    for pos, ph in enumerate(layout.placeholders):
        pf = ph.placeholder_format
        kind = KINDS.get(pf.type, "other")
        try:
            x, y, w, h = ph.left, ph.top, ph.width, ph.height
        except Exception:  # noqa: BLE001 - broken inheritance in odd templates
            x = y = w = h = None
        if None in (x, y, w, h):
            x, y, w, h = slide_w // 10, slide_h // 5, slide_w * 8 // 10, slide_h * 3 // 5
        ph_el = ph._element.ph
        phs.append(
            PhInfo(
                pos=pos,
                kind=kind,
                idx=pf.idx,
                box=Box(int(x), int(y), int(w), int(h)),
                vert=_vert(ph) or pf.type in (
                    PP_PLACEHOLDER.VERTICAL_BODY, PP_PLACEHOLDER.VERTICAL_OBJECT,
                    PP_PLACEHOLDER.VERTICAL_TITLE,
                ),
                name=ph.name or "",
                ph_type=(ph_el.get("type") if ph_el is not None else "") or "",
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
    )


def index_presentation(prs: Any) -> list[LayoutInfo]:
    w, h = int(prs.slide_width), int(prs.slide_height)
    out = []
    for mi, master in enumerate(prs.slide_masters):
        for layout in master.slide_layouts:
            out.append(describe(layout, mi, w, h))
    return out
