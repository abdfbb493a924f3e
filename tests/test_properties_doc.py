"""Real document properties (issue 12): core.xml, app.xml and the thumbnail say what the deck is."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from checks import audit_errors
from lxml import etree
from PIL import Image
from pptx import Presentation

import deckgen
from deckgen.deck.properties import build_day
from deckgen.errors import DeckgenError

VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"
EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"


@pytest.fixture(scope="module")
def deck(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("props")
    (path,) = deckgen.build("Müller & Söhne", output=folder / "deck.pptx",
                            presenter="Jana Beispiel", date="03.12.2026")
    return path


def part(deck: Path, name: str) -> bytes:
    with zipfile.ZipFile(deck) as zf:
        return zf.read(name)


def test_core_properties(deck):
    cp = Presentation(str(deck)).core_properties
    assert cp.title == "Social Media braucht eine eigene Abteilung"
    assert cp.subject == "Müller & Söhne" and cp.author == "Jana Beispiel"
    assert cp.keywords.startswith("Müller & Söhne; ") and "Symbolwirkung" in cp.keywords
    assert cp.language == "de-DE"
    assert cp.created == cp.modified == dt.datetime(2026, 12, 3)
    assert b"lastPrinted" not in part(deck, "docProps/core.xml")
    assert cp.identifier.startswith("deckgen:sha256:")


def test_app_properties_count_the_real_slides(deck):
    root = etree.fromstring(part(deck, "docProps/app.xml"))
    prs = Presentation(str(deck))
    assert root.findtext(f"{EP}Application") == "deckgen"
    assert root.findtext(f"{EP}Slides") == str(len(prs.slides)) == "13"
    assert root.findtext(f"{EP}Notes") == "13"
    assert root.findtext(f"{EP}Company") == "Müller & Söhne"
    pairs = root.find(f"{EP}HeadingPairs/{VT}vector")
    values = [v[0].text for v in pairs]
    groups = dict(zip(values[::2], (int(n) for n in values[1::2])))
    titles = [t.text for t in root.find(f"{EP}TitlesOfParts/{VT}vector")]
    assert int(pairs.get("size")) == len(values) and sum(groups.values()) == len(titles)
    assert int(root.find(f"{EP}TitlesOfParts/{VT}vector").get("size")) == len(titles)
    slide_titles = titles[-groups["Slide Titles"]:]
    assert len(slide_titles) == 13
    assert slide_titles[0] == prs.slides[0].shapes.title.text_frame.text.replace("\u00ad", "")
    assert b"Macintosh" not in part(deck, "docProps/app.xml")


def test_thumbnail_shows_the_title_slide(deck):
    blob = part(deck, "docProps/thumbnail.png")
    assert blob.startswith(b"\x89PNG")
    image = Image.open(io.BytesIO(blob)).convert("RGB")
    assert image.width == 256 and image.height == 144
    corner = image.getpixel((2, image.height - 3))
    colours = {image.getpixel((x, y)) for x in range(0, 256, 4) for y in range(0, 144, 4)}
    assert sum(corner) < 300  # the default title slide is dark blue
    assert any(sum(c) > 600 for c in colours)  # with light title text on it
    rels = part(deck, "_rels/.rels").decode()
    assert "metadata/thumbnail" in rels and "docProps/thumbnail.png" in rels
    assert "thumbnail.jpeg" not in rels  # the template's own thumbnail is gone


def test_deck_is_schema_valid(deck):
    errors, report = audit_errors(deck)  # openxml-audit, a declared test dependency
    assert errors == 0, report


def test_build_day_sources(monkeypatch):
    assert build_day("2026-12-03", {}) == dt.date(2026, 12, 3)
    assert build_day("", {"SOURCE_DATE_EPOCH": "1764720000"}) == dt.date(2025, 12, 3)
    assert build_day("", {"SOURCE_DATE_EPOCH": "junk"}, today=dt.date(2027, 1, 2)) == \
        dt.date(2027, 1, 2)
    assert build_day("", {}) == dt.date.today()


def test_source_date_epoch_and_today(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764720000")
    (a,) = deckgen.build("Acme", output=tmp_path / "a.pptx")
    assert Presentation(str(a)).core_properties.created == dt.datetime(2025, 12, 3)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    (b,) = deckgen.build("Acme", output=tmp_path / "b.pptx")
    (c,) = deckgen.build("Acme", output=tmp_path / "c.pptx")
    today = dt.datetime.combine(dt.date.today(), dt.time())
    assert Presentation(str(b)).core_properties.created == today
    assert b.read_bytes() == c.read_bytes()
    assert Presentation(str(b)).core_properties.author == ""


def test_edited_deck_still_detected(tmp_path):
    (a,) = deckgen.build("Acme", output=tmp_path / "a.pptx", date="2026-12-03")
    deckgen.build("Acme", output=tmp_path / "a.pptx", date="2026-12-03")  # unchanged: fine
    prs = Presentation(str(a))
    prs.slides[1].shapes.title.text_frame.text = "Von Hand geändert"
    prs.save(str(a))
    with pytest.raises(DeckgenError, match="changed since deckgen wrote it"):
        deckgen.build("Acme", output=tmp_path / "a.pptx", date="2026-12-03")


def test_misspelt_relationship_type_does_not_give_two_app_parts(tmp_path):
    """A template relating app.xml under a wrong type must not end with two app.xml."""
    import warnings

    from pptx import Presentation as Open

    src = Open()
    pkg = src.part.package
    app = next(r for r in pkg._rels.values() if r.reltype.endswith("/extended-properties"))
    app._reltype = ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                    "extended-properties")
    template = tmp_path / "t.pptx"
    src.save(str(template))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # zipfile warns about a duplicate name
        (deck,) = deckgen.build("Acme", template=template, output=tmp_path / "d.pptx")
    with zipfile.ZipFile(deck) as z:
        names = z.namelist()
    assert names.count("docProps/app.xml") == 1
