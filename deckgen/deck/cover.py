"""The title slide and the closing slide, set as a designer sets them.

The cover's title may grow into its band or area (up to `COVER_GROW` times the template's
size, as far as its box holds it in two lines), so the cover is not a small headline under an
empty band. The presenter and date ("Jana Beispiel · 3. Dezember 2026") stand a step below
the subtitle when they share its box, so they read as a byline, not as more subtitle. On the
cover and the closing slide lines wrap evenly (`deckgen.typeset.balance`): the ask ends on a
full line, not on one word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from deckgen.pitch.plan import Para, SlideSpec

if TYPE_CHECKING:
    from deckgen.deck.slot_text import SlotText
    from deckgen.template.resolve import Slot

COVER_GROW = 1.3
BYLINE = 0.8  # the byline's size, relative to the subtitle's


def title_texts(spec: SlideSpec, slots: dict[str, Slot],
                text: type[SlotText]) -> dict[str, tuple[Slot, SlotText]]:
    """Title, subtitle and byline of the cover (``text`` is `SlotText`).

    Only a cover's own title (``ctrTitle``) grows: a title box the content slides share
    keeps one size with theirs."""
    title = slots["title"]
    grow = COVER_GROW if title.ph is not None and title.ph.ph_type == "ctrTitle" else 1.0
    out = {"title": (title, text((Para(spec.title),), kind="title", max_lines=2,
                                 scales=(grow,), balance=True))}
    paras = spec.subtitle
    byline = min(spec.byline, len(paras))
    if "byline" in slots and len(paras) > 1:
        keep = len(paras) - byline if byline else 1
        out["subtitle"] = (slots["subtitle"], text(paras[:keep], balance=True))
        out["byline"] = (slots["byline"], text(paras[keep:]))
    elif byline and len(paras) > byline:  # subtitle and byline in one box: a step apart
        scales = (1.0,) * (len(paras) - byline) + (BYLINE,) * byline
        out["subtitle"] = (slots["subtitle"], text(paras, scales=scales, balance=True))
    else:
        out["subtitle"] = (slots["subtitle"], text(paras, balance=True))
    return out


def closing_texts(spec: SlideSpec, slots: dict[str, Slot],
                  text: type[SlotText]) -> dict[str, tuple[Slot, SlotText]]:
    """The ask, its lines even."""
    return {"body": (slots["body"], text(spec.body, spec.list_style, balance=True))}
