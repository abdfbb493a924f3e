"""Where each piece of a slide goes on a layout: its placeholders, or boxes deckgen draws.

Slots keep clear of the template's logos and bars and of each other, and stay on the slide.
Where a layout lacks a placeholder for a piece, the piece gets a box in the layout's free area;
the writer turns such boxes into real placeholders with explicit positions, so every slide
keeps a title the outline view and screen readers see.
"""

from __future__ import annotations

from dataclasses import replace

from deckgen.geometry import Box, free_rect
from deckgen.template.index import FIELD_KINDS, LayoutInfo, PhInfo, Slot
from deckgen.template.kind_slots import (
    comparison_slots,
    image_slots,
    shapes_slots,
    side_by_side,
    table_slots,
)
from deckgen.template.text_room import TOUCH, heading_first, list_room, text_room
from deckgen.template.title_room import cover_pair, placeholder_style, title_room

KIND_SLOTS = {"comparison": comparison_slots, "table": table_slots, "image": image_slots,
              "figures": shapes_slots, "roadmap": shapes_slots}


def beside(a: PhInfo, b: PhInfo) -> bool:
    overlap_x = min(a.box.right, b.box.right) - max(a.box.x, b.box.x)
    overlap_y = min(a.box.bottom, b.box.bottom) - max(a.box.y, b.box.y)
    return overlap_x <= 0 and overlap_y > 0.5 * min(a.box.h, b.box.h)


STATEMENT_UNDER_TITLE = 0.78  # a drawn statement text goes under its title above this


def content_region(layout: LayoutInfo, below_title: float = 0.6) -> Box:
    """The free area below the title and above the footers, inside the title's margins.
    A title whose bottom is lower than ``below_title`` of the slide's height has its text
    above it instead."""
    w, h = layout.slide_w, layout.slide_h
    title = layout.title
    left = title.box.x if title else int(w * 0.06)
    right = title.box.right if title else int(w * 0.94)
    top = (title.box.bottom if title else 0) + int(h * 0.03)
    if top > h * below_title:  # a title low on the slide: use the area above it instead
        top = int(h * 0.08)
    footers = [p.box.y for p in layout.of_kind(*FIELD_KINDS) if p.box.y > top]
    bottom = min(footers) - int(h * 0.02) if footers else int(h * 0.92)
    bottom = max(bottom, top + int(h * 0.2))
    region = Box(left, top, max(right - left, int(w * 0.3)), bottom - top)
    return free_rect(region, layout.obstacles, gap=int(w * 0.01))


def _avoid(slot: Slot, layout: LayoutInfo, taken: list[Box], title: bool = False) -> Slot:
    """The slot's box kept off logos, bars and boxes already given to other texts: moved
    below (or above) what it hits when that keeps its size, else shrunk to its free part.
    A title goes onto the bar drawn inside its own box (`_bar_inside`)."""
    bar = _bar_inside(slot, layout) if title else None
    if bar is not None:
        slot = replace(slot, box=bar, resized=True)
    box = slot.box
    # a shape under most of the box is what the template sets this text on: its backdrop
    blockers = [o for o in layout.obstacles
                if _touches(o, box) and o.intersection(box) < 0.6 * box.area] + [
        t for t in taken if _touches(t, box)]
    if not blockers:
        return slot
    gap = int(layout.slide_w * 0.005)
    free = free_rect(box, blockers, gap=gap)
    if free.w >= 0.85 * box.w and free.h >= 0.6 * box.h or (
            free.w >= 0.7 * box.w and free.h >= 0.95 * box.h):
        return replace(slot, box=free, resized=True)  # a corner or a side clipped: shrink
    moved = _moved(box, blockers, layout, taken, gap)
    if moved is not None:
        return replace(slot, box=moved, resized=True)
    if free.area < 0.25 * box.area:
        return slot  # a template that deliberately puts text on a shape: leave it
    return replace(slot, box=free, resized=True)


