"""The quiet progress marker of a point slide: "3 / 6" beside a row of small segments.

Drawn as native shapes in theme colours at the top of the free area, starting where the
title's text starts: the label at the deck's smallest body size in a colour that reads, one
segment per point, the current one in the first accent that stands out from the slide, the
others a soft step of the text colour toward the background. Grouped with a description
("Punkt 3 von 6"), so a screen reader says it once.
"""

from __future__ import annotations

from deckgen.deck.native import (
    BODY_FONT,
    Canvas,
    Line,
    first_accent,
    group_xml,
    insert,
    readable,
    shape_xml,
    slide_colour,
    solid,
)
from deckgen.geometry import Box
from deckgen.pitch.langs import base
from deckgen.pitch.plan import SlideSpec
from deckgen.typeset.contrast import ColorRef, prefers_light
from deckgen.typeset.fonts import metrics

_WORDS = {"de": "Punkt {n} von {total}", "en": "Point {n} of {total}"}
INSET = 91440  # a text box's default left inset: the label's text lines up with the title's


def _accent(canvas: Canvas) -> ColorRef:
    return first_accent(canvas) or readable(canvas, ColorRef(canvas.brand), slide_colour(canvas),
                                            18.0, True)


def draw(slide: object, spec: SlideSpec, box: Box, canvas: Canvas,
         next_id: int) -> tuple[object, int]:
    """The marker group; returns (group element, next free id)."""
    n, total = int(spec.number), int(spec.total or spec.number)
    size = canvas.floor
    label = f"{n} / {total}"
    m = metrics(canvas.fonts.get(BODY_FONT, BODY_FONT), False)
    text_w = int(m.width(label) * size * 12700 * 1.1) + 2 * INSET
    height = max(box.h, int(size * m.line * 12700) + 2 * 45720)
    text_box = Box(box.x, box.y, text_w, height)
    # read against what is behind the label itself, not the whole row (a glow or gradient
    # can be dark at the label and light where the row ends)
    colour = readable(canvas, _accent(canvas), canvas.under(text_box), size, False)
    line = Line(label.replace(" ", "\u00a0"), size, False, BODY_FONT, colour)
    children = [(text_box, shape_xml(next_id + 1, "Progress", text_box, "rect", "<a:noFill/>",
                                     [line], canvas.lang, (INSET, 45720, INSET, 45720),
                                     anchor="ctr"))]
    seg_w = int(canvas.slide_w * 0.022)
    seg_h = max(int(canvas.slide_w * 0.0045), 12700)
    gap = int(canvas.slide_w * 0.005)
    x = text_box.right
    y = box.y + (height - seg_h) // 2
    current = _accent(canvas)
    light = not prefers_light(slide_colour(canvas))
    rest = ColorRef("tx1").toward(light, 14)
    shape_id = next_id + 2
    for k in range(1, total + 1):
        seg = Box(x + (k - 1) * (seg_w + gap), y, seg_w, seg_h)
        fill = current if k == n else rest
        children.append((seg, shape_xml(shape_id, f"Progress {k}", seg, "roundRect",
                                        solid(fill), [], canvas.lang, adj=50000)))
        shape_id += 1
    words = _WORDS.get(base(canvas.lang), _WORDS["en"]).format(n=n, total=total)
    group = insert(slide, group_xml(next_id, "Progress", words, children))
    return group, shape_id
