"""``--update``: bring new content into a deck a person edited, losing nothing they did.

The person's deck is the base: their slides, order, shapes, positions and formatting stay as
saved, and only what deckgen knows and the person left alone is replaced. A field is
"untouched" when its hash equals what deckgen wrote last time (the manifest,
`deckgen.update.identity`); then the freshly built deck's version goes in. An edited field stays;
if the content changed too, that is a conflict, listed. Slides the new content adds are copied
from the fresh deck after their predecessor; slides the person deleted stay deleted unless
``restore_deleted``; slides the content dropped go only if untouched. Which fresh slide is which
old one is decided by role and title, not by position (`deckgen.update.rekey`). The deck's own
structure (agenda, point numbers) is derived from the points the merged deck will hold, in the
person's order, before anything is merged (`deckgen.update.outline`); slides a script left
outside the slide list are dropped first (`deckgen.update.unlisted`). `Report.changed` says
whether the result differs from the person's deck at all.
"""

from __future__ import annotations

import copy
import io
from typing import Any

from deckgen.errors import DeckgenError
from deckgen.update.chart_refresh import refresh_chart
from deckgen.update.copying import copy_element, insert_slide, layout_for, remove_slide, replace_chart
from deckgen.update.fingerprint import A, P, field_hash, frame_kind, notes_text, short_hash
from deckgen.update.flatten import inherits_alike, own_body, pin_theme, restyle
from deckgen.update.identity import (
    NOTES,
    SHAPES_TAG,
    SLIDE_TAG,
    SlideRecord,
    read_manifest,
    shape_id,
    untag,
    write_manifest,
    write_tags,
)
from deckgen.update.matching import Found, identify
from deckgen.update.merge_report import Report, slide_title
from deckgen.update.merged_properties import refresh_properties
from deckgen.update.outline import follow_person, planned_order
from deckgen.update.placement import same_box, same_boxes, shape_box, slide_boxes
from deckgen.update.rekey import align_keys
from deckgen.update.run_look import carry_look
from deckgen.update.shape_refresh import follow_box, replace_group
from deckgen.update.sibling_look import sibling_of, take_neighbours_look


def _text(slide: Any, el: Any) -> str:
    from deckgen.update.fingerprint import shape_text

    return shape_text(slide.part, el) or ""


def merge(existing: bytes, fresh_bytes: bytes, where: str,
          restore_deleted: bool = False) -> tuple[Any, Report]:
    """The person's deck with the fresh deck's content merged in, and what happened."""
    from pptx import Presentation

    try:
        base = Presentation(io.BytesIO(existing))
    except Exception:  # noqa: BLE001 - any unreadable file gets the same advice
        raise DeckgenError(f"{where}: cannot be read as a deck; --update needs a deck deckgen "
                           "built (use --force to replace it; a backup is kept)") from None
    from deckgen.deck.package_fixes import add_missing_parts, order_chart_labels
    from deckgen.update.unlisted import drop_unlisted_slides

    dropped = drop_unlisted_slides(base)  # before `base.slides` renames the listed ones
    add_missing_parts(base)  # LibreOffice saves no viewProps; PowerPoint would repair the file
    order_chart_labels(base)  # nor data labels in schema order
    old = read_manifest(base)
    if old is None:
        raise DeckgenError(f"{where}: was not built by deckgen (no deckgen manifest); --update "
                           "cannot merge into it; use --force to replace it (a backup is kept)")
    fresh = Presentation(io.BytesIO(fresh_bytes))
    new = read_manifest(fresh) or []
    fresh_found = identify(fresh, new)
    rekey = align_keys(old, new)  # a point inserted mid-way must not shift later identities
    for rec in new:
        rec.key = rekey.get(rec.key, rec.key)
    for ff in fresh_found:
        ff.key = rekey.get(ff.key, ff.key) if ff.key else ff.key
    report = Report()
    old_by_key = {r.key: r for r in old}
    new_by_key = {r.key: r for r in new}
    found = identify(base, old)
    in_base = {f.key: f for f in found if f.key}
    order = planned_order([f.key for f in found], [ff.key or "" for ff in fresh_found],
                          set(old_by_key), restore_deleted)
    follow_person(fresh_found, new_by_key, order)  # agenda and numbers as the deck has them
    partners = {ff.slide.slide_layout.name: in_base[ff.key].slide.slide_layout
                for ff in reversed(fresh_found) if ff.key in in_base}
    prev: Any = None
    for ff in fresh_found:
        key = ff.key or ""
        bf = in_base.get(key)
        if bf is None and key in old_by_key and not restore_deleted:
            report.deleted.append(new_by_key[key].title)
            continue
        if bf is None:
            slide = insert_slide(base, ff.slide, prev,
                                 layout_for(base, ff.slide.slide_layout, partners))
            ids = {shape_id(el): el for el in slide.shapes._spTree if isinstance(el.tag, str)}
            bf = Found(slide, key, {f: ids[shape_id(el)] for f, el in ff.shapes.items()
                                    if shape_id(el) in ids})
            sibling = sibling_of(base, found, old_by_key, new_by_key[key].role, slide)
            if sibling is not None and slide.slide_layout.name != ff.slide.slide_layout.name:
                # not on deckgen's layout (LibreOffice saved the deck): aligned like its neighbours
                take_neighbours_look(slide, bf.shapes, sibling.slide, sibling.shapes)
            in_base[key] = bf
            (report.restored if key in old_by_key else report.added).append(new_by_key[key].title)
        else:
            _merge_slide(bf, ff, old_by_key.get(key), new_by_key[key], report,
                         _number(base, bf.slide))
        write_tags(bf.slide, {SLIDE_TAG: key, SHAPES_TAG: " ".join(
            f"{shape_id(el)}={f}" for f, el in sorted(bf.shapes.items(),
                                                     key=lambda kv: int(shape_id(kv[1]) or 0)))})
        prev = bf.slide
    for bf in found:
        if bf.key and bf.key not in new_by_key:
            rec = old_by_key[bf.key]
            if _untouched(bf, rec):
                remove_slide(base, bf.slide)
                report.removed.append(rec.title)
            else:
                untag(bf.slide)
                report.kept_slides.append(rec.title)
    now = [k for k in (_key_of(in_base, s) for s in base.slides) if k]
    refresh_properties(base, fresh, old, new, now)
    report.yours = [slide_title(bf.slide) for bf in found if not bf.key]
    report.dropped_parts = dropped
    report.manifest_changed = [r.to_json() for r in old] != [r.to_json() for r in new]
    write_manifest(base, new)
    base.core_properties.identifier = fresh.core_properties.identifier
    return base, report


