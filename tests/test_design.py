"""Every template gives a presentable deck: one type scale, breaks, no overlap, contrast.

Each fixture template mimics one class of real-world failure (see `fixture_templates`); the
deck built in it must pass the same review the shared `design_check` tool does
(`design_rules.review`), plus what the class is about.
"""

from __future__ import annotations

import shutil

import pytest
from a11y_rules import a11y_review
from checks import audit_errors
from design_rules import review
from fixture_templates import BUILDERS
from pptx import Presentation

import deckgen
from deckgen.template.resolve import resolve
from deckgen.template.source import locate
from deckgen.typeset.contrast import contrast_ratio
from deckgen.typeset.styles import theme_colors

COMPANY = "Müller & Söhne GmbH"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"


def _build(tmp_path, name: str, company: str = COMPANY):
    template = BUILDERS[name](tmp_path / f"{name}.pptx")
    (deck,) = deckgen.build(company, template=template, output=tmp_path / "deck.pptx")
    return template, deck


def _writer_choice(template, company=COMPANY):
    """Which layout the build chose per role (after checking capacity)."""
    import deckgen.api

    job = deckgen.api.prepare(template=template)
    plan = deckgen.api.plan_for(job, company)
    from deckgen.deck.writer import DeckWriter

    writer = DeckWriter(job.prs, job.tmap)
    writer.plan = plan
    return writer.choose(plan), writer


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_fixture_template_gives_a_deck_that_passes_review(tmp_path, name):
    _, deck = _build(tmp_path, name)
    assert review(deck, COMPANY) == []
    assert a11y_review(deck) == []
    errors, detail = audit_errors(deck)
    assert errors == 0, detail


def test_default_and_dark_pass_review(tmp_path):
    for template in ("default", "dark"):
        (deck,) = deckgen.build(COMPANY, template=template, output=tmp_path / f"{template}.pptx")
        assert review(deck, COMPANY) == [], template


def test_master_without_placeholders_draws_named_boxes_in_reading_order(tmp_path):
    _, deck = _build(tmp_path, "no_placeholders")
    prs = Presentation(str(deck))
    assert len(prs.slides) == 13
    for slide in prs.slides:
        names = [s.name for s in slide.shapes if s.has_text_frame and s.text_frame.text]
        assert names and names[0].startswith("Title"), names
        tops = [s.top for s in slide.shapes if s.has_text_frame and s.text_frame.text]
        assert tops == sorted(tops) or slide.shapes[0].name.startswith("Title")


def test_small_divider_keeps_the_statement_with_its_text_in_a_box_of_its_own(tmp_path):
    template = BUILDERS["small_divider"](tmp_path / "t.pptx")
    tmap = resolve(locate(template).open(), "t", {}, None)
    assert tmap.choices["statement"].layout.name == "Divider"  # first by name …
    choices, _ = _writer_choice(template)
    chosen = choices["statement"]
    assert chosen.layout.name == "Divider"  # … and, its text box too small, still taken
    assert chosen.slots["body"].ph is None and chosen.slots["title"].ph is not None


def test_title_at_bottom_keeps_title_and_body_apart(tmp_path):
    _, deck = _build(tmp_path, "title_at_bottom")
    prs = Presentation(str(deck))
    slide = prs.slides[5]  # a point slide on "Title and Content"
    title = slide.shapes.title
    body = [s for s in slide.placeholders if s.shape_id != title.shape_id
            and s.placeholder_format.type not in (13, 15, 16)][0]  # not footers
    assert body.top + body.height <= title.top or title.top + title.height <= body.top


def test_logo_is_not_covered_by_text(tmp_path):
    _, deck = _build(tmp_path, "logo_over_body")
    prs = Presentation(str(deck))
    logo = [s for s in prs.slides[5].slide_layout.shapes if s.shape_type == 13][0]
    for slide in prs.slides:
        if slide.slide_layout.name != "Title and Content":
            continue
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text:
                apart = (shape.left + shape.width <= logo.left or logo.left + logo.width
                         <= shape.left or shape.top + shape.height <= logo.top
                         or logo.top + logo.height <= shape.top)
                assert apart, shape.name


