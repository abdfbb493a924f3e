"""A roadmap: three to six phases as a row of connected chevrons, each with its period.

Set as a designer sets a process: the periods ("Q1 2027") stand in a row of chevrons that
nest into one another (the first flat on the left, aligned with the title), so the row reads
as one path; under each chevron its phase's name in bold and its line of text, left-aligned
with the chevron's body. One size for every period, one for every name and text (the deck's
body size where it fits, never below the minimum). Chevrons take the first theme accent that
stands out from the slide, their text whichever of the theme's text and background colours
reads on it. The row is grouped with a description naming every phase and period.
"""

from __future__ import annotations

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
    readable,
    shape_xml,
    slide_colour,
    solid,
    steps_down,
)
from deckgen.geometry import Box
from deckgen.pitch.plan import StepSpec
from deckgen.typeset.contrast import ColorRef, closest_legible, contrast_ratio

POINT = 0.32  # the chevron's point, as a share of its height
WHEN_LINES, LABEL_LINES, TEXT_LINES = 2, 2, 4


@dataclass(frozen=True)
class _Set:
    chevrons: tuple[Box, ...]
    columns: tuple[Box, ...]
    when: float
    text: float
    depth: int  # EMU the point reaches into the next chevron
    pad: int


def _layout(steps: tuple[StepSpec, ...], box: Box, canvas: Canvas) -> _Set | None:
    n = len(steps)
    gap = inch(0.06, canvas)
    pad = inch(0.1, canvas)
    for size in steps_down(min(canvas.body, canvas.title), canvas.floor):
        when = size
        line = when * 1.25 * 12700
        height = max(inch(0.62, canvas), int(line * 1.0) + 2 * pad)
        depth = int(height * POINT)
        # n chevrons nest: each after the first starts where the previous one's body ends
        width = (box.w + (n - 1) * (depth - gap)) // n
        text_w = width - 2 * depth - 2 * pad
        if text_w <= 0:
            continue
        # the period: one or two lines inside the chevron
        whens = [block_height(canvas, [Line(held(s.when), when, True, HEAD_FONT)], text_w,
                              (WHEN_LINES,)) for s in steps]
        if any(h is None for h in whens):
            continue
        height = max(height, int(max(h or 0 for h in whens) * 12700) + 2 * pad)
        depth = int(height * POINT)
        width = (box.w + (n - 1) * (depth - gap)) // n
        col_w = width - depth - gap
        heights = [block_height(canvas, _column(s, size), col_w, (LABEL_LINES, TEXT_LINES))
                   for s in steps]
        if any(h is None for h in heights):
            continue
        below = inch(0.22, canvas)
        total = height + below + int(max(h or 0 for h in heights) * 12700)
        if total > box.h:
            continue
        top = box.y + int((box.h - total) * 0.42)  # the optical centre of the free area
        chevrons, columns = [], []
        for k in range(n):
            x = box.x + k * (width - depth + gap)
            chevrons.append(Box(x, top, width, height))
            cx = x + (depth if k else 0)
            columns.append(Box(cx, top + height + below, col_w,
                               total - height - below))
        return _Set(tuple(chevrons), tuple(columns), when, size, depth, pad)
    return None


def _column(step: StepSpec, size: float, colours: tuple[ColorRef, ColorRef] = ()) -> list[Line]:
    label, text = colours or (ColorRef("tx1"), ColorRef("tx1"))
    return [Line(step.label, size, True, HEAD_FONT, label),
            Line(step.text, size, False, BODY_FONT, text, before=size * 0.25)]


def fits(steps: tuple[StepSpec, ...], box: Box, canvas: Canvas) -> bool:
    """Whether the roadmap can be set in ``box`` at no less than the minimum sizes."""
    return _layout(steps, box, canvas) is not None


def _chevron_fill(canvas: Canvas) -> ColorRef:
    """The first accent that stands 3:1 against the slide (a shape that must be seen)."""
    return first_accent(canvas) or closest_legible(
        ColorRef(canvas.brand).resolve(canvas.scheme), slide_colour(canvas), canvas.scheme,
        3.0, prefer="accent1")


def draw(slide: object, steps: tuple[StepSpec, ...], box: Box, canvas: Canvas,
         next_id: int, name: str = "Roadmap") -> tuple[object, int]:
    """Chevrons and texts, grouped with their description; returns (group, next free id)."""
    s = _layout(steps, box, canvas)
    if s is None:
        raise ValueError("the roadmap does not fit its area")
    fill = _chevron_fill(canvas)
    on_fill = fill.resolve(canvas.scheme)
    light, dark = ColorRef("bg1"), ColorRef("tx1")
    best = max((light, dark), key=lambda c: contrast_ratio(c.resolve(canvas.scheme), on_fill))
    when_c = readable(canvas, best, on_fill, s.when, True)
    under = "/".join(sorted({c for column in s.columns
                             for c in canvas.under(column).split("/")}))
    label_c = readable(canvas, ColorRef("tx1"), under, s.text, True)
    text_c = readable(canvas, ColorRef("tx1"), under, s.text, False)
    children = []
    shape_id = next_id + 1
    adj = int(POINT * 100_000)
    for k, (step, chevron, column) in enumerate(zip(steps, s.chevrons, s.columns), 1):
        geom = "homePlate" if k == 1 else "chevron"
        when = [Line(held(step.when), s.when, True, HEAD_FONT, when_c)]
        # the insets count from the shape's own text area, which already leaves out the
        # chevron's notch and point (measured so, above)
        children.append((chevron, shape_xml(
            shape_id, f"Step {k}", chevron, geom, solid(fill), when, canvas.lang,
            (s.pad,) * 4, anchor="ctr", align="ctr", adj=adj)))
        shape_id += 1
        lines = _column(step, s.text, (label_c, text_c))
        children.append((column, shape_xml(
            shape_id, f"Step {k} Text", column, "rect", "<a:noFill/>", lines, canvas.lang)))
        shape_id += 1
    descr = "; ".join(f"{k}. {st.label} ({st.when})" + (f": {st.text}" if st.text else "")
                      for k, st in enumerate(steps, 1))
    group = insert(slide, group_xml(next_id, name, descr, children))
    return group, shape_id
