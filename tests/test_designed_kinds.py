"""Quote, charts, table, lists and image set as a designer would (issue 21, items 1–5)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from kind_decks import NOTES, A, P, build, plain, sizes, texts
from pptx import Presentation

from deckgen.deck.chart_contrast import needs_outline
from deckgen.typeset.backdrop import color
from deckgen.typeset.contrast import contrast_ratio
from deckgen.typeset.styles import theme_colors

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
QUOTE = {"kind": "quote", "text": "Daten sind *Vertrauen*.", "author": "Jana Beispiel",
         "role": "Datenschutz", "notes": NOTES}


# -- 1. quote ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("lang", "marks"), [("de-DE", "„“"), ("en-GB", "“”")])
def test_quotation_is_the_large_text_and_the_author_appears_once(tmp_path, lang, marks):
    deck = build(tmp_path, QUOTE, lang=lang)
    shapes = texts(deck, 2)
    title = next(t for t in shapes if t["kind"] == "title")
    assert plain(title) == f"{marks[0]}Daten sind Vertrauen.{marks[1]}"
    rest = [t for t in shapes if t is not title]
    assert [plain(t) for t in rest] == ["— Jana Beispiel, Datenschutz"]
    assert min(sizes(title)) > max(s for t in rest for s in sizes(t))
    assert any(r.get("i") == "1" for r in title["sp"].iter(f"{A}rPr"))  # the emphasis stays


# -- 2. charts --------------------------------------------------------------------------------
def _chart(deck: Path, number: int):
    slide = Presentation(str(deck)).slides[number - 1]
    frame = next(s for s in slide.shapes if getattr(s, "has_chart", False) and s.has_chart)
    return slide, frame


def test_bar_chart_names_its_series_and_keeps_each_values_decimals(tmp_path):
    chart = {"type": "column", "categories": ["2024", "2025", "2026"],
             "series": [{"name": "Tickets (Tausend)", "values": [41, 12.5, 1234.25]}]}
    deck = build(tmp_path, {"kind": "statistic", "title": "Mehr Tickets", "chart": chart,
                            "notes": NOTES})
    _slide, frame = _chart(deck, 2)
    assert frame.chart.has_legend and frame.chart.series[0].name == "Tickets (Tausend)"
    labels = [p.data_label.text_frame.text for p in frame.chart.series[0].points]
    assert labels == ["41", "12,5", "1.234,25"]
    descr = frame._element.find(f".//{P}cNvPr").get("descr")
    assert "Tickets (Tausend): 2024 41, 2025 12,5, 2026 1.234,25" in descr


@pytest.mark.parametrize("template", ["default", "dark"])
def test_every_slice_stands_out_or_is_outlined_and_labels_follow_the_language(tmp_path,
                                                                               template):
    chart = {"type": "doughnut", "value": 1, "of": 8, "labels": ["Mit", "Ohne"]}
    deck = build(tmp_path, {"kind": "statistic", "title": "Jede achte", "figure": "1 von 8",
                            "chart": chart, "notes": NOTES}, template=template)
    slide, frame = _chart(deck, 2)
    scheme = theme_colors(slide.slide_layout.slide_master)
    bg = scheme["bg1"] if template == "default" else "#111827"  # the dark slides' colour
    points = frame.chart._chartSpace.findall(f".//{C}dPt")
    fills = [color(p.find(f"{C}spPr/{A}solidFill")[0], scheme) for p in points]
    assert contrast_ratio(fills[1], bg) < 3.0  # the muted rest: the case this is about
    lines = [p.find(f"{C}spPr/{A}ln/{A}solidFill") for p in points]
    for line, fill in zip(lines, fills):
        if contrast_ratio(fill, bg) < 3.0:
            assert line is not None  # its outline (and legend swatch) shows on the slide
            assert contrast_ratio(color(line[0], scheme), bg) >= 3.0
    if contrast_ratio(fills[0], fills[1]) < 3.0:  # neighbours: a border between them
        assert any(line is not None for line in lines)
    labels = [p.data_label.text_frame.text for p in frame.chart.plots[0].series[0].points]
    assert labels == ["12,5\u00a0%", "87,5\u00a0%"]
    descr = frame._element.find(f".//{P}cNvPr").get("descr")
    assert "Mit 12,5\u00a0%" in descr and "Ohne 87,5\u00a0%" in descr  # its data


def test_areas_below_three_to_one_are_the_ones_outlined():
    assert needs_outline(["#1E3A8A", "#D0D5DD"], "#FFFFFF", ring=True) == [False, True]
    assert needs_outline(["#1E3A8A", "#0F766E"], "#FFFFFF") == [False, True]  # touching
    assert needs_outline(["#1E3A8A", "#0F766E"], "#FFFFFF", touching=False) == [False, False]
    assert needs_outline(["#4338CA"], "#111827") == [True]  # indigo bars on a dark slide


# -- 3. tables --------------------------------------------------------------------------------
TABLE = {"kind": "table", "title": "Maßnahmen im Vergleich",
         "header": ["Maßnahme", "Kosten", "Jahr"],
         "rows": [["Eine eigene Stelle mit klarem Auftrag schaffen", "12.000", "2027"],
                  ["Schulungen für alle Abteilungen", "4.500", "2028"]], "notes": NOTES}


@pytest.mark.parametrize("template", ["default", "dark"])
def test_table_is_set_as_a_typesetter_sets_it(tmp_path, template):
    deck = build(tmp_path, TABLE, template=template)
    slide = Presentation(str(deck)).slides[1]
    frame = next(s for s in slide.shapes if getattr(s, "has_table", False) and s.has_table)
    tbl = frame.table._tbl
    assert tbl.tblPr.get("firstRow") == "1" and tbl.tblPr.get("bandRow") == "1"
    rows = tbl.findall(f"{A}tr")
    assert all(r.get("b") == "1" for r in rows[0].iter(f"{A}rPr"))  # a bold header
    for row in rows:
        cells = row.findall(f"{A}tc")
        aligns = [c.find(f".//{A}pPr").get("algn") for c in cells]
        assert aligns == ["l", "r", "r"]  # text left, numbers (and their heading) right
        for cell in cells:
            pr = cell.find(f"{A}tcPr")
            assert pr.get("anchor") == "ctr" and pr.get("marL") == pr.get("marR")
            assert pr.get("marT") == pr.get("marB")
    widths = [c.width for c in frame.table.columns]
    assert widths[0] > 0.5 * sum(widths)  # the text column gets the room it needs
    title = slide.shapes.title
    inset = 91440  # the title placeholder's left inset (the master's default)
    assert frame.left == title.left + inset  # the table's edge on the title's text edge
    scheme = theme_colors(slide.slide_layout.slide_master)
    body = rows[1].find(f".//{A}rPr/{A}solidFill")
    if body is not None:  # a colour spelled out must read on both bands of the style
        tint = '<a:schemeClr xmlns:a="{a}" val="accent1"><a:tint val="{v}"/></a:schemeClr>'
        from lxml import etree
        for v in ("20000", "40000"):
            band = color(etree.fromstring(tint.format(a=A[1:-1], v=v)), scheme)
            assert contrast_ratio(color(body[0], scheme), band) >= 4.5
    assert template == "default" or body is not None  # dk1 is light in the dark theme


def test_numbers_never_wrap_and_a_label_column_stays_narrow(tmp_path):
    table = {"kind": "table", "title": "Kosten", "header": ["Posten", *map(str, range(2021, 2027))],
             "rows": [[f"Posten {i}", *(f"{i * 100 + j},50" for j in range(6))]
                      for i in range(10)], "notes": NOTES}
    deck = build(tmp_path, table)
    frame = next(s for s in Presentation(str(deck)).slides[1].shapes
                 if getattr(s, "has_table", False) and s.has_table)
    widths = [c.width for c in frame.table.columns]
    assert widths[0] < 0.25 * sum(widths)  # not the 38 % it took whatever it held
    assert max(widths[1:]) - min(widths[1:]) < 0.05 * widths[1]


# -- 4. lists ---------------------------------------------------------------------------------
BULLETS = {"kind": "bullets", "title": "Die Lage", "bullets": [
    {"text": "Erste Beobachtung", "sub": ["Ein Detail dazu"]}, "Zweite"], "notes": NOTES}


def alike_levels(path: Path) -> Path:
    """python-pptx's default template with its second list level a copy of the first."""
    prs = Presentation()
    style = prs.slide_masters[0]._element.find(f"{P}txStyles/{P}bodyStyle")
    second = copy.deepcopy(style.find(f"{A}lvl1pPr"))
    second.tag = f"{A}lvl2pPr"
    style.replace(style.find(f"{A}lvl2pPr"), second)
    prs.save(str(path))
    return path


