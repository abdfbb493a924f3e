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
                     bold: bool = False, right: dict[int, int] | None = None,
                     caps: bool | None = None) -> None:
    """Replace the paragraphs of ``tx`` (an ``a:txBody``).

    ``link_rid(url)`` gives the relationship id of an external link; ``fill`` is an optional
    ``a:solidFill`` XML for every run (a colour chosen for contrast or emphasis), and
    ``link_fill`` for linked runs (see `deckgen.deck.legibility` on link colours);
    ``space_before`` maps paragraph index to spacing in hundredths of a point; ``right`` to
    a right margin in EMU (`deckgen.typeset.balance`: even lines); ``caps`` spells out
    whether the runs are set in capitals (a drawn box inherits the master's, which may be a
    label's).
    """
    for p in tx.findall(f"{A}p"):
        tx.remove(p)
    # a sub-level deckgen sets apart itself is known from the levels as adjusted
    sub_levels = list_adjusted(style, list_style) if list_style.startswith("bullet") else style
    for i, (para, size) in enumerate(zip(paras, sizes)):
        p = etree.SubElement(tx, f"{A}p")
        lvl = min(para.level, 2)
        ppr = _ppr(list_style, para.level, style.levels[lvl], first=not i,
                   set_apart=sub_levels.levels[lvl], size=size)
        if space_before and i in space_before:
            if ppr is None:
                ppr = parse_xml(f'<a:pPr xmlns:a="{NS["a"]}"/>')
            for old in ppr.findall(f"{A}spcBef"):
                ppr.remove(old)
            spc = parse_xml(f'<a:spcBef xmlns:a="{NS["a"]}"><a:spcPts val="{space_before[i]}"/>'
                            '</a:spcBef>')
            ppr.insert(1 if ppr.find(f"{A}lnSpc") is not None else 0, spc)
        if right and i in right:
            if ppr is None:
                ppr = parse_xml(f'<a:pPr xmlns:a="{NS["a"]}"/>')
            _narrow(ppr, right[i], style.levels[lvl].align)
        elif right:  # LibreOffice carries a paragraph's margins on to the next ones that
            # set none ("geben" was left alone under an evened bullet): they set theirs
            if ppr is None:
                ppr = parse_xml(f'<a:pPr xmlns:a="{NS["a"]}"/>')
            _unnarrowed(ppr, style.levels[lvl])
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
                     font, caps)
                etree.SubElement(r, f"{A}t").text = line
        end = etree.SubElement(p, f"{A}endParaRPr", lang=lang, dirty="0")
        if size is not None:
            end.set("sz", str(size))


def _rpr(parent: Any, lang: str, size: int | None, fill: str | None, rid: str | None,
         own_colour: bool = False, bold: bool = False, italic: bool = False,
         font: str | None = None, caps: bool | None = None) -> None:
    rpr = etree.SubElement(parent, f"{A}rPr", lang=lang, dirty="0")
    if caps is not None:
        rpr.set("cap", "all" if caps else "none")
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


def _ppr(list_style: str, level: int, lv: LevelStyle, first: bool = False,
         set_apart: LevelStyle | None = None, size: int | None = None) -> Any:
    attrs = f' lvl="{level}"' if level else ""
    numbers = agenda_numbers(list_style)
    if numbers:  # an agenda: numbered from ``start``, larger, spread over its area
        start, last = numbers
        # the gap after the numbers at the size the deck gives the items (fitting measured
        # them with the widest gap their size could need)
        size = size or int(lv.size * AGENDA_GROW)
        mar = number_gap(size, last)
        spc = "" if first else (f'<a:spcBef><a:spcPts val="{int(size * AGENDA_SPACE)}"/>'
                                "</a:spcBef>")
        at = f' startAt="{start}"' if start > 1 else ""
        return parse_xml(
            f'<a:pPr xmlns:a="{NS["a"]}" marL="{mar}" indent="-{mar}"{attrs}>{spc}'
            f'<a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod"{at}/></a:pPr>'
        )
    if list_style == "none" or (list_style == "bullet-headed" and first):
        return parse_xml(
            f'<a:pPr xmlns:a="{NS["a"]}" marL="0" indent="0"{attrs}><a:buNone/></a:pPr>'
        )
    if list_style == "number":
        mar = number_margin(lv)
        return parse_xml(
            f'<a:pPr xmlns:a="{NS["a"]}" marL="{mar}" indent="-{mar}"{attrs}>'
            '<a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod"/></a:pPr>'
        )
    if set_apart is not None and set_apart.own:  # a sub-level the template draws alike
        return parse_xml(
            f'<a:pPr xmlns:a="{NS["a"]}" marL="{set_apart.mar_l}" indent="{set_apart.indent}"'
            f'{attrs}><a:buFontTx/><a:buChar char="{set_apart.char}"/></a:pPr>'
        )
    if not lv.bullet:
        mar = lv.mar_l if lv.mar_l >= 228600 else 285750
        return parse_xml(
            f'<a:pPr xmlns:a="{NS["a"]}" marL="{mar}" indent="-{mar}"{attrs}>{_BULLET}</a:pPr>'
        )
    return parse_xml(f'<a:pPr xmlns:a="{NS["a"]}"{attrs}/>') if level else None


