"""Speaker notes: every slide gets a notes page with the plan's notes, in the deck's language."""

from __future__ import annotations

import copy
from typing import Any

from lxml import etree

from deckgen.errors import DeckgenError
from deckgen.typeset.styles import NS

A = "{{{}}}".format(NS["a"])


class NotesWriter:
    """Writes notes pages; after the first, new pages are copies instead of fresh clones."""

    def __init__(self) -> None:
        self._proto: Any = None
        self._count = 0

    def write(self, slide: Any, notes: str, lang: str) -> None:
        tx = _body(self._page(slide)._element)
        if tx is None:
            raise DeckgenError("the template's notes master has no body placeholder")
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
