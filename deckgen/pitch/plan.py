"""The rendered slide plan: plain text per slide, no Jinja and no PowerPoint left in it.

It is the contract between content and template: the writer knows only roles and slots, so any
template can be mapped onto any plan. Fields are only ever added here, with defaults, so a
writer that does not know a new field still builds every slide that does not need it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

# Plain value classes compared by value. Not frozen and without a generated repr: every build
# imports this module, and frozen dataclasses cost about twice as much to create (the plan is
# built once per deck and never changed afterwards).
_value = partial(dataclass, repr=False)

ROLES = ("title", "statement", "statistic", "bullets", "agenda", "point", "closing", "sources",
         "quote", "comparison", "table", "image", "figures", "roadmap")


@_value
class Run:
    """A stretch of text with one look: from the content's ``**bold**``, ``*italic*``, links.

    ``text`` may contain ``"\\n"``: a line break inside the paragraph (``<a:br/>``), not a new
    paragraph, so a bullet stays one bullet. Fonts and language come from the template and the
    deck: a run only says what the author marked.
    """

    text: str
    bold: bool = False
    italic: bool = False
    url: str = ""  # http(s) or mailto address: the run is a live link


@_value
class Para:
    """One paragraph: text, list level, and an optional link target for the whole paragraph.

    ``text`` is always the plain concatenation of ``runs`` (fitting measures it); ``runs`` is
    empty only for paragraphs built by code that does not care about markup, which then mean
    one plain run. ``url`` is set when the whole paragraph is one link (older writers link the
    whole paragraph from it).
    """

    text: str
    level: int = 0
    url: str = ""
    runs: tuple[Run, ...] = ()

    def all_runs(self) -> tuple[Run, ...]:
        """The runs to write: ``runs``, or one plain run (linked if ``url``) made from ``text``."""
        return self.runs or (Run(self.text, url=self.url),)


@_value
class SeriesSpec:
    """One data series of a bar or column chart, its values and their labels as shown."""

    name: str
    values: tuple[float, ...]
    value_labels: tuple[str, ...]  # formatted for the deck's language: "46,5 %" / "46.5%"


@_value
class ChartSpec:
    """A native chart: a two-part doughnut (share with/without) or a bar/column comparison.

    ``labels``: doughnut: the two slice names (with, without); bar/column: the categories.
    ``percents``: doughnut: the two shares in percent (sum 100); bar/column: empty.
    ``alt_text``: what the chart says, for screen readers (``descr`` of the graphic frame).
    ``kind``: ``doughnut`` | ``bar`` (horizontal bars) | ``column`` (vertical bars).
    ``categories`` / ``series``: bar/column data (every series has one value per category).
    ``number_format``: Excel number format of the values (for the embedded workbook and axis).
    ``value_labels``: doughnut: the two shares formatted for the deck's language.
    ``unit``: the unit the author gave (``%``, ``€``…), already part of the labels.
    """

    labels: tuple[str, ...]
    percents: tuple[float, ...]
    alt_text: str
    kind: str = "doughnut"
    categories: tuple[str, ...] = ()
    series: tuple[SeriesSpec, ...] = ()
    number_format: str = '0" %"'
    value_labels: tuple[str, ...] = ()
    unit: str = ""


@_value
class ColumnSpec:
    """One side of a comparison: a short heading over its own list of paragraphs."""

    heading: str
    body: tuple[Para, ...]


@_value
class TableSpec:
    """A native table: one header row, up to 10 body rows, up to 7 columns, cells as paragraphs.

    ``numeric`` marks columns whose body cells are all numbers (right-aligned, so digits line up).
    """

    header: tuple[Para, ...]
    rows: tuple[tuple[Para, ...], ...]
    numeric: tuple[bool, ...] = ()


@_value
class ImageSpec:
    """A checked PNG or JPEG from the content's folder, with its pixel size and alt text.

    ``path`` is absolute (resolved and checked to lie inside the content file's folder);
    ``width_px``/``height_px`` let the writer fit it without distortion before opening it.
    """

    path: str
    alt: str
    width_px: int
    height_px: int


@_value
class FigureSpec:
    """One key figure: the number as the author wrote it, its caption and an optional source."""

    figure: str
    caption: str
    source: str = ""


@_value
class StepSpec:
    """One roadmap phase: its name, its date or period, and an optional line of text."""

    label: str
    when: str
    text: str = ""


@_value
class SlideSpec:
    """What one slide says, by slot; empty slots are simply not used.

    ``role``: one of `ROLES`, the layout family the template resolution picks from.
    ``title``: plain text, unique in the deck (screen readers navigate by it).
    ``notes``: speaker notes, plain text; ``""`` when the content has none.
    ``body``: main text (statement, bullets, point statement, quote text, list items).
    ``list_style``: ``none`` | ``bullet`` | ``number``: how body paragraphs are marked.
    ``subtitle``: title slide: subtitle, then the presenter/date line if any.
    ``figure``: statistic: the big number; ``caption``: statistic/image: what it means + source.
    ``number``: point: its number in the list (``"3"``).
    ``chart``: statistic: the chart, if any.
    ``author`` / ``author_role``: quote: who said it, and who that is (may be empty).
    ``left`` / ``right``: comparison: the two columns.
    ``table``: table slide data. ``image``: image slide picture.
    ``total``: point: how many points there are (``"6"``), for the progress marker.
    ``figures``: figures: the key figures. ``steps``: roadmap: the phases in order.
    ``byline``: title: how many of the last subtitle paragraphs are the presenter/date line.
    """

    role: str
    title: str
    notes: str = ""
    body: tuple[Para, ...] = ()
    list_style: str = "none"
    subtitle: tuple[Para, ...] = ()
    figure: str = ""
    caption: tuple[Para, ...] = ()
    number: str = ""
    chart: ChartSpec | None = None
    author: str = ""
    author_role: str = ""
    left: ColumnSpec | None = None
    right: ColumnSpec | None = None
    table: TableSpec | None = None
    image: ImageSpec | None = None
    total: str = ""
    figures: tuple[FigureSpec, ...] = ()
    steps: tuple[StepSpec, ...] = ()
    byline: int = 0


@_value
class DeckPlan:
    """The whole deck: slides in order, the language of every run, and document properties."""

    slides: tuple[SlideSpec, ...]
    lang: str
    title: str
    company: str
    presenter: str
    footer: str
    date: str
