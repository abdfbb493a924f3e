"""What a template's own example slides say about how it is meant to be used.

The example slides are the designer's clearest instruction: the first shows the cover (its
master and layout), the later ones the content look. Read before the slides are removed.
Pictures and shapes pasted at the same place on (nearly) every example slide are part of the
look even where the masters lack them: a logo or a skyline a designer put on each slide by
hand rather than on the master. They are kept, with their images, to be carried onto the
deck's slides of that kind.
"""

from __future__ import annotations

import copy
import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from deckgen.geometry import Box
from deckgen.ooxml import shape_box
from deckgen.template.index import LayoutInfo, drawn_shapes
from deckgen.template.purpose import GENERAL, purpose_of
from deckgen.template.sample_text import carried_text
from deckgen.typeset.shape_fill import shape_props

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REPEATED = 0.6  # on this share of the slides of a kind (and at least two) it is the look
_GRID = 45720  # positions compared to 0.05 in: a hand-pasted logo is never quite in place


@dataclass(frozen=True)
class Artwork:
    """A picture or shape the example slides repeat: carried onto the deck's slides."""

    element: Any  # a copy of the shape's XML, ids and relationships as on the example
    box: Box
    images: tuple[tuple[str, Any], ...]  # (relationship id in ``element``, image part)
    master: int  # the master of the examples that carry it
    cover: bool  # also on the cover (else on content slides only)


@dataclass(frozen=True)
class Examples:
    """The evidence of the example slides; empty when the template has none."""

    count: int = 0
    cover: LayoutInfo | None = None  # the first slide's layout, when it suits a cover
    cover_master: int | None = None  # the first slide's master, when that slide is no content
    content: tuple[LayoutInfo, ...] = ()  # layouts of the content examples, most used first
    content_slides: int = 0  # how many example slides show content
    titled: tuple[tuple[LayoutInfo, str], ...] = ()  # purposes the slides' own titles state
    artwork: tuple[Artwork, ...] = ()
    # a background most example slides of a master set themselves (their own picture or
    # colour instead of the master's): (master, the example slide part holding it, cover too)
    backgrounds: tuple[tuple[int, Any, bool], ...] = ()

    def content_master(self) -> int | None:
        counts = Counter(li.master for li in self.content)
        return counts.most_common(1)[0][0] if counts else None


def read_examples(prs: Any, layouts: list[LayoutInfo],
                  cover_like: Callable[[LayoutInfo], bool],
                  content_like: Callable[[LayoutInfo], bool]) -> Examples:
    """The examples' evidence; ``cover_like``/``content_like`` say whether a layout's
    placeholders suit a cover or a content slide (the resolver's own scoring)."""
    by_part = {id(li.layout.part): li for li in layouts}
    slides = []
    for slide in prs.slides:
        try:
            li = by_part.get(id(slide.part.slide_layout.part))
        except Exception:  # noqa: BLE001 - a slide without a layout: no evidence
            li = None
        if li is not None:
            slides.append((slide, li))
    if not slides:
        return Examples()
    first, first_li = slides[0]
    stated = purpose_of(first_li.name)
    opener = stated == "cover" or stated in (None, "title_only", "blank") and (
        first_li.title is not None or first_li.own_look) and not content_like(first_li)
    # the cover's layout, even where it has no title placeholder (the example writes its
    # title into a text box of its own): the deck's title gets a placeholder there
    cover = first_li if opener and (cover_like(first_li) or first_li.title is None) else None
    used: Counter[int] = Counter()
    order: dict[int, LayoutInfo] = {}
    titled: list[tuple[LayoutInfo, str]] = []
    for n, (slide, li) in enumerate(slides):
        purpose = purpose_of(_title_text(slide))
        if purpose is not None and purpose not in GENERAL and purpose != "cover":
            titled.append((li, purpose))
        elif (n > 0 or not opener) and li is not cover and content_like(li) \
                and li.purpose in (*GENERAL, None):
            used[id(li)] += 1
            order.setdefault(id(li), li)
    content = tuple(order[k] for k, _ in sorted(used.items(), key=lambda kv: -kv[1]))
    return Examples(len(slides), cover, first_li.master if opener else None, content,
                    sum(used.values()), tuple(titled), _artwork(slides, opener),
                    _backgrounds(slides, opener))


def _backgrounds(slides: list[tuple[Any, LayoutInfo]], has_cover: bool,
                 ) -> tuple[tuple[int, Any, bool], ...]:
    """Per master, a slide background most of its example slides repeat."""
    out = []
    for master in sorted({li.master for _s, li in slides}):
        mine = [(n, s) for n, (s, li) in enumerate(slides) if li.master == master]
        content = [(n, s) for n, s in mine if n > 0 or not has_cover]
        looks: dict[str, list[int]] = {}
        for n, slide in mine:
            bg = slide._element.find(f"{P}cSld/{P}bg")
            if bg is not None:
                looks.setdefault(_look(slide.part, bg), []).append(n)
        for numbers in looks.values():
            hits = [n for n, _s in content if n in numbers]
            if len(hits) >= 2 and len(hits) >= REPEATED * len(content):
                part = dict(mine)[hits[0]].part
                out.append((master, part, has_cover and 0 in numbers))
                break
    return tuple(out)


