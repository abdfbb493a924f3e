"""An organisation's logo on its title and closing slides, where a designer would put it.

The logo goes into a corner of the slide (top right first, then bottom right, top left,
bottom left), at 8.5 % of the slide height (7 % if that is what fits; a wide word mark is
bounded to a fifth of the slide width), aspect kept, inset by the template's own margins (its
placeholders' distance from the slide edges). A corner counts only if the logo, with clear
space around it, touches nothing: no text or graphic on the slide, none of the logos, pictures
and bars the layout and master draw (`deckgen.template.index.obstacles`). Where no corner is
free, a text box reaching into one may give way, as a designer narrows a title beside a logo:
from the side its text is neither aligned nor anchored to, and only if the text keeps its size
and line breaks (`Yielding`). A logo with a transparent background prefers a corner where it
stands out (3:1, what WCAG asks of graphics). Where even that finds no corner, the logo is left
out and a warning says so: a logo over text is worse than none. It is a real picture with alt
text, so the deck stays editable.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import quoteattr

from deckgen.brand.logo import BrandLogo
from deckgen.geometry import Box
from deckgen.ooxml import master_phs, shape_box
from deckgen.template.index import RAW_KINDS, LayoutInfo
from deckgen.typeset.backdrop import UNKNOWN
from deckgen.typeset.contrast import contrast_ratio

LOGO_ROLES = ("title", "closing")
HEIGHTS = (0.085, 0.07)  # share of the slide height: within a designer's 7–10 %
MAX_WIDTH = 0.2  # share of the slide width, for wide word marks
CORNERS = ("top right", "bottom right", "top left", "bottom left")
SHOWS = 3.0  # contrast a see-through logo needs against what is behind it
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


@dataclass(frozen=True)
class Placement:
    """Where the logo went on one slide (``element`` is None when it was left out).

    ``narrowed``: the texts that gave up a corner of their box to it (element → new box);
    ``by_text``: whether the slide's texts, not just its boxes, decided the place (another
    text on the slide may decide otherwise).
    """

    element: Any
    box: Box | None
    corner: str
    note: str = ""  # a warning line, when there is something to say
    shape_id: int = 0
    narrowed: tuple[tuple[Any, Box], ...] = ()
    by_text: bool = False


@dataclass(frozen=True)
class Yielding:
    """A text deckgen wrote whose box may give up a corner to the logo, as a designer would
    narrow a title beside a logo: only from the side its text is not aligned or anchored to
    (so the text does not move), and only if the text keeps its size and line breaks."""

    element: Any
    box: Box
    anchor: str  # t, ctr, b
    align: str  # l, ctr, r, …
    keeps: Callable[[Box], bool]


def place_logo(slide: Any, layout: LayoutInfo, logo: BrandLogo,
               backdrop: Callable[[Box], str], where: str,
               texts: tuple[Yielding, ...] = ()) -> Placement:
    """Put ``logo`` on ``slide`` (written with ``layout``); ``backdrop`` tells what is behind a
    box (a ``#RRGGBB``, or ``UNKNOWN`` over a picture); ``where`` names the slide in notes.

    A corner nothing touches comes first; only where there is none may one of ``texts`` give
    way (a closing slide's body filling the slide, a title box as wide as the slide).
    """
    if _shows_already(layout.layout, logo):
        return Placement(None, None, "layout")  # the template put this very logo there
    boxes = list(_slide_boxes(slide, layout))
    free = [(c, b, ()) for c, b, _ in _free_spots(layout, logo, [b for _el, b in boxes])]
    by_text = not free and bool(texts)
    if by_text:
        soft = {id(t.element): t for t in texts}
        hard = [b for el, b in boxes if id(el) not in soft]
        free = list(_free_spots(layout, logo, hard, tuple(soft.values())))
    if not free:
        return Placement(None, None, "", (
            f"logo: no free corner on {where} (layout {layout.name!r}: text, pictures or "
            "bars in every corner); left out there"), by_text=by_text)
    corner, box, narrowed = free[0]
    note = ""
    if logo.ink is not None:
        shows = [spot for spot in free if _stands_out(logo.ink, backdrop(spot[1]))]
        if shows:
            corner, box, narrowed = shows[0]
        else:  # every free corner is known and too close in colour
            behind = backdrop(box)
            note = (f"logo: stands out little on {where} in every free corner ({logo.ink} on "
                    f"{behind}, {contrast_ratio(logo.ink, behind):.1f}:1); placed {corner}; a "
                    "version of the logo for this background would read better")
    pic = _add_picture(slide, logo, box)
    return Placement(pic, box, corner, note, int(pic[0][0].get("id")), narrowed, by_text)


def _free_spots(layout: LayoutInfo, logo: BrandLogo, texts: list[Box],
                soft: tuple[Yielding, ...] = ()
                ) -> Iterator[tuple[str, Box, tuple[tuple[Any, Box], ...]]]:
    """Per size and corner, the free spot nearest the corner's ideal place (if any), with the
    ``soft`` texts narrowed to make room for it.

    The ideal place keeps the layout's margins; when a title box reaches into the corner the
    logo may move toward the edge (down to half the margin) or along it, as long as it stays
    in the corner: within 40 % of the width from the side and 30 % of the height from the
    top or bottom. Clear space: a fifth of the logo's height from the slide's own boxes (their
    insets add to it), half of it from the template's logos, pictures and bars, so two marks
    never crowd each other.
    """
    w, h = layout.slide_w, layout.slide_h
    mx, my = _margins(layout)
    min_x, min_y = max(mx // 2, round(0.02 * w)), max(my // 2, round(0.03 * h))
    for share in HEIGHTS:
        lh = round(h * share)
        lw = round(lh * logo.aspect)
        if lw > MAX_WIDTH * w:
            lw = round(MAX_WIDTH * w)
            lh = max(1, round(lw / logo.aspect))
        gap = lh // 5
        taken = [*texts, *(Box(o.x - lh // 2 + gap, o.y - lh // 2 + gap, o.w + lh - 2 * gap,
                               o.h + lh - 2 * gap) for o in layout.obstacles)]
        for corner in CORNERS:
            right, top = "right" in corner, "top" in corner
            ideal = (w - mx - lw if right else mx, my if top else h - my - lh)
            zone = Box(w - round(0.4 * w) if right else 0, 0 if top else h - round(0.3 * h),
                       round(0.4 * w), round(0.3 * h))
            reach = Box(zone.x - gap, zone.y - gap, zone.w + 2 * gap, zone.h + 2 * gap)
            near = [o for o in taken if o.intersection(reach)]  # keeps the search small
            xs = {ideal[0], *(o.right + gap for o in near), *(o.x - gap - lw for o in near)}
            ys = {ideal[1], *(o.bottom + gap for o in near), *(o.y - gap - lh for o in near)}
            spots = [Box(x, y, lw, lh) for x in xs for y in ys
                     if min_x <= x and x + lw <= w - min_x and min_y <= y and y + lh <= h - min_y
                     and zone.x <= x and x + lw <= zone.right and zone.y <= y
                     and y + lh <= zone.bottom]
            # nearest the ideal place first; ties broken by position, so output is stable
            spots.sort(key=lambda b: (abs(b.x - ideal[0]) + abs(b.y - ideal[1]), b.x, b.y))
            for spot in spots:
                if not _clear(spot, near, gap):
                    continue
                narrowed = _make_room(spot, gap, soft, right, top)
                if narrowed is not None:
                    yield corner, spot, narrowed
                    break


def _make_room(spot: Box, gap: int, soft: tuple[Yielding, ...], right: bool,
               top: bool) -> tuple[tuple[Any, Box], ...] | None:
    """New boxes for the texts in the way of ``spot``; None if one of them cannot give way."""
    grown = Box(spot.x - gap, spot.y - gap, spot.w + 2 * gap, spot.h + 2 * gap)
    out = []
    for text in soft:
        if not grown.intersection(text.box):
            continue
        box = _narrowed(text, grown, right, top)
        if box is None:
            return None
        out.append((text.element, box))
    return tuple(out)


def _narrowed(text: Yielding, grown: Box, right: bool, top: bool) -> Box | None:
    """The largest cut of ``text``'s box that clears ``grown`` without moving its text."""
    b = text.box
    options = []
    if text.align == ("l" if right else "r"):  # lose width on the side the text is not set to
        options.append(Box(b.x, b.y, grown.x - b.x, b.h) if right
                       else Box(grown.right, b.y, b.right - grown.right, b.h))
    if text.anchor == ("b" if top else "t"):  # lose height away from the anchor
        options.append(Box(b.x, grown.bottom, b.w, b.bottom - grown.bottom) if top
                       else Box(b.x, b.y, b.w, grown.y - b.y))
    options = [o for o in options if o.w >= b.w // 2 and o.h >= b.h // 4]
    options.sort(key=lambda o: (-o.area, o.x, o.y))
    return next((o for o in options if text.keeps(o)), None)


def _margins(layout: LayoutInfo) -> tuple[int, int]:
    """The template's own margins: how far the layout's and master's text placeholders keep
    from the left and top edges (bounded to what reads as a margin at all)."""
    w, h = layout.slide_w, layout.slide_h
    boxes = [p.box for p in layout.placeholders if p.kind in ("title", "subtitle", "body", "obj")]
    for shape, ph in master_phs(layout.layout.slide_master._element):
        box = shape_box(shape)
        if box is not None and (ph.get("type") or "obj") in ("title", "body", "obj"):
            boxes.append(box)
    xs = [b.x for b in boxes if b.x > 0]
    ys = [b.y for b in boxes if b.y > 0]
    mx = min(max(min(xs, default=round(0.05 * w)), round(0.03 * w)), round(0.07 * w))
    my = min(max(min(ys, default=round(0.06 * h)), round(0.04 * h)), round(0.09 * h))
    return mx, my


def _clear(box: Box, taken: list[Box], gap: int) -> bool:
    """Clear space of ``gap`` between the logo and everything else on the slide."""
    grown = Box(box.x - gap, box.y - gap, box.w + 2 * gap, box.h + 2 * gap)
    return not any(grown.intersection(other) for other in taken)


def _stands_out(ink: str, behind: str) -> bool:
    return behind == UNKNOWN or contrast_ratio(ink, behind) >= SHOWS


def _slide_boxes(slide: Any, layout: LayoutInfo) -> Iterator[tuple[Any, Box]]:
    """Every shape on the slide; a placeholder without a position of its own where its layout
    placeholder (same ``idx``, as PowerPoint inherits) puts it."""
    for el in slide.shapes._spTree.iterchildren():
        if not isinstance(el.tag, str) or el.tag.endswith(("nvGrpSpPr", "grpSpPr", "extLst")):
            continue
        box = shape_box(el)
        if box is None:
            ph = el.find(f"./*/{_P}nvPr/{_P}ph")
            box = _layout_box(layout, ph) if ph is not None else None
        if box is not None:
            yield el, box


def _layout_box(layout: LayoutInfo, ph: Any) -> Box | None:
    idx = int(ph.get("idx") or 0) if (ph.get("idx") or "0").isdigit() else -1
    kind = RAW_KINDS.get(ph.get("type") or "obj", "other")
    same = [p for p in layout.placeholders if p.idx == idx]
    found = next((p for p in same if p.kind == kind), same[0] if same else None)
    if found is None:
        found = next((p for p in layout.placeholders if p.kind == kind), None)
    return found.box if found is not None else None


def _shows_already(layout: Any, logo: BrandLogo) -> bool:
    """Whether the layout (or the master it shows) already draws this very image."""
    parts = [layout.part]
    if layout._element.get("showMasterSp") not in ("0", "false"):
        parts.append(layout.slide_master.part)
    for part in parts:
        for blip in part._element.iter(f"{_A}blip"):
            r_id = blip.get(f"{_R}embed")
            rel = part.rels.get(r_id) if r_id else None
            if rel is None or rel.is_external:
                continue
            if hashlib.sha1(rel.target_part.blob).hexdigest() == logo.sha1:
                return True
    return False


def _add_picture(slide: Any, logo: BrandLogo, box: Box) -> Any:
    from pptx.oxml import parse_xml

    _, r_id = slide.part.get_or_add_image_part(io.BytesIO(logo.blob))
    tree = slide.shapes._spTree
    ids = [int(v) for el in tree.iter(f"{_P}cNvPr") if (v := el.get("id", "")).isdigit()]
    shape_id = max(ids, default=1) + 1
    pic = parse_xml(
        f'<p:pic xmlns:p="{_P[1:-1]}" xmlns:a="{_A[1:-1]}" xmlns:r="{_R[1:-1]}">'
        f'<p:nvPicPr><p:cNvPr id="{shape_id}" name="Logo" descr={quoteattr(logo.alt)}/>'
        '<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>'
        f'<p:blipFill><a:blip r:embed="{r_id}"/><a:stretch><a:fillRect/></a:stretch>'
        f'</p:blipFill><p:spPr>{box.xfrm()}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        "</p:spPr></p:pic>")
    tree.insert_element_before(pic, "p:extLst")
    return pic
