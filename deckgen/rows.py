"""Building one deck per row of a company list (`deckgen.pitch.companies`).

Rows may name their own template, presenter, date, variables and output. Each template is
read and resolved once; rows that differ only in the company are built together by
`deckgen.batch.build_all` (on several cores), the others in turn. As for ``--company``,
every target is checked before anything is built, and nothing is written unless every row built.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from deckgen.errors import DeckgenError
from deckgen.pitch.companies import Row


def row_targets(rows: list[Row], output: str | Path | None, pitch: str, source: Path) -> list[Path]:
    """Each row's deck path: its ``output`` cell (a .pptx file, or a folder, relative to
    ``-o``), else its default name in the ``-o`` folder (default: the current folder)."""
    from deckgen.output.naming import check_same_company, deck_filename

    base = Path(output) if output else Path.cwd()
    if base.suffix.lower() == ".pptx":
        if len(rows) > 1:
            raise DeckgenError("-o: a company list with several rows needs a folder, not a "
                               ".pptx file (or give each row an 'output')")
        return [base]
    paths: list[Path] = []
    seen: dict[Path, Row] = {}
    for row in rows:
        name = deck_filename(row.company, pitch)
        if row.output:
            cell = base / Path(row.output.replace("\\", "/"))
            path = cell if cell.suffix.lower() == ".pptx" else cell / name
        else:
            path = base / name
        key = Path(str(path).casefold())  # Windows and macOS file names ignore case
        if key in seen:
            other = seen[key]
            raise DeckgenError(f"{source}: rows {other.line} ({other.company!r}) and {row.line} "
                               f"({row.company!r}) both write {path}; give them different "
                               "companies or 'output' cells")
        seen[key] = row
        if not (row.output and cell.suffix.lower() == ".pptx"):
            try:
                check_same_company(path, row.company)
            except DeckgenError as exc:
                raise DeckgenError(f"{source}: row {row.line}: {exc}") from None
        paths.append(path)
    return paths


def _group_key(row: Row, sets: Mapping[str, str], presenter: str, date: str) -> tuple:
    merged = {**sets, **row.sets}
    return (row.presenter or presenter, row.date or date, tuple(sorted(merged.items())))


def build_rows(rows: list[Row], source: Path, *, output: str | Path | None,
               template: str | Path | None, content: str | Path | None, lang: str,
               sets: Mapping[str, str], presenter: str, date: str, force: bool,
               progress: Callable[[int], None] | None, jobs: int) -> tuple[list[Path], list[Any]]:
    """Every row's target and deck, or an error naming the file and row; writes nothing (the
    caller writes them all at once, with backups and merges, `deckgen.output.write`)."""
    from deckgen.batch import auto_jobs, build_all
    from deckgen.jobs import prepare
    from deckgen.output.save import check_target
    from deckgen.pitch.render import normalize_company
    from deckgen.pitch.slug import pitch_slug

    jobs_by_template = {}
    for row in rows:
        key = row.template or template
        if key not in jobs_by_template:
            try:
                jobs_by_template[key] = prepare(content, key, lang, (), presenter, date)
            except DeckgenError as exc:
                if not row.template:
                    raise
                raise DeckgenError(f"{source}: row {row.line}, column template: {exc}") from None
        try:
            normalize_company(row.company)
        except DeckgenError:
            raise DeckgenError(f"{source}: row {row.line}, column company: has no visible "
                               "characters") from None
    first = next(iter(jobs_by_template.values()))
    pitch = first.loaded.pitch
    paths = row_targets(rows, output, pitch_slug(pitch.slug, first.loaded.path, pitch.title), source)
    for p in paths:
        check_target(p, force)
    decks: list[Any] = [None] * len(rows)
    groups: dict[tuple, list[int]] = {}
    for i, row in enumerate(rows):
        groups.setdefault((row.template or template, *_group_key(row, sets, presenter, date)),
                          []).append(i)
    for (tpl, who, when, merged), members in groups.items():
        job = jobs_by_template[tpl]
        job.presenter, job.date, job.sets = who, when, dict(merged)
        try:
            built = build_all(job, [normalize_company(rows[i].company) for i in members],
                              jobs or auto_jobs(len(members)), progress)
        except DeckgenError as exc:
            line = rows[members[0]].line if len(members) == 1 else None
            where = f"row {line}" if line else f"rows {', '.join(str(rows[i].line) for i in members)}"
            raise DeckgenError(f"{source}: {where}: {exc}") from None
        if progress and len(members) == 1:
            progress(1)
        for i, data in zip(members, built):
            decks[i] = data
    return paths, decks
