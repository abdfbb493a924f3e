"""What an update did: the summary line on standard error and the lists below it.

Counts say what happened to the person's deck: texts updated, edited texts kept, conflicts;
slides added (or restored), kept (the person's own, and edited ones the content dropped),
removed, and deleted by the person. `Report.changed` decides whether the file is written at
all: an update that brings nothing new leaves it byte for byte as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Report:
    """What an update did, for the summary line and the lists below it."""

    updated: int = 0
    kept: int = 0
    conflicts: list[tuple[int, str, str, str]] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept_slides: list[str] = field(default_factory=list)  # edited, no longer in the content
    yours: list[str] = field(default_factory=list)  # slides the person made, kept as they are
    deleted: list[str] = field(default_factory=list)
    dropped_parts: list[str] = field(default_factory=list)  # unlisted leftovers (`unlisted`)
    manifest_changed: bool = False  # the content differs from what deckgen wrote last time

    def changed(self) -> bool:
        """True if the merged deck differs from the person's in anything but bookkeeping:
        an update that changes nothing leaves the file alone (no write, no backup)."""
        return bool(self.updated or self.added or self.restored or self.removed
                    or self.kept_slides or self.conflicts or self.manifest_changed)

    def lines(self, name: str) -> list[str]:
        from deckgen.listing import some

        head = (f"{name}: updated {self.updated} texts, kept {self.kept} edited, "
                f"{len(self.conflicts)} conflicts; slides: "
                f"{len(self.added) + len(self.restored)} added, "
                f"{len(self.kept_slides) + len(self.yours)} kept, {len(self.removed)} removed, "
                f"{len(self.deleted)} deleted by you")
        out = [head]
        for number, fld, mine, new in self.conflicts:
            out.append(f"  conflict: slide {number}, {fld}: kept yours {short(mine)!r}; "
                       f"new content {short(new)!r} not applied")
        out += [f"  added: {t!r}" for t in self.added]
        out += [f"  restored: {t!r}" for t in self.restored]
        out += [f"  kept (no longer in the content, but edited): {t!r}" for t in self.kept_slides]
        if self.yours:
            out.append(f"  kept (your own slides): {some([repr(short(t)) for t in self.yours])}")
        out += [f"  removed (no longer in the content): {t!r}" for t in self.removed]
        out += [f"  stays deleted: {t!r} (--restore-deleted brings it back)"
                for t in self.deleted]
        if self.dropped_parts:
            out.append(f"  dropped {some(self.dropped_parts)}: left in the file by a slide "
                       "deleted from the slide list, shown nowhere")
        return out


def short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def slide_title(slide: Any) -> str:
    """What a person calls a slide: its title, else its first text."""
    shape = slide.shapes.title
    text = shape.text_frame.text if shape is not None else ""
    if not text.strip():
        text = next((sh.text_frame.text for sh in slide.shapes
                     if sh.has_text_frame and sh.text_frame.text.strip()), "")
    return " ".join(text.split()) or "(a slide without text)"