def test_grey_accents_give_a_chart_and_figure_that_can_be_read(tmp_path):
    from deckgen.typeset.contrast import contrast_ratio, distinct

    _, deck = _build(tmp_path, "grey_accents")
    prs = Presentation(str(deck))
    chart = next(s for s in prs.slides[2].shapes if s.has_chart).chart
    fills = [p.format.fill.fore_color for p in chart.plots[0].series[0].points][:2]
    slots = [str(f.theme_color) for f in fills]
    assert "ACCENT_1" not in slots[0] and "ACCENT_2" not in slots[0]  # a grey would vanish
    assert review(deck, COMPANY) == []
    assert contrast_ratio("#DDDDDD", "#FFFFFF") < 3 and not distinct("#DDDDDD", "#CCCCCC")


def test_invisible_link_colour_is_replaced_on_the_run(tmp_path):
    _, deck = _build(tmp_path, "hlink_like_background")
    prs = Presentation(str(deck))
    linked = [r for s in prs.slides[-1].shapes if s.has_text_frame
              for p in s.text_frame.paragraphs for r in p.runs if r.hyperlink.address]
    assert linked
    for run in linked:
        rpr = run._r.find(f"{A}rPr")
        assert rpr.find(f"{A}solidFill") is not None  # a colour that reads, on the run
        assert rpr.find(f"{A}hlinkClick/{A}extLst") is not None  # PowerPoint: use it


def test_long_url_breaks_after_slash_without_invisible_characters(tmp_path):
    _, deck = _build(tmp_path, "narrow_body")
    prs = Presentation(str(deck))
    body = [s for s in prs.slides[-1].placeholders if s.placeholder_format.idx != 0][0]
    xml = body._element
    runs = [r for r in xml.iter(f"{A}r") if r.find(f"{A}rPr/{A}hlinkClick") is not None]
    assert len(runs) >= 2  # the URL is cut into lines …
    assert xml.find(f".//{A}br") is not None  # … by explicit breaks …
    for r in runs:
        text = r.findtext(f"{A}t")
        assert "\u00ad" not in text and "\u200b" not in text
    pieces = [r.findtext(f"{A}t") for r in runs]
    assert all(p.endswith(("/", ".", "-")) for p in pieces[:-1])  # … after "/", "." or "-"
    assert "".join(pieces).startswith("http://der-socialmediamanager.de/")


def test_company_name_is_kept_on_one_line(tmp_path):
    name = "Müller & Söhne Beteiligungs GmbH & Co KG"  # 40 characters
    _, deck = _build(tmp_path, "four_by_three", company=name)
    prs = Presentation(str(deck))
    title = prs.slides[-2].shapes.title.text_frame.text
    assert name.replace(" ", "\u00a0") in title


def test_one_title_size_per_title_box(tmp_path):
    from design_rules import _consistency  # noqa: F401 - the rule review() applies

    for name in ("keynote_1920x1080pt", "four_by_three"):
        _, deck = _build(tmp_path / name if (tmp_path / name).mkdir() is None else tmp_path,
                         name)
        assert not [i for i in review(deck, COMPANY) if "consistency" in i]


def test_purpose_layouts_are_preferred(tmp_path):
    template = BUILDERS["purpose_layouts"](tmp_path / "t.pptx")
    choices, _ = _writer_choice(template)
    assert choices["statistic"].layout.name == "Kennzahl mit Diagramm"
    assert choices["closing"].layout.name == "Danke / Kontakt"


