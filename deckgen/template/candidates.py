"""Which layouts may serve a slide role, best first, across every master of the template.

The evidence, strongest first: the template's own example slides (`deckgen.template.examples`),
layout names in any language (`deckgen.template.purpose`), then the placeholder signature
and the room it gives. A layout made for one purpose serves only that purpose; layouts
ruled out by their authors ("internal", "do not use") serve none. Content slides go on the
content master, the cover on the cover master (`deckgen.template.masters`); the cover's
own layout is never the statement's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from deckgen.errors import DeckgenError
from deckgen.geometry import Box
from deckgen.template.examples import Examples
from deckgen.template.index import FIELD_KINDS, LayoutInfo
from deckgen.template.kind_slots import kind_score
from deckgen.template.masters import MasterChoice
from deckgen.template.names import FOLDED, fold
from deckgen.template.purpose import GENERAL, made_for, serves, warning_in
from deckgen.template.slots import beside, content_region

LIST_ROLES = ("bullets", "agenda", "point", "closing", "sources")
PHOTO_LAYOUT = 0.25  # a layout whose own pictures cover this share is a photo layout
_DISPLAY_ROLES = ("title", "statement", "quote", "image")  # may sit on a photo


@dataclass(frozen=True)
class Evidence:
    """What the template says beyond its layouts: example slides, masters, explicit choices."""

    examples: Examples
    masters: MasterChoice
    explicit: dict[str, object]
    config: Path | None


HALF_COLUMN = 0.6  # a text column narrower than this share of the widest is one beside art


def ruled_out(li: LayoutInfo) -> str | None:
    """Why the layout's authors ruled it out, if they did."""
    return warning_in((li.name,), li.stamped)


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
        elif any(beside(a, b) for a in contents for b in contents if a is not b):
            s += 4 - max(0, len(contents) - 2) - max(0, len(texts) - len(contents))
        elif len(contents) == 1:
            s += 2
        else:
            return 0
    else:
        contents = layout.text_areas  # a list goes into a text box, not a chart's
        if not contents:
            return 0
        s += 5 if len(contents) == 1 else 0
        s -= 2 * len(layout.of_kind("chart", "tbl"))
        extra = [p for p in texts if p not in contents]
        s -= len(extra) if role != "point" else max(0, len(extra) - 1)
        s += 1 if layout.type_attr == "obj" else 0
    return max(s, 0)


def explicit_choice(role: str, layouts: list[LayoutInfo], ev: Evidence) -> LayoutInfo | None:
    """The layout ``template.yaml`` names for the role (a name, or master and name)."""
    wanted = ev.explicit.get(role)
    if not wanted:
        return None
    master = None
    if isinstance(wanted, dict):
        master, wanted = wanted.get("master"), wanted.get("layout")
    pool = [li for li in layouts if master is None or _is_master(li, master)]
    pool.sort(key=lambda li: li.master != ev.masters.content)
    for li in pool:
        if fold(li.name) == fold(str(wanted)):
            return li
    from deckgen.listing import some

    where = ev.config or "template.yaml"
    raise DeckgenError(f"{where}: layouts.{role}: no layout named {wanted!r}"
                       f"{' on master ' + repr(master) if master is not None else ''} "
                       f"(have: {some(repr(li.name) for li in pool)})")


def _is_master(li: LayoutInfo, master: object) -> bool:
    if isinstance(master, int) and not isinstance(master, bool):
        return li.master == master - 1
    return fold(li.master_name) == fold(str(master)) or str(li.master + 1) == str(master).strip()


