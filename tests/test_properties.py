"""Property tests: any company name and any content text either build a sound deck or fail
with a `DeckgenError`; the same inputs always give the same bytes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree
from pptx import Presentation

import deckgen
from deckgen.errors import DeckgenError
from deckgen.paths import default_content
from deckgen.pitch.markup import plain

SETTINGS = settings(max_examples=15, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
SRC = default_content("de").read_text(encoding="utf-8")
CLOSING = "Unser Vorschlag für "
SLIDES = 13
# whitespace that is also a control character; see test_whitespace_controls_separate_words
GLUE = "\r\x0b\x0c\x1c\x1d\x1e\x1f\x85"
SPECIAL = [
    *"äöüÄÖÜß&<>\"'`´„“‚‘«»–—…€§/\\{}%#|*$;:", "&amp;", "<b>", "]]>", "{{ 7*7 }}",
    "🎉", "👩‍💻", "🇩🇪", "شركة الأمل", "חברה בע״מ", "\u200f", "\u200e", "\u00ad", "e\u0301",
    "\x00", "\x01", "\x08", "\x1b", "\x7f", "\x9f", "\t", "\n", "\ufeff", "\u2028", "\u3000",
]
CHARS = st.one_of(
    st.sampled_from(SPECIAL),
    st.characters(exclude_categories=("Cs", "Co", "Cn"), exclude_characters=GLUE),
)
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def visible(text: str) -> str:
    """Control characters (and BOMs) removed, tab/newline as spaces, whitespace collapsed."""
    kept = "".join(
        " " if ch in "\t\n" else ch
        for ch in text
        if ch in "\t\n" or (unicodedata.category(ch) != "Cc" and ch != "\ufeff")
    )
    return " ".join(kept.split())


def words(max_word: int) -> st.SearchStrategy[str]:
    word = st.lists(CHARS, min_size=1, max_size=max_word).map("".join)
    return st.lists(word, min_size=1, max_size=12).map(" ".join).map(lambda s: s[:130])


def assert_sound_deck(path: Path) -> Presentation:
    """Re-opens, has every slide, and every XML part is well-formed with only legal characters."""
    prs = Presentation(str(path))
    assert len(prs.slides) == SLIDES
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.endswith((".xml", ".rels")):
                data = zf.read(name)
                bad = XML_ILLEGAL.search(data.decode("utf-8"))
                assert bad is None, f"{name}: XML-illegal character {bad.group()!r}"
                etree.fromstring(data)  # raises on bad escaping or illegal character references
    return prs


def closing_title(prs: Presentation) -> str:
    title = prs.slides[SLIDES - 2].shapes.title.text_frame.text
    # soft hyphens deckgen adds inside words longer than a line; no-break spaces keep the
    # company name on one line: both read as the plain name
    return title.replace("\u00ad", "").replace("\u00a0", " ")


@SETTINGS
# a name needs one visible character: marks like U+200F alone are refused (tested elsewhere)
@given(name=words(24).filter(lambda s: any(unicodedata.category(c)[0] not in "ZC" for c in s)))
@example(name="Müller & Söhne <GmbH> \"Die 'Guten'\" 🎉")
@example(name="{{ 7*7 }} {% if 1 %}x{% endif %}")
@example(name="شركة الأمل للتجارة & חברה בע״מ")
@example(name="\x00Acme\x01\t\nAG\x7f  ")
def test_any_company_name_builds_a_sound_deck(tmp_path_factory, name):
    folder = tmp_path_factory.mktemp("names")
    (path,) = deckgen.build(name, output=folder)
    assert path.parent == folder
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*-social-media-plaedoyer\.pptx", path.name), path.name
    assert [p.name for p in folder.iterdir()] == [path.name]
    prs = assert_sound_deck(path)
    expected = visible(name)
    assert closing_title(prs) == CLOSING + expected.replace("\u00ad", "")
    assert prs.core_properties.subject == expected[:255]


@SETTINGS
@given(name=st.lists(CHARS | st.characters(codec="utf-8"), max_size=130).map("".join))
@example(name="W" * 130)
@example(name="\u200b")
def test_any_text_as_company_builds_or_fails_cleanly(tmp_path_factory, name):
    folder = tmp_path_factory.mktemp("anyname")
    try:
        (path,) = deckgen.build(name, output=folder / "deck.pptx")
    except DeckgenError as exc:
        message = str(exc)
        assert "\n" not in message and message.strip() == message, message
        if message.startswith("company:"):  # only a name with nothing to show may be empty
            assert not any(unicodedata.category(c)[0] in "LMNPS" for c in name), message
        else:
            assert "does not fit" in message, message
        assert list(folder.iterdir()) == []
        return
    assert_sound_deck(path)


@pytest.mark.parametrize("glue", list(GLUE), ids=[f"U+{ord(c):04X}" for c in GLUE])
def test_whitespace_controls_separate_words(tmp_path, glue):
    """A line break pasted from PowerPoint (vertical tab) or Windows (CR) must not glue words."""
    (path,) = deckgen.build(f"Foo{glue}Bar", output=tmp_path / "deck.pptx")
    assert closing_title(Presentation(str(path))) == CLOSING + "Foo Bar"


# -- content texts ----------------------------------------------------------------------------

BULLET = '      - "„Selbsthilfegruppen für Social-Media-Manager“'
BULLET_LINE = next(i for i, line in enumerate(SRC.splitlines(), 1) if line.startswith(BULLET))
JINJA_TOKENS = [
    "{{", "}}", "{%", "%}", "{#", "#}", "{{ company }}", "company", "firma", " ", "if", "else",
    "endif", "for", "in", "endfor", "set", "x", "=", "|upper", "|length", "|join(',')", "'",
    '"', "(", ")", "[", "]", ".", "__class__", "*", "9", "~", "-", "+", "\n", "ä", "🎉", "\\",
    "{{ '", "' }}", "{% if company %}", "{% endif %}", "{% raw %}", "{% endraw %}",
]
CONTENT_TEXT = st.one_of(
    st.lists(CHARS | st.sampled_from(list(GLUE)), max_size=200).map("".join),
    st.lists(st.sampled_from(JINJA_TOKENS), max_size=25).map("".join),
)


def with_bullet(text: str) -> str:
    """The shipped plea with slides[3].bullets[0] replaced by ``text`` as a quoted YAML string."""
    import yaml

    quoted = yaml.safe_dump(text, default_style='"', width=1_000_000, allow_unicode=True)
    quoted = quoted.strip()
    assert "\n" not in quoted
    lines = SRC.splitlines(keepends=True)
    lines[BULLET_LINE - 1] = f"      - {quoted}\n"
    new = "".join(lines)
    assert yaml.safe_load(new)["slides"][3]["bullets"][0] == text
    return new


@SETTINGS
@given(text=CONTENT_TEXT)
@example(text="{{ company }} & <Partner> 🎉")
@example(text="{{ firma }}")
@example(text="{% for x in company %}{{ x }}{% endfor %}")
@example(text="  \t\x00 ")
@example(text="{{ ''.__class__.__mro__ }}")
def test_any_content_text_builds_or_fails_cleanly(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("content")
    source = folder / "plea.yaml"
    source.write_text(with_bullet(text), encoding="utf-8")
    target = folder / "deck.pptx"
    try:
        deckgen.build("Acme", output=target, content=source)
    except DeckgenError as exc:
        message = str(exc)
        assert "\n" not in message, message
        assert (f"{source}:{BULLET_LINE}: slides[3].bullets[0]" in message
                or "slide 4 (bullets)" in message), message
        assert not target.exists()
        assert sorted(p.name for p in folder.iterdir()) == ["plea.yaml"]
        if "{" not in text and not any(c in GLUE for c in text):
            assert not visible(text) or "does not fit" in message, message
        return
    prs = assert_sound_deck(target)
    if "{" not in text and not any(c in GLUE for c in text):
        # markup (**bold**, *italic*) is read after rendering; a line break is a break, not text
        slide = prs.slides[3]
        paragraphs = [" ".join(p.text.replace("\u00ad", "").split()) for s in slide.shapes
                      if s.has_text_frame and s != slide.shapes.title
                      for p in s.text_frame.paragraphs]
        assert " ".join(plain(visible(text)).replace("\u00ad", "").split()) in paragraphs


# -- determinism --------------------------------------------------------------------------------

ARGS = {"presenter": "Jana Beispiel", "date": "2026-11-27", "sets": ["unused=1"]}


def test_same_inputs_give_identical_bytes(tmp_path):
    (tmp_path / "a").mkdir()
    (a,) = deckgen.build("Müller & Söhne 🎉", output=tmp_path / "a" / "deck.pptx", **ARGS)
    (b,) = deckgen.build("Müller & Söhne 🎉", output=tmp_path / "b", **ARGS)
    assert a != b and a.read_bytes() == b.read_bytes()
    (c,) = deckgen.build("Müller & Söhne 🎉", output=tmp_path / "c.pptx",
                         **{**ARGS, "date": "2026-11-28"})
    assert c.read_bytes() != a.read_bytes()  # the date is in the deck: the comparison can fail
    (d,) = deckgen.build("Acme", output=tmp_path / "d1.pptx")
    (e,) = deckgen.build("Acme", output=tmp_path / "d2.pptx")
    assert d.read_bytes() == e.read_bytes()  # without --date as well


def test_identical_bytes_across_processes(tmp_path):
    """Different hash seeds (set/dict order) and a different working folder change nothing."""
    code = ("import sys, deckgen; deckgen.build('Müller & Söhne 🎉', output=sys.argv[1], "
            "presenter='Jana Beispiel', date='2026-11-27', sets=['unused=1'])")
    (here,) = deckgen.build("Müller & Söhne 🎉", output=tmp_path / "here.pptx", **ARGS)
    for seed in ("1", "2"):
        target = tmp_path / f"seed{seed}.pptx"
        subprocess.run([sys.executable, "-c", code, str(target)], check=True, timeout=120,
                       cwd=tmp_path, env={**os.environ, "PYTHONHASHSEED": seed})
        assert target.read_bytes() == here.read_bytes(), f"PYTHONHASHSEED={seed} differs"
