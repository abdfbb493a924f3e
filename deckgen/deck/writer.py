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
import uuid
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from pptx.oxml import parse_xml
from pptx.shapes.shapetree import SlideShapeFactory

from deckgen.deck.chart import add_chart
from deckgen.deck.cleanup import remove_slides
from deckgen.deck.package_fixes import add_missing_parts
from deckgen.errors import DeckgenError
from deckgen.pitch.plan import DeckPlan, Para, SlideSpec
from deckgen.template.geometry import Box
from deckgen.template.index import LayoutInfo, PhInfo, ph_elements
from deckgen.template.resolve import RoleChoice, Slot, TemplateMap
from deckgen.typeset.fit import FitResult, fit_text, insert_soft_hyphens
from deckgen.typeset.styles import NS, BoxStyle, LevelStyle, box_style, theme_colors, theme_fonts

A = "{{{}}}".format(NS["a"])
P = "{{{}}}".format(NS["p"])
_BULLET = "<a:buFont typeface=\"Arial\"/><a:buChar char=\"•\"/>"
FOOTER_MIN_PT = 7.0
_FIELD_ID = {t: "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"deckgen/{t}")).upper() + "}"
             for t in ("slidenum",)}


@dataclass(frozen=True)
class _Text:
    """What one slot says: paragraphs, how they are marked, and sizes some of them need."""

    paras: tuple[Para, ...]
    list_style: str = "none"
    sizes: tuple[int | None, ...] = ()
    kind: str = "body"


@dataclass
class _Filled:
    """A text body deckgen wrote, remembered so the next company can refill just this one."""

    sp: Any
    slot: Slot
    text: _Text


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


class Rebuild(Exception):
    """The next plan differs in structure, not just in text: build from a fresh template."""


