"""``deckgen check``."""

from __future__ import annotations

import click

from deckgen.cli.complete import complete_template


@click.command()
@click.option("--content", type=click.Path(), default=None, metavar="PATH",
              help="Content file (default: the shipped plea).")
@click.option("--template", default=None, metavar="NAME|PATH", help="Template to check against.",
              shell_complete=complete_template)
@click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True)
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE")
@click.option("--strict", is_flag=True, help="Treat slides without speaker notes as errors.")
def check(content: str | None, template: str | None, lang: str, sets: tuple[str, ...],
          strict: bool) -> None:
    """Validate content, its Jinja texts and the template mapping without writing anything."""
    from deckgen.reports.check import check as api_check

    report = api_check(content=content, template=template, lang=lang, sets=sets, strict=strict)
    click.echo(f"OK: {report.content} renders onto template {report.template!r} "
               f"({len(report.roles)} roles mapped)")
    for warning in (*report.warnings, *report.template_warnings):
        click.echo(f"note: {warning}", err=True)
