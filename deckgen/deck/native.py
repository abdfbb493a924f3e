"""Native shapes deckgen draws itself (key figures, a roadmap): colours, measuring and XML.

Some slide kinds have no placeholder to fill: a row of key figures or a roadmap is a small
diagram. A designer builds it from PowerPoint's own shapes (rounded rectangles, chevrons) so it
stays editable, in the theme's colours (``schemeClr``) so a theme change restyles it, and
groups it with a description, so screen readers and PowerPoint's accessibility checker read it
as one described object (as they read SmartArt). Its text is measured with the same font
metrics as every placeholder (`deckgen.typeset.fit`) and written at sizes that fit as stored,
never below the deck's minimum, every run in the content's language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from deckgen.geometry import Box
from deckgen.typeset.backdrop import UNKNOWN
from deckgen.typeset.breaks import NBSP
from deckgen.typeset.contrast import (
    ColorRef,
    brand_step,
    closest_legible,
    colours_of,
    contrast_ratio,
    needed,
)
from deckgen.typeset.fit import SAFETY_W, measure
from deckgen.typeset.fonts import metrics
from deckgen.typeset.styles import NS, BoxStyle, LevelStyle

EMU_PER_PT = 12700
EMU_PER_INCH = 914400
HEAD_FONT, BODY_FONT = "+mj-lt", "+mn-lt"
_NS = f'xmlns:a="{NS["a"]}" xmlns:p="{NS["p"]}"'


@dataclass(frozen=True)
class Canvas:
    """What drawn shapes need to know about the deck and the place they go.

    ``body``: the deck's body size in points (captions and step texts start there);
    ``floor``: the minimum body size, scaled with the slide; ``title``: the slide's title size
    (no text outgrows it, figures aside); ``bg``: what is behind the area, as
    `deckgen.typeset.backdrop.behind` reports it.
    """

    fonts: Mapping[str, str]
    scheme: Mapping[str, str]
    body: float
    floor: float
    title: float
    lang: str
    bg: str
    slide_w: int
    # what is behind any box of the slide (a gradient is darker at the bottom than the area's
    # average): texts are coloured against their own box
    behind: Callable[[Box], str] | None = None
    # the colour figures and marks are drawn in first: a theme slot, or the colour the
    # template paints where its theme keeps Office's accents (`deckgen.deck.themes`)
    brand: str = "accent1"

    def under(self, box: Box) -> str:
        return self.behind(box) if self.behind is not None else self.bg

    @property
    def unit(self) -> float:
        """The slide's width over 13.333 in: spacing scales with the slide like the sizes."""
        return self.slide_w / 12192000


@dataclass(frozen=True)
class Line:
    """One paragraph of a drawn shape: its text and how it is set."""

    text: str
    size: float  # points
    bold: bool = False
    font: str = BODY_FONT
    colour: ColorRef = ColorRef("tx1")
    before: float = 0.0  # points of space before the paragraph


def held(text: str) -> str:
    """A figure or date never breaks inside: its spaces become no-break spaces."""
    return text.replace(" ", NBSP)


# -- measuring --------------------------------------------------------------------------------
def _style(font: str, bold: bool, size: float) -> BoxStyle:
    level = LevelStyle(int(size * 100), bold, font, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0, 0, False)
    return BoxStyle((0, 0, 0, 0), (level,), True)


def line_count(canvas: Canvas, text: str, font: str, bold: bool, size: float,
               width: int) -> int | None:
    """Lines the text takes at ``size`` in ``width`` EMU (None: a word is wider than that)."""
    style = _style(font, bold, size)
    # a word wider than the line would be broken inside: that is no fit (measure() keeps its
    # safety margin on the width here too)
    m = metrics(canvas.fonts.get(font, font), bold)
    if max(m.width(w) for w in text.split(" ")) * size > width / EMU_PER_PT * SAFETY_W:
        return None
    _ok, counts = measure([(text, 0)], style, dict(canvas.fonts), width, 10**9, 1.0,
                          [int(size * 100)])
    return counts[0] if counts else None


def line_height(canvas: Canvas, font: str, bold: bool, size: float) -> float:
    """Points one line takes at single spacing."""
    return size * metrics(canvas.fonts.get(font, font), bold).line


def block_height(canvas: Canvas, lines: Sequence[Line], width: int,
                 max_lines: Sequence[int] = ()) -> float | None:
    """Points the paragraphs take in ``width`` EMU (with their spacing before), or None when
    a word does not fit or a paragraph needs more than its ``max_lines`` entry."""
    total = 0.0
    for i, line in enumerate(lines):
        if not line.text:
            continue
        n = line_count(canvas, line.text, line.font, line.bold, line.size, width)
        if n is None or (i < len(max_lines) and max_lines[i] and n > max_lines[i]):
            return None
        total += n * line_height(canvas, line.font, line.bold, line.size) + line.before
    return total / 0.94  # the same margin fitting keeps on a box's height


def steps_down(start: float, floor: float, step: float = 0.5) -> list[float]:
    """Sizes to try, largest first, in half points (as sizes are stored)."""
    first = int(start * 2) / 2
    out = []
    size = first
    while size >= floor - 1e-9:
        out.append(size)
        size -= step
    return out or [floor]


# -- colours --------------------------------------------------------------------------------
def readable(canvas: Canvas, want: ColorRef, on: str, size: float, bold: bool) -> ColorRef:
    """``want`` where it reads on ``on`` (every colour of it), else the nearest theme colour
    that does (`deckgen.typeset.contrast.closest_legible`)."""
    parts = [c for c in colours_of(on) if c != UNKNOWN]
    if not parts:
        return want
    need = needed(size, bold)
    value = want.resolve(canvas.scheme)
    if all(contrast_ratio(value, part) >= need for part in parts):
        return want
    worst = min(parts, key=lambda part: contrast_ratio(value, part))
    return closest_legible(value, worst, canvas.scheme, need, prefer=want.slot)


