"""The round trip through LibreOffice (issue 22): python-pptx edits, LibreOffice saves and
both together, rebuilt with ``--update``: every edit kept, every untouched new text taken, the
deleted point listed nowhere, a package PowerPoint opens without repair, text that fits as
stored, and a second identical update that changes nothing."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from checks import _pdf_words, audit_errors, overflow_issues, package_errors, render_pdf
from conftest import soffice
from lxml import etree
from pptx import Presentation
from pptx.enum.text import PP_ALIGN
from test_rebuild import DELETED, PLEA, POINTS, agenda, by_title, delete, new_content, numbers, update
from test_rebuild import titles as titles_of

import deckgen
from deckgen.update.identity import read_tags

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def lo_save(path: Path) -> None:
    """Open and save the deck in LibreOffice (it rewrites every part, drops deckgen's tags)."""
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as out:
        subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pptx", "--outdir", out, str(path)],
                       capture_output=True, timeout=240, check=True)
        shutil.copy(Path(out) / path.name, path)


def add_own_slide(path: Path, layout_of: str = "Was Social-Media-Manager heute erleben") -> None:
    """A slide of the person's: bullets, a centred paragraph, a sub-point, numbered items."""
    prs = Presentation(str(path))
    layout = by_title(prs, layout_of).slide_layout
    slide = prs.slides.add_slide(layout)
    body = None
    if slide.shapes.title is not None:
        slide.shapes.title.text_frame.text = "Meine Folie"
        body = next((sh for sh in slide.placeholders if sh != slide.shapes.title
                     and sh.placeholder_format.type in (2, 7)), None)
    if body is None:
        from pptx.util import Cm

        slide.shapes.add_textbox(Cm(2), Cm(1), Cm(20), Cm(2)).text_frame.text = "Meine Folie"
        body = slide.shapes.add_textbox(Cm(2), Cm(4), Cm(20), Cm(8))
    frame = body.text_frame
    frame.text = "Erster Punkt"
    centred = frame.add_paragraph()
    centred.text, centred.alignment = "Zweiter Punkt, zentriert", PP_ALIGN.CENTER
    sub = frame.add_paragraph()
    sub.text, sub.level = "Ein Unterpunkt", 1
    for text in ("Nummer eins", "Nummer zwei"):
        p = frame.add_paragraph()
        p.text = text
        etree.SubElement(p._p.get_or_add_pPr(), f"{A}buAutoNum").set("type", "arabicPeriod")
    prs.save(str(path))


def paragraphs(slide) -> list[tuple[str, bytes]]:
    """Each paragraph's text and properties (bullets, numbering, alignment, level)."""
    out = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            for p in shape.text_frame.paragraphs:
                ppr = p._p.find(f"{A}pPr")
                out.append((p.text, etree.tostring(ppr, method="c14n") if ppr is not None else b""))
    return out


def fits(path: Path, pdf: Path) -> list[str]:
    """Text drawn outside its box as stored. Slide numbers are left out: a program draws the
    slide's number, not the field's stored text (LibreOffice stores "<number>", and a slide
    an update moved keeps the number it had)."""
    numbered = {f"slide {n}: {sh.name}:" for n, s in enumerate(Presentation(str(path)).slides, 1)
                for sh in s.shapes if sh.is_placeholder and sh.placeholder_format.type == 13}
    return [i for i in overflow_issues(path, pdf)
            if not any(i.startswith(prefix) for prefix in numbered)]


def mine(prs):
    return next(s for s in prs.slides if "Meine Folie" in [
        sh.text_frame.text for sh in s.shapes if sh.has_text_frame])


@pytest.fixture()
def deck(tmp_path: Path) -> tuple[Path, Path]:
    content = tmp_path / "pitch.yaml"
    content.write_text(PLEA, encoding="utf-8")
    path = tmp_path / "deck.pptx"
    deckgen.build("Acme", output=path, content=content, date="2026-01-01")
    return path, content


@pytest.mark.parametrize("order", ["own slide, then LibreOffice", "LibreOffice, then own slide"])
def test_a_persons_slide_keeps_bullets_numbering_and_alignment(deck, order):
    path, content = deck
    if order.startswith("LibreOffice"):
        lo_save(path)
        add_own_slide(path)
    else:
        add_own_slide(path)
        lo_save(path)
    before = paragraphs(mine(Presentation(str(path))))
    assert any(b"buAutoNum" in ppr for _, ppr in before) and any(b'algn="ctr"' in ppr
                                                                  for _, ppr in before)
    lines = update(path, content, new_content())
    prs = Presentation(str(path))
    assert paragraphs(mine(prs)) == before
    assert read_tags(mine(prs))[0] is None  # still the person's, not deckgen's
    assert "1 added, 1 kept, 0 removed, 0 deleted by you" in lines[0]
    assert "  kept (your own slides): 'Meine Folie'" in lines
    assert package_errors(path) == []


