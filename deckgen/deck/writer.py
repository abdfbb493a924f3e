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

from dataclasses import dataclass, field
from typing import Any

from pptx.shapes.shapetree import SlideShapeFactory

from deckgen.brand.logo import BrandLogo
from deckgen.deck import diagrams
from deckgen.deck.chart import add_chart
from deckgen.deck.choice import LayoutChoice
from deckgen.deck.cleanup import remove_slides
from deckgen.deck.diagrams import DrawingMixin
from deckgen.deck.fields import FieldsMixin
from deckgen.deck.fill import Filler, has_links
from deckgen.deck.legibility import table_header_colour
from deckgen.deck.notes import NotesWriter
from deckgen.deck.package_fixes import (
    add_missing_parts,
    drop_invalid_font_hints,
    move_misplaced_attributes,
    order_presentation,
    order_text_bodies,
)
from deckgen.deck.placeholders import Placeholders
from deckgen.deck.slide_logo import LogoMixin
from deckgen.deck.slide_texts import slide_texts
from deckgen.deck.slot_text import SlotText
from deckgen.deck.type_scale import TypeScale
from deckgen.deck.typesetter import Typesetter
from deckgen.ooxml import shape_text
from deckgen.pitch.plan import DeckPlan, SlideSpec
from deckgen.template.examples import is_cover_example
from deckgen.template.resolve import RoleChoice, Slot, TemplateMap


@dataclass
class _Filled:
    """A text body deckgen wrote, remembered so the next company can refill just this one."""

    sp: Any
    slot: Slot
    text: SlotText
    sizes: tuple[int, ...]


@dataclass
class _SlideState:
    """One slide while it is written: its layout choice, texts and fields, shape order."""

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


