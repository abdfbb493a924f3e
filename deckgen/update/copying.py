"""Copy deckgen's own slides, shapes and charts from a fresh deck into a person's deck.

Only what deckgen writes is ever copied (text bodies, tables, charts, pictures, notes), so the
relationships to carry along are known: hyperlinks, images, charts and their workbooks. Every
``r:`` reference in a copied element is re-pointed at a relationship of the target part.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from deckgen.update.fingerprint import NS_C as C_NS
from deckgen.update.fingerprint import NS_R, P, chart_part

_SKIP_RELS = ("/slideLayout", "/notesSlide", "/tags")


def _copy_part(part: Any, package: Any, done: dict[int, Any]) -> Any:
    """A copy of ``part`` (and the parts it relates to) inside ``package``."""
    if id(part) in done:
        return done[id(part)]
    name = str(part.partname)
    template = re.sub(r"\d*(\.[^./]+)$", r"%d\1", name)
    new = type(part).load(package.next_partname(template), part.content_type, package,
                          part.blob)
    done[id(part)] = new
    mapping = {}
    for rid, rel in list(part.rels.items()):
        if rel.is_external:
            mapping[rid] = new.relate_to(rel.target_ref, rel.reltype, is_external=True)
        else:
            mapping[rid] = new.relate_to(_copy_part(rel.target_part, package, done),
                                         rel.reltype)
    el = getattr(new, "_element", None)
    if el is not None:
        _remap(el, mapping)
    return new


def _remap(el: Any, mapping: dict[str, str]) -> None:
    for node in el.iter():
        for attr, value in list(node.attrib.items()):
            if attr.startswith(f"{{{NS_R}}}") and value in mapping:
                node.set(attr, mapping[value])


def copy_element(el: Any, src: Any, dst: Any) -> Any:
    """A deep copy of ``el`` from slide part ``src`` whose references work in part ``dst``."""
    new = copy.deepcopy(el)
    mapping: dict[str, str] = {}
    done: dict[int, Any] = {}
    for node in new.iter():
        for attr, value in node.attrib.items():
            if not attr.startswith(f"{{{NS_R}}}") or value in mapping or value not in src.rels:
                continue
            rel = src.rels[value]
            if rel.is_external:
                mapping[value] = dst.relate_to(rel.target_ref, rel.reltype, is_external=True)
            else:
                target = _copy_part(rel.target_part, dst.package, done)
                mapping[value] = dst.relate_to(target, rel.reltype)
    _remap(new, mapping)
    return new


def layout_for(prs: Any, layout: Any, partners: dict[str, Any]) -> Any:
    """The person's layout for a slide the fresh deck has on ``layout``: the one their deck
    uses for the slides deckgen had put on it (``partners``, by the fresh layout's name:
    LibreOffice gives each a master of its own), else one of the same name, else the first."""
    if layout.name in partners:
        return partners[layout.name]
    for master in prs.slide_masters:
        for candidate in master.slide_layouts:
            if candidate.name == layout.name:
                return candidate
    return prs.slide_layouts[0]


def insert_slide(prs: Any, slide: Any, after: Any, layout: Any) -> Any:
    """A copy of the fresh deck's ``slide`` on the person's ``layout``, placed after slide
    ``after`` (first if None). Placeholders that ``layout`` does not provide as the fresh
    layout did carry their inherited look along (`deckgen.update.flatten`)."""
    from pptx.opc.packuri import PackURI

    from deckgen.update.flatten import inherits_alike, own_look, pin_theme

    taken = {str(p.partname) for p in prs.part.package.iter_parts()}
    free = next(n for n in range(1, len(taken) + 2) if f"/ppt/slides/slide{n}.xml" not in taken)
    new = prs.slides.add_slide(layout)
    # python-pptx names it after the slide count, which a deleted slide makes a duplicate
    new.part.partname = PackURI(f"/ppt/slides/slide{free}.xml")
    tree = new.shapes._spTree
    for el in list(tree)[2:]:
        tree.remove(el)
    for el in list(slide.shapes._spTree)[2:]:
        if isinstance(el.tag, str) and not inherits_alike(layout, el, slide.slide_layout, el):
            el = own_look(slide, el)
        el = copy_element(el, slide.part, new.part)
        pin_theme(el, slide.slide_layout.slide_master, layout.slide_master)
        tree.append(el)
    bg = slide._element.find(f"{P}cSld/{P}bg")
    if bg is not None:
        new._element.find(f"{P}cSld").insert(0, copy_element(bg, slide.part, new.part))
    if slide.has_notes_slide and new.notes_slide.notes_text_frame is not None:
        tx = new.notes_slide.notes_text_frame._txBody
        for p in tx.findall("{*}p"):
            tx.remove(p)
        for p in slide.notes_slide.notes_text_frame._txBody.findall("{*}p"):
            tx.append(copy.deepcopy(p))
    lst = prs.slides._sldIdLst
    entry = lst[-1]
    lst.remove(entry)
    if after is None:
        lst.insert(0, entry)
    else:
        anchor = next(e for e in lst if e.id == after.slide_id)
        anchor.addnext(entry)
        _join_section(prs, after.slide_id, entry.id)
    return new


def _sections(prs: Any) -> list[Any]:
    return [el for el in prs.part._element.iter() if isinstance(el.tag, str)
            and el.tag.endswith("}sldIdLst") and el.getparent().tag.endswith("}section")]


def _join_section(prs: Any, after_id: int, new_id: int) -> None:
    """A section list must name every slide: the new one joins its predecessor's section."""
    for lst in _sections(prs):
        for entry in lst:
            if entry.get("id") == str(after_id):
                new = copy.deepcopy(entry)
                new.set("id", str(new_id))
                entry.addnext(new)
                return


def remove_slide(prs: Any, slide: Any) -> None:
    """Drop a slide everywhere it is named (slide list, sections), then its relationship."""
    lst = prs.slides._sldIdLst
    entry = next(e for e in lst if e.id == slide.slide_id)
    rid = entry.rId
    lst.remove(entry)
    for sec in _sections(prs):
        for e in list(sec):
            if e.get("id") == str(slide.slide_id):
                sec.remove(e)
    prs.part.drop_rel(rid)


def replace_chart(slide: Any, base_el: Any, fresh_slide: Any, fresh_el: Any) -> None:
    """The fresh chart (data and look as deckgen makes it) into the person's chart frame."""
    old = chart_part(slide.part, base_el)
    new = chart_part(fresh_slide.part, fresh_el)
    if old is None or new is None:
        return
    element = copy.deepcopy(new._element)
    mapping = {}
    for rid, rel in new.rels.items():
        if rel.is_external:
            continue
        mine = next((r for r, o in old.rels.items() if o.reltype == rel.reltype
                     and not o.is_external), None)
        if mine is not None:
            target = old.rels[mine].target_part
            if hasattr(target, "_blob"):
                target._blob = rel.target_part.blob
            mapping[rid] = mine
    _remap(element, mapping)
    for node in list(element.iter(f"{{{C_NS}}}externalData")):
        if node.get(f"{{{NS_R}}}id") not in old.rels:  # no workbook to point at: drop the link
            node.getparent().remove(node)
    old._element = element