@pytest.mark.parametrize("names,expected", [
    ({"Title Slide": "TITLE", "Section Header": "SECTION_HEADER",
      "Title and Content": "TITLE_AND_BODY", "Title Only": "TITLE_ONLY", "Blank": "BLANK"},
     {"title": "TITLE", "statement": "SECTION_HEADER", "bullets": "TITLE_AND_BODY"}),
    ({"Title Slide": "Diapositiva de título", "Title and Content": "Título y objetos",
      "Section Header": "Encabezado de sección"},
     {"title": "Diapositiva de título", "bullets": "Título y objetos"}),
    ({"Title Slide": "Titeldia", "Title and Content": "Titel en object",
      "Section Header": "Sectiekop"},
     {"title": "Titeldia", "bullets": "Titel en object", "statement": "Sectiekop"}),
    ({"Title Slide": "Slajd tytułowy", "Title and Content": "Tytuł i zawartość"},
     {"title": "Slajd tytułowy", "bullets": "Tytuł i zawartość"}),
    ({"Title Slide": "Diapositive de titre", "Title and Content": "Titre et contenu"},
     {"title": "Diapositive de titre", "bullets": "Titre et contenu"}),
], ids=["google-slides", "spanish", "dutch", "polish", "french"])
def test_layout_names_of_other_applications_and_languages(tmp_path, names, expected):
    from fixture_templates import renamed

    template = renamed(tmp_path / "t.pptx", names)
    choices, _ = _writer_choice(template)
    for role, layout in expected.items():
        assert choices[role].layout.name == layout, role


def test_sizes_scale_with_the_slide(tmp_path):
    _, deck = _build(tmp_path, "keynote_1920x1080pt")
    prs = Presentation(str(deck))
    sizes = [int(r.get("sz")) for r in prs.slides[5]._element.iter(f"{A}rPr") if r.get("sz")]
    assert not sizes or min(sizes) >= 1400 * 26.667 / 13.333 - 1


def test_text_that_fits_nowhere_names_slide_and_text(tmp_path):
    content = tmp_path / "c.yaml"
    from conftest import ROOT

    text = (ROOT / "content" / "plea.yaml").read_text(encoding="utf-8")
    content.write_text(text.replace("title: \"Symbolwirkung\"", "title: " + "Wort " * 200),
                       encoding="utf-8")
    with pytest.raises(deckgen.DeckgenError, match=r"slide 6 \(point\).*title.*Wort Wort"):
        deckgen.build("Acme", content=content, output=tmp_path / "d.pptx")
    assert not (tmp_path / "d.pptx").exists()


