"""Decide, per slide role, which layout to use and which placeholder receives which text.

Order of evidence (strongest first): an explicit choice in ``template.yaml``; a known layout
name (folded, any supported UI language); the placeholder signature (kinds, sizes, positions);
and finally a layout with a title whose content area gets drawn shapes. Each choice records
its reason so `deckgen inspect` can explain it before anything is built.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deckgen.errors import DeckgenError
from deckgen.pitch.plan import ROLES
from deckgen.template.geometry import Box, free_rect
from deckgen.template.index import LayoutInfo, PhInfo, drawn_shapes, index_presentation
from deckgen.template.kind_slots import (
    comparison_slots,
    image_slots,
    kind_score,
    shapes_slots,
    table_slots,
)
from deckgen.template.names import FOLDED, KEYWORDS, fold

KIND_SLOTS = {"comparison": comparison_slots, "table": table_slots, "image": image_slots,
              "figures": shapes_slots, "roadmap": shapes_slots}
LIST_ROLES = ("bullets", "agenda", "point", "closing", "sources")


@dataclass(frozen=True)
class Slot:
    """Where one piece of a slide goes: a layout placeholder, or a box drawn by deckgen."""

    ph: PhInfo | None
    box: Box
    resized: bool = False


@dataclass(frozen=True)
class RoleChoice:
    role: str
    layout: LayoutInfo
    reason: str
    slots: dict[str, Slot]
    warnings: tuple[str, ...] = ()
    drawn: bool = False  # the last resort: text boxes drawn by deckgen on the emptiest layout


@dataclass(frozen=True)
class TemplateMap:
    name: str
    slide_w: int
    slide_h: int
    masters: int
    master: int
    master_reason: str
    choices: Mapping[str, RoleChoice]  # the first candidate per role (before capacity)
    example_slides: tuple[tuple[int, str], ...]
    # Every candidate per role, best first, ending with the drawn fallback; the writer takes
    # the first whose boxes hold that role's texts at no less than the minimum sizes.
    options: Mapping[str, tuple[RoleChoice, ...]] = field(default_factory=dict)

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(f"{role}: {n}" for role, choice in self.choices.items()
                     for n in choice.warnings)


class _PerRole(Mapping[str, Any]):
    """Candidates worked out for a role only when someone asks: a deck uses some of the roles,
    and placing every candidate's slots for all of them is most of resolving a template."""

    def __init__(self, make: Callable[[str], Any]) -> None:
        self._make = make
        self._done: dict[str, Any] = {}

    def __getitem__(self, role: str) -> Any:
        if role not in ROLES:
            raise KeyError(role)
        if role not in self._done:
            self._done[role] = self._make(role)
        return self._done[role]

    def __iter__(self) -> Iterator[str]:
        return iter(ROLES)

    def __len__(self) -> int:
        return len(ROLES)


def _side_by_side(a: PhInfo, b: PhInfo) -> bool:
    overlap_x = min(a.box.right, b.box.right) - max(a.box.x, b.box.x)
    overlap_y = min(a.box.bottom, b.box.bottom) - max(a.box.y, b.box.y)
    return overlap_x <= 0 and overlap_y > 0.5 * min(a.box.h, b.box.h)


def content_region(layout: LayoutInfo) -> Box:
    """The free area below the title and above the footers, inside the title's margins."""
    w, h = layout.slide_w, layout.slide_h
    title = layout.title
    left = title.box.x if title else int(w * 0.06)
    right = title.box.right if title else int(w * 0.94)
    top = (title.box.bottom if title else 0) + int(h * 0.03)
    if top > h * 0.6:  # a title low on the slide: use the area above it instead
        top = int(h * 0.08)
    footers = [p.box.y for p in layout.of_kind("dt", "ftr", "sldNum") if p.box.y > top]
    bottom = min(footers) - int(h * 0.02) if footers else int(h * 0.92)
    bottom = max(bottom, top + int(h * 0.2))
    region = Box(left, top, max(right - left, int(w * 0.3)), bottom - top)
    return free_rect(region, layout.obstacles, gap=int(w * 0.01))


def _avoid(slot: Slot, layout: LayoutInfo, taken: list[Box]) -> Slot:
    """The slot's box, shrunk off logos, bars and boxes already given to other texts."""
    box = slot.box
    blockers = [o for o in (*layout.obstacles, *taken) if o.intersection(box) > 0.01 * box.area]
    if not blockers:
        return slot
    free = free_rect(box, blockers, gap=int(layout.slide_w * 0.005))
    if free.area < 0.25 * box.area:
        return slot  # a template that deliberately puts text on a shape: leave it
    return Slot(slot.ph, free, resized=True)


