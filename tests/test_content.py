"""The shipped content: complete, faithful in its facts, and rendered through the sandbox."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deckgen.paths import default_content
from deckgen.pitch.loader import load_pitch
from deckgen.pitch.make_plan import render_plan
from deckgen.pitch.model import Doughnut, PointsSlide, StatisticSlide
from deckgen.pitch.render import Context
from deckgen.pitch.schema import schema_json

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "source" / "plaedoyer.txt"


@pytest.fixture(scope="module")
def plan():
    return render_plan(load_pitch(default_content()), Context("Acme", "Jana", "2026-11-27"))


def _one(pitch, kind):
    (slide,) = [s for s in pitch.slides if isinstance(s, kind)]
    return slide


def test_content_loads_with_six_points_in_source_order():
    plea = load_pitch(default_content()).pitch
    assert [p.title for p in _one(plea, PointsSlide).items] == [
        "Symbolwirkung", "Durchsetzungskraft", "Neutralität im interdisziplinären Team",
        "Eigenverantwortung", "Erweiterung der Möglichkeiten", "Relevante KPIs",
    ]
    assert plea.lang == "de-DE"


def test_statistic_is_data_one_in_ten():
    chart = _one(load_pitch(default_content()).pitch, StatisticSlide).chart
    assert isinstance(chart, Doughnut)
    assert (chart.value, chart.of) == (1, 10)


def test_roles_in_order(plan):
    roles = [s.role for s in plan.slides]
    assert roles == ["title", "statement", "statistic", "bullets", "agenda"] + ["point"] * 6 + [
        "closing", "sources"]


def test_company_reaches_title_and_closing(plan):
    assert "Acme" in plan.slides[0].subtitle[0].text
    assert "Acme" in plan.slides[-2].title
    assert plan.slides[0].subtitle[1].text == "Jana · 27. November 2026"


def test_every_slide_has_notes_of_two_to_five_sentences(plan):
    for s in plan.slides:
        sentences = [x for x in s.notes.replace("!", ".").replace("?", ".").split(". ") if x]
        assert 2 <= len(sentences) <= 6, (s.role, s.notes)


def test_statistic_figure_and_chart_from_same_data(plan):
    stat = plan.slides[2]
    assert stat.figure == "1 von 10"
    assert stat.chart.percents == (10.0, 90.0)


def test_no_invented_figures(plan):
    """Digits in the deck may only be the statistic and point numbers (no made-up figures)."""
    import re

    texts = []
    for s in plan.slides:
        if s.role in ("statistic", "point", "sources", "title"):
            continue
        texts += [s.title, s.notes] + [p.text for p in s.body]
    digits = {d for t in texts for d in re.findall(r"\d+", t)}
    assert digits <= {"1", "10"}, digits


def test_facts_present_in_source():
    if not SOURCE.exists():
        pytest.skip("shared/source not beside the project")
    source = SOURCE.read_text(encoding="utf-8")
    for fact in ("Vivian Pein", "BVDW", "jedes zehnte", "Barcamps", "Kompetenzgerangel",
                 "der-socialmediamanager.de/plaedoyer-fuer-eine-unabhaengige-social-media"):
        assert fact in source


def test_stabsstelle_spelled_right():
    text = default_content().read_text(encoding="utf-8")
    assert "Stabstelle" not in text and "Stabsstelle" in text


def test_schema_file_in_sync_and_referenced():
    committed = (ROOT / "content" / "plea.schema.json").read_text(encoding="utf-8")
    assert committed == schema_json()
    first = default_content().read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=plea.schema.json"
    schema = json.loads(committed)
    assert schema["additionalProperties"] is False
    assert schema["properties"]["slides"]["type"] == "array"
    en_first = default_content("en").read_text(encoding="utf-8").splitlines()[0]
    assert en_first == first


def test_english_edition_has_same_structure():
    de = load_pitch(default_content("de")).pitch
    en = load_pitch(default_content("en")).pitch
    assert [s.kind for s in de.slides] == [s.kind for s in en.slides]
    assert len(_one(de, PointsSlide).items) == len(_one(en, PointsSlide).items)
    assert en.lang.startswith("en")
    de_chart, en_chart = _one(de, StatisticSlide).chart, _one(en, StatisticSlide).chart
    assert (en_chart.value, en_chart.of) == (de_chart.value, de_chart.of)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_plan_is_the_same_as_before_the_slide_list_format(lang):
    """The plea rewritten as a list of slides says exactly what the fixed-shape plea said.

    ``snapshots/plea-<lang>.json`` was taken from the old format's plan (company Acme,
    presenter Jana, date 2026-11-27) before the rewrite.
    """
    plan = render_plan(load_pitch(default_content(lang)), Context("Acme", "Jana", "2026-11-27"))
    want = json.loads((ROOT / "tests" / "snapshots" / f"plea-{lang}.json").read_text("utf-8"))

    def para(p):
        return {"text": p.text, "level": p.level, "url": p.url}

    got = {"lang": plan.lang, "title": plan.title, "footer": plan.footer, "date": plan.date,
           "slides": [{
               "role": s.role, "title": s.title, "notes": s.notes,
               "body": [para(p) for p in s.body], "list_style": s.list_style,
               "subtitle": [para(p) for p in s.subtitle], "figure": s.figure,
               "caption": [para(p) for p in s.caption], "number": s.number,
               "chart": None if s.chart is None else {
                   "labels": list(s.chart.labels), "percents": list(s.chart.percents),
                   "alt_text": s.chart.alt_text},
           } for s in plan.slides]}
    assert got["slides"] == want["slides"]
    assert {k: v for k, v in got.items() if k != "slides"} == {
        k: v for k, v in want.items() if k != "slides"}
    for s in plan.slides:  # every paragraph carries its runs, and they spell its text
        for p in (*s.body, *s.subtitle, *s.caption):
            assert p.runs and "".join(r.text for r in p.runs) == p.text


def test_precompiled_twins_match_their_yaml():
    """The shipped files' twins (read instead of YAML) say exactly what the YAML says."""
    import dataclasses
    import pickle

    from deckgen.pitch import precompiled
    from deckgen.pitch.loader import load_data, load_pitch

    twins = precompiled.twins()
    assert twins, "no shipped YAML found"
    for path, data in twins:
        assert path.exists(), f"{path} missing: run python -m deckgen.pitch.precompiled"
        if path.suffix == ".pickle":
            yaml_path = path.with_suffix(".yaml")
            got = precompiled.load_content(yaml_path)
            assert got is not None, f"{path} is stale: run python -m deckgen.pitch.precompiled"
            want = load_pitch(yaml_path)
            assert dataclasses.asdict(got.pitch) == dataclasses.asdict(want.pitch)
            assert got.lines == want.lines
            assert pickle.loads(data)["sha256"] == pickle.loads(path.read_bytes())["sha256"]
        else:
            yaml_path = path.with_suffix(".yaml")
            got = precompiled.load_template_config(yaml_path)
            assert got is not None, f"{path} is stale: run python -m deckgen.pitch.precompiled"
            assert got[0] == load_data(yaml_path.read_text("utf-8"), yaml_path)


def test_edited_shipped_file_is_read_from_its_yaml(tmp_path, monkeypatch):
    import shutil

    from deckgen.pitch import precompiled

    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    monkeypatch.setattr(precompiled, "_content_dir", lambda: folder)
    plea = folder / "plea.yaml"
    assert precompiled.load_content(plea) is not None  # the twin matches
    plea.write_text(plea.read_text("utf-8").replace("Symbolwirkung", "Signalwirkung"), "utf-8")
    assert precompiled.load_content(plea) is None  # edited: the twin no longer applies
    assert precompiled.load_content(tmp_path / "elsewhere.yaml") is None
