"""What a quote slide says where: the quotation as the slide's large text, the author once.

PowerPoint's own "Quote with Caption" layout puts the quotation in the title placeholder and
the attribution in the text below it. deckgen does the same: the quotation (in the language's
quotation marks, with its emphasis) is the slide's title, so it is the largest text and what
screen readers and the outline announce; author and role appear once, in the attribution line
("— Jana Beispiel, Datenschutz"). A quotation may take up to four lines before it shrinks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from deckgen.pitch.plan import Para, Run, SlideSpec

if TYPE_CHECKING:
    from deckgen.deck.slot_text import SlotText
    from deckgen.template.resolve import Slot

QUOTE_LINES = 4


def quote_texts(spec: SlideSpec, slots: dict[str, Slot],
                text: type[SlotText]) -> dict[str, tuple[Slot, SlotText]]:
    """The title and body slots' texts of a quote slide (``text`` is `SlotText`)."""
    quotation = tuple(Para(p.text, 0, p.url, p.all_runs()) for p in spec.body)
    out = {"title": (slots["title"], text(quotation, kind="title", max_lines=QUOTE_LINES))}
    who = ", ".join(x for x in (spec.author, spec.author_role) if x)
    if who:
        line = f"— {who}"
        out["body"] = (slots["body"], text((Para(line, runs=(Run(line),)),)))
    return out