def ordered(role: str, layouts: list[LayoutInfo], ev: Evidence,
            cover: LayoutInfo | None = None) -> list[tuple[LayoutInfo, str]]:
    """The candidate layouts for ``role``, best first, each with the reason it is there.

    ``cover``: the layout the title slide will most likely take, which the statement must
    not repeat."""
    pinned = explicit_choice(role, layouts, ev)
    if pinned is not None:
        return [(pinned, f"template.yaml names it for {role}")]
    masters = ev.masters
    split = masters.cover != masters.content
    ex = ev.examples
    # a template without a divider: another of its covers (the filled variant beside the
    # clean one the deck opens with) is the divider look its designer would take
    no_divider = role == "statement" and not any(
        made_for(role, li.purpose) and not ruled_out(li) for li in layouts)
    opening = cover

    def allowed(li: LayoutInfo) -> bool:
        if ruled_out(li):
            return False
        # a master made for the cover: its layouts are covers, whatever their names say
        # ("No Image_Date/name one line" is a cover, not a picture layout)
        cover_master = role == "title" and split and li.master == masters.cover
        variant = no_divider and li.purpose == "cover" and li.title is not None
        if not cover_master and not variant and not serves(role, li.purpose):
            return False
        if role == "statement" and (li is ex.cover or li is cover):
            return False  # never a second cover
        if split and role not in ("title", "statement", "quote") and \
                li.master == masters.cover and li.master != masters.content:
            return False  # content stays off the cover's master
        if score(role, li) > 0:
            return True
        if role == "title" and li is ex.cover:
            return not li.has_vertical  # the examples' cover, title placeholder or not
        # a layout named for this very slide that has a title but no box for its text (a
        # "Big statement" with its title alone): the text gets a placeholder of its own; a
        # divider with one box for the section's name: the statement's title goes there
        return made_for(role, li.purpose) and (
            li.title is not None or role == "title"
            or (role == "statement" and bool(li.text_boxes))) and not li.has_vertical

    def rank(li: LayoutInfo) -> int:
        order = (masters.cover, masters.content) if role == "title" else (
            masters.content, masters.cover)
        return order.index(li.master) if li.master in order else 2

    pool = sorted((li for li in layouts if allowed(li)), key=lambda li: (rank(li), li.master))
    out: list[tuple[LayoutInfo, str]] = []
    seen: set[int] = set()

    def add(li: LayoutInfo, reason: str) -> None:
        if id(li) not in seen and li in pool:
            seen.add(id(li))
            out.append((li, reason))

    if role == "title" and ex.cover is not None:
        add(ex.cover, "the template's first example slide (its cover) uses it")
    for li, purpose in ex.titled:
        if made_for(role, purpose):
            add(li, f"an example slide titled for {purpose} uses it")
    shown = f"({ex.content_slides} of {ex.count} example slides show content)"
    # the examples' content layouts on the content master first (it may be chosen among
    # several the examples use, or named in template.yaml)
    shown_on = sorted(ex.content, key=lambda li: li.master != masters.content)
    if role in LIST_ROLES:
        # one list is one column: an example layout of two columns would leave one empty, so
        # the one-column layouts come first, the examples' own, then their master's
        one = [li for li in shown_on if len(li.text_areas) == 1]
        # a column made for text beside a chart or picture (half the width of the examples'
        # widest) after the full ones: a list alone in it leaves half the slide empty
        widest = max((li.text_areas[0].box.w for li in one), default=0)
        one.sort(key=lambda li: li.text_areas[0].box.w < HALF_COLUMN * widest)
        for li in one:
            add(li, f"the template's example slides show content on it {shown}")
        two = [li for li in shown_on if li not in one]
        for li in sorted((li for li in pool if li.master in {t.master for t in two}
                          and len(li.text_areas) == 1 and li.purpose in (*GENERAL, None)
                          and not _photo(role, li) and score(role, li) > 0),
                         key=lambda li: (-score(role, li), layouts.index(li))):
            add(li, "one column on the master the example slides show content on (their "
                    "layout has two)")
        for li in two:
            add(li, f"the template's example slides show content on it {shown}")
    elif role in ("table", "comparison"):
        for li in shown_on:
            add(li, f"the template's example slides show content on it {shown}")
    # names next, the cover's master first for the cover, the content's for the rest: an
    # Office name ("Title Slide") on the content master does not beat "封面" on the cover's
    groups = FOLDED.get(role, ())

    def named(li: LayoutInfo) -> int | None:
        folded = fold(li.name)
        exact = next((i for i, group in enumerate(groups) if folded in group), None)
        if exact is not None:
            return exact
        return len(groups) if made_for(role, li.purpose) else None

    if role == "title" and split:  # the cover's own master first, named or not
        for li in sorted((li for li in pool if li.master == masters.cover),
                         key=lambda li: (named(li) is None, -score(role, li), layouts.index(li))):
            add(li, "the cover's master" + (f", layout name {li.name!r}"
                                            if named(li) is not None else ""))
    # among layouts named for the cover: one with a title placeholder before one without (a
    # logo splash "Intro" beside the "Title" layout), then one the organisation painted
    # (its own artwork or background) before a bare one (Office's "Diapositiva de título"
    # left beside the branded "Titulo"), one with a place for the subtitle before one
    # without ("Cover, plain" holds only a title); then the name's tier; the original before
    # PowerPoint's numbered copies ("1_Section Divider")
    cover = role == "title"
    hits = [(rank(li), cover and li.title is None, cover and not li.own_look,
             cover and not li.of_kind("subtitle", "body"), named(li), _copy(li), i, li)
            for i, li in enumerate(pool) if named(li) is not None]
    for *_, tier, _copied, _i, li in sorted(hits, key=lambda h: h[:7]):
        add(li, f"layout name {li.name!r}" if tier < len(groups) else
            f"layout name {li.name!r} says it is made for this")
    if no_divider and opening is not None:
        # the variant whose ground differs from the opening cover's first (a filled one
        # beside a clean one), on the content's master before another
        ground = _ground(opening)
        for li in sorted((li for li in pool if li.purpose == "cover"),
                         key=lambda li: (li.master != masters.content, _ground(li) == ground,
                                         layouts.index(li))):
            add(li, "another of the template's covers: its divider look (it has no divider)")
    if role == "statement" and split:
        for li in pool:
            if li.master == masters.cover:
                add(li, "a layout of the cover's master: the divider look")
    for li in sorted(pool, key=lambda li: (_photo(role, li), -score(role, li), rank(li),
                                           _other(role, li), -_room(role, li),
                                           layouts.index(li))):
        if score(role, li) > 0:
            add(li, f"placeholder signature ({_signature(li)})")
    return out


