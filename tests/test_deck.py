"""The default deck as a PowerPoint user gets it: complete, editable, accessible."""

from __future__ import annotations

import re
import zipfile

from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import PP_PLACEHOLDER

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _title(slide) -> str:
    # no-break spaces keep names together on a line; compare the text as a reader sees it
    return slide.shapes.title.text_frame.text.replace("\xa0", " ") if slide.shapes.title else ""


def test_thirteen_slides_in_order(prs):
    titles = [_title(s) for s in prs.slides]
    assert len(titles) == 13
    assert titles[0] == "Social Media braucht eine eigene Abteilung"
    assert titles[5:11] == ["Symbolwirkung", "Durchsetzungskraft",
                            "Neutralität im interdisziplinären Team", "Eigenverantwortung",
                            "Erweiterung der Möglichkeiten", "Relevante KPIs"]
    assert "Müller & Söhne" in titles[11]
    assert titles[12] == "Quellen"


def test_titles_unique_for_screen_readers(prs):
    titles = [_title(s) for s in prs.slides]
    assert all(titles) and len(set(titles)) == len(titles)


def test_title_slide_names_company_presenter_and_date(prs):
    text = " ".join(sh.text_frame.text for sh in prs.slides[0].shapes if sh.has_text_frame)
    text = text.replace("\xa0", " ")  # names and dates are kept together with no-break spaces
    assert "Müller & Söhne" in text and "Jana Beispiel" in text and "27. November 2026" in text


def test_point_slides_are_numbered_one_to_six(prs):
    for n, slide in enumerate(list(prs.slides)[5:11], 1):
        texts = [sh.text_frame.text for sh in slide.placeholders if sh.has_text_frame]
        assert str(n) in texts


def test_every_text_is_in_a_placeholder(prs):
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                assert shape.is_placeholder, (shape.name, shape.text_frame.text)


def test_no_empty_placeholders(prs):
    for n, slide in enumerate(prs.slides, 1):
        for ph in slide.placeholders:
            if ph.placeholder_format.type == PP_PLACEHOLDER.CHART:
                continue
            assert ph.has_text_frame and ph.text_frame.text.strip(), (n, ph.name)


def test_notes_on_every_slide(prs):
    for slide in prs.slides:
        assert slide.has_notes_slide
        assert len(slide.notes_slide.notes_text_frame.text) > 80


def test_native_doughnut_chart_with_numbers_and_workbook(prs, default_deck):
    charts = [sh for s in prs.slides for sh in s.shapes if sh.has_chart]
    assert len(charts) == 1
    chart = charts[0].chart
    assert chart.chart_type == XL_CHART_TYPE.DOUGHNUT
    assert list(chart.plots[0].series[0].values) == [10.0, 90.0]
    assert chart.part.chart_workbook.xlsx_part is not None
    assert charts[0]._element.xpath("./p:nvGraphicFramePr/p:cNvPr/@descr")[0].startswith("1 von 10")
    with zipfile.ZipFile(default_deck) as zf:
        assert any(n.startswith("ppt/embeddings/") and n.endswith(".xlsx") for n in zf.namelist())


def test_chart_uses_theme_colours_only(default_deck):
    with zipfile.ZipFile(default_deck) as zf:
        xml = b"".join(zf.read(n) for n in zf.namelist() if n.startswith("ppt/charts/chart"))
    assert b"srgbClr" not in xml and b"schemeClr" in xml
    assert b'val="-' not in xml  # no negative axis ids


def test_slide_runs_use_theme_fonts_and_colours_and_german(default_deck):
    with zipfile.ZipFile(default_deck) as zf:
        for name in zf.namelist():
            if not re.match(r"ppt/(slides|notesSlides)/\w+\.xml$", name):
                continue
            xml = zf.read(name).decode()
            assert "srgbClr" not in xml, name
            for face in re.findall(r'<a:latin typeface="([^"]+)"', xml):
                assert face.startswith("+"), (name, face)
            for rpr in re.findall(r"<a:rPr[^>]*>", xml):
                assert 'lang="de-DE"' in rpr, (name, rpr)


def test_source_url_is_a_live_hyperlink(prs):
    links = [r.hyperlink.address for sh in prs.slides[12].shapes if sh.has_text_frame
             for p in sh.text_frame.paragraphs for r in p.runs if r.hyperlink.address]
    assert links == ["http://der-socialmediamanager.de/plaedoyer-fuer-eine-unabhaengige-social-media-abteilung/"]


def test_footer_and_slide_number_follow_template(prs):
    slide = prs.slides[3]
    kinds = {ph.placeholder_format.type for ph in slide.placeholders}
    assert PP_PLACEHOLDER.SLIDE_NUMBER in kinds and PP_PLACEHOLDER.FOOTER in kinds
    xml = slide._element.xml
    assert 'type="slidenum"' in xml


def test_reading_order_starts_with_title(prs):
    for slide in prs.slides:
        first = list(slide.shapes)[0]
        assert first.is_placeholder and first.placeholder_format.type in (
            PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


def test_no_example_or_stray_parts(default_deck):
    with zipfile.ZipFile(default_deck) as zf:
        slides = [n for n in zf.namelist() if re.match(r"ppt/slides/slide\d+\.xml$", n)]
        notes = [n for n in zf.namelist() if re.match(r"ppt/notesSlides/\w+\.xml$", n)]
    assert len(slides) == 13 and len(notes) == 13


def test_file_name_from_company(tmp_path):
    import deckgen

    (path,) = deckgen.build("Müller & Söhne", output=tmp_path)
    assert path.name == "mueller-soehne-social-media-plaedoyer.pptx"
