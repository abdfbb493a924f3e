"""The Python API: everything `deckgen build` and `deckgen check` do, without Click.

The template is read, checked and resolved once per call, however many companies are built;
each deck starts from a fresh `Presentation` over the same template bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deckgen.deck.naming import deck_filename, pitch_slug
from deckgen.errors import DeckgenError
from deckgen.paths import default_content
from deckgen.pitch.loader import LoadedPitch, load_pitch
from deckgen.pitch.plan import DeckPlan
from deckgen.pitch.render import Context, normalize_company, parse_sets, render_plan
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
    warnings: tuple[str, ...] = ()  # about the content (slides without notes), from `check`


def prepare(content: str | Path | None = None, template: str | Path | None = None,
            lang: str = "de", sets: Iterable[str] = (), presenter: str = "",
            date: str = "") -> Job:
    if lang not in LANGS:
        raise DeckgenError(f"--lang: {lang!r} is not one of {', '.join(LANGS)}")
    path = Path(content) if content else default_content(lang)
    loaded = load_pitch(path)
    parsed_sets = parse_sets(list(sets))
    source = locate(template)
    prs = source.open()
    tmap = resolve(prs, source.name, source.layouts, source.config_path)
    return Job(loaded, source, tmap, parsed_sets, presenter or "", date or "", prs)


def plan_for(job: Job, company: str) -> DeckPlan:
    ctx = Context(company=company, presenter=job.presenter, date=job.date, sets=job.sets)
    return render_plan(job.loaded, ctx)


def deck_for(job: Job, plan: DeckPlan) -> bytes:
    """The deck's bytes; after the first deck, only the texts that changed are rewritten."""
    from deckgen.deck.save import deck_bytes, set_core_properties
    from deckgen.deck.writer import DeckWriter, Rebuild

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
                               job.template.config_path)
        job.writer = DeckWriter(job.prs, job.tmap)
        job.prs = None  # a template is written into once; the next full build opens a fresh one
        prs = job.writer.write(plan)
    set_core_properties(prs, plan.title, plan.presenter or "deckgen", plan.company, plan.lang,
                        job.date)
    return deck_bytes(prs)


def targets(companies: Sequence[str], output: str | Path | None, pitch: str) -> list[Path]:
    """Where each deck goes: ``-o FILE`` for one company, a folder for several.

    ``pitch``: the pitch's file-name part (`deckgen.deck.naming.pitch_slug`).
    """
    names = [deck_filename(c, pitch) for c in companies]
    if len(set(names)) != len(names):
        raise DeckgenError("--company: two companies give the same file name; make them distinct")
    out = Path(output) if output else Path.cwd()
    if len(companies) == 1 and output and out.suffix.lower() == ".pptx":
        return [out]
    if len(companies) > 1 and out.suffix.lower() == ".pptx":
        raise DeckgenError("-o: several --company options need a folder, not a .pptx file")
    if out.exists() and not out.is_dir():
        raise DeckgenError(f"-o: {out} exists and is not a folder")
    return [out / n for n in names]


def build(company: str | Sequence[str], *, output: str | Path | None = None,
          template: str | Path | None = None, content: str | Path | None = None,
          lang: str = "de", sets: Iterable[str] = (), presenter: str = "", date: str = "",
          force: bool = False, progress: Callable[[int], None] | None = None,
          jobs: int = 0) -> list[Path]:
    """Build one deck per company and return the paths written.

    Nothing is written unless every deck could be built and every target may be written.
    ``jobs``: worker processes for a batch (0: as many as help on this machine).
    """
    from deckgen.deck.batch import auto_jobs, build_all
    from deckgen.deck.save import atomic_write, check_target

    companies = [company] if isinstance(company, str) else list(company)
    if not companies:
        raise DeckgenError("--company: give at least one company")
    companies = [normalize_company(c) for c in companies]
    job = prepare(content, template, lang, sets, presenter, date)
    pitch = job.loaded.pitch
    paths = targets(companies, output, pitch_slug(pitch.slug, job.loaded.path, pitch.title))
    for p in paths:
        check_target(p, force)
    if jobs < 0:
        raise DeckgenError("--jobs: must be 0 (automatic) or more")
    decks = build_all(job, companies, jobs or auto_jobs(len(companies)), progress)
    if len(paths) > 1 or (output and Path(output).suffix.lower() != ".pptx"):
        try:
            paths[0].parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DeckgenError(f"-o: cannot create folder {paths[0].parent} ({exc.strerror})") from None
    for p, data in zip(paths, decks):
        atomic_write(p, data)
    return paths


def check(content: str | Path | None = None, template: str | Path | None = None,
          lang: str = "de", sets: Iterable[str] = (), company: str = "Beispiel GmbH",
          strict: bool = False) -> Job:
    """Everything `build` checks (content, Jinja, template mapping, fitting), writing nothing.

    Slides without speaker notes are listed in ``job.warnings``; ``strict`` makes them errors.
    """
    from deckgen.pitch.checks import notes_warnings

    job = prepare(content, template, lang, sets)
    job.warnings = tuple(notes_warnings(job.loaded))
    if strict and job.warnings:
        more = f" (and {len(job.warnings) - 1} more)" if len(job.warnings) > 1 else ""
        raise DeckgenError(f"{job.warnings[0]}{more}; --strict requires notes on every slide")
    deck_for(job, plan_for(job, company))
    return job
