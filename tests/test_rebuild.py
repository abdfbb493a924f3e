"""Rebuilds that never damage a deck and follow the person's deck (issue 22): deletions the
ways scripts and PowerPoint make them, agenda and numbering, updates with nothing new, and
backups. LibreOffice's part of the round trip is in `test_rebuild_lo`."""

from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path

import pytest
from checks import audit_errors, package_errors
from conftest import ROOT
from pptx import Presentation

import deckgen
from deckgen.errors import DeckgenError
from deckgen.output.backup import backups, keep_backup, prune_backups
from deckgen.output.package_check import package_problems
from deckgen.output.save import atomic_write
from deckgen.update.identity import read_tags

PLEA = (ROOT / "content" / "plea.yaml").read_text(encoding="utf-8")
DELETED = "Eigenverantwortung"  # the fourth point
POINTS = ["Symbolwirkung", "Durchsetzungskraft", "Neutralität im interdisziplinären Team",
          "Eigenverantwortung", "Erweiterung der Möglichkeiten", "Relevante KPIs"]


def new_content() -> str:
    """New words for the first point and a seventh point: something to update."""
    return PLEA.replace("Der erste Punkt ist die Symbolwirkung.", "Erstens: Symbolwirkung.") \
        .replace("Eine eigene Abteilung signalisiert allen", "Eine Abteilung zeigt allen") \
        .replace("\n  - kind: closing", '\n      - title: "Ein siebter Punkt"\n'
                 '        statement: "Neu hinzugekommen."\n        notes: "Neue Notizen."\n'
                 "\n  - kind: closing", 1)


def titles(prs) -> list[str]:
    return [s.shapes.title.text_frame.text if s.shapes.title is not None else "" for s in prs.slides]


def agenda(prs) -> list[str]:
    slide = next(s for s in prs.slides if s.shapes.title is not None
                 and s.shapes.title.text_frame.text.startswith("Sechs Vorteile"))
    # one column, or two side by side beyond six items (left, then right)
    columns = sorted((sh for sh in slide.placeholders if sh.has_text_frame
                      and sh.placeholder_format.type not in (1, 3, 13, 15, 16)),
                     key=lambda sh: sh.left)
    return [p.text for col in columns for p in col.text_frame.paragraphs if p.text.strip()]


def numbers(prs) -> dict[str, str]:
    """Each point slide's number, by title."""
    out = {}
    for s in prs.slides:
        title = s.shapes.title.text_frame.text if s.shapes.title is not None else ""
        digits = [sh.text_frame.text for sh in s.shapes if sh.has_text_frame
                  and sh.text_frame.text.isdigit() and sh != s.shapes.title
                  and sh.placeholder_format.type != 13]  # not the slide number field
        if digits:
            out[title] = digits[0]
    return out


def by_title(prs, title: str):
    return next(s for s in prs.slides if s.shapes.title is not None
                and s.shapes.title.text_frame.text == title)


@pytest.fixture()
def deck(tmp_path: Path) -> tuple[Path, Path]:
    content = tmp_path / "pitch.yaml"
    content.write_text(PLEA, encoding="utf-8")
    path = tmp_path / "deck.pptx"
    deckgen.build("Acme", output=path, content=content, date="2026-01-01")
    return path, content


def delete(path: Path, title: str, recipe: str) -> None:
    """Delete a slide the way people's scripts and PowerPoint do."""
    prs = Presentation(str(path))
    xml_slides = prs.slides._sldIdLst
    slides = list(xml_slides)
    i = titles(prs).index(title)
    rid = slides[i].rId
    xml_slides.remove(slides[i])  # python-pptx's recipe: the slide part stays
    if recipe in ("drop_rel", "powerpoint"):
        prs.part.drop_rel(rid)
    prs.save(str(path))
    if recipe == "powerpoint":  # PowerPoint writes the parts again, named in slide order
        prs = Presentation(str(path))
        prs.slides  # noqa: B018 - reading them renames the parts slide1…slideN
        prs.save(str(path))
    if recipe == "sldid_then_edit":  # the script's next run: python-pptx renames the listed
        with pytest.warns(UserWarning, match="Duplicate name"):  # slides onto the leftover
            prs = Presentation(str(path))
            prs.slides[0].notes_slide.notes_text_frame.text = "Meine Notizen"
            prs.save(str(path))


def update(path: Path, content: Path, text: str | None = None, **kw) -> list[str]:
    if text is not None:
        content.write_text(text, encoding="utf-8")
    lines: list[str] = []
    deckgen.build("Acme", output=path, content=content, date="2026-01-01", update=True,
                  report=lines.append, **kw)
    return lines


