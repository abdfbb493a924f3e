"""Content model + context → `DeckPlan`.

Texts that only insert variables are filled in directly; anything else goes through the
locked-down Jinja sandbox (`deckgen.pitch.sandbox`), so the common case never loads Jinja. Every
error names the file, line and key path of the text that caused it.
"""

from __future__ import annotations

import datetime as _dt
import re
import time
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from deckgen.errors import DeckgenError
from deckgen.pitch.loader import MAX_CHARS as MAX_TEXT
from deckgen.pitch.loader import LoadedPlea
from deckgen.pitch.plan import ChartSpec, DeckPlan, Para, SlideSpec

RESERVED = ("company", "presenter", "date", "value", "of")
_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_MONTHS = {
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "en": "January February March April May June July August September October November December",
}


@dataclass(frozen=True)
class Context:
    """What a content file may refer to, besides its own ``vars``."""

    company: str
    presenter: str = ""
    date: str = ""
    sets: Mapping[str, str] = field(default_factory=dict)


def clean_text(text: str) -> str:
    """Drop characters that cannot live in XML or a slide (controls, surrogates, BOMs)."""
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if ch == "\n":
            out.append(ch)
        elif ch.isspace():  # \v (PowerPoint's line break), \r, \f …: a word separator
            out.append(" ")
        elif cat in ("Cc", "Cs", "Co", "Cn") or ch in "\ufeff\ufffe\uffff":
            continue
        else:
            out.append(ch)
    return "".join(out)


def normalize_company(company: str) -> str:
    name = " ".join(clean_text(company or "").split())
    if not any(unicodedata.category(ch)[0] not in "ZC" for ch in name):
        raise DeckgenError("--company: must not be empty (or only invisible characters)")
    return name


def format_date(iso: str, lang: str) -> str:
    """``2026-11-27`` → ``27. November 2026`` (de) / ``27 November 2026`` (en)."""
    if not iso:
        return ""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
        raise DeckgenError(f"--date: {iso!r} is not a date like 2026-11-27")
    try:
        day = _dt.date.fromisoformat(iso)
    except ValueError:
        raise DeckgenError(f"--date: {iso!r} is not a valid date") from None
    months = _MONTHS["de" if lang.lower().startswith("de") else "en"].split()
    sep = ". " if lang.lower().startswith("de") else " "
    return f"{day.day}{sep}{months[day.month - 1]} {day.year}"


