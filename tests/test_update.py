"""``build --update``: a person's edits survive a rebuild with changed content (issue 10)."""

from __future__ import annotations

import copy
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, ROOT, soffice
from pptx import Presentation
from pptx.util import Inches

import deckgen
from deckgen.cli import main
from deckgen.output.save import is_unchanged_output, output_state
from deckgen.update.identity import read_manifest, read_tags

PLEA = (ROOT / "content" / "plea.yaml").read_text(encoding="utf-8")
SEVENTH = """      - title: "Ein siebter Punkt"
        statement: "Ein neuer Punkt, den der Inhalt später bekommt."
        notes: "Neue Notizen."

  - kind: closing"""


def changed_content() -> str:
    text = PLEA.replace("Kampagnen und Aktivitäten werden häufig niedrig priorisiert",
                        "Kampagnen werden oft niedrig priorisiert")
    text = text.replace('title: "Social Media braucht eine eigene, unabhängige Abteilung"',
                        'title: "Social Media braucht Unabhängigkeit"')
    text = text.replace("      value: 1\n", "      value: 2\n")
    text = text.replace("Eine eigene Abteilung signalisiert allen", "Eine Abteilung zeigt allen")
    text = text.replace("Der erste Punkt ist die Symbolwirkung.", "Erstens: Symbolwirkung.")
    return text.replace("\n  - kind: closing", "\n" + SEVENTH, 1)


def titles(path: Path) -> list[str]:
    return [s.shapes.title.text if s.shapes.title is not None else "" for s in
            Presentation(str(path)).slides]


def by_title(prs, start: str):
    return next(s for s in prs.slides if s.shapes.title is not None
                and s.shapes.title.text.startswith(start))


def body_of(slide):
    """The point's statement: the longest text that is not the title."""
    shapes = [sh for sh in slide.shapes if sh.has_text_frame and sh != slide.shapes.title]
    return max(shapes, key=lambda sh: len(sh.text_frame.text))


def delete_slide(prs, slide) -> None:
    lst = prs.slides._sldIdLst
    entry = next(e for e in lst if e.id == slide.slide_id)
    lst.remove(entry)
    prs.part.drop_rel(entry.rId)


def move_slide(prs, slide, index: int) -> None:
    lst = prs.slides._sldIdLst
    entry = next(e for e in lst if e.id == slide.slide_id)
    lst.remove(entry)
    lst.insert(index, entry)


def bold_first_word(shape) -> None:
    run = shape.text_frame.paragraphs[0].runs[0]
    text = run.text
    cut = text.index(" ")
    run.text = text[:cut]
    rest = copy.deepcopy(run._r)
    run._r.addnext(rest)
    rest.find("{*}t").text = text[cut:]
    run._r.get_or_add_rPr().set("b", "1")


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    """Build, edit as a person would, change the content, update; return what is needed."""
    work = tmp_path_factory.mktemp("update")
    c1, c2 = work / "pitch.yaml", work / "pitch2.yaml"
    c1.write_text(PLEA, encoding="utf-8")
    c2.write_text(changed_content(), encoding="utf-8")
    deck = work / "out" / "deck.pptx"
    deckgen.build("Acme", output=deck, content=c1, presenter="Jana", date="2026-01-01")
    prs = Presentation(str(deck))
    mine = prs.slides.add_slide(prs.slide_layouts[0])  # added first: python-pptx names by count
    mine.shapes.title.text = "Meine eigene Folie"
    by_title(prs, "Social Media braucht eine eigene, unab").shapes.title.text = "Meine Überschrift"
    bold_first_word(body_of(by_title(prs, "Symbolwirkung")))
    by_title(prs, "Was Social-Media").notes_slide.notes_text_frame.text = "Meine Notizen"
    stat = by_title(prs, "Nur jedes zehnte")
    stat.shapes.title.left += Inches(0.5)
    moved_left = stat.shapes.title.left
    delete_slide(prs, by_title(prs, "Durchsetzungskraft"))
    move_slide(prs, mine, 2)
    move_slide(prs, by_title(prs, "Social Media braucht eine eigene Abteilung"), 1)
    prs.save(str(deck))
    before = titles(deck)
    lines: list[str] = []
    deckgen.build("Acme", output=deck, content=c2, presenter="Max", date="2026-01-01",
                  update=True, report=lines.append)
    return {"deck": deck, "before": before, "lines": lines, "c2": c2, "work": work,
            "moved_left": moved_left}


