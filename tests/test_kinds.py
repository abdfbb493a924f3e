"""Every slide kind of the content format, its limits, and its errors (one line, file:line, path).

Fixture pitches are written as YAML into a temporary folder, loaded and rendered to a plan;
kinds the writer already places (title … sources, 1 and 12 points) are also built into decks.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from PIL import Image
from pptx import Presentation

import deckgen
from deckgen.errors import DeckgenError
from deckgen.pitch.loader import load_pitch
from deckgen.pitch.make_plan import render_plan
from deckgen.pitch.render import Context
from deckgen.reports.check import check

NOTES = "Zwei Sätze Notizen. Damit ist die Folie besprochen."


def points(n: int) -> dict[str, Any]:
    return {"kind": "points", "items": [
        {"title": f"Punkt {i + 1}", "statement": f"Aussage **{i + 1}**.", "notes": NOTES}
        for i in range(n)]}


def pitch(*slides: dict[str, Any], **top: Any) -> dict[str, Any]:
    return {"lang": "de-DE", **top, "slides": [
        {"kind": "title", "title": "Wir brauchen einen Datenschutzbeauftragten",
         "subtitle": "Für {{ company }}", "notes": NOTES}, *slides]}


def write(folder: Path, data: dict[str, Any] | str, name: str = "pitch.yaml") -> Path:
    path = folder / name
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True,
                                                             sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def plan_of(folder: Path, data: dict[str, Any] | str, company: str = "Acme"):
    return render_plan(load_pitch(write(folder, data)), Context(company, "Jana", "2026-11-27"))


def error_of(folder: Path, data: dict[str, Any] | str) -> str:
    with pytest.raises(DeckgenError) as info:
        plan_of(folder, data)
    message = str(info.value)
    assert "\n" not in message and re.match(r"^\S*pitch\.yaml:\d+: ", message), message
    return message


# -- kinds ----------------------------------------------------------------------------------

@pytest.mark.parametrize("n", [1, 4, 8, 12])
def test_points_and_agenda_count(tmp_path, n):
    plan = plan_of(tmp_path, pitch(
        {"kind": "agenda", "title": "{{ points_count }} Gründe ({{ points | length }})"},
        points(n)))
    agenda = plan.slides[1]
    assert agenda.title == f"{n} Gründe ({n})"
    assert [p.text for p in agenda.body] == [f"Punkt {i + 1}" for i in range(n)]
    pts = [s for s in plan.slides if s.role == "point"]
    assert [s.number for s in pts] == [str(i + 1) for i in range(n)]
    assert pts[0].body[0].runs[1].bold and pts[0].body[0].text == "Aussage 1."
    assert agenda.notes == ""  # notes are optional


def test_thirteen_points_refused(tmp_path):
    message = error_of(tmp_path, pitch(points(13)))
    assert "slides[1].items" in message and "at most 12" in message


def test_agenda_needs_a_later_points_slide(tmp_path):
    message = error_of(tmp_path, pitch(points(2), {"kind": "agenda", "title": "Überblick"}))
    assert "slides[2]" in message and "points" in message


def test_bar_chart_with_decimals_formatted_per_language(tmp_path):
    """Each label keeps the decimals the author wrote (30 is "30 %", not "30,0 %"), in the
    language's number format; the workbook keeps the most any value has."""
    chart = {"type": "column", "categories": ["2022", "2023", "2024"], "unit": "%",
             "series": [{"name": "Mit DSB", "values": [12.5, 30, 46.5]},
                        {"name": "Ohne", "values": [87.5, 70, 53.5]}]}
    slide = {"kind": "statistic", "title": "Immer mehr Firmen", "figure": "46,5 %",
             "chart": chart}
    de = plan_of(tmp_path, pitch(slide)).slides[1]
    assert de.chart.kind == "column" and de.chart.categories == ("2022", "2023", "2024")
    assert de.chart.series[0].values == (12.5, 30.0, 46.5)
    assert de.chart.series[0].value_labels == ("12,5\u00a0%", "30\u00a0%", "46,5\u00a0%")
    assert de.chart.number_format == '#,##0.0" %"'
    assert "2024 46,5\u00a0%" in de.chart.alt_text
    en = plan_of(tmp_path, pitch(slide, lang="en-GB")).slides[1]
    assert en.chart.series[0].value_labels == ("12.5%", "30%", "46.5%")


