"""The two kinds pitches need: key figures and a roadmap (issue 21, item 9).

Native, editable shapes in the theme's colours, grouped with a description; with the checks
every kind gets: in the content format and its schema, `deckgen new` and `deckgen check`,
text that fits at no less than the minimum sizes in every template, readable, in the
content's language, with notes, and an identity that `--update` finds again.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml
from click.testing import CliRunner
from kind_decks import NOTES, A, P, build
from pptx import Presentation

import deckgen
from deckgen.cli import main
from deckgen.errors import DeckgenError
from deckgen.pitch.loader import load_pitch
from deckgen.pitch.make_plan import render_plan
from deckgen.pitch.render import Context

FIGURES = {"kind": "figures", "title": "Was es kostet und bringt", "items": [
    {"figure": "1,2 Mio. €", "caption": "Kosten im ersten Jahr", "source": "Planung 2027"},
    {"figure": "3 Stellen", "caption": "neue Stellen im Team"},
    {"figure": "18 Monate", "caption": "bis sich die Stelle trägt"}], "notes": NOTES}
ROADMAP = {"kind": "roadmap", "title": "So gehen wir vor", "steps": [
    {"label": "Entscheidung", "when": "Q1 2027", "text": "Budget und Auftrag"},
    {"label": "Aufbau", "when": "Q2 2027", "text": "Stelle besetzen"},
    {"label": "Pilot", "when": "H2 2027", "text": "Zwei Abteilungen beraten"},
    {"label": "Regelbetrieb", "when": "2028"}], "notes": NOTES}


def _write(folder, *slides, name="pitch.yaml"):
    data = {"lang": "de-DE", "slides": [{"kind": "title", "title": "Ein Vorschlag"}, *slides]}
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def test_plan_of_figures_and_roadmap(tmp_path):
    plan = render_plan(load_pitch(_write(tmp_path, FIGURES, ROADMAP)), Context("Acme"))
    figures, roadmap = plan.slides[1:]
    assert figures.role == "figures" and [f.figure for f in figures.figures] == [
        "1,2 Mio. €", "3 Stellen", "18 Monate"]
    assert figures.figures[0].source == "Planung 2027" and figures.notes == NOTES
    assert roadmap.role == "roadmap" and [s.when for s in roadmap.steps] == [
        "Q1 2027", "Q2 2027", "H2 2027", "2028"]
    assert roadmap.steps[-1].text == ""


@pytest.mark.parametrize(("slide", "where", "words"), [
    ({**FIGURES, "items": FIGURES["items"][:1]}, "slides[1].items", "at least 2"),
    ({**FIGURES, "items": FIGURES["items"] * 2}, "slides[1].items", "at most 4"),
    ({**ROADMAP, "steps": ROADMAP["steps"][:2]}, "slides[1].steps", "at least 3"),
    ({**ROADMAP, "steps": ROADMAP["steps"] * 2}, "slides[1].steps", "at most 6"),
    ({**ROADMAP, "steps": [{"label": "A", "wann": "Q1"}] * 3}, "slides[1].steps[0]", "wann"),
])
def test_limits_and_unknown_keys_are_one_line_errors(tmp_path, slide, where, words):
    with pytest.raises(DeckgenError) as info:
        load_pitch(_write(tmp_path, slide))
    message = str(info.value)
    assert "\n" not in message and where in message and words in message, message
    assert re.match(r"^\S*pitch\.yaml:\d+: ", message)


def test_schema_new_and_check_know_both_kinds(tmp_path, monkeypatch):
    runner = CliRunner()
    schema = json.loads(runner.invoke(main, ["schema"]).output)
    kinds = {k["properties"]["kind"]["const"]: k
             for k in schema["properties"]["slides"]["items"]["oneOf"]}
    assert kinds["figures"]["properties"]["items"]["maxItems"] == 4
    assert kinds["roadmap"]["properties"]["steps"]["minItems"] == 3
    monkeypatch.chdir(tmp_path)
    for lang in ("de", "en"):
        result = runner.invoke(main, ["new", f"p-{lang}.yaml", "--lang", lang])
        assert result.exit_code == 0, result.output
        kinds_used = {s.kind for s in load_pitch(tmp_path / f"p-{lang}.yaml").pitch.slides}
        assert {"figures", "roadmap"} <= kinds_used
        result = runner.invoke(main, ["check", "--content", f"p-{lang}.yaml", "--strict"])
        assert result.exit_code == 0 and result.output.startswith("OK:"), result.output
    result = runner.invoke(main, ["check", "--content", str(_write(tmp_path, {
        **FIGURES, "notes": ""}, name="bare.yaml"))])
    assert "slides[1]: no speaker notes" in result.output


@pytest.mark.parametrize("template", ["default", "dark"])
def test_native_grouped_shapes_in_theme_colours(tmp_path, template):
    deck = build(tmp_path, FIGURES, ROADMAP, template=template)
    prs = Presentation(str(deck))
    for number, geoms, words in ((1, {"roundRect"}, ("1,2 Mio. €: Kosten im ersten Jahr",)),
                                 (2, {"homePlate", "chevron", "rect"},
                                  ("1. Entscheidung (Q1 2027): Budget und Auftrag",
                                   "4. Regelbetrieb (2028)"))):
        slide = prs.slides[number]
        tree = slide.shapes._spTree
        (group,) = tree.findall(f"{P}grpSp")
        descr = group.find(f"{P}nvGrpSpPr/{P}cNvPr").get("descr")
        assert all(w in descr for w in words)
        assert list(tree).index(group) > list(tree).index(slide.shapes.title._element)
        shapes = group.findall(f"{P}sp")
        assert {sp.find(f"{P}spPr/{A}prstGeom").get("prst") for sp in shapes} == geoms
        for sp in shapes:  # theme colours only, so a theme change restyles them
            assert sp.find(f".//{A}srgbClr") is None
        for rpr in group.iter(f"{A}rPr"):
            assert rpr.get("lang") == "de-DE" and int(rpr.get("sz")) >= 1400
        for run in group.iter(f"{A}latin"):
            assert run.get("typeface") in ("+mj-lt", "+mn-lt")
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text == NOTES
    figures = prs.slides[1].shapes._spTree.find(f"{P}grpSp").findall(f"{P}sp")
    first = [int(r.get("sz")) for r in figures[0].iter(f"{A}rPr")]
    assert first[0] >= 1.5 * first[1]  # the figure stands large above its caption


def test_too_long_for_every_layout_names_the_slide(tmp_path):
    steps = [{"label": "Ein sehr langer Name einer Phase " * 3, "when": "Q1 2027",
              "text": "Eine Zeile, die keine Zeile ist, sondern ein ganzer Absatz " * 6}] * 6
    with pytest.raises(DeckgenError) as info:
        build(tmp_path, {**ROADMAP, "steps": steps})
    assert "slide 2 (roadmap)" in str(info.value)


def test_update_brings_new_figures_and_keeps_a_persons_edit(tmp_path):
    content = _write(tmp_path, FIGURES, ROADMAP)
    out = tmp_path / "deck.pptx"
    deckgen.build("Acme", content=content, output=out)
    changed = yaml.safe_load(content.read_text("utf-8"))
    changed["slides"][1]["items"][0]["figure"] = "1,4 Mio. €"
    changed["slides"][2]["steps"][0]["when"] = "Q2 2027"
    content.write_text(yaml.safe_dump(changed, allow_unicode=True, sort_keys=False), "utf-8")
    # the person retitles a step in the roadmap; the figures they leave alone
    prs = Presentation(str(out))
    group = prs.slides[2].shapes._spTree.find(f"{P}grpSp")
    text = next(t for t in group.iter(f"{A}t") if t.text == "Aufbau")
    text.text = "Aufbau des Teams"
    prs.save(str(out))
    backup = tmp_path / "keep.pptx"
    shutil.copy(out, backup)
    deckgen.build("Acme", content=content, output=out, update=True)
    prs = Presentation(str(out))
    figures = "".join(t.text for t in prs.slides[1].shapes._spTree.iter(f"{A}t"))
    roadmap = "".join(t.text for t in prs.slides[2].shapes._spTree.iter(f"{A}t"))
    assert "1,4\u00a0Mio.\u00a0€" in figures and "1,2" not in figures  # untouched: new content
    assert "Aufbau des Teams" in roadmap and "Q1\u00a02027" in roadmap  # edited: kept
    ids = [n.get("id") for n in prs.slides[1].shapes._spTree.iter(f"{P}cNvPr")]
    assert len(ids) == len(set(ids))  # the new shapes took free ids
