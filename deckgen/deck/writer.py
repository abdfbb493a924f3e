"""DeckPlan + TemplateMap → a python-pptx `Presentation`.

Every text goes into a clone of a layout placeholder (drawn boxes only where the template has
no suitable placeholder), so the deck stays editable and restyles with its template. Only the
placeholders a slide uses are cloned: nothing is left saying "Click to add text".

A batch builds many decks that differ only in a few company-dependent texts. `DeckWriter`
therefore builds the first deck in full and, for the next company, refills only the text
bodies whose text changed; when the structure would change (a footer that no longer fits, a
changed link or chart) it says so and the caller builds from a fresh template instead. Both
paths run the same fill code, so a deck's bytes do not depend on its place in a batch.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass, field, replace
from typing import Any

from lxml import etree
from pptx.shapes.shapetree import SlideShapeFactory

from deckgen.brand.logo import BrandLogo
from deckgen.deck import diagrams
from deckgen.deck.chart import add_chart
from deckgen.deck.cleanup import remove_slides
from deckgen.deck.diagrams import DrawingMixin
from deckgen.deck.fields import FieldsMixin, shown
from deckgen.deck.legibility import BACKING_ALPHA, SOLID, table_header_colour
from deckgen.deck.notes import NotesWriter
from deckgen.deck.package_fixes import (
    add_missing_parts,
    drop_invalid_font_hints,
    move_misplaced_attributes,
    order_presentation,
    order_text_bodies,
)
from deckgen.deck.paragraphs import HLINK_RT, list_adjusted, replace_level, write_paragraphs
from deckgen.deck.slide_texts import FIGURE_BOOST, slide_texts
from deckgen.deck.slot_text import SlotText
from deckgen.deck.themes import Themes
from deckgen.errors import DeckgenError
from deckgen.geometry import Box
from deckgen.ooxml import master_phs, master_placeholder, ph_elements, shape_text
from deckgen.pitch.plan import DeckPlan, SlideSpec
from deckgen.template.index import LayoutInfo, PhInfo
from deckgen.template.resolve import RoleChoice, Slot, TemplateMap
from deckgen.typeset.backdrop import UNKNOWN
from deckgen.typeset.balance import right_margins
from deckgen.typeset.breaks import keep_together
from deckgen.typeset.contrast import contrast_ratio, needed
from deckgen.typeset.fit import FitResult, fit_text, measure
from deckgen.typeset.scale import WIDE_SLIDE_EMU, TextJob, decide, min_pt, min_sizes
from deckgen.typeset.styles import NS, BoxStyle, box_style

A = "{{{}}}".format(NS["a"])
P = "{{{}}}".format(NS["p"])
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
DRAWN_TITLE_MAX = 4400  # a title of the slide's own: at most 44 pt (on a 13.33 in slide)
DRAWN_TITLE_MIN, DRAWN_BODY_MIN = 2800, 1800  # … and at least these where no layout shows one
DRAWN_BODY_MAX = 2800  # body text of the slide's own: at most 28 pt
OWN_IDX = 4000  # idx of the body placeholders a slide gets of its own (none on any layout)
# a layout's title must keep half its size, or six tenths of the body's, else it is too small
TITLE_KEEP, TITLE_OVER_BODY = 0.5, 0.6
EMU_PER_TENTH_INCH = 91440
Texts = dict[str, tuple[Slot, SlotText]]


@dataclass
class _Filled:
    """A text body deckgen wrote, remembered so the next company can refill just this one."""

    sp: Any
    slot: Slot
    text: SlotText
    sizes: tuple[int, ...]


@dataclass
class _SlideState:
    slide: Any
    choice: RoleChoice
    number: int
    spec: SlideSpec
    texts: dict[str, _Filled] = field(default_factory=dict)
    fields: dict[str, tuple[Any, str]] = field(default_factory=dict)
    order: dict[Any, tuple[int, int, int]] = field(default_factory=dict)
    next_id: int = 2  # shape id 1 is the slide's group shape
    logo: Any = None  # the organisation's logo picture placed here (`_logo`)
    logo_by_text: bool = False  # its place depends on the texts: a refill places it afresh


class Rebuild(Exception):
    """The next plan differs in structure, not just in text: build from a fresh template."""


class DeckWriter(FieldsMixin, DrawingMixin):
    """Writes plans into one presentation: in full the first time, by refilling afterwards."""

    def __init__(self, prs: Any, tmap: TemplateMap, logo: BrandLogo | None = None) -> None:
        self.prs = prs
        self.tmap = tmap
        self.themes = Themes(prs)
        content = self.themes.of(tmap.master)  # the content master's: for reports
        self.fonts, self.colors = content.fonts, content.colors
        self._style_fonts: dict[int, dict[str, str]] = {}
        self._styles: dict[tuple[int, int | None, str], BoxStyle] = {}
        self._fits: dict[tuple[Any, ...], FitResult] = {}
        # Styles live as long as the writer, so their ids are stable keys for the fit cache.
        self._adjusted_styles: dict[tuple[int, str], BoxStyle] = {}
        self._layout_phs: dict[int, list[Any]] = {}
        self._ph_cache: dict[tuple[int, int], tuple[Any, str]] = {}
        self._notes = NotesWriter()
        self.legibility = content.legibility
        self.warnings: list[str] = []
        self._left_out: dict[tuple[str, str], list[str]] = {}
        self._backdrops: dict[tuple[Any, ...], str] = {}
        self._measured: dict[tuple[Any, ...], FitResult] = {}
        self._job_cache: dict[tuple[Any, ...], list[TextJob]] = {}
        self.slides: list[_SlideState] = []
        self.plan: DeckPlan | None = None
        self.choices: dict[str, RoleChoice] = {}
        self.logo = logo  # an organisation's logo for its title and closing slides
        self.logo_places: list[str] = []
        self._sample_notes: list[str] = []

    # -- public -------------------------------------------------------------------------
    def write(self, plan: DeckPlan) -> Any:
        remove_slides(self.prs)
        add_missing_parts(self.prs)
        order_presentation(self.prs)
        order_text_bodies(self.prs)
        move_misplaced_attributes(self.prs)
        drop_invalid_font_hints(self.prs)
        from deckgen.template.sample_text import clean_sample_text

        self._sample_notes = clean_sample_text(self.prs, plan)
        self.warnings.extend(n for n in self._sample_notes if n not in self.warnings)
        self.plan = plan
        self._job_cache.clear()
        self._measured.clear()
        self.choices = self.choose(plan)
        texts = [slide_texts(spec, self.choices[spec.role]) for spec in plan.slides]
        sizes = self._typeset(plan, texts)
        for number, (spec, slide_text) in enumerate(zip(plan.slides, texts), 1):
            choice = self.choices[spec.role]
            # Not prs.slides.add_slide: it clones every layout placeholder, and we clone only
            # the ones this slide uses.
            rid, slide = self.prs.slides.part.add_slide(choice.layout.layout)
            self.prs.slides._sldIdLst.add_sldId(rid)
            state = _SlideState(slide, choice, number, spec)
            under = self._carried_bg(choice.layout, spec.role == "title")
            if under is not None:
                from deckgen.deck.artwork import carry_background

                carry_background(slide, under)
            if self.tmap.examples.artwork:
                from deckgen.deck.artwork import carry

                placed, state.next_id = carry(slide, self.tmap.examples.artwork,
                                              choice.layout.master, spec.role == "title",
                                              state.next_id)
                # behind everything, or read after the slide's own text when it says something
                state.order.update({el: (3 if shape_text(el).strip() else -1, 0, i)
                                    for i, el in enumerate(placed)})
            for key, (slot, text) in slide_text.items():
                self._create_text(state, key, slot, text, sizes[(number - 1, key)])
            if spec.chart is not None:
                self._chart(state, spec)
            if spec.table is not None:
                from deckgen.deck.table import add_table

                theme = self._theme(choice.layout)
                frame = self._graphic(state, "table", add_table, spec.table, plan.lang, None,
                                      self._fonts_of(choice.layout), theme.colors,
                                      self._text_edges(state.choice)[0])
                table_header_colour(theme.legibility, frame, "table header", number)
            if spec.image is not None:
                from deckgen.deck.picture import place_picture

                self._graphic(state, "picture", place_picture, spec.image)
            if spec.role in diagrams.ROLES:
                self._diagram(state, spec, sizes[(number - 1, "title")][0] / 100)
            for kind, (info, text) in self._field_texts(choice.layout, number, plan).items():
                fit, text = self._field_fit(choice.layout, info, text)
                if fit.fits:
                    self._create_field(state, kind, info, text, fit)
            if self.logo is not None:
                self._logo(state)
            self._notes.write(slide, spec.notes, plan.lang)
            self._reading_order(state)
            self.slides.append(state)
        return self.prs

    def update(self, plan: DeckPlan) -> Any:
        """Refill what changed since the last plan; raises `Rebuild` if that is not enough."""
        old = self.plan
        if old is None or len(old.slides) != len(plan.slides) or old.lang != plan.lang:
            raise Rebuild
        if any("replaced with" in n for n in self._sample_notes) and (
                old.company, old.presenter, old.title, old.date) != (
                plan.company, plan.presenter, plan.title, plan.date):
            raise Rebuild  # the masters show the deck's own values where examples stood
        self.plan = plan
        self._job_cache.clear()
        self._measured.clear()
        if self.choose(plan) != self.choices:
            raise Rebuild  # the new texts need other layouts
        texts = [slide_texts(spec, self.choices[spec.role]) for spec in plan.slides]
        sizes = self._typeset(plan, texts)
        for i, (state, spec) in enumerate(zip(self.slides, plan.slides)):
            if (spec.role, spec.chart, spec.table, spec.image, spec.figures, spec.steps) != (
                    state.spec.role, state.spec.chart, state.spec.table, state.spec.image,
                    state.spec.figures, state.spec.steps):
                raise Rebuild
            if texts[i].keys() != state.texts.keys():
                raise Rebuild
            # another text may give the logo another place: placed afresh, as `write` would
            relogo = state.logo_by_text and any(
                (text, sizes[(i, key)]) != (state.texts[key].text, state.texts[key].sizes)
                for key, (_s, text) in texts[i].items())
            if relogo:
                self._unplace_logo(state, texts[i])
            for key, (_slot, text) in texts[i].items():
                filled = state.texts[key]
                if text == filled.text and sizes[(i, key)] == filled.sizes and not relogo:
                    continue
                if _has_links(text.paras + filled.text.paras):
                    raise Rebuild  # links own relationships; a refill would orphan them
                filled.text, filled.sizes = text, sizes[(i, key)]
                self._fill(state, key, filled)
            fields = self._field_texts(state.choice.layout, state.number, plan)
            for kind, (info, text) in fields.items():
                fit, text = self._field_fit(state.choice.layout, info, text)
                if fit.fits != (kind in state.fields):
                    raise Rebuild  # a footer appears or disappears
                if fit.fits and state.fields[kind][1] != text:
                    sp = state.fields[kind][0]
                    self._write_field(sp, state.choice.layout, info, text, fit)
                    state.fields[kind] = (sp, text)
            if relogo:
                self._logo(state)
                self._reading_order(state)
            if spec.notes != state.spec.notes:
                self._notes.write(state.slide, spec.notes, plan.lang)
            state.spec = spec
        return self.prs

    # -- which layout, what size ----------------------------------------------------------
    def choose(self, plan: DeckPlan) -> dict[str, RoleChoice]:
        """Per role, the first candidate whose boxes hold every such slide's texts at no less
        than the minimum sizes; the drawn fallback if none does."""
        out: dict[str, RoleChoice] = {}
        roles = list(dict.fromkeys(spec.role for spec in plan.slides))
        for role in roles:
            specs = [(i, s) for i, s in enumerate(plan.slides) if s.role == role]
            options = self.tmap.options.get(role) or (self.tmap.choices[role],)
            for option in options:
                failure = self._too_small(specs, option)
                if failure is None:
                    out[role] = option
                    break
            else:
                i, key, text = failure
                raise DeckgenError(
                    f"slide {i + 1} ({role}): the {key} text does not fit even on the whole "
                    f"free area of the slide at {min_pt_for(key, self.tmap.slide_w):g} pt; "
                    f"shorten it: {shown(text)!r}")
        return out

    def _too_small(self, specs: list[tuple[int, SlideSpec]],
                   option: RoleChoice) -> tuple[int, str, str] | None:
        for i, spec in specs:
            for key, thing in (("chart", spec.chart), ("table", spec.table),
                               ("picture", spec.image)):
                slot = option.slots.get(key)
                if thing is not None and slot is not None and not self._roomy(slot.box):
                    return i, key, f"the {key} would have {slot.box.w * 100 // self.tmap.slide_w}" \
                        f" % of the slide's width and {slot.box.h * 100 // self.tmap.slide_h} %" \
                        " of its height"
            if spec.role in diagrams.ROLES and not self._diagram_fits(spec, option):
                return i, spec.role, diagrams.texts(spec)
            for job in self._jobs(i, spec, option, slide_texts(spec, option)):
                floor = min_pt(job, self.tmap.slide_w)
                if job.is_title and not option.drawn:
                    # a title box that holds the title only below half the template's size
                    # and well below its body text was made for shorter titles: set there,
                    # it would read as a footnote (a 72 pt title may shrink to 32 pt)
                    floor = max(floor, min(TITLE_KEEP * job.base[0],
                                           TITLE_OVER_BODY * self._body_size) / 100)
                fit = self._fit(job.style, list(job.paras), job.box, list(job.base), floor,
                                job.max_lines)
                # a box that holds the text only with the company's name broken over lines:
                # a designer would pick another layout (the drawn boxes may still break it)
                if not fit.fits or (fit.released and not option.drawn):
                    return i, job.key, " ".join(t for t, _ in job.paras)
        return None

    @functools.cached_property
    def _body_size(self) -> int:
        """The template's body text size (the master's first level), in hundredths."""
        layout = self.prs.slide_masters[self.tmap.master].slide_layouts[0]
        return box_style(layout, None, "body").levels[0].size

    def _roomy(self, box: Box) -> bool:
        """A chart, table or picture squeezed between a template's artwork below a fifth of
        the slide's width or a quarter of its height cannot be read: another layout, or
        boxes drawn in the free area, serve it better."""
        return box.w >= 0.2 * self.tmap.slide_w and box.h >= 0.25 * self.tmap.slide_h

    def _typeset(self, plan: DeckPlan, texts: list[Texts]) -> dict[tuple[int, str],
                                                                     tuple[int, ...]]:
        jobs = [job for i, spec in enumerate(plan.slides)
                for job in self._jobs(i, spec, self.choices[spec.role], texts[i])]
        return decide(jobs, self._factor, self.tmap.slide_w)

    def _jobs(self, i: int, spec: SlideSpec, choice: RoleChoice, texts: Texts) -> list[TextJob]:
        key = (i, id(spec), id(choice))
        found = self._job_cache.get(key)
        if found is None:
            found = self._job_cache[key] = self._make_jobs(i, spec, choice, texts)
        return found

    def _make_jobs(self, i: int, spec: SlideSpec, choice: RoleChoice,
                   texts: Texts) -> list[TextJob]:
        layout = choice.layout
        keep = self._keep()
        out = []
        for key, (slot, text) in texts.items():
            style = self._adjusted(self._style(layout, slot, text.kind), text.list_style)
            base = [int(style.levels[min(p.level, 2)].size * (
                text.scales[k] if k < len(text.scales) else 1.0))
                for k, p in enumerate(text.paras)]
            if slot.ph is None and text.kind == "title":  # the content titles' size, bounded
                top = int(DRAWN_TITLE_MAX * self.tmap.slide_w / WIDE_SLIDE_EMU)
                base = [min(b, top) for b in base]
            # a template's size below the readable minimum is raised to it
            floor = int(min_pt_for(key, self.tmap.slide_w) * 100)
            base = [max(b, floor) for b in base]
            if text.figure:
                base[0] = min(7200, max(4400, int(base[0] * FIGURE_BOOST)))
            if key == "title":
                b = slot.box
                group: tuple[object, ...] = ("title",
                                             *(round(v / EMU_PER_TENTH_INCH) for v in
                                               (b.x, b.y, b.w, b.h)))
            else:
                group = (id(layout.layout), spec.role, text.group or key)
            paras = tuple((keep_together(p.text, keep), p.level) for p in text.paras)
            box = slot.box
            if text.figure and len(paras) > 1:  # room for the clear space before the caption
                box = Box(box.x, box.y, box.w, box.h - _figure_gap(base[0]) * 127)
            out.append(TextJob(i, key, spec.role, paras, style, box, tuple(base), group,
                               text.max_lines, text.figure))
        return out

    def _keep(self) -> tuple[str, ...]:
        plan = self.plan
        return tuple(n for n in (plan.company, plan.presenter) if n) if plan else ()

    def _factor(self, job: TextJob, sizes: tuple[int, ...], floor: float) -> float | None:
        fit = self._fit(job.style, list(job.paras), job.box, list(sizes), floor, job.max_lines)
        if fit.fits:
            # the fill can reuse this measurement when the deck keeps these sizes
            self._measured[(id(job.style), job.paras, job.box, fit.sizes)] = fit
        return fit.scale if fit.fits else None

    # -- styles and fitting (cached: every deck of a batch asks the same questions) ------
    def _phs(self, layout: LayoutInfo) -> list[Any]:
        """The layout's placeholder elements, indexed like `PhInfo.pos`."""
        key = id(layout.layout)
        if key not in self._layout_phs:
            self._layout_phs[key] = [sp for sp, _ph in ph_elements(layout.layout._element)]
        return self._layout_phs[key]

    def _theme(self, layout: LayoutInfo) -> Any:
        """The theme of the layout's master (`deckgen.deck.themes`)."""
        return self.themes.of(layout.master)

    def _fonts_of(self, layout: LayoutInfo) -> dict[str, str]:
        """The theme fonts of the layout's master."""
        return self._theme(layout).fonts

    def _fonts(self, style: BoxStyle) -> dict[str, str]:
        """The theme fonts a style's ``+mj-lt``/``+mn-lt`` stand for (its master's)."""
        return self._style_fonts.get(id(style), self.fonts)

    def _style(self, layout: LayoutInfo, slot: Slot, kind: str) -> BoxStyle:
        key = (id(layout.layout), slot.ph.pos if slot.ph else None, kind)
        style = self._styles.get(key)
        if style is None:
            if slot.ph is not None:
                style = box_style(layout.layout, self._phs(layout)[slot.ph.pos], slot.ph.kind)
            else:
                style = self._drawn_style(layout, kind)
                # bullets spelled out: a text box inherits none
                levels = tuple(replace_level(lv, bullet=False) for lv in style.levels)
                style = BoxStyle((91440, 45720, 91440, 45720), levels, True)
            self._styles[key] = style
            self._style_fonts[id(style)] = self._theme(layout).fonts
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
                if found:
                    donor = min(found, key=lambda p: (wanted.index(p.kind), p.box.y, p.box.x))
                    return box_style(option.layout.layout, self._phs(option.layout)[donor.pos],
                                     donor.kind)
        # no layout shows such text (titles-only templates): the master's style, at the
        # sizes a designer sets a slide's title and text in at least
        style = box_style(layout.layout, None, kind)
        factor = self.tmap.slide_w / WIDE_SLIDE_EMU
        least = int((DRAWN_TITLE_MIN if kind == "title" else DRAWN_BODY_MIN) * factor)
        most = int((DRAWN_TITLE_MAX if kind == "title" else DRAWN_BODY_MAX) * factor)
        first = style.levels[0].size
        if not first or least <= first <= most:
            return style
        least = most if first > most else least  # display-sized text (a signage master)
        return BoxStyle(style.insets, tuple(replace_level(lv, size=lv.size * least // first)
                                            for lv in style.levels), style.wrap, style.anchor)

    def _fit(self, style: BoxStyle, paras: list[tuple[str, int]], box: Box, base: list[int],
             floor: float, max_lines: int = 0, max_scale: float = 1.0,
             spacing: float | None = None) -> FitResult:
        key = (id(style), tuple(paras), box.w, box.h, tuple(base), floor, max_lines, max_scale,
               spacing)
        fit = self._fits.get(key)
        if fit is None:
            fit = fit_text(paras, style, self._fonts(style), box.w, box.h, base, floor, max_lines,
                           max_scale, spacing)
            self._fits[key] = fit
        return fit

    def _adjusted(self, raw: BoxStyle, list_style: str) -> BoxStyle:
        key = (id(raw), list_style)
        style = self._adjusted_styles.get(key)
        if style is None:
            style = self._adjusted_styles[key] = list_adjusted(raw, list_style)
            self._style_fonts[id(style)] = self._fonts(raw)
        return style

    # -- shapes -------------------------------------------------------------------------
    def _ph_proto(self, layout: LayoutInfo, info: PhInfo) -> tuple[Any, str]:
        """A fresh slide placeholder for this layout placeholder, built once and copied."""
        key = (id(layout.layout), info.pos)
        proto = self._ph_cache.get(key)
        if proto is None:
            proto = self._ph_cache[key] = _placeholder_sp(self._phs(layout)[info.pos])
        return proto

    def _clone(self, state: _SlideState, info: PhInfo, box: Box | None = None) -> Any:
        """A slide placeholder inheriting from the layout's (what PowerPoint does itself)."""
        layout = state.choice.layout
        proto, basename = self._ph_proto(layout, info)
        shape_id = state.next_id
        state.next_id += 1
        sp = copy.deepcopy(proto)
        c_nv = sp.find(f"{P}nvSpPr/{P}cNvPr")
        c_nv.set("id", str(shape_id))
        c_nv.set("name", f"{basename} {shape_id - 1}")
        tree = state.slide.shapes._spTree
        tree.insert_element_before(sp, "p:extLst")
        shapes = state.slide.shapes
        b = box or info.box
        if box is not None or layout.duplicate_idx or info.repaired:
            shape = SlideShapeFactory(sp, shapes)
            shape.left, shape.top, shape.width, shape.height = b.x, b.y, b.w, b.h
        state.order[sp] = (0 if info.kind == "title" else 2 if info.kind in (
            "dt", "ftr", "sldNum") else 1, b.y, b.x)
        return sp

    def _create_text(self, state: _SlideState, key: str, slot: Slot, text: SlotText,
                     sizes: tuple[int, ...]) -> None:
        if slot.ph is not None:
            sp = self._clone(state, slot.ph, slot.box if slot.resized else None)
        else:
            sp = self._own_placeholder(state, key, slot.box, text.kind)
        filled = _Filled(sp, slot, text, sizes)
        state.texts[key] = filled
        self._fill(state, key, filled)

    def _own_placeholder(self, state: _SlideState, key: str, box: Box, kind: str) -> Any:
        """A placeholder of the slide's own where the layout has none for this text: a real
        title (``type="title"``) or body (an ``idx`` of its own) at an explicit position, so
        the outline view, screen readers and "Go to slide" see the slide's title and text.
        Its look is written out (`_fill`), as nothing on the layout passes it on."""
        from pptx.oxml import parse_xml

        shape_id = state.next_id
        state.next_id += 1
        ph = '<p:ph type="title"/>' if key == "title" else (
            f'<p:ph type="body" idx="{OWN_IDX + len(state.texts)}"/>')
        name = f"{_DRAWN_NAMES.get(key, key.capitalize())} {shape_id - 1}"
        style = self._style(state.choice.layout, Slot(None, box), kind)
        left, top, right, bottom = style.insets
        sp = parse_xml(
            f'<p:sp xmlns:a="{NS["a"]}" xmlns:p="{NS["p"]}"><p:nvSpPr>'
            f'<p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/>'
            f'</p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:spPr>{box.xfrm()}</p:spPr>'
            f'<p:txBody><a:bodyPr wrap="square" lIns="{left}" tIns="{top}" rIns="{right}" '
            f'bIns="{bottom}" anchor="{style.anchor}"><a:normAutofit/></a:bodyPr>'
            '<a:lstStyle/><a:p/></p:txBody></p:sp>')
        state.slide.shapes._spTree.insert_element_before(sp, "p:extLst")
        state.order[sp] = (0 if key == "title" else 1, box.y, box.x)
        return sp

    def _fill(self, state: _SlideState, key: str, filled: _Filled) -> None:
        """Write the paragraphs at the deck's sizes, with the breaks those sizes need."""
        layout, slot, text = state.choice.layout, filled.slot, filled.text
        raw = self._style(layout, slot, text.kind)
        style = self._adjusted(raw, text.list_style)
        keep = self._keep()
        paras = [(keep_together(p.text, keep), p.level) for p in text.paras]
        inherited = [style.levels[min(p.level, 2)].size for p in text.paras]
        ratio = _spacing_ratio(style, filled)
        box = slot.box
        if text.figure and len(paras) > 1:
            box = Box(box.x, box.y, box.w, box.h - _figure_gap(filled.sizes[0]) * 127)
        fit = self._measured.get((id(style), tuple(paras), box, filled.sizes))
        if fit is None:
            fit = self._fit(style, paras, box, list(filled.sizes), 1.0, spacing=ratio)
        explicit = (slot.ph is None or list(fit.sizes) != inherited
                    or any(lv.from_runs or lv.own for lv in style.levels))
        sizes: list[int | None] = list(fit.sizes) if explicit else [None] * len(paras)
        where = f"{state.choice.role} {key}"
        number = state.number
        bg = self._backdrop(layout, slot)
        level = style.levels[0]
        backing = self._backing(layout, slot, level, bg)
        set_backing(filled.sp, backing[0] if backing else None)
        if backing:
            bg = backing[1]
        rest = fit.sizes[1:] if text.figure else fit.sizes
        small = min(rest) / 100 if rest else fit.sizes[0] / 100
        theme = self._theme(layout)
        fg, fg_slot = theme.legibility.text_color(level)
        fill = theme.legibility.fill_for(fg, fg_slot, bg, small, level.bold, where, number)
        look: dict[str, Any] = {}
        if slot.ph is None or level.from_runs:
            # a drawn box, or a template whose look is only in its sample text: the look is
            # written on the runs, since nothing would pass it on
            look = {"font": level.font, "bold": level.bold}
            if fill is None and level.color is not None:
                fill = SOLID.format(etree.tostring(level.color, encoding=str))
        link_fill = None
        if _has_links(text.paras):
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
            gap[1] = _figure_gap(fit.sizes[0])
        slide_part = state.slide.part
        body = filled.sp.get_or_add_txBody()
        if text.anchor:
            body.find(f"{A}bodyPr").set("anchor", text.anchor)
        right = right_margins(paras, style, self._fonts(style), box.w, fit.sizes) if (
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

    def _backdrop(self, layout: LayoutInfo, slot: Slot) -> str:
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
        theme = self._theme(layout)
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
            own = self._phs(layout)[slot.ph.pos].find(f"{P}spPr")
            master = master_placeholder(master_phs(layout.layout.slide_master._element),
                                        slot.ph.ph_type or "obj")
            mine = master.find(f"{P}spPr") if master is not None else None
            # the most specific fill wins: a layout's noFill takes the master's fill away
            for props in (own, mine):
                if props is not None and any(props.find(f"{A}{k}") is not None for k in (
                        "noFill", "solidFill", "gradFill", "blipFill", "pattFill")):
                    fills = () if props.find(f"{A}noFill") is not None else (props,)
                    break
        return self._theme(layout).legibility.background(layout.layout, slot.box, fills,
                                                          self._carried_bg(layout))

    def _carried_bg(self, layout: LayoutInfo, title: bool | None = None) -> Any:
        """The example slides' own background the slides of this layout take, if any (not
        the cover's where the cover example did not show it)."""
        if title is None:
            title = "title" in self.choices and self.choices["title"].layout is layout
        for master, part, cover in self.tmap.examples.backgrounds:
            if master == layout.master and (cover or not title):
                return part
        return None

    def _figure_colour(self, layout: LayoutInfo, bg: str, size_pt: float, where: str,
                       number: int) -> str:
        """The first theme accent that reads on the background (the figure's emphasis)."""
        theme = self._theme(layout)
        if theme.brand:  # the template's brand colour, where it reads
            from deckgen.typeset.contrast import ColorRef

            ref = ColorRef(theme.brand)
            if bg == UNKNOWN or contrast_ratio(ref.resolve(theme.colors), bg) >= needed(size_pt):
                return SOLID.format(ref.xml())
        for n in range(1, 7):
            value = theme.colors.get(f"accent{n}")
            if value and (bg == UNKNOWN or contrast_ratio(value, bg) >= needed(size_pt)):
                return SOLID.format(f'<a:schemeClr val="accent{n}"/>')
        fill = theme.legibility.fill_for(theme.colors.get("accent1", "#4472C4"), "accent1", bg,
                                         size_pt, True, where, number)
        return fill or SOLID.format('<a:schemeClr val="accent1"/>')

    def _graphic(self, state: _SlideState, key: str, add: Any, *args: Any) -> Any:
        """A table or picture: into the layout's placeholder made for it, else into the box."""
        slot = state.choice.slots[key]
        target: Any = slot.box
        if slot.ph is not None and slot.ph.kind in ("tbl", "pic", "chart"):
            target = SlideShapeFactory(self._clone(state, slot.ph, slot.box if slot.resized
                                                   else None), state.slide.shapes)
        shape = add(state.slide, target, *args)
        state.order[shape._element] = (1, slot.box.y, slot.box.x)
        state.next_id = max(state.next_id, shape.shape_id + 1)
        return shape

    def _chart(self, state: _SlideState, spec: SlideSpec) -> None:
        slot = state.choice.slots["chart"]
        if spec.chart.kind in ("bar", "column"):
            from deckgen.deck.bar_chart import add_bar_chart

            self._graphic(state, "chart", add_bar_chart, spec.chart, self.plan.lang,
                          self._theme(state.choice.layout).colors,
                          self._backdrop(state.choice.layout, slot))
            return
        ph = None
        if slot.ph is not None:
            ph = SlideShapeFactory(self._clone(state, slot.ph), state.slide.shapes)
        theme = self._theme(state.choice.layout)
        frame = add_chart(state.slide.shapes, spec.chart, slot.box, ph, self.plan.lang,
                          theme.colors, self._backdrop(state.choice.layout, slot), theme.brand)
        state.order[frame._element] = (1, slot.box.y, slot.box.x)
        state.next_id = max(state.next_id, frame.shape_id + 1)

    def _logo(self, state: _SlideState) -> None:
        """The organisation's logo in a free corner (`deckgen.deck.logo`), or a warning."""
        from deckgen.deck.logo import LOGO_ROLES, Yielding, place_logo

        if state.spec.role not in LOGO_ROLES:
            return
        layout = state.choice.layout
        where = f"slide {state.number} ({state.spec.role})"
        texts = tuple(Yielding(f.sp, f.slot.box, style.anchor, style.levels[0].align,
                               lambda box, f=f, style=style: self._keeps(state, f, style, box))
                      for f in state.texts.values() if not f.text.figure
                      for style in (self._adjusted(self._style(layout, f.slot, f.text.kind),
                                                   f.text.list_style),))
        placed = place_logo(state.slide, layout, self.logo,
                            lambda box: self._theme(layout).legibility.background(
                                layout.layout, box, ()), where,
                            texts)
        state.logo_by_text = placed.by_text
        for key, filled in state.texts.items():  # the texts that made room, refilled to fit
            box = dict((id(el), b) for el, b in placed.narrowed).get(id(filled.sp))
            if box is not None:
                shape = SlideShapeFactory(filled.sp, state.slide.shapes)
                shape.left, shape.top, shape.width, shape.height = box.x, box.y, box.w, box.h
                filled.slot = replace(filled.slot, box=box, resized=True)
                self._fill(state, key, filled)
        if placed.element is not None:
            state.order[placed.element] = (3, placed.box.y, placed.box.x)
            state.logo = placed.element
            state.next_id = max(state.next_id, placed.shape_id + 1)
            beside = "".join(f", beside the {k} (its box narrowed)" for k, f in state.texts.items()
                             if any(el is f.sp for el, _b in placed.narrowed))
            place = f"logo: {placed.corner} on {where}{beside}"
            if place not in self.logo_places:  # a batch places it again for every deck
                self.logo_places.append(place)
        elif placed.corner == "layout" and (
                place := f"logo: on {where} already, from its layout") not in self.logo_places:
            self.logo_places.append(place)
        if placed.note and placed.note not in self.warnings:
            self.warnings.append(placed.note)

    def _unplace_logo(self, state: _SlideState, texts: Texts) -> None:
        """Undo `_logo` on a slide: the picture out, each text back in the box `write` gave
        it, so the logo is placed for the new texts exactly as a fresh build places it."""
        if state.logo is not None:
            blip = state.logo.find(f"{P}blipFill/{A}blip")
            state.slide.shapes._spTree.remove(state.logo)
            state.order.pop(state.logo, None)
            state.logo = None
            if blip is not None:  # dropped while unused, as a fresh build would not have it
                state.slide.part.drop_rel(blip.get(f"{R}embed"))
        for key, (slot, _text) in texts.items():
            filled = state.texts[key]
            if filled.slot == slot:
                continue
            filled.slot = slot
            if slot.ph is None or slot.resized or state.choice.layout.duplicate_idx:
                box = slot.box if slot.ph is None or slot.resized else slot.ph.box
                shape = SlideShapeFactory(filled.sp, state.slide.shapes)
                shape.left, shape.top, shape.width, shape.height = box.x, box.y, box.w, box.h
            else:
                xfrm = filled.sp.find(f"{P}spPr/{A}xfrm")
                if xfrm is not None:
                    xfrm.getparent().remove(xfrm)

    def _keeps(self, state: _SlideState, filled: _Filled, style: BoxStyle, box: Box) -> bool:
        """Whether ``filled``'s text keeps its sizes and line breaks in the smaller ``box``."""
        paras = [(keep_together(p.text, self._keep()), p.level) for p in filled.text.paras]
        ratio = _spacing_ratio(style, filled)
        old = filled.slot.box
        fits, lines = measure(paras, style, self._fonts(style), old.w, old.h, 1.0,
                              list(filled.sizes),
                              spacing=ratio)
        now, now_lines = measure(paras, style, self._fonts(style), box.w, box.h, 1.0,
                                 list(filled.sizes), spacing=ratio)
        return fits and now and now_lines == lines

    @staticmethod
    def _reading_order(state: _SlideState) -> None:
        """Screen readers follow the shape tree: title first, then top-to-bottom, left-to-right."""
        tree = state.slide.shapes._spTree
        shapes = list(tree)[2:]
        ordered = sorted(shapes, key=lambda el: state.order.get(el, (1, 0, 0)))
        for el in shapes:
            tree.remove(el)
        for el in ordered:
            tree.append(el)



# whose layouts lend their look to drawn boxes, in turn (for a subtitle: the title slide's)
_LOOK_ROLES = {False: ("point", "bullets", "statement", "closing", "sources"),
               True: ("title", "point", "bullets")}
# which placeholders lend it, best first; any other drawn text takes a body's look
_LOOK_KINDS = {"title": ("title",), "subtitle": ("subtitle", "body", "obj")}
_DRAWN_NAMES = {"title": "Title", "subtitle": "Subtitle", "body": "Content Placeholder",
                "figure": "Text Placeholder", "caption": "Text Placeholder",
                "byline": "Text Placeholder", "number": "Text Placeholder",
                "left": "Content Placeholder", "right": "Content Placeholder",
                "left_head": "Text Placeholder", "right_head": "Text Placeholder"}


def _spacing_ratio(style: BoxStyle, filled: _Filled) -> float:
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


def min_pt_for(key: str, slide_w: int) -> float:
    """The minimum size of a title (``key`` "title") or of any other text."""
    title, body = min_sizes(slide_w)
    return title if key == "title" else body


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


def _has_links(paras: tuple[Any, ...]) -> bool:
    return any(run.url for p in paras for run in p.all_runs())


def _figure_gap(size: int) -> int:
    """Clear space between the big figure and its caption (hundredths of a point)."""
    return int(size * 0.3)


# python-pptx's names for slide placeholders (`_BaseShapes.ph_basename`), by ``type``
_PH_BASENAMES = {
    "clipArt": "ClipArt Placeholder", "body": "Text Placeholder", "ctrTitle": "Title",
    "chart": "Chart Placeholder", "dt": "Date Placeholder", "ftr": "Footer Placeholder",
    "hdr": "Header Placeholder", "media": "Media Placeholder", "obj": "Content Placeholder",
    "dgm": "SmartArt Placeholder", "pic": "Picture Placeholder",
    "sldNum": "Slide Number Placeholder", "subTitle": "Subtitle", "tbl": "Table Placeholder",
    "title": "Title",
}
_PH_DEFAULTS = (("type", "obj"), ("idx", "0"), ("orient", "horz"), ("sz", "full"))
_TEXT_TYPES = ("title", "ctrTitle", "subTitle", "body", "obj")


def _placeholder_sp(layout_sp: Any) -> tuple[Any, str]:
    """A slide placeholder for a layout placeholder: what python-pptx's
    ``CT_Shape.new_placeholder_sp`` builds, read straight from the layout's ``p:ph`` (its
    property accessors run an XPath query each, for every placeholder of every layout)."""
    from pptx.oxml import parse_xml

    ph = layout_sp.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
    ph_type = (ph.get("type") if ph is not None else None) or "obj"
    attrs = "".join(
        f' {name}="{value}"' for name, default in _PH_DEFAULTS
        for value in [(ph.get(name) if ph is not None else None) or default]
        if value != default)
    name = _PH_BASENAMES.get(ph_type, "Placeholder")
    text = ("<p:txBody><a:bodyPr/><a:lstStyle/><a:p/></p:txBody>"
            if ph_type in _TEXT_TYPES else "")
    el = parse_xml(
        f'<p:sp xmlns:a="{NS["a"]}" xmlns:p="{NS["p"]}"><p:nvSpPr>'
        f'<p:cNvPr id="0" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
        f'<p:nvPr><p:ph{attrs}/></p:nvPr></p:nvSpPr><p:spPr/>{text}</p:sp>')
    return el, name
