"""Batches: one deck per company, and a deck's bytes never depend on its place in a batch."""

from __future__ import annotations

import deckgen

LONG = ("Internationale Gesellschaft für Zusammenarbeit im Bereich der Digitalisierung "
        "mittelständischer Handwerksbetriebe und Genossenschaften e.V.")


def test_batch_decks_equal_single_builds(tmp_path):
    names = ["Acme", LONG, "Müller & Söhne", "Beta"]  # the long name changes the structure
    batch = deckgen.build(names, output=tmp_path / "batch", jobs=1)
    for name, path in zip(names, batch):
        (single,) = deckgen.build(name, output=tmp_path / "single")
        assert single.read_bytes() == path.read_bytes(), name


def test_parallel_batch_equals_sequential(tmp_path):
    names = [f"Firma {i}" for i in range(14)]
    seq = deckgen.build(names, output=tmp_path / "seq", jobs=1)
    par = deckgen.build(names, output=tmp_path / "par", jobs=2)
    assert [p.name for p in seq] == [p.name for p in par]
    for a, b in zip(seq, par):
        assert a.read_bytes() == b.read_bytes()


def test_error_in_a_worker_is_one_clear_error_and_nothing_written(tmp_path):
    import pytest
    from conftest import ROOT

    # the subtitle says the company twenty times: fine for "Firma 3", no room for a long name
    content = tmp_path / "c.yaml"
    text = (ROOT / "content" / "plea.yaml").read_text(encoding="utf-8")
    content.write_text(text.replace('subtitle: "Ein Vorschlag für {{ company }}"',
                                    'subtitle: "{{ (company ~ \' \') * 20 }}"'), "utf-8")
    names = [f"Firma {i}" for i in range(12)] + ["Wort " * 39]
    with pytest.raises(deckgen.DeckgenError, match="does not fit"):
        deckgen.build(names, output=tmp_path / "out", jobs=2, content=content)
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
