"""The one exception type users see.

Every failure a user can cause (bad content, bad template, bad option, an output path that cannot
be written) is raised as a `DeckgenError` whose message is a single line naming the file, line,
key path or option. The CLI prints it as ``Error: …`` and exits 1; anything else is a bug.
"""

from __future__ import annotations


class DeckgenError(Exception):
    """A user-facing error: one line, says where and what."""
