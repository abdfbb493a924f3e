"""deckgen: a German plea for an own social-media unit, as a branded, editable PowerPoint deck.

Importing the package is cheap (``deckgen --help`` must start instantly); the heavy modules
load on first use of `build`. `build` and `check` here carry their full signatures (for
``help()`` and editors) and report errors with the parameter names a Python caller used
(``sets``, ``output``), where the command line says ``--set`` and ``-o``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["build", "check", "CheckReport", "DeckgenError", "__version__"]

from deckgen import dataclass_code
from deckgen.errors import DeckgenError

dataclass_code.install()  # before any deckgen module defines a dataclass

if TYPE_CHECKING:
    import datetime
    from pathlib import Path

    from deckgen.reports.check import CheckReport

_OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z-]*|-o)(?![\w-])")
_PARAMS = {"--company": "company", "--companies": "companies", "--set": "sets",
           "--date": "date", "--lang": "lang", "--template": "template", "--content": "content",
           "--presenter": "presenter", "--jobs": "jobs", "--pdf": "pdf", "--png": "png",
           "--png-width": "png_width", "-o": "output", "--force": "force=True",
           "--strict": "strict=True", "--update": "update=True",
           "--restore-deleted": "restore_deleted=True", "--dry-run": "dry_run=True",
           "--keep-backups": "keep_backups", "--column": "column"}


def python_names(message: str) -> str:
    """A message written for the command line, with the API's parameter names instead."""
    return _OPTION.sub(lambda m: _PARAMS.get(m.group(1), m.group(1)), message)


def _as_caller_wrote(exc: DeckgenError) -> None:
    if exc.args and isinstance(exc.args[0], str):
        exc.args = (python_names(exc.args[0]), *exc.args[1:])


def build(company: str | Sequence[str] | None = None, *,
          companies: str | Path | None = None, output: str | Path | None = None,
          template: str | Path | None = None, content: str | Path | None = None,
          lang: str = "de", sets: Mapping[str, object] | Iterable[str] = (),
          presenter: str = "", date: datetime.date | str | None = None, force: bool = False,
          pdf: bool = False, png: str | Path | None = None, png_width: int = 1280,
          jobs: int = 0, progress: Callable[[int], None] | None = None,
          update: bool = False, restore_deleted: bool = False, dry_run: bool = False,
          report: Callable[[str], None] | None = None, keep_backups: int = 5,
          column: str | None = None) -> list[Path]:
    """Build the pitch deck for each company; return the paths written (decks, then previews).

    company: one company name, or a list of names (one deck each).
    companies: instead, a .csv or .xlsx file with a ``company`` column (or ``Firma``,
        ``Unternehmen``, ``Name``; ``column`` names another); optional columns
        ``presenter``, ``date``, ``output``, ``template``; other columns are text variables.
    output: a .pptx file (one company) or a folder (default: the current folder).
    template: a bundled template name ("default", "dark"), a template folder, or a
        .pptx/.potx file.
    content: the content file (default: the shipped plea in ``lang``).
    lang: "de" or "en", the edition of the shipped plea.
    sets: text variables, e.g. ``{"team_size": "3"}`` (or ``["team_size=3"]``).
    presenter: shown on the title slide and stored as the deck's author.
    date: a `datetime.date`, "2026-12-03" or "03.12.2026"; written per language and stored
        as the deck's date.
    force: replace a deck someone changed since deckgen wrote it (a backup is kept).
    pdf / png / png_width: also a PDF beside each deck, PNG slide previews (``png_width``
        pixels wide) in the folder ``png``; needs LibreOffice (a warning without it).
    jobs: processes for many companies (0: as many as help here).
    progress: called with the number of decks just built.
    update / restore_deleted / dry_run / report: merge into decks a person edited (see
        ``deckgen build --help``); an update that brings nothing new writes nothing.
    keep_backups: of each deck deckgen replaces, the newest this many backups are kept.

    Nothing is written unless every deck builds. Raises `DeckgenError` with a one-line
    message naming the parameter and what to do.
    """
    from deckgen.api import build as _build

    try:
        return _build(company, companies=companies, output=output, template=template,
                      content=content, lang=lang, sets=sets, presenter=presenter, date=date,
                      force=force, pdf=pdf, png=png, png_width=png_width, jobs=jobs,
                      progress=progress, update=update, restore_deleted=restore_deleted,
                      dry_run=dry_run, report=report, keep_backups=keep_backups,
                      column=column)
    except DeckgenError as exc:
        _as_caller_wrote(exc)
        raise


def check(content: str | Path | None = None, template: str | Path | None = None,
          lang: str = "de", sets: Mapping[str, object] | Iterable[str] = (),
          company: str = "Beispiel GmbH", strict: bool = False) -> CheckReport:
    """Check that the content renders onto the template (everything `build` checks), writing
    nothing; return a `deckgen.reports.check.CheckReport`.

    The report lists each slide role's layout with the reason, the warnings (slides without
    speaker notes, template problems) and what deckgen changed (colours for contrast, fonts
    measured as another). ``strict``: slides without notes are an error.
    """
    from deckgen.reports.check import check as _check

    try:
        return _check(content=content, template=template, lang=lang, sets=sets,
                      company=company, strict=strict)
    except DeckgenError as exc:
        _as_caller_wrote(exc)
        raise


def __getattr__(name: str) -> object:
    """``deckgen.CheckReport`` without importing the report module at start-up."""
    if name == "CheckReport":
        from deckgen.reports.check import CheckReport

        return CheckReport
    raise AttributeError(f"module 'deckgen' has no attribute {name!r}")
