"""DeckPlan + TemplateMap → a python-pptx `Presentation`.

Every text goes into a clone of a layout placeholder (drawn boxes only where the template has
no suitable placeholder), so the deck stays editable and restyles with its template. Only the
placeholders a slide uses are cloned: nothing is left saying "Click to add text".
"""

from __future__ import annotations

import uuid
from typing import Any

from lxml import etree
from pptx.oxml import parse_xml
from pptx.shapes.shapetree import SlideShapeFactory

from deckgen.chart import add_chart
from deckgen.cleanup import remove_slides
from deckgen.errors import DeckgenError
from deckgen.fit import fit_text, insert_soft_hyphens
from deckgen.layout_index import Box, PhInfo
from deckgen.plan import DeckPlan, Para, SlideSpec
from deckgen.resolve import RoleChoice, Slot, TemplateMap
from deckgen.textstyle import NS, BoxStyle, LevelStyle, box_style, theme_colors, theme_fonts

A = "{{{}}}".format(NS["a"])
P = "{{{}}}".format(NS["p"])
_BULLET = "<a:buFont typeface=\"Arial\"/><a:buChar char=\"•\"/>"
FOOTER_MIN_PT = 7.0


class _Text:
    """One text slot's paragraphs and the explicit sizes some of them need."""

    def __init__(self, paras: list[Para], list_style: str = "none",
                 sizes: list[int | None] | None = None) -> None:
        self.paras = paras
        self.list_style = list_style
        self.sizes = sizes or [None] * len(paras)


def build_deck(prs: Any, plan: DeckPlan, tmap: TemplateMap) -> Any:
    """Fill ``prs`` (a fresh copy of the template) with the plan's slides."""
    remove_slides(prs)
    fonts = theme_fonts(prs.slide_masters[tmap.master])
    colors = theme_colors(prs.slide_masters[tmap.master])
    for number, spec in enumerate(plan.slides, 1):
        choice = tmap.choices[spec.role]
        slide = prs.slides.add_slide(choice.layout.layout)
        for shape in list(slide.shapes):
            shape._element.getparent().remove(shape._element)
        _SlideWriter(slide, choice, plan, fonts, colors, number).write(spec)
    return prs


