"""`deckgen new`: a starter content file with its schema beside it, that builds as it is."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from pptx import Presentation

from deckgen.cli import main
from deckgen.pitch.loader import load_pitch
from deckgen.pitch.schema import schema_json


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize(("source", "lang"), [("blank", "de"), ("blank", "en"), ("plea", "de"),
                                              ("plea", "en")])
def test_new_writes_content_and_schema_that_build(tmp_path, monkeypatch, source, lang):
    monkeypatch.chdir(tmp_path)
    result = run("new", "pitches/dsb.yaml", "--from", source, "--lang", lang)
    assert result.exit_code == 0, result.output
    content = tmp_path / "pitches" / "dsb.yaml"
    schema = tmp_path / "pitches" / "deckgen.schema.json"
    assert result.stdout.splitlines() == [str(content.relative_to(tmp_path)),
                                          str(schema.relative_to(tmp_path))]
    assert "deckgen build --company" in result.stderr and "pitches/dsb.yaml" in result.stderr
    text = content.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=deckgen.schema.json"
    assert schema.read_text(encoding="utf-8") == schema_json()
    assert json.loads(schema.read_text(encoding="utf-8"))["title"] == "deckgen content file"
    loaded = load_pitch(content)
    assert loaded.pitch.slug == "dsb" and loaded.pitch.lang.startswith(lang)
    if source == "blank":
        assert {s.kind for s in loaded.pitch.slides} >= {
            "title", "statement", "statistic", "bullets", "agenda", "points", "quote",
            "comparison", "table", "closing", "sources"}
    built = run("check", "--content", str(content))
    assert built.exit_code == 0, built.output
    if source == "plea":
        built = run("build", "--company", "Acme", "--content", str(content))
        assert built.exit_code == 0, built.output
        assert len(Presentation(str(tmp_path / "acme-dsb.pptx")).slides) == 13


def test_new_refuses_to_overwrite_without_force(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.yaml").write_text("mine", encoding="utf-8")
    result = run("new", "p.yaml")
    assert result.exit_code == 1 and "--force" in result.stderr
    assert (tmp_path / "p.yaml").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.yaml"]
    assert run("new", "p.yaml", "--force").exit_code == 0
    assert (tmp_path / "p.yaml").read_text(encoding="utf-8") != "mine"


def test_new_keeps_a_foreign_schema_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "deckgen.schema.json").write_text("{}", encoding="utf-8")
    result = run("new", "p.yaml")
    assert result.exit_code == 1 and "deckgen.schema.json" in result.stderr
    assert not (tmp_path / "p.yaml").exists()


def test_second_pitch_in_same_folder_reuses_schema(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("new", "a.yaml").exit_code == 0
    result = run("new", "b.yaml", "--lang", "en")
    assert result.exit_code == 0 and result.stdout.splitlines() == ["b.yaml"]


def test_new_needs_a_yaml_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("new", "pitch.txt")
    assert result.exit_code == 1 and ".yaml" in result.stderr
