"""Wider inputs (issue 22): company lists as German offices name their columns, YAML tags
deckgen does not read, long lists of known names, and Ctrl-C during previews."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from test_companies import content

import deckgen
from deckgen.cli import main
from deckgen.errors import DeckgenError
from deckgen.listing import some
from deckgen.pitch.companies import read_companies


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("heading", ["company", "Company", "Firma", "FIRMA", "Unternehmen",
                                     "unternehmen", "Name", "NAME"])
def test_company_column_by_the_names_people_use(tmp_path, heading):
    listing = tmp_path / "liste.csv"
    listing.write_text(f"{heading};region\nAcme;Süd\nBeta AG;Nord\n", encoding="utf-8")
    rows = read_companies(listing)
    assert [r.company for r in rows] == ["Acme", "Beta AG"] and rows.column == heading
    assert rows[0].sets == {"region": "Süd"}


def test_firma_wins_over_name_and_the_column_is_said(tmp_path):
    listing = tmp_path / "liste.csv"
    listing.write_text("Name;Firma;region\nJana;Acme;Süd\n", encoding="utf-8")
    rows = read_companies(listing)
    assert rows[0].company == "Acme" and rows[0].sets == {"Name": "Jana", "region": "Süd"}
    lines: list[str] = []
    deckgen.build(companies=listing, output=tmp_path / "out", content=content(tmp_path),
                  report=lines.append)
    assert lines == ["liste.csv: company names from column 'Firma'"]


def test_column_option_names_the_column(tmp_path):
    listing = tmp_path / "liste.csv"
    listing.write_text("Kunde;Firma;region\nAcme;Mutter AG;Süd\n", encoding="utf-8")
    assert read_companies(listing, column="kunde")[0].company == "Acme"
    result = run("build", "--companies", str(listing), "--column", "Kunde", "--content",
                 str(content(tmp_path)), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "company names from column 'Kunde'" in result.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["acme-pitch.pptx"]


def test_column_that_is_not_there_lists_the_columns(tmp_path):
    listing = tmp_path / "liste.csv"
    listing.write_text("Kunde;Ort\nAcme;Köln\n", encoding="utf-8")
    result = run("build", "--companies", str(listing), "--column", "Firmenname",
                 "--content", str(content(tmp_path)), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"Error: --column: {listing}: row 1 has no column "
                                     "'Firmenname' (columns: 'Kunde', 'Ort')")
    with pytest.raises(DeckgenError, match="column: only together with companies FILE"):
        deckgen.build("Acme", column="Firma", output=tmp_path / "x")


def test_many_columns_are_listed_ten_and_counted(tmp_path):
    listing = tmp_path / "liste.csv"
    listing.write_text(";".join(f"c{i}" for i in range(40)) + "\n" + ";" * 39 + "\n",
                       encoding="utf-8")
    with pytest.raises(DeckgenError) as err:
        read_companies(listing)
    assert "'c9' … and 30 more)" in str(err.value) and "'c10'" not in str(err.value)


@pytest.mark.parametrize(("line", "tag"), [('lang: !foo "de-DE"', "'!foo'"),
                                           ("slug: !!python/object:os.system x", "'!!python"),
                                           ("title: !!binary aGFsbG8=", "'!!binary'")])
def test_unknown_yaml_tag_names_line_and_tag(tmp_path, line, tag):
    path = tmp_path / "pitch.yaml"
    text = content(tmp_path).read_text(encoding="utf-8")
    path.write_text(f"# eine Zeile\n{line}\n" + "\n".join(
        x for x in text.splitlines() if not x.startswith(line.split(":")[0] + ":")) + "\n",
        encoding="utf-8")
    result = run("build", "--company", "Acme", "--content", str(path), "-o", str(tmp_path / "o"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}:2: unknown YAML tag {tag}")
    assert len(result.stderr.strip().splitlines()) == 1 and not (tmp_path / "o").exists()


def test_standard_tags_still_read(tmp_path):
    path = tmp_path / "pitch.yaml"
    text = content(tmp_path).read_text(encoding="utf-8").replace("lang: de-DE", "lang: !!str de-DE")
    path.write_text(text, encoding="utf-8")
    deckgen.build("Acme", content=path, output=tmp_path / "o.pptx", sets={"region": "Süd"})


def test_undefined_variable_with_many_sets_is_one_short_line(tmp_path):
    path = tmp_path / "pitch.yaml"
    path.write_text(content(tmp_path).read_text(encoding="utf-8").replace("{{ region }}",
                                                                          "{{ regio }}"),
                    encoding="utf-8")
    sets = [f"--set=v{i:05d}=x" for i in range(10_000)]
    result = run("build", "--company", "Acme", "--content", str(path), *sets,
                 "-o", str(tmp_path / "o"))
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert "undefined variable 'regio'" in line and "… and " in line and " more)" in line
    assert len(line) < 400 and "\n" not in line


def test_some_cuts_long_names_and_lists():
    assert some(["a", "b"]) == "a, b"
    assert some([str(i) for i in range(12)]) == "0, 1, 2, 3, 4, 5, 6, 7, 8, 9 … and 2 more"
    assert some(["x" * 500]) == "x" * 59 + "…"


def _interrupting_export(pdf_done: int):
    """An export that writes the first ``pdf_done`` PDFs, then is stopped by Ctrl-C."""
    def export_all(decks, pdf, png_dir, png_width=1280, budget=None):
        for deck in list(decks)[:pdf_done]:
            deck.with_suffix(".pdf").write_bytes(b"%PDF-1.4\n")
        raise KeyboardInterrupt
    return export_all


def test_ctrl_c_during_previews_says_what_was_written(tmp_path, monkeypatch):
    import deckgen.output.export as export

    monkeypatch.setattr(export, "export_all", _interrupting_export(1))
    out = tmp_path / "out"
    result = run("build", "--company", "Acme", "--company", "Beta", "-o", str(out), "--pdf",
                 "--png", str(tmp_path / "png"))
    assert result.exit_code == 130
    line = result.stderr.strip().splitlines()[-1]  # after the progress bar
    assert line.startswith("Interrupted while making previews: the 2 deck(s) are written")
    assert "acme-social-media-plaedoyer.pptx, beta-social-media-plaedoyer.pptx" in line
    assert "written: acme-social-media-plaedoyer.pdf;" in line
    assert ("not written: the PNGs of acme-social-media-plaedoyer.pptx, "
            "beta-social-media-plaedoyer.pdf, the PNGs of beta-social-media-plaedoyer.pptx") in line
    assert sorted(p.name for p in out.glob("*.pptx")) == [
        "acme-social-media-plaedoyer.pptx", "beta-social-media-plaedoyer.pptx"]
    assert Path(out / "acme-social-media-plaedoyer.pdf").is_file()
