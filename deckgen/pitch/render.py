"""Content model + context → `DeckPlan`.

Texts that only insert variables are filled in directly; anything else goes through the
locked-down Jinja sandbox (`deckgen.pitch.sandbox`), so the common case never loads Jinja. The
rendered text is then read for inline markup (`deckgen.pitch.markup`); values from the command
line are protected first, so they stay literal. Every error names the file, line and key path
of the text that caused it. What each slide kind becomes is in `deckgen.pitch.expand`.
"""

from __future__ import annotations

import datetime as _dt
import re
import time
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from deckgen.errors import DeckgenError
from deckgen.pitch import markup
from deckgen.pitch.limits import MAX_CHARS as MAX_TEXT
from deckgen.pitch.loaded import LoadedPitch
from deckgen.pitch.plan import Para

RESERVED = ("company", "presenter", "date", "value", "of", "percent", "points", "points_count")
STAND_INS = "\ue02a\ue05b\ue05d"  # markup.protect's stand-ins: kept until markup is read
_KEEP = "\n\u00a0\u202f"
SET_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class Context:
    """What a content file may refer to, besides its own ``vars``."""

    company: str
    presenter: str = ""
    date: str = ""
    sets: Mapping[str, str] = field(default_factory=dict)


def clean_text(text: str, keep: str = "") -> str:
    """Drop characters that cannot live in XML or a slide (controls, surrogates, BOMs).

    Other spaces become plain spaces, except line breaks and no-break spaces ("46,5 %"
    must not wrap between number and unit).
    """
    if text.isprintable():  # no controls, separators or unassigned code points: nothing to do
        return text
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if ch in _KEEP or ch in keep:
            out.append(ch)
        elif ch.isspace():  # \v (PowerPoint's line break), \r, \f …: a word separator
            out.append(" ")
        elif cat in ("Cc", "Cs", "Co", "Cn") or ch in "\ufeff\ufffe\uffff":
            continue
        else:
            out.append(ch)
    return "".join(out)


MAX_COMPANY = 200


def normalize_company(company: str) -> str:
    name = " ".join(clean_text(company or "").split())
    if len(name) > MAX_COMPANY:  # else the first long text that uses it takes the blame
        raise DeckgenError(f"--company: too long ({len(name)} characters; at most "
                           f"{MAX_COMPANY}); use the short form of the name")
    if not any(unicodedata.category(ch)[0] not in "ZC" for ch in name):
        raise DeckgenError("--company: must not be empty (or only invisible characters)")
    return name


def format_date(iso: str | _dt.date, lang: str) -> str:
    """``2026-11-27``, ``27.11.2026`` or a date → ``27. November 2026`` (de) /
    ``November 27, 2026`` (en); the rules live in `deckgen.pitch.dates`."""
    from deckgen.pitch import dates

    day = dates.parse_date(iso)
    return dates.format_date(day, lang) if day else ""


def parse_sets(items: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``--set KEY=VALUE`` pairs, checked so a typo fails loudly instead of rendering blank."""
    result: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not SET_KEY.match(key):
            raise DeckgenError(f"--set: {item!r} is not KEY=VALUE (KEY: letters, digits, _)")
        if key in RESERVED:
            use = f"; use --{key}" if key in ("company", "presenter", "date") else ""
            raise DeckgenError(f"--set: {key!r} is set by deckgen itself{use}")
        result[key] = clean_text(value)
    return result


class Renderer:
    """Renders a content file's texts: Jinja first, then markup, each error naming its source.

    `text` gives the rendered string (markup still in it); `para`, `paras`, `plain` and
    `notes` turn it into what a slide slot takes. One time budget covers the whole file.
    """

    def __init__(self, loaded: LoadedPitch, variables: dict[str, Any]) -> None:
        self.loaded = loaded
        self.vars = variables
        self.deadline = 0.0  # set on first use of the sandbox: one budget for the whole file

    def where(self, key_path: str) -> str:
        return self.loaded.where(key_path)

    def text(self, text: str, key_path: str, extra: Mapping[str, Any] | None = None) -> str:
        """The rendered text: whitespace tidied, line breaks kept, never empty."""
        where = self.where(key_path)
        variables = {**self.vars, **(extra or {})}
        out = _plain(text, variables, where)
        if out is None:
            from deckgen.pitch.sandbox import RENDER_SECONDS, render_template

            if not self.deadline:
                self.deadline = time.monotonic() + RENDER_SECONDS
            out = render_template(text, variables, where, self.deadline - time.monotonic())
        out = _tidy(clean_text(out or "", keep=STAND_INS))
        if len(out) > MAX_TEXT:
            raise DeckgenError(f"{where}: text is too long after rendering ({len(out)} characters)")
        if not out.strip():  # str.strip also drops no-break spaces: nothing visible is left
            raise DeckgenError(f"{where}: text is empty after rendering")
        return out

    def para(self, text: str, key_path: str, level: int = 0,
             extra: Mapping[str, Any] | None = None) -> Para:
        """One paragraph with its markup; a line break stays a break inside the paragraph."""
        rendered = self.text(text, key_path, extra)
        try:
            return markup.parse(rendered.replace("\n\n", "\n"), level)
        except markup.MarkupError as exc:
            raise DeckgenError(f"{self.where(key_path)}: {exc}") from None

    def paras(self, text: str, key_path: str, extra: Mapping[str, Any] | None = None,
              ) -> tuple[Para, ...]:
        """Paragraphs separated by an empty line (statements, quotes, point statements)."""
        rendered = self.text(text, key_path, extra)
        try:
            return tuple(markup.parse(block) for block in rendered.split("\n\n"))
        except markup.MarkupError as exc:
            raise DeckgenError(f"{self.where(key_path)}: {exc}") from None

    def plain(self, text: str, key_path: str, extra: Mapping[str, Any] | None = None) -> str:
        """One line of plain text (titles, figures, names): markup and line breaks removed."""
        return re.sub("[ \n]+", " ", markup.plain(self.text(text, key_path, extra)))

    def notes(self, text: str, key_path: str, extra: Mapping[str, Any] | None = None) -> str:
        """Speaker notes: plain text, line breaks kept (each line a notes paragraph)."""
        if not text:
            return ""
        return markup.plain(self.text(text, key_path, extra)).replace("\n\n", "\n")


def _tidy(text: str) -> str:
    """Spaces collapsed within lines; at most one empty line between paragraphs."""
    lines = [re.sub(" +", " ", line).strip(" ") for line in text.split("\n")]
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return out.strip("\n ")


_VAR = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def _plain(text: str, variables: Mapping[str, Any], where: str) -> str | None:
    """Texts that only insert variables (``{{ company }}``) need no template engine.

    The result is what Jinja would give; anything else (filters, blocks, expressions) returns
    None and goes through the sandbox.
    """
    rest = _VAR.sub("", text)
    if "{{" in rest or "{%" in rest or "{#" in rest:
        return None
    for name in _VAR.findall(text):
        if name not in variables:
            from deckgen.listing import some

            raise DeckgenError(f"{where}: undefined variable '{name}' "
                               f"(known: {some(sorted(variables))})")
    return _VAR.sub(lambda m: str(variables[m.group(1)]), text)