def _largest(phs: list[PhInfo]) -> PhInfo | None:
    return max(phs, key=lambda p: (p.box.area, -p.pos)) if phs else None


def slots_for(role: str, layout: LayoutInfo, drawn: bool = False,
              ) -> tuple[dict[str, Slot], list[str]]:
    """Assign the role's pieces to this layout's placeholders, none over another or a logo."""
    slots, notes = (_drawn_slots(role, layout) if drawn else _raw_slots(role, layout))
    # the footer, date and slide-number boxes are filled on every slide: nothing goes over them
    taken: list[Box] = [p.box for p in layout.of_kind("dt", "ftr", "sldNum")]
    out: dict[str, Slot] = {}
    slide = Box(0, 0, layout.slide_w, layout.slide_h)
    for key, slot in list(slots.items()):
        b = slot.box
        if b.x < 0 or b.y < 0 or b.right > slide.w or b.bottom > slide.h:  # never off the slide
            x, y = max(b.x, 0), max(b.y, 0)
            clipped = Box(x, y, max(min(b.right, slide.w) - x, 0), max(min(b.bottom, slide.h) - y, 0))
            slots[key] = Slot(slot.ph, clipped, resized=True)
    for key in sorted(slots, key=lambda k: (k != "title", slots[k].box.y, slots[k].box.x)):
        slot = _avoid(slots[key], layout, taken)
        out[key] = slot
        taken.append(slot.box)
    return {k: out[k] for k in slots}, notes


def _drawn_slots(role: str, layout: LayoutInfo) -> tuple[dict[str, Slot], list[str]]:
    """Everything but the title drawn in the free area (the last resort for any template)."""
    w, h = layout.slide_w, layout.slide_h
    free = free_rect(Box(int(w * 0.06), int(h * 0.06), int(w * 0.88), int(h * 0.86)),
                     layout.obstacles, gap=int(w * 0.01))
    title = layout.title
    slots: dict[str, Slot] = {}
    if title is not None and title.box.y < 0.3 * h:
        slots["title"] = Slot(title, title.box)
        top = title.box.bottom + int(h * 0.03)
    else:
        th = int(free.h * (0.3 if role == "title" else 0.2))
        ty = free.y + (int(free.h * 0.25) if role == "title" else 0)
        slots["title"] = Slot(None, Box(free.x, ty, free.w, th))
        top = ty + th + int(h * 0.02)
    footers = [p.box.y for p in layout.of_kind("dt", "ftr", "sldNum") if p.box.y > top]
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
    return slots, ["no layout holds this text at a readable size: text boxes drawn on "
                   f"{layout.name!r}"]


def _raw_slots(role: str, layout: LayoutInfo) -> tuple[dict[str, Slot], list[str]]:
    slots: dict[str, Slot] = {}
    notes: list[str] = []
    title = layout.title
    region = content_region(layout)
    if title is not None:
        slots["title"] = Slot(title, title.box)
    else:
        box = Box(region.x, int(layout.slide_h * 0.06), region.w, int(layout.slide_h * 0.14))
        slots["title"] = Slot(None, box)
        notes.append("no title placeholder: the title is drawn as a text box")
    texts = layout.text_boxes
    contents = layout.content_areas
    if role == "title":
        subs = layout.of_kind("subtitle") or texts
        if subs:
            slots["subtitle"] = Slot(subs[0], subs[0].box)
            rest = [p for p in texts if p is not subs[0]]
            if rest:
                slots["byline"] = Slot(rest[0], rest[0].box)
        else:
            slots["subtitle"] = Slot(None, region)
            notes.append("no subtitle placeholder: the subtitle is drawn as a text box")
    elif role in KIND_SLOTS:
        slots.update(KIND_SLOTS[role](layout, region, Slot))
    elif role in ("statement", "quote"):
        body = _largest([p for p in texts if p.kind != "obj"] or texts)
        slots["body"] = Slot(body, body.box) if body else Slot(None, region)
        if body is None:
            notes.append("no text placeholder: the statement text is drawn as a text box")
    elif role == "statistic":
        slots.update(_statistic_slots(layout, region, notes))
    else:
        body = _largest(contents)
        if body is None:
            slots["body"] = Slot(None, region)
            notes.append("no content placeholder: the text is drawn inside the content area")
        else:
            slots["body"] = Slot(body, body.box)
        if role == "point" and body is not None:
            small = [
                p for p in texts
                if p is not body and p.box.area < 0.5 * body.box.area and p.box.y >= (
                    title.box.y if title else 0)
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
        ((a, b) for a in contents for b in contents if a is not b and _side_by_side(a, b)
         and a.box.x < b.box.x),
        None,
    )
    if pair:
        slots["figure"] = Slot(pair[0], pair[0].box)
        slots["chart"] = Slot(None, pair[1].box)
        return slots
    area = _largest(contents)
    base = area.box if area else region
    text_box = Box(base.x, base.y, int(base.w * 0.44), base.h)
    chart_box = Box(base.x + int(base.w * 0.48), base.y, int(base.w * 0.52), base.h)
    slots["figure"] = Slot(area, text_box, resized=area is not None)
    slots["chart"] = Slot(None, chart_box)
    notes.append("one content area: text on the left, chart drawn on the right")
    return slots


