"""Key figures: two to four big numbers, each on a card with its caption (and source).

A pitch's cost, headcount and payback time read at a glance when each number stands large on
its own card, as a designer sets a "key figures" slide: cards in one row across the free
area, every figure at one size (the largest at which each stays on one line), every caption at
one size (the deck's body size where it fits, never below the minimum), the source smaller
under it. Cards are rounded rectangles in a light tint of the first accent (a dark one on a
dark slide); the figures are in an accent that reads on the card. The row is grouped with a
description stating every figure, so screen readers get the data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from deckgen.deck.native import (
    BODY_FONT,
    HEAD_FONT,
    Canvas,
    Line,
    block_height,
    first_accent,
    group_xml,
    held,
    inch,
    insert,
    line_count,
    readable,
    shape_xml,
    slide_colour,
    solid,
    steps_down,
)
from deckgen.geometry import Box
from deckgen.pitch.plan import FigureSpec
from deckgen.typeset.contrast import ColorRef, prefers_light

FIGURE_MAX = 66.0  # points on a 13.333 in slide: the statistic's figure is larger still
CAPTION_LINES = 3
CORNER = 8000  # the cards' corner radius, in thousandths of a percent of the shorter side
_FIGURE_LIKE = re.compile(r"^(?=.*\d).{1,14}$")  # exempt from "not larger than the title"


@dataclass(frozen=True)
class _Set:
    """Where the cards go and the sizes their texts get."""

    cards: tuple[Box, ...]
    figure: float
    caption: float
    source: float
    pad: int


def _corner_inset(side: int) -> int:
    return int(side * CORNER / 100_000 * 0.29289) + 1


def _card_fill(canvas: Canvas) -> ColorRef:
    """A light tint of the brand colour on a light slide, a deep shade on a dark one."""
    light = not prefers_light(slide_colour(canvas))
    return ColorRef(canvas.brand, 15_000, 85_000) if light else ColorRef(canvas.brand, 40_000, 0)


def _layout(items: tuple[FigureSpec, ...], box: Box, canvas: Canvas) -> _Set | None:
    n = len(items)
    gap = max(inch(0.3, canvas), int(box.w * 0.035))
    card_w = (box.w - gap * (n - 1)) // n
    pad = max(inch(0.18, canvas), int(card_w * 0.07))
    # a rounded rectangle keeps its text off the corners: its text area is inset by 29 % of
    # the corner's radius on every side (ECMA-376 presetShapeDefinitions, roundRect), here
    # taken at its largest (the corner grows with the card's shorter side, at most its width)
    inner = card_w - 2 * pad - 2 * _corner_inset(card_w)
    figures = [held(i.figure) for i in items]
    # the figure: as large as lets every figure stay on one line, and above the captions
    start = min(FIGURE_MAX * canvas.unit, canvas.body * 2.4)
    if not all(_FIGURE_LIKE.match(i.figure) for i in items):
        start = min(start, canvas.title)  # a long "figure" is text: not above the title
    figure = next((s for s in steps_down(start, canvas.floor * 1.4)
                   if all(line_count(canvas, f, HEAD_FONT, True, s, inner) == 1
                          for f in figures)), None)
    if figure is None:
        return None
    for caption in steps_down(min(canvas.body, figure / 1.6, canvas.title), canvas.floor):
        source = max(canvas.floor, min(caption, caption * 0.8))
        heights = []
        for item, fig in zip(items, figures):
            h = block_height(canvas, _lines(item, fig, figure, caption, source, canvas), inner,
                             (1, CAPTION_LINES, 2))
            if h is None:
                break
            heights.append(h)
        else:
            content = int(max(heights) * 12700) + 2 * pad + 2 * _corner_inset(card_w)
            height = max(content, min(box.h, int(content * 1.1)))
            if height <= box.h:
                top = box.y + int((box.h - height) * 0.42)  # the optical centre
                cards = tuple(Box(box.x + k * (card_w + gap), top, card_w, height)
                              for k in range(n))
                return _Set(cards, figure, caption, source, pad)
    return None


def _lines(item: FigureSpec, figure_text: str, figure: float, caption: float, source: float,
           canvas: Canvas, colours: tuple[ColorRef, ...] = ()) -> list[Line]:
    fig_c, cap_c, src_c = colours or (ColorRef("accent1"), ColorRef("tx1"), ColorRef("tx1"))
    return [Line(figure_text, figure, True, HEAD_FONT, fig_c),
            Line(item.caption, caption, False, BODY_FONT, cap_c, before=figure * 0.15),
            Line(item.source, source, False, BODY_FONT, src_c, before=caption * 0.3)]


def fits(items: tuple[FigureSpec, ...], box: Box, canvas: Canvas) -> bool:
    """Whether the figures can be set in ``box`` at no less than the minimum sizes."""
    return _layout(items, box, canvas) is not None


def _colours(canvas: Canvas, card: str, s: _Set) -> tuple[ColorRef, ...]:
    """The figure in the brand colour, else the first accent, that reads on the card; caption
    and source in the text colour (or the nearest that reads)."""
    figure = first_accent(canvas, 3.3, on=card) or readable(canvas, ColorRef(canvas.brand), card, s.figure, True)
    text = readable(canvas, ColorRef("tx1"), card, s.caption, False)
    return figure, text, readable(canvas, ColorRef("tx1"), card, s.source, False)


def draw(slide: object, items: tuple[FigureSpec, ...], box: Box, canvas: Canvas,
         next_id: int, name: str = "Key Figures") -> tuple[object, int]:
    """The cards, grouped with their description; returns (group element, next free id)."""
    s = _layout(items, box, canvas)
    if s is None:  # the layout choice measured the same: only a changed canvas gets here
        raise ValueError("the key figures do not fit their area")
    fill = _card_fill(canvas)
    colours = _colours(canvas, fill.resolve(canvas.scheme), s)
    children = []
    shape_id = next_id + 1
    for k, (item, card) in enumerate(zip(items, s.cards), 1):
        lines = _lines(item, held(item.figure), s.figure, s.caption, s.source, canvas, colours)
        xml = shape_xml(shape_id, f"Figure {k}", card, "roundRect", solid(fill), lines,
                        canvas.lang, (s.pad, s.pad, s.pad, s.pad), anchor="t", adj=CORNER)
        children.append((card, xml))
        shape_id += 1
    descr = "; ".join(f"{i.figure}: {i.caption}" + (f" ({i.source})" if i.source else "")
                      for i in items)
    group = insert(slide, group_xml(next_id, name, descr, children))
    return group, shape_id
