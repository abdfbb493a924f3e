"""The small inline markup of content texts: ``**bold**``, ``*italic*``, ``[text](url)``.

Nothing else is interpreted: no headings, no underscores, no HTML, no escapes. Asterisks follow
the Markdown rule of thumb: a run of asterisks opens emphasis only when a letter follows it and
closes only when a letter precedes it, and only a pair counts, so "Yahoo!*", "C*" or
"5 * 3" stay as written.

Markup is read after Jinja has filled in the variables, but values that come from outside the
content file (``--company``, ``--presenter``, ``--set``) are data, not markup: a company called
"**Acme**" appears with its asterisks. `protect` swaps the markup characters of such values for
private-use stand-ins before rendering, and `parse` swaps them back afterwards. ``vars:`` in the
content file belong to the author and may use markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from deckgen.pitch.plan import Para, Run

_STAND_IN = {"*": "\ue02a", "[": "\ue05b", "]": "\ue05d"}
_BACK = str.maketrans({v: k for k, v in _STAND_IN.items()})
_PROTECT = str.maketrans(_STAND_IN)
_LINK = re.compile(r"\[([^\[\]\n]+)\]\(([^()\s]+)\)")
_SAFE_URL = re.compile(r"^(https?://[^\s\"<>]+|mailto:[^\s\"<>@]+@[^\s\"<>]+)$", re.IGNORECASE)


class MarkupError(ValueError):
    """A text whose markup cannot be written (a link to something other than the web or mail)."""


def protect(value: str) -> str:
    """``value`` with its markup characters made inert (for variables from outside the file)."""
    return value.translate(_PROTECT)


def unprotect(text: str) -> str:
    """Stand-ins back to the characters they stand for (for texts that are not parsed)."""
    return text.translate(_BACK)


def check_url(url: str) -> str:
    """Only web and mail links: a ``javascript:`` or ``file:`` link in a deck is an attack."""
    if not _SAFE_URL.match(url):
        raise MarkupError(f"{url!r} is not an http(s) or mailto address")
    return url


@dataclass
class _Stars:
    """A run of asterisks, and what it became: emphasis opened or closed, or literal stars."""

    count: int
    can_open: bool
    can_close: bool
    opens: list[str] = field(default_factory=list)
    closes: list[str] = field(default_factory=list)


@dataclass
class _Link:
    """A link in the markup: its text as runs (each carries the address)."""

    runs: list[Run]


def _tokens(text: str) -> list[str | _Stars | _Link]:
    out: list[str | _Stars | _Link] = []
    pos = 0
    for m in _LINK.finditer(text):
        out += _star_tokens(text[pos:m.start()])
        url = check_url(unprotect(m.group(2)))
        out.append(_Link([Run(r.text, r.bold, r.italic, url) for r in parse_runs(m.group(1))]))
        pos = m.end()
    out += _star_tokens(text[pos:])
    return out


def _star_tokens(part: str) -> list[str | _Stars]:
    """Text and asterisk runs; whether a run may open or close is decided by `_flank`."""
    return [piece if piece[0] != "*" else _Stars(len(piece), False, False)
            for piece in re.split(r"(\*+)", part) if piece]


def _match(tokens: list[str | _Stars | _Link]) -> None:
    """Pair closers with the nearest openers (the CommonMark procedure, asterisks only)."""
    openers: list[_Stars] = []
    for tok in tokens:
        if not isinstance(tok, _Stars):
            continue
        if tok.can_close:
            while tok.count and openers:
                opener = openers[-1]
                use = 2 if tok.count >= 2 and opener.count >= 2 else 1
                style = "bold" if use == 2 else "italic"
                opener.count -= use
                tok.count -= use
                opener.opens.append(style)
                tok.closes.append(style)
                if not opener.count:
                    openers.pop()
        if tok.count and tok.can_open:
            openers.append(tok)


def parse_runs(text: str) -> list[Run]:
    """Runs of ``text`` (stand-ins kept: `parse` restores them once, at the end)."""
    tokens = _tokens(text)
    _flank(tokens)
    _match(tokens)
    runs: list[Run] = []
    depth = {"bold": 0, "italic": 0}

    def emit(chunk: str, url: str = "", bold: bool = False, italic: bool = False) -> None:
        if not chunk:
            return
        b = bold or depth["bold"] > 0
        i = italic or depth["italic"] > 0
        if runs and (runs[-1].bold, runs[-1].italic, runs[-1].url) == (b, i, url):
            runs[-1] = Run(runs[-1].text + chunk, b, i, url)
        else:
            runs.append(Run(chunk, b, i, url))

    for tok in tokens:
        if isinstance(tok, str):
            emit(tok)
        elif isinstance(tok, _Link):
            for r in tok.runs:
                emit(r.text, r.url, r.bold, r.italic)
        else:
            for style in tok.closes:
                depth[style] -= 1
            emit("*" * tok.count)
            for style in tok.opens:
                depth[style] += 1
    return runs


def _flank(tokens: list[str | _Stars | _Link]) -> None:
    """A star run opens only before a non-space and closes only after one (Markdown's rule)."""
    prev = " "
    for i, tok in enumerate(tokens):
        if isinstance(tok, str):
            prev = tok[-1]
        elif isinstance(tok, _Link):
            prev = "x"  # a link counts as a word next to emphasis
        else:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            after = nxt[0] if isinstance(nxt, str) else ("x" if isinstance(nxt, _Link) else " ")
            tok.can_open = not after.isspace()
            tok.can_close = not prev.isspace()
            prev = "*"


def parse(text: str, level: int = 0) -> Para:
    """One paragraph from a rendered text: runs with their look, plain text for fitting."""
    runs = tuple(Run(unprotect(r.text), r.bold, r.italic, r.url) for r in parse_runs(text))
    plain = "".join(r.text for r in runs)
    url = runs[0].url if len(runs) == 1 else ""
    return Para(plain, level, url, runs)


def plain(text: str) -> str:
    """The text a reader sees, markup removed (for titles, figures and notes, which are plain)."""
    return "".join(unprotect(r.text) for r in parse_runs(text))