def names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        return zf.namelist()


@pytest.mark.parametrize("recipe", ["sldid_only", "sldid_then_edit", "drop_rel", "powerpoint"])
def test_deleted_slide_never_duplicates_parts_nor_comes_back(deck, recipe):
    path, content = deck
    delete(path, DELETED, recipe)
    if recipe == "sldid_only":
        assert package_errors(path) == ["ppt/slides/slide9.xml is a slide no slide list names"]
    lines = update(path, content, new_content())
    assert len(names(path)) == len({n.casefold() for n in names(path)})  # no part twice
    assert package_errors(path) == []
    prs = Presentation(str(path))
    assert DELETED not in titles(prs) and "Ein siebter Punkt" in titles(prs)
    assert f"  stays deleted: '{DELETED}' (--restore-deleted brings it back)" in lines
    assert DELETED not in agenda(prs) and DELETED not in prs.core_properties.keywords
    with zipfile.ZipFile(path) as zf:
        assert DELETED.encode() not in zf.read("docProps/app.xml")
    assert agenda(prs) == [t for t in POINTS if t != DELETED] + ["Ein siebter Punkt"]
    assert list(numbers(prs).values()) == ["1", "2", "3", "4", "5", "6"]
    assert by_title(prs, "Symbolwirkung").notes_slide.notes_text_frame.text.startswith(
        "Erstens: Symbolwirkung.")
    if recipe == "sldid_then_edit":  # the person's edit in the damaged file is kept
        assert prs.slides[0].notes_slide.notes_text_frame.text == "Meine Notizen"
    if recipe == "sldid_only":
        assert any("dropped ppt/slides/slide9.xml" in line for line in lines)
        errors, report = audit_errors(path)
        assert errors == 0, report
    data = path.read_bytes()
    before = sorted(p.name for p in path.parent.glob("deck.bak*.pptx"))
    again = update(path, content)
    assert again == ["deck.pptx: nothing to update (the content is what deckgen wrote last "
                     "time; your deck stays as it is)"]
    assert path.read_bytes() == data
    assert sorted(p.name for p in path.parent.glob("deck.bak*.pptx")) == before


def test_agenda_and_numbers_follow_the_persons_order(deck):
    path, content = deck
    prs = Presentation(str(path))
    lst = prs.slides._sldIdLst
    kpis = next(e for e in lst if e.id == by_title(prs, "Relevante KPIs").slide_id)
    first = next(e for e in lst if e.id == by_title(prs, "Symbolwirkung").slide_id)
    lst.remove(kpis)
    first.addnext(kpis)  # KPIs moved up to second place
    prs.save(str(path))
    lines = update(path, content)  # the same content: only the structure follows
    prs = Presentation(str(path))
    order = ["Symbolwirkung", "Relevante KPIs", *POINTS[1:5]]
    assert agenda(prs) == order
    assert numbers(prs) == {t: str(n) for n, t in enumerate(order, 1)}
    assert lines[0].startswith("deck.pptx: updated 6 texts, kept 0 edited, 0 conflicts")
    assert update(path, content)[0].startswith("deck.pptx: nothing to update")


def test_restore_deleted_brings_the_point_back_into_the_agenda(deck):
    path, content = deck
    delete(path, DELETED, "drop_rel")
    update(path, content)
    assert DELETED not in agenda(Presentation(str(path)))
    lines = update(path, content, restore_deleted=True)
    prs = Presentation(str(path))
    assert agenda(prs) == POINTS and list(numbers(prs)) == POINTS
    assert list(numbers(prs).values()) == ["1", "2", "3", "4", "5", "6"]
    assert f"  restored: '{DELETED}'" in lines and "1 added" in lines[0]
    assert package_errors(path) == []


def test_an_agenda_the_person_edited_stays_theirs_and_is_a_conflict(deck):
    path, content = deck
    prs = Presentation(str(path))
    slide = next(s for s in prs.slides if titles(prs)[list(prs.slides).index(s)].startswith("Sechs"))
    body = max((sh for sh in slide.shapes if sh.has_text_frame and sh != slide.shapes.title),
               key=lambda sh: len(sh.text_frame.text))
    body.text_frame.paragraphs[0].runs[0].text = "Symbolkraft"
    prs.save(str(path))
    delete(path, DELETED, "drop_rel")
    lines = update(path, content)
    prs = Presentation(str(path))
    assert agenda(prs)[0] == "Symbolkraft" and DELETED in agenda(prs)  # theirs, as they wrote it
    assert any(line.startswith("  conflict: slide 5, body: kept yours 'Symbolkraft") for line in lines)
    assert list(numbers(prs).values()) == ["1", "2", "3", "4", "5"]


