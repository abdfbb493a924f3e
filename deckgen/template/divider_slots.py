"""A statement on a divider whose text boxes are too small for its two sentences: the
heading kept where the divider sets it, the text in a placeholder of its own beside it."""

from __future__ import annotations

from deckgen.geometry import Box, free_rect
from deckgen.template.index import FIELD_KINDS, LayoutInfo, Slot
from deckgen.template.slots import largest
from deckgen.template.title_room import title_room


def divider_slots(layout: LayoutInfo) -> tuple[dict[str, Slot], list[str]] | None:
    """A statement on a divider whose text boxes do not hold its text: the heading where the
    divider sets its section title, the text in a box of its own under it, in the heading's
    column. Section layouts give the title a big box and, if anything, one short line or a
    section number besides; a designer keeps the divider and adds the two sentences below
    the heading rather than moving the statement onto a plain content slide.

    A divider without a title placeholder (one text box, made for the section's name) gets a
    real title placeholder there, in that box's look. None where no room is left under the
    heading."""
    h = layout.slide_h
    title = layout.title
    if title is not None:
        head = title_room(layout, title)
    else:
        big = largest([p for p in layout.text_boxes if not p.vert])
        if big is None:
            return None
        head = Slot(None, big.box, look=big)
    gap = int(0.02 * h)
    width = max(head.box.w, int(0.4 * layout.slide_w))
    x = min(head.box.x, layout.slide_w - width)
    top = head.box.bottom + gap
    footers = [p.box.y for p in layout.of_kind(*FIELD_KINDS) if p.box.y >= top]
    bottom = min([int(0.92 * h), *(f - gap for f in footers)])
    # what the heading sits on (a band, a shape) is the text's backdrop too, not an obstacle
    blockers = [o for o in layout.obstacles if o.intersection(head.box) < 0.6 * head.box.area]
    # under the heading; else under it with the heading raised (a heading set low over a
    # band, with a line of text between: the designer's order kept, moved up); else over it
    # (Office's older section header sets its text over the title)
    want = int(0.2 * h)
    pad = int(0.01 * layout.slide_w)
    under = Box(x, top, width, max(bottom - top, 0))
    room = free_rect(under, blockers, gap=pad) if under.h else under
    if _roomy(room, layout):
        return _placed(head, room, "under")
    regions = []
    raise_by = want - room.h
    raised = Box(head.box.x, head.box.y - raise_by, head.box.w, head.box.h)
    if raise_by > 0 and room.y <= top + gap and raised.y >= int(0.08 * h) and not any(
            o.intersection(raised) > 0 for o in blockers):
        regions.append(("under", Slot(head.ph, raised, resized=True, look=head.look),
                        Box(x, raised.bottom + gap, width, room.bottom - raised.bottom - gap)))
    regions.append(("over", head, Box(x, int(0.08 * h), width,
                                      max(head.box.y - gap - int(0.08 * h), 0))))
    for where, heading, region in regions:
        free = free_rect(region, blockers, gap=pad) if region.h > 0 else region
        if _roomy(free, layout):
            return _placed(heading, free, where)
    return None


def _roomy(box: Box, layout: LayoutInfo) -> bool:
    return box.h >= 0.14 * layout.slide_h and box.w >= 0.3 * layout.slide_w


def _placed(heading: Slot, box: Box, where: str) -> tuple[dict[str, Slot], list[str]]:
    # over the heading, the text sits on it (anchored at the bottom)
    body = Slot(None, box, anchor="b" if where == "over" else "")
    return ({"title": heading, "body": body},
            [f"the divider's text boxes do not hold the text: it gets a placeholder of its own "
             f"{where} the heading"])
