"""Branded templates generated from a handful of tokens (colours, fonts, logo).

A template is only as good as its theme discipline: everything here writes theme references,
so a template built from tokens can still be restyled in PowerPoint like a hand-made one.

The names below load on first use: a build only needs `deckgen.brand.tokens` and
`deckgen.brand.logo` (brand control on an organisation's template), not the generator.
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "LAYOUT_NAMES": "deckgen.brand.layouts",
    "BrandTokens": "deckgen.brand.tokens",
    "build_presentation": "deckgen.brand.build",
    "contrast_report": "deckgen.brand.build",
    "load_tokens": "deckgen.brand.tokens",
    "tokens_from_mapping": "deckgen.brand.tokens",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'deckgen.brand' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_EXPORTS[name]), name)
