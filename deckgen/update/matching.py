"""Find deckgen's slides and fields in a deck a person (or another program) saved.

Tags first (`deckgen.update.identity`): exact, and kept by PowerPoint and python-pptx. A deck
without any of our tags was saved by a program that drops them (LibreOffice); there slides are
matched to the manifest by the hashes of their texts (only hashes unique to one slide count,
so a footer on every slide proves nothing), then slides left over between two matched ones
are paired in order when both sides have as many and the slide still shows every box
deckgen placed (else it is a slide the person added in place of a deleted one). Fields on a
slide go the same way: by hash, then by placeholder type in tree order.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from deckgen.update.fingerprint import field_hash, frame_kind, notes_text, ph_type, short_hash, tree_shapes
from deckgen.update.identity import NOTES, SlideRecord, read_tags, shape_id


@dataclass
class Found:
    """A slide of the deck: deckgen's key and fields, or ``key`` None for a person's slide."""

    slide: Any
    key: str | None = None
    shapes: dict[str, Any] = field(default_factory=dict)  # field → shape element


def identify(prs: Any, records: list[SlideRecord]) -> list[Found]:
    """Every slide of ``prs`` in order, with what deckgen knows of it."""
    slides = list(prs.slides)
    keys = {r.key for r in records}
    tagged = [read_tags(s) for s in slides]
    if not any(k in keys for k, _ in tagged):
        return _by_content(slides, records)
    out, seen = [], set()
    for slide, (key, ids) in zip(slides, tagged):
        if key in keys and key not in seen:  # a duplicated slide repeats the tag: first wins
            seen.add(key)
            els = {shape_id(el): el for el in _candidates(slide)}
            out.append(Found(slide, key, {f: els[i] for i, f in ids.items() if i in els}))
        else:
            out.append(Found(slide))
    return out


def _candidates(slide: Any) -> list[Any]:
    """What may be one of deckgen's fields: every shape (groups opened, as a person may have
    grouped them), and the groups deckgen drew itself (key figures, a roadmap) as wholes."""
    groups = [el for el in slide.shapes._spTree
              if isinstance(el.tag, str) and frame_kind(el) == "group"]
    return [*tree_shapes(slide), *groups]


def _hashes(slide: Any) -> list[tuple[Any, str | None]]:
    return [(el, field_hash(slide.part, el)) for el in _candidates(slide)]


def _by_content(slides: list[Any], records: list[SlideRecord]) -> list[Found]:
    shapes = [_hashes(s) for s in slides]
    notes = [short_hash(notes_text(s)) for s in slides]
    common = Counter(h for r in records for h in set(r.hashes.values()))
    scores = []
    for mi, rec in enumerate(records):
        mine = {h for h in rec.hashes.values() if common[h] == 1}
        for bi, (found, note) in enumerate(zip(shapes, notes)):
            have = {h for _, h in found if h} | {note}
            score = len(mine & have)
            if score:
                scores.append((-score, abs(mi - bi), mi, bi))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, _, mi, bi in sorted(scores):
        if mi not in pairs and bi not in used:
            pairs[mi] = bi
            used.add(bi)
    anchors = sorted(pairs.items())
    bounds = [(-1, -1), *anchors, (len(records), len(slides))]
    for (m0, b0), (m1, b1) in zip(bounds, bounds[1:]):
        if b1 <= b0:
            continue
        left_m = [m for m in range(m0 + 1, m1) if m not in pairs]
        left_b = [b for b in range(b0 + 1, b1) if b not in used]
        if left_m and len(left_m) == len(left_b):
            for m, b in zip(left_m, left_b):
                if not _resembles(slides[b], records[m]):
                    continue  # a slide of the person's where deckgen's was deleted
                pairs[m] = b
                used.add(b)
    out = [Found(s) for s in slides]
    for mi, bi in pairs.items():
        out[bi].key = records[mi].key
        out[bi].shapes = _fields(shapes[bi], records[mi])
    return out


def _resembles(slide: Any, rec: SlideRecord) -> bool:
    """Paired by position alone (none of its texts is deckgen's any more), a slide must still
    be laid out as deckgen wrote it: every field's box is there. A point whose every text the
    person retyped keeps its boxes, footer and slide number included; a slide the person
    added where they deleted one of deckgen's, even on the same layout, lacks some (python-pptx
    and PowerPoint add no footer to a new slide). Records from before boxes were kept cannot
    tell, and pair as before."""
    from deckgen.update.placement import same_box, slide_boxes

    if not rec.placed:
        return True
    boxes = slide_boxes(slide)
    return all(any(same_box(box, want) for box in boxes) for want in rec.placed.values())


def _fields(found: list[tuple[Any, str | None]], rec: SlideRecord) -> dict[str, Any]:
    """The record's fields on a slide without tags: by hash, then by placeholder type."""
    out: dict[str, Any] = {}
    free = [el for el, _ in found]
    by_hash = {h: el for el, h in found if h}
    for name, _ph in rec.order:
        el = by_hash.get(rec.hashes.get(name, ""))
        if name != NOTES and el is not None and el in free:
            out[name] = el
            free.remove(el)
    for label in (ph_type, frame_kind):
        for name, ph in rec.order:
            if name in out:
                continue
            want = ph if label is ph_type else _kind_of(ph)
            el = next((e for e in free if label(e) == want), None)
            if el is not None:
                out[name] = el
                free.remove(el)
    return out


def _kind_of(ph: str) -> str:
    return ph if ph in ("chart", "table", "picture", "group") else "text"
