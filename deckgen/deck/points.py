"""A point slide: its statement as the slide's message, its numeral, and where it stands.

Six near-identical slides in a row need two things a designer gives them: the statement set
as the message (larger than body text when it is one or two sentences, in the optical centre
of the free area: a little above the middle) and a quiet progress marker ("3 / 6" beside a
row of small segments, the current one in the accent colour) at the top of that area, so the
audience knows where it is. The numeral stands where the title's text starts, as wide as it
needs, the statement a small gap after it, both centred on one line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from deckgen.geometry import Box
from deckgen.pitch.plan import Para, SlideSpec

if TYPE_CHECKING:
    from deckgen.deck.slot_text import SlotText
    from deckgen.template.resolve import RoleChoice, Slot

MESSAGE = 1.25  # a short statement over the template's body size (then fitted, under the title)
MARKER_H = 0.045  # the progress marker's row, of the slide's height
OPTICAL = 0.45  # the statement's centre, from the top of its area
_SENTENCE = re.compile(r"[.!?…](?:\s|$)")


def sentences(paras: tuple[Para, ...]) -> int:
    return sum(max(1, len(_SENTENCE.findall(p.text))) for p in paras)


def marker_box(choice: RoleChoice) -> Box:
    """The progress marker's row: the top of the free area, from the title's text edge."""
    area = _area(choice.slots)
    title = choice.slots["title"].box
    x = title.x if abs(title.x - area.x) < area.w // 4 else area.x
    h = max(int(choice.layout.slide_h * MARKER_H), 1)
    return Box(x, area.y, area.right - x, h)


def _beside(slots: dict[str, Slot]) -> bool:
    """The layout's numeral box stands left of the statement's (as a "Numbered Point" has it)."""
    body, number = slots["body"].box, slots.get("number")
    return number is not None and number.box.right <= body.x + body.w // 10


def _area(slots: dict[str, Slot]) -> Box:
    body = slots["body"].box
    if _beside(slots):
        number = slots["number"].box
        body = Box(number.x, min(body.y, number.y), body.right - number.x,
                   max(body.bottom, number.bottom) - min(body.y, number.y))
    title = slots["title"].box
    if min(title.right, body.right) > max(title.x, body.x) and body.y < title.bottom < body.bottom:
        # a body beside a narrow title (a caption layout): the marker goes below the title
        gap = title.h // 10
        return Box(body.x, title.bottom + gap, body.w, body.bottom - title.bottom - gap)
    return body


def point_texts(spec: SlideSpec, choice: RoleChoice,
                text: type[SlotText]) -> dict[str, tuple[Slot, SlotText]]:
    """Body and numeral of a point slide, their boxes below the progress marker."""
    slots = choice.slots
    marker = marker_box(choice)
    area = _area(slots)
    gap = int(choice.layout.slide_h * 0.02)
    top = marker.bottom + gap
    # the statement's box is centred on the free area's optical centre (45 % down), or as
    # near as an area crowded by the marker allows
    room = area.bottom - top
    height = min(room, max(2 * (area.y + int(area.h * OPTICAL) - top), room * 3 // 4))
    scale = MESSAGE if sentences(spec.body) <= 2 else 1.0
    body = slots["body"]
    out: dict[str, tuple[Any, SlotText]] = {}
    number = slots.get("number")
    if number is not None and _beside(slots):
        width = _numeral_width(choice, number, spec.total or spec.number)
        x = marker.x
        left = type(number)(number.ph, Box(x, top, width, height), resized=number.ph is not None)
        out["number"] = (left, text((Para(spec.number),), anchor="ctr"))
        bx = x + width + int(choice.layout.slide_w * 0.01)
        body = type(body)(body.ph, Box(bx, top, body.box.right - bx, height),
                          resized=body.ph is not None)
    else:
        if number is not None:  # a numeral box elsewhere on the layout keeps its place
            out["number"] = (number, text((Para(spec.number),)))
        body = type(body)(body.ph, Box(body.box.x, top, body.box.w, height),
                          resized=body.ph is not None)
    out["body"] = (body, text(spec.body, spec.list_style, scales=(scale,) * len(spec.body),
                              anchor="ctr", balance=True))
    return out


def _numeral_width(choice: RoleChoice, number: Slot, widest: str) -> int:
    """As wide as the deck's widest numeral at the template's size, with the box's insets,
    never wider than the layout made it."""
    size, insets = 9600, 182880
    if number.ph is not None:
        size, insets = _numeral_style(choice.layout.layout, number.ph.pos, number.ph.kind)
    need = int(len(widest) * 0.62 * size / 100 * 12700) + insets
    return min(number.box.w, need)


_NUMERALS: dict[tuple[int, int, str], tuple[Any, tuple[int, int]]] = {}


def _numeral_style(layout: Any, pos: int, kind: str) -> tuple[int, int]:
    """(size, left + right insets) of a layout's numeral placeholder: asked for every point
    of every deck of a batch, and the style walk is the slow part (kept with its layout's
    element, so an id reused by another template is not mistaken for it)."""
    from deckgen.ooxml import ph_elements
    from deckgen.typeset.styles import box_style

    key = (id(layout._element), pos, kind)
    found = _NUMERALS.get(key)
    if found is None or found[0] is not layout._element:
        if len(_NUMERALS) > 64:
            _NUMERALS.clear()
        style = box_style(layout, ph_elements(layout._element)[pos][0], kind)
        found = _NUMERALS[key] = (layout._element,
                                  (style.levels[0].size, style.insets[0] + style.insets[2]))
    return found[1]
