"""Chart areas that can be told apart: every bar and slice 3:1 from what it touches, or outlined.

WCAG 1.4.11 asks graphical objects to stand 3:1 against adjacent colours; a border that does
counts. Which colour a series or slice takes is decided elsewhere (the template's accents, the
doughnut's muted "rest"); here an area too close to the background or to its neighbour gets a
thin outline in a theme colour that stands 3:1 against the background (the text colour,
softened as far as it still reads). Legend swatches show the outline too, so a pale slice's
swatch stays visible on a dark slide.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pptx.util import Pt

from deckgen.deck.chart_colour import set_theme_colour
from deckgen.typeset.backdrop import UNKNOWN, color
from deckgen.typeset.contrast import ColorRef, colours_of, contrast_ratio, muted

NON_TEXT = 3.0  # WCAG 1.4.11
OUTLINE_PT = 1.5


def needs_outline(fills: Sequence[str], bg: str, ring: bool = False,
                  touching: bool = True) -> list[bool]:
    """Per area: whether it falls below 3:1 against the background or a neighbour it
    touches (``touching``: slices do, bars with a gap between them do not; ``ring``: the
    last touches the first, as in a doughnut)."""
    parts = colours_of(bg) if bg and bg != UNKNOWN else []
    out = []
    for i, fill in enumerate(fills):
        weak = any(contrast_ratio(fill, part) < NON_TEXT for part in parts)
        near = [i - 1, i + 1] if len(fills) > 1 and touching else []
        for j in near:
            if ring:
                j %= len(fills)
            if 0 <= j < len(fills) and j != i and contrast_ratio(fill, fills[j]) < NON_TEXT:
                # of two close neighbours the paler one (nearer the background) is outlined
                weak = weak or _paler(fill, fills[j], parts)
        out.append(weak)
    return out


def _paler(a: str, b: str, parts: list[str]) -> bool:
    if not parts:
        return a > b  # no known background: any fixed choice keeps the output stable
    return min(contrast_ratio(a, p) for p in parts) <= min(contrast_ratio(b, p) for p in parts)


def outline_colour(scheme: Mapping[str, str], bg: str) -> ColorRef:
    """The text colour, as far toward the background as it stays clearly visible on it."""
    parts = colours_of(bg) if bg and bg != UNKNOWN else [scheme.get("bg1", "#FFFFFF")]
    behind = min(parts, key=lambda c: contrast_ratio(c, scheme.get("tx1", "#000000")))
    for slot in ("tx1", "bg1"):
        if contrast_ratio(scheme.get(slot, "#000000"), behind) >= 4.5:
            return muted(ColorRef(slot), behind, scheme)
    return ColorRef("tx1")


def outline(fmt: Any, ref: ColorRef) -> None:
    """A python-pptx fill-and-line format gets a solid outline in ``ref``."""
    line = fmt.line
    line.width = Pt(OUTLINE_PT)
    line.fill.solid()
    set_theme_colour(line.fill.fore_color, ref)


_C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def fill_of(owner: Any, scheme: Mapping[str, str]) -> str | None:
    """The solid fill a series or data point (``c:ser``/``c:dPt``) was given, resolved."""
    found = owner.find(f"{_C}spPr/{_A}solidFill")
    return color(found[0], scheme) if found is not None and len(found) else None


def outline_weak(items: Sequence[Any], scheme: Mapping[str, str], bg: str,
                 ring: bool = False, touching: bool = True) -> None:
    """Outline each series or point (python-pptx objects with ``format``) whose fill, as
    chosen, does not stand out; read back from the chart, whoever chose it."""
    fills = [fill_of(item.format._element, scheme) for item in items]
    if not scheme or any(f is None for f in fills):
        return
    ref = outline_colour(scheme, bg)
    for item, weak in zip(items, needs_outline([f for f in fills if f], bg, ring, touching)):
        if weak:
            outline(item.format, ref)
