"""Slide master and layouts, described as data and written as XML.

The design (geometry, which theme colour each text and band uses) is data: `layout_specs`.
The same data writes the XML and feeds `deckgen.brand.build.contrast_report`, so the contrast
that is checked is the contrast that ships. Every colour is a theme reference and every font
is ``+mj-lt``/``+mn-lt``: a theme edit in PowerPoint restyles the whole template.

Grid (16:9, 13.333 × 7.5 in): 0.6 in outer margins, titles bottom-anchored above an accent
rule at 1.72 in, content from 2.0 to 6.4 in, footer row at 6.55 in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from deckgen.brand.theme import color_scheme
from deckgen.brand.tokens import BrandTokens
from deckgen.geometry import EMU_PER_INCH, Box, inch
from deckgen.typeset.contrast import (
    MIN_CONTRAST,
    TARGET,
    ColorRef,
    contrast_ratio,
    legible,
    muted,
)

SLIDE_W = 12192000
SLIDE_H = 6858000
LAYOUT_NAMES = (
    "Title Slide", "Section Header", "Big Number", "Title and Content", "Comparison",
    "Numbered Point", "Closing", "Title Only", "Blank", "Picture with Caption",
)
_NS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)
_LANG = "de-DE"
# Fixed field ids: PowerPoint only needs them to be GUID-shaped; fixed keeps output reproducible.
_SLDNUM_FLD = "{6D2D8C41-5A3E-4C1B-9E0F-2B7A1C3D4E50}"
_DATE_FLD = "{6D2D8C41-5A3E-4C1B-9E0F-2B7A1C3D4E51}"


_M = 0.6
_CW = SLIDE_W / EMU_PER_INCH - 2 * _M
TITLE_BOX = Box.inches(_M, 0.55, _CW, 1.05)
BODY_BOX = Box.inches(_M, 2.0, _CW, 4.4)
_GUTTER = 0.5
_COL = (_CW - _GUTTER) / 2
RULE_BOX = Box.inches(_M + 0.1, 1.72, 0.9, 0.07)
FTR_BOX = Box.inches(_M, 6.55, 7.4, 0.4)
DT_BOX = Box.inches(8.2, 6.55, 3.0, 0.4)
SLDNUM_BOX = Box.inches(_M + _CW - 1.4, 6.55, 1.4, 0.4)
TOP_STRIP_BOX = Box(0, 0, SLIDE_W, inch(0.12))


@dataclass(frozen=True)
class Palette:
    """Which theme colour plays which part; chosen per brand so every text reaches 4.5:1."""

    scheme: dict[str, str]
    band: ColorRef  # fill of coloured bands and full-bleed backgrounds
    on_band: ColorRef  # text on the band
    title: ColorRef  # headings (and bullets) on the background
    body: ColorRef
    muted: ColorRef  # subtitles, footers, slide numbers
    figure: ColorRef  # big numbers: the accent, shifted only if it would not read
    rule: ColorRef  # decorative accent rule on the background
    rule_on_band: ColorRef

    def hex(self, ref: ColorRef) -> str:
        return ref.resolve(self.scheme)


def make_palette(tokens: BrandTokens) -> Palette:
    scheme = color_scheme(tokens)
    bg = scheme["lt1"]
    band, on_band = _band(scheme)
    tx2_ok = contrast_ratio(scheme["dk2"], bg) >= MIN_CONTRAST
    body = ColorRef("tx1")
    accent = ColorRef("accent3")
    band_hex = band.resolve(scheme)
    accent_shows = contrast_ratio(scheme["accent3"], band_hex) >= 2.0
    return Palette(
        scheme=scheme,
        band=band,
        on_band=on_band,
        title=ColorRef("tx2") if tx2_ok else body,
        body=body,
        muted=muted(body, bg, scheme),
        figure=legible(accent, bg, scheme),
        rule=accent,
        rule_on_band=accent if accent_shows else on_band,
    )


def _band(scheme: dict[str, str]) -> tuple[ColorRef, ColorRef]:
    """The primary as band colour with whichever of bg1/tx1 reads best on it.

    If neither reaches 4.5:1 (mid-tone primaries) the band is darkened, or else lightened, in
    5 % steps until one does: the band keeps the brand hue, the text stays a theme colour.
    """
    texts = (ColorRef("bg1"), ColorRef("tx1"))
    base = ColorRef("accent1")
    for step in range(21):
        for light in (False, True):
            band = base.toward(light, step) if step else base
            fill = band.resolve(scheme)
            best = max(texts, key=lambda t: contrast_ratio(t.resolve(scheme), fill))
            need = MIN_CONTRAST if step == 0 else TARGET
            if contrast_ratio(best.resolve(scheme), fill) >= need:
                return band, best
    return base.toward(False, 20), texts[0]  # unreachable: text/background already read


@dataclass(frozen=True)
class Ph:
    """One placeholder. ``color``/``size``/``bold`` are effective values (for contrast checks);
    only those differing from the master are written, so master edits still flow through."""

    name: str
    kind: str  # ph type; "obj" is written without a type attribute
    idx: int | None
    box: Box
    color: ColorRef | None  # None: not a text placeholder (chart)
    on: ColorRef  # the colour directly behind it
    size: int  # hundredths of a point, level 1
    bold: bool = False
    bullets: bool = True
    anchor: str | None = None
    prompt: str = ""
    custom_prompt: bool = False
    sz: str | None = None


@dataclass(frozen=True)
class Deco:
    """A non-placeholder shape: bands, rules, the logo chip."""

    name: str
    box: Box
    fill: ColorRef
    geom: str = "rect"


@dataclass(frozen=True)
class LogoSlot:
    box: Box  # the logo is fitted into this box, aligned to its bottom-right corner
    chip: bool = False  # put a background-coloured plate behind it (logo on a band)


@dataclass(frozen=True)
class LayoutSpec:
    name: str
    type: str
    placeholders: tuple[Ph, ...]
    decorations: tuple[Deco, ...] = ()
    background: ColorRef | None = None
    logo: LogoSlot | None = None
    show_master: bool = True


# Master defaults per placeholder kind, as (palette role, size, bold): layouts omit matching values.
def master_style(kind: str, p: Palette) -> tuple[ColorRef, int, bool]:
    if kind in ("title", "ctrTitle"):
        return p.title, 3600, True
    if kind in ("dt", "ftr", "sldNum"):
        return p.muted, 1100, False
    return p.body, 2400, False


def _footer(p: Palette, on: ColorRef) -> tuple[Ph, Ph]:
    return (
        Ph("Footer", "ftr", 11, FTR_BOX, p.muted, on, 1100, sz="quarter"),
        Ph("Slide Number", "sldNum", 12, SLDNUM_BOX, p.muted, on, 1100, sz="quarter"),
    )


def layout_specs(p: Palette) -> tuple[LayoutSpec, ...]:
    bg = ColorRef("bg1")
    title = Ph("Title", "title", None, TITLE_BOX, p.title, bg, 3600, bold=True, anchor="b",
               prompt="Titel hinzufügen")
    rule = Deco("Accent Rule", RULE_BOX, p.rule)
    foot = _footer(p, bg)
    band_rule = Box.inches(_M + 0.1, 4.5, 1.2, 0.08)
    return (
        LayoutSpec(
            "Title Slide", "title",
            (
                Ph("Title", "ctrTitle", None, Box.inches(_M, 1.0, 11.2, 3.0), p.on_band, p.band,
                   4400, bold=True, anchor="b", prompt="Titel der Präsentation"),
                Ph("Subtitle", "subTitle", 1, Box.inches(_M, 4.85, 8.6, 1.45), p.muted, bg, 2200,
                   bullets=False, anchor="t", prompt="Untertitel, Name, Datum"),
            ),
            (
                Deco("Brand Band", Box(0, 0, SLIDE_W, inch(4.5)), p.band),
                Deco("Accent Stripe", Box(0, inch(4.5), SLIDE_W, inch(0.08)), p.rule),
            ),
            logo=LogoSlot(Box.inches(_M + _CW - 2.6, 5.55, 2.6, 1.3)),
            show_master=False,
        ),
        LayoutSpec(
            "Section Header", "secHead",
            (
                Ph("Title", "title", None, Box.inches(_M, 1.0, 11.0, 3.3), p.on_band, p.band,
                   4000, bold=True, anchor="b", prompt="Kernaussage in einem Satz"),
                Ph("Text", "body", 1, Box.inches(_M, 4.75, 11.0, 1.65), p.on_band, p.band, 2200,
                   bullets=False, anchor="t", prompt="Ein bis zwei Sätze zur Einordnung"),
            ),
            (Deco("Accent Rule", band_rule, p.rule_on_band),),
            background=p.band,
            show_master=False,
        ),
        LayoutSpec(
            "Big Number", "cust",
            (
                title,
                Ph("Figure", "body", 13, Box.inches(_M, 2.0, 5.9, 1.9), p.figure, bg, 8800,
                   bold=True, bullets=False, anchor="b", prompt="1 von 10",
                   custom_prompt=True, sz="quarter"),
                Ph("Caption", "body", 14, Box.inches(_M, 4.05, 5.9, 2.35), p.body, bg, 2000,
                   bullets=False, anchor="t", prompt="Was die Zahl bedeutet\nQuelle",
                   custom_prompt=True, sz="quarter"),
                Ph("Chart", "chart", 15, Box.inches(_M + 6.333, 2.0, 5.8, 4.4), None, bg, 2400,
                   sz="half"),
                *foot,
            ),
            (rule,),
        ),
        LayoutSpec(
            "Title and Content", "obj",
            (title, Ph("Content", "obj", 1, BODY_BOX, p.body, bg, 2400), *foot),
            (rule,),
        ),
        LayoutSpec(
            "Comparison", "twoTxTwoObj",
            (
                title,
                Ph("Left Heading", "body", 1, Box.inches(_M, 2.0, _COL, 0.6), p.body, bg, 2400,
                   bold=True, bullets=False, anchor="b", prompt="Links"),
                Ph("Left Content", "obj", 2, Box.inches(_M, 2.7, _COL, 3.7), p.body, bg, 2200,
                   sz="half"),
                Ph("Right Heading", "body", 3, Box.inches(_M + _COL + _GUTTER, 2.0, _COL, 0.6),
                   p.body, bg, 2400, bold=True, bullets=False, anchor="b", prompt="Rechts"),
                Ph("Right Content", "obj", 4, Box.inches(_M + _COL + _GUTTER, 2.7, _COL, 3.7),
                   p.body, bg, 2200, sz="half"),
                *foot,
            ),
            (rule,),
        ),
        LayoutSpec(
            "Numbered Point", "cust",
            (
                title,
                Ph("Number", "body", 13, Box.inches(_M, 2.0, 1.6, 4.4), p.figure, bg, 9600,
                   bold=True, bullets=False, anchor="ctr", prompt="1", custom_prompt=True,
                   sz="quarter"),
                Ph("Text", "body", 1, Box.inches(_M + 1.6, 2.0, _CW - 1.6, 4.4), p.body, bg,
                   2800, bullets=False, anchor="ctr", prompt="Die Aussage dieses Punktes"),
                *foot,
            ),
            (rule,),
        ),
        LayoutSpec(
            "Closing", "cust",
            (
                # The ask is the point of the deck: room for four bullets at a readable size.
                Ph("Title", "title", None, Box.inches(_M, 0.7, 11.0, 1.9), p.on_band, p.band,
                   4400, bold=True, anchor="b", prompt="Vielen Dank"),
                # as wide as the title: bullets wrapping at three quarters left words alone
                Ph("Text", "body", 1, Box.inches(_M, 3.05, 11.0, 3.45), p.on_band, p.band, 2600,
                   anchor="t", prompt="Nächste Schritte"),
            ),
            (
                Deco("Accent Rule", Box.inches(_M + 0.1, 2.8, 1.2, 0.08), p.rule_on_band),
                Deco("Accent Stripe", Box(0, SLIDE_H - inch(0.08), SLIDE_W, inch(0.08)),
                     p.rule_on_band),
            ),
            background=p.band,
            logo=LogoSlot(Box.inches(_M + _CW - 2.3, 5.75, 2.3, 0.9), chip=True),
            show_master=False,
        ),
        LayoutSpec("Title Only", "titleOnly", (title, *foot), (rule,)),
        LayoutSpec("Blank", "blank", foot),
        LayoutSpec(
            # the caption is a placeholder, so it shows in the outline view and restyles
            "Picture with Caption", "picTx",
            (
                title,
                Ph("Picture", "pic", 13, Box.inches(_M, 2.0, _CW, 3.6), None, bg, 2400,
                   prompt="Bild einfügen"),
                Ph("Caption", "body", 14, Box.inches(_M, 5.75, _CW, 0.65), p.muted, bg, 1800,
                   bullets=False, anchor="t", prompt="Bildunterschrift", sz="quarter"),
                *foot,
            ),
            (rule,),
        ),
    )


# ---------------------------------------------------------------------------------------------
# XML writers


def _fill(ref: ColorRef) -> str:
    return f"<a:solidFill>{ref.xml()}</a:solidFill>"


def _rpr(size: int | None, bold: bool | None, color: ColorRef | None, font: str = "") -> str:
    """A ``defRPr``; with ``font`` ("mj"/"mn") it is a master style and names the theme fonts."""
    attrs = (f' sz="{size}"' if size else "") + (f' b="{int(bold)}"' if bold is not None else "")
    attrs += ' kern="1200"' if font else ""
    fonts = (
        f'<a:latin typeface="+{font}-lt"/><a:ea typeface="+{font}-ea"/>'
        f'<a:cs typeface="+{font}-cs"/>'
        if font
        else ""
    )
    inner = (_fill(color) if color else "") + fonts
    return f"<a:defRPr{attrs}/>" if not inner else f"<a:defRPr{attrs}>{inner}</a:defRPr>"


def _lst_style(ph: Ph, p: Palette) -> str:
    """Only what differs from the master, so that master edits still reach this placeholder."""
    if ph.color is None:
        return "<a:lstStyle/>"
    m_color, m_size, m_bold = master_style(ph.kind, p)
    color = ph.color if ph.color != m_color else None
    size = ph.size if ph.size != m_size else None
    bold = ph.bold if ph.bold != m_bold else None
    levels = []
    if ph.kind in ("dt", "ftr", "sldNum"):  # LibreOffice ignores otherStyle here: name the font
        return f"<a:lstStyle><a:lvl1pPr>{_rpr(size, bold, color, font='mn')}</a:lvl1pPr></a:lstStyle>"
    if ph.kind in ("title", "ctrTitle"):  # one level, never bulleted (master titleStyle)
        if color or size or bold is not None:
            levels.append(f"<a:lvl1pPr>{_rpr(size, bold, color)}</a:lvl1pPr>")
    elif not ph.bullets:
        levels.append(
            f'<a:lvl1pPr marL="0" indent="0"><a:buNone/>{_rpr(size, bold, color)}</a:lvl1pPr>'
        )
    elif color or size or bold is not None:
        levels.append(f"<a:lvl1pPr>{_bu_clr(color)}{_rpr(size, bold, color)}</a:lvl1pPr>")
        if color:  # lower levels keep master sizes, but must follow the colour
            levels += [
                f"<a:lvl{n}pPr>{_bu_clr(color)}{_rpr(None, None, color)}</a:lvl{n}pPr>"
                for n in range(2, 6)
            ]
    return f"<a:lstStyle>{''.join(levels)}</a:lstStyle>" if levels else "<a:lstStyle/>"


def _bu_clr(color: ColorRef | None) -> str:
    return f"<a:buClr>{color.xml()}</a:buClr>" if color else ""


def _ph_tag(ph: Ph) -> str:
    attrs = "" if ph.kind == "obj" else f' type="{ph.kind}"'
    if ph.sz:
        attrs += f' sz="{ph.sz}"'
    if ph.idx is not None:
        attrs += f' idx="{ph.idx}"'
    if ph.custom_prompt:
        attrs += ' hasCustomPrompt="1"'
    return f"<p:ph{attrs}/>"


def _paragraphs(ph: Ph) -> str:
    if ph.kind == "sldNum":
        return (
            f'<a:p><a:fld id="{_SLDNUM_FLD}" type="slidenum"><a:rPr lang="{_LANG}"/>'
            f"<a:t>‹#›</a:t></a:fld><a:endParaRPr lang=\"{_LANG}\"/></a:p>"
        )
    if ph.kind == "dt":
        return (
            f'<a:p><a:fld id="{_DATE_FLD}" type="datetimeFigureOut"><a:rPr lang="{_LANG}"/>'
            f"<a:t>TT.MM.JJJJ</a:t></a:fld><a:endParaRPr lang=\"{_LANG}\"/></a:p>"
        )
    if not ph.prompt:
        return f'<a:p><a:endParaRPr lang="{_LANG}"/></a:p>'
    out = []
    for line in ph.prompt.split("\n"):  # leading tabs give the list level
        text = line.lstrip("\t")
        level = len(line) - len(text)
        ppr = f'<a:pPr lvl="{level}"/>' if level else ""
        out.append(f'<a:p>{ppr}<a:r><a:rPr lang="{_LANG}"/><a:t>{escape(text)}</a:t></a:r></a:p>')
    return "".join(out)


def _placeholder(shape_id: int, ph: Ph, p: Palette, master: bool = False) -> str:
    if master:  # the master states geometry, insets and footer styling in full
        geom = '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        body_pr, lst_style = _master_body_pr(ph), _master_lst_style(ph)
    else:  # layouts state only what differs, so edits to the master still flow through
        geom, lst_style = "", _lst_style(ph, p)
        anchor = f' anchor="{ph.anchor}"' if ph.anchor else ""
        fit = "<a:normAutofit/>" if ph.kind not in ("ftr", "sldNum", "dt", "chart") else ""
        body_pr = f"<a:bodyPr{anchor}>{fit}</a:bodyPr>" if fit else f"<a:bodyPr{anchor}/>"
    return (
        f"<p:sp><p:nvSpPr><p:cNvPr id=\"{shape_id}\" name={quoteattr(ph.name)}/>"
        f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{_ph_tag(ph)}</p:nvPr></p:nvSpPr>'
        f"<p:spPr>{ph.box.xfrm()}{geom}</p:spPr>"
        f"<p:txBody>{body_pr}{lst_style}{_paragraphs(ph)}</p:txBody></p:sp>"
    )


def _deco(shape_id: int, deco: Deco) -> str:
    return (
        f"<p:sp><p:nvSpPr><p:cNvPr id=\"{shape_id}\" name={quoteattr(deco.name)}/>"
        '<p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr>'
        f'<p:spPr>{deco.box.xfrm()}<a:prstGeom prst="{deco.geom}"><a:avLst/></a:prstGeom>'
        f"{_fill(deco.fill)}<a:ln><a:noFill/></a:ln></p:spPr></p:sp>"
    )


@dataclass(frozen=True)
class Logo:
    """A logo image already related to the layout part."""

    r_id: str
    px_w: int
    px_h: int
    descr: str


def _logo_shapes(shape_id: int, slot: LogoSlot, logo: Logo) -> str:
    scale = min(slot.box.w / logo.px_w, slot.box.h / logo.px_h)
    w, h = round(logo.px_w * scale), round(logo.px_h * scale)
    box = Box(slot.box.x + slot.box.w - w, slot.box.y + slot.box.h - h, w, h)
    out = ""
    if slot.chip:
        pad = inch(0.18)
        chip = Box(box.x - pad, box.y - pad, w + 2 * pad, h + 2 * pad)
        out += _deco(shape_id, Deco("Logo Plate", chip, ColorRef("bg1"), "roundRect"))
        shape_id += 1
    out += (
        f'<p:pic><p:nvPicPr><p:cNvPr id="{shape_id}" name="Logo" '
        f"descr={quoteattr(logo.descr)}/>"
        '<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr userDrawn="1"/>'
        f'</p:nvPicPr><p:blipFill><a:blip r:embed="{logo.r_id}"/><a:stretch><a:fillRect/>'
        f'</a:stretch></p:blipFill><p:spPr>{box.xfrm()}<a:prstGeom prst="rect"><a:avLst/>'
        "</a:prstGeom></p:spPr></p:pic>"
    )
    return out


_TREE_HEAD = (
    '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
    '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
    '<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>'
)


def _bg(ref: ColorRef) -> str:
    return f"<p:bg><p:bgPr>{_fill(ref)}<a:effectLst/></p:bgPr></p:bg>"


def layout_xml(spec: LayoutSpec, p: Palette, logo: Logo | None = None) -> str:
    shapes: list[str] = []
    next_id = 2
    for deco in spec.decorations:
        shapes.append(_deco(next_id, deco))
        next_id += 1
    for ph in spec.placeholders:
        shapes.append(_placeholder(next_id, ph, p))
        next_id += 1
    if spec.logo and logo:
        shapes.append(_logo_shapes(next_id, spec.logo, logo))
    show = "" if spec.show_master else ' showMasterSp="0"'
    bg = _bg(spec.background) if spec.background else ""
    return (
        f'<p:sldLayout {_NS}{show} type="{spec.type}" preserve="1">'
        f"<p:cSld name={quoteattr(spec.name)}>{bg}<p:spTree>{_TREE_HEAD}{''.join(shapes)}"
        "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
    )


def master_xml(p: Palette, layout_ids: Sequence[tuple[int, str]]) -> str:
    """``layout_ids``: (sldLayoutId id, relationship id) per layout, in order."""
    bg = ColorRef("bg1")
    master_phs = (
        Ph("Title Placeholder", "title", None, TITLE_BOX, p.title, bg, 3600, True, anchor="b",
           prompt="Titelmasterformat durch Klicken bearbeiten"),
        Ph("Text Placeholder", "body", 1, BODY_BOX, p.body, bg, 2400,
           prompt="Textmasterformat bearbeiten\n\tZweite Ebene\n\t\tDritte Ebene"),
        Ph("Date Placeholder", "dt", 2, DT_BOX, p.muted, bg, 1100, sz="half"),
        Ph("Footer Placeholder", "ftr", 3, FTR_BOX, p.muted, bg, 1100, sz="quarter"),
        Ph("Slide Number Placeholder", "sldNum", 4, SLDNUM_BOX, p.muted, bg, 1100, sz="quarter"),
    )
    shapes = [_deco(2, Deco("Brand Strip", TOP_STRIP_BOX, p.band))]
    for n, ph in enumerate(master_phs, start=3):
        shapes.append(_placeholder(n, ph, p, master=True))
    ids = "".join(f'<p:sldLayoutId id="{i}" r:id="{r}"/>' for i, r in layout_ids)
    return (
        f"<p:sldMaster {_NS}><p:cSld>{_bg(bg)}<p:spTree>{_TREE_HEAD}{''.join(shapes)}"
        '</p:spTree></p:cSld><p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" '
        'accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" '
        'accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>'
        f"<p:sldLayoutIdLst>{ids}</p:sldLayoutIdLst>"
        f"<p:txStyles>{_title_style(p)}{_body_style(p)}{_other_style(p)}</p:txStyles>"
        "</p:sldMaster>"
    )


_INSETS = 'lIns="91440" tIns="45720" rIns="91440" bIns="45720"'


def _master_body_pr(ph: Ph) -> str:
    anchor = {"title": "b", "body": "t"}.get(ph.kind, "ctr")
    fit = "<a:normAutofit/>" if ph.kind in ("title", "body") else ""
    return f'<a:bodyPr vert="horz" {_INSETS} rtlCol="0" anchor="{anchor}">{fit}</a:bodyPr>'


def _master_lst_style(ph: Ph) -> str:
    """Title and body take the master text styles; the footer row is styled on its shapes."""
    if ph.kind in ("title", "body"):
        return "<a:lstStyle/>"
    align = "l" if ph.kind == "ftr" else "r"
    return (
        f'<a:lstStyle><a:lvl1pPr algn="{align}">{_rpr(ph.size, None, ph.color)}</a:lvl1pPr>'
        "</a:lstStyle>"
    )


_PPR = 'algn="l" defTabSz="914400" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1"'


def _title_style(p: Palette) -> str:
    return (
        f'<p:titleStyle><a:lvl1pPr {_PPR}><a:lnSpc><a:spcPct val="90000"/></a:lnSpc>'
        '<a:spcBef><a:spcPct val="0"/></a:spcBef><a:buNone/>'
        f'{_rpr(3600, True, p.title, "mj")}'
        "</a:lvl1pPr></p:titleStyle>"
    )


_BULLET_SIZES = (2400, 2000, 1800, 1600, 1600, 1600, 1600, 1600, 1600)
_STEP = 274320  # 0.3 in: hanging indent and per-level indent


def _body_style(p: Palette) -> str:
    levels = []
    for n, size in enumerate(_BULLET_SIZES, start=1):
        char = "•" if n % 2 else "–"
        before = 1000 if n == 1 else 500
        levels.append(
            f'<a:lvl{n}pPr marL="{_STEP * n}" indent="-{_STEP}" {_PPR}>'
            f'<a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:spcBef><a:spcPts val="{before}"/>'
            f"</a:spcBef><a:buClr>{p.title.xml()}</a:buClr><a:buFontTx/>"
            f'<a:buChar char="{char}"/>{_rpr(size, None, p.body, "mn")}</a:lvl{n}pPr>'
        )
    return f"<p:bodyStyle>{''.join(levels)}</p:bodyStyle>"


def _other_style(p: Palette) -> str:
    levels = "".join(
        f'<a:lvl{n}pPr marL="{457200 * (n - 1)}" {_PPR}>{_rpr(1800, None, p.body, "mn")}'
        f"</a:lvl{n}pPr>"
        for n in range(1, 10)
    )
    return f'<p:otherStyle><a:defPPr><a:defRPr lang="{_LANG}"/></a:defPPr>{levels}</p:otherStyle>'
