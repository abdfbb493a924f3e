"""Speaker notes: every slide gets a notes page with the plan's notes, in the deck's language."""

from __future__ import annotations

import copy
from typing import Any

from lxml import etree

from deckgen.typeset.styles import NS

A = "{{{}}}".format(NS["a"])


class NotesWriter:
    """Writes notes pages; after the first, new pages are copies instead of fresh clones."""

    def __init__(self) -> None:
        self._proto: Any = None
        self._count = 0

    def write(self, slide: Any, notes: str, lang: str) -> None:
        page = self._page(slide)
        tx = _body(page._element)
        if tx is None:  # a notes master without a notes box (seen in exported templates)
            tx = _add_body(page)
        for p in tx.findall(f"{A}p"):
            tx.remove(p)
        for line in notes.split("\n"):
            p = etree.SubElement(tx, f"{A}p")
            r = etree.SubElement(p, f"{A}r")
            etree.SubElement(r, f"{A}rPr", lang=lang, dirty="0")
            etree.SubElement(r, f"{A}t").text = line

    def _page(self, slide: Any) -> Any:
        """The slide's notes page; new ones are copies of the first, still empty, one.

        python-pptx clones the notes master's placeholders for every notes page, which is
        most of the cost of a slide; the result is the same for every slide of a deck.
        """
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT
        from pptx.parts.slide import NotesSlidePart

        part = slide.part
        if any(r.reltype == RT.NOTES_SLIDE for r in part.rels.values()):
            return slide.notes_slide  # a slide being refilled already has its notes page
        if self._proto is None:
            notes = slide.notes_slide
            self._proto = copy.deepcopy(notes._element)
            self._count = int(notes.part.partname.idx)
            return notes
        from pptx.opc.constants import CONTENT_TYPE as CT
        from pptx.opc.packuri import PackURI

        package = part.package
        master_part = package.presentation_part.notes_master_part
        # Notes pages are added in slide order to a deck without others (example slides were
        # dropped with theirs), so the next free name is known without walking the package.
        self._count += 1
        name = PackURI(f"/ppt/notesSlides/notesSlide{self._count}.xml")
        notes_part = NotesSlidePart(name, CT.PML_NOTES_SLIDE, package,
                                    copy.deepcopy(self._proto))
        notes_part.relate_to(master_part, RT.NOTES_MASTER)
        notes_part.relate_to(part, RT.SLIDE)
        part.relate_to(notes_part, RT.NOTES_SLIDE)
        return slide.notes_slide



def _body(notes_el: Any) -> Any:
    """The text body of the notes page's body placeholder (python-pptx's
    ``notes_text_frame``, found straight in the XML: it is asked once per slide)."""
    p = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
    for sp in notes_el.iter(f"{p}sp"):
        ph = sp.find(f"{p}nvSpPr/{p}nvPr/{p}ph")
        if ph is not None and ph.get("type") == "body":
            return sp.get_or_add_txBody()
    return None


def _add_body(page: Any) -> Any:
    """A notes box of the page's own, in the lower half of the notes page, where
    PowerPoint's notes master puts it; PowerPoint shows such a box as the notes."""
    from pptx.oxml import parse_xml

    prs_el = page.part.package.presentation_part._element
    size = prs_el.find(f"{{{NS['p']}}}notesSz")
    w, h = (int(size.get("cx")), int(size.get("cy"))) if size is not None else (6858000, 9144000)
    tree = page._element.find(f"{{{NS['p']}}}cSld/{{{NS['p']}}}spTree")
    ids = [int(el.get("id") or 0) for el in tree.iter(f"{{{NS['p']}}}cNvPr")]
    sp = parse_xml(
        f'<p:sp xmlns:a="{NS["a"]}" xmlns:p="{NS["p"]}"><p:nvSpPr>'
        f'<p:cNvPr id="{max(ids, default=1) + 1}" name="Notes Placeholder"/><p:cNvSpPr>'
        '<a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr>'
        f'</p:nvSpPr><p:spPr><a:xfrm><a:off x="{w // 10}" y="{h // 2}"/><a:ext cx="{w * 8 // 10}"'
        f' cy="{h * 4 // 10}"/></a:xfrm></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p/>'
        '</p:txBody></p:sp>')
    tree.append(sp)
    return sp.find(f"{A}txBody".replace(A, f"{{{NS['p']}}}"))