def test_doughnut_percent_and_decimal_values(tmp_path):
    slide = {"kind": "statistic", "title": "Fast die Hälfte", "figure": "{{ percent }}",
             "caption": "{{ value }} von {{ of }}",
             "chart": {"type": "doughnut", "value": 46.5, "of": 100, "labels": ["Ja", "Nein"]}}
    s = plan_of(tmp_path, pitch(slide)).slides[1]
    assert s.figure == "46,5\u00a0%" and s.caption[0].text == "46,5 von 100"
    assert s.chart.percents == (46.5, 53.5) and s.chart.value_labels[1] == "53,5\u00a0%"
    s = plan_of(tmp_path, pitch(slide, lang="en")).slides[1]
    assert s.figure == "46.5%"


def test_statistic_without_chart_and_pitch_without_statistic(tmp_path):
    plan = plan_of(tmp_path, pitch({"kind": "statistic", "title": "Eine Zahl", "figure": "72"},
                                   {"kind": "statement", "title": "Kern", "text": "Satz."}))
    assert plan.slides[1].chart is None and plan.slides[1].figure == "72"
    assert [s.role for s in plan_of(tmp_path, pitch(points(2))).slides] == ["title", "point", "point"]


def test_quote_comparison_table(tmp_path):
    plan = plan_of(tmp_path, pitch(
        {"kind": "quote", "text": "Daten sind *Vertrauen*.", "author": "Jana", "role": "DSB"},
        {"kind": "comparison", "title": "Vorher und nachher",
         "left": {"heading": "Heute", "bullets": ["Unklar", {"text": "Risiko", "sub": ["Bußgeld"]}]},
         "right": {"heading": "Mit DSB", "bullets": ["Klar"]}},
        {"kind": "table", "title": "Kosten", "header": [f"S{j}" for j in range(7)],
         "rows": [[f"{i * 1000 + j},5" if j else f"Zeile {i}" for j in range(7)]
                  for i in range(10)]}))
    quote, comp, table = plan.slides[1:]
    # the quotation is the slide's title (the author appears once, in the attribution)
    assert quote.role == "quote" and quote.title == "„Daten sind Vertrauen.“"
    assert quote.author == "Jana" and quote.author_role == "DSB"
    assert quote.body[0].text == "„Daten sind Vertrauen.“"
    assert any(r.italic and r.text == "Vertrauen" for r in quote.body[0].runs)
    assert comp.left.heading == "Heute" and [p.level for p in comp.left.body] == [0, 0, 1]
    assert len(table.table.header) == 7 and len(table.table.rows) == 10
    assert table.table.numeric == (False,) + (True,) * 6


@pytest.mark.parametrize(("header", "rows", "fragment"), [
    ([f"S{j}" for j in range(8)], [["x"] * 8], "slides[1].header"),
    (["A", "B"], [["x", "y"]] * 11, "slides[1].rows"),
    (["A", "B"], [["x", "y"], ["nur eine"]], "slides[1].rows[1]"),
])
def test_table_limits(tmp_path, header, rows, fragment):
    message = error_of(tmp_path, pitch({"kind": "table", "title": "T", "header": header,
                                        "rows": rows}))
    assert fragment in message


def test_bar_values_must_match_categories(tmp_path):
    message = error_of(tmp_path, pitch({"kind": "statistic", "title": "T", "chart": {
        "type": "bar", "categories": ["a", "b"], "series": [{"name": "s", "values": [1, 2, 3]}]}}))
    assert "slides[1].chart.series[0].values" in message and "3 values for 2 categories" in message


