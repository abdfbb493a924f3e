"""Decide, per slide role, which layout to use and which placeholder receives which text.

Order of evidence (strongest first): an explicit choice in ``template.yaml``; a known layout
name (folded, any supported UI language); the placeholder signature (kinds, sizes, positions);
and finally a layout with a title whose content area gets drawn shapes. Each choice records
its reason so `deckgen inspect` can explain it before anything is built.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deckgen.errors import DeckgenError
from deckgen.pitch.plan import ROLES
from deckgen.template.geometry import Box
from deckgen.template.index import LayoutInfo, PhInfo, index_presentation
from deckgen.template.names import FOLDED, fold

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


@dataclass(frozen=True)
class TemplateMap:
    name: str
    slide_w: int
    slide_h: int
    masters: int
    master: int
    master_reason: str
    choices: dict[str, RoleChoice]
    example_slides: tuple[tuple[int, str], ...]
    warnings: tuple[str, ...] = field(default=())


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
    return Box(left, top, max(right - left, int(w * 0.3)), bottom - top)


def _largest(phs: list[PhInfo]) -> PhInfo | None:
    return max(phs, key=lambda p: (p.box.area, -p.pos)) if phs else None


def slots_for(role: str, layout: LayoutInfo) -> tuple[dict[str, Slot], list[str]]:
    """Assign the role's pieces to this layout's placeholders; draw what it lacks."""
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
    elif role == "statement":
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
    texts = layout.text_boxes
    contents = layout.content_areas
    pics = layout.of_kind("pic")
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
    elif role == "statement":
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
    """Map every role onto a layout of the chosen master."""
    all_layouts = index_presentation(prs)
    master, master_reason = _choose_master(prs, all_layouts)
    layouts = [li for li in all_layouts if li.master == master]
    choices: dict[str, RoleChoice] = {}
    warnings: list[str] = []
    for role in ROLES:
        layout, reason = _pick(role, layouts, all_layouts, explicit, config)
        slots, notes = slots_for(role, layout)
        choices[role] = RoleChoice(role, layout, reason, slots, tuple(notes))
        warnings.extend(f"{role}: {n}" for n in notes)
    if not any(c.layout.title is not None for c in choices.values()):
        raise DeckgenError(f"{name}: no usable layout (no layout has a title placeholder)")
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
        choices=choices,
        example_slides=examples,
        warnings=tuple(warnings),
    )


def _pick(
    role: str,
    layouts: list[LayoutInfo],
    all_layouts: list[LayoutInfo],
    explicit: dict[str, str],
    config: Path | None,
) -> tuple[LayoutInfo, str]:
    wanted = explicit.get(role)
    if wanted:
        for pool in (layouts, all_layouts):
            for li in pool:
                if fold(li.name) == fold(wanted):
                    return li, f"template.yaml names it for {role}"
        names = ", ".join(repr(li.name) for li in layouts)
        where = config or "template.yaml"
        raise DeckgenError(f"{where}: layouts.{role}: no layout named {wanted!r} (have: {names})")
    for group in FOLDED.get(role, ()):
        for li in layouts:
            if fold(li.name) in group and score(role, li) > 0:
                return li, f"layout name {li.name!r}"
    ranked = sorted(layouts, key=lambda li: (-score(role, li), layouts.index(li)))
    if ranked and score(role, ranked[0]) > 0:
        return ranked[0], f"placeholder signature ({_signature(ranked[0])})"
    with_title = [li for li in layouts if li.title is not None and not li.has_vertical]
    if with_title:
        best = min(with_title, key=lambda li: (len(li.placeholders), layouts.index(li)))
        return best, "fallback: title placeholder, own shapes in the content area"
    return layouts[0], "fallback: no layout with a title; everything drawn"


def _signature(li: LayoutInfo) -> str:
    kinds = Counter(p.kind for p in li.placeholders if p.kind not in ("dt", "ftr", "sldNum"))
    return ", ".join(f"{k}×{n}" if n > 1 else k for k, n in sorted(kinds.items()))
