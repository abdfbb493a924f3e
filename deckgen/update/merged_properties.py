"""The document properties of a merged deck, true to the slides it now holds.

A deck's ``app.xml`` lists its slide titles and counts, and its keywords name the company and
the points it argues (`deckgen.deck.properties`). After an update the person's deck may hold
other slides than when deckgen last wrote it: a point they deleted must not be listed in the
file's properties either. So ``app.xml`` is written again from the merged slides (every
program rewrites it on save anyway), and the keywords are set to the company and the points
the deck holds, unless the person wrote keywords of their own (anything but the company and
point titles deckgen knows, however separated), which stay.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from deckgen.update.identity import SlideRecord


def _company(prs: Any) -> str:
    return prs.core_properties.subject or ""


def _only(keywords: str, known: set[str]) -> bool:
    """True if ``keywords`` hold nothing but ``known`` names and separators (deckgen writes
    them joined by "; ", LibreOffice saves them joined by spaces)."""
    rest = " ".join(keywords.split())
    for name in sorted(known, key=len, reverse=True):
        if name:
            rest = rest.replace(name, " ")
    return not rest.replace(";", " ").replace(",", " ").strip()


def refresh_properties(prs: Any, fresh: Any, old: list[SlideRecord], new: list[SlideRecord],
                       keys: list[str]) -> None:
    """``keys``: deckgen's slide keys in the merged deck's order."""
    from deckgen.deck.properties import APP_CT, APP_RT, _clean, _put_part, app_xml

    company = _company(fresh) or _company(prs)
    by_key = {r.key: r for r in new}
    points = [_clean(by_key[k].title) for k in keys if k in by_key and by_key[k].role == "point"]
    known = {_clean(r.title) for r in (*old, *new) if r.role == "point"} | {_clean(company)}
    if _only(prs.core_properties.keywords or "", known):
        prs.core_properties.keywords = "; ".join(dict.fromkeys([company, *points]))[:255]
    plan = SimpleNamespace(slides=(), company=company)
    _put_part(prs, "/docProps/app.xml", APP_CT, APP_RT, app_xml(prs, plan))