def score(role: str, layout: LayoutInfo) -> int:
    """How well a layout's placeholders suit a role; 0 or less means unsuitable."""
    if layout.has_vertical or layout.title is None:
        return 0
    extra = kind_score(role, layout)
    if extra is not None:
        return extra
    texts = layout.text_boxes
    contents = layout.content_areas
    pics = layout.of_kind("pic")
    if any(p.box.area >= 0.2 * layout.slide_w * layout.slide_h for p in pics):
        return 0  # made for a picture: a slide without one would leave a hole where it goes
    s = 1 - 2 * len(pics)
    if role not in ("title", "statement") and layout.title.ph_type == "ctrTitle":
        s -= 3  # a centred title marks a title slide, not a content slide
    if role == "title":
        if not texts:
            return 0
        s += 4 if layout.title.ph_type == "ctrTitle" else 0
        s += 3 if layout.of_kind("subtitle") else 0
        s -= len(layout.of_kind("obj"))
        s += 2 if layout.type_attr == "title" else 0
    elif role in ("statement", "quote"):
        if not texts:
            return 0
        s += 3 if layout.type_attr == "secHead" else 0
        s += 2 if len(texts) == 1 else -len(texts)
        s += 1 if not layout.of_kind("obj") else 0
        s += 1 if layout.title.box.h >= 0.2 * layout.slide_h else 0
    elif role == "statistic":
        if layout.of_kind("chart"):
            s += 6
        elif any(_side_by_side(a, b) for a in contents for b in contents if a is not b):
            s += 4 - max(0, len(contents) - 2) - max(0, len(texts) - len(contents))
        elif len(contents) == 1:
            s += 2
        else:
            return 0
    else:
        if not contents:
            return 0
        s += 5 if len(contents) == 1 else 0
        extra = [p for p in texts if p not in contents]
        s -= len(extra) if role != "point" else max(0, len(extra) - 1)
        s += 1 if layout.type_attr == "obj" else 0
    return max(s, 0)


