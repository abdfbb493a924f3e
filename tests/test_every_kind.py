"""Every slide kind (all fourteen) built into real decks: the bundled templates, fixture
templates and every template of the shared corpus.

Each deck is re-opened, schema-checked and reviewed like `design_check` (sizes, hierarchy,
overlap, contrast) and `a11y_check` (titles, alt text, reading order, outline, language)
would; the native objects (table, picture, bar chart, drawn figures and roadmap) are really
there and editable; inline markup arrives as bold, italic and live links.
"""

from __future__ import annotations

import io
from dataclasses import fields
from pathlib import Path
from typing import get_args

import pytest
import yaml
from a11y_rules import review as a11y
from checks import audit_errors
from conftest import CORPUS
from design_rules import review
from fixture_templates import BUILDERS
from PIL import Image
from pptx import Presentation

import deckgen
from deckgen.pitch.model import Slide

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
NOTES = "Notizen."


def every_kind(folder: Path) -> Path:
    buf = io.BytesIO()
    Image.new("RGB", (640, 400), (30, 90, 160)).save(buf, "PNG")
    (folder / "bild.png").write_bytes(buf.getvalue())
    data = {"lang": "de-DE", "slug": "datenschutz", "title": "Datenschutz", "slides": [
        {"kind": "title", "title": "Wir brauchen einen Datenschutzbeauftragten",
         "subtitle": "Für {{ company }}", "notes": NOTES},
        {"kind": "statement", "title": "Worum es geht",
         "text": "Datenschutz ist **Chefsache** – [mehr dazu](https://example.org/dsgvo).",
         "notes": NOTES},
        {"kind": "statistic", "title": "Bußgelder steigen", "figure": "46,5 %",
         "caption": "mehr Verfahren als im Vorjahr", "source": "Quelle: Beispiel",
         "chart": {"type": "column", "categories": ["2024", "2025", "2026"],
                   "series": [{"name": "Verfahren", "values": [12.5, 18, 26.5]}]},
         "notes": NOTES},
        {"kind": "agenda", "title": "Drei Gründe", "notes": NOTES},
        {"kind": "points", "items": [
            {"title": f"Grund {i}", "statement": f"Aussage *{i}* mit Yahoo!* und C*.",
             "notes": NOTES} for i in range(1, 4)]},
        {"kind": "quote", "text": "Daten sind *Vertrauen*.", "author": "Jana Beispiel",
         "role": "Datenschutz", "notes": NOTES},
        {"kind": "comparison", "title": "Heute und morgen",
         "left": {"heading": "Heute", "bullets": ["Unklar", {"text": "Risiko",
                                                            "sub": ["Bußgeld"]}]},
         "right": {"heading": "Mit DSB", "bullets": ["Klar geregelt"]}, "notes": NOTES},
        {"kind": "table", "title": "Kosten im Vergleich",  # the largest table allowed: 7 x 10
         "header": ["Posten", "2021", "2022", "2023", "2024", "2025", "2026"],
         "rows": [[f"Posten {i}"] + [f"{i * 100 + j},50" for j in range(6)] for i in range(10)],
         "notes": NOTES},
        {"kind": "image", "title": "So sieht es aus", "image": "bild.png",
         "alt": "Ein blaues Rechteck", "caption": "Ein Beispielbild", "notes": NOTES},
        {"kind": "figures", "title": "Was es kostet und bringt", "items": [
            {"figure": "1,2 Mio. €", "caption": "Kosten im ersten Jahr",
             "source": "Planung 2027"},
            {"figure": "3 Stellen", "caption": "neue Stellen im Team"},
            {"figure": "18 Monate", "caption": "bis sich die Stelle trägt"}],
         "notes": NOTES},
        {"kind": "roadmap", "title": "So gehen wir vor", "steps": [
            {"label": "Entscheidung", "when": "Q1 2027", "text": "Budget und Auftrag"},
            {"label": "Aufbau", "when": "Q2 2027", "text": "Stelle besetzen, Prozesse klären"},
            {"label": "Pilot", "when": "H2 2027", "text": "Zwei Abteilungen beraten"},
            {"label": "Regelbetrieb", "when": "2028"}],
         "notes": NOTES},
        {"kind": "bullets", "title": "Nächste Schritte", "bullets": ["Budget", "Ausschreibung"],
         "notes": NOTES},
        {"kind": "closing", "title": "Unser Vorschlag für {{ company }}",
         "bullets": ["Eine Stelle schaffen"], "notes": NOTES},
        {"kind": "sources", "title": "Quellen", "items": [
            {"text": "DSGVO", "url": "https://eur-lex.europa.eu/eli/reg/2016/679/oj"}],
         "notes": NOTES},
    ]}
    assert {s["kind"] for s in data["slides"]} == set(KINDS)  # every kind there is
    path = folder / "pitch.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


