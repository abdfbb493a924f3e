"""What each slide of a deck just built is, and what deckgen noticed about it.

`deckgen.reports.check` answers per slide *role* (what `deckgen check` prints); a page that shows the
deck slide by slide (`deckgen preview`) needs the same per *slide*: its texts, the layout and
master it went on and why, and the warnings that concern it. This module is the one place that
reads that from the writer of a `deckgen.api.Job`, so callers need not know the writer's
insides, and a change there is mended here once.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from typing import Any

_SLIDE_REF = re.compile(r"\bslides? (\d+)")


@dataclass(frozen=True)
class SlideInfo:
    """One slide as built: what it says, where it went and why, what to look at.

    ``texts``: (slot, paragraphs) in the order written (``title``, ``body``, ``figure`` …).
    ``warnings``: one line each (fit, colours changed for contrast, fonts measured as another,
    the template's warnings about the layout, missing notes, boxes drawn for want of a layout);
    lines starting ``font:`` or ``alt text`` are remarks rather than warnings.
    """

    number: int
    kind: str
    title: str
    texts: tuple[tuple[str, tuple[str, ...]], ...]
    layout: str
    master: str
    reason: str
    drawn: bool
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class DeckInfo:
    """The slides of a deck and the notes that concern the deck as a whole."""

    template: str
    slides: tuple[SlideInfo, ...]
    warnings: tuple[str, ...]


def deck_info(job: Any) -> DeckInfo:
    """Per-slide facts of the deck `deckgen.api.deck_for` has just written for ``job``."""
    writer = job.writer
    states = list(writer.slides)
    per_slide: dict[int, list[str]] = {s.number: [] for s in states}
    deck: list[str] = list(getattr(job.template, "theme_changes", ()))
    layouts_of = {s.number: s.choice.layout.name for s in states}

    def on_layouts(text: str) -> tuple[int, ...]:  # a note about a layout's box, not a slide
        return tuple(n for n, name in layouts_of.items() if f"'{name}'" in text)

    for sub in writer.legibility.substitutions:
        line = (f"colour changed for contrast: {sub.where}: {sub.original} on "
                f"{sub.background} → {sub.chosen} ({sub.ratio:.1f}:1)")
        _attach(per_slide, deck, line, sub.slides or on_layouts(sub.where))
    for state in states:  # the template's warnings about the layout chosen for a role
        per_slide[state.number] += [f"layout: {w}" for w in state.choice.warnings]
    for note in writer.warnings:
        numbers = tuple(int(n) for n in _SLIDE_REF.findall(note))
        _attach(per_slide, deck, note, numbers or on_layouts(note))
    fonts = _missing_fonts(writer)
    used = getattr(writer, "fonts", {}) or {}
    slides = []
    for state in states:
        texts = tuple((key, tuple(p.text for p in filled.text.paras))
                      for key, filled in state.texts.items())
        notes = per_slide[state.number]
        notes += _fit_notes(state, fonts, used, job.tmap.slide_w)
        if not state.spec.notes:
            notes.append("no speaker notes")
        notes += _alt_texts(state.spec)
        if state.choice.drawn:
            notes.append("no layout of the template had room: the texts are drawn as boxes")
        layout = state.choice.layout
        slides.append(SlideInfo(state.number, state.spec.role, state.spec.title, texts,
                                layout.name, _master_name(layout), state.choice.reason,
                                bool(state.choice.drawn), tuple(dict.fromkeys(notes))))
    return DeckInfo(job.template.name, tuple(slides), tuple(dict.fromkeys(deck)))


def _attach(per_slide: dict[int, list[str]], deck: list[str], line: str,
            numbers: tuple[int, ...]) -> None:
    targets = [n for n in numbers if n in per_slide]
    for n in targets:
        per_slide[n].append(line)
    if not targets:
        deck.append(line)


def _alt_texts(spec: Any) -> list[str]:
    """What a screen reader says for the slide's picture or chart (a remark, to proofread)."""
    out = []
    if spec.image is not None:
        out.append(f"alt text of the picture: {spec.image.alt}")
    if spec.chart is not None:
        out.append(f"alt text of the chart: {spec.chart.alt_text}")
    return out


def _master_name(layout: Any) -> str:
    name = ""
    with contextlib.suppress(AttributeError):
        name = layout.layout.slide_master.name or ""
    return f"master {layout.master + 1}" + (f" {name!r}" if name else "")


def _missing_fonts(writer: Any) -> dict[str, str]:
    """Theme font token or face → a note, for fonts not installed. A metric twin (Carlito for
    Calibri) measures and renders with the same widths: a remark, worded as such ("font:");
    any other stand-in may break lines differently in PowerPoint: a warning."""
    from deckgen.typeset.fonts import fonts_report, is_twin

    out = {}
    for f in fonts_report(getattr(writer, "fonts", {}) or {}):
        if f["installed"] == "no":
            if is_twin(f["font"], f["measured_as"]):
                note = (f"font: {f['font']} is not installed; measured as {f['measured_as']}, "
                        "its metric twin (the same widths)")
            else:
                note = (f"font measured as another: {f['font']} is not installed here; "
                        f"measured as {f['measured_as']}, so lines may break differently "
                        "in PowerPoint")
            out[f["theme"]] = out[f["font"]] = note
    return out


def _fit_notes(state: Any, fonts: dict[str, str], fonts_used: dict[str, str],
               slide_w: int) -> list[str]:
    """Texts that do not fit their placeholder at its own size (so the deck's type scale
    shrank them), texts at the minimum size, and fonts measured as another.

    Texts shrunk only because another slide's text on the same layout needed it are not
    named: that note would stand on every slide and tell the author nothing to do.
    """
    from deckgen.deck.paragraphs import list_adjusted
    from deckgen.ooxml import ph_elements
    from deckgen.typeset.fit import measure
    from deckgen.typeset.scale import min_sizes
    from deckgen.typeset.styles import box_style

    layout = state.choice.layout
    notes = []
    elements = None
    for key, filled in state.texts.items():
        ph = filled.slot.ph
        if ph is None or filled.text.figure:
            continue
        if elements is None:
            elements = [sp for sp, _ph in ph_elements(layout.layout._element)]
        style = list_adjusted(box_style(layout.layout, elements[ph.pos], ph.kind),
                              filled.text.list_style)
        levels = style.levels
        font = fonts.get(levels[0].font)
        if font:
            notes.append(font)
        paras = [(p.text, p.level) for p in filled.text.paras]
        base = [levels[min(level, len(levels) - 1)].size for _t, level in paras]
        smallest = min(filled.sizes, default=0)
        floor = min_sizes(slide_w)[0 if key == "title" else 1] * 100
        box = filled.slot.box
        if smallest and smallest <= floor:
            notes.append(f"fit: the {key} is at the smallest size allowed ({smallest / 100:g} pt); "
                         "shorten it to keep it larger")
        elif smallest < min(base) and not measure(paras, style, fonts_used, box.w, box.h, 1.0,
                                                  base)[0]:
            notes.append(f"fit: the {key} does not fit at the layout's {min(base) / 100:g} pt; "
                         f"set at {smallest / 100:g} pt")
    return notes
