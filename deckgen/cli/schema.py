"""``deckgen schema``."""

from __future__ import annotations

import click


@click.command()
def schema() -> None:
    """Print the JSON Schema of content files (for editors and CI)."""
    from deckgen.pitch.schema import schema_json

    click.echo(schema_json(), nl=False)
