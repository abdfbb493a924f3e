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
from deckgen.ooxml import master_phs, shape_box
from deckgen.template.example_fields import fields_left_off
from deckgen.template.example_titles import GRID as _GRID
from deckgen.template.example_titles import REPEATED, title_boxes
from deckgen.template.index import FIELD_KINDS, LayoutInfo, drawn_shapes
from deckgen.template.picture_background import picture_background
from deckgen.template.purpose import GENERAL, purpose_of
from deckgen.template.sample_text import carried_text
from deckgen.typeset.shape_fill import shape_props

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


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
    # the cover example's own look, carried onto the deck's cover where it uses the same
    # layout: its background (the example slide's part) and its text-free artwork
    cover_background: Any = None
    cover_art: tuple[Artwork, ...] = ()
    # where the cover example moved its layout's text boxes: (placeholder position, box)
    cover_boxes: tuple[tuple[int, Box], ...] = ()
    # where the content examples of a layout all set its title themselves (into the band
    # the layout leaves empty): (layout, box)
    title_boxes: tuple[tuple[LayoutInfo, Box], ...] = ()
    # fields (ftr, dt, sldNum) the cover example does not show (PowerPoint's "Don't show on
    # title slide"): the deck's cover leaves them off too
    cover_without: frozenset[str] = frozenset()

    def content_master(self) -> int | None:
        counts = Counter(li.master for li in self.content)
        return counts.most_common(1)[0][0] if counts else None


def is_cover_example(examples: Examples, li: LayoutInfo) -> bool:
    """The layout is the cover example's own (the cover look belongs on it alone)."""
    return examples.cover is not None and examples.cover.layout.part is li.layout.part


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
    # every example slide on a master of its own (LibreOffice's templates): the first is the
    # cover's design whatever its layout is called
    own_masters = len(slides) >= 3 and len({li.master for _s, li in slides}) == len(slides)
    stated_opener = opener
    opener = opener or own_masters and stated in (None, *GENERAL)
    # the cover's layout, even where it has no title placeholder (the example writes its
    # title into a text box of its own): the deck's title gets a placeholder there
    cover = first_li if stated_opener and (cover_like(first_li) or first_li.title is None) \
        else None
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
    artwork = _artwork(slides, opener)
    own_bg = first._element.find(f"{P}cSld/{P}bg") is not None
    moved = _moved_boxes(first, cover) if cover is not None else ()
    return Examples(len(slides), cover, first_li.master if opener else None, content,
                    sum(used.values()), tuple(titled), artwork,
                    _backgrounds(slides, opener),
                    _cover_ground(first, cover, own_bg) if cover is not None else None,
                    _cover_art(first, cover, artwork, moved) if cover is not None else (),
                    moved, title_boxes(slides[1:] if opener else slides),
                    fields_left_off(first) if opener
                    else frozenset())


def _cover_ground(slide: Any, li: LayoutInfo, own_bg: bool) -> Any:
    """What the cover example sets as its ground: a full-slide picture at its back, else its
    own background, else nothing."""
    return picture_background(slide, li.slide_w, li.slide_h) or (slide.part if own_bg else None)


def _moved_boxes(slide: Any, li: LayoutInfo) -> tuple[tuple[int, Box], ...]:
    """The layout's title and subtitle where the cover example placed them itself (beside
    its artwork, lower, to the right): the designed cover, not the layout's default. They
    move together or not at all: a title box shrunk around a one-word example title
    ("<Title>") would set the deck's title small, and a subtitle moved without its title
    breaks the composition."""
    from deckgen.template.index import RAW_KINDS

    out = []
    for shape in slide._element.iter(f"{P}sp"):
        ph = shape.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
        box = shape_box(shape) if ph is not None else None
        if box is None or box.w < li.slide_w // 10 or box.h < li.slide_h // 30 \
                or box.intersection(Box(0, 0, li.slide_w, li.slide_h)) < 0.9 * box.area:
            continue
        kind = RAW_KINDS.get(ph.get("type") or "obj", "other")
        idx = int(ph.get("idx") or 0) if (ph.get("idx") or "0").isdigit() else -1
        for own in li.placeholders:
            if own.kind != kind or kind not in ("title", "subtitle", "body") or (
                    own.idx != idx and kind != "title") or own.pos in dict(out):
                continue
            if own.box == box:
                break
            # narrowed or (a title) flattened around a short example text: not the design
            # of a place for the deck's text; a lower subtitle grows away from its anchor
            if box.w < own.box.w // 2 or kind == "title" and box.h < own.box.h // 2:
                return ()
            out.append((own.pos, box))
            break
    return tuple(out)


