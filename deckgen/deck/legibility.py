"""Text colours that read on what is behind them (WCAG AA), chosen per text body.

The template's colour stays wherever it passes. Where it fails (a grey footer on white, a
link colour on a blue band), the run gets the nearest theme colour that passes, as a theme
reference (``schemeClr`` with ``lumMod``/``lumOff``) so a later theme change still restyles
it, and the substitution is recorded for ``deckgen inspect`` and ``--verbose``.

Hyperlinks: PowerPoint draws a link in the theme's ``hlink`` colour whatever the run says,
unless the link carries the Office 2019 extension ``ahyp:hlinkClr val="tx"`` (use the run's
colour); older versions ignore the extension and show ``hlink``. LibreOffice uses the run's
colour. So a failing link colour is set on the run with that extension.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from deckgen.geometry import Box
from deckgen.typeset.backdrop import UNKNOWN, behind, color
from deckgen.typeset.contrast import closest_legible, contrast_ratio, needed
from deckgen.typeset.styles import LevelStyle

# a colour derived by a tint or shade renders a shade off what the formula gives (LibreOffice
# showed tx1 tinted 82 % as #787878, 4.42:1 on white, where it computes to #767676, 4.54:1):
# text must clear the threshold by this factor to count as read
RENDER_MARGIN = 1.03
BACKING_ALPHA = 90_000  # a panel behind text on busy artwork lets a tenth of it through
SOLID = '<a:solidFill xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">{}</a:solidFill>'


@dataclass(frozen=True)
class Substitution:
    """One colour deckgen changed so a text reads."""

    where: str  # "statistic caption" or "layout 'Title Slide' footer"
    original: str
    chosen: str
    background: str
    ratio: float
    slides: tuple[int, ...] = ()

    def __str__(self) -> str:
        on = ""
        if self.slides:
            on = f"slide{'s' if len(self.slides) > 1 else ''} {_spans(self.slides)}, "
        return (f"{on}{self.where}: {self.original} on {self.background} fails WCAG AA; "
                f"using {self.chosen} ({self.ratio:.1f}:1)")


def _spans(numbers: tuple[int, ...]) -> str:
    out: list[str] = []
    for n in sorted(set(numbers)):
        if out and out[-1].split("-")[-1] == str(n - 1):
            out[-1] = f"{out[-1].split('-')[0]}-{n}"
        else:
            out.append(str(n))
    return ", ".join(out)


class Legibility:
    def __init__(self, scheme: Mapping[str, str],
                 substitutions: list[Substitution] | None = None) -> None:
        self.scheme = scheme
        self._bg: dict[tuple[int, Box, tuple[int, ...]], str] = {}
        # shared by the masters' themes of one deck: one report of every change
        self.substitutions: list[Substitution] = [] if substitutions is None else substitutions

    def background(self, layout: Any, box: Box, ph_fills: tuple[Any, ...],
                   under: Any = None) -> str:
        # slides of one layout share their boxes: one look per layout and box
        key = (id(layout), box, tuple(id(f) for f in ph_fills), id(under))
        if key not in self._bg:
            self._bg[key] = behind(layout, box, self.scheme, ph_fills, under)
        return self._bg[key]

    def text_color(self, level: LevelStyle, default: str = "tx1") -> tuple[str, str | None]:
        """(#RRGGBB, theme slot or None) the text gets from its style."""
        el = level.color
        if el is not None:
            value = color(el, self.scheme)
            slot = el.get("val") if el.tag.endswith("schemeClr") else None
            if value:
                return value, slot
        return self.scheme.get(default, "#000000"), default

    def _better(self, fg: str, slot: str | None, bg: str, size_pt: float,
                bold: bool) -> Any:
        """The nearest theme colour that reads where ``fg`` does not; None where ``fg`` (or
        an unknown backdrop) needs no help."""
        if bg == UNKNOWN:
            return None
        need = needed(size_pt, bold) * RENDER_MARGIN
        if contrast_ratio(fg, bg) >= need:
            return None
        return closest_legible(fg, bg, self.scheme, need, prefer=slot)

    def can_read(self, fg: str, slot: str | None, bg: str, size_pt: float,
                 bold: bool) -> bool:
        """Some theme colour (``fg`` itself, or the nearest that passes) reads on ``bg``: on
        a photo with dark and light parts under one box, none may."""
        ref = self._better(fg, slot, bg, size_pt, bold)
        # the margin picks colours; a panel goes behind text only where none reads at all
        return ref is None or contrast_ratio(ref.resolve(self.scheme), bg) >= needed(
            size_pt, bold)

    def fill_for(self, fg: str, slot: str | None, bg: str, size_pt: float, bold: bool,
                 where: str, slide: int | None = None) -> str | None:
        """``a:solidFill`` XML for a colour that reads, or None when ``fg`` already does."""
        ref = self._better(fg, slot, bg, size_pt, bold)
        if ref is None:
            return None
        chosen = ref.resolve(self.scheme)
        sub = Substitution(where, fg, chosen, bg, round(contrast_ratio(chosen, bg), 1))
        for i, known in enumerate(self.substitutions):
            if (known.where, known.original, known.chosen, known.background) == (
                    sub.where, sub.original, sub.chosen, sub.background):
                if slide is not None and slide not in known.slides:
                    self.substitutions[i] = replace(known, slides=known.slides + (slide,))
                break
        else:
            self.substitutions.append(replace(sub, slides=(slide,) if slide is not None else ()))
        return SOLID.format(ref.xml())


def table_header_colour(legibility: Legibility, frame: Any, where: str,
                        slide: int | None) -> None:
    """Make the header row of a native table readable on the table style's header fill.

    The built-in style deckgen falls back to ("Medium Style 2 – Accent 1") paints the header
    in accent1 with lt1 text; a template whose accent1 is light (#DDDDDD, orange) would give
    white on light. A style the template defines itself is read from ``tableStyles.xml``.
    """
    from lxml import etree
    from pptx.oxml import parse_xml

    scheme = legibility.scheme
    fill, text = scheme.get("accent1", "#4472C4"), scheme.get("lt1", "#FFFFFF")
    text_xml = ('<a:schemeClr xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
                ' val="lt1"/>')
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    tbl = frame._element.find(f".//{a}tbl")
    style_id = tbl.findtext(f"{a}tblPr/{a}tableStyleId") if tbl is not None else None
    try:
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT

        prs_part = frame.part.package.presentation_part
        root = etree.fromstring(prs_part.part_related_by(RT.TABLE_STYLES).blob)
        for style in root.iter(f"{a}tblStyle"):
            if style.get("styleId") == style_id:
                solid = style.find(f"{a}firstRow/{a}tcStyle/{a}fill/{a}solidFill")
                if solid is not None and len(solid):
                    fill = color(solid[0], scheme) or fill
                tx = style.find(f"{a}firstRow/{a}tcTxStyle")
                own = [c for c in (tx if tx is not None else ()) if color(c, scheme)]
                if own:
                    text = color(own[-1], scheme)
                    text_xml = etree.tostring(own[-1], encoding=str)
    except Exception:  # noqa: BLE001 - no table styles part: the built-in style applies
        pass
    rows = tbl.findall(f"{a}tr") if tbl is not None else []
    if not rows:
        return
    # The header text's colour, spelled out on its runs: PowerPoint takes it from the style
    # anyway, and LibreOffice, which does not know every built-in style, then agrees.
    for rpr in rows[0].iter(f"{a}rPr", f"{a}endParaRPr"):
        for old in rpr.findall(f"{a}solidFill"):
            rpr.remove(old)
        rpr.insert(0, parse_xml(SOLID.format(text_xml)))
    if contrast_ratio(text, fill) >= needed(18.0, True):
        return
    # and the header cells get a fill near the style's that reads with that text
    ref = closest_legible(fill, text, legibility.scheme, needed(18.0, True), prefer="accent1")
    chosen = ref.resolve(legibility.scheme)
    sub = Substitution(f"{where} fill", fill, chosen, f"{text} text",
                       round(contrast_ratio(chosen, text), 1), (slide,) if slide else ())
    legibility.substitutions.append(sub)
    for tc in rows[0].findall(f"{a}tc"):
        tc_pr = tc.find(f"{a}tcPr")
        if tc_pr is None:
            tc_pr = etree.SubElement(tc, f"{a}tcPr")
        for old in tc_pr.findall(f"{a}solidFill"):
            tc_pr.remove(old)
        # fills follow the borders (lnL … lnB) in tcPr
        borders = [c for c in tc_pr if etree.QName(c).localname.startswith("ln")]
        at = tc_pr.index(borders[-1]) + 1 if borders else 0
        tc_pr.insert(at, parse_xml(SOLID.format(ref.xml())))