def test_inspect_explains_choice_colours_fonts_and_gives_a_layouts_block(tmp_path):
    import json

    import yaml
    from click.testing import CliRunner

    from deckgen.cli import main

    folder = tmp_path / "corp"
    folder.mkdir()
    BUILDERS["hlink_like_background"](folder / "template.pptx")
    result = CliRunner().invoke(main, ["inspect", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert any("link" in s and "#FFFFFF" in s for s in data["colour_substitutions"])
    assert {f["theme"] for f in data["fonts"]} == {"+mj-lt", "+mn-lt"}
    assert all(r["candidates"][-1]["verdict"] == "chosen" for r in data["roles"])
    block = yaml.safe_load(data["template_yaml"])
    (folder / "template.yaml").write_text(data["template_yaml"], encoding="utf-8")
    again = json.loads(CliRunner().invoke(main, ["inspect", str(folder), "--json"]).output)
    for role in again["roles"]:
        assert role["layout"] == block["layouts"][role["role"]]
        assert "template.yaml" in role["reason"]
    text = CliRunner().invoke(main, ["inspect", str(folder)]).output
    assert "To pin these choices" in text and "Colour changes for legibility" in text


def test_build_verbose_reports_what_was_changed(tmp_path):
    from click.testing import CliRunner

    from deckgen.cli import main

    template = BUILDERS["grey_accents"](tmp_path / "t.pptx")
    result = CliRunner().invoke(main, ["build", "--company", "Acme", "--template",
                                       str(template), "-o", str(tmp_path / "d.pptx"), "-v"])
    assert result.exit_code == 0, result.output
    assert "layout for statistic:" in result.output
    assert "colour changed:" in result.output  # the figure cannot be #DDDDDD on white
    fonts = [line for line in result.output.splitlines() if "is not installed" in line]
    assert fonts == ["font Calibri is not installed; text was measured as Carlito"]  # said once


@pytest.mark.parametrize("width_in", [10.0, 11.024, 13.333, 7.5, 26.667, 52.0])
def test_minimum_sizes_survive_storage_in_half_points(width_in):
    """Sizes are stored in half points rounded down; a minimum that is not a half point
    itself (14 pt x 0.827 = 11.58 pt on LibreOffice's 28 cm slide) would be stored below it."""
    from deckgen.typeset.fit import round_size
    from deckgen.typeset.scale import min_sizes

    factor = width_in / 13.333
    for minimum, rule in zip(min_sizes(int(width_in * 914400)), (20, 14)):
        assert minimum >= rule * factor - 0.01
        assert round_size(minimum * 100) / 100 >= rule * factor - 0.01


def test_a_size_reached_by_repeated_scaling_is_not_rounded_below_itself():
    from deckgen.typeset.fit import round_size

    scale = 1.0
    for _ in range(10):
        scale -= 0.04  # as fit_text builds its scales: 0.6 is 0.5999999999999999
    assert 2000 * scale < 1200 and round_size(2000 * scale) == 1200
    assert round_size(1249) == 1200 and round_size(1250) == 1250


def _runs_fill(shape) -> set[str]:
    return {f.get("val") for r in shape._element.iter(f"{A}rPr")
            for f in r.iterfind(f"{A}solidFill/{A}srgbClr")}


def test_a_look_kept_only_in_sample_text_is_written_on_the_runs(tmp_path):
    """LibreOffice-made templates keep white-on-dark only in their sample text; written out,
    PowerPoint shows it too (it passes no sample's look on)."""
    _, deck = _build(tmp_path, "styles_in_sample_text")
    prs = Presentation(str(deck))
    for slide in (prs.slides[0], prs.slides[3]):
        for shape in slide.placeholders:
            if shape.has_text_frame and shape.text_frame.text.strip():
                sizes = {r.get("sz") for r in shape._element.iter(f"{A}rPr")}
                assert None not in sizes, shape.name  # every run says its size
                assert _runs_fill(shape) == {"FFFFFF"}, shape.name


def test_a_see_through_panel_is_blended_with_what_is_under_it(tmp_path):
    from deckgen.typeset.backdrop import color

    _, deck = _build(tmp_path, "see_through_title_bar")
    prs = Presentation(str(deck))
    scheme = theme_colors(prs.slide_masters[0])
    for slide in prs.slides:
        fill = slide.shapes.title._element.find(f".//{A}rPr/{A}solidFill")
        shown = color(fill[0], scheme) if fill is not None else scheme["tx1"]
        assert contrast_ratio(shown, "#4D4D4D") >= 3.0  # white at 30 % over black


def test_fields_over_artwork_or_an_unreadable_photo_stay_empty(tmp_path):
    for name in ("logo_under_fields", "photo_under_fields"):
        template = BUILDERS[name](tmp_path / f"{name}.pptx")
        lines: list[str] = []
        (deck,) = deckgen.build(COMPANY, template=template, output=tmp_path / f"{name}-d.pptx",
                                date="2026-12-03", report=lines.append)
        prs = Presentation(str(deck))
        kinds = {(ph._element.ph.get("type") or "") for s in prs.slides for ph in s.placeholders}
        assert not kinds & {"dt", "ftr", "sldNum"}, name
        if name == "photo_under_fields":
            unreadable = [x for x in lines if "cannot be read on the artwork" in x]
            assert len([x for x in unreadable if "slide number" in x]) == 1  # said once


def test_space_after_paragraphs_is_counted_when_fitting():
    from deckgen.typeset.fit import measure
    from deckgen.typeset.styles import BoxStyle, LevelStyle

    def style(after: float) -> BoxStyle:
        level = LevelStyle(2000, False, "Carlito", 1.0, 0, 0, 0, 0, after, 0, 0, False)
        return BoxStyle((0, 0, 0, 0), (level, level, level), True)

    paras = [("Ein kurzer Absatz", 0)] * 4
    box = (int(6 * 914400), int(2.0 * 914400))
    assert measure(paras, style(0), {}, *box, 1.0)[0]
    assert not measure(paras, style(30), {}, *box, 1.0)[0]  # 3 x 30 pt more: too tall


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_space_after_paragraphs_keeps_text_in_its_box_as_libreoffice_draws_it(tmp_path):
    from checks import overflow_issues, render_pdf

    _, deck = _build(tmp_path, "space_after")
    assert overflow_issues(deck, render_pdf(deck, tmp_path)) == []


def test_chart_rest_slice_and_legend_show_on_a_dark_slide_with_dark_text_slots(tmp_path):
    """A dark slide whose theme text colour is black as well: the chart's grey slice and its
    legend must not take that black, nor a black slice outlined to pass."""
    from lxml import etree

    from deckgen.typeset.backdrop import color
    from deckgen.typeset.contrast import lightness

    _, deck = _build(tmp_path, "styles_in_sample_text")
    prs = Presentation(str(deck))
    frame = next(sh for s in prs.slides for sh in s.shapes if getattr(sh, "has_chart", False))
    scheme = theme_colors(prs.slide_masters[0])
    space = frame.chart._chartSpace
    C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
    points = space.findall(f".//{C}dPt")
    rest = color(points[1].find(f".//{A}solidFill")[0], scheme)
    assert abs(lightness(rest) - lightness("#1B2A3A")) >= 8
    # muted from the colour text reads in there (white), not the black text slot: a quiet
    # slice lighter than the slide, not a black hole in it
    assert lightness(rest) > lightness("#1B2A3A")
    legend = space.find(f".//{C}legend//{A}solidFill")
    assert legend is not None, etree.tostring(space.find(f".//{C}legend"))[:300]
    assert contrast_ratio(color(legend[0], scheme), "#1B2A3A") >= 4.5


def test_a_chart_squeezed_by_artwork_gets_another_layout(tmp_path):
    """Artwork covering most of a layout's second column leaves the chart a sliver there:
    another layout (or boxes drawn in the free area) must hold it at a readable size."""
    import io

    from PIL import Image
    from pptx.oxml.shapes.picture import CT_Picture
    from pptx.util import Inches

    import deckgen.api  # noqa: F401 - _writer_choice prepares the template through it

    prs = Presentation()
    layout = next(la for la in prs.slide_layouts if la.name == "Two Content")
    buf = io.BytesIO()
    Image.new("RGB", (80, 80), (30, 90, 160)).save(buf, "PNG")
    _, rid = layout.part.get_or_add_image_part(io.BytesIO(buf.getvalue()))
    layout.shapes._spTree.append(CT_Picture.new_pic(30, "Art", "Art", rid, Inches(6.3),
                                                    Inches(1.5), Inches(3.6), Inches(5.6)))
    template = tmp_path / "art.pptx"
    prs.save(str(template))
    choices, writer = _writer_choice(template)
    chart = choices["statistic"].slots["chart"].box
    assert chart.w >= 0.2 * prs.slide_width and chart.h >= 0.25 * prs.slide_height
    (deck,) = deckgen.build(COMPANY, template=template, output=tmp_path / "d.pptx")
    assert review(deck, COMPANY) == []


def test_text_crossing_dark_and_light_artwork_gets_a_panel(tmp_path):
    """No colour reads on a dark and a light panel at once: the text box (and the chart) get
    a see-through panel in the theme's background colour, as a designer would back them."""
    _, deck = _build(tmp_path, "grouped_mosaic")
    prs = Presentation(str(deck))
    bullets = prs.slides[3]
    body = next(sh for sh in bullets.placeholders if sh.placeholder_format.idx == 1)
    fill = body._element.find(f"{{{P_NS}}}spPr/{A}solidFill/{A}schemeClr")
    assert fill is not None and fill.get("val") == "bg1"
    assert fill.find(f"{A}alpha").get("val") == "90000"
    C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
    frame = next(sh for s in prs.slides for sh in s.shapes if getattr(sh, "has_chart", False))
    # the chart needs a panel only where its slices cannot stand out on both greys under it
    # (#343A40 and #6C757D): the highlighted slice 3:1 on each, the rest clearly lighter or
    # darker than each
    space = frame.chart._chartSpace
    if space.find(f"{C}spPr/{A}solidFill/{A}schemeClr") is None:
        from deckgen.typeset.backdrop import color
        from deckgen.typeset.contrast import lightness

        scheme = theme_colors(prs.slide_masters[0])
        fills = [color(dpt.find(f"{C}spPr/{A}solidFill")[0], scheme)
                 for dpt in space.iter(f"{C}dPt")]
        assert all(contrast_ratio(fills[0], grey) >= 3.0 for grey in ("#343A40", "#6C757D"))
        assert all(abs(lightness(fills[1]) - lightness(grey)) >= 8
                   for grey in ("#343A40", "#6C757D"))
    # a template without such artwork keeps its placeholders unfilled
    (tmp_path / "plain").mkdir()
    _, plain = _build(tmp_path / "plain", "four_by_three")
    for slide in Presentation(str(plain)).slides:
        for sh in slide.placeholders:
            assert sh._element.find(f"{{{P_NS}}}spPr/{A}solidFill") is None


def test_a_footer_too_long_for_its_box_keeps_its_first_part(tmp_path):
    """The plea's footer ("company · title") does not fit the narrow footer box of
    python-pptx's template: it keeps the company, as a typesetter shortens a running foot,
    and says so once; a footer without parts is left out, as before."""
    from conftest import ROOT

    template = tmp_path / "t.pptx"
    Presentation().save(str(template))
    lines: list[str] = []
    (deck,) = deckgen.build(COMPANY, template=template, output=tmp_path / "d.pptx",
                            report=lines.append)
    footers = {sh.text_frame.text for s in Presentation(str(deck)).slides
               for sh in s.placeholders if sh.placeholder_format.type == 15}  # FOOTER
    assert footers == {COMPANY.replace(" ", "\u00a0")}
    said = [x for x in lines if x.startswith("warning: the footer")]
    assert len(said) == 1 and said[0].endswith(f"shortened there to {COMPANY!r}")
    content = tmp_path / "c.yaml"
    content.write_text((ROOT / "content" / "plea.yaml").read_text(encoding="utf-8").replace(
        'footer: "{{ company }} · Plädoyer für eine unabhängige Social-Media-Abteilung"',
        'footer: "Plädoyer für eine unabhängige Social-Media-Abteilung von {{ company }}"'),
        encoding="utf-8")
    lines.clear()
    (deck,) = deckgen.build(COMPANY, template=template, content=content,
                            output=tmp_path / "e.pptx", report=lines.append)
    assert not [sh for s in Presentation(str(deck)).slides for sh in s.placeholders
                if sh.placeholder_format.type == 15]
    assert any("left out there (shorten it to keep it)" in x for x in lines)


def test_text_on_a_gradient_reads_on_both_its_ends(tmp_path):
    """White on a yellow-to-orange sunset: the average (light orange) would pass colours that
    vanish on the orange end. Every title must read on yellow and on orange."""
    from deckgen.typeset.backdrop import color

    _, deck = _build(tmp_path, "sunset_gradient")
    prs = Presentation(str(deck))
    scheme = theme_colors(prs.slide_masters[0])
    for n, slide in enumerate(prs.slides, 1):
        title = slide.shapes.title or next(
            sh for sh in slide.shapes if sh.name.startswith("Title"))
        fill = title._element.find(f".//{A}rPr/{A}solidFill")
        assert fill is not None, n  # the template's white had to change
        shown = color(fill[0], scheme)
        for end in ("#FFFF00", "#FF8000"):
            assert contrast_ratio(shown, end) >= 3.0, (n, shown, end)


def test_drawn_boxes_look_like_the_layouts_titles_and_none_is_set_below_its_body(tmp_path):
    """Title boxes made for short titles: a title that fits there only below half its size
    and below the body text goes into a drawn box instead, and the drawn title takes the
    layouts' look (dark blue, bold), not the master's red."""
    template, deck = _build(tmp_path, "narrow_titles")
    choices, _ = _writer_choice(template)
    assert choices["title"].drawn and choices["point"].drawn

    def sizes(shape) -> list[int]:
        return [int(r.get("sz")) for r in shape._element.iter(f"{A}rPr") if r.get("sz")]

    for n, slide in enumerate(Presentation(str(deck)).slides, 1):
        title = slide.shapes.title or next(
            sh for sh in slide.shapes if sh.name.startswith("Title"))
        if any(getattr(sh, "has_chart", False) for sh in slide.shapes):
            continue  # the statistic's figure is meant to outshine its title
        texts = [sh for sh in slide.shapes if sh.has_text_frame and sh is not title
                 and not sh.name.startswith(("Footer", "Slide Number", "Date"))]
        assert min(sizes(title)) >= max(max(sizes(sh), default=0) for sh in texts), n
        if not title.is_placeholder:
            assert _runs_fill(title) == {"1F3864"}, n
            assert {r.get("b") for r in title._element.iter(f"{A}rPr")} == {"1"}, n


def test_display_titles_shrink_in_the_content_layouts(tmp_path):
    """The other side of the rule above: a 72 pt title that needs less than half its size
    still belongs in the layout made for content (the title keeps more than the body's size
    there), not in drawn boxes or a caption layout."""
    template = BUILDERS["display_titles"](tmp_path / "display.pptx")
    choices, _ = _writer_choice(template)
    for role in ("bullets", "point", "closing"):
        assert choices[role].layout.name == "Title and Content", role
        assert not choices[role].drawn, role


def test_a_narrow_title_column_never_breaks_the_company_name(tmp_path):
    """In a sidebar of titles the company's name must not break: the title shrinks, or the
    slide takes a layout whose title box holds the name on one line. A compound breaks after
    its own hyphens ("Social-Media-Stabsstelle"), with no soft hyphen beside them."""
    _, deck = _build(tmp_path, "sidebar_titles")
    held = COMPANY.replace(" ", "\u00a0")
    seen = 0
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                text = shape.text_frame.text
                assert "\u00ad-" not in text and "-\u00ad" not in text, (shape.name, text)
            if shape.has_text_frame and "Müller" in shape.text_frame.text:
                text = shape.text_frame.text  # no soft hyphen inside the name either
                assert held in text, (shape.name, text)
                seen += 1
    assert seen >= 3  # subtitle, closing title and a closing bullet at least


def test_placeholders_of_broken_geometry_take_the_masters_boxes(tmp_path):
    """Zero-height boxes wider than the slide: every text is written inside the slide, in
    the master's box for its kind, with the box spelled out on the slide."""
    _, deck = _build(tmp_path, "broken_geometry")
    prs = Presentation(str(deck))
    width, height = prs.slide_width, prs.slide_height
    for n, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            if not shape.has_text_frame or not shape.text_frame.text.strip():
                continue
            assert shape._element.find(f"{{{P_NS}}}spPr/{A}xfrm") is not None, (n, shape.name)
            assert shape.height > 0 and shape.width > 0, (n, shape.name)
            assert shape.left >= 0 and shape.left + shape.width <= width, (n, shape.name)
            assert shape.top + shape.height <= height, (n, shape.name)


def test_a_cover_that_matches_a_content_slide_is_its_last_choice(tmp_path):
    template = BUILDERS["cover_and_plain_content"](tmp_path / "cover.pptx")
    choices, _ = _writer_choice(template)
    assert choices["title"].layout.name == "Cover"
    for role in ("bullets", "point", "closing", "sources"):
        assert choices[role].layout.name == "Layout A", role


def test_a_layout_made_for_a_picture_is_not_used_for_a_slide_without_one(tmp_path):
    template = BUILDERS["picture_beside_body"](tmp_path / "pic.pptx")
    choices, _ = _writer_choice(template)
    for role in ("bullets", "point", "closing"):
        assert not choices[role].layout.of_kind("pic"), (role, choices[role].layout.name)


def test_the_last_resort_boxes_go_on_a_layout_that_carries_the_brand(tmp_path):
    template = BUILDERS["look_in_layouts"](tmp_path / "look.pptx")
    tmap = resolve(locate(template).open(), "look", {}, None)
    fallback = tmap.options["point"][-1]
    assert fallback.drawn and fallback.layout.name != "Blank"
    assert fallback.layout.layout._element.find(f"{{{P_NS}}}cSld/{{{P_NS}}}bg") is not None