def _key_of(in_base: dict[str, Found], slide: Any) -> str | None:
    """deckgen's key of ``slide`` in the merged deck, None for the person's own."""
    return next((k for k, f in in_base.items() if f.slide.part is slide.part), None)


def _number(prs: Any, slide: Any) -> int:
    return next(i for i, s in enumerate(prs.slides, 1) if s.slide_id == slide.slide_id)


def _untouched(bf: Found, rec: SlideRecord) -> bool:
    """Nothing on the slide differs from what deckgen wrote, and nothing was added to it."""
    ours = set(map(id, bf.shapes.values()))
    for el in bf.slide.shapes._spTree:
        if isinstance(el.tag, str) and frame_kind(el) != "other" and id(el) not in ours:
            return False
    if any(field_hash(bf.slide.part, el) != rec.hashes.get(name)
           for name, el in bf.shapes.items() if name in rec.hashes):
        return False
    if rec.boxes and not same_boxes(slide_boxes(bf.slide), rec.boxes):
        return False  # a shape moved or resized is the person's work too
    return short_hash(notes_text(bf.slide)) == rec.hashes.get(NOTES)


def _merge_slide(bf: Found, ff: Found, old: SlideRecord | None, new: SlideRecord,
                 report: Report, number: int) -> None:
    was = old.hashes if old else {}
    for name, fresh_el in ff.shapes.items():
        if name.startswith("field:sldNum") or name not in new.hashes:
            continue  # the slide number refreshes itself
        base_el = bf.shapes.get(name)
        if base_el is None:
            if name in was:
                continue  # the person deleted it: it stays deleted
            bf.shapes[name] = _add_shape(bf.slide, ff.slide, fresh_el)
            report.updated += 1
            continue
        mine = field_hash(bf.slide.part, base_el) != was.get(name)
        theirs = new.hashes[name] != was.get(name)
        if not mine and theirs:
            _replace(bf.slide, base_el, ff.slide, fresh_el,
                     _in_place(bf.slide, base_el, old, name))
            report.updated += 1
        elif mine and theirs:
            report.conflicts.append((number, name, _text(bf.slide, base_el),
                                     _text(ff.slide, fresh_el)))
        elif mine:
            report.kept += 1
    for name in [n for n in bf.shapes if n not in ff.shapes]:
        el = bf.shapes[name]
        if field_hash(bf.slide.part, el) == was.get(name) and _in_place(bf.slide, el, old, name):
            # untouched: the content dropped it
            el.getparent().remove(el)
            del bf.shapes[name]
    mine = short_hash(notes_text(bf.slide)) != was.get(NOTES)
    theirs = new.hashes.get(NOTES) != was.get(NOTES)
    if not mine and theirs:
        _set_notes(bf.slide, ff.slide)
        report.updated += 1
    elif mine and theirs:
        report.conflicts.append((number, "notes", notes_text(bf.slide), notes_text(ff.slide)))
    elif mine:
        report.kept += 1


