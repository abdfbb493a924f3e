"""Decide, per slide role, which layout to use and which placeholder receives which text.

Every layout of every master is a candidate. The template's example slides, its masters
and its layout names say what its designer meant (`deckgen.template.candidates`); the
placeholders say where each piece goes (`deckgen.template.slots`). Each choice records its
reason, so `deckgen inspect` can explain it before anything is built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from deckgen.errors import DeckgenError
from deckgen.geometry import Box
from deckgen.pitch.plan import ROLES
from deckgen.template.candidates import Evidence, ordered, roomiest, ruled_out, score
from deckgen.template.divider_slots import divider_slots
from deckgen.template.examples import Examples, is_cover_example, read_examples
from deckgen.template.index import LayoutInfo, index_presentation
from deckgen.template.masters import choose_masters
from deckgen.template.purpose import made_for
from deckgen.template.slots import Slot, slots_for

__all__ = ["RoleChoice", "Slot", "TemplateMap", "resolve", "slots_for"]


@dataclass(frozen=True)
class RoleChoice:
    """A layout for one slide role, with the boxes (slots) its texts and things go in."""

    role: str
    layout: LayoutInfo
    reason: str
    slots: dict[str, Slot]
    warnings: tuple[str, ...] = ()
    drawn: bool = False  # the last resort: placeholders placed by deckgen on a plain layout


@dataclass(frozen=True)
class TemplateMap:
    """What the template offers each slide role, and the slide size and masters it was read from."""

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
    cover_master: int = 0
    cover_reason: str = ""
    layouts: tuple[LayoutInfo, ...] = ()  # every layout of every master, as described
    examples: Examples = field(default_factory=Examples)
    ruled_out: tuple[tuple[int, str, str], ...] = ()  # (master, layout, the warning found)

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


def resolve(prs: Any, name: str, explicit: Mapping[str, Any], config: Path | None,
            master: object = None) -> TemplateMap:
    """Map every role onto the template's layouts, best candidate first.

    ``explicit``: ``template.yaml``'s ``layouts`` (role → name, or master and name);
    ``master``: its ``master`` (the content slides' master, by number or name)."""
    layouts = index_presentation(prs)
    if not layouts:
        raise DeckgenError(f"{name}: the template has no slide layouts")

    def cover_like(li: LayoutInfo) -> bool:
        return score("title", li) > 0

    def content_like(li: LayoutInfo) -> bool:
        return score("bullets", li) > 0

    examples = read_examples(prs, layouts, cover_like, content_like)
    masters = choose_masters(prs, layouts, examples, master, config, cover_like, content_like)
    layouts = [_with_title_box(_with_cover_boxes(_with_artwork(li, examples), examples),
                               examples) for li in layouts]
    examples = _relink(examples, layouts)
    ev = Evidence(examples, masters, dict(explicit), config)
    for role in explicit:  # a wrong name in template.yaml is an error, used or not
        ordered(role, layouts, ev)
    title_first = ordered("title", layouts, ev)
    cover = title_first[0][0] if title_first else None
    fallback = roomiest(layouts, ev)
    content_title = _content_title(layouts, ev, fallback)

    def options_for(role: str) -> tuple[RoleChoice, ...]:
        found = []
        for layout, reason in ordered(role, layouts, ev, cover):
            divider = role == "statement" and made_for(role, layout.purpose)
            if layout.title is not None or not divider:
                slots, notes = slots_for(role, layout, title_box=content_title)
                found.append(RoleChoice(role, layout, reason, slots, tuple(notes)))
            if divider:  # its text boxes too small for two sentences: the text under it
                placed = divider_slots(layout)
                if placed is not None:
                    slots, notes = slots_for(role, layout, placed=placed)
                    found.append(RoleChoice(role, layout, f"{reason}; its text in a "
                                            "placeholder of its own", slots, tuple(notes)))
        for whole in (False, True):
            slots, notes = slots_for(role, fallback, drawn=True, whole=whole,
                                     title_box=content_title)
            found.append(RoleChoice(
                role, fallback, "fallback: no layout holds this text; placeholders placed on "
                f"the roomiest content layout{' over its artwork' if whole else ''}", slots,
                tuple(notes), drawn=True))
        return tuple(found)

    options = _PerRole(options_for)
    examples_seen = tuple((i + 1, s.slide_layout.name or "") for i, s in enumerate(prs.slides))
    return TemplateMap(
        name=name,
        slide_w=int(prs.slide_width),
        slide_h=int(prs.slide_height),
        masters=len(prs.slide_masters),
        master=masters.content,
        master_reason=masters.content_reason,
        choices=_PerRole(lambda role: options[role][0]),
        example_slides=examples_seen,
        options=options,
        cover_master=masters.cover,
        cover_reason=masters.cover_reason,
        layouts=tuple(layouts),
        examples=examples,
        ruled_out=tuple((li.master, li.name, why) for li in layouts
                        if (why := ruled_out(li)) is not None),
    )


def _content_title(layouts: list[LayoutInfo], ev: Evidence, fallback: LayoutInfo) -> Box | None:
    """Where the content slides have their title: a slide without a title placeholder of its
    own gets one there, so titles stay put from slide to slide."""
    for li, _reason in ordered("bullets", layouts, ev):
        if li.title is not None:
            return li.title.box
    return fallback.title.box if fallback.title is not None else None


_P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"


def _with_artwork(li: LayoutInfo, examples: Examples) -> LayoutInfo:
    """The layout with the artwork the examples carry onto its slides as obstacles: text
    keeps off a logo a designer pasted on every slide as it keeps off the master's."""
    marks = _ground_marks(li, examples)
    boxes = tuple(a.box for a in examples.artwork if a.master == li.master) + marks
    # a carried logo is a picture a field must not print over, as the layout's own
    logos = tuple(a.box for a in examples.artwork if a.master == li.master
                  and a.element.tag == f"{{{_P_NS}}}pic")
    if not boxes:
        return li

    def order(found: tuple[Box, ...]) -> tuple[Box, ...]:
        return tuple(sorted(set(found), key=lambda b: (b.y, b.x, b.w, b.h)))

    # marks painted into a carried picture are logos and lettering, as the layout's pictures
    return replace(li, obstacles=order(li.obstacles + boxes),
                   pictures=order(li.pictures + marks + logos))


def _ground_marks(li: LayoutInfo, examples: Examples) -> tuple[Box, ...]:
    """Marks painted into a background picture the examples set (a logo in a full-slide
    picture), on the slides that take that background: kept clear of as the master's."""
    from deckgen.template.picture_ink import background_marks

    cover = is_cover_example(examples, li)
    grounds = [part for master, part, on_cover in examples.backgrounds
               if master == li.master and (on_cover or not cover)]
    if cover and examples.cover_background is not None:
        grounds = [examples.cover_background]
    slide = Box(0, 0, li.slide_w, li.slide_h)
    title = li.title.box if li.title is not None else None
    return tuple(box for part in grounds for box in background_marks(part, slide, title))


def _with_cover_boxes(li: LayoutInfo, examples: Examples) -> LayoutInfo:
    """The cover example's layout with its title and subtitle where that example put them."""
    if not examples.cover_boxes or examples.cover is None \
            or examples.cover.layout.part is not li.layout.part:
        return li
    at = dict(examples.cover_boxes)
    return replace(li, placeholders=tuple(
        replace(ph, box=at[ph.pos], repaired=True) if ph.pos in at else ph
        for ph in li.placeholders))


def _with_title_box(li: LayoutInfo, examples: Examples) -> LayoutInfo:
    """A content layout with its title where all its example slides set it."""
    at = next((box for ex, box in examples.title_boxes if ex.layout.part is li.layout.part),
              None)
    if at is None or li.title is None:
        return li
    title = li.title
    return replace(li, placeholders=tuple(
        replace(ph, box=at, repaired=True) if ph is title else ph for ph in li.placeholders))


def _relink(examples: Examples, layouts: list[LayoutInfo]) -> Examples:
    """The examples' layouts as the updated layout descriptions (same layout parts)."""
    by_part = {id(li.layout.part): li for li in layouts}

    def again(li: LayoutInfo | None) -> LayoutInfo | None:
        return by_part.get(id(li.layout.part), li) if li is not None else None

    return replace(examples, cover=again(examples.cover),
                   title_boxes=tuple((again(li), box) for li, box in examples.title_boxes),
                   content=tuple(again(li) for li in examples.content),
                   titled=tuple((again(li), p) for li, p in examples.titled))
