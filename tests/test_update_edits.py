"""Edits that are not text: moved and resized shapes, a restyled chart, pictures, and the
same guarantees for a batch from a company list (issue 10)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from checks import audit_errors
from click.testing import CliRunner
from conftest import ROOT, soffice
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_LEGEND_POSITION
from pptx.util import Cm

import deckgen
from deckgen.cli import main
from deckgen.output.save import is_unchanged_output, output_state
from deckgen.update.placement import TOLERANCE

PLEA = (ROOT / "content" / "plea.yaml").read_text(encoding="utf-8")


def by_title(prs, start: str):
    return next(s for s in prs.slides if s.shapes.title is not None
                and s.shapes.title.text.startswith(start))


def chart_of(prs):
    return next(sh for s in prs.slides for sh in s.shapes if getattr(sh, "has_chart", False))


@pytest.fixture()
def plea_deck(tmp_path: Path) -> tuple[Path, Path]:
    content = tmp_path / "pitch.yaml"
    content.write_text(PLEA, encoding="utf-8")
    deck = tmp_path / "deck.pptx"
    deckgen.build("Acme", output=deck, content=content, date="2026-01-01")
    return deck, content


@pytest.mark.parametrize("edit", ["move", "resize"])
def test_moving_or_resizing_a_shape_is_an_edit(plea_deck, edit):
    deck, content = plea_deck
    prs = Presentation(str(deck))
    title = by_title(prs, "Symbolwirkung").shapes.title
    if edit == "move":
        title.top += Cm(1)
    else:
        title.width -= Cm(2)
    prs.save(str(deck))
    assert not is_unchanged_output(deck)
    before = deck.read_bytes()
    with pytest.raises(deckgen.DeckgenError, match="--force|force=True"):
        deckgen.build("Acme", output=deck, content=content, date="2026-01-01")
    assert deck.read_bytes() == before  # refused: nothing replaced
    lines: list[str] = []
    deckgen.build("Acme", output=deck, content=content, date="2026-01-01", force=True,
                  report=lines.append)
    assert (deck.parent / "deck.bak.pptx").read_bytes() == before
    assert any("deck.bak.pptx" in line for line in lines)


def test_rounding_by_another_program_is_not_an_edit(plea_deck):
    """LibreOffice stores positions in 1/100 mm; a few hundred EMU off is the same place."""
    deck, _ = plea_deck
    prs = Presentation(str(deck))
    for slide in prs.slides:
        for shape in slide.shapes:
            x, y, w, h = shape.left, shape.top, shape.width, shape.height  # all explicit now
            shape.left, shape.top, shape.width, shape.height = x + 120, y, w - 360, h
    prs.save(str(deck))
    assert is_unchanged_output(deck)
    prs.slides[0].shapes.title.left += TOLERANCE + 1
    prs.save(str(deck))
    assert not is_unchanged_output(deck)


def test_update_keeps_a_moved_shape_and_remembers_the_move(plea_deck):
    deck, content = plea_deck
    prs = Presentation(str(deck))
    title = by_title(prs, "Symbolwirkung").shapes.title
    title.top += Cm(1)
    moved = (title.left, title.top, title.width, title.height)
    prs.save(str(deck))
    content.write_text(PLEA.replace("Der erste Punkt ist die Symbolwirkung.", "Erstens."),
                       encoding="utf-8")
    deckgen.build("Acme", output=deck, content=content, date="2026-01-01", update=True,
                  report=lambda _line: None)
    title = by_title(Presentation(str(deck)), "Symbolwirkung").shapes.title
    assert (title.left, title.top, title.width, title.height) == moved
    assert not is_unchanged_output(deck)  # the move is still the person's: no silent rebuild
    with pytest.raises(deckgen.DeckgenError, match="--force|force=True"):
        deckgen.build("Acme", output=deck, content=content, date="2026-01-01")


def test_a_moved_slide_the_content_drops_is_kept(plea_deck):
    deck, content = plea_deck
    prs = Presentation(str(deck))
    by_title(prs, "Relevante KPIs").shapes.title.left += Cm(1)
    prs.save(str(deck))
    start = PLEA.index("      - title: \"Relevante KPIs\"")
    end = PLEA.index("      - title:", start + 10) if "      - title:" in PLEA[start + 10:] \
        else PLEA.index("\n  - kind: closing")
    content.write_text(PLEA[:start] + PLEA[end:], encoding="utf-8")
    lines: list[str] = []
    deckgen.build("Acme", output=deck, content=content, date="2026-01-01", update=True,
                  report=lines.append)
    assert any(s.shapes.title is not None and s.shapes.title.text == "Relevante KPIs"
               for s in Presentation(str(deck)).slides)
    assert any("kept (no longer in the content, but edited): 'Relevante KPIs'" in line
               for line in lines)


def test_a_point_inserted_mid_way_does_not_shift_the_persons_edits(plea_deck):
    """Slides are the same slide by role and title, not by position: a point the content
    inserts before the last one is a new slide, and the person's notes on the last point stay
    on that point; a point the content renames is still the same slide."""
    deck, content = plea_deck
    prs = Presentation(str(deck))
    by_title(prs, "Relevante KPIs").notes_slide.notes_text_frame.text = "Meine KPI-Notizen"
    prs.save(str(deck))
    inserted = ('      - title: "Ein neuer Punkt"\n        statement: "Neu."\n'
                '        notes: "Neue Notizen."\n      - title: "Relevante KPIs"')
    changed = PLEA.replace('      - title: "Relevante KPIs"', inserted, 1)
    changed = changed.replace('- title: "Symbolwirkung"', '- title: "Signalwirkung"', 1)
    content.write_text(changed, encoding="utf-8")
    lines: list[str] = []
    deckgen.build("Acme", output=deck, content=content, date="2026-01-01", update=True,
                  report=lines.append)
    prs = Presentation(str(deck))
    names = [s.shapes.title.text for s in prs.slides if s.shapes.title is not None]
    assert names[5:12] == ["Signalwirkung", "Durchsetzungskraft",
                           "Neutralität im interdisziplinären Team", "Eigenverantwortung",
                           "Erweiterung der Möglichkeiten", "Ein neuer Punkt", "Relevante KPIs"]
    kpi = by_title(prs, "Relevante KPIs")
    assert kpi.notes_slide.notes_text_frame.text == "Meine KPI-Notizen"
    assert "7" in [sh.text_frame.text for sh in kpi.shapes if sh.has_text_frame]  # renumbered
    new = by_title(prs, "Ein neuer Punkt")
    assert new.notes_slide.notes_text_frame.text == "Neue Notizen."
    assert lines[0].endswith("1 added, 0 kept, 0 removed, 0 deleted by you")
    assert "  added: 'Ein neuer Punkt'" in lines and not any("conflict:" in x for x in lines)
    assert len(prs.slides) == 14


def test_new_figures_go_into_the_persons_restyled_chart(plea_deck):
    deck, content = plea_deck
    prs = Presentation(str(deck))
    chart = chart_of(prs).chart
    chart.legend.position = XL_LEGEND_POSITION.RIGHT
    point = chart.plots[0].series[0].points[0]
    point.format.fill.solid()
    point.format.fill.fore_color.rgb = RGBColor(0x12, 0x34, 0x56)
    prs.save(str(deck))
    content.write_text(PLEA.replace("      value: 1\n", "      value: 3\n"), encoding="utf-8")
    lines: list[str] = []
    deckgen.build("Acme", output=deck, content=content, date="2026-01-01", update=True,
                  report=lines.append)
    chart = chart_of(Presentation(str(deck))).chart
    assert list(chart.plots[0].series[0].values) == [30.0, 70.0]
    assert chart.legend.position == XL_LEGEND_POSITION.RIGHT  # the person's styling stays
    fill = chart.plots[0].series[0].points[0].format.fill
    assert fill.fore_color.rgb == RGBColor(0x12, 0x34, 0x56)
    assert "0 conflicts" in lines[0]
    again: list[str] = []  # the refilled chart counts as ours: nothing to do a second time
    deckgen.build("Acme", output=deck, content=content, date="2026-01-01", update=True,
                  report=again.append)
    assert again == ["deck.pptx: nothing to update (the content is what deckgen wrote last "
                     "time; your deck stays as it is)"]


PICTURE_PITCH = """lang: de
title: "Bildtest"
slides:
  - kind: title
    title: "Bildtest für {{ company }}"
    notes: "Begrüßung."
  - kind: image
    title: "So sieht es aus"
    image: "bild.png"
    alt: "ALT"
    notes: "Das Bild."
  - kind: closing
    title: "Danke"
    bullets: ["Fragen?"]
    notes: "Schluss."
