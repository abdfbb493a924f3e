"""Rules that span several values of a content file, checked once when it is loaded.

The loader checks each value against its type; these rules need two values at once (a doughnut's
part and whole, a table's rows and header) or the file system (images). Each error names the
file, line and key path like the loader's own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from deckgen.errors import DeckgenError
from deckgen.pitch.images import check_image
from deckgen.pitch.model import (
    AgendaSlide,
    BarChart,
    Doughnut,
    ImageSlide,
    PointsSlide,
    StatisticSlide,
    TableSlide,
)

if TYPE_CHECKING:
    from deckgen.pitch.loaded import LoadedPitch


def check_pitch(loaded: LoadedPitch) -> None:
    """Raise a `DeckgenError` for the first rule the pitch breaks; record checked images."""
    where = loaded.where
    slides = loaded.pitch.slides
    for i, slide in enumerate(slides):
        at = f"slides[{i}]"
        if isinstance(slide, StatisticSlide):
            _statistic(slide, at, where)
        elif isinstance(slide, TableSlide):
            for r, row in enumerate(slide.rows):
                if len(row) != len(slide.header):
                    raise DeckgenError(f"{where(f'{at}.rows[{r}]')}: has {len(row)} cells, the "
                                       f"header has {len(slide.header)} columns")
        elif isinstance(slide, AgendaSlide):
            if not any(isinstance(s, PointsSlide) for s in slides[i + 1:]):
                raise DeckgenError(f"{where(at)}: an agenda lists the items of a later "
                                   "'points' slide, and there is none")
        elif isinstance(slide, ImageSlide):
            key = f"{at}.image"
            try:
                loaded.images[key] = check_image(loaded.path.parent, slide.image)
            except ValueError as exc:
                raise DeckgenError(f"{where(key)}: {exc}") from None


def _statistic(slide: StatisticSlide, at: str, where: Callable[[str], str]) -> None:
    chart = slide.chart
    if isinstance(chart, Doughnut) and chart.value > chart.of:
        raise DeckgenError(f"{where(f'{at}.chart.value')}: {chart.value:g} is larger than "
                           f"of={chart.of:g}")
    if isinstance(chart, BarChart):
        n = len(chart.categories)
        for s, series in enumerate(chart.series):
            if len(series.values) != n:
                raise DeckgenError(f"{where(f'{at}.chart.series[{s}].values')}: has "
                                   f"{len(series.values)} values for {n} categories")
    if chart is None and not slide.figure:
        raise DeckgenError(f"{where(at)}: a statistic needs a figure, a chart, or both")


def notes_warnings(loaded: LoadedPitch) -> list[str]:
    """One line per slide without speaker notes (``deckgen check`` shows them)."""
    out = []
    for i, slide in enumerate(loaded.pitch.slides):
        items = slide.items if isinstance(slide, PointsSlide) else [slide]
        for n, item in enumerate(items):
            if getattr(item, "notes", None) == "":
                at = f"slides[{i}].items[{n}]" if isinstance(slide, PointsSlide) else f"slides[{i}]"
                out.append(f"{loaded.where(at)}: no speaker notes")
    return out
