"""``deckgen template new`` and ``deckgen template build``."""

from __future__ import annotations

from pathlib import Path

import click


@click.group()
def template() -> None:
    """Create branded templates from colours, fonts and a logo."""


@template.command("new")
@click.argument("name")
@click.option("--primary", required=True, metavar="#RRGGBB", help="Main brand colour.")
@click.option("--secondary", default=None, metavar="#RRGGBB", help="Second colour.")
@click.option("--accent", default=None, metavar="#RRGGBB", help="Accent colour.")
@click.option("--background", default=None, metavar="#RRGGBB", help="Slide background.")
@click.option("--text", default=None, metavar="#RRGGBB", help="Text colour.")
@click.option("--font", default=None, metavar="NAME", help="Heading and body font.")
@click.option("--logo", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Logo image (PNG/JPEG) for the title and closing layouts.")
@click.option("--display-name", "display", default=None, help="Name shown in PowerPoint.")
@click.option("--dir", "parent", type=click.Path(file_okay=False, path_type=Path),
              default=Path("."), show_default=True, help="Folder to create NAME in.")
@click.option("--force", is_flag=True, help="Replace an existing template folder.")
def new(name: str, parent: Path, logo: Path | None, force: bool, **options: str) -> None:
    """Write NAME/template.yaml and NAME/template.pptx; use it with --template PATH.

    Colours deckgen derived (secondary, accent) or shifted to keep text legible are listed on
    standard error, one line each.
    """
    from deckgen.output.template_files import new_template

    folder, notes = new_template(name, parent, options, logo, force)
    for line in notes:
        click.echo(line, err=True)
    click.echo(str(folder))


@template.command("build")
@click.argument("folder", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--force", is_flag=True,
              help="Replace a template.pptx deckgen did not generate or that was changed "
                   "(a backup is kept).")
def rebuild_cmd(folder: Path, force: bool) -> None:
    """Regenerate FOLDER/template.pptx from FOLDER/template.yaml."""
    from deckgen.output.template_files import rebuild

    target, backup = rebuild(folder, force)
    if backup is not None:
        click.echo(f"{target.name}: kept the previous version as {backup.name}", err=True)
    click.echo(str(target))
