"""``deckgen inspect``."""

from __future__ import annotations

import json

import click

from deckgen.cli.complete import complete_template


@click.command()
@click.argument("template", required=False, default=None, shell_complete=complete_template)
@click.option("--content", type=click.Path(dir_okay=False), default=None,
              help="Check the layouts against this content file (default: the plea).")
@click.option("--lang", default="de", show_default=True, help="Edition of the shipped plea.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def inspect(template: str | None, content: str | None, lang: str, as_json: bool) -> None:
    """Show how TEMPLATE (name, folder or .pptx/.potx; default: default) will be used."""
    from deckgen.reports.inspect import report, report_text

    data = report(template, content, lang)
    click.echo(json.dumps(data, ensure_ascii=False, indent=2) if as_json else report_text(data))
