"""The cell values of an Excel workbook's first sheet, read with zipfile and lxml.

A company list needs the values of one sheet, not a spreadsheet library: openpyxl would be a
new dependency with a slow import, and it would unpack whatever the archive claims. This reads
only the parts it needs (workbook, its relationships, shared strings, styles for date cells,
the first sheet), each under a size cap, through the hardened XML parser templates use.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import zipfile
from pathlib import Path

from deckgen.errors import DeckgenError
from deckgen.xmlsafe import BrokenXml, parse

MAX_PART_BYTES = 50_000_000
MAX_ROWS, MAX_COLUMNS = 10_000, 500  # a company list, not a database
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NS_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# Built-in number formats that show a date (ECMA-376 part 1, 18.8.30).
_DATE_FORMATS = set(range(14, 18)) | {22, 27, 30, 36, 50, 57}
_CELL = re.compile(r"([A-Z]{1,3})(\d+)")
Cell = str | dt.date


def _part(zf: zipfile.ZipFile, name: str, path: Path, required: bool = True) -> object:
    """The parsed XML of one part (None if absent and not required), read under its cap."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        if required:
            raise DeckgenError(f"{path}: not an Excel workbook ({name} is missing); "
                               "save it as .xlsx or .csv") from None
        return None
    with zf.open(info) as fh:
        blob = fh.read(MAX_PART_BYTES + 1)
    if len(blob) > MAX_PART_BYTES:
        raise DeckgenError(f"{path}: {name} is larger than {MAX_PART_BYTES} bytes; "
                           "save the list as .csv")
    try:
        return parse(blob)[0]
    except BrokenXml as exc:
        raise DeckgenError(f"{path}: {name} is damaged ({exc}); save the workbook again") from None


def _first_sheet(zf: zipfile.ZipFile, path: Path) -> tuple[str, bool]:
    """The first sheet's part name, and whether dates count from 1904 (old Mac workbooks)."""
    book = _part(zf, "xl/workbook.xml", path)
    sheet = book.find(f"{NS}sheets/{NS}sheet")  # type: ignore[attr-defined]
    if sheet is None:
        raise DeckgenError(f"{path}: the workbook has no sheet")
    pr = book.find(f"{NS}workbookPr")  # type: ignore[attr-defined]
    date1904 = pr is not None and pr.get("date1904") in ("1", "true")
    rels = _part(zf, "xl/_rels/workbook.xml.rels", path)
    rid = sheet.get(f"{NS_R}id")
    for rel in rels.iter(f"{NS_PKG}Relationship"):  # type: ignore[attr-defined]
        if rel.get("Id") == rid:
            target = rel.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join("xl", target))
            return name, date1904
    raise DeckgenError(f"{path}: the first sheet's part is missing; save the workbook again")


def _text(el: object) -> str:
    """A string item's text: its runs joined, phonetic hints (rPh) left out."""
    return "".join(t.text or "" for t in el.iter(f"{NS}t")  # type: ignore[attr-defined]
                   if t.getparent().tag != f"{NS}rPh")


def _date_styles(zf: zipfile.ZipFile, path: Path) -> set[int]:
    """Indexes of the cell styles that show a date, so their serial numbers become dates."""
    styles = _part(zf, "xl/styles.xml", path, required=False)
    if styles is None:
        return set()
    custom = {int(f.get("numFmtId", "0")) for f in styles.iter(f"{NS}numFmt")  # type: ignore[attr-defined]
              if re.search(r"[dy]", re.sub(r'"[^"]*"|\[[^\]]*\]', "", f.get("formatCode", "").lower()))}
    xfs = styles.find(f"{NS}cellXfs")  # type: ignore[attr-defined]
    if xfs is None:
        return set()
    return {i for i, xf in enumerate(xfs.findall(f"{NS}xf"))
            if int(xf.get("numFmtId", "0")) in _DATE_FORMATS | custom}


def _number(text: str, is_date: bool, date1904: bool) -> Cell:
    value = float(text)
    if is_date and 0 < value < 2_958_466:
        base = dt.date(1904, 1, 1) if date1904 else dt.date(1899, 12, 30)
        return base + dt.timedelta(days=int(value))
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def read_sheet(data: bytes, path: Path) -> list[list[Cell]]:
    """The first sheet as rows of cell values (text, or a date for date-formatted cells)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise DeckgenError(f"{path}: not an Excel .xlsx workbook (an old .xls? save it as "
                           ".xlsx or .csv)") from None
    with zf:
        name, date1904 = _first_sheet(zf, path)
        shared_root = _part(zf, "xl/sharedStrings.xml", path, required=False)
        shared = [_text(si) for si in shared_root.iter(f"{NS}si")] if shared_root is not None else []  # type: ignore[attr-defined]
        dates = _date_styles(zf, path)
        sheet = _part(zf, name, path)
    rows: dict[int, dict[int, Cell]] = {}
    for row_no, row in enumerate(sheet.iter(f"{NS}row"), start=1):  # type: ignore[attr-defined]
        r = int(row.get("r", row_no))
        if r > MAX_ROWS:
            raise DeckgenError(f"{path}: row {r}: a list of at most {MAX_ROWS} rows is read; "
                               "split the list")
        for col_no, c in enumerate(row.iter(f"{NS}c")):
            m = _CELL.fullmatch(c.get("r", ""))
            col = _column(m.group(1)) if m else col_no
            if col >= MAX_COLUMNS:
                raise DeckgenError(f"{path}: row {r}: a list of at most {MAX_COLUMNS} columns "
                                   "is read; remove the cells far to the right")
            kind, v = c.get("t", "n"), c.find(f"{NS}v")
            if kind == "inlineStr":
                value: Cell = _text(c.find(f"{NS}is")) if c.find(f"{NS}is") is not None else ""
            elif v is None or v.text is None:
                continue
            elif kind == "s":
                idx = int(v.text)
                value = shared[idx] if 0 <= idx < len(shared) else ""
            elif kind == "b":
                value = "TRUE" if v.text.strip() == "1" else "FALSE"
            elif kind == "n":
                try:
                    value = _number(v.text, int(c.get("s", "0")) in dates, date1904)
                except ValueError:
                    value = v.text
            else:  # str (a formula's text), e (an error like #N/A), d (ISO date)
                value = v.text
            rows.setdefault(r, {})[col] = value
    if not rows:
        return []
    width = max(max(cells) for cells in rows.values() if cells) + 1
    return [[rows.get(r, {}).get(c, "") for c in range(width)] for r in range(1, max(rows) + 1)]


def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1
