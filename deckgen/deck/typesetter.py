"""Styles and fitting for one template: what each box's text inherits, and how it fits.

Every question the layout choice, the type scale and the writer ask ("what does this
placeholder's text look like", "does this text fit here at these sizes") is answered here,
once: a batch of decks asks the same questions again and again. Styles follow each layout's
own master (its theme's fonts and colours, `deckgen.deck.themes`).
"""

from __future__ import annotations

import functools
from typing import Any

from deckgen.deck.paragraphs import list_adjusted, replace_level
from deckgen.deck.themes import Themes
from deckgen.geometry import Box
from deckgen.ooxml import ph_elements
from deckgen.template.index import LayoutInfo, Slot
from deckgen.template.resolve import TemplateMap
from deckgen.typeset.fit import FitResult, fit_text
from deckgen.typeset.scale import WIDE_SLIDE_EMU, TextJob
from deckgen.typeset.styles import BoxStyle, box_style

DRAWN_TITLE_MAX = 4400  # a title of the slide's own: at most 44 pt (on a 13.33 in slide)
DRAWN_TITLE_MIN, DRAWN_BODY_MIN = 2800, 1800  # … and at least these where no layout shows one
DRAWN_BODY_MAX = 2800  # body text of the slide's own: at most 28 pt
# whose layouts lend their look to drawn boxes, in turn (for a subtitle: the title slide's)
_LOOK_ROLES = {False: ("point", "bullets", "statement", "closing", "sources"),
               True: ("title", "point", "bullets")}
# which placeholders lend it, best first; any other drawn text takes a body's look
WRAPPED_KINDS = ("title", "body")  # a deck's sentences; a numeral or figure keeps one line
_LOOK_KINDS = {"title": ("title",), "subtitle": ("subtitle", "body", "obj")}


def _donor_rank(kind: str, wanted: tuple[str, ...], ph: Any) -> tuple[int, int, int, int]:
    """Body text borrows the look of the layout's main text area, the largest: a footnote or
    kicker box beside it (10 pt in many corporate content layouts) would set a statement's
    paragraph in the smallest type on the slide. A title or subtitle borrows its own kind."""
    rank = wanted.index(ph.kind) if kind in _LOOK_KINDS else 0
    return rank, -ph.box.w * ph.box.h, ph.box.y, ph.box.x


