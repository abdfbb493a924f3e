"""Which fields the template's cover leaves off, by its example slides.

PowerPoint's "Header and Footer" dialog has "Don't show on title slide": the template's own
example deck then shows its footer, date or slide number on the content slides and none on the
cover. That is the designer's instruction for the deck's cover too (`deckgen.deck.fields`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
FIELDS = ("ftr", "dt", "sldNum")


def _fields_on(slide: Any) -> set[str]:
    return {kind for ph in slide._element.iter(f"{P}ph") if (kind := ph.get("type")) in FIELDS}


def fields_left_off(cover: Any, rest: list[Any]) -> frozenset[str]:
    """Every field where the cover example shows none (PowerPoint's "Don't show on title
    slide" takes them all off; an example deck that shows no field on any slide still has a
    designed cover without a footer or page number, which designers flagged on the deck's);
    else the fields most content examples carry and the cover example does not."""
    on_cover = _fields_on(cover)
    if not on_cover:
        return frozenset(FIELDS)
    if not rest:
        return frozenset()
    shown = Counter(kind for slide in rest for kind in _fields_on(slide))
    usual = frozenset(k for k, n in shown.items() if 2 * n >= len(rest))
    return usual - on_cover
