"""A company list from a spreadsheet: one deck per row (``deckgen build --companies FILE``).

The person who builds decks for several subsidiaries keeps them in Excel, so the list is read as
Excel writes it: ``.xlsx`` (first sheet), or ``.csv`` in UTF-8 with or without a BOM (and the
Windows code page of Excel's plain "CSV" as a fallback), separated by ``;`` (German Excel) or
``,``. The company names come from the column the caller names (``--column``), else from the
first of ``company``, ``Firma``, ``Unternehmen``, ``Name`` (any case: the names a German
office gives that column); ``presenter``, ``date``, ``output`` and ``template`` set what their
options set; every other column is a text variable, like ``--set``. Every problem names the
file, the row as the spreadsheet numbers it, and the column.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from deckgen.bounded import read_regular
from deckgen.errors import DeckgenError
from deckgen.pitch import dates

MAX_BYTES = 20_000_000
KNOWN = ("company", "presenter", "date", "output", "template")
COMPANY_COLUMNS = ("company", "firma", "unternehmen", "name")  # looked for in this order
_DELIMITERS = ";,\t"


@dataclass(frozen=True)
class Row:
    """One deck to build, as its row asks for it (empty strings: use the command's options)."""

    line: int  # the row number the spreadsheet shows (the header is row 1)
    company: str
    presenter: str = ""
    date: str = ""  # ISO, checked
    output: str = ""
    template: str = ""
    sets: Mapping[str, str] = field(default_factory=dict)


class Companies(list[Row]):
    """The rows of a company list, and the column their company names came from."""

    column: str = "company"


def read_companies(path: str | Path, lang: str = "de", column: str | None = None) -> Companies:
    """Every non-empty row of the list at ``path``; ``lang`` writes dates in other columns;
    ``column`` names the column with the company names (default: see the module)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".txt"):
        raise DeckgenError(f"--companies: {path}: give a .csv or .xlsx file "
                           "(in Excel: Save As, 'CSV UTF-8' or 'Excel Workbook')")
    data = read_regular(path, MAX_BYTES, "company list")
    if suffix == ".xlsx" or data[:4] == b"PK\x03\x04":
        from deckgen.pitch.xlsx import read_sheet

        table = read_sheet(data, path)
    else:
        table = _read_csv(data, path)
    return _rows(table, path, lang, column)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # Excel's plain "CSV" on Windows


def _delimiter(text: str) -> str:
    """The separator the header row uses most (outside quotes): ``;``, ``,`` or tab."""
    header, quoted = [], False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif ch in "\r\n" and not quoted:
            break
        elif not quoted:
            header.append(ch)
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv(data: bytes, path: Path) -> list[list[str | dt.date]]:
    text = _decode(data)
    if text.startswith("sep=") and "\n" in text:  # Excel's own hint line: "sep=;"
        hint, text = text.split("\n", 1)
        delimiter = hint[4:5] or ","
    else:
        delimiter = _delimiter(text)
    try:
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise DeckgenError(f"--companies: {path}: not a readable CSV file ({exc})") from None


def _company_column(cells: list[str | dt.date], path: Path, column: str | None) -> int:
    """The index of the column holding the company names."""
    from deckgen.listing import some

    heads = [str(c).strip().lstrip("\ufeff") for c in cells]
    folded = [h.casefold() for h in heads]
    wanted = [column.strip().casefold()] if column is not None else list(COMPANY_COLUMNS)
    for name in wanted:
        if name and name in folded:
            return folded.index(name)
    have = some([repr(h) for h in heads if h]) or "none"
    if column is not None:
        raise DeckgenError(f"--column: {path}: row 1 has no column {column.strip()!r} "
                           f"(columns: {have})")
    raise DeckgenError(f"{path}: row 1 has no company column; name it company, Firma, "
                       f"Unternehmen or Name, or give --column NAME (columns: {have})")


def _header(cells: list[str | dt.date], path: Path, company_col: int) -> list[str]:
    from deckgen.pitch.render import RESERVED, SET_KEY

    names: list[str] = []
    seen: set[str] = set()
    for col, cell in enumerate(cells, start=1):
        name = str(cell).strip().lstrip("\ufeff")
        key = name.casefold() if name.casefold() in KNOWN else name
        if not name:
            names.append("")
            continue
        if name.casefold() in seen:
            raise DeckgenError(f"{path}: row 1, column {col} ({name!r}): appears twice; "
                               "give every column its own name")
        seen.add(name.casefold())
        if col - 1 == company_col:
            key = "company"
        elif key == "company":  # another column was chosen for the names
            raise DeckgenError(f"{path}: row 1, column {col} ({name!r}): the company names "
                               "come from another column; rename this one")
        if key not in KNOWN and (not SET_KEY.match(key) or key in RESERVED):
            raise DeckgenError(
                f"{path}: row 1, column {col} ({name!r}): not usable as a text variable "
                "(letters, digits and _ only, not a name deckgen sets itself); rename the column")
        names.append(key)
    return names


def _cell_text(value: str | dt.date, lang: str) -> str:
    if isinstance(value, dt.date):
        return dates.format_date(value, lang)
    from deckgen.pitch.render import clean_text

    return " ".join(clean_text(value).split())


def _rows(table: list[list[str | dt.date]], path: Path, lang: str,
          column: str | None) -> Companies:
    first = next((i for i, r in enumerate(table) if any(str(c).strip() for c in r)), None)
    if first is None:
        raise DeckgenError(f"{path}: the company list is empty; put 'company' in the first row "
                           "and one company per row below it")
    company_col = _company_column(table[first], path, column)
    names = _header(table[first], path, company_col)
    heading = str(table[first][company_col]).strip().lstrip("\ufeff")
    rows = Companies()
    rows.column = heading
    for i, cells in enumerate(table[first + 1:], start=first + 2):
        if not any(str(c).strip() for c in cells):
            continue
        extra = [c for c in cells[len(names):] if str(c).strip()]
        if extra:
            raise DeckgenError(f"{path}: row {i}: more cells than the header has columns "
                               f"({extra[0]!r}); check the separator or quote the text")
        values: dict[str, str | dt.date] = {n: c for n, c in zip(names, cells) if n}
        where = f"{path}: row {i}"
        company = _cell_text(values.get("company", ""), lang)
        if not company:
            raise DeckgenError(f"{where}, column {heading}: empty; every row needs a company")
        day = values.get("date", "")
        try:
            iso = dates.iso_date(day if isinstance(day, dt.date) else str(day).strip())
        except DeckgenError as exc:
            raise DeckgenError(f"{where}, column date: {str(exc).split(': ', 1)[1]}") from None
        rows.append(Row(
            line=i, company=company, presenter=_cell_text(values.get("presenter", ""), lang),
            date=iso, output=str(values.get("output", "")).strip(),
            template=str(values.get("template", "")).strip(),
            sets={n: _cell_text(v, lang) for n, v in values.items() if n not in KNOWN},
        ))
    if not rows:
        raise DeckgenError(f"{path}: no companies below the header row; add one per row")
    return rows
