"""Languages a deck can be written in: the BCP-47 tags deckgen has words and hyphenation for.

The tag goes into every text run (PowerPoint's spell check and LibreOffice's hyphenation read
it), so a bare ``de`` becomes ``de-DE``: a region-less tag leaves PowerPoint guessing.
"""

from __future__ import annotations

import re

DEFAULT_REGION = {"de": "DE", "en": "US"}
REGIONS = {
    "de": ("DE", "AT", "CH", "LI", "LU", "BE", "IT"),
    "en": ("US", "GB", "IE", "AU", "NZ", "CA", "IN", "ZA", "SG"),
}
_TAG = re.compile(r"^([A-Za-z]{2})(?:[-_]([A-Za-z]{2}))?$")


def supported() -> list[str]:
    """Every accepted tag, for error messages and the JSON Schema."""
    return [f"{lang}-{region}" for lang, regions in REGIONS.items() for region in regions]


def normalize_lang(tag: str) -> str | None:
    """``de`` → ``de-DE``, ``en_gb`` → ``en-GB``; None when deckgen does not support the tag."""
    m = _TAG.match(tag.strip())
    if not m:
        return None
    lang = m.group(1).lower()
    region = (m.group(2) or DEFAULT_REGION.get(lang, "")).upper()
    if region not in REGIONS.get(lang, ()):
        return None
    return f"{lang}-{region}"


def base(lang: str) -> str:
    """The language without region, ``de`` or ``en``: what words and number style depend on."""
    return "de" if lang.lower().startswith("de") else "en"