def _ground(li: LayoutInfo) -> str:
    """The colour a layout shows in the middle of the slide, where a title stands."""
    from deckgen.typeset.backdrop import behind
    from deckgen.typeset.styles import theme_colors

    box = Box(li.slide_w * 2 // 5, li.slide_h * 2 // 5, li.slide_w // 5, li.slide_h // 5)
    return behind(li.layout, box, theme_colors(li.layout.slide_master, li.layout))


_COPY = re.compile(r"^\d+_\S")


def _copy(li: LayoutInfo) -> bool:
    """PowerPoint names a layout it copies from another master "1_Name", "2_Name"."""
    return bool(_COPY.match(li.name))


def _photo(role: str, li: LayoutInfo) -> bool:
    """A layout showing a photo of its own comes after plain ones for a content slide (a
    photo where the text goes makes a cover or picture layout; a full-slide texture is
    only a backdrop, and contrast deals with it, so it is not ruled out)."""
    return li.photo >= PHOTO_LAYOUT and role not in _DISPLAY_ROLES


def _other(role: str, li: LayoutInfo) -> bool:
    """A general layout named for something else ("Title Only" for a content slide) comes
    after the plain content layouts that match alike."""
    return li.purpose not in (None, "content") and not made_for(role,
                                                                         li.purpose)


def _room(role: str, li: LayoutInfo) -> int:
    """Room for a content slide's text: the area of the layout's content boxes. Among
    layouts that match alike, the one with most room serves best."""
    if role in ("title", "statement"):
        return 0
    return sum(p.box.area for p in li.content_areas) or sum(p.box.area for p in li.text_boxes)


def _signature(li: LayoutInfo) -> str:
    kinds = Counter(p.kind for p in li.placeholders if p.kind not in FIELD_KINDS)
    return ", ".join(f"{k}×{n}" if n > 1 else k for k, n in sorted(kinds.items()))


def roomiest(layouts: list[LayoutInfo], ev: Evidence) -> LayoutInfo:
    """Where boxes go when no layout holds a role's text: the roomiest plain content layout
    of the content master (its title kept), never a cover, photo or purpose layout.

    Where the template's look lives in its layouts (a background or artwork of their own, as
    generators such as pptxgenjs write them, over a plain master), a layout with none of it
    is bare: boxes there would lose the brand, so it comes last."""
    master = ev.masters.content
    plain = [li for li in layouts if li.master == master and not ruled_out(li)
             and li.purpose in (*GENERAL, None) and li.photo < PHOTO_LAYOUT
             and li is not ev.examples.cover and not li.has_vertical]
    pool = plain or [li for li in layouts if li.master == master and not ruled_out(li)
                     and li.purpose in (*GENERAL, None)] or [
        li for li in layouts if li.master == master] or layouts
    look = [li for li in pool if li.own_look]
    in_layouts = 2 * len(look) >= len(pool)

    def cost(li: LayoutInfo) -> tuple[float, int]:
        others = [p for p in li.placeholders if p.kind not in ("title", *FIELD_KINDS)]
        low_title = li.title is not None and li.title.box.y >= 0.3 * li.slide_h
        free = content_region(li).area / (li.slide_w * li.slide_h)
        bare = in_layouts and li not in look
        no_title = li.title is None
        return (len(others) + 2 * low_title + 1 * no_title - 2 * free + 4 * bare,
                layouts.index(li))
    return min(pool, key=cost)