def _bar_inside(slot: Slot, layout: LayoutInfo) -> Box | None:
    """A bar drawn across the title placeholder's own box, a line or more tall: Office's
    title box is centred on it, so PowerPoint shows the title on the bar, and the template
    styles the title for it (white on a green bar). It is the title's place, not an obstacle
    to move the title under (where the title would stand in grey beside an empty bar)."""
    own = slot.ph.box if slot.ph is not None else slot.box
    bars = [o for o in layout.obstacles
            if own.y - TOUCH <= o.y and o.bottom <= own.bottom + TOUCH  # within its height
            and min(o.right, own.right) - max(o.x, own.x) >= 0.8 * own.w  # across it
            and 0.3 * own.h <= o.h < own.h and o.intersection(slot.box) > 0]
    bar = max(bars, key=lambda o: (o.area, o.y), default=None)
    if bar is None:
        return None
    # the bar's height, the title's own left and right: a bar across the slide's full width
    # still has its title start at the template's title indent
    left, right = max(bar.x, own.x), min(bar.right, own.right)
    return Box(left, bar.y, right - left, bar.h)


def _touches(a: Box, b: Box) -> bool:
    w = min(a.right, b.right) - max(a.x, b.x)
    h = min(a.bottom, b.bottom) - max(a.y, b.y)
    return w > TOUCH and h > TOUCH


def _moved(box: Box, blockers: list[Box], layout: LayoutInfo, taken: list[Box],
           gap: int) -> Box | None:
    """The box at its full size just below or above what it hits, if that spot is free and
    on the slide (a title under a logo the layout put where the title was)."""
    h = layout.slide_h
    limit = min([p.box.y for p in layout.of_kind(*FIELD_KINDS)
                 if p.box.y > box.y] + [int(h * 0.95)])
    tries = [Box(box.x, max(b.bottom for b in blockers) + 2 * gap, box.w, box.h),
             Box(box.x, min(b.y for b in blockers) - 2 * gap - box.h, box.w, box.h)]
    for cand in sorted(tries, key=lambda c: abs(c.y - box.y)):
        if cand.y < int(h * 0.02) or cand.bottom > limit or abs(cand.y - box.y) > 0.35 * h:
            continue
        if not any(o.intersection(cand) for o in (*layout.obstacles, *taken)):
            return cand
    return None

def _in_capitals(layout: LayoutInfo, ph: PhInfo) -> bool:
    return placeholder_style(layout, ph).levels[0].caps


def largest(phs: list[PhInfo]) -> PhInfo | None:
    return max(phs, key=lambda p: (p.box.area, -p.pos)) if phs else None


def slots_for(role: str, layout: LayoutInfo, drawn: bool = False, whole: bool = False,
              title_box: Box | None = None,
              placed: tuple[dict[str, Slot], list[str]] | None = None,
              ) -> tuple[dict[str, Slot], list[str]]:
    """Assign the role's pieces to this layout's placeholders, none over another or a logo.

    ``drawn``: the last resort, boxes in the layout's free area (``whole``: in the whole
    slide, over the template's artwork too). ``title_box``: where the template's content
    slides have their title, for a layout without a title placeholder, so titles do not jump
    from slide to slide. ``placed``: pieces already placed (a divider's heading and its text,
    `deckgen.template.divider_slots`), kept off the fields and each other here."""
    if placed is not None:
        slots, notes = placed
    else:
        slots, notes = (_drawn_slots(role, layout, whole, title_box) if drawn
                        else _raw_slots(role, layout, title_box))
    # the footer, date and slide-number boxes are filled on every slide: nothing goes over them
    taken: list[Box] = [p.box for p in layout.of_kind(*FIELD_KINDS)]
    out: dict[str, Slot] = {}
    slide = Box(0, 0, layout.slide_w, layout.slide_h)
    for key, slot in list(slots.items()):
        b = slot.box
        if b.x < 0 or b.y < 0 or b.right > slide.w or b.bottom > slide.h:  # never off the slide
            x, y = max(b.x, 0), max(b.y, 0)
            clipped = Box(x, y, max(min(b.right, slide.w) - x, 0), max(min(b.bottom, slide.h) - y, 0))
            slots[key] = Slot(slot.ph, clipped, resized=True)
    for key in sorted(slots, key=lambda k: (k != "title", slots[k].box.y, slots[k].box.x)):
        slot = slots[key] if whole else _avoid(slots[key], layout, taken, key == "title")
        out[key] = slot
        taken.append(slot.box)
    return {k: out[k] for k in slots}, notes


