"""Remove a template's example slides without leaving anything behind.

A slide is referenced from the slide list, a relationship of the presentation part, section
lists (``p14:sectionLst``) and custom shows. Leaving any of these dangling makes PowerPoint
offer to repair the file; dropping the relationship makes the slide and its notes part
unreachable, so python-pptx does not write them. A slide related but not listed (a second
relationship to a listed slide, as some exports write) is dropped too: kept, it would be
written beside the deck's own first slide under the same part name.
"""

from __future__ import annotations

from typing import Any

_SLIDE_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def remove_slides(prs: Any) -> int:
    pres = prs.part._element
    sld_id_lst = pres.find("{http://schemas.openxmlformats.org/presentationml/2006/main}sldIdLst")
    if sld_id_lst is None:
        return 0
    removed = 0
    for sld_id in list(sld_id_lst):
        rid = sld_id.get(_R)
        sld_id_lst.remove(sld_id)
        if rid and rid in prs.part.rels:
            prs.part.rels.pop(rid)
        removed += 1
    for rid, rel in list(prs.part.rels.items()):
        if rel.reltype == _SLIDE_RT:
            prs.part.rels.pop(rid)
    for el in list(pres.iter()):
        local = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        if local in ("sectionLst", "custShowLst"):
            parent = el.getparent()
            parent.remove(el)
            if local == "sectionLst" and parent.tag.endswith("}ext") and not len(parent):
                parent.getparent().remove(parent)
    return removed