class _SlideWriter:
    def __init__(self, slide: Any, choice: RoleChoice, plan: DeckPlan, fonts: dict[str, str],
                 colors: dict[str, str], number: int) -> None:
        self.colors = colors
        self.slide = slide
        self.choice = choice
        self.layout = choice.layout
        self.plan = plan
        self.fonts = fonts
        self.number = number
        self.lang = plan.lang
        self.layout_phs = list(choice.layout.layout.placeholders)

    # -- slots -------------------------------------------------------------------------
    def write(self, spec: SlideSpec) -> None:
        slots = self.choice.slots
        title = spec.title
        if spec.number and "number" not in slots:
            title = f"{spec.number} · {title}"
        self._text("title", slots["title"], _Text([Para(title)]), kind="title")
        if spec.role == "title":
            self._title_slide(spec, slots)
        elif spec.role == "statistic":
            self._statistic(spec, slots)
        else:
            self._text("body", slots["body"], _Text(list(spec.body), spec.list_style))
            if spec.number and "number" in slots:
                self._text("number", slots["number"], _Text([Para(spec.number)]))
        self._footers()
        self._notes(spec.notes)
        self._reading_order()

    def _title_slide(self, spec: SlideSpec, slots: dict[str, Slot]) -> None:
        paras = list(spec.subtitle)
        if "byline" in slots and len(paras) > 1:
            self._text("subtitle", slots["subtitle"], _Text(paras[:1]))
            self._text("byline", slots["byline"], _Text(paras[1:]))
        else:
            self._text("subtitle", slots["subtitle"], _Text(paras))

    def _statistic(self, spec: SlideSpec, slots: dict[str, Slot]) -> None:
        caption = list(spec.caption)
        if "caption" in slots:
            self._text("figure", slots["figure"], _Text([Para(spec.figure)]))
            self._text("caption", slots["caption"], _Text(caption))
        else:
            style = self._style(slots["figure"], "body")
            big = min(7200, max(4400, int(style.levels[0].size * 2.4)))
            self._text(
                "figure", slots["figure"],
                _Text([Para(spec.figure), *caption], sizes=[big] + [None] * len(caption)),
            )
        chart_slot = slots["chart"]
        ph = self._clone(chart_slot.ph) if chart_slot.ph is not None else None
        add_chart(self.slide.shapes, spec.chart, chart_slot.box, ph, self.lang, self.colors)

    # -- placeholders ------------------------------------------------------------------
    def _clone(self, info: PhInfo, box: Box | None = None) -> Any:
        layout_ph = self.layout_phs[info.pos]
        self.slide.shapes.clone_placeholder(layout_ph)
        sp = self.slide.shapes._spTree[-1]
        shape = SlideShapeFactory(sp, self.slide.shapes)
        if box is not None or self.layout.duplicate_idx:
            b = box or info.box
            shape.left, shape.top, shape.width, shape.height = b.x, b.y, b.w, b.h
        return shape

    def _style(self, slot: Slot, kind: str) -> BoxStyle:
        ph_el = self.layout_phs[slot.ph.pos]._element if slot.ph is not None else None
        return box_style(self.layout.layout, ph_el, slot.ph.kind if slot.ph else kind)

    def _text(self, name: str, slot: Slot, text: _Text, kind: str = "body") -> None:
        if not text.paras:
            return
        if slot.ph is not None:
            shape = self._clone(slot.ph, slot.box if slot.resized else None)
        else:
            b = slot.box
            shape = self.slide.shapes.add_textbox(b.x, b.y, b.w, b.h)
            shape.name = f"{name.capitalize()} {shape.shape_id}"
            shape.text_frame.word_wrap = True
        style = self._style(slot, kind)
        if slot.ph is None:
            style = _drawn_style(style, kind)
            if kind == "title":
                text.sizes = [3200] * len(text.paras)
        raw_style = style
        style = _list_adjusted(style, text.list_style)
        paras = [(p.text, p.level) for p in text.paras]
        base = [s or style.levels[min(p.level, 2)].size for s, p in zip(text.sizes, text.paras)]
        fit = fit_text(paras, style, self.fonts, slot.box.w, slot.box.h, self.lang, base)
        if not fit.fits:
            raise DeckgenError(
                f"slide {self.number} ({self.choice.role}): the {name} text does not fit its box "
                f"in layout {self.layout.name!r} even at {fit.sizes[0] / 100:g} pt; shorten it"
            )
        explicit = (fit.scale < 1.0 or any(s is not None for s in text.sizes)
                    or any(lv.from_runs for lv in style.levels))
        sizes = list(fit.sizes) if explicit else [None] * len(paras)
        self._fill(shape, text, sizes, fit.hyphenate, raw_style)

    def _fill(self, shape: Any, text: _Text, sizes: list[int | None], hyph: frozenset[str],
              style: BoxStyle) -> None:
        tx = shape._element.get_or_add_txBody()
        for p in tx.findall(f"{A}p"):
            tx.remove(p)
        for para, size in zip(text.paras, sizes):
            p = etree.SubElement(tx, f"{A}p")
            ppr = _ppr(text.list_style, para.level, style.levels[min(para.level, 2)])
            if ppr is not None:
                p.append(ppr)
            content = insert_soft_hyphens(para.text, hyph, self.lang)
            r = etree.SubElement(p, f"{A}r")
            rpr = etree.SubElement(r, f"{A}rPr", lang=self.lang, dirty="0")
            if size is not None:
                rpr.set("sz", str(size))
            etree.SubElement(r, f"{A}t").text = content
            end = etree.SubElement(p, f"{A}endParaRPr", lang=self.lang, dirty="0")
            if size is not None:
                end.set("sz", str(size))
        # hyperlinks go through python-pptx so the relationship is created properly
        for para, p in zip(text.paras, shape.text_frame.paragraphs):
            if para.url:
                p.runs[0].hyperlink.address = para.url

    # -- footer, notes, order ----------------------------------------------------------
    def _footers(self) -> None:
        for info in self.layout.placeholders:
            if info.kind == "ftr" and self.plan.footer:
                self._field(info, self.plan.footer, None)
            elif info.kind == "dt" and self.plan.date:
                self._field(info, self.plan.date, None)
            elif info.kind == "sldNum":
                self._field(info, str(self.number), "slidenum")

    def _field(self, info: PhInfo, text: str, field_type: str | None) -> None:
        style = self._style(Slot(info, info.box), info.kind)
        fit = fit_text([(text, 0)], style, self.fonts, info.box.w, info.box.h, self.lang,
                       min_pt=FOOTER_MIN_PT)
        if not fit.fits:
            return  # a footer too long for the template's footer box is left off, not clipped
        shape = self._clone(info)
        tx = shape._element.get_or_add_txBody()
        for p in tx.findall(f"{A}p"):
            tx.remove(p)
        p = etree.SubElement(tx, f"{A}p")
        if field_type:
            fid = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"deckgen/{field_type}")).upper() + "}"
            run = etree.SubElement(p, f"{A}fld", id=fid, type=field_type)
        else:
            run = etree.SubElement(p, f"{A}r")
        rpr = etree.SubElement(run, f"{A}rPr", lang=self.lang, dirty="0")
        if fit.scale < 1.0 or style.levels[0].from_runs:
            rpr.set("sz", str(fit.sizes[0]))
        if style.levels[0].font.startswith("+"):  # LibreOffice ignores inherited footer fonts
            etree.SubElement(rpr, f"{A}latin", typeface=style.levels[0].font)
        etree.SubElement(run, f"{A}t").text = text
        etree.SubElement(p, f"{A}endParaRPr", lang=self.lang, dirty="0")

    def _notes(self, notes: str) -> None:
        frame = self.slide.notes_slide.notes_text_frame
        if frame is None:
            raise DeckgenError("the template's notes master has no body placeholder")
        frame.text = notes
        for p in frame.paragraphs:
            for r in p.runs:
                r._r.get_or_add_rPr().set("lang", self.lang)

    def _reading_order(self) -> None:
        """Screen readers follow the shape tree: title first, then top-to-bottom, left-to-right."""
        tree = self.slide.shapes._spTree
        shapes = [el for el in tree if etree.QName(el).localname in (
            "sp", "graphicFrame", "pic", "grpSp", "cxnSp")]
        def key(el: Any) -> tuple[int, int, int, int]:
            ph = el.find(".//p:nvPr/p:ph", NS)
            kind = ph.get("type") if ph is not None else None
            footer = kind in ("dt", "ftr", "sldNum")
            is_title = kind in ("title", "ctrTitle")
            shape = SlideShapeFactory(el, self.slide.shapes)
            top = shape.top if shape.top is not None else 0
            left = shape.left if shape.left is not None else 0
            return (0 if is_title else 2 if footer else 1, int(top), int(left), 0)
        ordered = sorted(shapes, key=key)
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


def _drawn_style(style: BoxStyle, kind: str) -> BoxStyle:
    return BoxStyle((91440, 45720, 91440, 45720), style.levels, True)


def _replace(lv: LevelStyle, **changes: Any) -> LevelStyle:
    data = {**lv.__dict__, **changes}
    return LevelStyle(**data)

