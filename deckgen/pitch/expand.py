"""What each slide kind of a content file becomes in the plan: one `SlideSpec`, or one per point.

Kinds map onto the roles templates know (`deckgen.pitch.plan.ROLES`); ``points`` expands into
numbered ``point`` slides and feeds the ``agenda`` before it. Numbers are formatted here, once,
for the deck's language, so the figure, the chart labels and the alt text agree.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from deckgen.errors import DeckgenError
from deckgen.pitch import markup
from deckgen.pitch.langs import base
from deckgen.pitch.model import (
    AgendaSlide,
    BarChart,
    Bullet,
    BulletsSlide,
    ClosingSlide,
    ComparisonSlide,
    Doughnut,
    FiguresSlide,
    ImageSlide,
    Pitch,
    PointsSlide,
    QuoteSlide,
    RoadmapSlide,
    SourcesSlide,
    StatementSlide,
    StatisticSlide,
    TableSlide,
    TitleSlide,
)
from deckgen.pitch.numbers import decimals_of, excel_format, format_number, format_value
from deckgen.pitch.plan import (
    ChartSpec,
    ColumnSpec,
    FigureSpec,
    ImageSpec,
    Para,
    Run,
    SeriesSpec,
    SlideSpec,
    StepSpec,
    TableSpec,
)

if TYPE_CHECKING:
    from deckgen.pitch.render import Renderer

_QUOTES = {"de": ("„", "“"), "en": ("“", "”")}
_NUMERIC = re.compile(r"^[−+-]?[\d.,’\u00a0 ]*\d[\d.,’\u00a0 ]*\s?(%|€|\$|£|[a-zA-Z]{1,3})?$")


def expand(r: Renderer, pitch: Pitch, byline: str) -> list[SlideSpec]:
    """All slides of the deck, in order."""
    slides: list[SlideSpec] = []
    titles: dict[int, list[str]] = {}  # rendered point titles per points slide, made once

    def point_titles(i: int) -> list[str]:
        if i not in titles:
            items = pitch.slides[i].items  # type: ignore[union-attr]
            titles[i] = [r.plain(p.title, f"slides[{i}].items[{n}].title")
                         for n, p in enumerate(items)]
        return titles[i]

    for i, slide in enumerate(pitch.slides):
        at = f"slides[{i}]"
        if isinstance(slide, PointsSlide):
            for n, (item, title) in enumerate(zip(slide.items, point_titles(i))):
                key = f"{at}.items[{n}]"
                slides.append(SlideSpec(
                    role="point", title=title, number=str(n + 1), total=str(len(slide.items)),
                    body=r.paras(item.statement, f"{key}.statement"),
                    notes=r.notes(item.notes, f"{key}.notes")))
        elif isinstance(slide, AgendaSlide):
            nxt = next(j for j in range(i + 1, len(pitch.slides))
                       if isinstance(pitch.slides[j], PointsSlide))
            names = point_titles(nxt)
            extra = {"points": names, "points_count": len(names)}
            slides.append(SlideSpec(
                role="agenda", title=r.plain(slide.title, f"{at}.title", extra),
                body=tuple(Para(t, runs=(Run(t),)) for t in names), list_style="number",
                notes=r.notes(slide.notes, f"{at}.notes", extra)))
        else:
            slides.append(_single(r, slide, at, byline, pitch.lang))
    return slides


def _single(r: Renderer, slide: Any, at: str, byline: str, lang: str) -> SlideSpec:
    notes = r.notes(slide.notes, f"{at}.notes") if slide.kind != "statistic" else ""
    if isinstance(slide, TitleSlide):
        subtitle = [r.para(slide.subtitle, f"{at}.subtitle")] if slide.subtitle else []
        if byline:
            subtitle.append(markup.parse(markup.protect(byline)))
        return SlideSpec(role="title", title=r.plain(slide.title, f"{at}.title"),
                         subtitle=tuple(subtitle), notes=notes, byline=1 if byline else 0)
    if isinstance(slide, StatementSlide):
        return SlideSpec(role="statement", title=r.plain(slide.title, f"{at}.title"),
                         body=r.paras(slide.text, f"{at}.text"), notes=notes)
    if isinstance(slide, StatisticSlide):
        return _statistic(r, slide, at, lang)
    if isinstance(slide, (BulletsSlide, ClosingSlide)):
        return SlideSpec(role=slide.kind, title=r.plain(slide.title, f"{at}.title"),
                         body=_bullets(r, slide.bullets, f"{at}.bullets"), list_style="bullet",
                         notes=notes)
    if isinstance(slide, QuoteSlide):
        # The quotation is the slide's message and its title (as PowerPoint's own "Quote with
        # Caption" layout has it); the author and role appear once, in the attribution.
        author = r.plain(slide.author, f"{at}.author")
        quoted = _quoted(r.paras(slide.text, f"{at}.text"), lang)
        title = r.plain(slide.title, f"{at}.title") if slide.title else " ".join(
            p.text for p in quoted)
        return SlideSpec(role="quote", title=title, body=quoted, author=author, notes=notes,
                         author_role=r.plain(slide.role, f"{at}.role") if slide.role else "")
    if isinstance(slide, FiguresSlide):
        figures = tuple(FigureSpec(r.plain(item.figure, f"{at}.items[{n}].figure"),
                                   r.plain(item.caption, f"{at}.items[{n}].caption"),
                                   r.plain(item.source, f"{at}.items[{n}].source")
                                   if item.source else "")
                        for n, item in enumerate(slide.items))
        return SlideSpec(role="figures", title=r.plain(slide.title, f"{at}.title"),
                         figures=figures, notes=notes)
    if isinstance(slide, RoadmapSlide):
        steps = tuple(StepSpec(r.plain(step.label, f"{at}.steps[{n}].label"),
                               r.plain(step.when, f"{at}.steps[{n}].when"),
                               r.plain(step.text, f"{at}.steps[{n}].text") if step.text else "")
                      for n, step in enumerate(slide.steps))
        return SlideSpec(role="roadmap", title=r.plain(slide.title, f"{at}.title"),
                         steps=steps, notes=notes)
    if isinstance(slide, ComparisonSlide):
        left, right = (ColumnSpec(r.plain(side.heading, f"{at}.{name}.heading"),
                                  _bullets(r, side.bullets, f"{at}.{name}.bullets"))
                       for name, side in (("left", slide.left), ("right", slide.right)))
        return SlideSpec(role="comparison", title=r.plain(slide.title, f"{at}.title"),
                         left=left, right=right, list_style="bullet", notes=notes)
    if isinstance(slide, TableSlide):
        return SlideSpec(role="table", title=r.plain(slide.title, f"{at}.title"),
                         table=_table(r, slide, at), notes=notes)
    if isinstance(slide, ImageSlide):
        checked = r.loaded.images[f"{at}.image"]
        image = ImageSpec(str(checked.path), r.plain(slide.alt, f"{at}.alt"),
                          checked.width_px, checked.height_px)
        caption = (r.para(slide.caption, f"{at}.caption"),) if slide.caption else ()
        return SlideSpec(role="image", title=r.plain(slide.title, f"{at}.title"), image=image,
                         caption=caption, notes=notes)
    if isinstance(slide, SourcesSlide):
        return SlideSpec(role="sources", title=r.plain(slide.title, f"{at}.title"),
                         body=_sources(r, slide, at), notes=notes)
    raise TypeError(f"unknown slide kind {slide!r}")  # a bug in deckgen.pitch.model


def _bullets(r: Renderer, bullets: list[str | Bullet], key: str) -> tuple[Para, ...]:
    out: list[Para] = []
    for i, b in enumerate(bullets):
        if isinstance(b, str):
            out.append(r.para(b, f"{key}[{i}]"))
            continue
        out.append(r.para(b.text, f"{key}[{i}].text"))
        out += [r.para(s, f"{key}[{i}].sub[{j}]", level=1) for j, s in enumerate(b.sub)]
    return tuple(out)


def _quoted(paras: tuple[Para, ...], lang: str) -> tuple[Para, ...]:
    """Typographic quotation marks of the deck's language around the quotation."""
    opening, closing = _QUOTES[base(lang)]
    if paras[0].text.startswith(("„", "“", "\"", "«", "‘", "‚")):
        return paras
    first, last = paras[0], paras[-1]
    out = list(paras)
    out[0] = Para(opening + first.text, first.level, "",
                  (Run(opening), *first.all_runs()))
    last = out[-1]
    out[-1] = Para(last.text + closing, last.level, "", (*last.all_runs(), Run(closing)))
    return tuple(out)