class DeckWriter(FieldsMixin, DrawingMixin, LogoMixin):
    """Writes plans into one presentation: in full the first time, by refilling afterwards.

    The work is done by its parts: `Typesetter` (styles and fits), `LayoutChoice` (the layout
    per role), `TypeScale` (the deck's sizes), `Placeholders` (the slide's shapes) and
    `Filler` (paragraphs and colours); the mixins place fields, drawings and the logo."""

    def __init__(self, prs: Any, tmap: TemplateMap, logo: BrandLogo | None = None) -> None:
        self.prs = prs
        self.tmap = tmap
        self.ts = Typesetter(prs, tmap)
        self.fonts, self.colors, self.legibility = self.ts.fonts, self.ts.colors, self.ts.legibility
        self.scale = TypeScale(self.ts)
        self.layouts = LayoutChoice(self.ts, self.scale, self._diagram_fits)
        self.shapes = Placeholders(self.ts)
        self.filler = Filler(self.ts, self.scale)
        self._notes = NotesWriter()
        self.warnings: list[str] = []
        self._left_out: dict[tuple[str, str], list[str]] = {}
        self.slides: list[_SlideState] = []
        self.plan: DeckPlan | None = None
        self.choices: dict[str, RoleChoice] = {}
        self.logo = logo  # an organisation's logo for its title and closing slides
        self.logo_places: list[str] = []
        self._sample_notes: list[str] = []

    def choose(self, plan: DeckPlan) -> dict[str, RoleChoice]:
        """The layout each role of ``plan`` takes (`deckgen.deck.choice`)."""
        self._start(plan)
        return self.layouts.choose(plan)

    def _start(self, plan: DeckPlan) -> None:
        self.plan = self.filler.plan = plan
        self.scale.start(tuple(n for n in (plan.company, plan.presenter) if n))

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
        self._start(plan)
        self.choices = self.filler.choices = self.layouts.choose(plan)
        texts = [slide_texts(spec, self.choices[spec.role]) for spec in plan.slides]
        sizes = self.scale.sizes(plan, self.choices, texts)
        for number, (spec, slide_text) in enumerate(zip(plan.slides, texts), 1):
            choice = self.choices[spec.role]
            # Not prs.slides.add_slide: it clones every layout placeholder, and we clone only
            # the ones this slide uses.
            rid, slide = self.prs.slides.part.add_slide(choice.layout.layout)
            self.prs.slides._sldIdLst.add_sldId(rid)
            state = _SlideState(slide, choice, number, spec)
            under = self.filler.carried_bg(choice.layout, spec.role == "title")
            if under is not None:
                from deckgen.deck.artwork import carry_background

                carry_background(slide, under)
            examples = self.tmap.examples
            artwork = examples.artwork
            if spec.role == "title" and is_cover_example(examples, choice.layout):
                artwork = examples.cover_art + artwork  # the cover example's own look
            if artwork:
                from deckgen.deck.artwork import carry

                placed, state.next_id = carry(slide, artwork, choice.layout.master,
                                              spec.role == "title", state.next_id)
                # behind everything, or read after the slide's own text when it says something
                state.order.update({el: (3 if shape_text(el).strip() else -1, 0, i)
                                    for i, el in enumerate(placed)})
            for key, (slot, text) in slide_text.items():
                self._create_text(state, key, slot, text, sizes[(number - 1, key)])
            if spec.chart is not None:
                self._chart(state, spec)
            if spec.table is not None:
                from deckgen.deck.table import add_table

                theme = self.ts.theme(choice.layout)
                frame = self._graphic(state, "table", add_table, spec.table, plan.lang, None,
                                      self.ts.fonts_of(choice.layout), theme.colors,
                                      self._text_edges(state.choice)[0])
                table_header_colour(theme.legibility, frame, "table header", number)
            if spec.image is not None:
                from deckgen.deck.picture import place_picture

                self._graphic(state, "picture", place_picture, spec.image)
            if spec.role in diagrams.ROLES:
                self._diagram(state, spec, sizes[(number - 1, "title")][0] / 100)
            for kind, (info, text) in self._field_texts(choice.layout, number, plan,
                                                        self._fields_off(spec)).items():
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
        self._start(plan)
        if self.layouts.choose(plan) != self.choices:
            raise Rebuild  # the new texts need other layouts
        texts = [slide_texts(spec, self.choices[spec.role]) for spec in plan.slides]
        sizes = self.scale.sizes(plan, self.choices, texts)
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
                if has_links(text.paras + filled.text.paras):
                    raise Rebuild  # links own relationships; a refill would orphan them
                filled.text, filled.sizes = text, sizes[(i, key)]
                self.filler.fill(state, key, filled)
            fields = self._field_texts(state.choice.layout, state.number, plan,
                                       self._fields_off(spec))
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

    def _create_text(self, state: _SlideState, key: str, slot: Slot, text: SlotText,
                     sizes: tuple[int, ...]) -> None:
        if slot.ph is not None:
            sp = self.shapes.clone(state, slot.ph, slot.box if slot.resized else None)
        else:
            sp = self.shapes.own(state, key, slot, text.kind)
        filled = _Filled(sp, slot, text, sizes)
        state.texts[key] = filled
        self.filler.fill(state, key, filled)

    def _graphic(self, state: _SlideState, key: str, add: Any, *args: Any) -> Any:
        """A table or picture: into the layout's placeholder made for it, else into the box."""
        slot = state.choice.slots[key]
        target: Any = slot.box
        if slot.ph is not None and slot.ph.kind in ("tbl", "pic", "chart"):
            sp = self.shapes.clone(state, slot.ph, slot.box if slot.resized else None)
            target = SlideShapeFactory(sp, state.slide.shapes)
        shape = add(state.slide, target, *args)
        state.order[shape._element] = (1, slot.box.y, slot.box.x)
        state.next_id = max(state.next_id, shape.shape_id + 1)
        return shape

    def _chart(self, state: _SlideState, spec: SlideSpec) -> None:
        slot = state.choice.slots["chart"]
        if spec.chart.kind in ("bar", "column"):
            from deckgen.deck.bar_chart import add_bar_chart

            self._graphic(state, "chart", add_bar_chart, spec.chart, self.plan.lang,
                          self.ts.theme(state.choice.layout).colors,
                          self.filler.backdrop(state.choice.layout, slot))
            return
        ph = None
        if slot.ph is not None:
            ph = SlideShapeFactory(self.shapes.clone(state, slot.ph), state.slide.shapes)
        theme = self.ts.theme(state.choice.layout)
        frame = add_chart(state.slide.shapes, spec.chart, slot.box, ph, self.plan.lang,
                          theme.colors, self.filler.backdrop(state.choice.layout, slot), theme.brand)
        state.order[frame._element] = (1, slot.box.y, slot.box.x)
        state.next_id = max(state.next_id, frame.shape_id + 1)

    def _fields_off(self, spec: SlideSpec) -> frozenset[str]:
        """The fields the cover leaves off where the template's cover example does."""
        return self.tmap.examples.cover_without if spec.role == "title" else frozenset()

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
