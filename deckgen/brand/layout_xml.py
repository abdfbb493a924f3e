"""The brand template's master and layouts written as XML, from `deckgen.brand.layouts`'
data: list styles, placeholders, decorations, the logo and the master's text styles.
Every colour is a theme reference and every font ``+mj-lt``/``+mn-lt``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from deckgen.brand.layouts import (
    _DATE_FLD,
    _LANG,
    _NS,
    _SLDNUM_FLD,
    BODY_BOX,
    DT_BOX,
    FTR_BOX,
    SLDNUM_BOX,
    TITLE_BOX,
    TOP_STRIP_BOX,
    Deco,
    LayoutSpec,
    LogoSlot,
    Palette,
    Ph,
    master_style,
)
from deckgen.geometry import Box, inch
from deckgen.typeset.contrast import ColorRef


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
