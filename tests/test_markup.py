"""Inline markup: **bold**, *italic*, [text](url) and line breaks; nothing else is read."""

from __future__ import annotations

import pytest

from deckgen.pitch.markup import MarkupError, parse, plain, protect
from deckgen.pitch.numbers import format_value, parse_number
from deckgen.pitch.plan import Run


def runs(text: str) -> list[tuple[str, bool, bool, str]]:
    return [(r.text, r.bold, r.italic, r.url) for r in parse(text).runs]


@pytest.mark.parametrize("text", [
    "Yahoo!*", "C*", "C* und C++", "5 * 3 * 2", "**offen", "*", "**", "***", "a ** b",
    "Fußnote*) im Text", "Preis: 5 €*", "_unterstrichen_", "# keine Überschrift", "<b>x</b>",
    "[kein Link]", "[Text] (https://example.org)", "`code`", "C:\\Programme\\*",
])
def test_unpaired_and_foreign_syntax_stays_literal(text):
    para = parse(text)
    assert para.text == text
    assert runs(text) == [(text, False, False, "")]


def test_bold_italic_and_nesting():
    assert runs("**fett** und *kursiv*") == [
        ("fett", True, False, ""), (" und ", False, False, ""), ("kursiv", False, True, "")]
    assert runs("**fett *beides* fett**") == [
        ("fett ", True, False, ""), ("beides", True, True, ""), (" fett", True, False, "")]
    assert runs("***beides***") == [("beides", True, True, "")]


def test_link_is_live_and_may_be_bold():
    para = parse("Siehe [BVDW](https://www.bvdw.org/) und **[Pein](http://example.org/a_b)**")
    assert para.text == "Siehe BVDW und Pein"
    assert [(r.text, r.bold, r.url) for r in para.runs] == [
        ("Siehe ", False, ""), ("BVDW", False, "https://www.bvdw.org/"), (" und ", False, ""),
        ("Pein", True, "http://example.org/a_b")]
    assert parse("[Mail](mailto:jana@example.org)").url == "mailto:jana@example.org"


@pytest.mark.parametrize("url", ["javascript:alert", "file:///etc/passwd", "ftp://x.org",
                                 "data:text/html,x", "//example.org", "JAVASCRIPT:void"])
def test_links_only_to_web_and_mail(url):
    with pytest.raises(MarkupError):
        parse(f"[klick]({url})")


def test_unparsable_link_stays_text():
    para = parse("[klick](javascript:alert(1))")
    assert not any(r.url for r in para.runs) and para.text == "[klick](javascript:alert(1))"


def test_line_break_stays_inside_the_paragraph():
    para = parse("Zeile 1\nZeile **2**")
    assert para.text == "Zeile 1\nZeile 2"
    assert para.runs == (Run("Zeile 1\nZeile "), Run("2", bold=True))


def test_values_from_outside_stay_literal():
    """A company called **Acme** keeps its asterisks; the author's markup around it still works."""
    para = parse(f"Für *{protect('**Acme** [x](https://e.org)')}*")
    assert para.text == "Für **Acme** [x](https://e.org)"
    assert para.runs == (Run("Für "), Run("**Acme** [x](https://e.org)", italic=True))
    assert plain(f"**{protect('C*')}**") == "C*"


def test_plain_drops_markup_only():
    assert plain("Die **eine** Zahl: *1 von 10*") == "Die eine Zahl: 1 von 10"


@pytest.mark.parametrize(("value", "lang", "unit", "shown"), [
    (46.5, "de-DE", "%", "46,5\u00a0%"), (46.5, "en-US", "%", "46.5%"),
    (1234.5, "de-DE", "", "1.234,5"), (1234.5, "en-GB", "", "1,234.5"),
    (1234.5, "de-CH", "", "1’234.5"), (12.5, "en-US", "€", "€12.5"),
    (12.5, "de-AT", "€", "12,5\u00a0€"), (-3, "de-DE", "", "−3"), (10, "de-DE", "%", "10\u00a0%"),
])
def test_numbers_are_formatted_for_the_language(value, lang, unit, shown):
    assert format_value(value, lang, unit=unit) == shown


@pytest.mark.parametrize(("raw", "why"), [
    ("1:30", "base 60"), ("46,5", "dot"), ("1e5", "plain digits"), ("0x1F", "plain digits"),
    ("1_000", "plain digits"), ("9" * 5000, "too large"), ("1.1234567", "decimal places"),
    ("zehn", "expected a number"), (".inf", "expected a number"),
])
def test_numbers_are_read_strictly(raw, why):
    with pytest.raises(ValueError, match=why):
        parse_number(raw)


def test_numbers_read():
    assert parse_number("46.5") == 46.5 and parse_number("-2") == -2 and parse_number("007") == 7