def _statistic(r: Renderer, slide: StatisticSlide, at: str, lang: str) -> SlideSpec:
    chart, extra = None, {}
    if isinstance(slide.chart, Doughnut):
        d = slide.chart
        share = round(100.0 * d.value / d.of, 1)
        percents = (share, round(100.0 - share, 1))
        places = decimals_of(*percents)
        shown = tuple(format_value(p, lang, places, "%") for p in percents)
        extra = {"value": format_number(d.value, lang), "of": format_number(d.of, lang),
                 "percent": shown[0]}
    figure = r.plain(slide.figure, f"{at}.figure", extra) if slide.figure else (
        extra.get("percent", ""))
    caption = r.para(slide.caption, f"{at}.caption", extra=extra) if slide.caption else None
    source = r.para(slide.source, f"{at}.source", extra=extra) if slide.source else None
    title = r.plain(slide.title, f"{at}.title", extra)
    if isinstance(slide.chart, Doughnut):
        labels = tuple(r.plain(t, f"{at}.chart.labels[{n}]", extra)
                       for n, t in enumerate(slide.chart.labels))
        # the alt text states the chart's data, not only the headline figure
        data = ", ".join(f"{label} {value}" for label, value in zip(labels, shown))
        alt = f"{figure}: {caption.text} ({data})" if caption else f"{figure} ({data})"
        chart = ChartSpec(labels, percents, alt, kind="doughnut",
                          number_format='0" %"' if not places else excel_format(places, "%"),
                          value_labels=shown, unit="%")
    elif isinstance(slide.chart, BarChart):
        chart = _bar(r, slide.chart, f"{at}.chart", lang, title)
    return SlideSpec(
        role="statistic", title=title, figure=figure,
        caption=tuple(p for p in (caption, source) if p is not None), chart=chart,
        notes=r.notes(slide.notes, f"{at}.notes", extra))