def test_sub_bullets_are_set_apart_where_the_template_draws_levels_alike(tmp_path):
    deck = build(tmp_path, BULLETS, template=alike_levels(tmp_path / "alike.pptx"))
    body = next(t for t in texts(deck, 2) if t["kind"] == "body")
    paras = body["sp"].findall(f".//{A}p")
    sub = paras[1].find(f"{A}pPr")
    assert sub.get("lvl") == "1" and int(sub.get("marL")) >= 342900 + 137160
    assert sub.find(f"{A}buChar").get("char") != "•"
    top, low = (r["size"] for r in body["runs"][:2])
    assert low < top


def test_a_template_whose_levels_differ_keeps_them(tmp_path):
    deck = build(tmp_path, BULLETS)
    body = next(t for t in texts(deck, 2) if t["kind"] == "body")
    sub = body["sp"].findall(f".//{A}p")[1].find(f"{A}pPr")
    assert sub.get("marL") is None and sub.find(f"{A}buChar") is None  # the template's own


# -- 5. image ---------------------------------------------------------------------------------
def no_picture_layout(path: Path) -> Path:
    """python-pptx's default template without any picture placeholder."""
    prs = Presentation()
    for layout in prs.slide_layouts:
        tree = layout.shapes._spTree
        for sp in list(tree):
            ph = sp.find(f".//{P}nvPr/{P}ph")
            if ph is not None and ph.get("type") == "pic":
                tree.remove(sp)
    prs.save(str(path))
    return path


@pytest.mark.parametrize("template", ["default", "dark", "no_picture_layout"])
def test_caption_is_a_placeholder_and_alt_text_comes_from_the_content(tmp_path, template):
    from PIL import Image

    Image.new("RGB", (640, 400), (30, 90, 160)).save(tmp_path / "bild.png")
    if template == "no_picture_layout":
        template = no_picture_layout(tmp_path / "nopic.pptx")
    deck = build(tmp_path, {"kind": "image", "title": "So sieht es aus", "image": "bild.png",
                            "alt": "Ein blaues Rechteck", "caption": "Ein Beispielbild",
                            "notes": NOTES}, template=template)
    slide = Presentation(str(deck)).slides[1]
    caption = next(s for s in slide.shapes if s.has_text_frame
                   and s.text_frame.text == "Ein Beispielbild")
    assert caption.is_placeholder  # in the outline view, restyled with the template
    pic = next(s for s in slide.shapes if s._element.tag == f"{P}pic")
    assert pic._element.find(f".//{P}cNvPr").get("descr") == "Ein blaues Rechteck"
