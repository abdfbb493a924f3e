"""A pitch as a typed model: what a content file (``content/plea.yaml``) may contain.

The dataclasses are the single source of truth for the content format: the loader walks them
to check a YAML file, and `deckgen schema` derives the JSON Schema from them, so the editor's
completion, the error messages and the code cannot drift apart.

A pitch is an ordered list of slides; each slide's ``kind`` picks its dataclass (the field
``kind`` carries ``tag``), and a chart's ``type`` does the same. Field metadata: ``doc`` (shown
in the schema), ``min``/``max`` (list length or number range), ``tag`` (the values of a
discriminator). Strings are Jinja templates with inline markup until `deckgen.pitch.render`
turns them into text; an optional text defaults to ``""``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

MAX_POINTS = 12
MAX_SLIDES = 60
TABLE_COLS = 7
TABLE_ROWS = 10
MAX_FIGURES = 4
MAX_STEPS = 6


# Every content file load imports this module, and a frozen dataclass with a repr costs about
# three times as much to create as a plain one (20 classes: ~7 ms of each build). The loader
# builds the instances once and nothing changes them afterwards, so plain classes do.
_dataclass = partial(dataclass, eq=False, kw_only=True, repr=False)


def _model(cls: type) -> type:
    """A content class. Its documentation is its fields' ``doc``; without a docstring of its
    own, `dataclass` would make one from ``inspect.signature`` (~1 ms for these 24 classes)."""
    cls.__doc__ = cls.__doc__ or f"{cls.__name__}: a part of a content file (see its fields)."
    return _dataclass(cls)


def _f(doc: str, default: object = ..., **meta: object) -> object:
    info = {"doc": doc, **meta}
    if default is ...:
        return field(metadata=info)
    if isinstance(default, (dict, list)):
        return field(default_factory=lambda d=default: type(d)(d), metadata=info)
    return field(default=default, metadata=info)


def _kind(name: str, doc: str) -> object:
    return field(default=name, metadata={"doc": doc, "tag": (name,)})


_NOTES = "Speaker notes (optional; `deckgen check` warns when a slide has none)."


@_model
class Bullet:
    text: str = _f("The bullet's text.")
    sub: list[str] = _f("Sub-bullets, one level below.", default=[], max=6)


BulletList = list[str | Bullet]


@_model
class TitleSlide:
    kind: str = _kind("title", "The opening slide: the deck's title and a subtitle.")
    title: str = _f("The deck's title.")
    subtitle: str = _f("Subtitle, e.g. addressed to {{ company }}.", default="")
    notes: str = _f(_NOTES, default="")


@_model
class StatementSlide:
    kind: str = _kind("statement", "One message: a headline and one or two sentences.")
    title: str = _f("The message, as a headline.")
    text: str = _f("One or two sentences; an empty line starts a new paragraph.")
    notes: str = _f(_NOTES, default="")


@_model
class Doughnut:
    type: str = field(default="doughnut", metadata={"doc": "A part of a whole (1 of 10).",
                                                    "tag": ("doughnut",)})
    value: float = _f("The part, e.g. 1 (of 10 companies).", min=0)
    of: float = _f("The whole, e.g. 10 companies.", min=0, exclusive_min=True)
    labels: list[str] = _f("Two labels: the part, then the rest.", min=2, max=2)


@_model
class Series:
    name: str = _f("Name of the series (legend entry).")
    values: list[float] = _f("One value per category.", min=1, max=12)


@_model
class BarChart:
    type: str = field(default="bar", metadata={
        "doc": "Comparisons and trends: bar (horizontal) or column (vertical).",
        "tag": ("bar", "column")})
    categories: list[str] = _f("The categories (bars per series).", min=1, max=12)
    series: list[Series] = _f("Data series, each with one value per category.", min=1, max=6)
    unit: str = _f("Unit shown with the values, e.g. % or €.", default="")


@_model
class StatisticSlide:
    kind: str = _kind("statistic", "A big number with a native chart beside it.")
    title: str = _f("Headline of the statistic.")
    figure: str = _f("The big number; {{ value }}, {{ of }} and {{ percent }} come from a "
                     "doughnut chart.", default="")
    caption: str = _f("What the number means.", default="")
    source: str = _f("Where the number comes from.", default="")
    chart: Doughnut | BarChart | None = _f("The chart (optional).", default=None)
    notes: str = _f(_NOTES, default="")


@_model
class BulletsSlide:
    kind: str = _kind("bullets", "A title and a list of bullets.")
    title: str = _f("Slide title.")
    bullets: BulletList = _f("The bullets: text, or {text, sub: [...]}.", min=1, max=8)
    notes: str = _f(_NOTES, default="")


@_model
class AgendaSlide:
    kind: str = _kind("agenda", "Lists the titles of the next points slide's items; "
                                "{{ points_count }} and {{ points | length }} are available.")
    title: str = _f("Title of the overview, e.g. \"{{ points_count }} reasons\".")
    notes: str = _f(_NOTES, default="")


@_model
class Point:
    title: str = _f("The point's name.")
    statement: str = _f("What the point says.")
    notes: str = _f(_NOTES, default="")


@_model
class PointsSlide:
    kind: str = _kind("points", "One numbered slide per item.")
    items: list[Point] = _f("The points, one slide each.", min=1, max=MAX_POINTS)


@_model
class QuoteSlide:
    kind: str = _kind("quote", "A quotation and who said it.")
    text: str = _f("The quotation, without quotation marks.")
    author: str = _f("Who said it.")
    role: str = _f("Who the author is, e.g. their position.", default="")
    title: str = _f("The slide's name in the deck's document properties (default: the "
                    "quotation, which the slide shows as its title).", default="")
    notes: str = _f(_NOTES, default="")


@_model
class Side:
    heading: str = _f("Heading of this side.")
    bullets: BulletList = _f("The bullets of this side.", min=1, max=6)


@_model
class ComparisonSlide:
    kind: str = _kind("comparison", "Two columns side by side, e.g. today and tomorrow.")
    title: str = _f("Slide title.")
    left: Side = _f("The left column.")
    right: Side = _f("The right column.")
    notes: str = _f(_NOTES, default="")


@_model
class TableSlide:
    kind: str = _kind("table", "A native table in the template's table style.")
    title: str = _f("Slide title.")
    header: list[str] = _f("Column headings.", min=1, max=TABLE_COLS)
    rows: list[list[str]] = _f("Rows, each with one cell per heading.", min=1, max=TABLE_ROWS)
    notes: str = _f(_NOTES, default="")


@_model
class ImageSlide:
    kind: str = _kind("image", "A picture from the content file's folder.")
    title: str = _f("Slide title.")
    image: str = _f("PNG or JPEG path relative to the content file, inside its folder.")
    alt: str = _f("What the picture shows, for screen readers.")
    caption: str = _f("Caption under the picture.", default="")
    notes: str = _f(_NOTES, default="")


@_model
class SourceItem:
    text: str = _f("How the source is cited.")
    url: str = _f("Address of the source (becomes a live link).", default="")


@_model
class SourcesSlide:
    kind: str = _kind("sources", "The sources, with live links.")
    title: str = _f("Title of the sources slide.")
    items: list[SourceItem] = _f("The sources.", min=1, max=10)
    notes: str = _f(_NOTES, default="")


@_model
class ClosingSlide:
    kind: str = _kind("closing", "The ask: a title and bullets.")
    title: str = _f("Slide title.")
    bullets: BulletList = _f("The closing bullets.", min=1, max=8)
    notes: str = _f(_NOTES, default="")


@_model
class KeyFigure:
    figure: str = _f("The number as it should read, e.g. \"1,2 Mio. €\" or \"18 Monate\".")
    caption: str = _f("What the number is, in a few words.")
    source: str = _f("Where the number comes from (small, under the caption).", default="")


@_model
class FiguresSlide:
    kind: str = _kind("figures", "Key figures: two to four big numbers, each with a short "
                                 "caption (cost, headcount, payback time).")
    title: str = _f("Slide title.")
    items: list[KeyFigure] = _f("The figures, left to right.", min=2, max=MAX_FIGURES)
    notes: str = _f(_NOTES, default="")


@_model
class Step:
    label: str = _f("The phase's name, e.g. \"Pilot\".")
    when: str = _f("Its date or period, e.g. \"Q1 2027\" or \"Jan–Mär\".")
    text: str = _f("One line on what happens then.", default="")


@_model
class RoadmapSlide:
    kind: str = _kind("roadmap", "Phases in order, each with a date or period and one line, "
                                 "as a row of connected shapes.")
    title: str = _f("Slide title.")
    steps: list[Step] = _f("The phases, in order.", min=3, max=MAX_STEPS)
    notes: str = _f(_NOTES, default="")


Slide = (TitleSlide | StatementSlide | StatisticSlide | BulletsSlide | AgendaSlide | PointsSlide
         | QuoteSlide | ComparisonSlide | TableSlide | ImageSlide | ClosingSlide | SourcesSlide
         | FiguresSlide | RoadmapSlide)


@_model
class Pitch:
    lang: str = _f("Language of the texts as a BCP-47 tag: de, de-DE, de-AT, de-CH, en, en-US, "
                   "en-GB…", lang=True)
    slides: list[Slide] = _f("The slides, in order.", min=1, max=MAX_SLIDES)
    slug: str = _f("File-name part of the output (<company>-<slug>.pptx); default: the content "
                   "file's name.", default="", slug=True)
    title: str = _f("The deck's title (document properties); default: the first slide's "
                    "title.", default="")
    footer: str = _f("Footer text on every slide whose layout has a footer.", default="")
    vars: dict[str, str] = _f("Extra template variables for the texts.", default={}, max=100)