def _drawn_slots(role: str, layout: LayoutInfo, whole: bool = False,
                 title_box: Box | None = None) -> tuple[dict[str, Slot], list[str]]:
    """Everything but the title drawn in the free area (the last resort for any template)."""
    w, h = layout.slide_w, layout.slide_h
    area = Box(int(w * 0.06), int(h * 0.06), int(w * 0.88), int(h * 0.86))
    free = area if whole else free_rect(area, layout.obstacles, gap=int(w * 0.01))
    title = layout.title
    slots: dict[str, Slot] = {}
    usable = title is not None and title.box.y < 0.3 * h and title.box.w >= 0.5 * free.w
    hint = title_box if title_box is not None and title_box.y < 0.3 * h and (
        title_box.h <= 0.3 * h and title_box.w >= 0.5 * free.w) else None
    if whole and role != "title":
        # the whole slide: the title where the content titles are, tall enough for three
        # lines, the rest below it
        ty, th = free.y, int(0.2 * free.h)
        if hint is not None and hint.bottom <= free.y + 0.3 * free.h:
            ty, th = hint.y, max(hint.h, th)
        slots["title"] = Slot(title, Box(free.x, ty, free.w, th), resized=title is not None)
        top = ty + th + int(h * 0.02)
    elif usable and role != "title":
        slots["title"] = title_room(layout, title)
        top = slots["title"].box.bottom + int(h * 0.03)
    elif hint is not None and role != "title" and not any(
            o.intersection(hint) for o in layout.obstacles):
        slots["title"] = Slot(title, hint, resized=title is not None)
        top = hint.bottom + int(h * 0.03)
    else:
        th = int(free.h * (0.3 if role == "title" else 0.2))
        ty = free.y + (int(free.h * 0.25) if role == "title" else 0)
        slots["title"] = Slot(title, Box(free.x, ty, free.w, th), resized=title is not None)
        top = ty + th + int(h * 0.02)
    footers = [p.box.y for p in layout.of_kind(*FIELD_KINDS) if p.box.y > top]
    bottom = min([free.bottom, *(f - int(h * 0.02) for f in footers)])
    region = Box(free.x, top, free.w, max(bottom - top, int(h * 0.15)))
    if role == "title":
        slots["subtitle"] = Slot(None, region)
    elif role in KIND_SLOTS:
        bare = LayoutInfo(layout.layout, layout.name, layout.master, layout.type_attr, (),
                          layout.slide_w, layout.slide_h)
        slots.update(KIND_SLOTS[role](bare, region, Slot))
    elif role == "statistic":
        slots["figure"] = Slot(None, Box(region.x, region.y, int(region.w * 0.44), region.h))
        slots["chart"] = Slot(None, Box(region.x + int(region.w * 0.48), region.y,
                                        int(region.w * 0.52), region.h))
    else:
        slots["body"] = Slot(None, region)
    where = "the whole slide" if whole else "the free area"
    return slots, [f"no layout holds this text at a readable size: placeholders placed in "
                   f"{where} of {layout.name!r}"]


