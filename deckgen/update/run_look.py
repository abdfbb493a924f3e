"""The look a text had, carried onto the fresh text that replaces it in an update.

A text deckgen refreshes gets the new words in deckgen's runs, which inherit their colour and
typeface from the layout. That inheritance is not always what the person's deck shows:
LibreOffice, saving, writes the colour it rendered onto every run and may rewrite the masters
so that the inherited colour is another (white text on a dark master became black), and a
person may have recoloured or re-set a whole text without changing a word (which leaves the
text "untouched"). Where every run of the old text carries the same colour or typeface, and
the fresh run says nothing of its own, the fresh run takes it: the text looks as it did, and a
colour deckgen chose for contrast (written on the fresh run) still wins. Sizes are not carried:
the fresh text was fitted at its own sizes.
"""

from __future__ import annotations

import copy
from typing import Any

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_FILLS = tuple(f"{A}{t}" for t in ("noFill", "solidFill", "gradFill", "blipFill", "pattFill",
                                   "grpFill"))
# CT_TextCharacterProperties: what may come before a fill, and before a latin typeface
_BEFORE_FILL = (f"{A}ln",)
_BEFORE_LATIN = (*_BEFORE_FILL, *_FILLS, f"{A}effectLst", f"{A}effectDag", f"{A}highlight",
                 f"{A}uLnTx", f"{A}uLn", f"{A}uFillTx", f"{A}uFill")


def carry_look(old_body: Any, new_body: Any) -> None:
    """Give ``new_body``'s runs the fill and typeface every run of ``old_body`` shared."""
    runs = [r for r in old_body.iter(f"{A}r") if "".join(r.itertext()).strip()]
    if not runs:
        return
    fill = _shared(runs, lambda rpr: next((c for c in rpr if c.tag in _FILLS), None))
    latin = _shared(runs, lambda rpr: rpr.find(f"{A}latin"))
    if fill is None and latin is None:
        return
    for rpr in _run_properties(new_body):
        if fill is not None and not any(c.tag in _FILLS for c in rpr):
            _insert(rpr, copy.deepcopy(fill), _BEFORE_FILL)
        if latin is not None and rpr.find(f"{A}latin") is None:
            _insert(rpr, copy.deepcopy(latin), _BEFORE_LATIN)


def _shared(runs: list[Any], pick: Any) -> Any:
    """The element ``pick`` finds in every run's properties, if it is the same in all."""
    found = None
    for run in runs:
        rpr = run.find(f"{A}rPr")
        el = pick(rpr) if rpr is not None else None
        if el is None:
            return None
        if found is None:
            found = el
        elif _xml(el) != _xml(found):
            return None
    return found


def _xml(el: Any) -> bytes:
    from lxml import etree

    return etree.tostring(el, method="c14n")


def _run_properties(body: Any) -> list[Any]:
    """Every run's (and field's, and paragraph end's) properties, made where missing."""
    from lxml import etree

    out = []
    for p in body.iter(f"{A}p"):
        for child in p:
            if child.tag in (f"{A}r", f"{A}fld"):
                rpr = child.find(f"{A}rPr")
                if rpr is None:
                    rpr = etree.Element(f"{A}rPr")
                    child.insert(0, rpr)  # first in a:r and in a:fld
                out.append(rpr)
            elif child.tag == f"{A}endParaRPr":
                out.append(child)
    return out


def _insert(rpr: Any, el: Any, before: tuple[str, ...]) -> None:
    """Put ``el`` after the children the schema orders before it."""
    index = 0
    for i, child in enumerate(rpr):
        if child.tag in before:
            index = i + 1
    rpr.insert(index, el)
