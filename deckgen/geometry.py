"""Boxes on a slide, in EMU: shared by template analysis and the template generator."""

from __future__ import annotations

from dataclasses import dataclass

EMU_PER_INCH = 914400


def inch(value: float) -> int:
    return round(value * EMU_PER_INCH)


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide in EMU: left, top, width, height."""

    x: int
    y: int
    w: int
    h: int

    @classmethod
    def inches(cls, x: float, y: float, w: float, h: float) -> Box:
        return cls(inch(x), inch(y), inch(w), inch(h))

    @property
    def area(self) -> int:
        return self.w * self.h

    @property
    def bottom(self) -> int:
        return self.y + self.h

    @property
    def right(self) -> int:
        return self.x + self.w

    def xfrm(self) -> str:
        """The DrawingML ``a:xfrm`` that places a shape in this box."""
        return (
            f'<a:xfrm><a:off x="{self.x}" y="{self.y}"/>'
            f'<a:ext cx="{self.w}" cy="{self.h}"/></a:xfrm>'
        )

    def intersection(self, other: Box) -> int:
        w = min(self.right, other.right) - max(self.x, other.x)
        h = min(self.bottom, other.bottom) - max(self.y, other.y)
        return w * h if w > 0 and h > 0 else 0


def free_rect(region: Box, obstacles: tuple[Box, ...] | list[Box], gap: int = 0,
              depth: int = 6) -> Box:
    """The largest rectangle inside ``region`` that no obstacle (grown by ``gap``) touches.

    Each obstacle that cuts the region splits it into the parts left, right, above and below
    it; the largest result of recursing over those wins. Templates have a handful of logos and
    bars, so the search stays small.
    """
    hits = [o for o in obstacles if Box(o.x - gap, o.y - gap, o.w + 2 * gap, o.h + 2 * gap)
            .intersection(region)]
    if not hits or depth == 0:
        return region if not hits else Box(region.x, region.y, 0, 0)
    o = max(hits, key=lambda b: b.intersection(region))
    ox, oy, orr, ob = o.x - gap, o.y - gap, o.right + gap, o.bottom + gap
    parts = [
        Box(region.x, region.y, ox - region.x, region.h),  # left
        Box(orr, region.y, region.right - orr, region.h),  # right
        Box(region.x, region.y, region.w, oy - region.y),  # above
        Box(region.x, ob, region.w, region.bottom - ob),  # below
    ]
    best = Box(region.x, region.y, 0, 0)
    for part in parts:
        if part.w <= 0 or part.h <= 0 or part.area <= best.area:
            continue
        found = free_rect(part, obstacles, gap, depth - 1)
        if found.area > best.area:
            best = found
    return best
