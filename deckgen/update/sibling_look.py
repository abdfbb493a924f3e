"""A slide an update adds takes the alignment its neighbours show in the person's deck.

In a deck LibreOffice saved, every slide sits on a layout of a master LibreOffice made, and
what a paragraph's alignment resolves to there is not what deckgen's layout said: LibreOffice
drops an alignment it took from deckgen's layout (the footer deckgen's layout sets left) and
the master it made centres it. A slide copied in from a fresh build carries deckgen's look
written out (`deckgen.update.flatten`), so its footer would stand left where every neighbour's
stands centred. So each text of the added slide is compared with the same field on a sibling
(a slide of the same kind the person's deck holds): where the alignment a paragraph level
resolves to differs, the sibling's is written on the new paragraphs. `deckgen.update.merge` does
this only where the added slide could not go onto deckgen's own layout: in a deck that kept
deckgen's layouts, a neighbour's alignment may be a person's edit of that one slide.
"""

from __future__ import annotations

from typing import Any

from deckgen.update.fingerprint import A, P
from deckgen.update.flatten import inherited_from
from deckgen.update.identity import SlideRecord
from deckgen.update.matching import Found


def _level(p: Any) -> int:
    ppr = p.find(f"{A}pPr")
    return int(ppr.get("lvl", "0")) if ppr is not None else 0


def _alignment(slide: Any, el: Any, level: int, ppr: Any = None) -> str:
    """What a paragraph of ``level`` in shape ``el`` is aligned to, as PowerPoint resolves it."""
    if ppr is not None and ppr.get("algn"):
        return ppr.get("algn")
    name = f"lvl{level + 1}pPr"
    own = el.find(f"{P}txBody/{A}lstStyle/{A}{name}")
    if own is not None and own.get("algn"):
        return own.get("algn")
    lph, mph, txstyle = inherited_from(slide, el)
    for src in (lph, mph):
        lvl = src.find(f"{P}txBody/{A}lstStyle/{A}{name}") if src is not None else None
        if lvl is not None and lvl.get("algn"):
            return lvl.get("algn")
    lvl = txstyle.find(f"{A}{name}") if txstyle is not None else None
    return lvl.get("algn") if lvl is not None and lvl.get("algn") else "l"


def _sibling_alignment(slide: Any, el: Any, level: int) -> str:
    for p in el.iter(f"{A}p"):
        if _level(p) == level and "".join(p.itertext()).strip():
            return _alignment(slide, el, level, p.find(f"{A}pPr"))
    return _alignment(slide, el, level)


def align_like(slide: Any, el: Any, sibling: Any, sibling_el: Any) -> bool:
    """Give ``el``'s paragraphs the alignment ``sibling_el``'s show; True if any changed."""
    from lxml import etree

    changed = False
    for p in el.iter(f"{A}p"):
        level = _level(p)
        want = _sibling_alignment(sibling, sibling_el, level)
        ppr = p.find(f"{A}pPr")
        if _alignment(slide, el, level, ppr) == want:
            continue
        if ppr is None:
            ppr = etree.Element(f"{A}pPr")
            p.insert(0, ppr)
        ppr.set("algn", want)
        changed = True
    return changed


def take_neighbours_look(slide: Any, fields: dict[str, Any], sibling: Any,
                         sibling_fields: dict[str, Any]) -> None:
    """Every text field of the added ``slide`` aligned like the same field on ``sibling``."""
    for name, el in fields.items():
        other = sibling_fields.get(name)
        if other is None or el.find(f"{P}txBody") is None or other.find(f"{P}txBody") is None:
            continue
        align_like(slide, el, sibling, other)


def sibling_of(prs: Any, found: list[Found], records: dict[str, SlideRecord], role: str,
               slide: Any) -> Found | None:
    """A slide of the same kind on the same layout in the person's deck, nearest before the
    added ``slide`` (else the first after it)."""
    layout = slide.slide_layout
    same = [f for f in found if f.key in records and records[f.key].role == role
            and f.slide.slide_layout is layout]
    if not same:
        return None
    order = {s.slide_id: i for i, s in enumerate(prs.slides)}
    at = order.get(slide.slide_id, 0)
    before = [f for f in same if order.get(f.slide.slide_id, -1) < at]
    return before[-1] if before else same[0]