# -- images ---------------------------------------------------------------------------------

def test_image_inside_the_folder(tmp_path):
    (tmp_path / "img").mkdir()
    Image.new("RGB", (640, 480), (10, 20, 30)).save(tmp_path / "img" / "team.jpg")
    s = plan_of(tmp_path, pitch({"kind": "image", "title": "Das Team", "image": "img/team.jpg",
                                 "alt": "Fünf Personen", "caption": "Unser Team"})).slides[1]
    assert s.role == "image" and (s.image.width_px, s.image.height_px) == (640, 480)
    assert Path(s.image.path) == (tmp_path / "img" / "team.jpg").resolve()
    assert s.image.alt == "Fünf Personen" and s.caption[0].text == "Unser Team"


@pytest.mark.parametrize(("image", "fragment"), [
    ("../outside.png", "'..'"), ("/etc/passwd.png", "absolute"), ("fake.png", "not a readable"),
    ("missing.png", "not found"), ("photo.png", "JPEG image but named .png"),
    ("link.png", "outside"), ("notes.txt", "only PNG and JPEG"), ("C:\\x.png", "absolute"),
])
def test_bad_images_refused(tmp_path, image, fragment):
    folder = tmp_path / "pitch"
    folder.mkdir()
    Image.new("RGB", (10, 10)).save(tmp_path / "outside.png")
    (folder / "fake.png").write_bytes(b"#!/bin/sh\necho not an image\n")
    (folder / "notes.txt").write_text("x")
    Image.new("RGB", (10, 10)).save(folder / "photo.png", format="JPEG")
    (folder / "link.png").symlink_to(tmp_path / "outside.png")
    message = error_of(folder, pitch({"kind": "image", "title": "Bild", "image": image,
                                      "alt": "Ein Bild"}))
    assert "slides[1].image" in message and fragment in message, message


def test_image_needs_alt_text(tmp_path):
    Image.new("RGB", (10, 10)).save(tmp_path / "a.png")
    message = error_of(tmp_path, pitch({"kind": "image", "title": "Bild", "image": "a.png"}))
    assert "slides[1].alt" in message and "missing" in message


# -- errors of the format -------------------------------------------------------------------

@pytest.mark.parametrize(("slide", "fragments"), [
    ({"kind": "bulets", "title": "T", "bullets": ["a"]},
     ["slides[1].kind", "did you mean 'bullets'"]),
    ({"title": "T", "bullets": ["a"]}, ["slides[1].kind", "missing"]),
    ({"kind": "bullets", "titel": "T", "bullets": ["a"]}, ["slides[1].titel", "did you mean 'title'"]),
    ({"kind": "statistic", "title": "T", "chart": {"type": "pie", "value": 1, "of": 2,
                                                  "labels": ["a", "b"]}},
     ["slides[1].chart.type", "unknown type 'pie'"]),
    ({"kind": "statistic", "title": "T", "chart": {"type": "doughnut", "value": 11, "of": 10,
                                                  "labels": ["a", "b"]}},
     ["slides[1].chart.value", "larger than"]),
    ({"kind": "statistic", "title": "T", "chart": {"type": "doughnut", "value": 1, "of": 0,
                                                  "labels": ["a", "b"]}},
     ["slides[1].chart.of", "more than 0"]),
    ({"kind": "statistic", "title": "T"}, ["slides[1]", "figure, a chart"]),
    ({"kind": "sources", "title": "Q", "items": [{"text": "x", "url": "javascript:alert(1)"}]},
     ["slides[1].items[0].url", "http"]),
    ({"kind": "bullets", "title": "T", "bullets": ["[x](file:///etc/passwd)"]},
     ["slides[1].bullets[0]", "http"]),
])
def test_format_errors(tmp_path, slide, fragments):
    message = error_of(tmp_path, pitch(slide))
    for fragment in fragments:
        assert fragment in message, message


