"""The template's look that only its example slides carry, put on the deck's slides.

Some templates paste their logo, a colour bar or a skyline onto every example slide by hand
instead of drawing it on the master (`deckgen.template.examples` finds such artwork). A deck
built on the bare masters would come out generic, so each slide of the kind the artwork was
on gets a copy, behind its text, marked decorative for screen readers, its pictures linked to
the same image parts. Text keeps clear of it: resolution counts it with the master's logos.
"""

from __future__ import annotations

import copy
from typing import Any

from deckgen.template.examples import Artwork

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_IMAGE_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_DECORATIVE = (
    f'<a:ext xmlns:a="{A[1:-1]}" uri="{{C183D7F6-B498-43B3-948B-1728B52AA6E4}}"><adec:decorative '
    'xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext>'
)


def carry(slide: Any, artwork: tuple[Artwork, ...], master: int, cover: bool,
          next_id: int) -> tuple[list[Any], int]:
    """Copies of the artwork for a slide on ``master`` (``cover``: the title slide), put
    at the back of its shape tree; returns them and the next free shape id."""
    placed = []
    tree = slide.shapes._spTree
    at = 2  # after nvGrpSpPr and grpSpPr: behind everything else
    for art in artwork:
        if art.master != master or (cover and not art.cover):
            continue
        el = copy.deepcopy(art.element)
        for node in el.iter():  # the picture and its SVG original (asvg:svgBlip) both
            old = node.get(f"{R}embed") if isinstance(node.tag, str) else None
            part = dict(art.images).get(old)
            if part is not None:
                node.set(f"{R}embed", slide.part.relate_to(part, _IMAGE_RT))
        text = " ".join(" ".join(t.text or "" for t in el.iter(f"{A}t")).split())
        if text:  # a label ("UNCLASSIFIED"): described, so screen readers say it once
            el = _described_group(el, art.box, text)
        for c_nv in el.iter(f"{P}cNvPr"):
            c_nv.set("id", str(next_id))
            next_id += 1
        if not text:
            _decorative(el)
        tree.insert(at, el)
        at += 1
        placed.append(el)
    return placed, next_id


def _described_group(el: Any, box: Any, text: str) -> Any:
    """The label in a group whose description says it: its text then does not count as
    slide text missing from the outline view, and is still announced."""
    from xml.sax.saxutils import quoteattr

    from pptx.oxml import parse_xml

    group = parse_xml(
        f'<p:grpSp xmlns:p="{P[1:-1]}" xmlns:a="{A[1:-1]}"><p:nvGrpSpPr><p:cNvPr id="0" '
        f'name="Template label" descr={quoteattr(text[:200])}/><p:cNvGrpSpPr/><p:nvPr/>'
        f'</p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="{box.x}" y="{box.y}"/><a:ext '
        f'cx="{box.w}" cy="{box.h}"/><a:chOff x="{box.x}" y="{box.y}"/><a:chExt cx="{box.w}" '
        f'cy="{box.h}"/></a:xfrm></p:grpSpPr></p:grpSp>')
    group.append(el)
    return group


def carry_background(slide: Any, example: Any) -> None:
    """The background the example slides set themselves (``example``: one such slide's
    part), on this slide, its picture linked to the same image part, with the colour map
    the example slide sets."""
    bg = example._element.find(f"{P}cSld/{P}bg")
    if bg is None:
        return
    el = copy.deepcopy(bg)
    for blip in el.iter(f"{A}blip"):
        old = blip.get(f"{R}embed")
        if old and old in example.rels:
            blip.set(f"{R}embed", slide.part.relate_to(example.related_part(old), _IMAGE_RT))
    c_sld = slide._element.find(f"{P}cSld")
    old_bg = c_sld.find(f"{P}bg")
    if old_bg is not None:
        c_sld.remove(old_bg)
    c_sld.insert(0, el)
    # a slide that sets its own colour map (a dark cover: background 1 is the dark colour,
    # text 1 the light one) keeps it with its background; colours are theme references, so
    # text and background swap together and what reads under the master's map still reads
    override = example._element.find(f"{P}clrMapOvr")
    mine = slide._element.find(f"{P}clrMapOvr")
    if override is not None and override.find(f"{A}overrideClrMapping") is not None:
        if mine is not None:
            slide._element.remove(mine)
        slide._element.insert(list(slide._element).index(c_sld) + 1, copy.deepcopy(override))


def _decorative(el: Any) -> None:
    """Marked decorative: screen readers skip it, as they skip the master's own artwork."""
    from pptx.oxml import parse_xml

    c_nv = next(el.iter(f"{P}cNvPr"), None)
    if c_nv is None:
        return
    ext_lst = c_nv.find(f"{A}extLst")
    if ext_lst is None:
        ext_lst = parse_xml(f'<a:extLst xmlns:a="{A[1:-1]}"/>')
        c_nv.append(ext_lst)
    for ext in ext_lst.findall(f"{A}ext"):
        if ext.get("uri") == "{C183D7F6-B498-43B3-948B-1728B52AA6E4}":
            ext_lst.remove(ext)
    ext_lst.append(parse_xml(_DECORATIVE))