def test_person_order_and_own_slide_kept(scenario):
    after = titles(scenario["deck"])
    assert after[:3] == ["Meine Überschrift", "Social Media braucht eine eigene Abteilung",
                         "Meine eigene Folie"]
    assert "Durchsetzungskraft" not in after  # deleted stays deleted
    assert after.index("Ein siebter Punkt") == after.index("Relevante KPIs") + 1


def test_untouched_texts_take_new_content(scenario):
    prs = Presentation(str(scenario["deck"]))
    texts = [sh.text_frame.text for s in prs.slides for sh in s.shapes if sh.has_text_frame]
    assert any("Kampagnen werden oft niedrig priorisiert" in t for t in texts)
    assert any("Max" in t for t in texts) and not any("Jana" in t for t in texts)
    point = by_title(prs, "Symbolwirkung")
    assert point.notes_slide.notes_text_frame.text.startswith("Erstens: Symbolwirkung.")
    chart = next(sh for sh in by_title(prs, "Nur jedes zehnte").shapes if sh.has_chart).chart
    assert list(chart.plots[0].series[0].values)[0] == pytest.approx(20.0)


def test_edits_kept_and_conflicts_listed(scenario):
    prs = Presentation(str(scenario["deck"]))
    assert by_title(prs, "Was Social-Media").notes_slide.notes_text_frame.text == "Meine Notizen"
    body = body_of(by_title(prs, "Symbolwirkung"))
    assert body.text_frame.paragraphs[0].runs[0].font.bold  # the bold word survives
    assert "signalisiert" in body.text_frame.text  # both changed: the person's version stays
    assert by_title(prs, "Nur jedes zehnte").shapes.title.left == scenario["moved_left"]
    text = "\n".join(scenario["lines"])
    assert "2 conflicts" in text and "kept yours 'Meine Überschrift'" in text
    assert "Social Media braucht Unabhängigkeit" in text
    assert "stays deleted: 'Durchsetzungskraft'" in text
    assert "kept 1 edited" in text and "1 added" in text
    assert "kept the previous version as deck.bak.pptx" in text
    assert (scenario["deck"].parent / "deck.bak.pptx").is_file()


def test_updated_deck_is_valid_and_needs_update_again(scenario):
    deck = scenario["deck"]
    assert not is_unchanged_output(deck)  # the person's edits are still in it
    from checks import audit_errors

    errors, report = audit_errors(deck)  # a merged deck is still schema-valid
    assert errors == 0, report
    prs = Presentation(str(deck))
    keys = [read_tags(s)[0] for s in prs.slides]
    assert keys[2] is None and "point-7" in keys and "point-2" not in keys
    assert [r.key for r in read_manifest(prs)].count("point-2") == 1  # remembered as deleted


def test_second_update_is_stable_and_dry_run_writes_nothing(scenario):
    deck, c2 = scenario["deck"], scenario["c2"]
    data = deck.read_bytes()
    backups = sorted(deck.parent.glob("deck.bak*.pptx"))
    lines: list[str] = []
    deckgen.build("Acme", output=deck, content=c2, presenter="Max", date="2026-01-01",
                  update=True, dry_run=True, report=lines.append)
    assert deck.read_bytes() == data
    assert lines == ["deck.pptx: nothing to update (the content is what deckgen wrote last "
                     "time; your deck stays as it is)", "dry run: nothing was written"]
    lines.clear()
    deckgen.build("Acme", output=deck, content=c2, presenter="Max", date="2026-01-01",
                  update=True, report=lines.append)
    assert deck.read_bytes() == data  # the same bytes, and no new backup
    assert sorted(deck.parent.glob("deck.bak*.pptx")) == backups
    assert len(lines) == 1 and "nothing to update" in lines[0]


