"""Paragraph XML for a text body: list marks, sizes, breaks, links and language.

Runs carry the content's language (spell-check), an explicit size only where the deck's type
scale differs from what the placeholder inherits, no-break spaces inside names, figures and
dates, and a URL that must break gets an explicit line break after a ``/`` or ``.`` with the
link on both halves (no soft hyphens or invisible characters in it).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from lxml import etree
from pptx.oxml import parse_xml

from deckgen.pitch.plan import Para
from deckgen.typeset.breaks import insert_soft_hyphens, keep_together, release
from deckgen.typeset.styles import NS, BoxStyle, LevelStyle

A = "{{{}}}".format(NS["a"])
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_BULLET = "<a:buFont typeface=\"Arial\"/><a:buChar char=\"•\"/>"
# Office 2019+: draw the link in the run's colour, not the theme's hlink colour.
_LINK_OWN_COLOUR = (
    f'<a:extLst xmlns:a="{NS["a"]}"><a:ext uri="{{A12FA001-AC4F-418D-AE19-62706E023703}}">'
    '<ahyp:hlinkClr xmlns:ahyp="http://schemas.microsoft.com/office/drawing/2018/hyperlinkcolor"'
    ' val="tx"/></a:ext></a:extLst>'
)
HLINK_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def write_paragraphs(tx: Any, paras: Iterable[Para], sizes: list[int | None], *,
                     list_style: str, style: BoxStyle, lang: str, hyph: frozenset[str],
                     url_lines: dict[str, tuple[str, ...]], keep: tuple[str, ...],
                     link_rid: Any, released: frozenset[str] = frozenset(),
                     fill: str | None = None, link_fill: str | None = None,
                     space_before: dict[int, int] | None = None, font: str | None = None,
                     bold: bool = False) -> None:
    """Replace the paragraphs of ``tx`` (an ``a:txBody``).

    ``link_rid(url)`` gives the relationship id of an external link; ``fill`` is an optional
    ``a:solidFill`` XML for every run (a colour chosen for contrast or emphasis), and
    ``link_fill`` for linked runs (see `deckgen.deck.legibility` on link colours);
    ``space_before`` maps paragraph index to spacing in hundredths of a point.
    """
    for p in tx.findall(f"{A}p"):
        tx.remove(p)
    for i, (para, size) in enumerate(zip(paras, sizes)):
        p = etree.SubElement(tx, f"{A}p")
        ppr = _ppr(list_style, para.level, style.levels[min(para.level, 2)])
        if space_before and i in space_before:
            if ppr is None:
                ppr = parse_xml(f'<a:pPr xmlns:a="{NS["a"]}"/>')
            spc = parse_xml(f'<a:spcBef xmlns:a="{NS["a"]}"><a:spcPts val="{space_before[i]}"/>'
                            '</a:spcBef>')
            ppr.insert(0, spc)
        if ppr is not None:
            p.append(ppr)
        for run in para.all_runs():
            text = insert_soft_hyphens(release(keep_together(run.text, keep), released), hyph,
                                       lang)
            rid = link_rid(run.url) if run.url else None
            look = (link_fill or fill) if rid else fill
            for j, line in enumerate(_lines(text, url_lines)):
                if j:
                    br = etree.SubElement(p, f"{A}br")
                    _rpr(br, lang, size, look, None)
                if not line:
                    continue
                r = etree.SubElement(p, f"{A}r")
                _rpr(r, lang, size, look, rid, bool(link_fill), run.bold or bold, run.italic,
                     font)
                etree.SubElement(r, f"{A}t").text = line
        end = etree.SubElement(p, f"{A}endParaRPr", lang=lang, dirty="0")
        if size is not None:
            end.set("sz", str(size))


def _rpr(parent: Any, lang: str, size: int | None, fill: str | None, rid: str | None,
         own_colour: bool = False, bold: bool = False, italic: bool = False,
         font: str | None = None) -> None:
    rpr = etree.SubElement(parent, f"{A}rPr", lang=lang, dirty="0")
    if size is not None:
        rpr.set("sz", str(size))
    if bold:
        rpr.set("b", "1")
    if italic:
        rpr.set("i", "1")
    if fill:
        rpr.append(parse_xml(fill))
    if font:
        etree.SubElement(rpr, f"{A}latin", typeface=font)
    if rid:
        link = etree.SubElement(rpr, f"{A}hlinkClick")
        link.set(R_ID, rid)
        if own_colour:
            link.append(parse_xml(_LINK_OWN_COLOUR))


def _lines(text: str, url_lines: dict[str, tuple[str, ...]]) -> list[str]:
    """The run's text cut at its own line breaks and where a too-long URL must break."""
    out: list[str] = []
    for line in text.split("\n"):
        out.extend(_cut_urls(line, url_lines))
    return out


def _cut_urls(text: str, url_lines: dict[str, tuple[str, ...]]) -> list[str]:
    """The text as lines separated by the explicit breaks a too-long URL needs."""
    out = [""]
    for i, word in enumerate(text.split(" ")):
        sep = " " if i else ""
        pieces = url_lines.get(word)
        if not pieces:
            out[-1] += sep + word
            continue
        out[-1] += sep + pieces[0]
        out.extend(pieces[1:])
    return out


def _ppr(list_style: str, level: int, lv: LevelStyle) -> Any:
    attrs = f' lvl="{level}"' if level else ""
    if list_style == "none":
        return parse_xml(
            f'<a:pPr xmlns:a="{NS["a"]}" marL="0" indent="0"{attrs}><a:buNone/></a:pPr>'
        )
    if list_style == "number":
        mar = number_margin(lv)
        return parse_xml(
            f'<a:pPr xmlns:a="{NS["a"]}" marL="{mar}" indent="-{mar}"{attrs}>'
            '<a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod"/></a:pPr>'
        )
    if not lv.bullet:
        mar = lv.mar_l if lv.mar_l >= 228600 else 285750
        return parse_xml(
            f'<a:pPr xmlns:a="{NS["a"]}" marL="{mar}" indent="-{mar}"{attrs}>{_BULLET}</a:pPr>'
        )
    return parse_xml(f'<a:pPr xmlns:a="{NS["a"]}"{attrs}/>') if level else None


def number_margin(lv: LevelStyle) -> int:
    """Room for "6." plus a clear gap at the level's size, never less than the template's."""
    return max(lv.mar_l, int(lv.size / 100 * 1.8 * 12700))


def list_adjusted(style: BoxStyle, list_style: str) -> BoxStyle:
    """The style the text will really get once our paragraph properties are applied."""
    levels = []
    for lv in style.levels:
        if list_style == "none":
            lv = replace_level(lv, mar_l=0, indent=0, bullet=False)
        elif list_style == "number":
            mar = number_margin(lv)
            lv = replace_level(lv, mar_l=mar, indent=-mar, bullet=True)
        elif not lv.bullet:
            mar = lv.mar_l if lv.mar_l >= 228600 else 285750
            lv = replace_level(lv, mar_l=mar, indent=-mar, bullet=True)
        levels.append(lv)
    return dataclasses.replace(style, levels=tuple(levels))


def replace_level(lv: LevelStyle, **changes: Any) -> LevelStyle:
    return LevelStyle(**{**lv.__dict__, **changes})
