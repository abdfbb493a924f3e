"""The ``deckgen`` command: parses options, calls `deckgen.api`, reports errors in one line.

Subcommands live in their own modules and are imported only when invoked, so ``deckgen --help``
does not pay for python-pptx, lxml or Jinja.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from deckgen import __version__
from deckgen.errors import DeckgenError

COMMANDS = {
    "build": ("deckgen.cli.build", "build", "Build the plea deck for one or more companies."),
    "check": ("deckgen.cli.check", "check", "Validate content and template; write nothing."),
    "inspect": ("deckgen.cli.inspect", "inspect", "Show how a template's layouts will be used."),
    "template": ("deckgen.cli.template", "template", "Create branded templates."),
    "schema": ("deckgen.cli.schema", "schema", "Print the JSON Schema of the content file."),
}


class LazyGroup(click.Group):
    """Imports a subcommand's module only when that subcommand runs (Click docs pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        return getattr(importlib.import_module(module), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, help_) for name, (_, _, help_) in COMMANDS.items()])

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DeckgenError as exc:
            if ctx.params.get("debug"):
                raise
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("Error: interrupted", err=True)
            sys.exit(130)
        except Exception as exc:  # noqa: BLE001 - a bug must still not dump a traceback on users
            if ctx.params.get("debug"):
                raise
            click.echo(
                f"Error: internal error ({type(exc).__name__}: {exc}); "
                "please report it, and rerun with --debug for details",
                err=True,
            )
            sys.exit(1)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="deckgen")
@click.option("--debug", is_flag=True, help="Show a traceback for errors.")
def main(debug: bool) -> None:
    """Turn the plea for an own social-media unit into a branded, editable PowerPoint deck.

    \b
    Example:
      deckgen build --company "Acme"
    """
