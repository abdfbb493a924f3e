"""Writer building blocks for the new kinds, each on a blank python-pptx presentation.

`add_table`, `place_picture` and `add_bar_chart` are called by the deck writer; here they are
checked on their own: native, editable objects, alt text, language, no distortion, valid XML.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from checks import audit_errors
from PIL import Image
from pptx import Presentation
from pptx.util import Emu

from deckgen.deck.bar_chart import add_bar_chart
from deckgen.deck.picture import fit_inside, place_picture
from deckgen.deck.table import FALLBACK_STYLE, add_table
from deckgen.geometry import Box
from deckgen.pitch.markup import parse
from deckgen.pitch.plan import ChartSpec, ImageSpec, SeriesSpec, TableSpec

BOX = Box(457200, 1371600, 11277600, 4800600)


def blank():
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    return prs


def assert_valid(prs, tmp_path: Path) -> Path:
    path = tmp_path / "blocks.pptx"
    prs.save(str(path))
    reopened = Presentation(str(path))
    assert len(reopened.slides) == len(prs.slides)
    errors, report = audit_errors(path)  # the schema check the project declares (openxml-audit)
    assert errors == 0, report
    return path


def test_table_7_by_10_native_in_theme_style(tmp_path):
    prs = blank()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    spec = TableSpec(tuple(parse(f"**Spalte {j}**") for j in range(7)),
                     tuple(tuple(parse(f"Zeile *{i}*" if not j else f"{i * 1000 + 0.5}")
                                 for j in range(7)) for i in range(10)),
                     (False,) + (True,) * 6)
    frame = add_table(slide, BOX, spec, "de-DE")
    table = frame.table
    assert (len(table.rows), len(table.columns)) == (11, 7)
    assert table.first_row
    assert sum(c.width for c in table.columns) == BOX.w
    assert table._tbl.tblPr.find(
        "{http://schemas.openxmlformats.org/drawingml/2006/main}tableStyleId").text == FALLBACK_STYLE
    cell = table.cell(1, 0).text_frame.paragraphs[0]
    assert cell.runs[1].font.italic and cell.runs[1].text == "0"
    assert table.cell(0, 3).text_frame.paragraphs[0].runs[0].font.bold
    assert 'lang="de-DE"' in frame._element.xml and 'algn="r"' in frame._element.xml
    assert frame._element.xpath("./p:nvGraphicFramePr/p:cNvPr/@descr")[0].startswith("Spalte 0")
    assert_valid(prs, tmp_path)


def test_table_links_and_line_breaks(tmp_path):
    prs = blank()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    spec = TableSpec((parse("Quelle"),), ((parse("[BVDW](https://www.bvdw.org/)\nStudie"),),))
    frame = add_table(slide, BOX, spec, "en-US")
    p = frame.table.cell(1, 0).text_frame.paragraphs[0]
    assert p.runs[0].hyperlink.address == "https://www.bvdw.org/"
    assert p.text == "BVDW\vStudie"
    assert_valid(prs, tmp_path)


@pytest.mark.parametrize("size", [(800, 400), (300, 900), (500, 500)])
def test_picture_in_placeholder_fits_without_crop_or_distortion(tmp_path, size):
    image = tmp_path / "p.png"
    Image.new("RGB", size, (200, 30, 30)).save(image)
    prs = blank()
    slide = prs.slides.add_slide(prs.slide_layouts[8])  # "Picture with Caption"
    ph = next(p for p in slide.placeholders if p.placeholder_format.type == 18)
    box = (ph.left, ph.top, ph.width, ph.height)
    pic = place_picture(slide, ph, ImageSpec(str(image), "Ein rotes Rechteck", *size))
    assert (pic.crop_left, pic.crop_right, pic.crop_top, pic.crop_bottom) == (0, 0, 0, 0)
    assert pic.is_placeholder
    assert abs(pic.width / pic.height - size[0] / size[1]) < 0.01
    assert pic.left >= box[0] and pic.top >= box[1]
    assert pic.left + pic.width <= box[0] + box[2] and pic.top + pic.height <= box[1] + box[3]
    assert pic.width == box[2] or pic.height == box[3]  # as large as fits
    assert pic._element.xpath("./p:nvPicPr/p:cNvPr/@descr") == ["Ein rotes Rechteck"]
    assert_valid(prs, tmp_path)


def test_picture_without_placeholder_is_scaled_into_the_box(tmp_path):
    image = tmp_path / "p.jpg"
    Image.new("RGB", (1600, 400)).save(image)
    prs = blank()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    pic = place_picture(slide, BOX, ImageSpec(str(image), "Ein Banner", 1600, 400))
    assert (pic.left, pic.top, pic.width, pic.height) == fit_inside(1600, 400, *BOX.__dict__.values())
    assert pic.width == BOX.w and pic._element.xpath("./p:nvPicPr/p:cNvPr/@descr") == ["Ein Banner"]
    assert_valid(prs, tmp_path)


@pytest.mark.parametrize(("kind", "lang", "labels"), [
    ("column", "de-DE", ("12,5\u00a0%", "30,0\u00a0%", "46,5\u00a0%")),
    ("bar", "en-US", ("12.5%", "30.0%", "46.5%")),
])
def test_bar_chart_native_with_language_labels(tmp_path, kind, lang, labels):
    from pptx.enum.chart import XL_CHART_TYPE

    cats = ("2022", "2023", "2024")
    spec = ChartSpec(cats, (), "Anteil mit DSB: 2022 12,5 %", kind=kind, categories=cats,
                     series=(SeriesSpec("Mit", (12.5, 30.0, 46.5), labels),
                             SeriesSpec("Ohne", (87.5, 70.0, -3.0), ("a", "b", "c"))),
                     number_format='#,##0.0" %"', unit="%")
    prs = blank()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    frame = add_bar_chart(slide, BOX, spec, lang)
    chart = frame.chart
    want = XL_CHART_TYPE.BAR_CLUSTERED if kind == "bar" else XL_CHART_TYPE.COLUMN_CLUSTERED
    assert chart.chart_type == want
    assert list(chart.plots[0].categories) == list(cats)
    assert list(chart.series[0].values) == [12.5, 30.0, 46.5]
    assert [chart.series[0].points[j].data_label.text_frame.text for j in range(3)] == list(labels)
    assert chart.has_legend
    xml = chart._chartSpace.xml
    assert f'lang="{lang}"' in xml and "schemeClr" in xml and 'val="-' not in xml.split("axId")[1]
    assert frame._element.xpath("./p:nvGraphicFramePr/p:cNvPr/@descr") == [spec.alt_text]
    assert_valid(prs, tmp_path)
