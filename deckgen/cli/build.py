"""``deckgen build``."""

from __future__ import annotations

import sys

import click

from deckgen import signals
from deckgen.cli.complete import complete_list, complete_template


class _BuildCommand(click.Command):
    """``deckgen build Acme`` is a company given without its option: say how to write it."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        import re

        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            found = re.search(r"unexpected extra arguments? \((.+?)\)", str(exc))
            if found:
                name = found.group(1)
                raise click.UsageError(
                    f"unexpected argument {name!r}; to build a deck for it, write: "
                    f'deckgen build --company "{name}"', ctx) from None
            raise


@click.command(cls=_BuildCommand)
@click.option("--company", "companies", multiple=True, metavar="NAME",
              help="Company the deck addresses; repeat for one deck per company.")
@click.option("--companies", "listing", type=click.Path(dir_okay=False), default=None,
              metavar="FILE", shell_complete=complete_list,
              help="A .csv or .xlsx list: one deck per row; columns company (or Firma, "
                   "Unternehmen, Name), presenter, date, output, template, and text variables.")
@click.option("--column", default=None, metavar="NAME",
              help="With --companies: the column holding the company names.")
@click.option("-o", "--output", type=click.Path(), default=None, metavar="FILE|DIR",
              help="Deck file (one company) or folder (default: current folder).")
@click.option("--template", default=None, metavar="NAME|PATH", shell_complete=complete_template,
              help="Bundled template name, template folder, or .pptx/.potx file.")
@click.option("--content", type=click.Path(), default=None, metavar="PATH",
              help="Content file (default: the shipped plea).")
@click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True,
              help="Edition of the shipped content.")
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE",
              help="Template variable for the content texts (repeatable).")
@click.option("--presenter", default="", metavar="NAME", help="Shown on the title slide.")
@click.option("--date", default="", metavar="DATE",
              help="Shown on the title slide and stored as the deck's date: 2026-12-03 or "
                   "03.12.2026.")
@click.option("--force", is_flag=True, help="Overwrite a deck that was changed since it was built.")
@click.option("--update", is_flag=True,
              help="Merge into a deck you edited: keep your edits, take the new content "
                   "elsewhere (a backup is kept).")
@click.option("--restore-deleted", is_flag=True,
              help="With --update: bring back slides you deleted.")
@click.option("--dry-run", is_flag=True, help="Say what would happen; write nothing.")
@click.option("--keep-backups", type=click.IntRange(min=1), default=5, show_default=True,
              metavar="N", help="Backups kept of each deck deckgen replaces (the newest N).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes for several companies (0: one per core when it pays off).")
@click.option("--pdf", is_flag=True, help="Also write a PDF beside each deck (needs LibreOffice).")
@click.option("--png", "png_dir", default=None, metavar="DIR",
              help="Also write slide previews as PNG into DIR (needs LibreOffice).")
@click.option("--png-width", type=click.IntRange(16, 10000), default=1280, show_default=True,
              metavar="PIXELS", help="Width of the PNG previews.")
@click.option("-v", "--verbose", is_flag=True,
              help="Also say which layouts were used and every colour or font deckgen changed.")
def build(companies: tuple[str, ...], output: str | None, template: str | None,
          content: str | None, lang: str, sets: tuple[str, ...], presenter: str, date: str,
          force: bool, jobs: int, pdf: bool, png_dir: str | None, verbose: bool,
          update: bool = False, restore_deleted: bool = False, dry_run: bool = False,
          listing: str | None = None, png_width: int = 1280, keep_backups: int = 5,
          column: str | None = None) -> None:
    """Build the plea deck for each --company (or each row of --companies FILE) and print
    the paths written."""
    from deckgen.api import build as api_build

    ctx = click.get_current_context()
    if content and ctx.get_parameter_source("lang") is click.core.ParameterSource.COMMANDLINE:
        click.echo("note: --lang chooses the edition of the shipped plea; a --content file "
                   "states its own language (its lang: key), so --lang is not used", err=True)

    if not companies and not listing:
        raise click.UsageError('Missing option \'--company\': give --company "NAME" '
                               "(repeatable) or --companies FILE")
    if png_dir:
        from deckgen.output.export import check_png_dir

        check_png_dir(png_dir)
    total = len(companies)
    if listing:
        from deckgen.pitch.companies import read_companies

        total = len(read_companies(listing, lang, column))
    bar = None

    def progress(step: int) -> None:
        """Open the bar only once a deck is built, so early errors stay a single line."""
        nonlocal bar
        if bar is None:
            bar = click.progressbar(length=total, label="Building decks",
                                    file=sys.stderr)
            bar.__enter__()
        bar.update(step)

    try:
        paths = api_build(list(companies), companies=listing, output=output, template=template,
                          content=content, lang=lang, sets=sets, presenter=presenter, date=date,
                          force=force, progress=progress if total > 1 else None, jobs=jobs,
                          update=update, restore_deleted=restore_deleted, dry_run=dry_run,
                          report=lambda line: click.echo(line, err=True),
                          keep_backups=keep_backups, column=column)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    if dry_run:
        return
    for p in paths:
        click.echo(str(p))
    if verbose:
        from deckgen.reports.inspect import notes

        for line in notes(template, content, lang, companies[0] if companies else "Beispiel GmbH"):
            click.echo(line, err=True)
    if pdf or png_dir:
        import time

        from deckgen.output.export import export_all

        start = time.time() - 1  # file times may be coarser than the clock
        try:
            made, notes_ = export_all(paths, pdf, png_dir, png_width)  # one time budget for all
        except (KeyboardInterrupt, signals.Interrupted) as stop:
            from deckgen.output.preview_status import interrupted_summary

            stop.detail = interrupted_summary(paths, pdf, png_dir, start)  # type: ignore[attr-defined]
            raise
        for line in notes_:
            click.echo(line, err=True)
        for p in made:
            click.echo(str(p))
