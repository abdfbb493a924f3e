"""``deckgen preview``: options in, `deckgen.preview.session.run` does the rest.

The preview's own dependencies (the ``preview`` extra) are looked for only here, when the
command runs, so ``deckgen --help`` and ``deckgen build`` never load them.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import click

from deckgen import signals
from deckgen.cli.complete import complete_template

EXTRA_HINT = "deckgen preview needs the preview extra: pip install 'deckgen[preview]'"


@click.command()
@click.option("--content", type=click.Path(), default=None, metavar="PATH",
              help="Content file to follow (default: the shipped plea).")
@click.option("--template", default=None, metavar="NAME|PATH", shell_complete=complete_template,
              help="Bundled template name, template folder, or .pptx/.potx file.")
@click.option("--company", default="Beispiel GmbH", show_default=True, metavar="NAME",
              help="Company the deck addresses.")
@click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True,
              help="Edition of the shipped content.")
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE",
              help="Template variable for the content texts (repeatable).")
@click.option("--port", type=click.IntRange(0, 65535), default=0, metavar="N",
              help="Port on 127.0.0.1 (default: a free one).")
@click.option("--no-browser", is_flag=True, help="Do not open the browser; just print the URL.")
def preview(content: str | None, template: str | None, company: str, lang: str,
            sets: tuple[str, ...], port: int, no_browser: bool) -> None:
    """Serve a live page of the deck on 127.0.0.1 that follows every save.

    Prints the page's URL first. Saving the content file, an image it uses, or the template
    (its file or any file in its folder) updates the page by itself. Ctrl-C ends it.
    """
    if importlib.util.find_spec("watchfiles") is None:
        raise click.ClickException(EXTRA_HINT)
    from deckgen.preview.builder import Request
    from deckgen.preview.session import run

    request = Request(Path(content) if content else None, template, company, lang, sets)
    try:
        run(request, port=port, open_browser=not no_browser,
            say=lambda line: click.echo(line))
    except (KeyboardInterrupt, signals.Interrupted):
        click.echo("deckgen preview: stopped", err=True)
