"""What `deckgen.check` answers: a small value a script can read and a person can print.

The internal `deckgen.api.Job` holds the opened template (megabytes of XML and bytes); a caller
wants to know which layout each kind of slide gets and why, what deckgen had to change, and
what it warns about.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class RoleUse:
    """The layout one slide role gets, and why."""

    layout: str
    reason: str
    drawn: bool = False  # text boxes drawn by deckgen, no placeholder layout had room

    def __str__(self) -> str:
        return f"{self.layout!r}{' (drawn boxes)' if self.drawn else ''}: {self.reason}"


@dataclass(frozen=True, repr=False)
class CheckReport:
    """The result of `deckgen.check`: it renders, and this is how.

    ``roles``: slide role → `RoleUse`. ``warnings``: about the content (slides without notes).
    ``template_warnings``: about the template's layouts (and a logo left out). ``substitutions``:
    theme colours a folder's ``template.yaml`` set, colours deckgen changed for contrast, and
    fonts measured as another (not installed).
    """

    content: Path
    template: str
    roles: dict[str, RoleUse]
    warnings: tuple[str, ...] = ()
    template_warnings: tuple[str, ...] = ()
    substitutions: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """No warning of any kind (errors raise; they never get this far)."""
        return not (self.warnings or self.template_warnings)

    def __repr__(self) -> str:
        return (f"CheckReport(content={str(self.content)!r}, template={self.template!r}, "
                f"roles={len(self.roles)}, warnings={len(self.warnings)}, "
                f"template_warnings={len(self.template_warnings)}, "
                f"substitutions={len(self.substitutions)})")

    def __str__(self) -> str:
        lines = [f"{self.content} on template {self.template!r}:"]
        lines += [f"  {role}: {use}" for role, use in self.roles.items()]
        lines += [f"  changed: {s}" for s in self.substitutions]
        lines += [f"  warning: {w}" for w in (*self.warnings, *self.template_warnings)]
        return "\n".join(lines)


def from_job(job: Any) -> CheckReport:
    """The report of a job that `deckgen.api.deck_for` has just written a deck with."""
    from deckgen.typeset.fonts import fonts_report

    writer = job.writer
    choices = getattr(writer, "choices", {}) or {}
    roles = {role: RoleUse(c.layout.name, c.reason, bool(c.drawn)) for role, c in choices.items()}
    subs = list(getattr(job.template, "theme_changes", ()))  # colours from template.yaml
    subs += [str(s) for s in getattr(getattr(writer, "legibility", None), "substitutions", ())]
    subs += [f"font {f['font']} is not installed; measured as {f['measured_as']}"
             for f in fonts_report(getattr(writer, "fonts", {}) or {}) if f["installed"] == "no"]
    template_warnings = (*getattr(writer, "warnings", ()), *job.tmap.warnings)
    return CheckReport(Path(job.loaded.path), job.template.name, roles, tuple(job.warnings),
                       tuple(dict.fromkeys(template_warnings)), tuple(dict.fromkeys(subs)))


def check(content: str | Path | None = None, template: str | Path | None = None,
          lang: str = "de", sets: Iterable[str] | Mapping[str, object] = (),
          company: str = "Beispiel GmbH", strict: bool = False) -> CheckReport:
    """Everything `build` checks (content, Jinja, template mapping, fitting), writing nothing.

    Returns a `deckgen.reports.check.CheckReport`: each role's layout and why, warnings, and what
    deckgen changed. Slides without speaker notes are listed in ``warnings``; ``strict``
    makes them errors.
    """
    from deckgen.api import deck_for, plan_for, prepare
    from deckgen.errors import DeckgenError
    from deckgen.pitch.checks import notes_warnings

    job = prepare(content, template, lang, sets)
    job.warnings = tuple(notes_warnings(job.loaded))
    if strict and job.warnings:
        more = f" (and {len(job.warnings) - 1} more)" if len(job.warnings) > 1 else ""
        raise DeckgenError(f"{job.warnings[0]}{more}; --strict requires notes on every slide")
    deck_for(job, plan_for(job, company))
    return from_job(job)
