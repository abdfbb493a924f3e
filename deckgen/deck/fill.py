"""Writing a text into its box: its paragraphs at the deck's sizes, in colours that read.

The fill is where a text meets what is behind it: the layout's, master's and example
slides' backgrounds, artwork and the placeholder's own fill (`deckgen.typeset.backdrop`).
A colour that does not read is replaced from the template's palette
(`deckgen.deck.legibility`); a text crossing dark and light artwork where no colour reads
gets a see-through panel, as a designer backs text on a busy picture; the statistic's
figure takes the template's brand colour.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from deckgen.deck.legibility import BACKING_ALPHA, SOLID
from deckgen.deck.paragraphs import HLINK_RT, write_paragraphs
from deckgen.deck.type_scale import TypeScale, figure_gap
from deckgen.deck.typesetter import Typesetter
from deckgen.geometry import Box
from deckgen.ooxml import master_phs, master_placeholder
from deckgen.pitch.plan import DeckPlan
from deckgen.template.examples import is_cover_example
from deckgen.template.index import LayoutInfo, Slot
from deckgen.template.resolve import RoleChoice
from deckgen.typeset.backdrop import UNKNOWN
from deckgen.typeset.balance import right_margins
from deckgen.typeset.breaks import keep_together
from deckgen.typeset.contrast import contrast_ratio, needed
from deckgen.typeset.styles import NS, BoxStyle

A = "{{{}}}".format(NS["a"])
P = "{{{}}}".format(NS["p"])


class Filler:
    """Fills text bodies for one deck; backdrops are worked out once per layout and box."""

    def __init__(self, ts: Typesetter, scale: TypeScale) -> None:
        self.ts = ts
        self.scale = scale
        self.plan: DeckPlan | None = None
        self.choices: dict[str, RoleChoice] = {}  # which layout the cover took (`carried_bg`)
        self._backdrops: dict[tuple[Any, ...], str] = {}

    def fill(self, state: Any, key: str, filled: Any) -> None:
        """Write the paragraphs at the deck's sizes, with the breaks those sizes need."""
        layout, slot, text = state.choice.layout, filled.slot, filled.text
        raw = self.ts.style(layout, slot, text.kind)
        style = self.ts.adjusted(raw, text.list_style)
        keep = self.scale.keep
        paras = [(keep_together(p.text, keep), p.level) for p in text.paras]
        inherited = [style.levels[min(p.level, 2)].size for p in text.paras]
        ratio = spacing_ratio(style, filled)
        box = slot.box
        if text.figure and len(paras) > 1:
            box = Box(box.x, box.y, box.w, box.h - figure_gap(filled.sizes[0]) * 127)
        fit = self.ts.measured.get((id(style), tuple(paras), box, filled.sizes))
        if fit is None:
            fit = self.ts.fit(style, paras, box, list(filled.sizes), 1.0, spacing=ratio)
        explicit = (slot.ph is None or list(fit.sizes) != inherited
                    or any(lv.from_runs or lv.own for lv in style.levels))
        sizes: list[int | None] = list(fit.sizes) if explicit else [None] * len(paras)
        where = f"{state.choice.role} {key}"
        number = state.number
        bg = self.backdrop(layout, slot)
        level = style.levels[0]
        backing = self._backing(layout, slot, level, bg)
        set_backing(filled.sp, backing[0] if backing else None)
        if backing:
            bg = backing[1]
        rest = fit.sizes[1:] if text.figure else fit.sizes
        small = min(rest) / 100 if rest else fit.sizes[0] / 100
        theme = self.ts.theme(layout)
        fg, fg_slot = theme.legibility.text_color(level)
        fill = theme.legibility.fill_for(fg, fg_slot, bg, small, level.bold, where, number)
        look: dict[str, Any] = {}
        if slot.ph is None or level.from_runs:
            # a drawn box, or a template whose look is only in its sample text: the look is
            # written on the runs, since nothing would pass it on
            look = {"font": level.font, "bold": level.bold, "caps": level.caps}
            if fill is None and level.color is not None:
                fill = SOLID.format(etree.tostring(level.color, encoding=str))
        link_fill = None
        if has_links(text.paras):
            link = theme.colors.get("hlink", "#0563C1")
            link_fill = theme.legibility.fill_for(link, "hlink", bg, small, level.bold,
                                                 f"{where} link", number)
        gap: dict[int, int] = {}
        if ratio < 1.0:
            for i, p in enumerate(text.paras[1:], 1):
                before = style.levels[min(p.level, 2)].before_pts
                if before:
                    gap[i] = int(before * ratio * 100)
        if text.figure and len(paras) > 1:
            gap[1] = figure_gap(fit.sizes[0])
        slide_part = state.slide.part
        body = filled.sp.get_or_add_txBody()
        # the slot's own anchor, where it moved a placeholder (a heading put first)
        anchor = text.anchor or (slot.anchor if slot.ph is not None else "")
        if anchor:
            body.find(f"{A}bodyPr").set("anchor", anchor)
        if id(raw) in self.ts.rewrapped:
            body.find(f"{A}bodyPr").set("wrap", "square")
        right = right_margins(paras, style, self.ts.fonts_for(style), box.w, fit.sizes) if (
            text.balance and not fit.hyphenate and not fit.url_lines) else None
        write_paragraphs(
            body, text.paras, sizes, list_style=text.list_style, right=right,
            style=raw, lang=self.plan.lang, hyph=fit.hyphenate, url_lines=dict(fit.url_lines),
            keep=keep, released=fit.released,
            link_rid=lambda url: slide_part.relate_to(url, HLINK_RT,
                                                                  is_external=True),
            fill=fill, link_fill=link_fill, space_before=gap or None, **look)
        if text.figure:
            accent = self._figure_colour(layout, bg, fit.sizes[0] / 100,
                                         f"{state.choice.role} figure", number)
            _color_first_paragraph(filled.sp, accent)

    def backdrop(self, layout: LayoutInfo, slot: Slot) -> str:
        key = (id(layout.layout), slot.ph.pos if slot.ph else None, slot.box)
        found = self._backdrops.get(key)
        if found is None:
            found = self._backdrops[key] = self._find_backdrop(layout, slot)
        return found

    def _backing(self, layout: LayoutInfo, slot: Slot, level: Any,
                 bg: str) -> tuple[str, str] | None:
        """(theme slot, what the text then sits on) for a panel behind a text that crosses
        dark and light parts of the template's artwork where no colour reads on all of them,
        as a designer backs text on a busy picture; None where the text reads as it is.
        Decided for the box, at the strictest contrast, so every text in it gets the same."""
        if "/" not in bg:
            return None
        theme = self.ts.theme(layout)
        colors = theme.colors
        fg, fg_slot = theme.legibility.text_color(level)
        if theme.legibility.can_read(fg, fg_slot, bg, 0.0, False):
            return None
        from deckgen.typeset.contrast import colours_of, mix

        # the slide's own background colour, unless the text is light and cannot be darkened
        # into reading on it (then the text colour's opposite)
        panel = "bg1" if contrast_ratio(fg, colors["bg1"]) >= 3.0 else max(
            ("bg1", "tx1"), key=lambda name: contrast_ratio(fg, colors[name]))
        shown = "/".join(mix(part, colors[panel], BACKING_ALPHA / 100_000)
                         for part in colours_of(bg))
        return panel, shown

    def _find_backdrop(self, layout: LayoutInfo, slot: Slot) -> str:
        fills: tuple[Any, ...] = ()
        if slot.ph is not None:
            own = self.ts.phs(layout)[slot.ph.pos].find(f"{P}spPr")
            master = master_placeholder(master_phs(layout.layout.slide_master._element),
                                        slot.ph.ph_type or "obj")
            mine = master.find(f"{P}spPr") if master is not None else None
            # the most specific fill wins: a layout's noFill takes the master's fill away
            for props in (own, mine):
                if props is not None and any(props.find(f"{A}{k}") is not None for k in (
                        "noFill", "solidFill", "gradFill", "blipFill", "pattFill")):
                    fills = () if props.find(f"{A}noFill") is not None else (props,)
                    break
        return self.ts.theme(layout).legibility.background(layout.layout, slot.box, fills,
                                                          self.carried_bg(layout))

    def carried_bg(self, layout: LayoutInfo, title: bool | None = None) -> Any:
        """The example slides' own background the slides of this layout take, if any (not
        the cover's where the cover example did not show it); the cover example's own on a
        cover set on its layout."""
        if title is None:
            title = "title" in self.choices and self.choices["title"].layout is layout
        examples = self.ts.tmap.examples
        if title and examples.cover_background is not None and is_cover_example(examples,
                                                                                 layout):
            return examples.cover_background
        for master, part, cover in examples.backgrounds:
            if master == layout.master and (cover or not title):
                return part
        return None

    def _figure_colour(self, layout: LayoutInfo, bg: str, size_pt: float, where: str,
                       number: int) -> str:
        """The brand, else the first theme accent, that reads on the background (the
        figure's emphasis)."""
        theme = self.ts.theme(layout)
        if theme.brand:  # the template's brand colour where it reads, else a shade deeper
            from deckgen.typeset.contrast import ColorRef, brand_step

            ref = ColorRef(theme.brand)
            if bg == UNKNOWN or contrast_ratio(ref.resolve(theme.colors), bg) >= needed(size_pt):
                return SOLID.format(ref.xml())
            # the shade the chart's slice takes too (`slice_colours`)
            deeper = brand_step(ref, theme.colors, bg, max(needed(size_pt), 3.3))
            if deeper is not None:
                return SOLID.format(deeper.xml())
        for n in range(1, 7):
            value = theme.colors.get(f"accent{n}")
            if value and (bg == UNKNOWN or contrast_ratio(value, bg) >= needed(size_pt)):
                return SOLID.format(f'<a:schemeClr val="accent{n}"/>')
        fill = theme.legibility.fill_for(theme.colors.get("accent1", "#4472C4"), "accent1", bg,
                                         size_pt, True, where, number)
        return fill or SOLID.format('<a:schemeClr val="accent1"/>')



