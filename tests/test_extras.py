"""What users of a Python CLI expect: PDF/PNG export, check, completion, --debug."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import soffice

from deckgen.cli import main


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_pdf_and_png_previews(tmp_path):
    result = CliRunner().invoke(main, ["build", "--company", "Acme", "-o", str(tmp_path / "d.pptx"),
                                       "--pdf", "--png", str(tmp_path / "png")])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "d.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    pngs = sorted((tmp_path / "png").glob("*.png"))
    assert len(pngs) == 13
    assert str(pdf) in result.output


def test_check_reports_content_errors_like_build(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--content", str(bad)])
    assert result.exit_code == 1
    lines = [x for x in result.output.splitlines() if x]
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "bad.yaml:" in lines[0]


def test_shell_completion_script():
    env = {**os.environ, "_DECKGEN_COMPLETE": "bash_source"}
    out = subprocess.run([sys.executable, "-m", "deckgen"], env=env, capture_output=True,
                         text=True, timeout=60)
    assert "_deckgen_completion" in out.stdout or "complete -o" in out.stdout


def test_completion_offers_subcommands():
    env = {**os.environ, "_DECKGEN_COMPLETE": "bash_complete", "COMP_WORDS": "deckgen bu",
           "COMP_CWORD": "1"}
    out = subprocess.run([sys.executable, "-m", "deckgen"], env=env, capture_output=True,
                         text=True, timeout=60)
    assert "build" in out.stdout


def test_debug_flag_shows_traceback(tmp_path):
    missing = tmp_path / "nope.yaml"
    plain = subprocess.run([sys.executable, "-m", "deckgen", "build", "--company", "A",
                            "--content", str(missing)], capture_output=True, text=True,
                           cwd=tmp_path, timeout=60)
    debug = subprocess.run([sys.executable, "-m", "deckgen", "--debug", "build", "--company",
                            "A", "--content", str(missing)], capture_output=True, text=True,
                           cwd=tmp_path, timeout=60)
    assert plain.returncode == 1 and "Traceback" not in plain.stderr
    assert debug.returncode == 1 and "Traceback" in debug.stderr and "DeckgenError" in debug.stderr
