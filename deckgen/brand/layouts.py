"""Slide master and layouts, described as data and written as XML.

The design (geometry, which theme colour each text and band uses) is data: `layout_specs`.
The same data writes the XML and feeds `deckgen.brand.build.contrast_report`, so the contrast
that is checked is the contrast that ships. Every colour is a theme reference and every font
is ``+mj-lt``/``+mn-lt``: a theme edit in PowerPoint restyles the whole template.

Grid (16:9, 13.333 × 7.5 in): 0.6 in outer margins, titles bottom-anchored above an accent
rule at 1.72 in, content from 2.0 to 6.4 in, footer row at 6.55 in.
"""

from __future__ import annotations

from dataclasses import dataclass

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
