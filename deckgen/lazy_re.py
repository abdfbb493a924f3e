"""Regular expressions compiled on first use.

Compiling a pattern costs tens to hundreds of microseconds; a module holding a dozen of them
for rare cases (example text on a template's master, a layout's stamped instruction) would
charge every plain build for them at start-up. A `Lazy` pattern behaves like the compiled one
(``search``, ``match``, ``sub``, ``split``…) and compiles when first asked.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any


class Lazy:
    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(*self._args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)