def _cover_art(slide: Any, li: LayoutInfo, repeated: tuple[Artwork, ...],
               moved: tuple[tuple[int, Box], ...]) -> tuple[Artwork, ...]:
    """The pictures and shapes the cover example adds to its layout (circles of icons, a
    band): the designed cover, where the layout alone is plain. Shapes with text are the
    example's own title and names, not look; full-slide pictures and anything touching the
    text boxes are left out, so no text lands on them. Only where the example's title is
    the layout's title placeholder: art arranged around a text box of its own would stand
    apart from the deck's title."""
    if not _title_text(slide).strip():
        return ()  # its title is a text box of its own: the art is arranged around that
    at = dict(moved)
    texts = [at.get(ph.pos, ph.box) for ph in li.placeholders
             if ph.kind in ("title", "body", "obj", "subtitle")]
    pad = li.slide_h // 100
    taken = {(a.box, a.master) for a in repeated if a.cover}
    out = []
    for shape in drawn_shapes(slide._element):
        box = shape_box(shape)
        if (box is None or shape.tag == f"{P}graphicFrame" or _has_placeholder(shape)
                or any(t.text for t in shape.iter(f"{A}t"))
                or box.area >= 0.5 * li.slide_w * li.slide_h or (box, li.master) in taken
                or _drawn_there(li, box)
                or any(_under_text(box, t, pad) for t in texts)):
            continue
        element = copy.deepcopy(shape)
        images = _images(slide, element)
        if images is not None:
            out.append(Artwork(element, box, images, li.master, cover=True))
    return tuple(out)


def _backgrounds(slides: list[tuple[Any, LayoutInfo]], has_cover: bool,
                 ) -> tuple[tuple[int, Any, bool], ...]:
    """Per master, a slide background most of its example slides repeat."""
    out = []
    for master in sorted({li.master for _s, li in slides}):
        mine = [(n, s) for n, (s, li) in enumerate(slides) if li.master == master]
        content = [(n, s) for n, s in mine if n > 0 or not has_cover]
        looks: dict[str, list[int]] = {}
        grounds: dict[int, Any] = {}
        for n, slide in mine:
            bg = slide._element.find(f"{P}cSld/{P}bg")
            li = slides[n][1]
            ground = picture_background(slide, li.slide_w, li.slide_h)
            if ground is not None:  # a picture over the whole slide is its ground
                grounds[n] = ground
                looks.setdefault("pic" + _look(slide.part, ground.picture), []).append(n)
            elif bg is not None:
                looks.setdefault(_look(slide.part, bg), []).append(n)
        for numbers in looks.values():
            hits = [n for n, _s in content if n in numbers]
            if len(hits) >= 2 and len(hits) >= REPEATED * len(content):
                part = grounds.get(hits[0]) or dict(mine)[hits[0]].part
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
            if _dated(shape) or carried_text(shape) is not None and any(
                    box.intersection(f) > 0.5 * box.area for f in _field_boxes(li)):
                continue  # the example's own footer or date, where the fields go
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
        images = _images(slide, element)
        if images is not None:
            out.append(Artwork(element, box, images, master,
                               cover=has_cover and 0 in numbers))
    return tuple(sorted(out, key=lambda a: (a.box.y, a.box.x)))


def _dated(shape: Any) -> bool:
    """A box holding a date field: the example deck's date, frozen as it was saved."""
    return any((f.get("type") or "").startswith("datetime") for f in shape.iter(f"{A}fld"))


def _field_boxes(li: LayoutInfo) -> list[Box]:
    """Where the layout and its master put footer, date and slide number."""
    boxes = [p.box for p in li.of_kind(*FIELD_KINDS)]
    for shape, ph in master_phs(li.layout.slide_master._element):
        found = shape_box(shape) if ph.get("type") in FIELD_KINDS else None
        if found is not None:
            boxes.append(found)
    return boxes


def _under_text(box: Box, text: Box, pad: int) -> bool:
    """Artwork a text box would run over: a tenth of the box covered, or a thin rule (no
    area of its own) crossing it."""
    if min(box.w, box.h) < 2 * pad:
        grown = Box(box.x - pad, box.y - pad, box.w + 2 * pad, box.h + 2 * pad)
        return grown.intersection(text) > 0
    return box.intersection(text) > 0.1 * text.area


def _images(slide: Any, element: Any) -> tuple[tuple[str, Any], ...] | None:
    """The image parts the shape shows (a picture and its SVG original both), or None where
    one cannot be found: a shape copied without it would point nowhere."""
    images = []
    for el in element.iter():
        rid = el.get(f"{R}embed") if isinstance(el.tag, str) else None
        if rid and rid in slide.part.rels:
            images.append((rid, slide.part.related_part(rid)))
        elif rid:
            return None
    return tuple(images)


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