class DeckWriter:
    """Writes plans into one presentation: in full the first time, by refilling afterwards."""

    def __init__(self, prs: Any, tmap: TemplateMap) -> None:
        self.prs = prs
        self.tmap = tmap
        master = prs.slide_masters[tmap.master]
        self.fonts = theme_fonts(master)
        self.colors = theme_colors(master)
        self._styles: dict[tuple[int, int | None, str], BoxStyle] = {}
        self._fits: dict[tuple[Any, ...], FitResult] = {}
        # Styles live as long as the writer, so their ids are stable keys for the fit cache.
        self._adjusted_styles: dict[tuple[int, str], BoxStyle] = {}
        self._layout_phs: dict[int, list[Any]] = {}
        self._ph_cache: dict[tuple[int, int], tuple[Any, str]] = {}
        self._notes_proto: Any = None
        self._notes_count = 0
        self.slides: list[_SlideState] = []
        self.plan: DeckPlan | None = None

    # -- public -------------------------------------------------------------------------
    def write(self, plan: DeckPlan) -> Any:
        remove_slides(self.prs)
        add_missing_parts(self.prs)
        self.plan = plan
        for number, spec in enumerate(plan.slides, 1):
            choice = self.tmap.choices[spec.role]
            # Not prs.slides.add_slide: it clones every layout placeholder, and we clone only
            # the ones this slide uses.
            rid, slide = self.prs.slides.part.add_slide(choice.layout.layout)
            self.prs.slides._sldIdLst.add_sldId(rid)
            state = _SlideState(slide, choice, number, spec)
            for key, (slot, text) in self._slide_texts(spec, choice).items():
                self._create_text(state, key, slot, text)
            if spec.chart is not None:
                self._chart(state, spec)
            for kind, (info, text) in self._field_texts(choice.layout, number, plan).items():
                fit = self._field_fit(choice.layout, info, text)
                if fit.fits:
                    self._create_field(state, kind, info, text, fit)
            self._notes(slide, spec.notes, plan.lang)
            self._reading_order(state)
            self.slides.append(state)
        return self.prs

    def update(self, plan: DeckPlan) -> Any:
        """Refill what changed since the last plan; raises `Rebuild` if that is not enough."""
        old = self.plan
        if old is None or len(old.slides) != len(plan.slides) or old.lang != plan.lang:
            raise Rebuild
        for state, spec in zip(self.slides, plan.slides):
            if spec.role != state.spec.role or spec.chart != state.spec.chart:
                raise Rebuild
            texts = self._slide_texts(spec, state.choice)
            if texts.keys() != state.texts.keys():
                raise Rebuild
            for key, (_slot, text) in texts.items():
                filled = state.texts[key]
                if text == filled.text:
                    continue
                if any(p.url for p in text.paras + filled.text.paras):
                    raise Rebuild  # links own relationships; a refill would orphan them
                filled.text = text
                self._fill_checked(state, key, filled)
            fields = self._field_texts(state.choice.layout, state.number, plan)
            for kind, (info, text) in fields.items():
                fit = self._field_fit(state.choice.layout, info, text)
                if fit.fits != (kind in state.fields):
                    raise Rebuild  # a footer appears or disappears
                if fit.fits and state.fields[kind][1] != text:
                    sp = state.fields[kind][0]
                    self._write_field(sp, self._field_style(state.choice.layout, info), text, fit)
                    state.fields[kind] = (sp, text)
            if spec.notes != state.spec.notes:
                self._notes(state.slide, spec.notes, plan.lang)
            state.spec = spec
        self.plan = plan
        return self.prs

    # -- what goes where ----------------------------------------------------------------
    def _slide_texts(self, spec: SlideSpec, choice: RoleChoice) -> dict[str, tuple[Slot, _Text]]:
        slots = choice.slots
        title = spec.title
        if spec.number and "number" not in slots:
            title = f"{spec.number} · {title}"
        out: dict[str, tuple[Slot, _Text]] = {
            "title": (slots["title"], _Text((Para(title),), kind="title")),
        }
        if spec.role == "title":
            paras = spec.subtitle
            if "byline" in slots and len(paras) > 1:
                out["subtitle"] = (slots["subtitle"], _Text(paras[:1]))
                out["byline"] = (slots["byline"], _Text(paras[1:]))
            else:
                out["subtitle"] = (slots["subtitle"], _Text(paras))
        elif spec.role == "statistic":
            if "caption" in slots:
                out["figure"] = (slots["figure"], _Text((Para(spec.figure),)))
                out["caption"] = (slots["caption"], _Text(spec.caption))
            else:
                base = self._style(choice.layout, slots["figure"], "body").levels[0].size
                big = min(7200, max(4400, int(base * 2.4)))
                sizes = (big,) + (None,) * len(spec.caption)
                out["figure"] = (slots["figure"],
                                 _Text((Para(spec.figure), *spec.caption), sizes=sizes))
        else:
            out["body"] = (slots["body"], _Text(spec.body, spec.list_style))
            if spec.number and "number" in slots:
                out["number"] = (slots["number"], _Text((Para(spec.number),)))
        return {k: v for k, v in out.items() if v[1].paras}

    @staticmethod
    def _field_texts(layout: LayoutInfo, number: int,
                     plan: DeckPlan) -> dict[str, tuple[PhInfo, str]]:
        out = {}
        for info in layout.placeholders:
            if info.kind == "ftr" and plan.footer:
                out["ftr"] = (info, plan.footer)
            elif info.kind == "dt" and plan.date:
                out["dt"] = (info, plan.date)
            elif info.kind == "sldNum":
                out["sldNum"] = (info, str(number))
        return out

    # -- styles and fitting (cached: every deck of a batch asks the same questions) ------
    def _phs(self, layout: LayoutInfo) -> list[Any]:
        """The layout's placeholder elements, indexed like `PhInfo.pos`."""
        key = id(layout.layout)
        if key not in self._layout_phs:
            self._layout_phs[key] = [sp for sp, _ph in ph_elements(layout.layout._element)]
        return self._layout_phs[key]

    def _style(self, layout: LayoutInfo, slot: Slot, kind: str) -> BoxStyle:
        key = (id(layout.layout), slot.ph.pos if slot.ph else None, kind)
        style = self._styles.get(key)
        if style is None:
            ph_el = self._phs(layout)[slot.ph.pos] if slot.ph is not None else None
            style = box_style(layout.layout, ph_el, slot.ph.kind if slot.ph else kind)
            if slot.ph is None:
                style = BoxStyle((91440, 45720, 91440, 45720), style.levels, True)
            self._styles[key] = style
        return style

    def _fit(self, style: BoxStyle, paras: list[tuple[str, int]], box: Box, base: list[int],
             min_pt: float | None = None) -> FitResult:
        lang = self.plan.lang
        key = (id(style), tuple(paras), box.w, box.h, tuple(base), min_pt, lang)
        fit = self._fits.get(key)
        if fit is None:
            extra = {"min_pt": min_pt} if min_pt is not None else {}
            fit = fit_text(paras, style, self.fonts, box.w, box.h, lang, base, **extra)
            self._fits[key] = fit
        return fit

    def _adjusted(self, raw: BoxStyle, list_style: str) -> BoxStyle:
        key = (id(raw), list_style)
        style = self._adjusted_styles.get(key)
        if style is None:
            style = self._adjusted_styles[key] = _list_adjusted(raw, list_style)
        return style

    def _field_style(self, layout: LayoutInfo, info: PhInfo) -> BoxStyle:
        return self._style(layout, Slot(info, info.box), info.kind)

    def _field_fit(self, layout: LayoutInfo, info: PhInfo, text: str) -> FitResult:
        style = self._field_style(layout, info)
        return self._fit(style, [(text, 0)], info.box, [style.levels[0].size], FOOTER_MIN_PT)

    # -- shapes -------------------------------------------------------------------------
    def _ph_proto(self, layout: LayoutInfo, info: PhInfo) -> tuple[Any, str]:
        """A fresh slide placeholder for this layout placeholder, built once and copied."""
        key = (id(layout.layout), info.pos)
        proto = self._ph_cache.get(key)
        if proto is None:
            sp = self._phs(layout)[info.pos]
            basename = layout.layout.shapes.ph_basename(sp.ph_type)
            from pptx.oxml.shapes.autoshape import CT_Shape

            el = CT_Shape.new_placeholder_sp(0, basename, sp.ph_type, sp.ph_orient, sp.ph_sz,
                                             sp.ph_idx)
            proto = self._ph_cache[key] = (el, basename)
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
        if box is not None or layout.duplicate_idx:
            shape = SlideShapeFactory(sp, shapes)
            shape.left, shape.top, shape.width, shape.height = b.x, b.y, b.w, b.h
        state.order[sp] = (0 if info.kind == "title" else 2 if info.kind in (
            "dt", "ftr", "sldNum") else 1, b.y, b.x)
        return sp

    def _create_text(self, state: _SlideState, key: str, slot: Slot, text: _Text) -> None:
        if slot.ph is not None:
            sp = self._clone(state, slot.ph, slot.box if slot.resized else None)
        else:
            b = slot.box
            shape = state.slide.shapes.add_textbox(b.x, b.y, b.w, b.h)
            shape.name = f"{key.capitalize()} {shape.shape_id}"
            state.next_id = max(state.next_id, shape.shape_id + 1)
            shape.text_frame.word_wrap = True
            sp = shape._element
            state.order[sp] = (0 if key == "title" else 1, b.y, b.x)
        filled = _Filled(sp, slot, text)
        state.texts[key] = filled
        self._fill_checked(state, key, filled)

    def _fill_checked(self, state: _SlideState, key: str, filled: _Filled) -> None:
        """Fit the text to its box, then write paragraphs with the sizes that fit."""
        layout, slot, text = state.choice.layout, filled.slot, filled.text
        raw = self._style(layout, slot, text.kind)
        sizes_req = text.sizes or (None,) * len(text.paras)
        if slot.ph is None and text.kind == "title":
            sizes_req = (3200,) * len(text.paras)
        style = self._adjusted(raw, text.list_style)
        paras = [(p.text, p.level) for p in text.paras]
        base = [s or style.levels[min(p.level, 2)].size for s, p in zip(sizes_req, text.paras)]
        fit = self._fit(style, paras, slot.box, base)
        if not fit.fits:
            raise DeckgenError(
                f"slide {state.number} ({state.choice.role}): the {key} text does not fit its "
                f"box in layout {layout.name!r} even at {fit.sizes[0] / 100:g} pt; shorten it"
            )
        explicit = (fit.scale < 1.0 or any(s is not None for s in sizes_req)
                    or any(lv.from_runs for lv in style.levels))
        sizes = list(fit.sizes) if explicit else [None] * len(paras)
        self._fill(state, filled.sp, text, sizes, fit.hyphenate, raw)

    def _fill(self, state: _SlideState, sp: Any, text: _Text, sizes: list[int | None],
              hyph: frozenset[str], style: BoxStyle) -> None:
        lang = self.plan.lang
        tx = sp.get_or_add_txBody()
        for p in tx.findall(f"{A}p"):
            tx.remove(p)
        for para, size in zip(text.paras, sizes):
            p = etree.SubElement(tx, f"{A}p")
            ppr = _ppr(text.list_style, para.level, style.levels[min(para.level, 2)])
            if ppr is not None:
                p.append(ppr)
            r = etree.SubElement(p, f"{A}r")
            rpr = etree.SubElement(r, f"{A}rPr", lang=lang, dirty="0")
            if size is not None:
                rpr.set("sz", str(size))
            etree.SubElement(r, f"{A}t").text = insert_soft_hyphens(para.text, hyph, lang)
            end = etree.SubElement(p, f"{A}endParaRPr", lang=lang, dirty="0")
            if size is not None:
                end.set("sz", str(size))
        if any(p.url for p in text.paras):
            # links go through python-pptx so the relationship is created properly
            frame = SlideShapeFactory(sp, state.slide.shapes).text_frame
            for para, p in zip(text.paras, frame.paragraphs):
                if para.url:
                    p.runs[0].hyperlink.address = para.url

    def _chart(self, state: _SlideState, spec: SlideSpec) -> None:
        slot = state.choice.slots["chart"]
        ph = None
        if slot.ph is not None:
            ph = SlideShapeFactory(self._clone(state, slot.ph), state.slide.shapes)
        frame = add_chart(state.slide.shapes, spec.chart, slot.box, ph, self.plan.lang,
                          self.colors)
        state.order[frame._element] = (1, slot.box.y, slot.box.x)
        state.next_id = max(state.next_id, frame.shape_id + 1)

    def _create_field(self, state: _SlideState, kind: str, info: PhInfo, text: str,
                      fit: FitResult) -> None:
        sp = self._clone(state, info)
        self._write_field(sp, self._field_style(state.choice.layout, info), text, fit)
        state.fields[kind] = (sp, text)

    def _write_field(self, sp: Any, style: BoxStyle, text: str, fit: FitResult) -> None:
        lang = self.plan.lang
        kind = sp.find(f"{P}nvSpPr/{P}nvPr/{P}ph").get("type")
        tx = sp.get_or_add_txBody()
        for p in tx.findall(f"{A}p"):
            tx.remove(p)
        p = etree.SubElement(tx, f"{A}p")
        if kind == "sldNum":
            run = etree.SubElement(p, f"{A}fld", id=_FIELD_ID["slidenum"], type="slidenum")
        else:
            run = etree.SubElement(p, f"{A}r")
        rpr = etree.SubElement(run, f"{A}rPr", lang=lang, dirty="0")
        level = style.levels[0]
        if fit.scale < 1.0 or level.from_runs:
            rpr.set("sz", str(fit.sizes[0]))
        if level.font.startswith("+"):  # LibreOffice ignores inherited footer fonts
            etree.SubElement(rpr, f"{A}latin", typeface=level.font)
        etree.SubElement(run, f"{A}t").text = text
        etree.SubElement(p, f"{A}endParaRPr", lang=lang, dirty="0")

    def _notes(self, slide: Any, notes: str, lang: str) -> None:
        frame = self._notes_slide(slide).notes_text_frame
        if frame is None:
            raise DeckgenError("the template's notes master has no body placeholder")
        tx = frame._txBody
        for p in tx.findall(f"{A}p"):
            tx.remove(p)
        for line in notes.split("\n"):
            p = etree.SubElement(tx, f"{A}p")
            r = etree.SubElement(p, f"{A}r")
            etree.SubElement(r, f"{A}rPr", lang=lang, dirty="0")
            etree.SubElement(r, f"{A}t").text = line

    def _notes_slide(self, slide: Any) -> Any:
        """The slide's notes page; new ones are copies of the first, still empty, one.

        python-pptx clones the notes master's placeholders for every notes page, which is
        most of the cost of a slide; the result is the same for every slide of a deck.
        """
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT
        from pptx.parts.slide import NotesSlidePart

        part = slide.part
        if any(r.reltype == RT.NOTES_SLIDE for r in part.rels.values()):
            return slide.notes_slide  # a slide being refilled already has its notes page
        if self._notes_proto is None:
            notes = slide.notes_slide
            self._notes_proto = copy.deepcopy(notes._element)
            self._notes_count = int(notes.part.partname.idx)
            return notes
        from pptx.opc.constants import CONTENT_TYPE as CT
        from pptx.opc.packuri import PackURI

        package = part.package
        master_part = package.presentation_part.notes_master_part
        # Notes pages are added in slide order to a deck without others (example slides were
        # dropped with theirs), so the next free name is known without walking the package.
        self._notes_count += 1
        name = PackURI(f"/ppt/notesSlides/notesSlide{self._notes_count}.xml")
        notes_part = NotesSlidePart(name, CT.PML_NOTES_SLIDE, package,
                                    copy.deepcopy(self._notes_proto))
        notes_part.relate_to(master_part, RT.NOTES_MASTER)
        notes_part.relate_to(part, RT.SLIDE)
        part.relate_to(notes_part, RT.NOTES_SLIDE)
        return slide.notes_slide

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