def parse_sets(items: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``--set KEY=VALUE`` pairs, checked so a typo fails loudly instead of rendering blank."""
    result: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not _KEY.match(key):
            raise DeckgenError(f"--set: {item!r} is not KEY=VALUE (KEY: letters, digits, _)")
        if key in RESERVED:
            raise DeckgenError(f"--set: {key!r} is set by deckgen itself; use --{key}")
        result[key] = clean_text(value)
    return result


class _Renderer:
    def __init__(self, loaded: LoadedPlea, variables: dict[str, Any]) -> None:
        self.loaded = loaded
        self.vars = variables
        self.deadline = 0.0  # set on first use of the sandbox: one budget for the whole file

    def __call__(self, text: str, key_path: str, extra: Mapping[str, Any] | None = None) -> str:
        line = self.loaded.lines.get(key_path, 0)
        where = f"{self.loaded.path}:{line}: {key_path}"
        variables = {**self.vars, **(extra or {})}
        out = _plain(text, variables, where)
        if out is None:
            from deckgen.pitch.sandbox import RENDER_SECONDS, render_template

            if not self.deadline:
                self.deadline = time.monotonic() + RENDER_SECONDS
            out = render_template(text, variables, where, self.deadline - time.monotonic())
        out = " ".join(clean_text(out).replace("\n", " ").split()) if out else ""
        if len(out) > MAX_TEXT:
            raise DeckgenError(f"{where}: text is too long after rendering ({len(out)} characters)")
        if not out:
            raise DeckgenError(f"{where}: text is empty after rendering")
        return out


_VAR = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def _plain(text: str, variables: Mapping[str, Any], where: str) -> str | None:
    """Texts that only insert variables (``{{ company }}``) need no template engine.

    The result is what Jinja would give; anything else (filters, blocks, expressions) returns
    None and goes through the sandbox.
    """
    rest = _VAR.sub("", text)
    if "{{" in rest or "{%" in rest or "{#" in rest:
        return None
    for name in _VAR.findall(text):
        if name not in variables:
            known = ", ".join(sorted(variables))
            raise DeckgenError(f"{where}: undefined variable '{name}' (known: {known})")
    return _VAR.sub(lambda m: str(variables[m.group(1)]), text)


def render_plan(loaded: LoadedPlea, ctx: Context) -> DeckPlan:
    """Render every text of the plea; the result depends only on the file and the context."""
    plea = loaded.plea
    company = normalize_company(ctx.company)
    presenter = " ".join(clean_text(ctx.presenter or "").split())
    date = format_date(ctx.date, plea.lang)
    for key in plea.vars:
        if key in RESERVED or not _KEY.match(key):
            line = loaded.lines.get(f"vars.{key}", 0)
            raise DeckgenError(f"{loaded.path}:{line}: vars.{key}: name is reserved or invalid")
    base = {"company": company, "presenter": presenter, "date": date}
    file_vars = {k: clean_text(v) for k, v in plea.vars.items()}
    r = _Renderer(loaded, {**file_vars, **dict(ctx.sets), **base})
    # vars may themselves use {{ company }}; render them once, in the base context.
    for key, value in file_vars.items():
        if key not in ctx.sets:
            r.vars[key] = r(value, f"vars.{key}")

    st = plea.statistic
    if st.value > st.of:
        line = loaded.lines.get("statistic.value", 0)
        raise DeckgenError(
            f"{loaded.path}:{line}: statistic.value: {st.value} is larger than of={st.of}"
        )
    share = round(100.0 * st.value / st.of, 1)
    figure = r(st.figure, "statistic.figure", {"value": st.value, "of": st.of})
    caption = r(st.caption, "statistic.caption")
    subtitle = [Para(r(plea.title.subtitle, "title.subtitle"))]
    byline = " · ".join(x for x in (presenter, date) if x)
    if byline:
        subtitle.append(Para(byline))
    slides: list[SlideSpec] = [
        SlideSpec(
            role="title",
            title=r(plea.title.title, "title.title"),
            subtitle=tuple(subtitle),
            notes=r(plea.title.notes, "title.notes"),
        ),
        SlideSpec(
            role="statement",
            title=r(plea.intro.title, "intro.title"),
            body=(Para(r(plea.intro.text, "intro.text")),),
            notes=r(plea.intro.notes, "intro.notes"),
        ),
        SlideSpec(
            role="statistic",
            title=r(st.title, "statistic.title"),
            figure=figure,
            caption=(
                Para(caption),
                Para(r(st.source, "statistic.source")),
            ),
            chart=ChartSpec(
                labels=(
                    r(st.chart_labels[0], "statistic.chart_labels[0]"),
                    r(st.chart_labels[1], "statistic.chart_labels[1]"),
                ),
                percents=(share, round(100.0 - share, 1)),
                alt_text=f"{figure}: {caption}",
            ),
            notes=r(st.notes, "statistic.notes"),
        ),
        SlideSpec(
            role="bullets",
            title=r(plea.problem.title, "problem.title"),
            body=tuple(
                Para(r(b, f"problem.bullets[{i}]")) for i, b in enumerate(plea.problem.bullets)
            ),
            list_style="bullet",
            notes=r(plea.problem.notes, "problem.notes"),
        ),
    ]
    point_titles = [r(p.title, f"points[{i}].title") for i, p in enumerate(plea.points)]
    slides.append(
        SlideSpec(
            role="agenda",
            title=r(plea.agenda.title, "agenda.title"),
            body=tuple(Para(t) for t in point_titles),
            list_style="number",
            notes=r(plea.agenda.notes, "agenda.notes"),
        )
    )
    for i, p in enumerate(plea.points):
        slides.append(
            SlideSpec(
                role="point",
                title=point_titles[i],
                number=str(i + 1),
                body=(Para(r(p.statement, f"points[{i}].statement")),),
                notes=r(p.notes, f"points[{i}].notes"),
            )
        )
    slides.append(
        SlideSpec(
            role="closing",
            title=r(plea.closing.title, "closing.title"),
            body=tuple(
                Para(r(b, f"closing.bullets[{i}]")) for i, b in enumerate(plea.closing.bullets)
            ),
            list_style="bullet",
            notes=r(plea.closing.notes, "closing.notes"),
        )
    )
    sources = []
    for i, item in enumerate(plea.sources.items):
        text = r(item.text, f"sources.items[{i}].text")
        url = r(item.url, f"sources.items[{i}].url") if item.url else ""
        if url and not re.match(r"^(https?|mailto):", url):
            line = loaded.lines.get(f"sources.items[{i}].url", 0)
            raise DeckgenError(
                f"{loaded.path}:{line}: sources.items[{i}].url: {url!r} is not an http(s) address"
            )
        sources.append(Para(text))
        if url:
            sources.append(Para(url, level=1, url=url))
    slides.append(
        SlideSpec(
            role="sources",
            title=r(plea.sources.title, "sources.title"),
            body=tuple(sources),
            notes=r(plea.sources.notes, "sources.notes"),
        )
    )
    return DeckPlan(
        slides=_unique_titles(slides),
        lang=plea.lang,
        title=slides[0].title,
        company=company,
        presenter=presenter,
        footer=r(plea.footer, "footer") if plea.footer else "",
        date=date,
    )


def _unique_titles(slides: list[SlideSpec]) -> tuple[SlideSpec, ...]:
    """Screen readers navigate by slide title, so two slides must never share one."""
    seen: dict[str, int] = {}
    out = []
    for s in slides:
        n = seen.get(s.title.casefold(), 0) + 1
        seen[s.title.casefold()] = n
        out.append(s if n == 1 else SlideSpec(**{**s.__dict__, "title": f"{s.title} ({n})"}))
    return tuple(out)
