"""The texts of a deck as jobs for its type scale: what each says, where, at which base size.

The layout choice asks whether a role's texts fit a candidate layout, and the type scale
(`deckgen.typeset.scale.decide`) sizes the whole deck at once; both work from these jobs,
built once per slide, text and layout choice.
"""

from __future__ import annotations

from typing import Any

from deckgen.deck.slide_texts import FIGURE_BOOST
from deckgen.deck.slot_text import SlotText
from deckgen.deck.typesetter import DRAWN_TITLE_MAX, Typesetter
from deckgen.geometry import Box
from deckgen.pitch.plan import DeckPlan, SlideSpec
from deckgen.template.resolve import RoleChoice, Slot
from deckgen.typeset.breaks import keep_together
from deckgen.typeset.scale import WIDE_SLIDE_EMU, TextJob, decide, min_sizes

EMU_PER_TENTH_INCH = 91440
Texts = dict[str, tuple[Slot, SlotText]]


def min_pt_for(key: str, slide_w: int) -> float:
    """The minimum size of a title (``key`` "title") or of any other text."""
    title, body = min_sizes(slide_w)
    return title if key == "title" else body


def figure_gap(size: int) -> int:
    """Clear space between the big figure and its caption (hundredths of a point)."""
    return int(size * 0.3)


class TypeScale:
    """A deck's text jobs, cached per plan, and the sizes the deck's type scale gives them."""

    def __init__(self, ts: Typesetter) -> None:
        self.ts = ts
        self.keep: tuple[str, ...] = ()  # names held on one line (company, presenter)
        self._cache: dict[tuple[Any, ...], list[TextJob]] = {}

    def start(self, keep: tuple[str, ...]) -> None:
        """A new plan: its held names; earlier jobs and measurements no longer apply."""
        self.keep = keep
        self._cache.clear()
        self.ts.measured.clear()

    def sizes(self, plan: DeckPlan, choices: dict[str, RoleChoice],
              texts: list[Texts]) -> dict[tuple[int, str], tuple[int, ...]]:
        jobs = [job for i, spec in enumerate(plan.slides)
                for job in self.jobs(i, spec, choices[spec.role], texts[i])]
        return decide(jobs, self.ts.factor, self.ts.tmap.slide_w)

    def jobs(self, i: int, spec: SlideSpec, choice: RoleChoice, texts: Texts) -> list[TextJob]:
        key = (i, id(spec), id(choice))
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._make_jobs(i, spec, choice, texts)
        return found

    def _make_jobs(self, i: int, spec: SlideSpec, choice: RoleChoice,
                   texts: Texts) -> list[TextJob]:
        layout = choice.layout
        keep = self.keep
        out = []
        for key, (slot, text) in texts.items():
            style = self.ts.adjusted(self.ts.style(layout, slot, text.kind), text.list_style)
            base = [int(style.levels[min(p.level, 2)].size * (
                text.scales[k] if k < len(text.scales) else 1.0))
                for k, p in enumerate(text.paras)]
            if slot.ph is None and text.kind == "title":  # the content titles' size, bounded
                top = int(DRAWN_TITLE_MAX * self.ts.tmap.slide_w / WIDE_SLIDE_EMU)
                base = [min(b, top) for b in base]
            # a template's size below the readable minimum is raised to it
            floor = int(min_pt_for(key, self.ts.tmap.slide_w) * 100)
            base = [max(b, floor) for b in base]
            if text.figure:
                base[0] = min(7200, max(4400, int(base[0] * FIGURE_BOOST)))
            if key == "title":
                # the template's title box, before deckgen grew it: titles a reader sees in
                # one place are one size, however much room each layout left to grow into
                # (the cover's title is a size of its own, in the box it grew to)
                b = slot.ph.box if slot.ph is not None and spec.role != "title" else slot.box
                group: tuple[object, ...] = ("title",
                                             *(round(v / EMU_PER_TENTH_INCH) for v in
                                               (b.x, b.y, b.w, b.h)))
            else:
                group = (id(layout.layout), spec.role, text.group or key)
            paras = tuple((keep_together(p.text, keep), p.level) for p in text.paras)
            box = slot.box
            if text.figure and len(paras) > 1:  # room for the clear space before the caption
                box = Box(box.x, box.y, box.w, box.h - figure_gap(base[0]) * 127)
            out.append(TextJob(i, key, spec.role, paras, style, box, tuple(base), group,
                               text.max_lines, text.figure))
        return out