@pytest.mark.parametrize(("raw", "fragment"), [
    ("1:30", "base 60"), ("9" * 5000, "too large"), ('"1"', "without quotes"),
    ("0o17", "plain digits"), ("46,5", "dot"), ("[1]", "got a list"),
])
def test_numbers_in_yaml(tmp_path, raw, fragment):
    text = yaml.safe_dump(pitch({"kind": "statistic", "title": "T", "chart": {
        "type": "doughnut", "value": 1, "of": 2, "labels": ["a", "b"]}}), allow_unicode=True,
        sort_keys=False).replace("value: 1\n", f"value: {raw}\n")
    message = error_of(tmp_path, text)
    assert "slides[1].chart.value" in message and fragment in message, message


@pytest.mark.parametrize(("lang", "ok"), [("de", "de-DE"), ("en", "en-US"), ("en-gb", "en-GB"),
                                          ("de-AT", "de-AT"), ("fr", None), ("deutsch", None)])
def test_language_tags(tmp_path, lang, ok):
    if ok:
        assert plan_of(tmp_path, pitch(lang=lang)).lang == ok
    else:
        assert "lang" in error_of(tmp_path, pitch(lang=lang))


def test_company_markup_stays_literal(tmp_path):
    plan = plan_of(tmp_path, pitch({"kind": "bullets", "title": "Für *{{ company }}*",
                                    "bullets": ["Hallo **{{ company }}**", "Yahoo!* bleibt"]}),
                   company="**C*")
    assert plan.slides[0].subtitle[0].text == "Für **C*"
    body = plan.slides[1].body
    assert body[0].text == "Hallo **C*" and body[0].runs[1].bold
    assert body[1].text == "Yahoo!* bleibt"
    assert plan.slides[1].title == "Für **C*"


def test_line_breaks_and_paragraphs_from_block_scalars(tmp_path):
    text = yaml.safe_dump(pitch(), allow_unicode=True, sort_keys=False) + (
        "- kind: statement\n  title: T\n  text: |\n    Zeile eins\n    Zeile zwei\n\n"
        "    Absatz zwei\n- kind: bullets\n  title: B\n  bullets:\n  - |\n    a\n    b\n")
    plan = plan_of(tmp_path, text.replace("slides:\n", "slides:\n", 1))
    assert [p.text for p in plan.slides[1].body] == ["Zeile eins\nZeile zwei", "Absatz zwei"]
    assert [p.text for p in plan.slides[2].body] == ["a\nb"]


# -- building, naming, check ----------------------------------------------------------------

def test_build_twelve_points_and_no_statistic(tmp_path):
    data = pitch({"kind": "statement", "title": "Kern", "text": "Ein **klarer** Satz mit "
                  "[Link](https://example.org/)."},
                 {"kind": "agenda", "title": "{{ points_count }} Gründe"}, points(12),
                 {"kind": "closing", "title": "Bitte", "bullets": ["Ja", {"text": "Und",
                                                                           "sub": ["Detail"]}]},
                 slug="dsb")
    content = write(tmp_path, data)
    (deck,) = deckgen.build("Acme", output=tmp_path, content=content)
    assert deck.name == "acme-dsb.pptx"
    prs = Presentation(str(deck))
    assert len(prs.slides) == 1 + 1 + 1 + 12 + 1
    assert "Punkt 12" in prs.slides[14].shapes.title.text_frame.text


def test_output_name_from_file_name_without_slug(tmp_path):
    content = write(tmp_path, pitch(points(1)), name="Datenschutz Plädoyer.yaml")
    (deck,) = deckgen.build("Acme", output=tmp_path, content=content)
    assert deck.name == "acme-datenschutz-plaedoyer.pptx"


def test_check_warns_about_missing_notes_and_strict_refuses(tmp_path):
    content = write(tmp_path, pitch({"kind": "statement", "title": "Kern", "text": "Satz."}))
    job = check(content=content)
    assert len(job.warnings) == 1 and "slides[1]: no speaker notes" in job.warnings[0]
    with pytest.raises(DeckgenError, match="strict"):
        check(content=content, strict=True)
