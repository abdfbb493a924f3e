"""Branded templates generated from a handful of tokens (colours, fonts, logo).

A template is only as good as its theme discipline: everything here writes theme references,
so a template built from tokens can still be restyled in PowerPoint like a hand-made one.
"""

from __future__ import annotations

from deckgen.brand.build import build_presentation, contrast_report
from deckgen.brand.layouts import LAYOUT_NAMES
from deckgen.brand.tokens import BrandTokens, load_tokens, tokens_from_mapping

__all__ = [
    "LAYOUT_NAMES",
    "BrandTokens",
    "build_presentation",
    "contrast_report",
    "load_tokens",
    "tokens_from_mapping",
]
