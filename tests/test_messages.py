"""Messages a person understands (issue 12, item 7): what is wrong, where, and what to do."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import deckgen
from deckgen.cli import main

HEAD = "lang: de-DE\nslug: t\nslides:\n"


def _check(tmp_path, text: str) -> str:
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(deckgen.DeckgenError) as info:
        deckgen.check(content=path)
    message = str(info.value)
    assert "\n" not in message and message.startswith(str(path))
    return message


def test_tab_indentation(tmp_path):
    message = _check(tmp_path, HEAD + "\t- kind: title\n")
    assert ":4: tabs are not allowed" in message and "spaces" in message


def test_unclosed_quote_points_at_where_it_opens(tmp_path):
    message = _check(tmp_path, HEAD + '  - kind: title\n    title: "offen\n    subtitle: x\n'
                     "  - kind: bullets\n    title: B\n    bullets: [a]\n")
    assert ":5:12: a quote starts here and is never closed" in message


def test_colon_in_plain_text(tmp_path):
    message = _check(tmp_path, HEAD + "  - kind: title\n    title: Wert: hoch\n    subtitle: x\n")
    assert ":5:" in message and "colon followed by a space" in message and "quotes" in message


def test_colon_in_a_bullet(tmp_path):
    message = _check(tmp_path, HEAD + "  - kind: title\n    title: T\n    subtitle: x\n"
                     "  - kind: bullets\n    title: B\n    bullets:\n      - Hinweis: wichtig\n")
    assert "slides[1].bullets[0]" in message and '"Hinweis: wichtig"' in message


def test_language_must_be_a_tag_deckgen_can_use(tmp_path):
    message = _check(tmp_path, "lang: deutsch\nslug: t\nslides:\n  - kind: title\n"
                     "    title: T\n    subtitle: x\n")
    assert "lang" in message


def test_company_without_its_option():
    result = CliRunner().invoke(main, ["build", "Acme"])
    assert result.exit_code == 2
    assert 'deckgen build --company "Acme"' in result.output


def test_lang_with_content_is_explained(tmp_path):
    content = tmp_path / "p.yaml"
    content.write_text(HEAD + "  - kind: title\n    title: T\n    subtitle: x\n", "utf-8")
    result = CliRunner().invoke(main, ["build", "--company", "A", "--lang", "en",
                                       "--content", str(content), "-o",
                                       str(tmp_path / "d.pptx")])
    assert result.exit_code == 0, result.output
    assert "--lang chooses the edition of the shipped plea" in result.output


def test_colour_without_hash_is_accepted(tmp_path):
    result = CliRunner().invoke(main, ["template", "new", "acme", "--dir", str(tmp_path),
                                       "--primary", "E30613"])
    assert result.exit_code == 0, result.output
    assert "#E30613" in (tmp_path / "acme" / "template.yaml").read_text("utf-8").upper()
