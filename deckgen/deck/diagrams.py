"""What deckgen draws as native shapes, by role: key figures, a roadmap, a point's progress.

The writer asks three things of them, through this one entry point so it needs no knowledge
of any: where the drawing goes on a layout, whether that area holds it at readable sizes (the
layout choice tries the next candidate if not), and to draw it there (`DrawingMixin`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from deckgen.deck.native import Canvas
from deckgen.geometry import Box
from deckgen.pitch.plan import SlideSpec
from deckgen.template.resolve import RoleChoice
from deckgen.typeset.scale import min_sizes

ROLES = ("figures", "roadmap", "point")
SLOT = "shapes"


def canvas(fonts: Mapping[str, str], scheme: Mapping[str, str], body_pt: float, slide_w: int,
           title_pt: float, lang: str, bg: str,
           behind: Callable[[Box], str] | None = None, brand: str | None = None) -> Canvas:
    """The deck's sizes and colours as the drawing needs them (body size never below the
    minimum, which scales with the slide); ``behind`` gives the backdrop of any box."""
    floor = min_sizes(slide_w)[1]
    return Canvas(fonts, scheme, max(body_pt, floor), floor, max(title_pt, floor), lang, bg,
                  slide_w, behind, brand or "accent1")


def area(spec: SlideSpec, choice: RoleChoice, edges: tuple[int, int] | None = None) -> Box:
    """Where the drawing goes on the chosen layout: the slot's area, its sides on the title
    text's edges (``edges``, left and right) where those lie inside it."""
    if spec.role == "point":
        from deckgen.deck.points import marker_box
        from deckgen.deck.progress import INSET

        box = marker_box(choice)
        if edges is not None and abs(edges[0] - INSET - box.x) < box.w // 4:
            return Box(edges[0] - INSET, box.y, box.right - edges[0] + INSET, box.h)
        return box
    box = choice.slots[SLOT].box
    if edges is None:
        return box
    left = edges[0] if box.x <= edges[0] < box.x + box.w // 4 else box.x
    right = edges[1] if box.right - box.w // 4 < edges[1] <= box.right else box.right
    return Box(left, box.y, right - left, box.h)


def texts(spec: SlideSpec) -> str:
    """What the drawing says, for a message asking to shorten it."""
    if spec.role == "figures":
        return " · ".join(f"{f.figure} {f.caption}" for f in spec.figures)
    return " · ".join(" ".join(x for x in (s.when, s.label, s.text) if x) for s in spec.steps)


def fits(spec: SlideSpec, box: Box, where: Canvas) -> bool:
    if spec.role == "point":
        return True  # one short line: the statement's fitting decides the layout
    if spec.role == "figures":
        from deckgen.deck.figures import fits as figures_fit

        return figures_fit(spec.figures, box, where)
    from deckgen.deck.roadmap import fits as roadmap_fits

    return roadmap_fits(spec.steps, box, where)


def draw(slide: Any, spec: SlideSpec, box: Box, where: Canvas, next_id: int) -> tuple[Any, int]:
    """The group drawn on ``slide``, and the next free shape id."""
    if spec.role == "point":
        from deckgen.deck.progress import draw as draw_progress

        return draw_progress(slide, spec, box, where, next_id)
    if spec.role == "figures":
        from deckgen.deck.figures import draw as draw_figures

        return draw_figures(slide, spec.figures, box, where, next_id)
    from deckgen.deck.roadmap import draw as draw_roadmap

    return draw_roadmap(slide, spec.steps, box, where, next_id)


class DrawingMixin:
    """The drawing half of `deckgen.deck.writer.DeckWriter`, which supplies ``_style``,
    ``_backdrop``, ``_body_size`` and these attributes."""

    fonts: dict[str, str]
    colors: dict[str, str]
    tmap: Any
    plan: Any
    legibility: Any

    def _text_edges(self, choice: RoleChoice) -> tuple[int, int]:
        """Where the title's text starts and ends: a table, key figures or a roadmap line
        up with it."""
        slot = choice.slots["title"]
        style = self.ts.style(choice.layout, slot, "title")  # type: ignore[attr-defined]
        return slot.box.x + style.insets[0], slot.box.right - style.insets[2]

    def _canvas(self, choice: RoleChoice, box: Box, title_pt: float) -> Canvas:
        from deckgen.template.resolve import Slot

        layout = choice.layout
        theme = self.ts.theme(layout)  # type: ignore[attr-defined]  # the layout's master's
        return canvas(theme.fonts, theme.colors, self.ts.body_size / 100,  # type: ignore[attr-defined]
                      self.tmap.slide_w, title_pt, self.plan.lang if self.plan else "",
                      self.filler.backdrop(layout, Slot(None, box)),  # type: ignore[attr-defined]
                      lambda b: theme.legibility.background(
                          layout.layout, b, (), self.filler.carried_bg(layout)),  # type: ignore[attr-defined]
                      theme.brand)

    def _diagram_fits(self, spec: SlideSpec, option: RoleChoice) -> bool:
        box = area(spec, option, self._text_edges(option))
        return fits(spec, box, self._canvas(option, box, 0.0))

    def _diagram(self, state: Any, spec: SlideSpec, title_pt: float) -> None:
        """Native shapes deckgen draws in the slide's area, placed in its reading order."""
        box = area(spec, state.choice, self._text_edges(state.choice))
        group, state.next_id = draw(state.slide, spec, box,
                                    self._canvas(state.choice, box, title_pt), state.next_id)
        state.order[group] = (1, box.y, box.x)