AGENDA_GROW = 1.33  # an agenda's items, over the template's body size (then fitted)
AGENDA_SPACE = 0.7  # space before each item, as a share of its size: the list uses its area


def agenda_numbers(list_style: str) -> tuple[int, int] | None:
    """``agenda:7:12`` (an agenda column numbered 7 to 12) → (7, 12); None for others."""
    if not list_style.startswith("agenda:"):
        return None
    _name, start, last = list_style.split(":")
    return int(start), int(last)


def number_gap(size: int, last: int) -> int:
    """Room for the widest number ("12.") and a clear gap, at ``size`` hundredths of a
    point: the items line up after their numbers without a wide gap."""
    ems = 0.58 * len(str(last)) + 0.3 + 0.42
    return int(size / 100 * ems * 12700)


def number_margin(lv: LevelStyle) -> int:
    """Room for "6." plus a clear gap at the level's size, never less than the template's."""
    return max(lv.mar_l, int(lv.size / 100 * 1.8 * 12700))


def list_adjusted(style: BoxStyle, list_style: str) -> BoxStyle:
    """The style the text will really get once our paragraph properties are applied."""
    levels = []
    for lv in style.levels:
        numbers = agenda_numbers(list_style)
        if numbers:
            size = int(lv.size * AGENDA_GROW)
            mar = number_gap(size, numbers[1])
            lv = replace_level(lv, size=size, mar_l=mar, indent=-mar, bullet=True, own=True,
                               before_pts=size * AGENDA_SPACE / 100, before_pct=0.0)
        elif list_style == "none":
            lv = replace_level(lv, mar_l=0, indent=0, bullet=False)
        elif list_style == "number":
            mar = number_margin(lv)
            lv = replace_level(lv, mar_l=mar, indent=-mar, bullet=True)
        elif not lv.bullet:
            mar = lv.mar_l if lv.mar_l >= 228600 else 285750
            lv = replace_level(lv, mar_l=mar, indent=-mar, bullet=True, char=lv.char or "•")
        levels.append(lv)
    if list_style.startswith("bullet") and len(levels) > 1 and not distinct_levels(
            levels[0], levels[1]):
        levels[1] = sub_level(levels[0])
    return dataclasses.replace(style, levels=tuple(levels))


SUB_STEP = 0.85  # a sub-bullet's size, where deckgen sets it: a clear step below its parent
_INDENT_STEP = 137160  # 0.15 in: less than this between two levels does not read as a level


def distinct_levels(top: LevelStyle, sub: LevelStyle) -> bool:
    """A sub-level reads as one: indented further, and smaller or with another marker."""
    indent = sub.mar_l - top.mar_l >= _INDENT_STEP
    smaller = sub.size <= top.size * 0.95
    marker = (sub.char or "•") != (top.char or "•") or sub.bullet != top.bullet
    return indent and (smaller or marker)


def sub_level(top: LevelStyle) -> LevelStyle:
    """A sub-level set apart from ``top`` where the template draws both alike: indented by
    the parent's hanging indent again (0.3 in at least), a dash instead of the bullet (or a
    bullet instead of a dash), 85 % of the size. Its size is written on the runs
    (``own``), since the placeholder would pass on the template's own."""
    hang = max(-top.indent, 274320)
    char = "•" if (top.char or "•") == "–" else "–"
    return replace_level(top, mar_l=top.mar_l + hang, indent=-hang, bullet=True, char=char,
                         size=int(top.size * SUB_STEP), own=True,
                         before_pts=top.before_pts / 2, before_pct=top.before_pct / 2)


def replace_level(lv: LevelStyle, **changes: Any) -> LevelStyle:
    return LevelStyle(**{**lv.__dict__, **changes})


def _unnarrowed(ppr: Any, level: LevelStyle) -> None:
    """The paragraph's own full measure, spelled out."""
    if ppr.get("marR") is None:
        ppr.set("marR", "0")
    if level.align in ("ctr", "r") and ppr.get("marL") is None:
        ppr.set("marL", str(level.mar_l))


def _narrow(ppr: Any, margin: int, align: str) -> None:
    """Narrow the paragraph's measure by ``margin`` on the side its alignment leaves free:
    the right of left-aligned text, both sides of centred text (its middle stays the box's
    middle, above a centred subtitle), the left of right-aligned text."""
    left = int(ppr.get("marL") or 0)
    if align == "ctr":
        ppr.set("marL", str(left + margin // 2))
        ppr.set("marR", str(margin - margin // 2))
    elif align == "r":
        ppr.set("marL", str(left + margin))
    else:
        ppr.set("marR", str(margin))