def test_an_update_of_a_deck_nobody_touched_with_nothing_new_changes_nothing(deck):
    path, content = deck
    data = path.read_bytes()
    assert update(path, content) == ["deck.pptx: nothing to update (built from this content "
                                     "already)"]
    assert path.read_bytes() == data and not list(path.parent.glob("*.bak*"))


def test_the_package_check_refuses_a_damaged_zip_and_replaces_nothing(tmp_path, deck):
    path, _ = deck
    good = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(good)) as zf:
        members = [(i.filename, zf.read(i.filename)) for i in zf.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, blob in members:
            zf.writestr(name, blob)
        zf.writestr("PPT/Slides/Slide1.xml", members[-1][1])  # the same name, other case
        zf.writestr("ppt/media/stray.png", b"\x89PNG")  # related by nothing
    problems = package_problems(out.getvalue())
    assert problems == ["PPT/Slides/Slide1.xml is in the zip twice (as ppt/slides/slide1.xml)"]
    with pytest.raises(DeckgenError, match=r"not written, the file would be damaged \(PPT/Slides"):
        atomic_write(path, out.getvalue())
    assert path.read_bytes() == good and sorted(p.name for p in tmp_path.iterdir()) == [
        "deck.pptx", "pitch.yaml"]
    stray = io.BytesIO()
    with zipfile.ZipFile(stray, "w") as zf:
        for name, blob in members:
            zf.writestr(name, blob)
        zf.writestr("ppt/media/stray.xyz", b"?")
    assert package_problems(stray.getvalue()) == [
        "ppt/media/stray.xyz has no content type",
        "ppt/media/stray.xyz is not reachable from any relationship"]


def test_a_part_graph_that_would_zip_one_name_twice_is_never_written(deck):
    from pptx.opc.packuri import PackURI

    from deckgen.output.save import deck_bytes

    path, _ = deck
    prs = Presentation(str(path))
    prs.slides[1].part.partname = PackURI("/ppt/slides/Slide1.xml")  # slide1.xml, other case
    with pytest.raises(DeckgenError, match=r"ppt/slides/(S|s)lide1.xml is in the zip twice"):
        deck_bytes(prs)


def test_backups_keep_the_decks_permissions_and_only_the_newest_stay(tmp_path):
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(b"v1")
    os.chmod(deck, 0o640)
    first = keep_backup(deck)
    assert stat.S_IMODE(first.stat().st_mode) == 0o640
    for n in range(2, 8):
        deck.write_bytes(f"v{n}".encode())
        keep_backup(deck)
    assert sorted(backups(deck)) == list(range(1, 8))
    removed = prune_backups(deck, 3)
    assert [p.name for p in removed] == ["deck.bak.pptx"] + [f"deck.bak-{n}.pptx" for n in range(2, 5)]
    assert {n: p.read_bytes() for n, p in backups(deck).items()} == {5: b"v5", 6: b"v6", 7: b"v7"}
    deck.write_bytes(b"v8")
    assert keep_backup(deck).name == "deck.bak-8.pptx"  # after the newest, never into a gap


def test_update_keeps_the_mode_and_at_most_keep_backups(deck):
    path, content = deck
    os.chmod(path, 0o600)
    for n in range(4):
        prs = Presentation(str(path))
        prs.slides[0].shapes.title.text_frame.text = f"Mein Titel {n}"
        prs.save(str(path))
        os.chmod(path, 0o600)
        lines = update(path, content, PLEA.replace("Der erste Punkt ist", f"Punkt {n} ist"),
                       keep_backups=2)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    kept = sorted(backups(path).items())
    assert [n for n, _ in kept] == [3, 4]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for _, p in kept)
    assert any("removed 1 older backup(s), keeping the newest 2" in line for line in lines)
    with pytest.raises(DeckgenError, match="keep_backups: 0 is not a whole number of at least 1"):
        update(path, content, keep_backups=0)


def test_a_persons_own_slide_is_counted_as_kept(deck):
    path, content = deck
    prs = Presentation(str(path))
    mine = prs.slides.add_slide(prs.slide_layouts[3])
    mine.shapes.title.text_frame.text = "Meine Folie"
    prs.save(str(path))
    lines = update(path, content, new_content())
    assert "1 added, 1 kept, 0 removed, 0 deleted by you" in lines[0]
    assert "  kept (your own slides): 'Meine Folie'" in lines
    assert read_tags(Presentation(str(path)).slides[-1])[0] is None