def _box(slide: Any, el: Any) -> list[int] | None:
    shape = next((sh for sh in slide.shapes if sh._element is el), None)
    return None if shape is None else list(shape_box(shape))


def _in_place(slide: Any, el: Any, rec: SlideRecord | None, name: str) -> bool:
    """The field sits where deckgen put it (or deckgen did not record where)."""
    then = rec.placed.get(name) if rec else None
    if not then:
        return True
    now = _box(slide, el)
    return now is not None and same_box(now, then)


def _replace(slide: Any, base_el: Any, fresh_slide: Any, fresh_el: Any, in_place: bool) -> None:
    """The fresh text, table, chart data or image into the person's shape, which keeps its
    place (``in_place``: the person left it where deckgen put it)."""
    kind = frame_kind(fresh_el)
    if kind == "group":  # shapes deckgen drew (key figures, a roadmap): the fresh ones

        replace_group(slide, base_el, fresh_slide, fresh_el, in_place)
        return
    if kind in ("picture", "chart"):
        if kind == "picture":
            _replace_picture(slide, base_el, fresh_slide, fresh_el, in_place)
        elif not refresh_chart(slide, base_el, fresh_slide, fresh_el):
            replace_chart(slide, base_el, fresh_slide, fresh_el)
        alt, own = fresh_el.find(f"./*/{P}cNvPr"), base_el.find(f"./*/{P}cNvPr")
        if alt is not None and own is not None and alt.get("descr"):
            own.set("descr", alt.get("descr"))  # alt text describes the figures/image: keep it true
        return
    path = f"{P}txBody" if kind == "text" else ".//{*}tbl"
    new = copy_element(fresh_el.find(path), fresh_slide.part, slide.part)
    old = base_el.find(path)
    if kind == "text" and not inherits_alike(slide.slide_layout, base_el,
                                             fresh_slide.slide_layout, fresh_el):
        # the person's deck no longer gives this box what deckgen's layout gives it
        # (LibreOffice spelled its look out on the shape): the new text brings its own
        restyle(new, fresh_slide, fresh_el)
        if old is not None and old.find(f"{A}bodyPr") is not None:
            # the box's properties as their deck has them, with deckgen's own settings over
            mine = old.find(f"{A}bodyPr")
            new.replace(new.find(f"{A}bodyPr"), own_body(mine, fresh_el))
    pin_theme(new, fresh_slide.slide_layout.slide_master, slide.slide_layout.slide_master)
    if old is not None and kind == "text":
        carry_look(old, new)  # the colour and typeface the text showed, where all agreed
    if old is None:
        base_el.append(new)
    else:
        old.getparent().replace(old, new)
    if kind == "text" and in_place:
        follow_box(base_el, fresh_el)


def _replace_picture(slide: Any, base_el: Any, fresh_slide: Any, fresh_el: Any,
                     in_place: bool) -> None:
    """A new image: where deckgen would put it if the person left the picture in place,
    else fitted, undistorted and centred, into the box the person gave it."""
    from deckgen.deck.picture import fit_inside

    fill = copy_element(fresh_el.find(f"{P}blipFill"), fresh_slide.part, slide.part)
    base_el.replace(base_el.find(f"{P}blipFill"), fill)
    mine = next((sh for sh in slide.shapes if sh._element is base_el), None)
    fresh = next((sh for sh in fresh_slide.shapes if sh._element is fresh_el), None)
    if mine is None or fresh is None:
        return
    if in_place:
        box = shape_box(fresh)
    else:
        _x, _y, fw, fh = shape_box(fresh)
        box = fit_inside(max(fw, 1), max(fh, 1), *shape_box(mine))
    mine.left, mine.top, mine.width, mine.height = box


def _add_shape(slide: Any, fresh_slide: Any, fresh_el: Any) -> Any:
    """A field the content gained on a slide the person has: copied in with a free id."""
    el = copy_element(fresh_el, fresh_slide.part, slide.part)
    ids = [int(i) for i in (shape_id(e) for e in slide.shapes._spTree
                            if isinstance(e.tag, str)) if i.isdigit()]
    el.find(f"./*/{P}cNvPr").set("id", str(max(ids, default=1) + 1))
    slide.shapes._spTree.append(el)
    return el


def _set_notes(slide: Any, fresh_slide: Any) -> None:
    src = fresh_slide.notes_slide.notes_text_frame._txBody if fresh_slide.has_notes_slide \
        else None
    frame = slide.notes_slide.notes_text_frame
    if frame is None:
        return
    tx = frame._txBody
    for p in tx.findall("{*}p"):
        tx.remove(p)
    for p in (src.findall("{*}p") if src is not None else []):
        tx.append(copy.deepcopy(p))
    if not len(tx.findall("{*}p")):
        from lxml import etree

        etree.SubElement(tx, "{http://schemas.openxmlformats.org/drawingml/2006/main}p")