@pytest.mark.parametrize("order", ["LibreOffice first", "python-pptx first"])
def test_a_slide_put_in_place_of_a_deleted_one_stays_the_persons(deck, order):
    """Without deckgen's tags (LibreOffice drops them) slides are paired by content, and those
    left over by position; a person's slide where point 2 was is not point 2."""
    path, content = deck
    if order == "LibreOffice first":
        lo_save(path)
    prs = Presentation(str(path))
    where = titles_of(prs).index("Durchsetzungskraft")
    prs.save(str(path))
    add_own_slide(path, "Symbolwirkung")
    prs = Presentation(str(path))
    lst = prs.slides._sldIdLst
    entry = lst[-1]
    lst.remove(entry)
    lst.insert(where, entry)
    prs.save(str(path))
    delete(path, "Durchsetzungskraft", "drop_rel")
    if order == "python-pptx first":
        lo_save(path)
    lines = update(path, content, new_content())
    prs = Presentation(str(path))
    assert "1 deleted by you" in lines[0] and "1 kept" in lines[0]
    assert "  stays deleted: 'Durchsetzungskraft' (--restore-deleted brings it back)" in lines
    assert read_tags(mine(prs))[0] is None
    assert "Durchsetzungskraft" not in agenda(prs)
    assert list(numbers(prs).values()) == ["1", "2", "3", "4", "5", "6"]


def _footer_lefts(pdf: Path) -> list[float]:
    """Per page, where the footer's first word ("Acme") starts, in points."""
    out = []
    for words in _pdf_words(pdf):
        lows = [w for w in words if w[4] == "Acme" and w[1] > 0.85 * w[6]]
        out.append(round(lows[0][0]) if lows else -1.0)
    return out


def test_a_point_added_to_a_libreoffice_saved_deck_looks_like_its_neighbours(deck, tmp_path):
    path, content = deck
    lo_save(path)
    lines = update(path, content, PLEA.replace(
        '      - title: "Relevante KPIs"', '      - title: "Ein neuer Punkt"\n        statement: '
        '"Neu."\n        notes: "Neue Notizen."\n      - title: "Relevante KPIs"', 1))
    assert "1 added" in lines[0]
    prs = Presentation(str(path))
    new = titles_of(prs).index("Ein neuer Punkt")
    pdf = render_pdf(path, tmp_path)
    lefts = _footer_lefts(pdf)
    assert lefts[new] == lefts[new - 1] == lefts[new + 1] != -1  # the footer sits as theirs do
    assert fits(path, pdf) == []


def test_round_trip_python_pptx_edits_and_libreoffice_saves(deck, tmp_path):
    """Edits a script makes (the deletion recipe that leaves the part behind, a retyped
    title, a slide of one's own), a LibreOffice save, an update with new content, another
    LibreOffice save and an update with the same content."""
    path, content = deck
    delete(path, DELETED, "sldid_only")
    with pytest.warns(UserWarning, match="Duplicate name"):  # python-pptx's own save writes
        prs = Presentation(str(path))  # the leftover and a renamed slide under one name;
        by_title(prs, "Durchsetzungskraft").shapes.title.text_frame.paragraphs[0].runs[0] \
            .text = "Mehr Durchsetzungskraft"  # LibreOffice reads the listed one
        prs.save(str(path))
    add_own_slide(path)
    lo_save(path)
    lines = update(path, content, new_content())
    prs = Presentation(str(path))
    names = titles_of(prs)
    assert "Mehr Durchsetzungskraft" in names and DELETED not in names  # edits kept
    assert "Ein siebter Punkt" in names and "Meine Folie" in [
        sh.text_frame.text for s in prs.slides for sh in s.shapes if sh.has_text_frame]
    body = max((sh for sh in by_title(prs, "Symbolwirkung").shapes if sh.has_text_frame),
               key=lambda sh: len(sh.text_frame.text))
    assert body.text_frame.text.startswith("Eine Abteilung zeigt allen")  # new text taken
    assert DELETED not in agenda(prs) and DELETED not in (prs.core_properties.keywords or "")
    assert list(numbers(prs).values()) == ["1", "2", "3", "4", "5", "6"]
    assert "0 conflicts" in lines[0] and "1 deleted by you" in lines[0]
    assert package_errors(path) == []
    errors, report = audit_errors(path)
    assert errors == 0, report
    pdf = render_pdf(path, tmp_path)
    assert fits(path, pdf) == []
    lo_save(path)
    data = path.read_bytes()
    again = update(path, content)
    assert again == ["deck.pptx: nothing to update (the content is what deckgen wrote last "
                     "time; your deck stays as it is)"]
    assert path.read_bytes() == data
    assert sorted(p.name for p in path.parent.glob("deck.bak*.pptx")) == ["deck.bak.pptx"]
    assert agenda(Presentation(str(path))) == [t for t in POINTS if t != DELETED] + [
        "Ein siebter Punkt"]