def spacing_ratio(style: BoxStyle, filled: Any) -> float:
    """The share of the template's size the deck's scale gives: spacing shrinks alike."""
    inherited = [style.levels[min(p.level, 2)].size for p in filled.text.paras]
    skip = 1 if filled.text.figure else 0  # a figure is enlarged, not scaled
    return min(1.0, min((s / i for s, i in zip(filled.sizes[skip:], inherited[skip:]) if i),
                        default=1))


def set_backing(sp: Any, panel: str | None) -> None:
    """Give the shape a see-through panel in theme colour ``panel`` (or take deckgen's panel
    away: a refill may no longer need it); a fill the shape had otherwise stays."""
    sppr = sp.find(f"{P}spPr")
    if sppr is None:
        return
    for old in sppr.findall(f"{A}solidFill"):
        if _is_backing(old):
            sppr.remove(old)
    if panel is None:
        return
    for old in sppr.findall(f"{A}noFill"):  # one fill at most (schema)
        sppr.remove(old)
    fill = etree.fromstring(f'<a:solidFill xmlns:a="{A[1:-1]}"><a:schemeClr val="{panel}">'
                            f'<a:alpha val="{BACKING_ALPHA}"/></a:schemeClr></a:solidFill>')
    index = 0
    for i, child in enumerate(sppr):
        if child.tag in (f"{A}xfrm", f"{A}custGeom", f"{A}prstGeom"):
            index = i + 1
    sppr.insert(index, fill)


def _is_backing(fill: Any) -> bool:
    alpha = fill.find(f"{A}schemeClr/{A}alpha")
    return alpha is not None and alpha.get("val") == str(BACKING_ALPHA)


def _color_first_paragraph(sp: Any, fill: str | None) -> None:
    """The figure in a theme accent: set on its runs, so the caption keeps the body colour."""
    from pptx.oxml import parse_xml

    p = sp.find(f"{P}txBody/{A}p")
    if p is None or fill is None:
        return
    for rpr in p.iter(f"{A}rPr"):
        for old in rpr.findall(f"{A}solidFill"):
            rpr.remove(old)
        rpr.insert(0, parse_xml(fill))  # the fill comes before fonts and links (schema order)


def has_links(paras: tuple[Any, ...]) -> bool:
    return any(run.url for p in paras for run in p.all_runs())
