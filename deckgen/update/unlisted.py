"""Slides a person's deck holds but does not show, dropped before an update reads the deck.

The usual python-pptx recipe for deleting a slide removes its ``p:sldId`` and nothing else
(some scripts also drop the relationship, most do not): the slide part stays in the package,
related from ``presentation.xml.rels`` but named by no slide list. PowerPoint ignores such a
part; python-pptx, though, renames the listed slides ``slide1.xml`` … ``slideN.xml`` the first
time ``Presentation.slides`` is read, and the leftover keeps its old name, so the next save
writes one name twice (a damaged file) and an update would find the deleted slide's tags.

The rule deckgen follows for such leftovers: a slide no slide list names is dropped, with
what only it used (its notes, its pictures, its tags); section lists lose entries for slides
that are gone. Layouts and masters stay even where no slide uses them: they are part of the
person's template. Parts no relationship reaches at all (media other tools left behind) are
never read by python-pptx, so they are dropped too. Run this before anything reads
``prs.slides``.
"""

from __future__ import annotations

from typing import Any

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def drop_unlisted_slides(prs: Any) -> list[str]:
    """Drop slides no slide list names; return their part names (for the summary)."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    part = prs.part
    root = part._element
    listed = {el.get(_R_ID) for el in root.iter(f"{_P}sldId")}
    dropped = []
    for rid, rel in list(part.rels.items()):
        if rel.is_external or rel.reltype != RT.SLIDE or rid in listed:
            continue
        refs = [el for el in root.iter() if isinstance(el.tag, str) and rid in el.attrib.values()]
        if refs:
            continue  # named elsewhere in presentation.xml (a custom show): not ours to drop
        dropped.append(str(rel.target_part.partname).lstrip("/"))
        part.rels.pop(rid)
    _prune_sections(root)
    return dropped


def _prune_sections(root: Any) -> None:
    """Section lists (``p14:sectionLst``) name slides by id; forget the ids that are gone."""
    ids = {el.get("id") for el in root.iter(f"{_P}sldId")}
    for lst in [el for el in root.iter() if isinstance(el.tag, str)
                and el.tag.endswith("}sldIdLst") and el.getparent() is not None
                and el.getparent().tag.endswith("}section")]:
        for entry in list(lst):
            if entry.get("id") not in ids:
                lst.remove(entry)
