"""``deckgen inspect``."""

from __future__ import annotations

import json

import click


@click.command()
@click.argument("template", required=False, default=None)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def inspect(template: str | None, as_json: bool) -> None:
    """Show how TEMPLATE (name, folder or .pptx/.potx; default: default) will be used."""
    from deckgen.template.inspect import report, report_text

    data = report(template)
    click.echo(json.dumps(data, ensure_ascii=False, indent=2) if as_json else report_text(data))
