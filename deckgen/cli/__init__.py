"""The ``deckgen`` command: parses options, calls `deckgen.api`, reports errors in one line.

Subcommands live in their own modules and are imported only when invoked, so ``deckgen --help``
does not pay for python-pptx, lxml or Jinja.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import os
import sys
from typing import Any

import click

from deckgen import __version__, dataclass_code, signals
from deckgen.bounded import limit_address_space
from deckgen.errors import describe

COMMANDS = {
    "new": ("deckgen.cli.new", "new", "Start a new pitch: an editable content file."),
    "build": ("deckgen.cli.build", "build", "Build the plea deck for one or more companies."),
    "check": ("deckgen.cli.check", "check", "Validate content and template; write nothing."),
    "inspect": ("deckgen.cli.inspect", "inspect", "Show how a template's layouts will be used."),
    "template": ("deckgen.cli.template", "template", "Create branded templates."),
    "schema": ("deckgen.cli.schema", "schema", "Print the JSON Schema of the content file."),
    "preview": ("deckgen.cli.preview", "preview", "Live page of the slides that follows every save."),
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

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Set the process-wide guards, then run; a closed or full stdout ends quietly.

        The guards (SIGTERM handling, the address-space ceiling) are set only when this is the
        ``deckgen`` process reading ``sys.argv``, never in a host that calls ``main(args)``
        (tests, Click's runner, scripts).
        """
        if not args and kwargs.get("args") is None:
            signals.install()
            limit_address_space()
            _collect_rarely()
        try:
            return super().main(*args, **kwargs)
        except OSError as exc:
            _stdout_failed(exc)
        finally:
            _flush_stdout()

    def invoke(self, ctx: click.Context) -> Any:
        debug = bool(ctx.params.get("debug"))
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt as exc:
            _fail(_interrupted(exc), signals.EXIT_INTERRUPTED, prefix="")
        except signals.Interrupted as exc:
            _fail(_interrupted(exc), 128 + exc.signum, prefix="")
        except Exception as exc:  # noqa: BLE001 - a bug must still not dump a traceback on users
            if debug:
                raise
            if isinstance(exc, OSError) and exc.errno in _STDOUT_ERRNOS and (
                    exc.filename is None or _stdout_broken()):
                raise  # writing our own output failed: `main` ends quietly
            _fail(describe(exc), 1)


_STDOUT_ERRNOS = (errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EBADF)


def _interrupted(exc: BaseException) -> str:
    """"Interrupted", and what was done by then where the command said (previews)."""
    detail = getattr(exc, "detail", "")
    return f"Interrupted {detail}" if detail else "Interrupted"


def _fail(message: str, code: int, prefix: str = "Error: ") -> None:
    with contextlib.suppress(OSError):
        click.echo(f"{prefix}{message}", err=True)
    sys.exit(code)


def _stdout_broken() -> bool:
    """True if standard output can no longer be written (closed pipe, full disk)."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError:
        return True
    return False


def _silence_stdout() -> None:
    """Point fd 1 at /dev/null so the interpreter's final flush cannot fail again."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)


def _stdout_failed(exc: OSError) -> None:
    """A reader that went away (``| head``) is not an error worth a line; a full disk is."""
    _silence_stdout()
    if exc.errno == errno.EPIPE:
        sys.exit(1)
    if isinstance(exc, OSError) and exc.errno in _STDOUT_ERRNOS:
        _fail(f"cannot write to standard output ({exc.strerror}); redirect it elsewhere", 1)
    _fail(describe(exc), 1)


def run(prog_name: str | None = None) -> None:
    """The ``deckgen`` command's process (console script and ``python -m deckgen``).

    Unlike `main`, which a host may call and continue after, this ends the process itself.
    """
    try:
        main(prog_name=prog_name)
    except SystemExit as done:
        _end_process(done)


def _end_process(done: SystemExit) -> None:
    """End the ``deckgen`` process without tearing the interpreter down.

    By now every file is written, closed and renamed, LibreOffice has been waited for and
    temporary folders are gone; what is left is Python freeing every module and every
    python-pptx/lxml object one by one, which takes about a tenth of a build. So the streams
    are flushed and the process ends with its exit code, as ``sys.exit`` would give it.
    """
    code = done.code
    if code is not None and not isinstance(code, int):
        with contextlib.suppress(OSError, ValueError):
            print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    dataclass_code.save()  # what ``atexit`` would have kept
    os._exit(code or 0)


def _collect_rarely() -> None:
    """Python's cyclic collector runs every 700 new objects; building a deck makes hundreds of
    thousands (lxml proxies, fitted lines) and frees nearly all of them by reference counting,
    so the collector's passes find almost nothing and cost about 4 % of a build. A one-shot
    process lets garbage cycles wait longer (they are still collected)."""
    import gc

    gc.set_threshold(100_000, 50, 50)


def _flush_stdout() -> None:
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError as exc:
        _stdout_failed(exc)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="deckgen")
@click.option("--debug", is_flag=True, help="Show a traceback for errors.")
def main(debug: bool) -> None:
    """Turn the plea for an own social-media unit into a branded, editable PowerPoint deck.

    \b
    Example:
      deckgen build --company "Acme"
    """
