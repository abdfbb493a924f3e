"""The effective text style of a placeholder, following PowerPoint's inheritance chain.

Fitting text needs the size, font, spacing and margins the text will really get: the layout
placeholder's list style, then the master placeholder of the same type, then the master's
``txStyles``, then the presentation default. Only what fitting needs is resolved.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from lxml import etree

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
}
A = "{{{}}}".format(NS["a"])


@dataclass(frozen=True)
class LevelStyle:
    """How one paragraph level of a box is set: size, font, spacing, indent, bullet."""

    size: int  # hundredths of a point
    bold: bool
    font: str  # theme token (+mj-lt/+mn-lt) or a face name
    line_pct: float  # line spacing as a fraction (1.0 = single); 0 when given in points
    line_pts: float
    before_pct: float
    before_pts: float
    after_pct: float
    after_pts: float
    mar_l: int  # EMU
    indent: int
    bullet: bool
    from_runs: bool = False  # size only known from the layout's sample text: write it out
    color: Any = None  # the inherited DrawingML colour element of the text (None: tx1)
    align: str = "l"  # l, ctr, r, just…: where a narrower box would move the text
    char: str = ""  # the bullet character, where the template gives one
    caps: bool = False  # set in capitals (``cap="all"``/``"small"``): measured so
    tracking: int = 0  # character spacing (``spc``), hundredths of a point per character
    # deckgen sets this level's size, indent and marker itself (`deckgen.deck.paragraphs`):
    # its size is written on the runs, as the placeholder would pass on the template's
    own: bool = False


@dataclass(frozen=True)
class BoxStyle:
    """A text box's insets and per-level styles, as measuring needs them."""

    insets: tuple[int, int, int, int]  # l, t, r, b in EMU
    levels: tuple[LevelStyle, ...]
    wrap: bool
    anchor: str = "t"  # t, ctr, b: the side a box can lose height on without moving its text


@functools.lru_cache(maxsize=256)
def _q(path: str) -> str:
    """``a:defRPr/a:latin`` in Clark notation: lxml caches compiled paths only for those,
    and styles are looked up thousands of times per deck."""
    steps = []
    for step in path.split("/"):
        prefix, _, name = step.rpartition(":")
        steps.append("{" + NS[prefix] + "}" + name if prefix else step)
    return "/".join(steps)


def _lvl(lst: Any, level: int) -> Any:
    if lst is None:
        return None
    return lst.find(_q(f"a:lvl{level + 1}pPr"))


def _chain(sources: list[Any], level: int) -> list[Any]:
    out = []
    for lst in sources:
        el = _lvl(lst, level)
        if el is not None:
            out.append(el)
        if lst is not None:
            d = lst.find(_q("a:defPPr"))
            if d is not None:
                out.append(d)
    return out


def _first(chain: list[Any], fn: Any, default: Any) -> Any:
    for el in chain:
        value = fn(el)
        if value is not None:
            return value
    return default


def _attr_int(path: str, attr: str):
    def get(el: Any) -> int | None:
        node = el.find(_q(path)) if path else el
        if node is None or node.get(attr) is None:
            return None
        try:
            return int(node.get(attr))
        except ValueError:
            return None

    return get


def _bullet(el: Any) -> bool | None:
    if el.find(_q("a:buNone")) is not None:
        return False
    if el.find(_q("a:buChar")) is not None or el.find(_q("a:buAutoNum")) is not None:
        return True
    return None


def _char(el: Any) -> str | None:
    char = el.find(_q("a:buChar"))
    return char.get("char") if char is not None else None


def _caps(el: Any) -> str | None:
    rpr = el.find(_q("a:defRPr"))
    return rpr.get("cap") if rpr is not None else None


def _font(el: Any) -> str | None:
    latin = el.find(_q("a:defRPr/a:latin"))
    return latin.get("typeface") if latin is not None else None


def _bold(el: Any) -> bool | None:
    rpr = el.find(_q("a:defRPr"))
    if rpr is None or rpr.get("b") is None:
        return None
    return rpr.get("b") in ("1", "true")


def _color(el: Any) -> Any:
    fill = el.find(_q("a:defRPr/a:solidFill"))
    return fill[0] if fill is not None and len(fill) else None


