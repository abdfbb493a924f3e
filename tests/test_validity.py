"""Decks are schema-valid (Open XML SDK rules) and render without overflowing, as stored."""

from __future__ import annotations

import pytest
from checks import audit_errors, overflow_issues, render_pdf
from conftest import soffice

import deckgen

LONG = "Internationale Gesellschaft für Zusammenarbeit im Bereich der " + \
    "Digitalisierung mittelständischer Handwerksbetriebe und Genossenschaften e.V."


def test_long_name_is_120_plus_characters():
    assert len(LONG) >= 120


@pytest.mark.parametrize("template", ["default", "dark"])
def test_openxml_audit_zero_errors(tmp_path, template):
    (path,) = deckgen.build("Acme", output=tmp_path / "a.pptx", template=template)
    errors, report = audit_errors(path)
    assert errors == 0, report


def test_openxml_audit_zero_errors_long_company(tmp_path):
    (path,) = deckgen.build(LONG, output=tmp_path / "long.pptx")
    errors, report = audit_errors(path)
    assert errors == 0, report


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("company", ["Acme", LONG])
def test_renders_in_libreoffice_without_overflow(tmp_path, company):
    (path,) = deckgen.build(company, output=tmp_path / "deck.pptx", presenter="Jana Beispiel",
                            date="2026-11-27")
    pdf = render_pdf(path, tmp_path)
    assert overflow_issues(path, pdf) == []


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_overflow_check_catches_overflow(tmp_path):
    """The check itself must fail on a deck whose text runs out of its box."""
    from pptx import Presentation
    from pptx.util import Pt

    (path,) = deckgen.build("Acme", output=tmp_path / "deck.pptx")
    prs = Presentation(str(path))
    body = [sh for sh in prs.slides[3].placeholders if sh.placeholder_format.idx != 0][0]
    body.text_frame.text = " ".join(["Überlauf"] * 400)
    for p in body.text_frame.paragraphs:
        for r in p.runs:
            r.font.size = Pt(32)
    bad = tmp_path / "bad.pptx"
    prs.save(str(bad))
    assert overflow_issues(bad, render_pdf(bad, tmp_path))
