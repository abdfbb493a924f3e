"""Room for a title: a box the template made for one line grows to hold two.

A title box of one line is how a template says "titles grow from here": over content (a
title set on its baseline grows up, one hung from the top down), and on a cover made for a
short name in display type, which a deck's sentence-long title would otherwise fill at the
subtitle's size. Kept apart from `deckgen.template.slots` as one concept with its own
measure (the template's title size).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from deckgen.geometry import Box
from deckgen.template.index import FIELD_KINDS, LayoutInfo, PhInfo, Slot
from deckgen.template.text_room import TOUCH  # a box this close under another is right under it

SHORT_TITLE = 0.1  # a title box less tall than this share of the slide holds one line


def title_room(layout: LayoutInfo, title: PhInfo, cover: bool = False) -> Slot:
    """The title's box, grown to hold two lines where the template made it for one line
    and left room beside it: upward for a title set on its baseline (anchored at the
    bottom, as corporate masters set titles over their content), downward for one hung from
    the top, the other way where that is blocked. A title box of one line is how the
    template says "titles grow from here"."""
    h = layout.slide_h
    box = title.box
    if title.filled:
        return Slot(title, box)  # a box painted as a band or block: its size is the design
    if cover:
        return _cover_title_room(layout, title)
    band = _header_band(layout, box)
    if band is not None:
        return _within_band(layout, title, band)
    # a box holding one line of its type grows (a title set on its baseline up into the
    # room above it), however tall it is beside the slide: a 36 pt title in a 0.77 in box
    # would otherwise set every content title of the deck at two lines of 21 pt
    one_line = box.h < _line_and_a_half(layout, title)
    if (box.h >= SHORT_TITLE * h and not one_line) or title.vert or box.w < 0.5 * layout.slide_w:
        return Slot(title, box)  # tall enough, or a narrow strip made for short titles
    want = int(0.16 * h) - box.h
    # nor into a text box under it (a divider's one-line text, which the statement uses)
    under = [p.box for p in layout.text_boxes if p.box.y >= box.bottom - TOUCH]
    return _grown(layout, title, want, texts=under)


def _header_band(layout: LayoutInfo, box: Box) -> Box | None:
    """The band across the top or bottom of the slide the title box is set in (its top and
    its middle on the band), or None: the smallest such band drawn as a shape."""
    w, h = layout.slide_w, layout.slide_h
    # drawn, not a picture: text over a layout's picture reads as text over a logo to the
    # checkers (`design_check`), however wide the picture is
    bands = [o for o in layout.obstacles if o.w >= 0.8 * w and o.h <= 0.3 * h
             and o.y <= box.y and box.y + box.h // 2 <= o.bottom and o not in layout.pictures]
    return min(bands, key=lambda o: o.area) if bands else None


def _within_band(layout: LayoutInfo, title: PhInfo, band: Box) -> Slot:
    """A title box set in a header band (a template whose examples put a one-line white title
    on its blue band, in a box shorter than that line) stays in the band: it takes the band's
    height down to a small gap, and its width along the band up to the next mark in it (the
    logo) or as far from the band's far end as from its near one. Grown out of the band, or
    refused as too small, the title would be set on white under an empty band."""
    box = title.box
    gap = int(0.01 * layout.slide_h)
    others = [p.box for p in layout.placeholders if p is not title]
    marks = [o for o in layout.obstacles if o != band and o.intersection(box) <= 0]
    bottom = max(box.bottom, band.bottom - gap)
    for o in others:  # a subtitle or field under the title in the band keeps its place
        if o.y >= box.bottom - TOUCH and min(o.right, box.right) > max(o.x, box.x):
            bottom = max(box.bottom, min(bottom, o.y - gap))
    beside = [o for o in marks + others
              if o.y < bottom and o.bottom > box.y and o.intersection(box) <= 0]
    # along the band: from the box's own edge (its margin from the band's end is the
    # template's) to the next mark, or as far from the other end; a right-set title leftward
    right_stop = min([o.x - 2 * gap for o in beside if o.x >= box.right - TOUCH]
                     + [band.right - max(box.x - band.x, 0)])
    left_stop = max([o.right + 2 * gap for o in beside if o.right <= box.x + TOUCH]
                    + [band.x + max(band.right - box.right, 0)])
    left, right = box.x, box.right
    if placeholder_style(layout, title).levels[0].align == "r":
        left = min(box.x, max(left_stop, 0))
    else:
        right = max(box.right, min(right_stop, layout.slide_w))
    grown = Box(left, box.y, right - left, bottom - box.y)
    if grown == box:
        return Slot(title, box)
    return Slot(title, grown, resized=True)


def _cover_title_room(layout: LayoutInfo, title: PhInfo) -> Slot:
    """A cover's title box made for one line of its display type (a 60 pt "Virtual Academy"
    in a box 1.2 in tall) grows to hold two lines of it where the cover leaves room: a
    deck's title is a sentence, and squeezed onto one line it ends up no larger than the
    subtitle under it."""
    box = title.box
    two = _lines_high(layout, title, 2.0)
    if box.h >= 0.9 * two or title.vert:
        return Slot(title, box)
    # clear of every other box on the cover: its subtitle, byline and date lines are filled
    texts = [p.box for p in layout.placeholders
             if p is not title and p.kind not in FIELD_KINDS]
    return _grown(layout, title, min(two - box.h, int(0.3 * layout.slide_h) - box.h), texts)


def cover_pair(layout: LayoutInfo, slots: dict[str, Slot]) -> dict[str, Slot]:
    """A cover title box made for one line that cannot grow because its subtitle sits right
    under it: the title takes its two lines and the texts under it move down by as much,
    where the cover has that room (a template's "Name of presentation" over its web address,
    in a box a sentence-long title overflows even at the smallest cover size). A designer
    moves the subtitle before shrinking the title to body size or leaving the cover layout."""
    title = slots.get("title")
    if title is None or title.ph is None or title.ph.vert or title.ph.filled:
        return slots
    box = title.box
    need = _lines_high(layout, title.ph, 2.0) - box.h
    if need <= 0:
        return slots
    under = {k: s for k, s in slots.items() if k != "title" and s.box.y >= box.bottom - TOUCH
             and min(s.box.right, box.right) - max(s.box.x, box.x) > 0}
    if "subtitle" not in under or under["subtitle"].box.y - box.bottom > need:
        return slots  # nothing under it to move, or room enough already
    moved = {k: replace(s, box=Box(s.box.x, s.box.y + need, s.box.w, s.box.h), resized=True)
             for k, s in under.items()}
    grown = Box(box.x, box.y, box.w, box.h + need)
    h = layout.slide_h
    floor = min([p.box.y for p in layout.of_kind(*FIELD_KINDS) if p.box.y > box.y]
                + [int(0.95 * h)])
    fixed = [s.box for k, s in slots.items() if k != "title" and k not in moved]
    for was, now in [(box, grown)] + [(under[k].box, m.box) for k, m in moved.items()]:
        # what the template's own box already lies on is its backdrop, not in the way
        blockers = [o for o in layout.obstacles if o.intersection(was) <= 0] + fixed
        if now.bottom > floor or any(o.intersection(now) > 0 for o in blockers):
            return slots
    return {**slots, "title": replace(title, box=grown, resized=True), **moved}


def _grown(layout: LayoutInfo, title: PhInfo, want: int, avoid: list[Box] | None = None,
           texts: list[Box] | tuple[Box, ...] = ()) -> Slot:
    """The title's box grown by up to ``want`` the way it is anchored, else the other way,
    clear of artwork and of the slide's other text areas; as it is where nothing is clear."""
    h = layout.slide_h
    box = title.box
    if want <= 0:
        return Slot(title, box)
    # what the grown box must not cover: artwork and the areas the slide's text will take
    # (a small unused box above the title, an overline, is not placed on the slide at all)
    others = [p.box for p in layout.content_areas] + [
        p.box for p in layout.of_kind("subtitle", "pic", "tbl", "chart")] + list(layout.obstacles)
    others += avoid or []
    if avoid is not None:
        # on a cover, what the template's own box already overlaps is what its title is set
        # on (a row of small marks down the edge); a content title stays clear of it
        others = [o for o in others if o.intersection(box) <= 0]
    others += texts
    gap = int(0.01 * h)

    def clear(b: Box) -> bool:
        return b.y >= int(0.02 * h) and b.bottom <= h and not any(
            o.intersection(b) > 0 for o in others)

    amounts = (want, want * 2 // 3, want // 3, want // 6)
    ups = [Box(box.x, box.y - k, box.w, box.h + k) for k in amounts]
    downs = [Box(box.x, box.y, box.w, box.h + k) for k in amounts]
    mids = [Box(box.x, box.y - k // 2, box.w, box.h + k) for k in amounts]
    # the way it is anchored first (a centred title both ways); the other way where content
    # sits tight under it (a title strip 0.37 in tall right over the content: a little room
    # above it still lets the template's 20 pt title stand in it)
    order = {"b": ups + downs, "ctr": mids + downs + ups}.get(title.anchor, downs + ups)
    for grown in order:
        padded = Box(grown.x, grown.y - gap, grown.w, grown.h + 2 * gap)
        if clear(padded) or clear(grown):
            return Slot(title, grown, resized=True)
    return Slot(title, box)


def _line_and_a_half(layout: LayoutInfo, title: PhInfo) -> int:
    """The height (EMU) of one and a half lines of the title at the template's size: a box
    lower than that holds one line (a divider's 0.84 in box for a 44 pt title)."""
    return _lines_high(layout, title, 1.5)


def _lines_high(layout: LayoutInfo, title: PhInfo, lines: float) -> int:
    """The height (EMU) a title box needs for ``lines`` lines at the template's size."""
    style = placeholder_style(layout, title)
    return int(lines * style.levels[0].size / 100 * 1.2 * 12700) + style.insets[1] + (
        style.insets[3])


def placeholder_style(layout: LayoutInfo, ph: PhInfo) -> Any:
    """The text style a layout placeholder passes on (its size, capitals, insets)."""
    from deckgen.ooxml import ph_elements
    from deckgen.typeset.styles import box_style

    return box_style(layout.layout, ph_elements(layout.layout._element)[ph.pos][0], ph.kind)