def _ppr(list_style: str, level: int, lv: LevelStyle) -> Any:
    attrs = f' lvl="{level}"' if level else ""
    if list_style == "none":
        return parse_xml(
            f'<a:pPr xmlns:a="{NS["a"]}" marL="0" indent="0"{attrs}><a:buNone/></a:pPr>'
        )
    if list_style == "number":
        mar = _number_margin(lv)
        return parse_xml(
            f'<a:pPr xmlns:a="{NS["a"]}" marL="{mar}" indent="-{mar}"{attrs}>'
            '<a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod"/></a:pPr>'
        )
    if not lv.bullet:
        mar = lv.mar_l if lv.mar_l >= 228600 else 285750
        return parse_xml(
            f'<a:pPr xmlns:a="{NS["a"]}" marL="{mar}" indent="-{mar}"{attrs}>{_BULLET}</a:pPr>'
        )
    return parse_xml(f'<a:pPr xmlns:a="{NS["a"]}"{attrs}/>') if level else None


def _number_margin(lv: LevelStyle) -> int:
    """Room for "6." plus a clear gap at the level's size, never less than the template's."""
    return max(lv.mar_l, int(lv.size / 100 * 1.8 * 12700))


def _list_adjusted(style: BoxStyle, list_style: str) -> BoxStyle:
    """The style the text will really get once our paragraph properties are applied."""
    levels = []
    for lv in style.levels:
        if list_style == "none":
            lv = _replace(lv, mar_l=0, indent=0, bullet=False)
        elif list_style == "number":
            mar = _number_margin(lv)
            lv = _replace(lv, mar_l=mar, indent=-mar, bullet=True)
        elif not lv.bullet:
            mar = lv.mar_l if lv.mar_l >= 228600 else 285750
            lv = _replace(lv, mar_l=mar, indent=-mar, bullet=True)
        levels.append(lv)
    return BoxStyle(style.insets, tuple(levels), style.wrap)


def _replace(lv: LevelStyle, **changes: Any) -> LevelStyle:
    return LevelStyle(**{**lv.__dict__, **changes})