"""


def picture(prs):
    return next(sh for s in prs.slides for sh in s.shapes if hasattr(sh, "image"))


@pytest.mark.parametrize("person", ["untouched", "moved", "swapped"])
def test_a_new_image_goes_into_the_persons_picture(tmp_path, person):
    Image.new("RGB", (400, 300), (200, 30, 30)).save(tmp_path / "bild.png")
    content = tmp_path / "pitch.yaml"
    content.write_text(PICTURE_PITCH, encoding="utf-8")
    deck = tmp_path / "deck.pptx"
    deckgen.build("Acme", output=deck, content=content, date="2026-01-01")
    prs = Presentation(str(deck))
    pic = picture(prs)
    if person == "moved":
        pic.left, pic.top, pic.width, pic.height = Cm(1), Cm(2), Cm(8), Cm(8)
    if person == "swapped":
        own = tmp_path / "mine.png"
        Image.new("RGB", (50, 50), (0, 200, 0)).save(own)
        slide = next(s for s in prs.slides if pic in list(s.shapes))
        slide.shapes.add_picture(str(own), pic.left, pic.top, pic.width, pic.height)
        pic._element.getparent().remove(pic._element)
    prs.save(str(deck))
    mine_blob = picture(Presentation(str(deck))).image.blob
    Image.new("RGB", (300, 300), (30, 30, 200)).save(tmp_path / "bild.png")
    new_blob = (tmp_path / "bild.png").read_bytes()
    content.write_text(PICTURE_PITCH.replace("ALT", "Ein blaues Quadrat"), encoding="utf-8")
    lines: list[str] = []
    deckgen.build("Acme", output=deck, content=content, date="2026-01-01", update=True,
                  report=lines.append)
    pic = picture(Presentation(str(deck)))
    if person == "swapped":
        assert pic.image.blob == mine_blob  # the person's own picture stays
        return
    assert pic.image.blob == new_blob
    assert pic._element.xpath("./p:nvPicPr/p:cNvPr")[0].get("descr") == "Ein blaues Quadrat"
    assert abs(pic.width - pic.height) <= 1  # the square image is not distorted
    if person == "moved":  # fitted into the person's 8 × 8 cm box at (1 cm, 2 cm)
        assert (pic.left, pic.top, pic.width, pic.height) == (Cm(1), Cm(2), Cm(8), Cm(8))


def test_swapping_a_picture_is_an_edit(tmp_path):
    Image.new("RGB", (400, 300), (200, 30, 30)).save(tmp_path / "bild.png")
    content = tmp_path / "pitch.yaml"
    content.write_text(PICTURE_PITCH, encoding="utf-8")
    deck = tmp_path / "deck.pptx"
    deckgen.build("Acme", output=deck, content=content, date="2026-01-01")
    prs = Presentation(str(deck))
    pic = picture(prs)
    Image.new("RGB", (400, 300), (0, 0, 0)).save(tmp_path / "other.png")
    blob = (tmp_path / "other.png").read_bytes()
    pic.part.related_part(pic._element.blipFill.blip.rEmbed)._blob = blob
    prs.save(str(deck))
    assert not is_unchanged_output(deck)


def _listing(tmp_path: Path) -> Path:
    listing = tmp_path / "firmen.csv"
    listing.write_text("company;presenter\nAcme;Jana\nBeta AG;Max\n", encoding="utf-8")
    return listing


def test_update_and_dry_run_work_for_a_company_list(tmp_path):
    listing = _listing(tmp_path)
    content = tmp_path / "pitch.yaml"
    content.write_text(PLEA, encoding="utf-8")
    out = tmp_path / "out"
    acme, beta = deckgen.build(companies=listing, output=out, content=content,
                               date="2026-01-01")
    prs = Presentation(str(acme))
    prs.slides[0].shapes.title.text = "Unser eigener Titel"
    prs.save(str(acme))
    edited = acme.read_bytes()
    content.write_text(PLEA.replace("Der erste Punkt ist die Symbolwirkung.", "Erstens."),
                       encoding="utf-8")
    with pytest.raises(deckgen.DeckgenError, match="--force|force=True"):  # no silent overwrite
        deckgen.build(companies=listing, output=out, content=content, date="2026-01-01")
    before = beta.read_bytes()
    result = CliRunner().invoke(main, ["build", "--companies", str(listing), "-o", str(out),
                                       "--content", str(content), "--date", "2026-01-01",
                                       "--update", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "dry run: nothing was written" in result.stderr
    assert acme.read_bytes() == edited and beta.read_bytes() == before
    lines: list[str] = []
    deckgen.build(companies=listing, output=out, content=content, date="2026-01-01",
                  update=True, report=lines.append)
    assert Presentation(str(acme)).slides[0].shapes.title.text == "Unser eigener Titel"
    assert (out / f"{acme.stem}.bak.pptx").read_bytes() == edited
    assert not (out / f"{beta.stem}.bak.pptx").exists()  # untouched: rebuilt, no backup
    notes = [s.notes_slide.notes_text_frame.text for s in Presentation(str(beta)).slides]
    assert any("Erstens." in n for n in notes)
    assert any(line.startswith(f"{acme.name}: updated") for line in lines)


def test_force_on_a_company_list_keeps_backups(tmp_path):
    listing = _listing(tmp_path)
    out = tmp_path / "out"
    acme, _beta = deckgen.build(companies=listing, output=out, date="2026-01-01")
    prs = Presentation(str(acme))
    prs.slides[0].shapes.title.text = "Unser eigener Titel"
    prs.save(str(acme))
    edited = acme.read_bytes()
    deckgen.build(companies=listing, output=out, date="2026-01-01", force=True,
                  report=lambda _line: None)
    assert (out / f"{acme.stem}.bak.pptx").read_bytes() == edited
    shutil.rmtree(out)


def test_a_deck_rebuilt_as_written_needs_no_backup(plea_deck):
    deck, content = plea_deck
    assert output_state(deck) == "pristine"
    Presentation(str(deck)).save(str(deck))  # opened and saved by python-pptx: same parts
    lines: list[str] = []
    deckgen.build("Acme", output=deck, content=content, date="2026-01-01", report=lines.append)
    assert not list(deck.parent.glob("*.bak*.pptx")) and lines == []


def test_formatting_alone_changed_is_rebuilt_but_kept_as_a_backup(plea_deck):
    """Another program's save rewrites formatting XML, so a re-save and a recolouring look
    alike; the rebuild goes ahead (a re-save is no edit) but keeps the old file first."""
    deck, content = plea_deck
    prs = Presentation(str(deck))
    run = by_title(prs, "Symbolwirkung").shapes.title.text_frame.paragraphs[0].runs[0]
    run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    prs.save(str(deck))
    recoloured = deck.read_bytes()
    assert output_state(deck) == "resaved"
    lines: list[str] = []
    deckgen.build("Acme", output=deck, content=content, date="2026-01-01", report=lines.append)
    assert (deck.parent / "deck.bak.pptx").read_bytes() == recoloured
    assert "another program saved it" in lines[0]
    assert output_state(deck) == "pristine"


def test_a_word_in_another_colour_size_or_font_is_an_edit(plea_deck):
    deck, content = plea_deck
    prs = Presentation(str(deck))
    body = max((sh for sh in by_title(prs, "Symbolwirkung").shapes if sh.has_text_frame),
               key=lambda sh: len(sh.text_frame.text))
    para = body.text_frame.paragraphs[0]
    run = para.runs[0]
    text = run.text
    run.text = text[:5]
    rest = para.add_run()
    rest.text = text[5:]
    rest._r.getparent().remove(rest._r)
    run._r.addnext(rest._r)
    run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)  # one word in red
    prs.save(str(deck))
    assert not is_unchanged_output(deck)
    content.write_text(PLEA.replace("Eine eigene Abteilung signalisiert allen",
                                    "Eine Abteilung zeigt allen"), encoding="utf-8")
    lines: list[str] = []
    deckgen.build("Acme", output=deck, content=content, date="2026-01-01", update=True,
                  report=lines.append)
    body = max((sh for sh in by_title(Presentation(str(deck)), "Symbolwirkung").shapes
                if sh.has_text_frame), key=lambda sh: len(sh.text_frame.text))
    assert body.text_frame.paragraphs[0].runs[0].font.color.rgb == RGBColor(0xC0, 0x00, 0x00)
    assert any("conflict: slide" in line for line in lines)  # both changed: listed, hers kept


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_every_kind_survives_a_libreoffice_save_unchanged(tmp_path):
    """Links, bold words, tables, charts, pictures and text boxes that grow with their text:
    LibreOffice rewrites them all, and none of it may read as an edit."""
    from test_every_kind import every_kind

    deck = tmp_path / "deck.pptx"
    deckgen.build("Acme", content=every_kind(tmp_path), output=deck, date="2026-01-01")
    saved = tmp_path / "lo"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pptx", "--outdir", str(saved), str(deck)],
                       capture_output=True, timeout=180, check=True)
    assert output_state(saved / "deck.pptx") == "resaved"


def test_a_text_recoloured_as_a_whole_keeps_its_colour_with_new_words(plea_deck):
    """A whole text in another colour or typeface (or the colour LibreOffice wrote out on every
    run of a re-saved deck) carries over to the new words; a word of its own does not exist
    there, so the text counts as untouched and takes the new content."""
    deck, content = plea_deck
    prs = Presentation(str(deck))
    body = max((sh for sh in by_title(prs, "Symbolwirkung").shapes if sh.has_text_frame),
               key=lambda sh: len(sh.text_frame.text))
    for para in body.text_frame.paragraphs:
        for run in para.runs:
            run.font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
            run.font.name = "Georgia"
    prs.save(str(deck))
    content.write_text(PLEA.replace("Eine eigene Abteilung signalisiert allen",
                                    "Eine Abteilung zeigt allen"), encoding="utf-8")
    deckgen.build("Acme", output=deck, content=content, date="2026-01-01", update=True,
                  report=lambda _: None)
    body = max((sh for sh in by_title(Presentation(str(deck)), "Symbolwirkung").shapes
                if sh.has_text_frame), key=lambda sh: len(sh.text_frame.text))
    assert body.text_frame.text.startswith("Eine Abteilung zeigt allen")
    runs = [r for p in body.text_frame.paragraphs for r in p.runs]
    assert runs and all(r.font.color.rgb == RGBColor(0x1F, 0x4E, 0x79) for r in runs)
    assert all(r.font.name == "Georgia" for r in runs)
    errors, detail = audit_errors(deck)
    assert errors == 0, detail