def solid(ref: ColorRef) -> str:
    return f"<a:solidFill>{ref.xml()}</a:solidFill>"


def slide_colour(canvas: Canvas) -> str:
    """The one colour the area reads as (its darkest part on light, lightest on dark)."""
    if canvas.bg == UNKNOWN:
        return canvas.scheme.get("bg1", "#FFFFFF")
    parts = colours_of(canvas.bg)
    return min(parts, key=lambda c: contrast_ratio(c, canvas.scheme.get("tx1", "#000000")))


# -- XML ----------------------------------------------------------------------------------
def _rpr(line: Line, lang: str, tag: str = "rPr") -> str:
    size = int(round(line.size * 100))
    bold = ' b="1"' if line.bold else ' b="0"'
    return (f'<a:{tag} lang="{lang}" sz="{size}"{bold} dirty="0">{solid(line.colour)}'
            f'<a:latin typeface="{line.font}"/><a:cs typeface="{line.font}"/></a:{tag}>')


def paragraphs_xml(lines: Sequence[Line], lang: str, align: str = "l") -> str:
    out = []
    for line in lines:
        if not line.text:
            continue
        before = (f'<a:spcBef><a:spcPts val="{int(line.before * 100)}"/></a:spcBef>'
                  if line.before else "")
        ppr = (f'<a:pPr marL="0" indent="0" algn="{align}"><a:lnSpc><a:spcPct val="100000"/>'
               f'</a:lnSpc>{before}<a:buNone/></a:pPr>')
        out.append(f'<a:p>{ppr}<a:r>{_rpr(line, lang)}<a:t>{escape(line.text)}</a:t></a:r>'
                   f'{_rpr(line, lang, "endParaRPr")}</a:p>')
    return "".join(out) or f'<a:p><a:endParaRPr lang="{lang}" dirty="0"/></a:p>'


def shape_xml(shape_id: int, name: str, box: Box, geom: str, fill: str, lines: Sequence[Line],
              lang: str, insets: tuple[int, int, int, int] = (0, 0, 0, 0), anchor: str = "t",
              align: str = "l", adj: int | None = None, line: str = "<a:ln><a:noFill/></a:ln>",
              ) -> str:
    """One shape with its text (a text box when ``geom`` is a rect without fill)."""
    av = f'<a:gd name="adj" fmla="val {adj}"/>' if adj is not None else ""
    l_in, t_in, r_in, b_in = insets
    return (
        f'<p:sp {_NS}><p:nvSpPr><p:cNvPr id="{shape_id}" name={quoteattr(name)}/>'
        f'<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>'
        f'<a:xfrm><a:off x="{box.x}" y="{box.y}"/><a:ext cx="{box.w}" cy="{box.h}"/></a:xfrm>'
        f'<a:prstGeom prst="{geom}"><a:avLst>{av}</a:avLst></a:prstGeom>{fill}{line}</p:spPr>'
        f'<p:txBody><a:bodyPr wrap="square" lIns="{l_in}" tIns="{t_in}" rIns="{r_in}" '
        f'bIns="{b_in}" anchor="{anchor}" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>'
        f'{paragraphs_xml(lines, lang, align)}</p:txBody></p:sp>')


def group_xml(shape_id: int, name: str, descr: str, children: Sequence[tuple[Box, str]]) -> str:
    """The shapes as one group with a description (its alt text), placed as they are."""
    x = min(b.x for b, _ in children)
    y = min(b.y for b, _ in children)
    w = max(b.right for b, _ in children) - x
    h = max(b.bottom for b, _ in children) - y
    xfrm = (f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/>'
            f'<a:chOff x="{x}" y="{y}"/><a:chExt cx="{w}" cy="{h}"/></a:xfrm>')
    inner = "".join(xml for _b, xml in children)
    return (f'<p:grpSp {_NS}><p:nvGrpSpPr><p:cNvPr id="{shape_id}" name={quoteattr(name)} '
            f'descr={quoteattr(descr)}/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
            f'<p:grpSpPr>{xfrm}</p:grpSpPr>{inner}</p:grpSp>')


def insert(slide: object, xml: str) -> object:
    """Put the drawn group into the slide's shape tree (before any extension list)."""
    from pptx.oxml import parse_xml

    el = parse_xml(xml)
    slide.shapes._spTree.insert_element_before(el, "p:extLst")  # type: ignore[attr-defined]
    return el


def inch(value: float, canvas: Canvas) -> int:
    """``value`` inches on a 13.333 in slide, scaled to this slide."""
    return int(value * EMU_PER_INCH * canvas.unit)


def first_accent(canvas: Canvas, minimum: float = 3.3, on: str | None = None) -> ColorRef | None:
    """The brand, else the first theme accent, that stands ``minimum``:1 against the slide, or
    against ``on`` (a card's fill), as a shape that must be seen; None where none does."""
    behind = on or slide_colour(canvas)
    if canvas.brand.startswith("#") or canvas.brand in canvas.scheme:
        own = brand_step(ColorRef(canvas.brand), canvas.scheme, behind, minimum)
        if own is not None:  # the brand, a shade deeper if need be, before another hue
            return own
    for slot in (f"accent{k}" for k in range(1, 7)):
        ref = ColorRef(slot)
        if slot in canvas.scheme and contrast_ratio(ref.resolve(canvas.scheme), behind) >= minimum:
            return ref
    return None
