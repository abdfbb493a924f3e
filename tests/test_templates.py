"""Any organisation's template: localized names, odd indices, example slides, .potx, sizes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from checks import audit_errors
from conftest import CORPUS, ROOT
from pptx import Presentation
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls

import deckgen
from deckgen.output.template_files import template_bytes
from deckgen.template.resolve import resolve
from deckgen.template.source import locate

GERMAN = {
    "Title Slide": "Titelfolie", "Title and Content": "Titel und Inhalt",
    "Section Header": "Abschnitts-\nüberschrift", "Two Content": "Zwei Inhalte",
    "Comparison": "Vergleich", "Title Only": "Nur Titel", "Blank": "Leer",
    "Content with Caption": "Inhalt mit Überschrift", "Picture with Caption": "Bild mit Überschrift",
    "Title and Vertical Text": "Titel und vertikaler Text",
    "Vertical Title and Text": "Vertikaler Titel und Text",
}


def _save(prs, path: Path) -> Path:
    prs.save(str(path))
    return path


def german_reversed(path: Path) -> Path:
    """python-pptx's default with German names and the layout order reversed."""
    prs = Presentation()
    master = prs.slide_masters[0]
    lst = master._element.sldLayoutIdLst
    for layout in master.slide_layouts:
        layout.name = GERMAN[layout.name]
        layout._element.attrib.pop("type", None)  # type means nothing in real templates
    for el in reversed(list(lst)):
        lst.remove(el)
        lst.append(el)
    return _save(prs, path)


def _layout(prs, name: str):
    return next(la for la in prs.slide_layouts if la.name == name)


def no_idx(path: Path) -> Path:
    """LibreOffice style: no idx attributes at all."""
    prs = Presentation()
    for layout in prs.slide_layouts:
        for ph in layout.placeholders:
            ph._element.ph.attrib.pop("idx", None)
    return _save(prs, path)


def corporate_idx(path: Path) -> Path:
    """Content at idx 14 and a small text box above the title, like corporate masters."""
    prs = Presentation()
    layout = _layout(prs, "Title and Content")
    body = [ph for ph in layout.placeholders if ph.placeholder_format.idx == 1][0]
    body._element.ph.set("idx", "14")
    title = [ph for ph in layout.placeholders if ph.placeholder_format.idx == 0][0]
    kicker = parse_xml(
        f'<p:sp {nsdecls("p", "a")}><p:nvSpPr><p:cNvPr id="99" name="Kicker"/><p:cNvSpPr/>'
        '<p:nvPr><p:ph type="body" sz="quarter" idx="15"/></p:nvPr></p:nvSpPr><p:spPr>'
        f'<a:xfrm><a:off x="{title.left}" y="100000"/><a:ext cx="{title.width}" cy="250000"/>'
        '</a:xfrm></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p/></p:txBody></p:sp>')
    layout.shapes._spTree.append(kicker)
    return _save(prs, path)


def with_examples(path: Path) -> Path:
    prs = Presentation()
    for layout in list(prs.slide_layouts)[:4]:
        slide = prs.slides.add_slide(layout)
        if slide.shapes.title is not None:
            slide.shapes.title.text = "Beispielfolie"
        slide.notes_slide.notes_text_frame.text = "Beispielnotiz"
    return _save(prs, path)


def as_potx(path: Path) -> Path:
    raw = io.BytesIO()
    Presentation().save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            blob = zin.read(info.filename)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(b"presentation.main+xml", b"template.main+xml")
            zout.writestr(info, blob)
    path.write_bytes(out.getvalue())
    return path


def sized(path: Path, w: int, h: int) -> Path:
    """python-pptx's default scaled to another slide size, as a designer would resize it."""
    prs = Presentation()
    fx, fy = w / prs.slide_width, h / prs.slide_height
    prs.slide_width, prs.slide_height = w, h
    master = prs.slide_masters[0]
    for part in [master, *master.slide_layouts]:
        for el in part._element.iter():
            tag = el.tag.rsplit("}", 1)[-1]
            if tag in ("off", "ext"):
                kx, ky = ("x", "y") if tag == "off" else ("cx", "cy")
                if el.get(kx) is None:  # an extension list's <ext uri=…>, not geometry
                    continue
                el.set(kx, str(int(int(el.get(kx)) * fx)))
                el.set(ky, str(int(int(el.get(ky)) * fy)))
    return _save(prs, path)


def _map(path: Path):
    src = locate(path)
    prs = src.open()
    return resolve(prs, src.name, src.layouts, src.config_path)


def test_german_names_found_regardless_of_order(tmp_path):
    tmap = _map(german_reversed(tmp_path / "de.pptx"))
    assert tmap.choices["title"].layout.name == "Titelfolie"
    assert tmap.choices["statement"].layout.name == "Abschnitts-\nüberschrift"
    assert tmap.choices["bullets"].layout.name == "Titel und Inhalt"
    assert tmap.choices["statistic"].layout.name == "Zwei Inhalte"
    assert "layout name" in tmap.choices["statement"].reason


def test_placeholders_without_idx_get_geometry(tmp_path):
    path = no_idx(tmp_path / "lo.pptx")
    (deck,) = deckgen.build("Acme", template=path, output=tmp_path / "d.pptx")
    prs = Presentation(str(deck))
    body = [sh for sh in prs.slides[3].placeholders if sh.placeholder_format.idx == 0
            and sh.placeholder_format.type != 1]
    assert body and all(sh.left is not None and sh.width > 0 for sh in body)