def _raw_slots(role: str, layout: LayoutInfo,
               title_box: Box | None = None) -> tuple[dict[str, Slot], list[str]]:
    slots: dict[str, Slot] = {}
    notes: list[str] = []
    title = layout.title
    region = content_region(layout)
    if title is not None:
        slots["title"] = title_room(layout, title, cover=role == "title")
    elif role == "title":  # a cover drawn without placeholders: the title in its free area
        slots["title"] = Slot(None, Box(region.x, region.y + region.h // 5, region.w,
                                        region.h * 7 // 20))
        notes.append("no title placeholder on the cover: the title gets one of its own")
    else:
        box = title_box or Box(region.x, int(layout.slide_h * 0.06), region.w,
                               int(layout.slide_h * 0.14))
        slots["title"] = Slot(None, box)
        notes.append("no title placeholder on the layout: the title gets one of its own")
    texts = layout.text_boxes
    if role == "title":
        subs = layout.of_kind("subtitle") or texts
        if subs:
            slots["subtitle"] = Slot(subs[0], subs[0].box)
            rest = [p for p in texts if p is not subs[0]]
            if rest:
                slots["byline"] = Slot(rest[0], rest[0].box)
        else:
            top = slots["title"].box.bottom + int(layout.slide_h * 0.02)
            slots["subtitle"] = Slot(None, Box(region.x, top, region.w,
                                               max(region.bottom - top, region.h // 4)))
            notes.append("no subtitle placeholder: the subtitle gets one of its own")
        slots = cover_pair(layout, slots)
    elif role in KIND_SLOTS:
        slots.update(KIND_SLOTS[role](layout, region, Slot))
    elif role in ("statement", "quote"):
        # a box set in capitals is a divider's kicker or label (a section number, "PART
        # ONE"): two sentences set there read as shouting small print over the heading
        texts = [p for p in texts if not _in_capitals(layout, p)]
        body = largest([p for p in texts if p.kind != "obj"] or texts)
        if body is None:
            # drawn under a low heading it still reads heading first, where the room under
            # it holds a paragraph (a Keynote "Section" with its title below the middle)
            if title is not None and region.y < title.box.y:
                under = content_region(layout, below_title=STATEMENT_UNDER_TITLE)
                region = under if under.y > title.box.y else region
            slots["body"] = Slot(None, region)
            notes.append("no text placeholder: the statement text is drawn as a text box")
        else:
            slots["body"] = text_room(layout, body)
            if "title" in slots and heading_first(slots, layout):
                notes.append("the divider sets its text over the heading: the heading goes "
                             "first")
    elif role == "statistic":
        slots.update(_statistic_slots(layout, region, notes))
    else:
        body = largest(layout.text_areas)
        pair = side_by_side(layout)
        if body is None:
            slots["body"] = Slot(None, region)
            notes.append("no content placeholder: the text is drawn inside the content area")
        elif pair is not None and body in pair and min(pair[0].box.w, pair[1].box.w) >= 0.6 * max(
                pair[0].box.w, pair[1].box.w):
            # one list on a layout of two like columns: across both, not beside an empty one
            # (a narrow box beside the text, for a number or a label, is no column)
            a, b = pair
            top, bottom = max(a.box.y, b.box.y), min(a.box.bottom, b.box.bottom)
            slots["body"] = Slot(a, Box(a.box.x, top, b.box.right - a.box.x, bottom - top),
                                 resized=True)
            notes.append("one list on a layout of two columns: it spans both")
        elif role in ("bullets", "agenda", "closing", "sources") or (
                body is layout.open_text_box):  # a point's text starts there too
            slots["body"] = list_room(layout, body)
        else:
            slots["body"] = Slot(body, body.box)
        if role == "point" and body is not None:
            # a box for the big numeral: square-ish, beside the body; a subhead line under
            # the title (wide and one line tall) is no place for a number
            small = [
                p for p in texts
                if p is not body and p.box.area < 0.5 * body.box.area and p.box.y >= (
                    title.box.y if title else 0) and p.box.h >= 0.1 * layout.slide_h
                and p.box.w <= 0.2 * layout.slide_w
            ]
            if small:
                slots["number"] = Slot(small[0], small[0].box)
    return slots, notes


def _statistic_slots(layout: LayoutInfo, region: Box, notes: list[str]) -> dict[str, Slot]:
    slots: dict[str, Slot] = {}
    charts = layout.of_kind("chart")
    contents = [p for p in layout.content_areas if p.kind != "chart"]
    texts = [p for p in layout.text_boxes if p.kind != "chart"]
    if charts:
        slots["chart"] = Slot(charts[0], charts[0].box)
        if texts:
            slots["figure"] = Slot(texts[0], texts[0].box)
            if len(texts) > 1:
                slots["caption"] = Slot(texts[1], texts[1].box)
        else:
            left = Box(region.x, region.y, int(region.w * 0.42), region.h)
            slots["figure"] = Slot(None, left)
        return slots
    pair = next(
        ((a, b) for a in contents for b in contents if a is not b and beside(a, b)
         and a.box.x < b.box.x),
        None,
    )
    if pair:
        slots["figure"] = Slot(pair[0], pair[0].box)
        slots["chart"] = Slot(None, pair[1].box)
        return slots
    area = largest(contents)
    base = area.box if area else region
    text_box = Box(base.x, base.y, int(base.w * 0.44), base.h)
    chart_box = Box(base.x + int(base.w * 0.48), base.y, int(base.w * 0.52), base.h)
    slots["figure"] = Slot(area, text_box, resized=area is not None)
    slots["chart"] = Slot(None, chart_box)
    notes.append("one content area: text on the left, chart drawn on the right")
    return slots
