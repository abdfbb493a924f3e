"""What one run needs, loaded and checked once, and one deck made from it.

The template is read, checked and resolved once per run, however many companies are built;
each deck starts from a fresh `Presentation` over the same template bytes, and after the
first only the texts that differ are refilled. `deckgen.api` builds on these, and so do the
batch (`deckgen.batch`) and company-list (`deckgen.rows`) paths, which is why they live here
and not in the API module that uses those paths.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deckgen.errors import DeckgenError
from deckgen.paths import default_content
from deckgen.pitch.loaded import LoadedPitch
from deckgen.pitch.make_plan import render_plan
from deckgen.pitch.plan import DeckPlan
from deckgen.pitch.render import Context, parse_sets
from deckgen.template.resolve import TemplateMap, resolve
from deckgen.template.source import TemplateSource, locate

LANGS = ("de", "en")


@dataclass
class Job:
    """What one run needs, loaded and checked once; it keeps the deck it last wrote."""

    loaded: LoadedPitch
    template: TemplateSource
    tmap: TemplateMap
    sets: dict[str, str]
    presenter: str
    date: str
    prs: Any = None  # the opened template behind `tmap`, until a deck is written into it
    writer: Any = None
    shared: Any = None  # `deckgen.output.save.BatchCache`: what the decks of a batch share
    warnings: tuple[str, ...] = ()  # about the content (slides without notes), from `check`


def set_items(sets: Iterable[str] | Mapping[str, object] | None) -> list[str]:
    """``--set`` values as ``KEY=VALUE`` strings, from a mapping or from such strings."""
    if sets is None:
        return []
    if isinstance(sets, str):
        return [sets]
    if isinstance(sets, Mapping):
        items = []
        from deckgen.pitch.render import SET_KEY

        for key, value in sets.items():
            if not isinstance(key, str) or not SET_KEY.match(key.strip()) or "=" in key:
                raise DeckgenError(f"--set: {key!r} is not a variable name (letters, digits, _)")
            items.append(f"{key}={'' if value is None else value}")
        return items
    return [str(item) for item in sets]


def prepare(content: str | Path | None = None, template: str | Path | None = None,
            lang: str = "de", sets: Iterable[str] | Mapping[str, object] = (),
            presenter: str = "", date: str | dt.date | None = "") -> Job:
    """Load and check the content and template once, for any number of decks."""
    from deckgen.pitch.dates import iso_date

    date = iso_date(date)
    if lang not in LANGS:
        raise DeckgenError(f"--lang: {lang!r} is not one of {', '.join(LANGS)}")
    path = Path(content) if content else default_content(lang)
    loaded = load_pitch(path)  # the shipped files from their precompiled twins
    parsed_sets = parse_sets(set_items(sets))
    source = locate(template)
    prs = source.open()
    tmap = resolve(prs, source.name, source.layouts, source.config_path, source.master)
    return Job(loaded, source, tmap, parsed_sets, presenter or "", date or "", prs)


def load_pitch(path: Path) -> LoadedPitch:
    """A content file, validated; shipped files come from their precompiled twins."""
    from deckgen.pitch.precompiled import load_content

    loaded = load_content(path)
    if loaded is None:
        from deckgen.pitch.loader import load_pitch as load_yaml

        loaded = load_yaml(path)
    return loaded


def plan_for(job: Job, company: str) -> DeckPlan:
    ctx = Context(company=company, presenter=job.presenter, date=job.date, sets=job.sets)
    return render_plan(job.loaded, ctx)


def deck_for(job: Job, plan: DeckPlan) -> bytes:
    """The deck's bytes; after the first deck, only the texts that changed are rewritten."""
    from deckgen.deck.properties import apply as apply_properties
    from deckgen.deck.writer import DeckWriter, Rebuild
    from deckgen.output.save import deck_bytes

    prs = None
    if job.writer is not None:
        try:
            prs = job.writer.update(plan)
        except Rebuild:
            job.writer = None
    if prs is None:
        if job.prs is None:
            job.prs = job.template.open()
            job.tmap = resolve(job.prs, job.template.name, job.template.layouts,
                               job.template.config_path, job.template.master)
        job.writer = DeckWriter(job.prs, job.tmap, job.template.logo)
        job.prs = None  # a template is written into once; the next full build opens a fresh one
        prs = job.writer.write(plan)
    readings: dict[Any, str | None] = {}  # the stamp's, for the mark: read once, not twice
    _stamp(job.writer, prs, readings)
    apply_properties(prs, plan, job.date)
    if job.shared is None:
        from deckgen.output.save import BatchCache

        job.shared = BatchCache()
    return deck_bytes(prs, job.shared, readings)


def _stamp(writer: Any, prs: Any, memo: dict[Any, str | None] | None = None) -> None:
    """Identities and the manifest of what was written, so `--update` can merge (issue 10)."""
    from deckgen.update.identity import stamp, write_manifest

    write_manifest(prs, stamp(writer, memo))