def _title_text(slide: Any) -> str:
    for shape in slide.placeholders:
        try:
            kind = shape.placeholder_format.type
        except Exception:  # noqa: BLE001
            continue
        if kind is not None and int(kind) in (1, 3) and shape.has_text_frame:  # TITLE, CTR
            return shape.text_frame.text
    return ""


def _artwork(slides: list[tuple[Any, LayoutInfo]], has_cover: bool) -> tuple[Artwork, ...]:
    """Shapes at the same place with the same look on most example slides of a master."""
    found: dict[tuple[object, ...], list[tuple[int, Any, Any, Box]]] = {}
    for n, (slide, li) in enumerate(slides):
        for shape in drawn_shapes(slide._element):
            box = shape_box(shape)
            if box is None or shape.tag == f"{P}graphicFrame" or _has_placeholder(shape):
                continue
            if box.area >= 0.5 * li.slide_w * li.slide_h:
                continue  # a full-slide picture belongs on a master, not carried by us
            key = (li.master, *(round(v / _GRID) for v in (box.x, box.y, box.w, box.h)),
                   _look(slide.part, shape))
            found.setdefault(key, []).append((n, slide, shape, box))
    out = []
    for key, hits in found.items():
        master = key[0]
        on_master = [n for n, (_s, li) in enumerate(slides) if li.master == master]
        content = [n for n in on_master if n > 0 or not has_cover]
        numbers = {n for n, *_ in hits}
        in_content = len(numbers & set(content))
        if in_content < 2 or in_content < REPEATED * len(content):
            continue
        if any(_drawn_there(li, hits[0][3]) for _s, li in slides if li.master == master):
            continue  # the layout draws it already
        _n, slide, shape, box = hits[0]
        element = _without_filler(copy.deepcopy(shape))
        if element is None:
            continue
        images = []
        for blip in element.iter(f"{A}blip"):
            rid = blip.get(f"{R}embed")
            if rid and rid in slide.part.rels:
                images.append((rid, slide.part.related_part(rid)))
            elif rid:
                break
        else:
            out.append(Artwork(element, box, tuple(images), master,
                               cover=has_cover and 0 in numbers))
    return tuple(sorted(out, key=lambda a: (a.box.y, a.box.x)))


def _without_filler(element: Any) -> Any | None:
    """The shape as it may be carried: filler text taken out of it (a band keeps its colour,
    a bare text box of filler goes)."""
    for sp in list(element.iter(f"{P}sp")):
        if carried_text(sp) is not False:
            continue
        body = sp.find(f"{P}txBody")
        if sp is element and not _painted(sp):
            return None
        if sp is not element and not _painted(sp):
            sp.getparent().remove(sp)
            continue
        for para in body.findall(f"{A}p"):
            for run in para.findall(f"{A}r") + para.findall(f"{A}fld"):
                para.remove(run)
    return element


def _painted(sp: Any) -> bool:
    props = shape_props(sp)
    if props is None:
        return False
    if any(props.find(f"{A}{k}") is not None
           for k in ("solidFill", "gradFill", "blipFill", "pattFill")):
        return True
    line = props.find(f"{A}ln")
    return line is not None and line.find(f"{A}noFill") is None and len(line) > 0


def _has_placeholder(shape: Any) -> bool:
    return shape.find(f".//{P}nvPr/{P}ph") is not None


def _look(part: Any, shape: Any) -> str:
    """What a shape shows, apart from its ids: its XML without ids, names and relationship
    ids, and the bytes of its pictures (the same logo pasted twice has two image parts)."""
    clone = copy.deepcopy(shape)
    digest = hashlib.sha1()
    for el in clone.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in ("id", "name", f"{R}embed", f"{R}link", f"{R}id"):
            if attr in el.attrib:
                if attr == f"{R}embed":
                    try:
                        digest.update(part.related_part(el.get(attr)).blob)
                    except Exception:  # noqa: BLE001
                        digest.update(b"?")
                del el.attrib[attr]
        if el.tag.endswith("}off") or el.tag.endswith("}ext") and el.getparent().tag.endswith(
                "xfrm"):
            el.attrib.clear()
    from lxml import etree

    digest.update(etree.tostring(clone, method="c14n"))
    return digest.hexdigest()


def _drawn_there(li: LayoutInfo, box: Box) -> bool:
    """The layout (or its master) already draws something at about this place."""
    return any(abs(o.x - box.x) < _GRID * 2 and abs(o.y - box.y) < _GRID * 2
               and abs(o.w - box.w) < _GRID * 2 and abs(o.h - box.h) < _GRID * 2
               for o in li.obstacles)
