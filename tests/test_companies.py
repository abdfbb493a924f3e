"""``deckgen build --companies FILE``: a company list as Excel writes it (issue 12)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from pptx import Presentation

from deckgen.cli import main
from deckgen.errors import DeckgenError
from deckgen.pitch.companies import read_companies

NOTES = "Zwei Sätze Notizen. Damit ist die Folie besprochen."


def content(folder: Path) -> Path:
    """A short pitch that shows a list column (``region``) and the date on its slides."""
    data = {"lang": "de-DE", "slides": [
        {"kind": "title", "title": "Ein Team für {{ company }}",
         "subtitle": "Region {{ region }}", "notes": NOTES},
        {"kind": "statement", "title": "Kern", "text": "Am {{ date }} in {{ region }}.",
         "notes": NOTES}]}
    path = folder / "pitch.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def texts(deck: Path) -> str:
    prs = Presentation(str(deck))
    return " ".join(s.text_frame.text for slide in prs.slides for s in slide.shapes
                    if s.has_text_frame).replace("\u00a0", " ").replace("\u00ad", "")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_german_excel_csv_with_bom_and_semicolons(tmp_path):
    listing = tmp_path / "Firmen Liste.csv"
    listing.write_bytes("\ufeffcompany;presenter;date;region\r\n"
                        "Müller & Söhne GmbH;Jana Beispiel;03.12.2026;Süd\r\n"
                        '"Beta; AG";;2026-12-04;Nord\r\n'
                        ";;;\r\n".encode())
    out = tmp_path / "Decks"
    result = run("build", "--companies", str(listing), "--content", str(content(tmp_path)),
                 "-o", str(out))
    assert result.exit_code == 0, result.output
    decks = sorted(out.glob("*.pptx"))
    assert len(decks) == 2
    first = next(d for d in decks if "mueller" in d.name.lower() or "muller" in d.name.lower())
    body = texts(first)
    assert "Müller & Söhne GmbH" in body and "Region Süd" in body and "3. Dezember 2026" in body
    assert Presentation(str(first)).core_properties.author == "Jana Beispiel"
    beta = texts(next(d for d in decks if d != first))
    assert "Beta; AG" in beta and "Nord" in beta and "4. Dezember 2026" in beta


def test_comma_csv_without_bom_and_per_row_output_and_template(tmp_path):
    listing = tmp_path / "list.csv"
    listing.write_text("Company,Output,Template,region\nAcme,acme/pitch.pptx,dark,West\n"
                       "Beta,,,Ost\n", encoding="utf-8")
    result = run("build", "--companies", str(listing), "--content", str(content(tmp_path)),
                 "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    acme = tmp_path / "out" / "acme" / "pitch.pptx"
    assert acme.is_file() and "West" in texts(acme)
    others = [p for p in (tmp_path / "out").glob("*.pptx")]
    assert len(others) == 1 and "Ost" in texts(others[0])
    assert str(acme) in result.output


def test_xlsx_first_sheet_with_date_cells(tmp_path):
    import xlsxwriter

    listing = tmp_path / "Firmen.xlsx"
    book = xlsxwriter.Workbook(str(listing))
    sheet = book.add_worksheet("Tochterfirmen")
    other = book.add_worksheet("Notizen")
    other.write(0, 0, "not read")
    datefmt = book.add_format({"num_format": "dd.mm.yyyy"})
    for col, name in enumerate(["company", "presenter", "date", "region", "headcount"]):
        sheet.write(0, col, name)
    sheet.write(1, 0, "Acme Deutschland GmbH")
    sheet.write(1, 1, "Jana")
    sheet.write_datetime(1, 2, dt.datetime(2026, 12, 3), datefmt)
    sheet.write(1, 3, "Bayern")
    sheet.write_number(1, 4, 12)
    sheet.write(3, 0, "Gamma KG")  # after an empty row
    sheet.write_string(3, 2, "04.12.2026")
    book.close()
    rows = read_companies(listing)
    assert [r.company for r in rows] == ["Acme Deutschland GmbH", "Gamma KG"]
    assert [r.line for r in rows] == [2, 4]
    assert rows[0].date == "2026-12-03" and rows[1].date == "2026-12-04"
    assert rows[0].sets == {"region": "Bayern", "headcount": "12"}
    result = run("build", "--companies", str(listing), "--content", str(content(tmp_path)),
                 "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "out").glob("*.pptx"))) == 2


@pytest.mark.parametrize(("text", "expected"), [
    ("kunde;region\nAcme;Süd\n", "row 1 has no company column; name it company, Firma"),
    ("company;region\nAcme;Süd\n;Nord\n", "row 3, column company: empty"),
    ("company;date\nAcme;2026-12-03\nBeta;31.02.2026\n", "row 3, column date:"),
    ("company;date\nAcme;03.12.0999\n", "row 2, column date:"),
    ("company;contact person\nAcme;Jana\n", "row 1, column 2 ('contact person')"),
    ("company;value\nAcme;3\n", "row 1, column 2 ('value')"),
    ("company;company\nAcme;Beta\n", "appears twice"),
    ("company\n\n", "no companies below the header"),
    ("", "the company list is empty"),
    ("company;region\nAcme;Süd;extra\n", "row 2: more cells than the header"),
])
def test_list_errors_name_file_row_and_column(tmp_path, text, expected):
    listing = tmp_path / "list.csv"
    listing.write_text(text, encoding="utf-8")
    with pytest.raises(DeckgenError) as err:
        read_companies(listing)
    message = str(err.value)
    assert str(listing) in message and expected in message and "\n" not in message


def test_nothing_written_unless_every_row_builds(tmp_path):
    listing = tmp_path / "list.csv"
    listing.write_text("company;template;region\nAcme;;Süd\nBeta;no-such-template;Nord\n",
                       encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", "--companies", str(listing), "--content", str(content(tmp_path)),
                 "-o", str(out))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "list.csv: row 3, column template" in lines[0]
    assert not out.exists() or not list(out.iterdir())


def test_two_rows_one_file_is_refused(tmp_path):
    listing = tmp_path / "list.csv"
    listing.write_text("company,output\nAcme,deck.pptx\nBeta,DECK.pptx\n", encoding="utf-8")
    result = run("build", "--companies", str(listing), "--content", str(content(tmp_path)),
                 "-o", str(tmp_path / "out"))
    assert result.exit_code == 1 and "rows 2 ('Acme') and 3 ('Beta') both write" in result.output


def test_not_a_list_file(tmp_path):
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0")
    result = run("build", "--companies", str(xls))
    assert result.exit_code == 1 and "give a .csv or .xlsx file" in result.output
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"company\nAcme\n")
    result = run("build", "--companies", str(fake))
    assert result.exit_code == 1 and "not an Excel .xlsx workbook" in result.output


def test_excel_windows_code_page_csv(tmp_path):
    listing = tmp_path / "list.csv"
    listing.write_bytes("company;region\nMüller AG;Süd\n".encode("cp1252"))
    (row,) = read_companies(listing)
    assert row.company == "Müller AG" and row.sets == {"region": "Süd"}


def test_company_and_companies_together_are_refused(tmp_path):
    listing = tmp_path / "list.csv"
    listing.write_text("company\nAcme\n", encoding="utf-8")
    result = run("build", "--company", "X", "--companies", str(listing))
    assert result.exit_code == 1 and "not both" in result.output
