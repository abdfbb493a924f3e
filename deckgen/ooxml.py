"""Reading a presentation part's shapes: placeholders, positions, text.

Shared by every stage that looks at a template's or a deck's XML (template reading, backdrops
and styles, the writer), and read straight from the XML because python-pptx's proxies
re-walk inheritance on every attribute.
"""

from __future__ import annotations

from typing import Any

from deckgen.geometry import Box

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def ph_elements(part_el: Any) -> list[tuple[Any, Any]]:
    """(shape, ph) for each placeholder directly in the shape tree, in document order.

    The same elements, in the same order, as python-pptx's ``placeholders``; read straight
    from the XML because the proxies re-walk inheritance on every attribute.
    """
    tree = part_el.find(f"{_P}cSld/{_P}spTree")
    out = []
    for shape in tree if tree is not None else ():
        for nv in shape:
            ph = nv.find(f"{_P}nvPr/{_P}ph") if nv.tag.endswith("Pr") else None
            if ph is not None:
                out.append((shape, ph))
                break
    return out


_MASTER_PHS: dict[int, tuple[Any, list[tuple[Any, Any]]]] = {}


def master_phs(master_el: Any) -> list[tuple[Any, Any]]:
    """`ph_elements` of a master, remembered: every placeholder of every slide asks for it."""
    found = _MASTER_PHS.get(id(master_el))
    if found is None or found[0] is not master_el:
        if len(_MASTER_PHS) > 32:
            _MASTER_PHS.clear()
        found = _MASTER_PHS[id(master_el)] = (master_el, ph_elements(master_el))
    return found[1]


def shape_box(shape: Any) -> Box | None:
    """Own position of any drawn shape: ``spPr``, a graphic frame's or a group's ``xfrm``."""
    xywh = xfrm_of(shape)
    return Box(*xywh) if xywh is not None else None


def xfrm_of(shape: Any) -> tuple[int, int, int, int] | None:
    """Own position of a shape (``p:spPr/a:xfrm``, ``p:xfrm`` on a graphic frame, or
    ``p:grpSpPr/a:xfrm`` on a group)."""
    xfrm = shape.find(f"{_P}spPr/{_A}xfrm")
    if xfrm is None:
        xfrm = shape.find(f"{_P}xfrm")
    if xfrm is None:
        xfrm = shape.find(f"{_P}grpSpPr/{_A}xfrm")
    off = xfrm.find(f"{_A}off") if xfrm is not None else None
    ext = xfrm.find(f"{_A}ext") if xfrm is not None else None
    if off is None or ext is None:
        return None
    try:
        return int(off.get("x")), int(off.get("y")), int(ext.get("cx")), int(ext.get("cy"))
    except (TypeError, ValueError):
        return None


def seen_box(shape: Any) -> tuple[int, int, int, int] | None:
    """The box a shape covers as drawn: its ``xfrm`` turned by its rotation about its centre
    (a texture strip stored lying down and turned 90° stands as a band down the slide's
    edge; its stored box would put it across the top)."""
    xywh = xfrm_of(shape)
    if xywh is None:
        return None
    xfrm = shape.find(f"{_P}spPr/{_A}xfrm")
    if xfrm is None:
        xfrm = shape.find(f"{_P}grpSpPr/{_A}xfrm")
    try:
        rot = int(xfrm.get("rot", "0")) if xfrm is not None else 0
    except ValueError:
        rot = 0
    if rot % 10_800_000 == 0:
        return xywh
    import math

    x, y, w, h = xywh
    angle = math.radians(rot / 60_000)
    cos, sin = abs(math.cos(angle)), abs(math.sin(angle))
    seen_w, seen_h = round(w * cos + h * sin), round(w * sin + h * cos)
    cx, cy = x + w / 2, y + h / 2
    return round(cx - seen_w / 2), round(cy - seen_h / 2), seen_w, seen_h


def master_placeholder(master_phs: list[tuple[Any, Any]], ph_type: str) -> Any:
    """The master placeholder a layout placeholder inherits from (python-pptx's mapping).

    ``ph_type`` is the layout placeholder's type, or one of our kinds (which map the same way).
    """
    want = {"title": "title", "ctrTitle": "title", "vertTitle": "title", "dt": "dt",
            "ftr": "ftr", "sldNum": "sldNum"}.get(ph_type, "body")
    for shape, ph in master_phs:
        if (ph.get("type") or "obj") in ((want, "ctrTitle") if want == "title" else (want,)):
            return shape
    return None


def shape_text(shape: Any) -> str:
    """The text a shape shows. Not ``itertext()``: python-pptx's run and paragraph classes
    answer ``.text`` themselves, and lxml's ``itertext`` then yields each text two or three
    times."""
    return "".join(t.text or "" for t in shape.iter(f"{_A}t"))
