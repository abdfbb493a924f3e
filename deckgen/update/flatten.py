"""Write into a shape what it inherits from its layout and master, so it looks the same where
that inheritance is missing.

deckgen's placeholders say almost nothing themselves: position, sizes, bullets and colours
come from the layout placeholder of the same index and from the master. A deck another
program saved need not have those layouts any more: LibreOffice writes every slide onto a
"Blank Slide" layout of a master of its own and spells each shape's look out on the shape. A
slide or text that an update copies from a fresh build into such a deck would lose its look
(a 96 pt accent numeral becomes 18 pt black, a title falls to the top left). So the copy gets
the fresh deck's inherited list style, body properties and shape properties merged into its
own, child over parent, the way PowerPoint resolves them; theme colours and fonts stay theme
references, so the copy still follows the deck's theme.
"""

from __future__ import annotations

import copy
from typing import Any

from deckgen.ooxml import master_phs, master_placeholder
from deckgen.update.fingerprint import NS_R, A, P

# Children of a paragraph-properties level and of run properties, in schema order; the names in
# one group replace each other (one bullet kind, one fill).
_PPR = (("lnSpc",), ("spcBef",), ("spcAft",), ("buClrTx", "buClr"),
        ("buSzTx", "buSzPct", "buSzPts"), ("buFontTx", "buFont"),
        ("buNone", "buAutoNum", "buChar", "buBlip"), ("tabLst",), ("defRPr",))
_RPR = (("ln",), ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill"),
        ("effectLst", "effectDag"), ("highlight",), ("uLnTx", "uLn"), ("uFillTx", "uFill"),
        ("latin",), ("ea",), ("cs",), ("sym",), ("hlinkClick",), ("hlinkMouseOver",), ("rtl",))
_BODY = (("prstTxWarp",), ("noAutofit", "normAutofit", "spAutoFit"), ("scene3d",),
         ("sp3d", "flatTx"))
_SPPR = (("xfrm",), ("custGeom", "prstGeom"),
         ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill"), ("ln",),
         ("effectLst", "effectDag"), ("scene3d",), ("sp3d",))
_LEVELS = ("defPPr", *(f"lvl{n}pPr" for n in range(1, 10)))
_TITLES = ("title", "ctrTitle", "vertTitle")


def _local(el: Any) -> str:
    return el.tag.rpartition("}")[2] if isinstance(el.tag, str) else ""


def _inheritable(el: Any) -> Any:
    """A copy of a layout's or master's element without what points into that part's own
    relationships (a picture fill, a picture bullet), which the slide cannot resolve."""
    if el is None:
        return None
    out = copy.deepcopy(el)
    for node in [n for n in out.iter() if isinstance(n.tag, str)
                 and any(k.startswith(f"{{{NS_R}}}") for k in n.attrib)]:
        target = node
        while target.getparent() is not None and target.getparent() is not out \
                and _local(target) not in ("blipFill", "buBlip"):
            target = target.getparent()
        if target.getparent() is not None:
            target.getparent().remove(target)
    return out


def _merge(parent: Any, child: Any, groups: tuple[tuple[str, ...], ...]) -> Any:
    """``child`` over ``parent``: attributes and child elements of ``child`` win, group by
    group; a run-properties child is merged in turn. Either may be None."""
    if parent is None:
        return copy.deepcopy(child)
    parent = _inheritable(parent)
    if child is None:
        return parent
    out = copy.deepcopy(child)
    for key, value in parent.attrib.items():
        if key not in out.attrib:
            out.set(key, value)
    slots: dict[str, int] = {name: i for i, group in enumerate(groups) for name in group}
    for el in [c for c in out if _local(c) not in slots]:
        out.remove(el)  # extLst and the like: not inherited across decks
    for el in parent:
        name = _local(el)
        if name not in slots:
            continue
        mine = next((c for c in out if slots.get(_local(c)) == slots[name]), None)
        if mine is not None:
            if name == "defRPr" and _local(mine) == "defRPr":
                out.replace(mine, _merge(el, mine, _RPR))
            continue
        _place(out, copy.deepcopy(el), slots)
    return out


def _place(out: Any, el: Any, slots: dict[str, int]) -> None:
    rank = slots[_local(el)]
    for i, c in enumerate(out):
        if slots.get(_local(c), len(slots)) > rank:
            out.insert(i, el)
            return
    out.append(el)


def _merge_lists(lists: list[Any]) -> Any:
    """One ``a:lstStyle`` from list styles given most specific first."""
    from lxml import etree

    out = etree.Element(f"{A}lstStyle")
    for name in _LEVELS:
        merged = None
        for lst in reversed(lists):
            level = lst.find(f"{A}{name}") if lst is not None else None
            if level is not None:
                merged = _merge(merged, level, _PPR)
        if merged is not None:
            out.append(merged)
    return out


def _ph_key(el: Any) -> tuple[str, str] | None:
    """A placeholder's type and index as the file means them (``obj`` and 0 when left out)."""
    ph = el.find(f"./*/{P}nvPr/{P}ph")
    if ph is None:
        return None
    return ph.get("type", "obj"), ph.get("idx", "0")


def _same_kind(a: str, b: str) -> bool:
    return a == b or (a in _TITLES and b in _TITLES) or {a, b} <= {"obj", "body"}


