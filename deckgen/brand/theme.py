"""The theme part: colour scheme, font scheme and a flat format scheme.

Everything on the master and layouts points at these twelve colours and two fonts, so the theme
is the single place where a brand lives; editing it in PowerPoint restyles the whole deck.
The format scheme is deliberately flat (solid fills, thin lines, no effects): brand decks read
better without the gradients and shadows of Office's default.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from deckgen.brand.tokens import BrandTokens
from deckgen.typeset.contrast import ColorRef, legible, mix

_NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
SLOTS = (
    "dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3",
    "accent4", "accent5", "accent6", "hlink", "folHlink",
)


def color_scheme(tokens: BrandTokens) -> dict[str, str]:
    """Slot → ``#RRGGBB``; ``lt2`` mixes toward the background so it stays subtle on dark themes."""
    bg = tokens.background
    scheme = {
        "dk1": tokens.text,
        "lt1": bg,
        "dk2": tokens.primary,
        "lt2": mix(bg, tokens.primary, 0.10),
        "accent1": tokens.primary,
        "accent2": tokens.secondary,
        "accent3": tokens.accent,
        "accent4": mix(tokens.primary, "#FFFFFF", 0.45),
        "accent5": mix(tokens.accent, "#000000", 0.30),
        "accent6": mix(tokens.secondary, "#000000", 0.35),
    }
    # Links are text: they must read on the background like any other text.
    scheme["hlink"] = _readable(tokens.primary, bg)
    scheme["folHlink"] = _readable(mix(tokens.secondary, tokens.text, 0.35), bg)
    return scheme


def _readable(color: str, bg: str) -> str:
    probe = {"x": color}
    return legible(ColorRef("x"), bg, probe).resolve(probe)


def theme_xml(tokens: BrandTokens) -> bytes:
    scheme = color_scheme(tokens)
    name = quoteattr(tokens.name)
    colors = "".join(f'<a:{s}><a:srgbClr val="{scheme[s][1:]}"/></a:{s}>' for s in SLOTS)
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<a:theme xmlns:a="{_NS_A}" name={name}><a:themeElements>'
        f"<a:clrScheme name={name}>{colors}</a:clrScheme>"
        f"<a:fontScheme name={name}>"
        f"<a:majorFont>{_font(tokens.heading_font)}</a:majorFont>"
        f"<a:minorFont>{_font(tokens.body_font)}</a:minorFont>"
        f"</a:fontScheme>{_FMT_SCHEME}</a:themeElements>"
        f"<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
    )
    return xml.encode("utf-8")


def _font(typeface: str) -> str:
    return f'<a:latin typeface={quoteattr(typeface)}/><a:ea typeface=""/><a:cs typeface=""/>'


def _solid(mod: str = "") -> str:
    clr = f'<a:schemeClr val="phClr">{mod}</a:schemeClr>' if mod else '<a:schemeClr val="phClr"/>'
    return f"<a:solidFill>{clr}</a:solidFill>"


def _line(width: int) -> str:
    return (
        f'<a:ln w="{width}" cap="flat" cmpd="sng" algn="ctr">{_solid()}'
        '<a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>'
    )


_TINT60 = '<a:tint val="60000"/>'
_TINT95 = '<a:tint val="95000"/>'
_SHADE80 = '<a:shade val="80000"/>'
_SHADE90 = '<a:shade val="90000"/>'
_FMT_SCHEME = (
    '<a:fmtScheme name="deckgen flat">'
    f"<a:fillStyleLst>{_solid()}{_solid(_TINT60)}{_solid(_SHADE80)}</a:fillStyleLst>"
    f"<a:lnStyleLst>{_line(9525)}{_line(19050)}{_line(28575)}</a:lnStyleLst>"
    "<a:effectStyleLst>"
    + "<a:effectStyle><a:effectLst/></a:effectStyle>" * 3
    + "</a:effectStyleLst>"
    f"<a:bgFillStyleLst>{_solid()}{_solid(_TINT95)}{_solid(_SHADE90)}</a:bgFillStyleLst>"
    "</a:fmtScheme>"
)
