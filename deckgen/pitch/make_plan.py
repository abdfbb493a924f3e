"""A content file and its context (company, presenter, date, ``--set``) → the deck's plan.

Every text is rendered (`deckgen.pitch.render`), then the content's slides are expanded into
the deck's slides (`deckgen.pitch.expand`); the result depends only on the file and the
context, so the same inputs always give the same plan.
"""

from __future__ import annotations

import dataclasses

from deckgen.errors import DeckgenError
from deckgen.pitch import markup
from deckgen.pitch.expand import expand
from deckgen.pitch.loaded import LoadedPitch
from deckgen.pitch.plan import DeckPlan, SlideSpec
from deckgen.pitch.render import (
    RESERVED,
    SET_KEY,
    Context,
    Renderer,
    clean_text,
    format_date,
    normalize_company,
)


def render_plan(loaded: LoadedPitch, ctx: Context) -> DeckPlan:
    """Render every text of the pitch; the result depends only on the file and the context."""
    pitch = loaded.pitch
    company = normalize_company(ctx.company)
    presenter = " ".join(clean_text(ctx.presenter or "").split())
    date = format_date(ctx.date, pitch.lang)
    for key in pitch.vars:
        if key in RESERVED or not SET_KEY.match(key):
            raise DeckgenError(f"{loaded.where(f'vars.{key}')}: name is reserved or invalid")
    outside = {k: markup.protect(v) for k, v in {**dict(ctx.sets), "company": company,
                                                  "presenter": presenter, "date": date}.items()}
    file_vars = {k: clean_text(v) for k, v in pitch.vars.items()}
    r = Renderer(loaded, {**file_vars, **outside})
    # vars may themselves use {{ company }}; render them once, in the base context.
    for key, value in file_vars.items():
        if key not in ctx.sets:
            r.vars[key] = r.text(value, f"vars.{key}")
    byline = " · ".join(x for x in (presenter, date) if x)
    slides = expand(r, pitch, byline)
    return DeckPlan(
        slides=_unique_titles(slides),
        lang=pitch.lang,
        title=r.plain(pitch.title, "title") if pitch.title else slides[0].title,
        company=company,
        presenter=presenter,
        footer=r.plain(pitch.footer, "footer") if pitch.footer else "",
        date=date,
    )


def _unique_titles(slides: list[SlideSpec]) -> tuple[SlideSpec, ...]:
    """Screen readers navigate by slide title, so two slides must never share one."""
    seen: dict[str, int] = {}
    out = []
    for s in slides:
        n = seen.get(s.title.casefold(), 0) + 1
        seen[s.title.casefold()] = n
        out.append(s if n == 1 else dataclasses.replace(s, title=f"{s.title} ({n})"))
    return tuple(out)
