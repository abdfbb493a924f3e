"""The Python API: everything `deckgen build` and `deckgen check` do, without Click.

The template is read, checked and resolved once per call, however many companies are built;
each deck starts from a fresh `Presentation` over the same template bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from deckgen.errors import DeckgenError

# the run and deck steps live in `deckgen.jobs` (the batch and company-list paths use them too)
from deckgen.jobs import (  # noqa: F401 - the public API keeps offering them here
    LANGS,
    Job,
    deck_for,
    load_pitch,
    plan_for,
    prepare,
    set_items,
)
from deckgen.output.naming import check_same_company, distinct_names
from deckgen.pitch.render import normalize_company, parse_sets
from deckgen.pitch.slug import pitch_slug


def targets(companies: Sequence[str], output: str | Path | None, pitch: str) -> list[Path]:
    """Where each deck goes: ``-o FILE`` for one company, a folder for several.

    ``pitch``: the pitch's file-name part (`deckgen.output.naming.pitch_slug`).
    """
    from deckgen.output.write import check_output_name

    check_output_name(output)  # issue 10: `-o deck.pdf` is an error, not a folder
    names = distinct_names(companies, pitch)  # `Acme` and `**Acme**`: an error naming both
    out = Path(output) if output else Path.cwd()
    if len(companies) == 1 and output and out.suffix.lower() == ".pptx":
        return [out]
    if len(companies) > 1 and out.suffix.lower() == ".pptx":
        raise DeckgenError("-o: several --company options need a folder, not a .pptx file")
    if out.exists() and not out.is_dir():
        raise DeckgenError(f"-o: {out} exists and is not a folder")
    paths = [out / n for n in names]
    for company, path in zip(companies, paths):
        check_same_company(path, company)  # and across runs: never another company's deck
    return paths


def build(company: str | Sequence[str] | None = None, *, companies: str | Path | None = None,
          output: str | Path | None = None, template: str | Path | None = None,
          content: str | Path | None = None, lang: str = "de",
          sets: Iterable[str] | Mapping[str, object] = (), presenter: str = "",
          date: str | dt.date | None = "", force: bool = False,
          progress: Callable[[int], None] | None = None, jobs: int = 0, pdf: bool = False,
          png: str | Path | None = None, png_width: int = 1280, update: bool = False,
          restore_deleted: bool = False, dry_run: bool = False,
          report: Callable[[str], None] | None = None, keep_backups: int = 5,
          column: str | None = None) -> list[Path]:
    """Build one deck per company and return the paths written (decks, then any previews).

    ``company``: one name or several; or ``companies``: a .csv/.xlsx list with a ``company``
    column (`deckgen.pitch.companies`). ``date``: a `datetime.date`, ``"2026-12-03"`` or
    ``"03.12.2026"``. ``sets``: text variables, a mapping or ``"KEY=VALUE"`` strings.
    ``pdf``/``png``: also a PDF beside each deck / PNG slide previews ``png_width`` pixels
    wide in the folder ``png`` (needs LibreOffice; without it a warning is issued).
    Nothing is written unless every deck could be built and every target may be written.
    ``jobs``: worker processes for a batch (0: as many as help on this machine).
    ``update``: merge into a deck a person edited, keeping their edits (`deckgen.update.merge`);
    ``restore_deleted`` brings back slides they deleted; ``dry_run`` writes nothing. What
    happened goes to ``report`` (default: standard error), backups included; of each deck's
    backups the newest ``keep_backups`` are kept. ``column``: the company list's column with
    the company names (default: the first of company, Firma, Unternehmen, Name).
    """
    from deckgen.batch import auto_jobs, build_all
    from deckgen.output.save import check_target
    from deckgen.output.write import make_folders, write_decks

    if png:
        from deckgen.output.export import check_png_dir

        check_png_dir(png)
    if restore_deleted and not update:
        raise DeckgenError("--restore-deleted: only together with --update")
    if not isinstance(keep_backups, int) or keep_backups < 1:
        raise DeckgenError(f"--keep-backups: {keep_backups!r} is not a whole number of at least "
                           "1 (a deck a person changed is never replaced without a backup)")
    if column is not None and companies is None:
        raise DeckgenError("--column: only together with --companies FILE")
    say = report or _to_stderr
    if companies is not None:
        if company:
            raise DeckgenError("--companies: give either --company or --companies, not both")
        paths, decks = _build_list(Path(companies), output=output, template=template,
                                   content=content, lang=lang, sets=sets, presenter=presenter,
                                   date=date, force=force or update, progress=progress,
                                   jobs=jobs, column=column, say=say)
    else:
        companies = [company] if isinstance(company, str) else list(company or ())
        if not companies:
            raise DeckgenError("--company: give at least one company")
        companies = [normalize_company(c) for c in companies]
        job = prepare(content, template, lang, sets, presenter, date)
        pitch = job.loaded.pitch
        paths = targets(companies, output, pitch_slug(pitch.slug, job.loaded.path, pitch.title))
        for p in paths:
            check_target(p, force or update)
        if jobs < 0:
            raise DeckgenError("--jobs: must be 0 (automatic) or more")
        decks = build_all(job, companies, jobs or auto_jobs(len(companies)), progress)
        for warning in getattr(job.writer, "warnings", ()):  # e.g. a footer left out
            say(f"warning: {warning}")
    if not dry_run:
        make_folders(paths)
    write_decks(paths, decks, force=force, update=update, restore_deleted=restore_deleted,
                dry_run=dry_run, say=say, keep_backups=keep_backups)
    return paths + ([] if dry_run else previews(paths, pdf, png, png_width))


def previews(paths: list[Path], pdf: bool, png: str | Path | None, png_width: int) -> list[Path]:
    """PDFs/PNGs of the decks written; no LibreOffice is a warning (the decks are there)."""
    if not (pdf or png):
        return []
    import warnings

    from deckgen.output.export import export_all

    made, notes = export_all(paths, pdf, png, png_width)
    for note in notes:
        warnings.warn(note, stacklevel=3)
    return made


def _build_list(listing: Path, *, output: str | Path | None, template: str | Path | None,
                content: str | Path | None, lang: str, sets: Iterable[str] | Mapping[str, object],
                presenter: str, date: str | dt.date | None, force: bool,
                progress: Callable[[int], None] | None, jobs: int, column: str | None,
                say: Callable[[str], None]) -> tuple[list[Path], list[Any]]:
    """Each row's target and deck for a .csv/.xlsx company list (`deckgen.rows`)."""
    from deckgen.pitch.companies import read_companies
    from deckgen.pitch.dates import iso_date
    from deckgen.rows import build_rows

    if jobs < 0:
        raise DeckgenError("--jobs: must be 0 (automatic) or more")
    rows = read_companies(listing, lang, column)
    paths, decks = build_rows(rows, listing, output=output, template=template, content=content,
                              lang=lang, sets=parse_sets(set_items(sets)),
                              presenter=presenter or "", date=iso_date(date), force=force,
                              progress=progress if len(rows) > 1 else None, jobs=jobs)
    if rows.column != "company":  # said (once every row built) where it is not the obvious one
        say(f"{listing.name}: company names from column {rows.column!r}")
    return paths, decks


def _to_stderr(line: str) -> None:
    import sys

    print(line, file=sys.stderr)