def _bar(r: Renderer, c: BarChart, key: str, lang: str, title: str) -> ChartSpec:
    unit = r.plain(c.unit, f"{key}.unit") if c.unit else ""
    cats = tuple(r.plain(t, f"{key}.categories[{n}]") for n, t in enumerate(c.categories))
    places = decimals_of(*(v for s in c.series for v in s.values))
    # each label keeps the decimals the author wrote (41 stays "41" beside "12,5"); the
    # workbook and the axis take the most any value has
    series = tuple(
        SeriesSpec(r.plain(s.name, f"{key}.series[{n}].name"), tuple(float(v) for v in s.values),
                   tuple(format_value(v, lang, None, unit) for v in s.values))
        for n, s in enumerate(c.series))
    parts = [f"{s.name}: " + ", ".join(f"{cat} {label}" for cat, label in zip(cats, s.value_labels))
             for s in series]
    return ChartSpec(cats, (), f"{title}. " + "; ".join(parts), kind=c.type, categories=cats,
                     series=series, number_format=excel_format(places, unit), unit=unit)


def _table(r: Renderer, slide: TableSlide, at: str) -> TableSpec:
    header = tuple(r.para(h, f"{at}.header[{n}]") for n, h in enumerate(slide.header))
    rows = tuple(tuple(r.para(cell, f"{at}.rows[{i}][{j}]") for j, cell in enumerate(row))
                 for i, row in enumerate(slide.rows))
    numeric = tuple(all(_NUMERIC.match(row[j].text) for row in rows) for j in range(len(header)))
    return TableSpec(header, rows, numeric)


def _sources(r: Renderer, slide: SourcesSlide, at: str) -> tuple[Para, ...]:
    out: list[Para] = []
    for i, item in enumerate(slide.items):
        key = f"{at}.items[{i}]"
        out.append(r.para(item.text, f"{key}.text"))
        if item.url:
            url = markup.unprotect(" ".join(r.text(item.url, f"{key}.url").split()))
            try:
                markup.check_url(url)
            except markup.MarkupError as exc:
                raise DeckgenError(f"{r.where(f'{key}.url')}: {exc}") from None
            out.append(Para(url, level=1, url=url, runs=(Run(url, url=url),)))
    return tuple(out)