def layout_placeholder(layout_el: Any, el: Any) -> Any:
    """The layout placeholder a slide shape inherits from: same index, else same type."""
    key = _ph_key(el)
    if key is None:
        return None
    kind, idx = key
    phs = _phs(layout_el)
    if idx != "0":
        found = next((sp for sp, ph in phs if ph.get("idx", "0") == idx), None)
        if found is not None:
            return found
    return next((sp for sp, ph in phs if ph.get("idx", "0") == "0"
                 and _same_kind(ph.get("type", "obj"), kind)), None)


def _phs(part_el: Any) -> list[tuple[Any, Any]]:
    from deckgen.ooxml import ph_elements

    return ph_elements(part_el)


def inherits_alike(base_layout: Any, base_el: Any, fresh_layout: Any, fresh_el: Any) -> bool:
    """``base_el`` on ``base_layout`` inherits what ``fresh_el`` inherits on ``fresh_layout``:
    the same layout (by name) with a placeholder of the same type and index."""
    if base_layout.name != fresh_layout.name or _ph_key(base_el) != _ph_key(fresh_el):
        return False
    return layout_placeholder(base_layout._element, base_el) is not None


def _sources(slide: Any, el: Any) -> tuple[Any, Any, Any]:
    """Layout placeholder, master placeholder and master text style ``el`` inherits from."""
    key = _ph_key(el)
    layout = slide.slide_layout
    master = layout.slide_master._element
    lph = layout_placeholder(layout._element, el)
    kind = key[0] if key else "body"
    if lph is not None:
        kind = (_ph_key(lph) or (kind, ""))[0]
    mph = master_placeholder(master_phs(master), kind)
    style = "titleStyle" if kind in _TITLES else (
        "otherStyle" if kind in ("dt", "ftr", "sldNum") else "bodyStyle")
    return lph, mph, master.find(f"{P}txStyles/{P}{style}")


def inherited_from(slide: Any, el: Any) -> tuple[Any, Any, Any]:
    """Layout placeholder, master placeholder and master text style ``el`` of ``slide``
    inherits its look from (any may be None)."""
    return _sources(slide, el)


def own_look(slide: Any, el: Any) -> Any:
    """A copy of placeholder shape ``el`` of ``slide`` that carries its inherited look."""
    out = copy.deepcopy(el)
    if _ph_key(el) is None:
        return out
    lph, mph, txstyle = _sources(slide, el)
    chain = [x for x in (lph, mph) if x is not None]
    sppr = out.find(f"{P}spPr")
    if sppr is not None:
        merged = None
        for src in reversed(chain):
            merged = _merge(merged, src.find(f"{P}spPr"), _SPPR)
        out.replace(sppr, _merge(merged, sppr, _SPPR))
    body = out.find(f"{P}txBody")
    if body is not None:
        restyle(body, slide, el)
    return out


def restyle(body: Any, slide: Any, el: Any) -> None:
    """Merge what text body ``body`` of placeholder ``el`` inherits into its own list style
    and body properties (``body`` may be a copy of ``el``'s own)."""
    lph, mph, txstyle = _sources(slide, el)
    chain = [x for x in (lph, mph) if x is not None]
    lists = [body.find(f"{A}lstStyle")]
    lists += [src.find(f"{P}txBody/{A}lstStyle") for src in chain]
    lists.append(txstyle)
    bpr = None
    for src in reversed(chain):
        bpr = _merge(bpr, src.find(f"{P}txBody/{A}bodyPr"), _BODY)
    own = body.find(f"{A}bodyPr")
    merged_bpr = _merge(bpr, own, _BODY)
    if merged_bpr is not None:
        if own is not None:
            body.replace(own, merged_bpr)
        else:
            body.insert(0, merged_bpr)
    lst = _merge_lists(lists)
    old = body.find(f"{A}lstStyle")
    if old is not None:
        body.replace(old, lst)
    else:
        body.find(f"{A}bodyPr").addnext(lst)


def own_body(mine: Any, fresh_el: Any) -> Any:
    """The person's body properties (``mine``) with those deckgen's fresh shape sets itself
    over them: the box keeps its look, deckgen's fitting settings still apply."""
    return _merge(mine, fresh_el.find(f"{P}txBody/{A}bodyPr"), _BODY)


def pin_theme(el: Any, fresh_master: Any, base_master: Any) -> None:
    """Write the fresh deck's theme fonts and colours into ``el`` where the person's deck
    resolves the same reference to another value.

    LibreOffice saves a theme of its own (Arial for both theme fonts, sometimes its own
    colour map) and spells the real fonts and colours out on every run, so ``+mn-lt`` copied
    into such a deck would turn a Calibri text into Arial. Where both decks agree, which is
    every deck PowerPoint or deckgen saved, the references stay as they are.
    """
    from deckgen.typeset.styles import theme_colors, theme_fonts

    if fresh_master is base_master:
        return
    fonts, theirs = theme_fonts(fresh_master), theme_fonts(base_master)
    for node in el.iter(f"{A}latin"):
        face = node.get("typeface", "")
        if face in fonts and fonts[face] != theirs.get(face):
            node.set("typeface", fonts[face])
    colours, their_colours = theme_colors(fresh_master), theme_colors(base_master)
    for node in list(el.iter(f"{A}schemeClr")):
        name = node.get("val", "")
        if name != "phClr" and name in colours and colours[name] != their_colours.get(name):
            node.tag = f"{A}srgbClr"
            node.set("val", colours[name][1:])