class Typesetter:
    """The styles and fits of one template, cached for as long as the writer lives."""

    def __init__(self, prs: Any, tmap: TemplateMap) -> None:
        self.prs = prs
        self.tmap = tmap
        self.themes = Themes(prs, tmap.examples.artwork)
        content = self.themes.of(tmap.master)  # the content master's: for reports
        self.fonts, self.colors = content.fonts, content.colors
        self.legibility = content.legibility
        self._style_fonts: dict[int, dict[str, str]] = {}
        self._styles: dict[tuple[int, int | None, str, int | None, str], BoxStyle] = {}
        self._fits: dict[tuple[Any, ...], FitResult] = {}
        # Styles live as long as the writer, so their ids are stable keys for the fit cache.
        self._adjusted_styles: dict[tuple[int, str], BoxStyle] = {}
        self.rewrapped: set[int] = set()  # styles whose template box does not wrap
        self._layout_phs: dict[int, list[Any]] = {}
        # measurements the type scale made, which the fill reuses for the sizes the deck keeps
        self.measured: dict[tuple[Any, ...], FitResult] = {}

    def phs(self, layout: LayoutInfo) -> list[Any]:
        """The layout's placeholder elements, indexed like `PhInfo.pos`."""
        key = id(layout.layout)
        if key not in self._layout_phs:
            self._layout_phs[key] = [sp for sp, _ph in ph_elements(layout.layout._element)]
        return self._layout_phs[key]

    def theme(self, layout: LayoutInfo) -> Any:
        """The theme of the layout's master, through the layout's colour map (`deckgen.deck.themes`)."""
        return self.themes.of(layout.master, layout.layout)

    def fonts_of(self, layout: LayoutInfo) -> dict[str, str]:
        """The theme fonts of the layout's master."""
        return self.theme(layout).fonts

    def fonts_for(self, style: BoxStyle) -> dict[str, str]:
        """The theme fonts a style's ``+mj-lt``/``+mn-lt`` stand for (its master's)."""
        return self._style_fonts.get(id(style), self.fonts)

    def style(self, layout: LayoutInfo, slot: Slot, kind: str) -> BoxStyle:
        key = (id(layout.layout), slot.ph.pos if slot.ph else None, kind,
               slot.look.pos if slot.look and not slot.ph else None,
               slot.anchor if not slot.ph else "")
        style = self._styles.get(key)
        if style is None:
            if slot.ph is not None:
                style = box_style(layout.layout, self.phs(layout)[slot.ph.pos], slot.ph.kind)
                if not style.wrap and kind in WRAPPED_KINDS:
                    # a one-word "Section" title set in a box that never wraps (96 pt in
                    # a pandoc reference) would put a sentence on one line at a third of
                    # that size: the slide's box wraps instead (`Filler` says so on it)
                    style = BoxStyle(style.insets, style.levels, True, style.anchor)
                    self.rewrapped.add(id(style))
            else:
                if slot.look is not None:  # where a placeholder of another kind is, its look
                    base = box_style(layout.layout, self.phs(layout)[slot.look.pos],
                                     slot.look.kind)
                    insets, anchor = base.insets, base.anchor
                else:
                    base = self._drawn_style(layout, kind)
                    insets, anchor = (91440, 45720, 91440, 45720), "t"
                # bullets spelled out: a placeholder of the slide's own inherits none
                levels = tuple(replace_level(lv, bullet=False) for lv in base.levels)
                style = BoxStyle(insets, levels, True, slot.anchor or anchor)
            self._styles[key] = style
            self._style_fonts[id(style)] = self.theme(layout).fonts
        return style

    def _drawn_style(self, layout: LayoutInfo, kind: str) -> BoxStyle:
        """A drawn box stands in for a placeholder the layouts had no room for: it looks like
        that kind of placeholder on the template's own content layouts (colour, weight, size,
        font), so the slide matches its neighbours; without one, the master's.
        In templates LibreOffice wrote the layouts' look often differs from the master's."""
        wanted = _LOOK_KINDS.get(kind, ("body", "obj"))
        for role in _LOOK_ROLES[kind == "subtitle"]:
            for option in self.tmap.options.get(role, ()):
                found = [] if option.drawn else option.layout.of_kind(*wanted)
                styles = [(box_style(option.layout.layout, self.phs(option.layout)[p.pos],
                                     p.kind), p) for p in found]
                # a box in capitals is a label (a kicker over a section title), no text look
                styles = [(st, p) for st, p in styles if kind == "title" or not st.levels[0].caps]
                if styles:
                    donor = min(styles, key=lambda sp: _donor_rank(kind, wanted, sp[1]))[0]
                    return self._readable(donor, kind, raise_small=False)
        # no layout shows such text (titles-only templates): the master's style, at the
        # sizes a designer sets a slide's title and text in at least
        return self._readable(box_style(layout.layout, None, kind), kind)

    def _readable(self, style: BoxStyle, kind: str, raise_small: bool = True) -> BoxStyle:
        """A borrowed look at no more than the sizes a designer sets a slide's title and text
        in: a divider's 72 pt section numeral lends its face, not its size, to a list of
        sources."""
        factor = self.tmap.slide_w / WIDE_SLIDE_EMU
        least = int((DRAWN_TITLE_MIN if kind == "title" else DRAWN_BODY_MIN) * factor)
        most = int((DRAWN_TITLE_MAX if kind == "title" else DRAWN_BODY_MAX) * factor)
        if not raise_small:
            # a layout's own text keeps its size unless it is display type (above a title's
            # largest size); then each level no larger than text: a list keeps its steps
            if style.levels[0].size <= DRAWN_TITLE_MAX * factor:
                return style
            return BoxStyle(style.insets, tuple(replace_level(lv, size=min(lv.size, most))
                                                for lv in style.levels), style.wrap, style.anchor)
        first = style.levels[0].size
        if not first or least <= first <= most:
            return style
        least = most if first > most else least  # display-sized text (a signage master)
        return BoxStyle(style.insets, tuple(replace_level(lv, size=lv.size * least // first)
                                            for lv in style.levels), style.wrap, style.anchor)

    def fit(self, style: BoxStyle, paras: list[tuple[str, int]], box: Box, base: list[int],
             floor: float, max_lines: int = 0, max_scale: float = 1.0,
             spacing: float | None = None) -> FitResult:
        key = (id(style), tuple(paras), box.w, box.h, tuple(base), floor, max_lines, max_scale,
               spacing)
        fit = self._fits.get(key)
        if fit is None:
            fit = fit_text(paras, style, self.fonts_for(style), box.w, box.h, base, floor, max_lines,
                           max_scale, spacing)
            self._fits[key] = fit
        return fit

    def adjusted(self, raw: BoxStyle, list_style: str) -> BoxStyle:
        key = (id(raw), list_style)
        style = self._adjusted_styles.get(key)
        if style is None:
            style = self._adjusted_styles[key] = list_adjusted(raw, list_style)
            self._style_fonts[id(style)] = self.fonts_for(raw)
        return style

    # -- shapes -------------------------------------------------------------------------

    @functools.cached_property
    def body_size(self) -> int:
        """The template's body text size (the master's first level), in hundredths."""
        layout = self.prs.slide_masters[self.tmap.master].slide_layouts[0]
        return box_style(layout, None, "body").levels[0].size

    def factor(self, job: TextJob, sizes: tuple[int, ...], floor: float) -> float | None:
        fit = self.fit(job.style, list(job.paras), job.box, list(sizes), floor, job.max_lines)
        if fit.fits:
            # the fill can reuse this measurement when the deck keeps these sizes
            self.measured[(id(job.style), job.paras, job.box, fit.sizes)] = fit
        return fit.scale if fit.fits else None

    # -- styles and fitting (cached: every deck of a batch asks the same questions) ------
