"""The shipped content: complete, faithful in its facts, and rendered through the sandbox."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deckgen.paths import default_content
from deckgen.pitch.loader import load_plea
from deckgen.pitch.render import Context, render_plan
from deckgen.pitch.schema import schema_json

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "source" / "plaedoyer.txt"


@pytest.fixture(scope="module")
def plan():
    return render_plan(load_plea(default_content()), Context("Acme", "Jana", "2026-11-27"))


def test_content_loads_with_six_points_in_source_order():
    plea = load_plea(default_content()).plea
    assert [p.title for p in plea.points] == [
        "Symbolwirkung", "Durchsetzungskraft", "Neutralität im interdisziplinären Team",
        "Eigenverantwortung", "Erweiterung der Möglichkeiten", "Relevante KPIs",
    ]
    assert plea.lang == "de-DE"


def test_statistic_is_data_one_in_ten():
    st = load_plea(default_content()).plea.statistic
    assert (st.value, st.of) == (1, 10)


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
    assert schema["properties"]["points"]["type"] == "array"


def test_english_edition_has_same_structure():
    de = load_plea(default_content("de")).plea
    en = load_plea(default_content("en")).plea
    assert len(de.points) == len(en.points)
    assert en.lang.startswith("en")
    assert (en.statistic.value, en.statistic.of) == (de.statistic.value, de.statistic.of)
