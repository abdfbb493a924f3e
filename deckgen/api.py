"""The Python API: everything `deckgen build` and `deckgen check` do, without Click.

The template is read, checked and resolved once per call, however many companies are built;
each deck starts from a fresh `Presentation` over the same template bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from deckgen.errors import DeckgenError
from deckgen.loader import LoadedPlea, load_plea
from deckgen.naming import deck_filename
from deckgen.paths import default_content
from deckgen.plan import DeckPlan
from deckgen.render import Context, normalize_company, parse_sets, render_plan
from deckgen.resolve import TemplateMap, resolve
from deckgen.template_source import TemplateSource, locate

LANGS = ("de", "en")


@dataclass(frozen=True)
class Job:
    """What one run needs, loaded and checked once."""

    loaded: LoadedPlea
    template: TemplateSource
    tmap: TemplateMap
    sets: dict[str, str]
    presenter: str
    date: str


def prepare(content: str | Path | None = None, template: str | Path | None = None,
            lang: str = "de", sets: Iterable[str] = (), presenter: str = "",
            date: str = "") -> Job:
    if lang not in LANGS:
        raise DeckgenError(f"--lang: {lang!r} is not one of {', '.join(LANGS)}")
    path = Path(content) if content else default_content(lang)
    loaded = load_plea(path)
    parsed_sets = parse_sets(list(sets))
    source = locate(template)
    prs = source.open()
    tmap = resolve(prs, source.name, source.layouts, source.config_path)
    return Job(loaded, source, tmap, parsed_sets, presenter or "", date or "")


def plan_for(job: Job, company: str) -> DeckPlan:
    ctx = Context(company=company, presenter=job.presenter, date=job.date, sets=job.sets)
    return render_plan(job.loaded, ctx)


def deck_for(job: Job, plan: DeckPlan) -> bytes:
    from deckgen.save import deck_bytes, set_core_properties
    from deckgen.writer import build_deck

    prs = job.template.open()
    tmap = resolve(prs, job.template.name, job.template.layouts, job.template.config_path)
    build_deck(prs, plan, tmap)
    subject = f"{plan.company}"
    set_core_properties(prs, plan.title, plan.presenter or "deckgen", subject, plan.lang,
                        job.date)
    return deck_bytes(prs)


def targets(companies: Sequence[str], output: str | Path | None, lang: str) -> list[Path]:
    """Where each deck goes: ``-o FILE`` for one company, a folder for several."""
    names = [deck_filename(c, lang) for c in companies]
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
          force: bool = False, progress: Callable[[int], None] | None = None) -> list[Path]:
    """Build one deck per company and return the paths written.

    Nothing is written unless every deck could be built and every target may be written.
    """
    from deckgen.save import atomic_write, check_target

    companies = [company] if isinstance(company, str) else list(company)
    if not companies:
        raise DeckgenError("--company: give at least one company")
    companies = [normalize_company(c) for c in companies]
    job = prepare(content, template, lang, sets, presenter, date)
    paths = targets(companies, output, lang)
    for p in paths:
        check_target(p, force)
    decks = []
    for c in companies:
        decks.append(deck_for(job, plan_for(job, c)))
        if progress:
            progress(1)
    if len(paths) > 1 or (output and Path(output).suffix.lower() != ".pptx"):
        try:
            paths[0].parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DeckgenError(f"-o: cannot create folder {paths[0].parent} ({exc.strerror})") from None
    for p, data in zip(paths, decks):
        atomic_write(p, data)
    return paths


def check(content: str | Path | None = None, template: str | Path | None = None,
          lang: str = "de", sets: Iterable[str] = (), company: str = "Beispiel GmbH") -> Job:
    """Everything `build` checks (content, Jinja, template mapping, fitting), writing nothing."""
    job = prepare(content, template, lang, sets)
    deck_for(job, plan_for(job, company))
    return job