def test_corporate_content_at_idx_14_and_kicker_box_ignored(tmp_path):
    tmap = _map(corporate_idx(tmp_path / "corp.pptx"))
    body = tmap.choices["bullets"].slots["body"].ph
    assert body.idx == 14
    (deck,) = deckgen.build("Acme", template=tmp_path / "corp.pptx", output=tmp_path / "d.pptx")
    texts = [sh.text_frame.text for sh in Presentation(str(deck)).slides[3].placeholders]
    assert any("Kampagnen" in t for t in texts)


def test_example_slides_removed_cleanly(tmp_path):
    path = with_examples(tmp_path / "ex.pptx")
    assert len(_map(path).example_slides) == 4
    (deck,) = deckgen.build("Acme", template=path, output=tmp_path / "d.pptx")
    with zipfile.ZipFile(deck) as zf:
        names = zf.namelist()
        body = b"".join(zf.read(n) for n in names if n.endswith(".xml"))
    assert sum(n.startswith("ppt/slides/slide") for n in names) == 13
    assert b"Beispielfolie" not in body and b"Beispielnotiz" not in body


def test_potx_accepted(tmp_path):
    (deck,) = deckgen.build("Acme", template=as_potx(tmp_path / "t.potx"),
                            output=tmp_path / "d.pptx")
    assert len(Presentation(str(deck)).slides) == 13


@pytest.mark.parametrize("size", [(9144000, 6858000), (12192000, 6858000), (9144000, 5143500),
                                  (9144000, 5715000), (10080000, 5670000)])
def test_slide_size_kept_and_shapes_on_slide(tmp_path, size):
    path = sized(tmp_path / "s.pptx", *size)
    (deck,) = deckgen.build("Acme", template=path, output=tmp_path / "d.pptx")
    prs = Presentation(str(deck))
    assert (prs.slide_width, prs.slide_height) == size
    for slide in prs.slides:
        for sh in slide.shapes:
            if sh.left is not None:
                assert sh.left >= 0 and sh.left + sh.width <= size[0] + 1
                assert sh.top >= 0 and sh.top + sh.height <= size[1] + 1


def test_explicit_choice_in_template_yaml_wins(tmp_path):
    folder = tmp_path / "corp"
    folder.mkdir()
    Presentation().save(str(folder / "template.pptx"))
    (folder / "template.yaml").write_text('layouts:\n  closing: "Section Header"\n')
    tmap = _map(folder)
    assert tmap.choices["closing"].layout.name == "Section Header"
    assert "template.yaml" in tmap.choices["closing"].reason


@pytest.mark.parametrize("name", ["default", "dark"])
def test_shipped_template_reproducible_from_yaml(name):
    folder = ROOT / "templates" / name
    assert template_bytes(folder) == (folder / "template.pptx").read_bytes()


@pytest.mark.parametrize("name", ["default", "dark"])
def test_shipped_template_is_16_9_with_distinct_layouts_and_contrast(name):
    from deckgen.brand import contrast_report, load_tokens

    folder = ROOT / "templates" / name
    prs = Presentation(str(folder / "template.pptx"))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    names = {la.name for la in prs.slide_layouts}
    assert {"Title Slide", "Section Header", "Big Number", "Title and Content", "Closing"} <= names
    ratios = [r for _, _, r in contrast_report(load_tokens(folder / "template.yaml"))]
    assert ratios and min(ratios) >= 4.5


CORPUS_FILES = sorted(CORPUS.glob("*.pptx")) + sorted(CORPUS.glob("potx/*.potx")) \
    if CORPUS.is_dir() else []


@pytest.mark.skipif(not CORPUS_FILES, reason="shared/corpus is not beside the project")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_template_gives_complete_deck(tmp_path, path):
    from a11y_rules import a11y_review
    from design_rules import review

    company = "Müller & Söhne GmbH"
    (deck,) = deckgen.build(company, template=path, output=tmp_path / "d.pptx")
    assert review(deck, company) == []  # hierarchy, one type scale, sizes, overlap, contrast
    assert a11y_review(deck) == []  # real titles read first, alt text, outline, language
    prs = Presentation(str(deck))
    assert len(prs.slides) == 13
    titles = [s.shapes.title.text_frame.text if s.shapes.title is not None else "" for s in
              prs.slides]
    assert "Symbolwirkung" in " ".join(titles) and "Quellen" in " ".join(titles)
    for slide in prs.slides:
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text
    errors, report = audit_errors(deck)
    assert errors == 0, report


def test_template_without_content_layouts_draws_inside_content_area(tmp_path):
    """Only a title slide and a title-only layout: text goes in boxes below the title."""
    prs = Presentation()
    master = prs.slide_masters[0]
    keep = {"Title Slide", "Title Only"}
    lst = master._element.sldLayoutIdLst
    for layout, el in zip(list(master.slide_layouts), list(lst)):
        if layout.name not in keep:
            lst.remove(el)
            master.part.drop_rel(el.rId) if hasattr(master.part, "drop_rel") else \
                master.part.rels.pop(el.rId)
    path = _save(prs, tmp_path / "bare.pptx")
    tmap = _map(path)
    assert "fallback" in tmap.choices["bullets"].reason or \
        tmap.choices["bullets"].slots["body"].ph is None
    (deck,) = deckgen.build("Acme", template=path, output=tmp_path / "d.pptx")
    out = Presentation(str(deck))
    slide = out.slides[3]
    title_bottom = slide.shapes.title.top + slide.shapes.title.height
    boxes = [sh for sh in slide.shapes if sh.has_text_frame and "Kampagnen" in sh.text_frame.text]
    assert boxes and boxes[0].top >= title_bottom
    assert boxes[0].left + boxes[0].width <= out.slide_width
    assert boxes[0].top + boxes[0].height <= out.slide_height
