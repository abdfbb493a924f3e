"""Readable ASCII names from any script: the company's and the pitch's part of a file name.

German umlauts and ß are written out (``Müller`` → ``mueller``), accents dropped; letters of any
other script go through ``anyascii``'s transliteration tables, imported only when a name
needs them (`deckgen.output.naming` builds file names from these).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

_FOLD = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "&": " "}


def _ascii(text: str) -> str:
    text = "".join(_FOLD.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    if not text.isascii():  # Ł, ø, Cyrillic, CJK, Arabic…: letters NFKD cannot take apart
        from anyascii import anyascii

        text = anyascii(text)
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:60].rstrip("-")


def slug(company: str) -> str:
    """``Müller & Söhne`` → ``mueller-soehne``; names nothing transliterates get a short hash."""
    text = _ascii(company)
    if not text:
        text = "company-" + hashlib.sha256(company.encode("utf-8", "replace")).hexdigest()[:8]
    return text


def pitch_slug(content_slug: str, path: Path | None, title: str) -> str:
    """The pitch's part of the file name: ``slug:``, else the file name, else the title."""
    for candidate in (content_slug, path.stem if path else "", title):
        text = _ascii(candidate or "")
        if text:
            return text
    return "pitch"
