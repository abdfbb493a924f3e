"""The presentation date: read as people write it, written as the deck's language writes it.

German users type ``03.12.2026``, scripts pass ``2026-12-03`` or a `datetime.date`; all three
mean the same day. Years are kept to 1900..9999 because the date also goes into the deck's
``core.xml`` (xsd:dateTime), where other years make the file invalid for PowerPoint.
"""

from __future__ import annotations

import datetime as dt
import re

from deckgen.errors import DeckgenError

MIN_YEAR, MAX_YEAR = 1900, 9999
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_GERMAN = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_MONTHS = {
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "en": "January February March April May June July August September October November December",
}
# English-speaking regions that write the month first ("December 3, 2026"); the others and
# a bare "en" follow their own convention below.
_MONTH_FIRST = {"US", "CA"}


def parse_date(value: str | dt.date | None, option: str = "--date") -> dt.date | None:
    """``2026-12-03``, ``03.12.2026`` or a date → the day; empty → None; else a one-line error."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return _in_range(value, option, value.isoformat())
    if not isinstance(value, str):
        raise DeckgenError(f"{option}: expected a date like 2026-12-03 or 03.12.2026, "
                           f"got {type(value).__name__}")
    text = value.strip()
    iso, german = _ISO.fullmatch(text), _GERMAN.fullmatch(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif german:
        day, month, year = (int(g) for g in german.groups())
    else:
        raise DeckgenError(f"{option}: {value!r} is not a date like 2026-12-03 or 03.12.2026")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DeckgenError(f"{option}: {value!r}: the year must be between {MIN_YEAR} and {MAX_YEAR}")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DeckgenError(f"{option}: {value!r} is not a day of the calendar "
                           "(check day and month)") from None


def _in_range(day: dt.date, option: str, shown: str) -> dt.date:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise DeckgenError(f"{option}: {shown}: the year must be between {MIN_YEAR} and {MAX_YEAR}")
    return day


def iso_date(value: str | dt.date | None, option: str = "--date") -> str:
    """The day as ``YYYY-MM-DD`` ("" for none): how the date travels inside deckgen."""
    day = parse_date(value, option)
    return day.isoformat() if day else ""


def format_date(day: dt.date, lang: str) -> str:
    """``3. Dezember 2026`` (de), ``December 3, 2026`` (en, en-US), ``3 December 2026`` (en-GB…)."""
    tag = lang.replace("_", "-").split("-")
    region = tag[1].upper() if len(tag) > 1 else ""
    if tag[0].lower() == "de":
        return f"{day.day}. {_MONTHS['de'].split()[day.month - 1]} {day.year}"
    month = _MONTHS["en"].split()[day.month - 1]
    if region and region not in _MONTH_FIRST:
        return f"{day.day} {month} {day.year}"
    return f"{month} {day.day}, {day.year}"
