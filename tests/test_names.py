"""File names from company names in any script, and two companies never sharing one
(issue 22)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import ROOT

import deckgen
from deckgen.cli import main
from deckgen.errors import DeckgenError
from deckgen.output.naming import deck_filename, distinct_names
from deckgen.pitch.slug import slug


@pytest.mark.parametrize(("company", "expected"), [
    ("Łódź Sp. z o.o.", "lodz-sp-z-o-o"),
    ("Ünïcødé 日本", "uenicode-riben"),
    ("Müller & Söhne", "mueller-soehne"),
    ("Société Générale", "societe-generale"),
    ("Ørsted A/S", "orsted-a-s"),
    ("İstanbul A.Ş.", "istanbul-a-s"),
    ("Газпром", "gazprom"),
    ("北京字节跳动", "beijingzijietiaodong"),
    ("東京株式会社", "dongjingzhushihuishe"),
    ("شركة أرامكو", "shrkh-rmkw"),
    ("Ἀθῆναι", "athinai"),
])
def test_names_in_any_script_give_readable_ascii(company, expected):
    assert slug(company) == expected
    assert deck_filename(company, "plea") == f"{expected}-plea.pptx"


def test_a_name_nothing_transliterates_still_gets_a_stable_name():
    assert slug("\u2063") == slug("\u2063") and slug("\u2063").startswith("company-")


def test_latin_names_do_not_load_the_transliteration_tables():
    code = ("import sys; from deckgen.pitch.slug import slug; slug('Müller & Söhne'); "
            "slug('Société'); print('anyascii' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("pair", [("Acme", "**Acme**"), ("Acme", "Acme!"), ("ACME GmbH", "Acme-GmbH")])
def test_two_companies_one_file_name_is_an_error_naming_both(pair):
    with pytest.raises(DeckgenError) as err:
        distinct_names(list(pair), "plea")
    message = str(err.value)
    assert repr(pair[0]) in message and repr(pair[1]) in message and "acme" in message


def test_the_same_company_twice_is_said_so():
    with pytest.raises(DeckgenError, match="'Acme' is given twice"):
        distinct_names(["Acme", "Beta", "Acme"], "plea")
    with pytest.raises(DeckgenError, match="'Acme' and 'acme' are one company"):
        distinct_names(["Acme", "acme"], "plea")


def test_markup_twins_in_one_run_and_across_runs(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["build", "--company", "Acme", "--company", "**Acme**",
                                  "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "'Acme' and '**Acme**' both give the file name" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not list(tmp_path.iterdir())
    (first,) = deckgen.build("Acme", output=tmp_path)
    before = first.read_bytes()
    result = runner.invoke(main, ["build", "--company", "**Acme**", "-o", str(tmp_path)])
    assert result.exit_code == 1 and "holds the deck for 'Acme'" in result.stderr
    assert "'**Acme**' gives the same file name" in result.stderr
    assert first.read_bytes() == before  # Acme's deck was not replaced by **Acme**'s
    deckgen.build("ACME", output=tmp_path)  # the same company written otherwise: rebuilt


def test_company_list_rows_that_collide_name_both(tmp_path):
    listing = tmp_path / "firmen.csv"
    listing.write_text("Firma\nAcme\n**Acme**\n", encoding="utf-8")
    with pytest.raises(DeckgenError, match=r"rows 2 \('Acme'\) and 3 \('\*\*Acme\*\*'\)"):
        deckgen.build(companies=listing, output=tmp_path / "out")
