"""Where a line may break, decided the way a typesetter would.

- Names (the company, up to 40 characters), figures like "1 von 10" and dates are kept
  together with no-break spaces (U+00A0), which PowerPoint and LibreOffice both honour; the
  copied text still reads normally.
- A URL is never hyphenated and never gets invisible characters: if it is longer than its
  line it breaks after a ``/`` or ``.`` (after a hyphen already in it, if a path segment is
  longer than the line) with an explicit line break (``a:br``), every piece keeping the link.
- Soft hyphens (U+00AD) go only into a word that is longer than its line. DrawingML has no
  optional-hyphen element (WordprocessingML's ``w:softHyphen`` has no counterpart in ``a:t``),
  and neither the ECMA-376 text of DrawingML nor Microsoft's implementer notes say that
  PowerPoint breaks at U+00AD; text extractors (Apache Tika) see the character kept as is in
  .pptx text. LibreOffice does break there. So the fitting never assumes a break at a soft
  hyphen: a word longer than its line is measured as broken at the character where it
  overflows, which is what PowerPoint does with a word that does not fit, and needs at least
  as many lines as a hyphenated break. The soft hyphens only make the break nicer where the
  renderer honours them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

NBSP = "\u00a0"
SOFT_HYPHEN = "\u00ad"
MAX_KEEP = 40  # longer names may break: no line could hold them at a readable size anyway

_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)\S+$", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Figures and dates, compiled on first use (most decks' texts are short)."""
    figure = re.compile(r"\b\d+(?:[.,]\d+)?\s(?:von|of|aus|in|out\sof|%|Prozent|percent)\s?\d*\b")
    date = re.compile(r"\b\d{1,2}\.\s(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|"
                      r"Oktober|November|Dezember)\s\d{4}\b|\b(?:January|February|March|April|"
                      r"May|June|July|August|September|October|November|December)\s\d{1,2},"
                      r"\s\d{4}\b")
    return figure, date


def is_url(word: str) -> bool:
    return bool(_URL.match(word))


def keep_together(text: str, names: Iterable[str]) -> str:
    """Join the words of names, figures and dates with no-break spaces."""
    return _keep_together(text, tuple(names))


@functools.lru_cache(maxsize=2048)  # every text is asked for by the layout choice and the fill
def _keep_together(text: str, names: tuple[str, ...]) -> str:
    for name in names:
        if name and " " in name and len(name) <= MAX_KEEP and name in text:
            text = text.replace(name, name.replace(" ", NBSP))
    if any(ch.isdigit() for ch in text):
        for pattern in _patterns():
            text = pattern.sub(lambda m: m.group(0).replace(" ", NBSP), text)
    return text


def words(text: str) -> list[str]:
    """Break opportunities: ordinary spaces only (a no-break space joins two words)."""
    return [w for w in text.split(" ") if w]


def url_pieces(url: str, marks: str = "/.") -> list[str]:
    """The URL cut after each ``/`` or ``.`` (never inside ``://``).

    With ``marks="/.-_?&="``, also after the hyphens and separators already in it: the
    fallback for a path segment longer than the line (it adds no character).
    """
    pieces, cur = [], ""
    for i, ch in enumerate(url):
        cur += ch
        if ch in marks and url[i + 1: i + 2] not in ("/", "") and not url[:i + 1].endswith(":/"):
            pieces.append(cur)
            cur = ""
    if cur:
        pieces.append(cur)
    return pieces


@functools.lru_cache(maxsize=4)
def _dic(lang: str):  # noqa: ANN202 - pyphen is imported lazily, only when a word is too long
    import pyphen

    try:
        return pyphen.Pyphen(lang=lang.replace("-", "_"))
    except KeyError:
        return pyphen.Pyphen(lang="de_DE")


def hard_hyphen_parts(word: str) -> list[str]:
    """The word cut after each hyphen inside it ("Social-", "Media-", "Manager"): where
    PowerPoint and LibreOffice break a compound written with hyphens."""
    parts, cur = [], ""
    for i, ch in enumerate(word):
        cur += ch
        if ch == "-" and 0 < i < len(word) - 1 and word[i - 1] != "-":
            parts.append(cur)
            cur = ""
    if cur:
        parts.append(cur)
    return parts


def hyphen_parts(word: str, lang: str) -> list[str]:
    """Split points pyphen allows, keeping at least three letters per part; a compound
    written with hyphens is hyphenated part by part, never beside its own hyphens."""
    dic = _dic(lang)
    parts: list[str] = []
    for segment in hard_hyphen_parts(word):
        stem = segment.rstrip("-")
        positions = [p for p in dic.positions(stem) if 3 <= p <= len(stem) - 3]
        last = 0
        for p in positions:
            parts.append(stem[last:p])
            last = p
        parts.append(stem[last:] + segment[len(stem):])
    return parts


def insert_soft_hyphens(text: str, long_words: frozenset[str], lang: str) -> str:
    if not long_words:
        return text
    return " ".join(_soft(w, lang) if w in long_words and not is_url(w) else w
                    for w in text.split(" "))


def _soft(word: str, lang: str) -> str:
    """Soft hyphens between a word's parts, none beside a hyphen it already has."""
    out = ""
    for part in hyphen_parts(word, lang):
        out += part if not out or out.endswith("-") else SOFT_HYPHEN + part
    return out


def release(text: str, names: frozenset[str]) -> str:
    """Held names no line can hold, given back their ordinary spaces (see `FitResult`)."""
    for name in names:
        text = text.replace(name, name.replace(NBSP, " "))
    return text
