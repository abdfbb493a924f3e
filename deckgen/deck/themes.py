"""Each master's theme: its fonts, its colours (through its own colour map) and their contrast.

A template's masters may differ in theme and colour map (a dark cover master maps the text
colour to white), so every slide's colours are worked out with the theme of its own master.
Colour changes made for legibility are collected in one list for the whole deck.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from deckgen.deck.legibility import Legibility, Substitution
from deckgen.typeset.contrast import contrast_ratio
from deckgen.typeset.styles import layout_colour_map, theme_colors, theme_fonts


@dataclass
class Theme:
    """A layout's theme as the writer uses it: fonts, colours, legibility, brand colour."""

    fonts: dict[str, str]
    colors: dict[str, str]
    legibility: Legibility
    # what figures and charts are coloured with first: a theme slot, or the colour the master
    # paints where its theme keeps Office's default accents (`deckgen.template.brand_colour`)
    brand: str | None = None


class Themes:
    def __init__(self, prs: Any, carried: tuple[Any, ...] = ()) -> None:
        self._prs = prs
        self._carried = carried  # the example slides' artwork the deck carries
        self._by_master: dict[tuple[int, tuple[tuple[str, str], ...]], Theme] = {}
        self.substitutions: list[Substitution] = []

    def of(self, master: int, layout: Any = None) -> Theme:
        """The theme of ``master``, through the colour map ``layout`` (a python-pptx slide
        layout) sets over the master's, where it sets one."""
        override = layout_colour_map(layout)
        key = (master, tuple(sorted(override.attrib.items())) if override is not None else ())
        found = self._by_master.get(key)
        if found is None:
            slide_master = self._prs.slide_masters[master]
            colors = theme_colors(slide_master, layout if override is not None else None)
            found = self._by_master[key] = Theme(
                theme_fonts(slide_master), colors, Legibility(colors, self.substitutions),
                _brand(slide_master, colors,
                       [a for a in self._carried if a.master == master]))
        return found


def _brand(master: Any, colors: dict[str, str], carried: list[Any]) -> str | None:
    """The theme's first accent where it is the designer's own and nothing drawn says
    otherwise; the accent of the hue the master paints where that is a later one; the
    painted colour itself where the theme keeps Office's accents, or where it is a strong
    colour none of the designer's accents holds."""
    from deckgen.template.brand_colour import (
        accent_like,
        default_accents,
        saturated,
        theme_slot_for,
        visible_brand,
    )

    own = not default_accents(colors) and saturated(colors.get("accent1", "#000000"))
    painted = visible_brand(master, colors, carried)
    if painted is None:
        return "accent1"
    if own:
        # a strong colour the master paints that no accent holds is the brand the slides
        # show (a navy band over a theme whose first accent is a magenta seen nowhere); a
        # pale tint painted over a large area is not
        strong = contrast_ratio(painted, colors.get("bg1", "#FFFFFF")) >= 3.0
        return accent_like(painted, colors) or (
            theme_slot_for(painted, colors) or painted if strong else "accent1")
    return theme_slot_for(painted, colors) or painted