def _choose_master(prs: Any, layouts: list[LayoutInfo]) -> tuple[int, str]:
    n = len(prs.slide_masters)
    if n == 1:
        return 0, "the only master"
    by_part = {id(li.layout.part): li.master for li in layouts}
    used = Counter(by_part.get(id(s.slide_layout.part), -1) for s in prs.slides)
    used.pop(-1, None)
    if used:
        master, count = sorted(used.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        return master, f"used by {count} of the template's {len(prs.slides)} example slides"
    return 0, f"first of {n} masters (no example slides say which one is used)"


def resolve(prs: Any, name: str, explicit: dict[str, str], config: Path | None) -> TemplateMap:
    """Map every role onto the layouts of the chosen master, best candidate first."""
    all_layouts = index_presentation(prs)
    if not all_layouts:
        raise DeckgenError(f"{name}: the template has no slide layouts")
    master, master_reason = _choose_master(prs, all_layouts)
    layouts = [li for li in all_layouts if li.master == master] or all_layouts
    fallback = _emptiest(layouts)
    for role in explicit:  # a wrong name in template.yaml is an error, used or not
        _candidates(role, layouts, all_layouts, explicit, config)

    def options_for(role: str) -> tuple[RoleChoice, ...]:
        found = []
        for layout, reason in _candidates(role, layouts, all_layouts, explicit, config):
            slots, notes = slots_for(role, layout)
            found.append(RoleChoice(role, layout, reason, slots, tuple(notes)))
        slots, notes = slots_for(role, fallback, drawn=True)
        found.append(RoleChoice(role, fallback, "fallback: no layout suits this role; text "
                                "boxes drawn on the emptiest layout", slots, tuple(notes),
                                drawn=True))
        return tuple(found)

    options = _PerRole(options_for)
    examples = tuple(
        (i + 1, s.slide_layout.name or "") for i, s in enumerate(prs.slides)
    )
    return TemplateMap(
        name=name,
        slide_w=int(prs.slide_width),
        slide_h=int(prs.slide_height),
        masters=len(prs.slide_masters),
        master=master,
        master_reason=master_reason,
        choices=_PerRole(lambda role: options[role][0]),
        example_slides=examples,
        options=options,
    )


def _emptiest(layouts: list[LayoutInfo]) -> LayoutInfo:
    """The layout with the most free room: a title at the top at most, few logos and bars.

    Where the template's look lives in its layouts (a background or artwork of their own, as
    generators such as pptxgenjs write them, over a plain master), a layout with none of it
    is bare: drawn boxes there would lose the brand, so it comes last."""
    look = [li for li in layouts if _own_look(li)]
    in_layouts = 2 * len(look) >= len(layouts)

    def cost(li: LayoutInfo) -> tuple[float, int]:
        others = [p for p in li.placeholders if p.kind not in ("title", "dt", "ftr", "sldNum")]
        low_title = li.title is not None and li.title.box.y >= 0.3 * li.slide_h
        free = content_region(li).area / (li.slide_w * li.slide_h)
        bare = in_layouts and li not in look
        return (len(others) + 2 * low_title + 3 * li.has_vertical - 2 * free + 4 * bare,
                layouts.index(li))
    return min(layouts, key=cost)


def _own_look(li: LayoutInfo) -> bool:
    """The layout paints something of its own: a background, or shapes that show."""
    el = li.layout._element
    p = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
    return el.find(f"{p}cSld/{p}bg") is not None or bool(drawn_shapes(el))


def _candidates(
    role: str,
    layouts: list[LayoutInfo],
    all_layouts: list[LayoutInfo],
    explicit: dict[str, str],
    config: Path | None,
) -> list[tuple[LayoutInfo, str]]:
    wanted = explicit.get(role)
    if wanted:
        for pool in (layouts, all_layouts):
            for li in pool:
                if fold(li.name) == fold(wanted):
                    return [(li, f"template.yaml names it for {role}")]
        names = ", ".join(repr(li.name) for li in layouts)
        where = config or "template.yaml"
        raise DeckgenError(f"{where}: layouts.{role}: no layout named {wanted!r} (have: {names})")
    out: list[tuple[LayoutInfo, str]] = []
    seen: set[int] = set()

    def add(li: LayoutInfo, reason: str) -> None:
        if id(li) not in seen and score(role, li) > 0:
            seen.add(id(li))
            out.append((li, reason))

    for group in FOLDED.get(role, ()):
        for li in layouts:
            if fold(li.name) in group:
                add(li, f"layout name {li.name!r}")
    for li in layouts:
        folded = fold(li.name)
        if any(k in folded for k in KEYWORDS.get(role, ())):
            add(li, f"layout name {li.name!r} says it is made for this")
    for li in sorted(layouts, key=lambda li: (-score(role, li), _made_for_other(role, li),
                                              -_room(role, li), layouts.index(li))):
        add(li, f"placeholder signature ({_signature(li)})")
    return out


_OPENERS = ("title", "statement")
_PURPOSES = ("title", "statement", "agenda", "closing")  # slides a layout is named for


def _made_for_other(role: str, li: LayoutInfo) -> bool:
    """A layout named for another purpose ("Cover", "Divider", "Agenda", "End") is the last
    choice, among layouts that match alike, for a slide whose placeholders it happens to
    match: a plain content layout serves the points better than the agenda's."""
    folded = fold(li.name)
    return any(folded in group or any(k in folded for k in KEYWORDS.get(other, ()))
               for other in _PURPOSES if other != role for group in FOLDED.get(other, ()))


def _room(role: str, li: LayoutInfo) -> int:
    """Room for a content slide's text: the area of the layout's content boxes. Among
    layouts that match alike, the one with most room serves best (a "Content" layout
    before a cover with a small subtitle box)."""
    if role in _OPENERS:
        return 0
    return sum(p.box.area for p in li.content_areas) or sum(p.box.area for p in li.text_boxes)


def _signature(li: LayoutInfo) -> str:
    kinds = Counter(p.kind for p in li.placeholders if p.kind not in ("dt", "ftr", "sldNum"))
    return ", ".join(f"{k}×{n}" if n > 1 else k for k, n in sorted(kinds.items()))
