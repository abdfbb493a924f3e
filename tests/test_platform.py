"""Windows and macOS (issue 12): fonts without fontconfig, LibreOffice at its install locations,
paths with spaces, one time budget for previews, dates as Germans write them, completion."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import soffice
from PIL import Image

import deckgen
from deckgen.cli import main
from deckgen.errors import DeckgenError
from deckgen.output import export
from deckgen.pitch import dates
from deckgen.typeset import fontdirs, fonts

# Installed fonts and their metric twins. A family with neither (Calibri Light here) falls back
# to "a common sans", which fontconfig and the folder scan may choose differently by design.
FAMILIES = ["Carlito", "Liberation Sans", "Calibri", "Arial", "Cambria"]


@pytest.fixture
def no_fontconfig(monkeypatch):
    """Measure as on Windows/macOS: fontconfig (library and fc-match) counts as absent."""
    monkeypatch.setattr(fonts, "has_fontconfig", lambda: False)
    fonts.font_face.cache_clear()
    fonts.metrics.cache_clear()
    yield
    fonts.font_face.cache_clear()
    fonts.metrics.cache_clear()


# -- fonts --------------------------------------------------------------------------------------

@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("bold", [False, True])
def test_font_folders_find_the_files_fontconfig_finds(family, bold):
    assert fonts.has_fontconfig(), "this test compares against fontconfig"
    by_fontconfig = fonts._fontconfig_face(family, bold)
    assert by_fontconfig is not None
    assert fonts._scanned_face(family, bold) == by_fontconfig


@pytest.mark.parametrize("family", ["Carlito", "Liberation Sans"])
def test_no_fontconfig_measures_the_same_widths(family, no_fontconfig):
    texts = ["Social Media braucht eine eigene Abteilung", "46,5 %", "Müller & Söhne"]
    scanned = fonts.metrics(family, False)
    with_fc = fonts.Metrics(*fonts._fontconfig_face(family, False))
    assert scanned.path == with_fc.path
    assert [scanned.width(t) for t in texts] == [with_fc.width(t) for t in texts]
    assert scanned.line == with_fc.line and scanned.width(texts[0]) > 10


def _font_sizes(deck: Path) -> list[bytes]:
    import re

    with zipfile.ZipFile(deck) as zf:
        return [m for n in sorted(zf.namelist()) if n.startswith("ppt/slides/slide")
                for m in re.findall(rb'sz="\d+"|fontScale="\d+"', zf.read(n))]


@pytest.mark.parametrize("template", ["default", "dark"])
def test_deck_without_fontconfig_has_the_same_sizes(tmp_path, template, monkeypatch):
    (a,) = deckgen.build("Acme", template=template, output=tmp_path / "fc.pptx")
    monkeypatch.setattr(fonts, "has_fontconfig", lambda: False)
    fonts.font_face.cache_clear()
    fonts.metrics.cache_clear()
    try:
        assert fonts.metrics("Calibri").path.endswith("Carlito-Regular.ttf")
        (b,) = deckgen.build("Acme", template=template, output=tmp_path / "scan.pptx")
    finally:
        fonts.font_face.cache_clear()
        fonts.metrics.cache_clear()
    sizes = _font_sizes(a)
    assert sizes and sizes == _font_sizes(b)


def test_windows_and_macos_font_folders():
    env = {"WINDIR": r"D:\Windows", "LOCALAPPDATA": r"C:\Users\Jana Beispiel\AppData\Local"}
    assert fontdirs.font_dirs("win32", env, Path("C:/Users/Jana Beispiel")) == [
        Path(r"D:\Windows") / "Fonts",
        Path(r"C:\Users\Jana Beispiel\AppData\Local") / "Microsoft" / "Windows" / "Fonts"]
    home = Path("/Users/jana")
    assert fontdirs.font_dirs("darwin", {}, home) == [
        Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    linux = fontdirs.font_dirs("linux", {}, Path("/home/jana"))
    assert Path("/usr/share/fonts") in linux and Path("/home/jana/.fonts") in linux


def test_windows_font_folder_is_scanned_by_name_table(tmp_path, monkeypatch, no_fontconfig):
    """Files named as on Windows (calibri.ttf, calibrib.ttf), found by what they say they are."""
    windir = tmp_path / "Win dows"
    (windir / "Fonts").mkdir(parents=True)
    src = Path(fonts._fontconfig_face("Carlito", False)[0]).parent
    shutil.copy(src / "Carlito-Regular.ttf", windir / "Fonts" / "calibri.ttf")
    shutil.copy(src / "Carlito-Bold.ttf", windir / "Fonts" / "calibrib.ttf")
    (windir / "Fonts" / "broken.ttf").write_bytes(b"not a font")
    ttc = windir / "Fonts" / "empty.ttc"
    ttc.write_bytes(b"ttcf\x00\x01\x00\x00\x00\x00\x00\x02")  # claims 2 faces, has none
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", str(windir))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "nothing"))
    dirs = fontdirs.font_dirs()
    assert dirs[0] == windir / "Fonts"
    assert fontdirs._collection_size(str(ttc)) == 2 and fontdirs.read_faces(str(ttc)) == []
    assert fonts.font_file("Calibri") == str(windir / "Fonts" / "calibri.ttf")
    assert fonts.font_file("Calibri", bold=True) == str(windir / "Fonts" / "calibrib.ttf")
    # a font the folder does not have falls back to a common face of its kind, not to nothing
    assert fonts.font_file("Comic Sans MS") is not None


def test_missing_serif_is_measured_as_a_serif_without_fontconfig(tmp_path, monkeypatch, no_fontconfig):
    """A serif corporate font (Georgia, Cambria without Caladea) is measured as a serif, as
    fontconfig would, not as the first sans of the folder."""
    fontdir = tmp_path / "Fonts"
    fontdir.mkdir()
    for face in ("Liberation Sans", "Liberation Serif"):
        shutil.copy(fonts._fontconfig_face(face, False)[0], fontdir)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", str(tmp_path))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "nothing"))
    assert fonts.font_file("Georgia").endswith("LiberationSerif-Regular.ttf")
    assert fonts.font_file("Cambria").endswith("LiberationSerif-Regular.ttf")
    assert fonts.font_file("Noto Serif Display").endswith("LiberationSerif-Regular.ttf")
    assert fonts.font_file("Open Sans").endswith("LiberationSans-Regular.ttf")
    assert fonts.font_file("Microsoft Sans Serif").endswith("LiberationSans-Regular.ttf")


def test_style_matching_prefers_the_requested_weight(tmp_path):
    src = Path(fonts._fontconfig_face("Liberation Sans", False)[0]).parent
    for name in ("Regular", "Bold", "Italic", "BoldItalic"):
        shutil.copy(src / f"LiberationSans-{name}.ttf", tmp_path / f"f{name}.ttf")
    face = fontdirs.find("Liberation Sans", False, [tmp_path])
    assert face is not None and face.style == "Regular"
    face = fontdirs.find("liberation  sans", True, [tmp_path])
    assert face is not None and face.style == "Bold"
    assert fontdirs.find("Liberation Sans Italic", False, [tmp_path]).style == "Italic"
    assert fontdirs.find("Nonexistent", False, [tmp_path]) is None


# -- LibreOffice --------------------------------------------------------------------------------

def _fake_exe(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_libreoffice_found_in_windows_program_files(tmp_path):
    exe = _fake_exe(tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe")
    env = {"ProgramFiles": str(tmp_path / "Program Files"), "PATH": ""}
    assert export.find_soffice("win32", env) == str(exe)
    x86 = {"ProgramFiles(x86)": str(tmp_path / "Program Files"), "PATH": ""}
    assert export.find_soffice("win32", x86) == str(exe)
    assert Path(r"C:\Program Files") / "LibreOffice" / "program" / "soffice.exe" in \
        export.candidates("win32", {})


def test_libreoffice_found_in_macos_applications(tmp_path):
    assert Path("/Applications/LibreOffice.app/Contents/MacOS/soffice") in \
        export.candidates("darwin", {"HOME": str(tmp_path)})
    exe = _fake_exe(tmp_path / "Applications" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice")
    assert export.find_soffice("darwin", {"HOME": str(tmp_path), "PATH": ""}) == str(exe)


def test_libreoffice_on_the_path_comes_first(tmp_path):
    exe = _fake_exe(tmp_path / "bin with space" / "soffice")
    env = {"PATH": str(exe.parent), "ProgramFiles": str(tmp_path / "none")}
    assert export.find_soffice("win32", env) == str(exe)


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status


@pytest.mark.skipif(os.name == "nt", reason="POSIX process groups")
def test_timeout_ends_soffice_and_everything_it_started(tmp_path):
    pidfile = tmp_path / "child.pid"
    cmd = ["/bin/sh", "-c", f"sleep 60 & echo $! > '{pidfile}'; wait"]
    start = time.monotonic()
    with pytest.raises(DeckgenError, match="took longer"):
        export.run_grouped(cmd, 1.0, "deck.pptx")
    assert time.monotonic() - start < 10
    child = int(pidfile.read_text())
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)


def test_one_soffice_run_and_one_budget_for_all_decks(tmp_path, monkeypatch):
    calls: list[tuple[list[str], float]] = []

    def fake_run(cmd, timeout, what, total=export.TIMEOUT):
        calls.append((cmd, timeout))
        outdir = Path(cmd[cmd.index("--outdir") + 1])
        for arg in cmd[cmd.index("--outdir") + 2:]:
            (outdir / (Path(arg).stem + ".pdf")).write_bytes(b"%PDF-1.4")

    monkeypatch.setattr(export, "soffice", lambda: "/opt/lo/soffice")
    monkeypatch.setattr(export, "run_grouped", fake_run)
    decks = []
    for folder, name in (("a", "x"), ("b b", "y"), ("c", "x")):  # two share a file name
        (tmp_path / folder).mkdir()
        decks.append(tmp_path / folder / f"{name}.pptx")
        decks[-1].write_bytes(b"PK")
    budget = export.Budget(100)
    made, notes = export.export_all(decks, True, None, budget=budget)
    assert notes == [] and made == [d.with_suffix(".pdf") for d in decks]
    assert all(p.read_bytes() == b"%PDF-1.4" for p in made)
    assert len(calls) == 2  # x.pptx twice cannot share one output folder
    assert all(t <= 100 for _, t in calls)
    assert any(a.startswith("-env:UserInstallation=file:///") for a in calls[0][0])
    budget.deadline = time.monotonic() - 1  # the run's budget is spent: no new conversion
    with pytest.raises(DeckgenError, match="took longer than 100 s together"):
        export.export_all(decks, True, None, budget=budget)


def test_png_into_a_file_is_one_line_and_writes_nothing(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    for target in ("notes.txt", "notes.txt/sub"):
        result = CliRunner().invoke(main, ["build", "--company", "Acme", "-o",
                                           str(tmp_path / "d.pptx"), "--png",
                                           str(tmp_path / target)])
        assert result.exit_code == 1
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and "--png" in lines[0] and "notes.txt" in lines[0]
        assert not (tmp_path / "d.pptx").exists()


def test_png_width_defaults_to_1280():
    opt = next(p for p in main.get_command(None, "build").params if p.name == "png_width")
    assert opt.default == 1280 == export.PNG_WIDTH


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_previews_in_folders_with_spaces(tmp_path):
    out = tmp_path / "Meine Decks (neu)"
    png = tmp_path / "Vorschau Bilder"
    result = CliRunner().invoke(main, ["build", "--company", "Acme", "--company", "Beta AG",
                                       "-o", str(out), "--pdf", "--png", str(png),
                                       "--png-width", "320"])
    assert result.exit_code == 0, result.output
    pdfs = sorted(out.glob("*.pdf"))
    assert len(pdfs) == 2 and all(p.read_bytes().startswith(b"%PDF") for p in pdfs)
    pngs = sorted(png.glob("*.png"))
    assert len(pngs) == 26
    with Image.open(pngs[0]) as im:
        assert im.width == 320


# -- dates --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["2026-12-03", "03.12.2026", "3.12.2026", " 2026-12-3 ",
                                  dt.date(2026, 12, 3), dt.datetime(2026, 12, 3, 15, 30)])
def test_date_forms(text):
    assert dates.parse_date(text) == dt.date(2026, 12, 3)


@pytest.mark.parametrize("text", ["31.02.2026", "2026/12/03", "12/03/2026", "03.12.26",
                                  "0999-01-01", "01.01.1899", "03.12.10000", "morgen",
                                  dt.date(1, 1, 1)])
def test_bad_dates_are_one_line_errors(text):
    with pytest.raises(DeckgenError) as err:
        dates.parse_date(text)
    message = str(err.value)
    assert message.startswith("--date: ") and "\n" not in message


def test_dates_written_per_language():
    day = dt.date(2026, 12, 3)
    assert dates.format_date(day, "de-DE") == "3. Dezember 2026"
    assert dates.format_date(day, "de-AT") == "3. Dezember 2026"
    assert dates.format_date(day, "en-US") == "December 3, 2026"
    assert dates.format_date(day, "en") == "December 3, 2026"
    assert dates.format_date(day, "en-GB") == "3 December 2026"


def test_german_date_on_the_title_slide_and_in_properties(tmp_path):
    from pptx import Presentation

    result = CliRunner().invoke(main, ["build", "--company", "Acme", "--date", "03.12.2026",
                                       "-o", str(tmp_path / "d.pptx")])
    assert result.exit_code == 0, result.output
    prs = Presentation(str(tmp_path / "d.pptx"))
    text = " ".join(s.text_frame.text for s in prs.slides[0].shapes if s.has_text_frame)
    assert "3. Dezember 2026" in text.replace("\u00a0", " ")
    assert prs.core_properties.created == dt.datetime(2026, 12, 3)
    (en,) = deckgen.build("Acme", lang="en", date=dt.date(2026, 12, 3),
                          output=tmp_path / "en.pptx")
    text = " ".join(s.text_frame.text for s in Presentation(str(en)).slides[0].shapes
                    if s.has_text_frame)
    assert "December 3, 2026" in text.replace("\u00a0", " ")


# -- completion ---------------------------------------------------------------------------------

def _complete(words: str, tmp_path: Path) -> list[str]:
    env = {**os.environ, "_DECKGEN_COMPLETE": "bash_complete", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
    out = subprocess.run([sys.executable, "-m", "deckgen"], env=env, capture_output=True,
                         text=True, timeout=60, cwd=tmp_path)
    return [line.split(",", 1)[1] for line in out.stdout.splitlines() if "," in line]


def test_completion_of_templates(tmp_path):
    (tmp_path / "Corporate Master.potx").write_bytes(b"")
    (tmp_path / "brand").mkdir()
    (tmp_path / "notes.txt").write_text("")
    offered = _complete("deckgen build --template ", tmp_path)
    assert "default" in offered and "dark" in offered
    assert "Corporate Master.potx" in offered and "brand/" in offered
    assert "notes.txt" not in offered
    assert _complete("deckgen build --template da", tmp_path) == ["dark"]
    assert "default" in _complete("deckgen inspect ", tmp_path)
    assert _complete("deckgen inspect Corp", tmp_path) == ["Corporate Master.potx"]


# -- the Python API -----------------------------------------------------------------------------

def test_api_signature_and_python_names(tmp_path):
    import inspect

    params = inspect.signature(deckgen.build).parameters
    assert {"company", "companies", "date", "sets", "pdf", "png", "png_width"} <= set(params)
    assert "Build the pitch deck" in (deckgen.build.__doc__ or "")
    with pytest.raises(DeckgenError, match=r"^sets: 'x' is not KEY=VALUE"):
        deckgen.build("Acme", sets=["x"], output=tmp_path / "d.pptx")
    with pytest.raises(DeckgenError, match=r"^sets: 'y y' is not a variable name"):
        deckgen.build("Acme", sets={"y y": "2"}, output=tmp_path / "d.pptx")
    with pytest.raises(DeckgenError, match=r"^date: "):
        deckgen.build("Acme", date="32.01.2026", output=tmp_path / "d.pptx")
    assert not (tmp_path / "d.pptx").exists()
    (deck,) = deckgen.build("Acme", sets={"unused": 3}, date=dt.date(2026, 12, 3),
                            output=tmp_path / "d.pptx")
    assert deck.is_file()


def test_check_returns_a_small_report():
    report = deckgen.check()
    assert isinstance(report, deckgen.CheckReport)
    assert report.roles["title"].layout and report.roles["title"].reason
    text = repr(report)
    assert text.startswith("CheckReport(") and len(text) < 300 and "b'" not in text
    assert "title:" in str(report)


def test_pdf_argument_without_libreoffice_warns(tmp_path, monkeypatch):
    monkeypatch.setattr(export, "soffice", lambda: None)
    with pytest.warns(UserWarning, match="LibreOffice is not installed"):
        paths = deckgen.build("Acme", output=tmp_path / "d.pptx", pdf=True)
    assert paths == [tmp_path / "d.pptx"] and paths[0].is_file()
