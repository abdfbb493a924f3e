"""Lists of names in messages: the first few, then how many more.

An error that lists what is known (variables, columns, slide kinds) must stay one readable
line even when there are thousands: ten names, then "… and N more".
"""

from __future__ import annotations

from collections.abc import Iterable

SHOWN = 10
WIDTH = 60  # characters of one name shown; a longer one is cut


def some(names: Iterable[str], limit: int = SHOWN, sep: str = ", ") -> str:
    """``a, b, c`` for up to ``limit`` names, else the first ``limit`` and "… and N more"."""
    items = [n if len(n) <= WIDTH else n[: WIDTH - 1] + "…" for n in names]
    if len(items) <= limit:
        return sep.join(items)
    return f"{sep.join(items[:limit])} … and {len(items) - limit} more"
