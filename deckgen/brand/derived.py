"""Say which colours ``deckgen template new`` chose itself, so nobody is surprised later.

A brand template shows more colours than the ones given: a missing secondary or accent is
derived from the primary, and a given colour can appear shifted where it would not read (a
band darkened for white text, a big number in a darker accent, links darker than the primary).
The person who gave the colours should hear about each, one line per colour, before they
present a deck in them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from deckgen.brand.layouts import make_palette
from deckgen.brand.theme import color_scheme
from deckgen.brand.tokens import BrandTokens
from deckgen.typeset.contrast import ColorRef, contrast_ratio

_NAMES = {"bg1": "background", "tx1": "text", "lt1": "background", "dk1": "text"}


def colour_notes(given: Mapping[str, Any], tokens: BrandTokens) -> list[str]:
    """One line per colour derived or shifted; ``given``: the colours as the person gave them."""
    out = [f"{key}: {getattr(tokens, key)} derived from primary"
           for key in ("secondary", "accent") if not given.get(key)]
    palette = make_palette(tokens)
    scheme = palette.scheme
    bg = scheme["lt1"]
    band = palette.hex(palette.band)
    if palette.band != ColorRef("accent1"):
        on = palette.hex(palette.on_band)
        out.append(f"primary: {tokens.primary} shown as {band} on title and section bands, so "
                   f"{_NAMES.get(palette.on_band.slot, 'the')} text on them reads "
                   f"({contrast_ratio(on, band):.1f}:1)")
    if palette.title != ColorRef("tx2"):
        out.append(f"primary: {tokens.primary} is {contrast_ratio(tokens.primary, bg):.1f}:1 on "
                   f"the background {bg}; headings use the text colour {tokens.text} instead")
    figure = palette.hex(palette.figure)
    if palette.figure != ColorRef("accent3"):
        out.append(f"accent: {tokens.accent} shown as {figure} for big numbers "
                   f"({contrast_ratio(figure, bg):.1f}:1 on the background)")
    hlink = color_scheme(tokens)["hlink"]
    if hlink != tokens.primary:
        out.append(f"links: {hlink}, the primary {tokens.primary} shifted to read on the "
                   f"background ({contrast_ratio(hlink, bg):.1f}:1)")
    return out
