"""An organisation's logo on its title and closing slides, placed where the slide has room.

The writer's part of `deckgen.deck.logo`: which texts may give way to the logo, and whether
they keep their sizes and line breaks when they do; the texts that made room are refilled.
A refill for the next company takes the logo out again first (`_unplace_logo`), so it is
placed for the new texts exactly as a fresh build places it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pptx.shapes.shapetree import SlideShapeFactory

from deckgen.deck.fill import spacing_ratio
from deckgen.deck.type_scale import Texts
from deckgen.geometry import Box
from deckgen.typeset.breaks import keep_together
from deckgen.typeset.fit import measure
from deckgen.typeset.styles import NS, BoxStyle

A = "{{{}}}".format(NS["a"])
P = "{{{}}}".format(NS["p"])
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


class LogoMixin:
    """The logo half of `deckgen.deck.writer.DeckWriter`, which supplies ``ts``, ``scale``,
    ``filler``, ``logo``, ``logo_places`` and ``warnings``."""

    ts: Any
    scale: Any
    filler: Any
    logo: Any
    logo_places: list[str]
    warnings: list[str]

    def _logo(self, state: Any) -> None:
        """The organisation's logo in a free corner (`deckgen.deck.logo`), or a warning."""
        from deckgen.deck.logo import LOGO_ROLES, Yielding, place_logo

        if state.spec.role not in LOGO_ROLES:
            return
        layout = state.choice.layout
        where = f"slide {state.number} ({state.spec.role})"
        texts = tuple(Yielding(f.sp, f.slot.box, style.anchor, style.levels[0].align,
                               lambda box, f=f, style=style: self._keeps(state, f, style, box))
                      for f in state.texts.values() if not f.text.figure
                      for style in (self.ts.adjusted(self.ts.style(layout, f.slot, f.text.kind),
                                                   f.text.list_style),))
        placed = place_logo(state.slide, layout, self.logo,
                            lambda box: self.ts.theme(layout).legibility.background(
                                layout.layout, box, ()), where,
                            texts)
        state.logo_by_text = placed.by_text
        for key, filled in state.texts.items():  # the texts that made room, refilled to fit
            box = dict((id(el), b) for el, b in placed.narrowed).get(id(filled.sp))
            if box is not None:
                shape = SlideShapeFactory(filled.sp, state.slide.shapes)
                shape.left, shape.top, shape.width, shape.height = box.x, box.y, box.w, box.h
                filled.slot = replace(filled.slot, box=box, resized=True)
                self.filler.fill(state, key, filled)
        if placed.element is not None:
            state.order[placed.element] = (3, placed.box.y, placed.box.x)
            state.logo = placed.element
            state.next_id = max(state.next_id, placed.shape_id + 1)
            beside = "".join(f", beside the {k} (its box narrowed)" for k, f in state.texts.items()
                             if any(el is f.sp for el, _b in placed.narrowed))
            place = f"logo: {placed.corner} on {where}{beside}"
            if place not in self.logo_places:  # a batch places it again for every deck
                self.logo_places.append(place)
        elif placed.corner == "layout" and (
                place := f"logo: on {where} already, from its layout") not in self.logo_places:
            self.logo_places.append(place)
        if placed.note and placed.note not in self.warnings:
            self.warnings.append(placed.note)

    def _unplace_logo(self, state: Any, texts: Texts) -> None:
        """Undo `_logo` on a slide: the picture out, each text back in the box `write` gave
        it, so the logo is placed for the new texts exactly as a fresh build places it."""
        if state.logo is not None:
            blip = state.logo.find(f"{P}blipFill/{A}blip")
            state.slide.shapes._spTree.remove(state.logo)
            state.order.pop(state.logo, None)
            state.logo = None
            if blip is not None:  # dropped while unused, as a fresh build would not have it
                state.slide.part.drop_rel(blip.get(f"{R}embed"))
        for key, (slot, _text) in texts.items():
            filled = state.texts[key]
            if filled.slot == slot:
                continue
            filled.slot = slot
            if slot.ph is None or slot.resized or state.choice.layout.duplicate_idx:
                box = slot.box if slot.ph is None or slot.resized else slot.ph.box
                shape = SlideShapeFactory(filled.sp, state.slide.shapes)
                shape.left, shape.top, shape.width, shape.height = box.x, box.y, box.w, box.h
            else:
                xfrm = filled.sp.find(f"{P}spPr/{A}xfrm")
                if xfrm is not None:
                    xfrm.getparent().remove(xfrm)

    def _keeps(self, state: Any, filled: Any, style: BoxStyle, box: Box) -> bool:
        """Whether ``filled``'s text keeps its sizes and line breaks in the smaller ``box``."""
        paras = [(keep_together(p.text, self.scale.keep), p.level) for p in filled.text.paras]
        ratio = spacing_ratio(style, filled)
        old = filled.slot.box
        fits, lines = measure(paras, style, self.ts.fonts_for(style), old.w, old.h, 1.0,
                              list(filled.sizes),
                              spacing=ratio)
        now, now_lines = measure(paras, style, self.ts.fonts_for(style), box.w, box.h, 1.0,
                                 list(filled.sizes), spacing=ratio)
        return fits and now and now_lines == lines