def test_restore_deleted_and_removed_untouched_slide(scenario, tmp_path):
    deck = tmp_path / "deck.pptx"
    shutil.copy(scenario["deck"], deck)
    shorter = scenario["c2"].read_text(encoding="utf-8").split("\n  - kind: sources")[0]
    content = tmp_path / "short.yaml"
    content.write_text(shorter + "\n", encoding="utf-8")
    lines: list[str] = []
    deckgen.build("Acme", output=deck, content=content, presenter="Max", date="2026-01-01",
                  update=True, restore_deleted=True, report=lines.append)
    after = titles(deck)
    assert after.index("Durchsetzungskraft") == after.index("Symbolwirkung") + 1
    assert "Quellen" not in after  # untouched and no longer in the content
    assert "removed (no longer in the content): 'Quellen'" in "\n".join(lines)


def test_cli_update_summary_on_stderr(scenario, tmp_path):
    deck = tmp_path / "deck.pptx"
    shutil.copy(scenario["deck"], deck)
    result = CliRunner().invoke(main, ["build", "--company", "Acme", "-o", str(deck),
                                       "--content", str(scenario["c2"]), "--presenter", "Max",
                                       "--date", "2026-01-01", "--update", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "nothing to update" in result.stderr and result.stdout == ""


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_libreoffice_round_trip(tmp_path):
    content = tmp_path / "pitch.yaml"
    content.write_text(PLEA, encoding="utf-8")
    deck = tmp_path / "deck.pptx"
    deckgen.build("Acme", output=deck, content=content, date="2026-01-01")
    saved = tmp_path / "lo"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pptx", "--outdir", str(saved), str(deck)],
                       capture_output=True, timeout=180, check=True)
    lo_deck = saved / "deck.pptx"
    assert is_unchanged_output(lo_deck)  # saved unchanged: not an edit
    assert output_state(lo_deck) == "resaved"  # (positions rounded, all formatting rewritten)
    moved = Presentation(str(lo_deck))
    moved.slides[3].shapes[0].top += 50_000
    moved.save(str(tmp_path / "moved.pptx"))
    assert not is_unchanged_output(tmp_path / "moved.pptx")  # but a move after it is an edit
    prs = Presentation(str(lo_deck))
    assert read_manifest(prs) and all(read_tags(s)[0] is None for s in prs.slides)
    by_title(prs, "Relevante KPIs").shapes.title.text_frame.paragraphs[0].runs[0].text = "KPIs!"
    prs.save(str(deck))
    content.write_text(changed_content(), encoding="utf-8")
    lines: list[str] = []
    deckgen.build("Acme", output=deck, content=content, date="2026-01-01", update=True,
                  report=lines.append)
    after = titles(deck)
    assert "KPIs!" in after and "Ein siebter Punkt" in after
    assert after[1] == "Social Media braucht Unabhängigkeit"  # untouched: new content
    assert "0 conflicts" in lines[0]
    assert all(read_tags(s)[0] for s in Presentation(str(deck)).slides)  # tagged again


DARK_CORPUS = CORPUS / "potx" / "rstudio_soleng_template.potx"


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
@pytest.mark.skipif(not DARK_CORPUS.exists(), reason="the shared corpus is not beside the repo")
def test_new_words_keep_the_colour_a_libreoffice_save_wrote_out(tmp_path):
    """LibreOffice rewrites a dark master so that the inherited text colour turns black and
    writes the colour it rendered on every run; refreshed texts must read as before."""
    from design_rules import review

    content = tmp_path / "pitch.yaml"
    content.write_text(PLEA, encoding="utf-8")
    deck = tmp_path / "deck.pptx"
    deckgen.build("Acme", output=deck, content=content, template=DARK_CORPUS,
                  date="2026-01-01")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pptx", "--outdir", str(tmp_path / "lo"), str(deck)],
                       capture_output=True, timeout=180, check=True)
    shutil.copy(tmp_path / "lo" / "deck.pptx", deck)
    content.write_text(PLEA.replace("Eine eigene Abteilung signalisiert allen",
                                    "Eine Abteilung zeigt allen"), encoding="utf-8")
    deckgen.build("Acme", output=deck, content=content, template=DARK_CORPUS,
                  date="2026-01-01", presenter="Vera Muster", update=True,
                  report=lambda _: None)
    assert [p for p in review(deck, "Acme") if "contrast" in p] == []


