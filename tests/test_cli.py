"""The command line: thin, conventional, and quick to start."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from pptx import Presentation

from deckgen import __version__
from deckgen.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_help_does_not_import_heavy_modules():
    code = ("import sys; from deckgen.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('pptx', 'lxml', 'jinja2', 'yaml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_python_m_deckgen_builds_in_empty_folder(tmp_path):
    out = subprocess.run([sys.executable, "-m", "deckgen", "build", "--company", "Acme"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    path = Path(out.stdout.strip())
    assert path == tmp_path / "acme-social-media-plaedoyer.pptx" and path.is_file()


def test_several_companies_one_deck_each_into_folder(tmp_path):
    result = run("build", "--company", "Acme", "--company", "Müller & Söhne", "-o",
                 str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["acme-social-media-plaedoyer.pptx",
                     "mueller-soehne-social-media-plaedoyer.pptx"]


def test_set_overrides_vars(tmp_path):
    content = tmp_path / "c.yaml"
    text = (Path(__file__).parent.parent / "content" / "plea.yaml").read_text(encoding="utf-8")
    text = text.replace("vars: {}", 'vars:\n  unit: "Stabsstelle"').replace(
        'title: "Quellen"', 'title: "Quellen für die {{ unit }}"')
    content.write_text(text, encoding="utf-8")
    result = run("build", "--company", "Acme", "--content", str(content), "--set",
                 "unit=Abteilung X", "-o", str(tmp_path / "d.pptx"))
    assert result.exit_code == 0, result.output
    prs = Presentation(str(tmp_path / "d.pptx"))
    assert prs.slides[-1].shapes.title.text_frame.text == "Quellen für die Abteilung X"


def test_english_edition(tmp_path):
    result = run("build", "--company", "Acme", "--lang", "en", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    deck = tmp_path / "acme-social-media-plea.pptx"
    xml = Presentation(str(deck)).slides[1]._element.xml
    assert 'lang="en-US"' in xml and 'lang="de-DE"' not in xml


def test_check_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("check")
    assert result.exit_code == 0 and result.output.startswith("OK:")
    assert list(tmp_path.iterdir()) == []


def test_schema_command_prints_json():
    result = run("schema")
    kinds = json.loads(result.output)["properties"]["slides"]["items"]["oneOf"]
    assert {k["properties"]["kind"]["const"] for k in kinds} >= {"statistic", "points", "table"}


def test_inspect_table_and_json():
    result = run("inspect")
    assert result.exit_code == 0
    assert "statistic" in result.output and "Big Number" in result.output
    data = json.loads(run("inspect", "--json").output)
    assert {r["role"] for r in data["roles"]} >= {"title", "point", "closing"}
    assert data["slide_size_emu"] == [12192000, 6858000]


def test_template_new_builds_usable_template(tmp_path):
    result = run("template", "new", "acme", "--primary", "#FFD700", "--font", "Arial",
                 "--dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    folder = tmp_path / "acme"
    assert (folder / "template.pptx").is_file() and (folder / "template.yaml").is_file()
    built = run("build", "--company", "Acme", "--template", str(folder), "-o",
                str(tmp_path / "d.pptx"))
    assert built.exit_code == 0, built.output
    theme = [p for p in Presentation(str(tmp_path / "d.pptx")).part.package.iter_parts()
             if p.partname.endswith("theme1.xml")][0].blob
    assert b"FFD700" in theme and b'typeface="Arial"' in theme


def test_pdf_without_libreoffice_still_writes_deck(tmp_path, monkeypatch):
    import deckgen.output.export

    monkeypatch.setattr(deckgen.output.export, "soffice", lambda: None)
    result = run("build", "--company", "Acme", "--pdf", "-o", str(tmp_path / "d.pptx"))
    assert result.exit_code == 0
    assert (tmp_path / "d.pptx").is_file() and "LibreOffice is not installed" in result.output


def test_template_new_with_logo_puts_it_on_title_and_closing(tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (200, 80), (200, 30, 30)).save(logo)
    result = run("template", "new", "acme", "--primary", "#E30613", "--logo", str(logo),
                 "--dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    prs = Presentation(str(tmp_path / "acme" / "template.pptx"))
    with_logo = {la.name for la in prs.slide_layouts
                 if any(sh.shape_type == 13 for sh in la.shapes)}  # MSO_SHAPE_TYPE.PICTURE
    assert {"Title Slide", "Closing"} <= with_logo
    descr = [sh._element.xpath("./p:nvPicPr/p:cNvPr/@descr")[0]
             for la in prs.slide_layouts for sh in la.shapes if sh.shape_type == 13]
    assert descr and all(d for d in descr)
