"""The plea as a typed model: what `content/plea.yaml` must contain.

The dataclasses are the single source of truth for the content format: the validator walks
them to check a YAML file, and `deckgen schema` derives the JSON Schema from them, so the
editor's completion, the error messages and the code cannot drift apart.

Field metadata: ``doc`` (shown in the schema), ``min``/``max`` (list length or integer range).
Strings are Jinja templates until `deckgen.pitch.render` turns them into text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def _f(doc: str, default: object = ..., **limits: int) -> object:
    meta = {"doc": doc, **limits}
    if default is ...:
        return field(metadata=meta)
    if isinstance(default, (dict, list)):
        return field(default_factory=lambda d=default: type(d)(d), metadata=meta)
    return field(default=default, metadata=meta)


@dataclass(frozen=True, eq=False)
class TitleSlide:
    title: str = _f("The deck's title.")
    subtitle: str = _f("Subtitle, usually addressed to {{ company }}.")
    notes: str = _f("Speaker notes.")


@dataclass(frozen=True, eq=False)
class Intro:
    title: str = _f("The plea's core message, as a headline.")
    text: str = _f("One or two sentences: whose plea, and what prompted it.")
    notes: str = _f("Speaker notes.")


@dataclass(frozen=True, eq=False)
class Statistic:
    title: str = _f("Headline of the statistic slide.")
    value: int = _f("The part (e.g. 1 of 10 companies).", min=0)
    of: int = _f("The whole (e.g. 1 of 10 companies).", min=1)
    figure: str = _f("The big number; {{ value }} and {{ of }} are available.")
    caption: str = _f("What the number means.")
    source: str = _f("Where the number comes from.")
    chart_labels: list[str] = _f("Two labels: the share with, the share without.", min=2, max=2)
    notes: str = _f("Speaker notes.")


@dataclass(frozen=True, eq=False)
class BulletSlide:
    title: str = _f("Slide title.")
    bullets: list[str] = _f("The bullet points.", min=1, max=8)
    notes: str = _f("Speaker notes.")


@dataclass(frozen=True, eq=False)
class Agenda:
    title: str = _f("Title of the overview of all points.")
    notes: str = _f("Speaker notes.")


@dataclass(frozen=True, eq=False)
class Point:
    title: str = _f("The point's name.")
    statement: str = _f("What the point says.")
    notes: str = _f("Speaker notes.")


@dataclass(frozen=True, eq=False)
class SourceItem:
    text: str = _f("How the source is cited.")
    url: str = _f("Address of the source (becomes a live link).", default="")


@dataclass(frozen=True, eq=False)
class Sources:
    title: str = _f("Title of the sources slide.")
    items: list[SourceItem] = _f("The sources.", min=1, max=8)
    notes: str = _f("Speaker notes.")


@dataclass(frozen=True, eq=False)
class Plea:
    title: TitleSlide = _f("The title slide.")
    intro: Intro = _f("The statement slide: the plea's core message.")
    statistic: Statistic = _f("The statistic slide: big number and chart.")
    problem: BulletSlide = _f("The problem today.")
    agenda: Agenda = _f("The overview of the points.")
    points: list[Point] = _f("The points of the plea, one slide each.", min=1, max=9)
    closing: BulletSlide = _f("The closing ask, addressed to the company.")
    sources: Sources = _f("The sources slide.")
    lang: str = _f("Language tag of the text (spell-check language), e.g. de-DE.", default="de-DE")
    footer: str = _f("Footer text on every slide whose layout has a footer.", default="")
    vars: dict[str, str] = _f("Extra template variables for the texts.", default={}, max=100)