def _first_run_look(slide, shape) -> tuple[int | None, str | None]:
    """Size and typeface the shape's first run shows: its own, else its list style's level 1,
    with a theme font resolved through the slide's own theme (what the person's deck shows)."""
    from deckgen.typeset.styles import theme_fonts

    A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    run = next(shape._element.iter(f"{A}r", f"{A}fld"))
    rpr = run.find(f"{A}rPr")
    level = shape._element.find(f".//{A}lstStyle/{A}lvl1pPr/{A}defRPr")
    size = face = None
    for el in (rpr, level):
        if el is None:
            continue
        size = size or (int(el.get("sz")) if el.get("sz") else None)
        latin = el.find(f"{A}latin")
        face = face or (latin.get("typeface") if latin is not None else None)
    if face and face.startswith("+"):
        face = theme_fonts(slide.slide_layout.slide_master).get(face, face)
    return size, face


def _boxes(slide) -> list[int]:
    """Every text box's position and size, in EMU, in tree order (flat, for approx)."""
    return [v for sh in slide.shapes if sh.has_text_frame
            for v in (sh.left, sh.top, sh.width, sh.height)]


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_slides_and_texts_added_to_a_libreoffice_saved_deck_look_like_their_siblings(tmp_path):
    """LibreOffice puts every slide on a blank layout of a master of its own, writes a theme
    with Arial as both fonts and spells each shape's look out on the shape. A point the content
    inserts, and a renumbered point, must still look like the points around them."""
    from design_rules import review

    content = tmp_path / "pitch.yaml"
    content.write_text(PLEA, encoding="utf-8")
    deck = tmp_path / "deck.pptx"
    deckgen.build("Acme", output=deck, content=content, date="2026-01-01")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pptx", "--outdir", str(tmp_path / "lo"), str(deck)],
                       capture_output=True, timeout=180, check=True)
    shutil.copy(tmp_path / "lo" / "deck.pptx", deck)
    before = Presentation(str(deck))
    sibling = by_title(before, "Eigenverantwortung")
    old_kpi = by_title(before, "Relevante KPIs")
    number = next(sh for sh in old_kpi.shapes if sh.has_text_frame and sh.text_frame.text == "6")
    number_look = _first_run_look(old_kpi, number)
    assert number_look[0] and number_look[0] > 6000  # the big numeral, as LibreOffice wrote it
    inserted = ('      - title: "Ein neuer Punkt"\n        statement: "Neu."\n'
                '        notes: "Neue Notizen."\n      - title: "Relevante KPIs"')
    content.write_text(PLEA.replace('      - title: "Relevante KPIs"', inserted, 1),
                       encoding="utf-8")
    lines: list[str] = []
    deckgen.build("Acme", output=deck, content=content, date="2026-01-01", update=True,
                  report=lines.append)
    prs = Presentation(str(deck))
    new = by_title(prs, "Ein neuer Punkt")
    assert new.slide_layout.slide_master == by_title(prs, "Eigenverantwortung").slide_layout \
        .slide_master  # on the master LibreOffice made for the points
    assert _boxes(new) == pytest.approx(_boxes(sibling), abs=2000)
    looks = {sh.text_frame.text: _first_run_look(new, sh) for sh in new.shapes
             if sh.has_text_frame and sh.text_frame.text}
    assert looks["6"] == number_look
    assert looks["Ein neuer Punkt"][1] == "Calibri" and looks["Neu."][1] == "Calibri"
    kpi = by_title(prs, "Relevante KPIs")
    renumbered = next(sh for sh in kpi.shapes if sh.has_text_frame and sh.text_frame.text == "7")
    assert _first_run_look(kpi, renumbered) == number_look
    assert review(deck, "Acme") == []