TEMPLATES = ["default", "dark", *(f"fixture:{n}" for n in ("no_placeholders", "grey_accents",
                                                          "four_by_three",
                                                          "keynote_1920x1080pt")),
             *(f"corpus:{n}.pptx" for n in (
                 "agdsn_praesentationsvorlage_lo", "icon_jp_consulting_template",
                 "md2pptx_martin_template", "mecanon_ufrj_template", "pandoc_footer_reference",
                 "pandoc_layouts_deleted", "pandoc_layouts_moved", "pandoc_reference",
                 "python-pptx_default", "rstudio_soleng_template"))]
# every kind the content model knows: the pitch must show them all
KINDS = tuple(f.default for cls in get_args(Slide) for f in fields(cls) if f.name == "kind")


def _template(tmp_path: Path, spec: str):
    if spec.startswith("fixture:"):
        name = spec.split(":", 1)[1]
        return BUILDERS[name](tmp_path / f"{name}.pptx")
    if spec.startswith("corpus:"):
        path = CORPUS / spec.split(":", 1)[1]
        if not path.exists():
            pytest.skip("the shared corpus is not on this machine")
        return path
    return spec


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_kind_builds_editable_and_presentable(tmp_path, template):
    content = every_kind(tmp_path)
    (deck,) = deckgen.build("Müller & Söhne GmbH", content=content,
                            template=_template(tmp_path, template), output=tmp_path / "d.pptx")
    errors, detail = audit_errors(deck)
    assert errors == 0, detail
    assert review(deck, "Müller & Söhne GmbH") == []
    assert a11y(deck) == []  # the last resort's boxes too are real placeholders
    prs = Presentation(str(deck))
    assert len(prs.slides) == 16
    kinds = {i: [s.shape_type for s in slide.shapes] for i, slide in enumerate(prs.slides)}
    assert any(s.has_chart for s in prs.slides[2].shapes)  # the column chart
    assert any(getattr(s, "has_table", False) and s.has_table for s in prs.slides[9].shapes)
    pics = [s for s in prs.slides[10].shapes
            if s.shape_type == 13 or type(s).__name__ == "PlaceholderPicture"]
    assert pics and pics[0]._element.xpath(".//p:cNvPr")[0].get("descr") == "Ein blaues Rechteck"
    for number, words in ((11, ("1,2 Mio. €", "18 Monate")), (12, ("Q1 2027", "Regelbetrieb"))):
        groups = prs.slides[number]._element.findall(f".//{P}grpSp")
        assert len(groups) == 1 and all(w in groups[0].find(f"{P}nvGrpSpPr/{P}cNvPr").get(
            "descr") for w in words), kinds[number]
    xml = prs.slides[1]._element
    assert any(r.get("b") == "1" for r in xml.iter(f"{A}rPr"))
    assert any(r.find(f"{A}hlinkClick") is not None for r in xml.iter(f"{A}rPr"))
    texts = " ".join(s.text_frame.text for s in prs.slides[8].shapes if s.has_text_frame)
    assert "Heute" in texts and "Mit DSB" in texts and "Bußgeld" in texts, kinds
    for slide in prs.slides:
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text


def test_every_kind_fits_as_rendered(tmp_path):
    """LibreOffice draws every text of every kind inside its box (the default template)."""
    from checks import overflow_issues, render_pdf
    from conftest import soffice

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    (deck,) = deckgen.build("Müller & Söhne GmbH", content=every_kind(tmp_path),
                            output=tmp_path / "d.pptx")
    pdf = render_pdf(deck, tmp_path)
    assert overflow_issues(deck, pdf) == []
