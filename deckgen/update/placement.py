"""Where a slide's shapes sit, remembered, so that moving or resizing one counts as an edit.

The content fingerprint (`deckgen.update.fingerprint`) is a hash, and a hash cannot forgive
rounding. LibreOffice writes every position out explicitly on save, converted to 1/100 mm (a
box of 9631680 EMU comes back as 9631440), so geometry cannot go into the hash. Instead each
slide's record in the manifest keeps the effective box of every shape (the placeholder's
inherited box when the slide has none of its own), and two decks place their shapes alike
when every edge is within `TOLERANCE`: well above LibreOffice's 360 EMU and a program that
rounds to whole points (6350), well below anything a person drags or nudges on purpose.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Box = tuple[int, int, int, int]
TOLERANCE = 9_000  # EMU, 0.25 mm
SIZED_BY_PROGRAM = -2  # the height (or width) of a shape that grows with its text
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_XFRMS = (f"{_P}spPr/{_A}xfrm", f"{_P}xfrm", f"{_P}grpSpPr/{_A}xfrm")
_NONE = (None, None, None, None)
# a layout placeholder inherits from the master's placeholder of its kind (as python-pptx reads it)
_MASTER_TYPE = {"ctrTitle": "title", "title": "title", "dt": "dt", "ftr": "ftr", "sldNum": "sldNum"}


def _own(el: Any) -> tuple[int | None, ...]:
    """The shape's own x, y, width, height; None for each it leaves to its layout."""
    for path in _XFRMS:
        xfrm = el.find(path)
        if xfrm is not None:
            off, ext = xfrm.find(f"{_A}off"), xfrm.find(f"{_A}ext")
            x, y = (off.get("x"), off.get("y")) if off is not None else (None, None)
            w, h = (ext.get("cx"), ext.get("cy")) if ext is not None else (None, None)
            return tuple(None if v is None else int(v) for v in (x, y, w, h))
    return _NONE


def _ph(el: Any) -> Any:
    return el.find(f"./*/{_P}nvPr/{_P}ph")


def _merge(own: tuple[int | None, ...], base: tuple[int | None, ...]) -> tuple[int | None, ...]:
    return tuple(b if o is None else o for o, b in zip(own, base))


def _inherited(slide: Any) -> tuple[dict[str, tuple[int | None, ...]], Any]:
    """The slide layout's placeholder boxes by idx (each completed from the master by type)."""
    try:
        layout = slide.slide_layout
    except Exception:  # noqa: BLE001 - a slide without a readable layout inherits nothing
        return {}, None
    known = _LAYOUTS.get(id(layout._element))
    if known is not None and known[0] is layout._element:
        return known[1], layout
    try:
        master = layout.slide_master
    except Exception:  # noqa: BLE001
        return {}, layout
    masters: dict[str, tuple[int | None, ...]] = {}
    for el in master.shapes._spTree.iterchildren():
        ph = _ph(el) if isinstance(el.tag, str) else None
        if ph is not None:
            masters.setdefault(_MASTER_TYPE.get(ph.get("type", "body"), "body"), _own(el))
    by_idx: dict[str, tuple[int | None, ...]] = {}
    for el in layout.shapes._spTree.iterchildren():
        ph = _ph(el) if isinstance(el.tag, str) else None
        if ph is not None:
            kind = _MASTER_TYPE.get(ph.get("type", "body"), "body")
            by_idx.setdefault(ph.get("idx", "0"), _merge(_own(el), masters.get(kind, _NONE)))
    if len(_LAYOUTS) > 256:
        _LAYOUTS.clear()
    _LAYOUTS[id(layout._element)] = (layout._element, by_idx)
    return by_idx, layout


# layouts read during this run (a batch stamps the same few layouts' slides many times); the
# element is kept with its id, so a recycled id never returns another layout's boxes
_LAYOUTS: dict[int, tuple[Any, dict[str, tuple[int | None, ...]]]] = {}


def shape_box(shape: Any) -> Box:
    """The effective (x, y, width, height) of a python-pptx shape; -1 where it has none."""
    for box in _boxes(shape.part.slide if hasattr(shape.part, "slide") else None, [shape._element]):
        return box
    return (-1, -1, -1, -1)


def _boxes(slide: Any, elements: list[Any]) -> list[Box]:
    by_idx: dict[str, tuple[int | None, ...]] = {}
    if slide is not None and any(_ph(el) is not None and None in _own(el) for el in elements):
        by_idx, _layout = _inherited(slide)
    out = []
    for el in elements:
        own = _own(el)
        ph = _ph(el)
        if ph is not None and None in own:
            own = _merge(own, by_idx.get(ph.get("idx", "0"), _NONE))
        box = [-1 if v is None else v for v in own]
        body = el.find(f"{_P}txBody/{_A}bodyPr")
        if body is not None and body.find(f"{_A}spAutoFit") is not None:
            box[3] = SIZED_BY_PROGRAM  # "resize shape to fit text": each program sizes it
            if body.get("wrap") == "none":
                box[2] = SIZED_BY_PROGRAM
        out.append(tuple(box))
    return out  # type: ignore[return-value]


_SHAPES = {f"{_P}{t}" for t in ("sp", "pic", "graphicFrame", "grpSp", "cxnSp", "contentPart")}


def placed_shapes(slide: Any) -> list[tuple[Any, Box]]:
    """Each top-level shape element with its effective box, in tree order."""
    elements = [el for el in slide.shapes._spTree.iterchildren() if el.tag in _SHAPES]
    return list(zip(elements, _boxes(slide, elements)))


def slide_boxes(slide: Any) -> list[Box]:
    """The effective box of each top-level shape, in tree order."""
    return [box for _el, box in placed_shapes(slide)]


def same_box(a: Sequence[int], b: Sequence[int]) -> bool:
    return len(a) == len(b) and all(abs(int(x) - int(y)) <= TOLERANCE for x, y in zip(a, b))


def same_boxes(now: Sequence[Sequence[int]], then: Sequence[Sequence[int]]) -> bool:
    """True if the shapes, in order, sit where they sat (a shape added or removed: False)."""
    return len(now) == len(then) and all(same_box(a, b) for a, b in zip(now, then))
