"""The slide's placeholders: clones of the layout's, or a slide's own where it has none.

Every text goes into a placeholder, so the deck stays editable, restyles with its template
and shows in the outline view. A clone inherits everything from its layout placeholder (what
PowerPoint does itself); where a layout has no placeholder for a text, the slide gets a
title (``type="title"``) or body (an ``idx`` of its own) at an explicit position instead of
a bare text box.
"""

from __future__ import annotations

import copy
from typing import Any

from pptx.shapes.shapetree import SlideShapeFactory

from deckgen.deck.typesetter import Typesetter
from deckgen.geometry import Box
from deckgen.template.index import LayoutInfo, PhInfo, Slot
from deckgen.typeset.styles import NS

P = "{{{}}}".format(NS["p"])
OWN_IDX = 4000  # idx of the body placeholders a slide gets of its own (none on any layout)
_DRAWN_NAMES = {"title": "Title", "subtitle": "Subtitle", "body": "Content Placeholder",
                "figure": "Text Placeholder", "caption": "Text Placeholder",
                "byline": "Text Placeholder", "number": "Text Placeholder",
                "left": "Content Placeholder", "right": "Content Placeholder",
                "left_head": "Text Placeholder", "right_head": "Text Placeholder"}


class Placeholders:
    """Placeholder shapes for slides; one prototype per layout placeholder, then copies."""

    def __init__(self, ts: Typesetter) -> None:
        self.ts = ts
        self._cache: dict[tuple[int, int], tuple[Any, str]] = {}

    def proto(self, layout: LayoutInfo, info: PhInfo) -> tuple[Any, str]:
        """A fresh slide placeholder for this layout placeholder, built once and copied."""
        key = (id(layout.layout), info.pos)
        proto = self._cache.get(key)
        if proto is None:
            proto = self._cache[key] = _placeholder_sp(self.ts.phs(layout)[info.pos])
        return proto

    def clone(self, state: Any, info: PhInfo, box: Box | None = None) -> Any:
        """A slide placeholder inheriting from the layout's (what PowerPoint does itself)."""
        layout = state.choice.layout
        proto, basename = self.proto(layout, info)
        shape_id = state.next_id
        state.next_id += 1
        sp = copy.deepcopy(proto)
        c_nv = sp.find(f"{P}nvSpPr/{P}cNvPr")
        c_nv.set("id", str(shape_id))
        c_nv.set("name", f"{basename} {shape_id - 1}")
        tree = state.slide.shapes._spTree
        tree.insert_element_before(sp, "p:extLst")
        shapes = state.slide.shapes
        b = box or info.box
        if box is not None or layout.duplicate_idx or info.repaired:
            shape = SlideShapeFactory(sp, shapes)
            shape.left, shape.top, shape.width, shape.height = b.x, b.y, b.w, b.h
        state.order[sp] = (0 if info.kind == "title" else 2 if info.kind in (
            "dt", "ftr", "sldNum") else 1, b.y, b.x)
        return sp

    def own(self, state: Any, key: str, slot: Slot, kind: str) -> Any:
        """A placeholder of the slide's own where the layout has none for this text: a real
        title (``type="title"``) or body (an ``idx`` of its own) at an explicit position, so
        the outline view, screen readers and "Go to slide" see the slide's title and text.
        Its look is written out (`_fill`), as nothing on the layout passes it on."""
        from pptx.oxml import parse_xml

        box = slot.box
        shape_id = state.next_id
        state.next_id += 1
        ph = '<p:ph type="title"/>' if key == "title" else (
            f'<p:ph type="body" idx="{OWN_IDX + len(state.texts)}"/>')
        name = f"{_DRAWN_NAMES.get(key, key.capitalize())} {shape_id - 1}"
        style = self.ts.style(state.choice.layout, slot, kind)
        left, top, right, bottom = style.insets
        sp = parse_xml(
            f'<p:sp xmlns:a="{NS["a"]}" xmlns:p="{NS["p"]}"><p:nvSpPr>'
            f'<p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/>'
            f'</p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:spPr>{box.xfrm()}</p:spPr>'
            f'<p:txBody><a:bodyPr wrap="square" lIns="{left}" tIns="{top}" rIns="{right}" '
            f'bIns="{bottom}" anchor="{style.anchor}"><a:normAutofit/></a:bodyPr>'
            '<a:lstStyle/><a:p/></p:txBody></p:sp>')
        state.slide.shapes._spTree.insert_element_before(sp, "p:extLst")
        state.order[sp] = (0 if key == "title" else 1, box.y, box.x)
        return sp



# python-pptx's names for slide placeholders (`_BaseShapes.ph_basename`), by ``type``
_PH_BASENAMES = {
    "clipArt": "ClipArt Placeholder", "body": "Text Placeholder", "ctrTitle": "Title",
    "chart": "Chart Placeholder", "dt": "Date Placeholder", "ftr": "Footer Placeholder",
    "hdr": "Header Placeholder", "media": "Media Placeholder", "obj": "Content Placeholder",
    "dgm": "SmartArt Placeholder", "pic": "Picture Placeholder",
    "sldNum": "Slide Number Placeholder", "subTitle": "Subtitle", "tbl": "Table Placeholder",
    "title": "Title",
}
_PH_DEFAULTS = (("type", "obj"), ("idx", "0"), ("orient", "horz"), ("sz", "full"))
_TEXT_TYPES = ("title", "ctrTitle", "subTitle", "body", "obj")


def _placeholder_sp(layout_sp: Any) -> tuple[Any, str]:
    """A slide placeholder for a layout placeholder: what python-pptx's
    ``CT_Shape.new_placeholder_sp`` builds, read straight from the layout's ``p:ph`` (its
    property accessors run an XPath query each, for every placeholder of every layout)."""
    from pptx.oxml import parse_xml

    ph = layout_sp.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
    ph_type = (ph.get("type") if ph is not None else None) or "obj"
    attrs = "".join(
        f' {name}="{value}"' for name, default in _PH_DEFAULTS
        for value in [(ph.get(name) if ph is not None else None) or default]
        if value != default)
    name = _PH_BASENAMES.get(ph_type, "Placeholder")
    text = ("<p:txBody><a:bodyPr/><a:lstStyle/><a:p/></p:txBody>"
            if ph_type in _TEXT_TYPES else "")
    el = parse_xml(
        f'<p:sp xmlns:a="{NS["a"]}" xmlns:p="{NS["p"]}"><p:nvSpPr>'
        f'<p:cNvPr id="0" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
        f'<p:nvPr><p:ph{attrs}/></p:nvPr></p:nvSpPr><p:spPr/>{text}</p:sp>')
    return el, name
