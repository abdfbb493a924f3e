"""File names from company names and pitches: readable, ASCII, and the same on every machine.

A deck is called ``<company>-<pitch>.pptx``: the pitch part is the content's ``slug``, else the
content file's name, else its title, so two pitches for one company never overwrite each other.
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
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:60].rstrip("-")


def slug(company: str) -> str:
    """``Müller & Söhne`` → ``mueller-soehne``; names without Latin letters get a short hash."""
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


def deck_filename(company: str, pitch: str) -> str:
    """``Acme`` + ``social-media-plea`` → ``acme-social-media-plea.pptx``."""
    return f"{slug(company)}-{pitch}.pptx"
