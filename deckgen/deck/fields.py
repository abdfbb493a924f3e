"""Footer, date and slide number: the small texts in a layout's field boxes.

Kept apart from the writer because they follow rules of their own: one line, shrunk at most
to three quarters of the template's size, left empty over the template's artwork or where no
colour reads, and a footer too long for its box shortened at its separators rather than
broken. `DeckWriter` mixes this in; its parts supply the styles, fits and backdrops.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from deckgen.deck.legibility import SOLID
from deckgen.pitch.plan import DeckPlan
from deckgen.template.index import LayoutInfo, PhInfo
from deckgen.template.resolve import Slot
from deckgen.typeset.breaks import keep_together
from deckgen.typeset.fit import FitResult
from deckgen.typeset.styles import NS, BoxStyle

A = "{{{}}}".format(NS["a"])
P = "{{{}}}".format(NS["p"])
FOOTER_MIN_PT = 8.0
FIELD_NAMES = {"ftr": "footer", "dt": "date", "sldNum": "slide number"}
# uuid5(NAMESPACE_URL, "deckgen/slidenum"), spelled out: a stable field id without importing
# uuid (and platform) on every build
_FIELD_ID = {"slidenum": "{F3581AFD-4802-5051-A893-3841FB04C36D}"}


class FieldsMixin:
    """The field half of `deckgen.deck.writer.DeckWriter`, which supplies its typesetter
    (``ts``), type scale (``scale``), filler and placeholder shapes along with these."""

    plan: DeckPlan | None
    legibility: Any
    warnings: list[str]
    _left_out: dict[tuple[Any, ...], list[str]]

    @staticmethod
    def _field_texts(layout: LayoutInfo, number: int, plan: DeckPlan,
                     leave_off: frozenset[str] = frozenset()) -> dict[str, tuple[PhInfo, str]]:
        """Footer, date and slide number for the layout's field boxes; a box that lies over
        a picture of the layout or master (the template's logo or artwork) stays empty, and
        so do the kinds in ``leave_off`` (on the cover, those its example leaves off)."""
        out = {}
        for info in layout.placeholders:
            if info.kind in leave_off or any(
                    info.box.intersection(pic) > 0.02 * info.box.area for pic in layout.pictures):
                continue
            if info.kind == "ftr" and plan.footer:
                out["ftr"] = (info, plan.footer)
            elif info.kind == "dt" and plan.date:
                out["dt"] = (info, plan.date)
            elif info.kind == "sldNum":
                out["sldNum"] = (info, str(number))
        return out

    def _field_style(self, layout: LayoutInfo, info: PhInfo) -> BoxStyle:
        return self.ts.style(layout, Slot(info, info.box), info.kind)

    def _field_fit(self, layout: LayoutInfo, info: PhInfo, text: str) -> tuple[FitResult, str]:
        """How the field's text is set, and the text: one line, shrunk at most to three
        quarters of the template's size (and 8 pt), since a footer in 7 pt or over two lines
        looks broken. A footer too long for its box drops its last parts ("Acme · Plädoyer
        für …" keeps "Acme"), as a typesetter shortens a running foot; one that cannot be
        shortened, or read on the artwork behind it, is left out. Both are said."""
        fit, unreadable = self._field_try(layout, info, text)
        if fit.fits or unreadable or info.kind != "ftr":
            if not fit.fits and (info.kind != "sldNum" or unreadable):
                self._field_note(layout, info, text, "cannot be read on the artwork behind"
                                 if unreadable else "does not fit on one line in",
                                 "" if unreadable else " (shorten it to keep it)")
            return fit, text
        for shorter in _shorter(text):
            fit, unreadable = self._field_try(layout, info, shorter)
            if fit.fits:
                self._field_note(layout, info, text, "does not fit on one line in",
                                 f"; shortened there to {shown(shorter)!r}", left_out=False)
                return fit, shorter
        self._field_note(layout, info, text, "does not fit on one line in",
                         " (shorten it to keep it)")
        return fit, text

    def _field_try(self, layout: LayoutInfo, info: PhInfo, text: str) -> tuple[FitResult, bool]:
        """The fit of one field text, and whether it fails only for want of a colour."""
        style = self._field_style(layout, info)
        size = style.levels[0].size
        floor = min(size / 100, max(FOOTER_MIN_PT, 0.75 * size / 100))
        fit = self.ts.fit(style, [(keep_together(text, self.scale.keep), 0)], info.box, [size], floor,
                        max_lines=1)
        if fit.fits and fit.lines and fit.lines[0] > 1:
            fit = FitResult(fit.scale, fit.sizes, False)
        if fit.fits:
            level = style.levels[0]
            legibility = self.ts.theme(layout).legibility
            fg, slot = legibility.text_color(level)
            bg = self.filler.backdrop(layout, Slot(info, info.box))
            if not legibility.can_read(fg, slot, bg, fit.sizes[0] / 100, level.bold):
                return FitResult(fit.scale, fit.sizes, False), True
        return fit, False

    def _field_note(self, layout: LayoutInfo, info: PhInfo, text: str, why: str, tail: str,
                    left_out: bool = True) -> None:
        """One warning per field and text (the slide number: one for all its numbers),
        naming every layout it applies to."""
        said = "" if info.kind == "sldNum" else f" {shown(text)!r}"
        self._left_out.setdefault((info.kind, said, left_out), []).append(layout.name)
        names = ", ".join(repr(n) for n in dict.fromkeys(
            self._left_out[(info.kind, said, left_out)]))
        head = f"the {FIELD_NAMES[info.kind]}{said} "
        there = "; left out there" if left_out else ""
        note = f"{head}{why} the {FIELD_NAMES[info.kind]} box of {names}{there}{tail}"
        self.warnings[:] = [w for w in self.warnings if not (
            w.startswith(head) and ("left out there" in w) == left_out)]
        self.warnings.append(note)

    def _create_field(self, state: Any, kind: str, info: PhInfo, text: str,
                      fit: FitResult) -> None:
        sp = self.shapes.clone(state, info)
        self._write_field(sp, state.choice.layout, info, text, fit)
        state.fields[kind] = (sp, text)

    def _write_field(self, sp: Any, layout: LayoutInfo, info: PhInfo, text: str,
                     fit: FitResult) -> None:
        lang = self.plan.lang
        style = self._field_style(layout, info)
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
        legibility = self.ts.theme(layout).legibility
        fg, slot = legibility.text_color(level)
        bg = self.filler.backdrop(layout, Slot(info, info.box))
        fill = legibility.fill_for(fg, slot, bg, fit.sizes[0] / 100, level.bold,
                                        f"layout {layout.name!r} {FIELD_NAMES[info.kind]}")
        if fill is None and level.from_runs and level.color is not None:
            fill = SOLID.format(etree.tostring(level.color, encoding=str))  # as in its sample
        if fill:
            from pptx.oxml import parse_xml

            rpr.append(parse_xml(fill))
        if level.font.startswith("+") or level.from_runs:
            # LibreOffice ignores inherited footer fonts; a sample's font is passed on by none
            etree.SubElement(rpr, f"{A}latin", typeface=level.font)
        etree.SubElement(run, f"{A}t").text = keep_together(text, self.scale.keep)
        etree.SubElement(p, f"{A}endParaRPr", lang=lang, dirty="0")


_PARTS = (" · ", " | ", " – ", " — ", " - ")


def _shorter(text: str) -> list[str]:
    """A footer's shorter forms, longest first: its trailing parts dropped one by one at a
    separator a running foot uses (" · ", " | ", dashes); none when it has no such parts."""
    for sep in _PARTS:
        if sep in text:
            parts = text.split(sep)
            return [sep.join(parts[:n]) for n in range(len(parts) - 1, 0, -1)]
    return []


def shown(text: str, n: int = 60) -> str:
    """A text quoted in a message, cut to ``n`` characters."""
    return text if len(text) <= n else text[: n - 1] + "…"
