"""A content file after loading: the validated pitch and where each value came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deckgen.pitch.model import Pitch


@dataclass(frozen=True)
class LoadedPitch:
    """A validated pitch plus where each value came from (for render-time errors).

    ``images`` maps an image slide's key path (``slides[4].image``) to the checked file.
    """

    pitch: Pitch
    path: Path
    lines: dict[str, int]
    images: dict[str, Any] = field(default_factory=dict)

    def where(self, key_path: str) -> str:
        """``file:line: key.path`` for an error message about this value."""
        return f"{self.path}:{self.lines.get(key_path, 0)}: {key_path}"
