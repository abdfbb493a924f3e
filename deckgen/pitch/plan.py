"""The rendered slide plan: plain text per slide, no Jinja and no PowerPoint left in it.

It is the contract between content and template: the writer knows only roles and slots, so any
template can be mapped onto any plan.
"""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("title", "statement", "statistic", "bullets", "agenda", "point", "closing", "sources")


@dataclass(frozen=True)
class Para:
    """One paragraph: text, list level, and an optional link target for the whole paragraph."""

    text: str
    level: int = 0
    url: str = ""


@dataclass(frozen=True)
class ChartSpec:
    """A two-part doughnut: the share with and without (in percent), and its alt text."""

    labels: tuple[str, str]
    percents: tuple[float, float]
    alt_text: str


@dataclass(frozen=True)
class SlideSpec:
    """What one slide says, by slot; empty slots are simply not used."""

    role: str
    title: str
    notes: str
    body: tuple[Para, ...] = ()
    list_style: str = "none"  # none | bullet | number: how body paragraphs are marked
    subtitle: tuple[Para, ...] = ()
    figure: str = ""
    caption: tuple[Para, ...] = ()
    number: str = ""
    chart: ChartSpec | None = None


@dataclass(frozen=True)
class DeckPlan:
    slides: tuple[SlideSpec, ...]
    lang: str
    title: str
    company: str
    presenter: str
    footer: str
    date: str
