"""File names from company names: readable, ASCII, and the same on every machine."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_FOLD = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "&": " "}
SUFFIX = {"de": "social-media-plaedoyer", "en": "social-media-plea"}


def slug(company: str) -> str:
    """``Müller & Söhne`` → ``mueller-soehne``; names without Latin letters get a short hash."""
    text = "".join(_FOLD.get(ch, ch) for ch in company)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    text = text[:60].rstrip("-")
    if not text:
        text = "company-" + hashlib.sha256(company.encode("utf-8", "replace")).hexdigest()[:8]
    return text


def deck_filename(company: str, lang: str = "de") -> str:
    key = "de" if lang.lower().startswith("de") else "en"
    return f"{slug(company)}-{SUFFIX[key]}.pptx"
