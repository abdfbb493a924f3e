"""Which fields the template's cover leaves off, by its example slides.

PowerPoint's "Header and Footer" dialog has "Don't show on title slide": the template's own
example deck then shows its footer, date or slide number on the content slides and none on the
cover. The fields the cover example shows are the designer's instruction for the deck's cover
(`deckgen.deck.fields`).
"""

from __future__ import annotations

from typing import Any

from deckgen.template.index import FIELD_KINDS

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def _fields_on(slide: Any) -> set[str]:
    return {kind for ph in slide._element.iter(f"{P}ph") if (kind := ph.get("type")) in FIELD_KINDS}


def fields_left_off(cover: Any) -> frozenset[str]:
    """The fields the cover example does not show: the deck's cover shows the ones it shows
    and no others (PowerPoint's "Don't show on title slide" takes them all off; an example
    deck saved with its footer off still has a designed cover without footer or number; a
    cover example showing its date alone is a cover with a date and no page number). The
    content slides keep their layouts' fields whatever the cover does."""
    return frozenset(FIELD_KINDS) - _fields_on(cover)
