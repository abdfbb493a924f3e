"""How much of a box a drawn shape really paints: its geometry, not its bounding box.

A template's swoosh or arc is often a freeform whose bounding box spans the whole slide
while it paints a thin band. Counting the bounding box would take the band's colour for
the background of every text on the slide (teal titles on what is really a near-black
slide). So shapes are sampled on a grid over the box: rectangles by their box, ellipses by
their equation, freeforms (``a:custGeom``) by their path, flattened to polygons and filled
even-odd. Shapes whose geometry cannot be read count by their box, as before.
"""

from __future__ import annotations

import math
from typing import Any

from deckgen.geometry import Box

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
GRID = 6  # sample points per side of the box
_BOXLIKE = frozenset(("rect", "roundRect", "snip1Rect", "snip2SameRect", "snip2DiagRect",
                      "snipRoundRect", "round1Rect", "round2SameRect", "round2DiagRect",
                      "flowChartProcess", "flowChartAlternateProcess", "plaque"))
Polygon = list[tuple[float, float]]


def painted_share(shape: Any, frame: Box, box: Box) -> float:
    """The share of ``box`` the shape (placed in ``frame``) paints, from 0 to 1."""
    overlap = frame.intersection(box)
    if not overlap or not box.area:
        return 0.0
    inside = _inside_test(shape, frame)
    if inside is None:
        return overlap / box.area
    hits = 0
    for i in range(GRID):
        for j in range(GRID):
            x = box.x + (i + 0.5) * box.w / GRID
            y = box.y + (j + 0.5) * box.h / GRID
            hits += inside(x, y)
    return hits / (GRID * GRID)


def _inside_test(shape: Any, frame: Box) -> Any:
    """A function (x, y) -> bool for the shape's painted area, or None: count its box."""
    sppr = shape.find(f"{P}spPr")
    if sppr is None or not frame.w or not frame.h:
        return None
    xfrm = sppr.find(f"{A}xfrm")
    if xfrm is not None and int(xfrm.get("rot") or 0) % 21600000:
        return None  # rotated: its box is only an estimate either way
    flip_h = xfrm is not None and xfrm.get("flipH") in ("1", "true")
    flip_v = xfrm is not None and xfrm.get("flipV") in ("1", "true")

    def local(x: float, y: float) -> tuple[float, float]:
        u, v = (x - frame.x) / frame.w, (y - frame.y) / frame.h
        return (1 - u if flip_h else u), (1 - v if flip_v else v)

    preset = sppr.find(f"{A}prstGeom")
    if preset is not None:
        kind = preset.get("prst") or "rect"
        if kind in _BOXLIKE:
            return lambda x, y: frame.x <= x <= frame.right and frame.y <= y <= frame.bottom
        if kind in ("ellipse", "flowChartConnector"):
            def ellipse(x: float, y: float) -> bool:
                u, v = local(x, y)
                return (u - 0.5) ** 2 + (v - 0.5) ** 2 <= 0.25
            return ellipse
        if kind in ("line", "straightConnector1"):
            return lambda x, y: False
        return None
    geometry = sppr.find(f"{A}custGeom")
    polygons = _polygons(geometry) if geometry is not None else None
    if not polygons:
        return None

    def freeform(x: float, y: float) -> bool:
        u, v = local(x, y)
        return sum(_crosses(poly, u, v) for poly in polygons) % 2 == 1
    return freeform


def _crosses(poly: Polygon, u: float, v: float) -> int:
    """Edges a ray to the right of (u, v) crosses (even-odd rule)."""
    n = 0
    for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1]):
        if (y1 > v) != (y2 > v) and u < x1 + (v - y1) * (x2 - x1) / (y2 - y1):
            n += 1
    return n


def _num(pt: Any, attr: str) -> float | None:
    try:
        return float(pt.get(attr))
    except (TypeError, ValueError):
        return None  # a guide name: formulas are not evaluated


def _polygons(geometry: Any) -> list[Polygon] | None:
    """The filled paths as polygons in 0…1 coordinates of the shape's box."""
    out: list[Polygon] = []
    for path in geometry.iter(f"{A}path"):
        if path.get("fill") == "none":
            continue
        w = _num(path, "w") or 0.0
        h = _num(path, "h") or 0.0
        if not w or not h:
            return None
        poly: Polygon = []
        pos = (0.0, 0.0)
        for cmd in path:
            name = cmd.tag.rsplit("}", 1)[-1]
            pts = []
            for pt in cmd.findall(f"{A}pt"):
                x, y = _num(pt, "x"), _num(pt, "y")
                if x is None or y is None:
                    return None
                pts.append((x / w, y / h))
            if name == "moveTo" and pts:
                if len(poly) > 2:
                    out.append(poly)
                poly, pos = [pts[0]], pts[0]
            elif name == "lnTo" and pts:
                poly.append(pts[0])
                pos = pts[0]
            elif name in ("cubicBezTo", "quadBezTo") and pts:
                ctrl = [pos, *pts]
                for k in range(1, 9):
                    poly.append(_bezier(ctrl, k / 8))
                pos = pts[-1]
            elif name == "arcTo":
                arc = _arc(cmd, pos, w, h)
                if arc is None:
                    return None
                poly.extend(arc)
                pos = arc[-1] if arc else pos
            elif name == "close" and len(poly) > 2:
                out.append(poly)
                poly = [pos]
        if len(poly) > 2:
            out.append(poly)
    return out or None


def _bezier(ctrl: list[tuple[float, float]], t: float) -> tuple[float, float]:
    pts = ctrl
    while len(pts) > 1:
        pts = [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t) for a, b in zip(pts, pts[1:])]
    return pts[0]


def _arc(cmd: Any, pos: tuple[float, float], w: float, h: float) -> Polygon | None:
    """An ``arcTo`` from the pen position, as points (angles in 60000ths of a degree)."""
    wr, hr = _num(cmd, "wR"), _num(cmd, "hR")
    st, sw = _num(cmd, "stAng"), _num(cmd, "swAng")
    if None in (wr, hr, st, sw):
        return None
    wr, hr = wr / w, hr / h  # type: ignore[operator]
    start, sweep = math.radians(st / 60000), math.radians(sw / 60000)  # type: ignore[operator]
    cx, cy = pos[0] - wr * math.cos(start), pos[1] - hr * math.sin(start)
    return [(cx + wr * math.cos(start + sweep * k / 8), cy + hr * math.sin(start + sweep * k / 8))
            for k in range(1, 9)]
