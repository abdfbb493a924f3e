"""The one exception type users see.

Every failure a user can cause (bad content, bad template, bad option, an output path that cannot
be written) is raised as a `DeckgenError` whose message is a single line naming the file, line,
key path or option. The CLI prints it as ``Error: …`` and exits 1; anything else is a bug.
"""

from __future__ import annotations

import errno


class DeckgenError(Exception):
    """A user-facing error: one line, says where and what."""


def describe(exc: BaseException) -> str:
    """One line for any exception that reaches the CLI: what happened and what to do."""
    if isinstance(exc, DeckgenError):
        return " ".join(str(exc).split())
    if isinstance(exc, MemoryError):
        return "out of memory: an input is too large (a picture, template or text); make it smaller"
    if isinstance(exc, RecursionError):
        return "an input nests too deeply; simplify it"
    if isinstance(exc, OSError):
        name = exc.filename if exc.filename is not None else "a file"
        reason = ("file name too long" if exc.errno == errno.ENAMETOOLONG
                  else exc.strerror or type(exc).__name__)
        return f"{str(name)[:200]}: {reason}; check the path and its permissions"
    text = " ".join(str(exc).split())[:300]
    return (f"internal error ({type(exc).__name__}: {text}); please report it, "
            "and rerun with --debug for details")