def _sample_run(ph_el: Any | None, level: int = 0) -> Any:
    """The run properties of a placeholder's sample text at ``level`` (its first paragraph
    when none is of that level): LibreOffice keeps a template's styles there, not in list
    styles."""
    if ph_el is None:
        return None
    paras = ph_el.findall(_q("p:txBody/a:p"))
    for para in (*(p for p in paras if _para_level(p) == level), *paras):
        for path in ("a:r/a:rPr", "a:endParaRPr"):
            el = para.find(_q(path))
            if el is not None and el.get("sz"):
                return el
    return None


def _para_level(p: Any) -> int:
    ppr = p.find(_q("a:pPr"))
    value = ppr.get("lvl") if ppr is not None else None
    return int(value) if value and value.isdigit() else 0


def _spacing(chain: list[Any], tag: str, default_pct: int) -> tuple[float, float]:
    """A spacing (line, before or after) as ``(fraction, points)``, from the most specific
    style that sets it at all: a layout's "single" (a percentage) replaces the master's
    fixed 24 pt, it does not sit beside it (a 36 pt title measured on 24 pt lines overflows)."""
    for el in chain:
        node = el.find(_q(tag))
        if node is None or not len(node):
            continue
        number = _attr_int("", "val")(node[0])
        if number is None:
            continue
        if node[0].tag == _q("a:spcPct"):
            return number / 100000, 0.0
        return (default_pct / 100000 if tag == "a:lnSpc" else 0.0), number / 100
    return default_pct / 100000, 0.0


def level_style(sources: list[Any], level: int, title: bool, sample: Any = None,
                defaults_last: bool = False) -> LevelStyle:
    """A level's style from list styles given most specific first.

    Where the list styles give no size at all, the template keeps its look in its sample
    text (LibreOffice does): then size, typeface, colour and boldness come from the sample
    run, and ``from_runs`` tells the writer to spell them out on the runs, as neither
    PowerPoint nor LibreOffice passes a sample's look on to a slide.
    """
    chain = _chain(sources, level)
    # the presentation's default text style (18 pt black, written by every program) is no
    # style of the template's own: where only it gives a size, the sample text speaks first
    own = _chain(sources[:-1], level) if defaults_last else chain
    size = _first(own, _attr_int("a:defRPr", "sz"), None)
    font = _first(chain, _font, None)
    bold = _first(own, _bold, None)
    colour = _first(own, _color, None)
    from_runs = False
    if size is None and sample is None:
        size = _first(chain, _attr_int("a:defRPr", "sz"), None)
        bold = _first(chain, _bold, None) if bold is None else bold
        colour = _first(chain, _color, None) if colour is None else colour
    if size is None and sample is not None:
        size, from_runs = int(sample.get("sz")), True
        latin = sample.find(_q("a:latin"))
        if font is None and latin is not None:
            font = latin.get("typeface")
        if bold is None and sample.get("b") is not None:
            bold = sample.get("b") in ("1", "true")
        fill = sample.find(_q("a:solidFill"))
        if colour is None and fill is not None and len(fill):
            colour = fill[0]
    line_pct, line_pts = _spacing(chain, "a:lnSpc", 100000)
    before_pct, before_pts = _spacing(chain, "a:spcBef", 0)
    after_pct, after_pts = _spacing(chain, "a:spcAft", 0)
    return LevelStyle(
        size=size or 1800,
        bold=bool(bold),
        font=font or ("+mj-lt" if title else "+mn-lt"),
        line_pct=line_pct,
        line_pts=line_pts,
        before_pct=before_pct,
        before_pts=before_pts,
        after_pct=after_pct,
        after_pts=after_pts,
        mar_l=_first(chain, _attr_int("", "marL"), 0),
        indent=_first(chain, _attr_int("", "indent"), 0),
        bullet=_first(chain, _bullet, False),
        from_runs=from_runs,
        color=colour,
        align=_first(chain, lambda el: el.get("algn"), "l"),
        char=_first(chain, _char, ""),
        caps=_first(chain, _caps, "none") != "none",
        tracking=_first(chain, _attr_int("a:defRPr", "spc"), 0),
    )


