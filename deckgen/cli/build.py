"""``deckgen build``."""

from __future__ import annotations

import sys

import click


@click.command()
@click.option("--company", "companies", multiple=True, required=True, metavar="NAME",
              help="Company the deck addresses; repeat for one deck per company.")
@click.option("-o", "--output", type=click.Path(), default=None, metavar="FILE|DIR",
              help="Deck file (one company) or folder (default: current folder).")
@click.option("--template", default=None, metavar="NAME|PATH",
              help="Bundled template name, template folder, or .pptx/.potx file.")
@click.option("--content", type=click.Path(), default=None, metavar="PATH",
              help="Content file (default: the shipped plea).")
@click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True,
              help="Edition of the shipped content.")
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE",
              help="Template variable for the content texts (repeatable).")
@click.option("--presenter", default="", metavar="NAME", help="Shown on the title slide.")
@click.option("--date", default="", metavar="YYYY-MM-DD", help="Shown on the title slide.")
@click.option("--force", is_flag=True, help="Overwrite a deck that was changed since it was built.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes for several companies (0: one per core when it pays off).")
@click.option("--pdf", is_flag=True, help="Also write a PDF beside each deck (needs LibreOffice).")
@click.option("--png", "png_dir", type=click.Path(file_okay=False), default=None, metavar="DIR",
              help="Also write slide previews as PNG into DIR (needs LibreOffice).")
@click.option("-v", "--verbose", is_flag=True,
              help="Also say which layouts were used and every colour or font deckgen changed.")
def build(companies: tuple[str, ...], output: str | None, template: str | None,
          content: str | None, lang: str, sets: tuple[str, ...], presenter: str, date: str,
          force: bool, jobs: int, pdf: bool, png_dir: str | None, verbose: bool) -> None:
    """Build the plea deck for each --company and print the paths written."""
    from deckgen.api import build as api_build

    bar = None

    def progress(step: int) -> None:
        """Open the bar only once a deck is built, so early errors stay a single line."""
        nonlocal bar
        if bar is None:
            bar = click.progressbar(length=len(companies), label="Building decks",
                                    file=sys.stderr)
            bar.__enter__()
        bar.update(step)

    try:
        paths = api_build(list(companies), output=output, template=template, content=content,
                          lang=lang, sets=sets, presenter=presenter, date=date, force=force,
                          progress=progress if len(companies) > 1 else None, jobs=jobs)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for p in paths:
        click.echo(str(p))
    if verbose:
        from deckgen.template.inspect import notes

        for line in notes(template, content, lang, companies[0]):
            click.echo(line, err=True)
    if pdf or png_dir:
        from deckgen.deck.export import export

        for p in paths:
            for line in export(p, pdf=pdf, png_dir=png_dir):
                click.echo(line, err=not line.endswith((".pdf", ".png")))
