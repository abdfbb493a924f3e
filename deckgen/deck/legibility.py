"""Text colours that read on what is behind them (WCAG AA), chosen per text body.

The template's colour stays wherever it passes. Where it fails (a grey footer on white, a
link colour on a blue band), the run gets the nearest theme colour that passes, as a theme
reference (``schemeClr`` with ``lumMod``/``lumOff``) so a later theme change still restyles
it, and the substitution is recorded for ``deckgen inspect`` and ``--verbose``.

Hyperlinks: PowerPoint draws a link in the theme's ``hlink`` colour whatever the run says,
unless the link carries the Office 2019 extension ``ahyp:hlinkClr val="tx"`` (use the run's
colour); older versions ignore the extension and show ``hlink``. LibreOffice uses the run's
colour. So a failing link colour is set on the run with that extension.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from deckgen.template.geometry import Box
from deckgen.typeset.backdrop import UNKNOWN, behind, color
from deckgen.typeset.contrast import closest_legible, contrast_ratio, needed
from deckgen.typeset.styles import LevelStyle

SOLID = '<a:solidFill xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">{}</a:solidFill>'


@dataclass(frozen=True)
class Substitution:
    """One colour deckgen changed so a text reads."""

    where: str  # "slide 3 (statistic) caption" or "layout 'Title Slide' footer"
    original: str
    chosen: str
    background: str
    ratio: float

    def __str__(self) -> str:
        return (f"{self.where}: {self.original} on {self.background} fails WCAG AA; "
                f"using {self.chosen} ({self.ratio:.1f}:1)")


class Legibility:
    def __init__(self, scheme: Mapping[str, str]) -> None:
        self.scheme = scheme
        self._bg: dict[tuple[int, Box, tuple[int, ...]], str] = {}
        self.substitutions: list[Substitution] = []

    def background(self, layout: Any, box: Box, ph_fills: tuple[Any, ...]) -> str:
        key = (id(layout), box, tuple(id(f) for f in ph_fills))
        if key not in self._bg:
            self._bg[key] = behind(layout, box, self.scheme, ph_fills)
        return self._bg[key]

    def text_color(self, level: LevelStyle, default: str = "tx1") -> tuple[str, str | None]:
        """(#RRGGBB, theme slot or None) the text gets from its style."""
        el = level.color
        if el is not None:
            value = color(el, self.scheme)
            slot = el.get("val") if el.tag.endswith("schemeClr") else None
            if value:
                return value, slot
        return self.scheme.get(default, "#000000"), default

    def fill_for(self, fg: str, slot: str | None, bg: str, size_pt: float, bold: bool,
                 where: str) -> str | None:
        """``a:solidFill`` XML for a colour that reads, or None when ``fg`` already does."""
        if bg == UNKNOWN:
            return None
        need = needed(size_pt, bold)
        if contrast_ratio(fg, bg) >= need:
            return None
        ref = closest_legible(fg, bg, self.scheme, need, prefer=slot)
        chosen = ref.resolve(self.scheme)
        sub = Substitution(where, fg, chosen, bg, contrast_ratio(chosen, bg))
        if sub not in self.substitutions:
            self.substitutions.append(sub)
        return SOLID.format(ref.xml())
