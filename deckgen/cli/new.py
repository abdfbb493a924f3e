"""``deckgen new``."""

from __future__ import annotations

import shlex
from pathlib import Path

import click


@click.command()
@click.argument("path", type=click.Path(dir_okay=False), metavar="PITCH.yaml")
@click.option("--from", "source", type=click.Choice(["blank", "plea"]), default="blank",
              show_default=True, help="Start from a blank pitch or from the shipped plea.")
@click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True,
              help="Language of the starter texts.")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def new(path: str, source: str, lang: str, force: bool) -> None:
    """Write an editable content file (and its JSON Schema beside it) to start a pitch."""
    from deckgen.pitch.scaffold import new_pitch

    for written in new_pitch(Path(path), source, lang, force):
        click.echo(str(written))
    click.echo(f"Edit {path}, then build it with:\n"
               f"  deckgen build --company \"Acme\" --content {shlex.quote(path)}", err=True)
