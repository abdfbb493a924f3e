"""The colours a gradient shows under a text box.

A gradient has no one colour: a title on a sunset that runs from yellow to orange must read
on both, and its average (a light orange) passes colours that fail on the orange end. Yet a
box sees only its own part of a linear gradient: a white title at the dark top of a
dark-to-light background is fine. So a linear gradient gives the colours of the stretch
under the box, a circular one those of the rings the box spans, and any other (rectangular,
shape-following) all of its stops. See-through stops are blended over what lies below.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from deckgen.geometry import Box
from deckgen.typeset.contrast import contrast_ratio, luminance, mix

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
ALIKE = 1.25  # stops closer than this in contrast count as one colour (their midpoint)
RING_MARGIN = 0.15  # of a circular gradient's radius, added on both sides of a box's rings


def gradient_colours(grad: Any, resolve: Callable[[Any], str | None],
                     area: tuple[Box, Box] | None = None, below: str | None = None) -> str | None:
    """``#RRGGBB`` or ``"#dark/#light"`` of ``a:gradFill`` ``grad``; ``area`` is (text box,
    box the gradient is painted over): without it every stop counts. ``below``: what the
    gradient is painted over, which see-through stops (``a:alpha``) let show (a white glow
    fading to 20 % over a dark slide is dark where it fades)."""
    stops = []
    for gs in grad.iterfind(f"{A}gsLst/{A}gs"):
        colour = resolve(gs[0]) if len(gs) else None
        if colour:
            alpha_el = gs[0].find(f"{A}alpha")
            alpha = _pos(alpha_el.get("val")) if alpha_el is not None else 1.0
            stops.append((_pos(gs.get("pos")), colour, alpha))
    if not stops:
        return None
    stops.sort(key=lambda s: s[0])
    lin, path = grad.find(f"{A}lin"), grad.find(f"{A}path")
    # a linear gradient: the stretch under the box; a circular one: the rings the box spans;
    # any other (rectangular, shape-following): every stop
    span = None
    if area is not None and lin is not None:
        span = _range(lin, *area)
    elif area is not None and path is not None and path.get("path") == "circle":
        span = _rings(path, *area)
    grounds = below.split("/") if below and any(a < 0.999 for *_x, a in stops) else [None]
    seen: list[str] = []
    for ground in grounds:
        flat = [(p, c if ground is None else mix(ground, c, a)) for p, c, a in stops]
        seen += _stretch(flat, span) if span is not None else [c for _p, c in flat]
    seen.sort(key=luminance)
    dark, light = seen[0], seen[-1]
    if contrast_ratio(dark, light) < ALIKE:
        return mix(dark, light, 0.5)
    return f"{dark}/{light}"


def _rings(path: Any, box: Box, painted: Box) -> tuple[float, float]:
    """Where along a circular gradient (0 at its centre, the ``fillToRect`` focus; 1 at the
    farthest corner of the painted box) the box's nearest and farthest points lie."""
    rect = path.find(f"{A}fillToRect")
    fx = _pos(rect.get("l")) if rect is not None else 0.5
    fy = _pos(rect.get("t")) if rect is not None else 0.5
    cx, cy = painted.x + fx * painted.w, painted.y + fy * painted.h
    reach = max(math.hypot(x - cx, y - cy) for x in (painted.x, painted.right)
                for y in (painted.y, painted.bottom))
    if reach <= 0:
        return 0.0, 1.0
    near_x = min(max(cx, box.x), box.right)
    near_y = min(max(cy, box.y), box.bottom)
    near = math.hypot(near_x - cx, near_y - cy)
    far = max(math.hypot(x - cx, y - cy) for x in (box.x, box.right) for y in (box.y, box.bottom))
    # PowerPoint and LibreOffice scale the rings a little differently: a margin on both sides
    return max(near / reach - RING_MARGIN, 0.0), min(far / reach + RING_MARGIN, 1.0)


def _pos(value: str | None) -> float:
    try:
        return min(max(int(value or 0) / 100000, 0.0), 1.0)
    except ValueError:
        return 0.0


def _range(lin: Any, box: Box, painted: Box) -> tuple[float, float]:
    """Where along the gradient (0 at its start, 1 at its end) the box begins and ends."""
    try:
        angle = int(lin.get("ang") or 0) / 60000
    except ValueError:
        angle = 0.0
    dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))  # y points down

    def along(left: int, top: int, right: int, bottom: int) -> tuple[float, float]:
        ends = [x * dx + y * dy for x in (left, right) for y in (top, bottom)]
        return min(ends), max(ends)

    start, end = along(painted.x, painted.y, painted.right, painted.bottom)
    if end - start <= 0:
        return 0.0, 1.0
    left, top = max(box.x, painted.x), max(box.y, painted.y)  # the box, cut to the painted
    lo, hi = along(left, top, max(min(box.right, painted.right), left),
                   max(min(box.bottom, painted.bottom), top))
    t0, t1 = (lo - start) / (end - start), (hi - start) / (end - start)
    return min(max(t0, 0.0), 1.0), min(max(t1, 0.0), 1.0)


def _stretch(stops: list[tuple[float, str]], span: tuple[float, float]) -> list[str]:
    """The colours at both ends of ``span`` and at every stop inside it."""
    t0, t1 = span
    return [_at(stops, t0), _at(stops, t1)] + [c for p, c in stops if t0 < p < t1]


def _at(stops: list[tuple[float, str]], t: float) -> str:
    if t <= stops[0][0]:
        return stops[0][1]
    for (p0, c0), (p1, c1) in zip(stops, stops[1:], strict=False):
        if t <= p1:
            return c0 if p1 <= p0 else mix(c0, c1, (t - p0) / (p1 - p0))
    return stops[-1][1]