def box_style(layout: Any, ph_el: Any | None, kind: str) -> BoxStyle:
    """Style for a layout placeholder (``ph_el``) of ``kind``; ``None`` means a drawn text box."""
    from deckgen.ooxml import master_phs, master_placeholder

    master = layout.slide_master._element
    prs_el = layout.part.package.presentation_part._element
    title = kind == "title"
    lists: list[Any] = []
    bodies: list[Any] = []
    mph = None
    if ph_el is not None:
        lists.append(ph_el.find(_q("p:txBody/a:lstStyle")))
        bodies.append(ph_el.find(_q("p:txBody/a:bodyPr")))
        mph = master_placeholder(master_phs(master), kind)
        if mph is not None:
            lists.append(mph.find(_q("p:txBody/a:lstStyle")))
            bodies.append(mph.find(_q("p:txBody/a:bodyPr")))
        style = "p:titleStyle" if title else (
            "p:otherStyle" if kind in ("dt", "ftr", "sldNum") else "p:bodyStyle")
    else:
        # A drawn box stands in for a placeholder: it takes the master's title or body look
        # (the writer spells it out on the runs, as a text box itself inherits none of it).
        style = "p:titleStyle" if title else "p:bodyStyle"
    lists.append(master.find(_q(f"p:txStyles/{style}")))
    lists.append(prs_el.find(_q("p:defaultTextStyle")))
    insets = []
    for attr, default in (("lIns", 91440), ("tIns", 45720), ("rIns", 91440), ("bIns", 45720)):
        insets.append(_first([b for b in bodies if b is not None], _attr_int("", attr), default))
    wrap = _first(
        [b for b in bodies if b is not None],
        lambda b: None if b.get("wrap") is None else b.get("wrap") != "none",
        True,
    )
    anchor = _first([b for b in bodies if b is not None], lambda b: b.get("anchor"), "t")

    def sample(level: int) -> Any:
        found = _sample_run(ph_el, level)
        return found if found is not None else _sample_run(mph, level)

    levels = tuple(level_style(lists, lv, title, sample(lv), defaults_last=True)
                   for lv in range(3))
    return BoxStyle(insets=tuple(insets), levels=levels, wrap=wrap, anchor=anchor)


def theme_fonts(master: Any) -> dict[str, str]:
    """``+mj-lt``/``+mn-lt`` → face names from the master's theme."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    fonts = {"+mj-lt": "Calibri", "+mn-lt": "Calibri"}
    try:
        theme = master.part.part_related_by(RT.THEME)
        root = etree.fromstring(theme.blob)
    except Exception:  # noqa: BLE001 - a theme-less master still renders with defaults
        return fonts
    for token, path in (("+mj-lt", "majorFont"), ("+mn-lt", "minorFont")):
        el = root.find(_q(f".//a:fontScheme/a:{path}/a:latin"))
        if el is not None and el.get("typeface"):
            fonts[token] = el.get("typeface")
    return fonts


def layout_colour_map(layout: Any) -> Any:
    """The colour map a layout sets over its master's (``p:clrMapOvr/a:overrideClrMapping``),
    or None where it keeps the master's."""
    if layout is None:
        return None
    return layout._element.find(_q("p:clrMapOvr/a:overrideClrMapping"))


def theme_colors(master: Any, layout: Any = None) -> dict[str, str]:
    """Slide-level colour names (tx1, bg1, accent1 …) → ``#RRGGBB`` through the master's map,
    or the map a ``layout`` overrides it with (a dark section layout maps bg1 to dk1: its
    slides' "background 1" text is dark grey there, not white)."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    scheme: dict[str, str] = {}
    try:
        root = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
    except Exception:  # noqa: BLE001
        root = None
    if root is not None:
        clr = root.find(_q(".//a:clrScheme"))
        for slot in clr if clr is not None else []:
            child = slot[0] if len(slot) else None
            if child is None:
                continue
            val = child.get("lastClr") or child.get("val") or ""
            if len(val) == 6:
                scheme[etree.QName(slot).localname] = "#" + val.upper()
    scheme.setdefault("dk1", "#000000")
    scheme.setdefault("lt1", "#FFFFFF")
    cmap = master._element.find(_q("p:clrMap"))
    override = layout_colour_map(layout)
    if override is not None:
        cmap = override
    mapping = {"tx1": "dk1", "bg1": "lt1", "tx2": "dk2", "bg2": "lt2"}
    if cmap is not None:
        mapping = {k: cmap.get(k, v) for k, v in mapping.items()}
    out = {name: scheme.get(slot, scheme["dk1" if name.startswith("tx") else "lt1"])
           for name, slot in mapping.items()}
    for n in range(1, 7):
        out[f"accent{n}"] = scheme.get(f"accent{n}", "#4472C4")
    for slot in ("dk1", "lt1", "dk2", "lt2", "hlink", "folHlink"):
        out[slot] = scheme.get(slot, out["tx1" if slot.startswith("dk") else "bg1"])
    out["phClr"] = out["tx1"]
    return out
