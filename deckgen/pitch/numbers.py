"""Numbers in content: read strictly, formatted for the deck's language.

YAML 1.1 reads ``1:30`` as 90, ``0o17`` as 15 and ``1_000`` as 1000, and Python turns a
5000-digit literal into an integer slowly or not at all. Content numbers are therefore read
from the scalar's own text with one plain pattern, bounded in size, and everything else is
refused with a hint. The figure, the chart labels and the alt text are formatted here, so a
German deck says "46,5 %" and an English one "46.5%" from the same value.
"""

from __future__ import annotations

import math
import re

from deckgen.pitch.langs import base

MAX_DIGITS = 15  # integer digits: beyond a trillion euros a slide number is a typo or an attack
MAX_DECIMALS = 6
NBSP = "\u00a0"
_NUMBER = re.compile(r"^[-+]?(\d+)(?:\.(\d+))?$")
_PREFIX_UNITS = ("$", "€", "£")  # English writes these before the number


def parse_number(raw: str) -> float | int:
    """The number written in ``raw``; `ValueError` with a one-line hint otherwise."""
    text = raw.strip()
    m = _NUMBER.match(text)
    if not m:
        if re.fullmatch(r"[-+]?\d+,\d+", text):
            dotted = text.replace(",", ".")
            raise ValueError(f"{raw!r} is not a number; write decimals with a dot ({dotted})")
        if ":" in text and re.fullmatch(r"[-+]?[\d:.]+", text):
            raise ValueError(f"{raw!r} is not a number (YAML would read it as a time in base 60)")
        if re.fullmatch(r"[-+]?[\d._]+(e[-+]?\d+)?|0[xob][\da-f_]+", text, re.IGNORECASE):
            raise ValueError(f"{raw!r}: write the number in plain digits, like 1500 or 46.5")
        raise ValueError(f"expected a number, got {raw!r}")
    if len(m.group(1).lstrip("0")) > MAX_DIGITS:
        raise ValueError(f"{text[:20]}…: number too large (at most {MAX_DIGITS} digits)")
    if m.group(2) is not None:
        if len(m.group(2)) > MAX_DECIMALS:
            raise ValueError(f"{raw!r}: at most {MAX_DECIMALS} decimal places")
        return float(text)
    return int(text)


def decimals_of(*values: float) -> int:
    """How many decimal places show every value exactly (at most `MAX_DECIMALS`)."""
    most = 0
    for v in values:
        for d in range(MAX_DECIMALS + 1):
            if math.isclose(round(v, d), v, rel_tol=0, abs_tol=1e-9):
                most = max(most, d)
                break
        else:
            most = MAX_DECIMALS
    return most


def format_number(value: float, lang: str, decimals: int | None = None) -> str:
    """``1234.5`` → ``1.234,5`` (de), ``1’234.5`` (de-CH), ``1,234.5`` (en)."""
    d = decimals_of(value) if decimals is None else decimals
    text = f"{abs(value):,.{d}f}"
    if lang.lower().startswith("de-ch"):
        text = text.replace(",", "’")
    elif base(lang) == "de":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    negative = value < 0 and round(abs(value), d) != 0
    return ("−" if negative else "") + text  # a true minus sign, as typeset text uses


def format_value(value: float, lang: str, decimals: int | None = None, unit: str = "") -> str:
    """A number with its unit as the language writes it: ``46,5 %`` / ``46.5%``, ``€12.5``."""
    number = format_number(value, lang, decimals)
    if not unit:
        return number
    if base(lang) == "en":
        if unit == "%":
            return number + unit
        if unit in _PREFIX_UNITS:
            return number.replace("−", "−" + unit) if number.startswith("−") else unit + number
    return number + NBSP + unit


def excel_format(decimals: int, unit: str = "") -> str:
    """The Excel number format for the embedded workbook and axis (locale-neutral codes)."""
    code = "#,##0" + ("." + "0" * decimals if decimals else "")
    if unit:
        code += '" ' + unit.replace('"', "") + '"'
    return code
