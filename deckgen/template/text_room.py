"""Text boxes grown into the free room a layout leaves them, and a divider's text put
under its heading: where a template's box is smaller than the text deckgen sets there, a
designer uses the room around it before shrinking the type."""

from __future__ import annotations

from deckgen.geometry import Box
from deckgen.template.index import LayoutInfo, PhInfo, Slot

TOUCH = 25400  # 2 pt: boxes that overlap by more both ways run into each other


def text_room(layout: LayoutInfo, body: PhInfo) -> Slot:
    """A divider's text box grown into the free room beside it, away from its title: section
    layouts give their text one short line, where a statement says two sentences. The box
    grows away from the edge it is anchored to (down from the top, up from the bottom), or
    the other way where that gives more, to what the layout draws there, at most to three
    times its height."""
    h = layout.slide_h
    box = body.box
    if box.w < 0.4 * layout.slide_w:
        return Slot(body, box)  # a narrow box grown tall is a column of small print
    others = [p.box for p in layout.placeholders if p is not body] + list(layout.obstacles)
    across = [o for o in others if min(o.right, box.right) - max(o.x, box.x) > 0.1 * box.w]
    limit = 3 * box.h
    gap = int(0.02 * h)
    above = max([o.bottom for o in across if o.bottom <= box.y + TOUCH] + [int(0.06 * h)])
    top = max(above + gap, box.bottom - limit)
    up = Box(box.x, top, box.w, box.bottom - top)
    below = min([o.y for o in across if o.y >= box.bottom - TOUCH] + [int(0.94 * h)])
    bottom = min(below - gap, box.y + limit)
    down = Box(box.x, box.y, box.w, bottom - box.y)
    # the way it is anchored first; the other way where the title leaves no room there
    grown = max((up, down) if body.anchor == "b" else (down, up),
                key=lambda b: b.h if b.h >= 1.5 * box.h else 0)
    if grown.h <= box.h:
        return Slot(body, box)
    return Slot(body, grown, resized=True)


def heading_first(slots: dict[str, Slot], layout: LayoutInfo) -> bool:
    """Office's older section header sets a text box over the section title, made for a
    kicker or a section number. Two sentences there read before their heading; the heading
    takes the top of the pair, the text follows right under it (the title sits on its
    bottom edge, the text hangs from its top), in the place the template gives the pair.
    Not where the box over the title is a header strip at the slide's top edge, where
    either is set on a band of its own, or where the heading would run into artwork."""
    title, body = slots["title"], slots["body"]
    if body.ph is None or title.ph is None:
        return False
    kicker, heading = body.ph.box, title.box
    if kicker.bottom > heading.y + TOUCH or kicker.y < int(0.06 * layout.slide_h):
        return False
    # a heading or text set on a band or box of its own is the design: it stays there
    if any(o.intersection(b) >= 0.5 * b.area for o in layout.obstacles for b in (kicker, heading)):
        return False
    gap = int(0.015 * layout.slide_h)
    head = Box(heading.x, kicker.y, heading.w, heading.h)
    if any(o.intersection(head) > 0 for o in layout.obstacles):
        return False
    top = head.bottom + gap
    bottom = top + max(kicker.h, heading.bottom - top)
    # the text stops above artwork under it (a logo in the corner) where it keeps the
    # most of the height the template gave it; else it narrows beside the artwork (`_avoid`)
    under = [o.y - gap for o in layout.obstacles if o.y > top
             and min(o.right, heading.right) - max(o.x, heading.x) > 0]
    if min([bottom, *under]) - top >= 0.75 * kicker.h:
        bottom = min([bottom, *under])
    text = Box(heading.x, top, heading.w, bottom - top)  # in the heading's column
    slots["title"] = Slot(title.ph, head, resized=True, anchor="b")
    slots["body"] = Slot(body.ph, text, resized=True, anchor="t")
    return True


def list_room(layout: LayoutInfo, body: PhInfo) -> Slot:
    """A list's box, hung from the top, grown down into the free room under it: a layout
    whose text box stops at the slide's middle (a subtitle-sized box on a content layout)
    would otherwise set five bullets in small type over an empty lower half. The text stays
    where it starts; it only keeps the template's size instead of shrinking."""
    h = layout.slide_h
    box = body.box
    if body.anchor not in ("t", "") or body.vert or box.bottom >= 0.75 * h:
        return Slot(body, box)
    others = [p.box for p in layout.placeholders if p is not body] + list(layout.obstacles)
    # what lies across the box's way down (marks at its edge are avoided sideways later)
    below = [o.y for o in others if o.y >= box.bottom - TOUCH
             and min(o.right, box.right) - max(o.x, box.x) > 0.1 * box.w]
    gap = int(0.02 * h)
    bottom = min([*below, int(0.9 * h)]) - gap
    if bottom - box.bottom < 0.1 * h:
        return Slot(body, box)
    return Slot(body, Box(box.x, box.y, box.w, bottom - box.y), resized=True)
