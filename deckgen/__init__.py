"""deckgen: a German plea for an own social-media unit, as a branded, editable PowerPoint deck.

Importing the package is cheap (``deckgen --help`` must start instantly); the heavy modules
load on first use of `build`.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["build", "check", "DeckgenError", "__version__"]

from deckgen.errors import DeckgenError


def build(*args: Any, **kwargs: Any) -> Any:
    """See `deckgen.api.build`."""
    from deckgen.api import build as _build

    return _build(*args, **kwargs)


def check(*args: Any, **kwargs: Any) -> Any:
    """See `deckgen.api.check`."""
    from deckgen.api import check as _check

    return _check(*args, **kwargs)
