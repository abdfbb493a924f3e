"""Boxes on a slide, in EMU: shared by template analysis and the template generator."""

from __future__ import annotations

from dataclasses import dataclass

EMU_PER_INCH = 914400


def inch(value: float) -> int:
    return round(value * EMU_PER_INCH)


@dataclass(frozen=True)
class Box:
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
