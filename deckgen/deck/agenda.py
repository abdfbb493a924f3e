"""The agenda: the next points' titles, numbered, set to use the slide's area.

Six short titles in body size in the top-left corner leave the slide empty: the items are set
larger than body text (`AGENDA_GROW`, then fitted like any text, never above the slide's
title), spaced out, with a narrow gap after their numbers, which line up. Beyond six items
the list runs in two columns (two clones of the layout's content placeholder, side by side,
the second numbered on), all at one size.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from deckgen.geometry import Box
from deckgen.pitch.plan import SlideSpec

if TYPE_CHECKING:
    from deckgen.deck.slot_text import SlotText
    from deckgen.template.resolve import Slot

ONE_COLUMN = 6
GUTTER = 0.06  # between the columns, of the area's width


def agenda_texts(spec: SlideSpec, slots: dict[str, Slot],
                 text: type[SlotText]) -> dict[str, tuple[Slot, SlotText]]:
    """The list in one column, or in two beyond six items (``text`` is `SlotText`)."""
    items = spec.body
    slot = slots["body"]
    if len(items) <= ONE_COLUMN:
        return {"body": (slot, text(items, f"agenda:1:{len(items)}", group="agenda"))}
    half = (len(items) + 1) // 2
    gap = int(slot.box.w * GUTTER)
    w = (slot.box.w - gap) // 2
    b = slot.box
    left = type(slot)(slot.ph, Box(b.x, b.y, w, b.h), resized=slot.ph is not None)
    right = type(slot)(slot.ph, Box(b.x + w + gap, b.y, w, b.h), resized=slot.ph is not None)
    n = len(items)
    return {"body": (left, text(items[:half], f"agenda:1:{n}", group="agenda")),
            "body2": (right, text(items[half:], f"agenda:{half + 1}:{n}", group="agenda"))}
