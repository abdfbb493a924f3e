"""Bad input of every kind: one line ``Error: …`` naming where, exit 1 (2 for usage), no file.

Each case runs the real CLI in an empty temporary folder that holds only the fixtures the case
wrote; afterwards the folder must hold exactly those fixtures, unchanged: no deck, no temp file.
Hostile texts that try to exhaust time or memory run in a subprocess with a time and memory
limit, so a regression fails the test instead of hanging or swapping the machine.
"""

from __future__ import annotations

import io
import resource
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from pptx import Presentation

from deckgen.cli import main
from deckgen.paths import default_content, templates_dir

SRC = default_content("de").read_text(encoding="utf-8")
TEMPLATE = templates_dir() / "default" / "template.pptx"
SUBTITLE = '"Ein Vorschlag für {{ company }}"'  # slides[0].subtitle of the shipped plea


def variant(old: str, new: str, text: str = SRC) -> str:
    """The shipped plea with one exact piece replaced (which must be there)."""
    assert text.count(old) == 1, f"fixture drift: {old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def line_of(text: str, needle: str) -> int:
    """1-based number of the first line containing ``needle``."""
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"fixture drift: {needle!r} not found")


def quoted(text: str) -> str:
    """``text`` as one double-quoted YAML scalar."""
    return yaml.safe_dump(text, default_style='"', width=1_000_000, allow_unicode=True).strip()


def with_subtitle(expr: str) -> str:
    return variant(SUBTITLE, quoted(expr))


SUBTITLE_LINE = line_of(SRC, SUBTITLE)

# points[3] loses its title: the error points at the start of that point's mapping
_P3_OLD = '      - title: "Eigenverantwortung"\n        statement:'
NO_TITLE = variant(_P3_OLD, "      - statement:")
NO_TITLE_LINE = line_of(NO_TITLE, "Nichts steigert die Motivation mehr als gewährte")
TITEL = variant('      - title: "Eigenverantwortung"', '      - titel: "Eigenverantwortung"')
TITEL_LINE = line_of(TITEL, "- titel:")
ZEHN = variant("      value: 1\n", '      value: "zehn"\n')
ZEHN_LINE = line_of(ZEHN, '"zehn"')
POINTS_X = variant('    items:\n      - title: "Symbolwirkung"',
                   '    items: "x"\n    extra:\n      - title: "Symbolwirkung"')
POINTS_X_LINE = line_of(POINTS_X, 'items: "x"')
YAML_BROKEN = variant("vars: {}", "vars: {a: [}")
YAML_BROKEN_LINE = line_of(YAML_BROKEN, "vars: {a: [}")
LATIN1 = SRC.encode("utf-8").replace("Plädoyer".encode(), "Plädoyer".encode("latin-1"), 1)
LATIN1_LINE = line_of(SRC, "Plädoyer")


def _laughs(level: int) -> str:
    """A billion-laughs list built inline: each level defines its anchor, then aliases it 8x."""
    if level == 0:
        return "&l0 [" + ", ".join(['"lol"'] * 9) + "]"
    return f"&l{level} [" + ", ".join([_laughs(level - 1)] + [f"*l{level - 1}"] * 8) + "]"


_PROBLEM = SRC[SRC.index("  - kind: bullets\n"):SRC.index("    notes:", SRC.index("kind: bullets"))]
BOMB = variant(
    _PROBLEM,
    '  - kind: bullets\n    title: "Was Social-Media-Manager heute erleben"\n'
    f"    bullets: {_laughs(8)}\n",
)
BOMB_LINE = line_of(BOMB, "bullets: &l8")
# a flat fan-out: tens of thousands of aliases of one text, beyond the loader's node budget
FANOUT = variant(
    _PROBLEM,
    '  - kind: bullets\n    title: "Was Social-Media-Manager heute erleben"\n'
    '    bullets: [&b "lol", ' + ", ".join(["*b"] * 60_000) + "]\n",
)


# -- fixture writers: each runs with the temporary folder as cwd and returns the CLI args ----

def _write(name: str, data: str | bytes) -> str:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return name


def content(name: str, data: str | bytes) -> Callable[[], list[str]]:
    return lambda: ["build", "--company", "Acme", "--content", _write(name, data)]


def options(*args: str) -> Callable[[], list[str]]:
    return lambda: ["build", "--company", "Acme", *args]


def company(name: str) -> Callable[[], list[str]]:
    return lambda: ["build", "--company", name]


def template(name: str, data: str | bytes) -> Callable[[], list[str]]:
    return lambda: ["build", "--company", "Acme", "--template", _write(name, data)]


def _zip(members: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    return buf.getvalue()


DOCX = _zip({
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    "word/document.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
        'openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'),
})
RANDOM_ZIP = _zip({"notes.txt": "just some text"})


def _under_file() -> list[str]:
    _write("plain-file", "not a folder")
    return ["build", "--company", "Acme", "-o", "plain-file/deck.pptx"]


def _dir_under_file() -> list[str]:
    _write("plain-file", "not a folder")
    return ["build", "--company", "Acme", "-o", "plain-file/decks"]


def _target_is_folder() -> list[str]:
    Path("deck.pptx").mkdir()
    return ["build", "--company", "Acme", "-o", "deck.pptx"]


def _content_is_folder() -> list[str]:
    Path("plea-folder").mkdir()
    return ["build", "--company", "Acme", "--content", "plea-folder"]


ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ self.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ company.__class__.__base__.__subclasses__() }}",
    "{{ company|attr('__class__') }}",
    "{{ '{0.__class__.__mro__}'.format(company) }}",
    "{{ company.format_map.__self__ }}",
    "{% set x = company.__class__ %}{{ x }}",
    "{{ range(10)|list }}",
    "{{ config.items() }}",
    "{% include '/etc/passwd' %}",
    "{% extends '/etc/passwd' %}",
    "{% import '/etc/passwd' as p %}{{ p }}",
]

CASES = [
    # content file: reading and YAML
    pytest.param(options("--content", "nope.yaml"), 1, ["nope.yaml", "not found"],
                 id="content-missing"),
    pytest.param(_content_is_folder, 1, ["plea-folder", "folder"], id="content-is-folder"),
    pytest.param(content("empty.yaml", ""), 1, ["empty.yaml", "empty"], id="content-empty"),
    pytest.param(content("blank.yaml", "\n# only a comment\n\n"), 1, ["blank.yaml", "empty"],
                 id="content-only-comment"),
    pytest.param(content("list.yaml", "- title: a\n- title: b\n"), 1,
                 ["list.yaml:1:", "mapping"], id="content-is-list"),
    pytest.param(content("scalar.yaml", "just text\n"), 1, ["scalar.yaml:1:", "mapping"],
                 id="content-is-scalar"),
    pytest.param(content("broken.yaml", YAML_BROKEN), 1,
                 [f"broken.yaml:{YAML_BROKEN_LINE}:12:", "YAML"], id="yaml-syntax"),
    pytest.param(content("tabs.yaml", SRC.replace("  title: \"Quellen\"", "\ttitle: x")), 1,
                 ["tabs.yaml:", "YAML"], id="yaml-tab-indent"),
    pytest.param(content("latin1.yaml", LATIN1), 1,
                 [f"latin1.yaml:{LATIN1_LINE}:", "UTF-8"], id="content-latin1"),
    # content file: structure and types
    pytest.param(content("no-title.yaml", NO_TITLE), 1,
                 [f"no-title.yaml:{NO_TITLE_LINE}:", "slides[5].items[3].title", "missing"],
                 id="missing-required-key"),
    pytest.param(content("no-slides.yaml", SRC[:SRC.index("slides:")]), 1,
                 ["no-slides.yaml:", "slides", "missing"], id="missing-section"),
    pytest.param(content("titel.yaml", TITEL), 1,
                 [f"titel.yaml:{TITEL_LINE}:", "slides[5].items[3].titel", "did you mean 'title'"],
                 id="unknown-key-did-you-mean"),
    pytest.param(content("zehn.yaml", ZEHN), 1,
                 [f"zehn.yaml:{ZEHN_LINE}:", "slides[2].chart.value", "zehn"], id="value-not-number"),
    pytest.param(content("points.yaml", POINTS_X), 1,
                 [f"points.yaml:{POINTS_X_LINE}:", "slides[5].items", "list"], id="points-not-list"),
    pytest.param(content("bool.yaml", variant('    title: "Quellen"', "    title: yes")), 1,
                 ["bool.yaml:", "slides[7].title", "quotes"], id="bool-as-text"),
    pytest.param(content("twice.yaml", variant('    title: "Quellen"',
                                               '    title: "Quellen"\n    title: "Q"')), 1,
                 ["twice.yaml:", "slides[7].title", "twice"], id="duplicate-key"),
    pytest.param(content("nobullets.yaml", SRC.replace(SRC[SRC.index("    bullets:\n      - \"Eine")
                                                          :SRC.index("    notes: \"Mein")],
                                                      "    bullets: []\n")), 1,
                 ["nobullets.yaml:", "slides[6].bullets", "at least"], id="empty-list"),
    pytest.param(content("ratio.yaml", variant("      value: 1\n", "      value: 11\n")), 1,
                 ["ratio.yaml:", "slides[2].chart.value", "11"], id="value-larger-than-of"),
    pytest.param(content("url.yaml", variant('url: "http://der-socialmediamanager',
                                             'url: "javascript:alert(1)//der-social')), 1,
                 ["url.yaml:", "slides[7].items[0].url"], id="url-not-http"),
    pytest.param(content("bomb.yaml", BOMB), 1,
                 [f"bomb.yaml:{BOMB_LINE}:", "slides[3].bullets"], id="yaml-billion-laughs"),
    pytest.param(content("fanout.yaml", FANOUT), 1,
                 ["fanout.yaml:", "anchors/aliases"], id="yaml-alias-fanout"),
    # Jinja in the content
    pytest.param(content("jinja.yaml", with_subtitle("Für {{ company ")), 1,
                 [f"jinja.yaml:{SUBTITLE_LINE}:", "slides[0].subtitle", "syntax"],
                 id="jinja-syntax"),
    pytest.param(content("block.yaml", with_subtitle("{% if company %}x")), 1,
                 [f"block.yaml:{SUBTITLE_LINE}:", "slides[0].subtitle"], id="jinja-unclosed-block"),
    pytest.param(content("firma.yaml", with_subtitle("Für {{ firma }}")), 1,
                 [f"firma.yaml:{SUBTITLE_LINE}:", "slides[0].subtitle", "'firma'"],
                 id="jinja-undefined"),
    pytest.param(content("blank-out.yaml", with_subtitle("{{ '   ' }}")), 1,
                 [f"blank-out.yaml:{SUBTITLE_LINE}:", "slides[0].subtitle", "empty"],
                 id="jinja-renders-empty"),
    pytest.param(content("zero.yaml", with_subtitle("{{ 1 // 0 }}")), 1,
                 [f"zero.yaml:{SUBTITLE_LINE}:", "slides[0].subtitle"], id="jinja-division-by-zero"),
    *[
        pytest.param(content("escape.yaml", with_subtitle(expr)), 1,
                     [f"escape.yaml:{SUBTITLE_LINE}:", "slides[0].subtitle"],
                     id=f"sandbox-{i}")
        for i, expr in enumerate(ESCAPES)
    ],
    # template
    pytest.param(options("--template", "nosuch"), 1, ["--template", "nosuch"],
                 id="template-unknown-name"),
    pytest.param(options("--template", "gone/template.pptx"), 1,
                 ["--template", "gone/template.pptx"], id="template-missing-file"),
    pytest.param(template("x.pptx", "this is text, not a zip\n"), 1, ["x.pptx"],
                 id="template-not-zip"),
    pytest.param(template("half.pptx", TEMPLATE.read_bytes()[: TEMPLATE.stat().st_size // 2]), 1,
                 ["half.pptx"], id="template-truncated"),
    pytest.param(template("word.pptx", DOCX), 1, ["word.pptx", "presentation"],
                 id="template-is-docx"),
    pytest.param(template("random.pptx", RANDOM_ZIP), 1, ["random.pptx"],
                 id="template-random-zip"),
    pytest.param(template("empty.pptx", b""), 1, ["empty.pptx"], id="template-empty-file"),
    # company, options
    pytest.param(company(""), 1, ["--company"], id="company-empty"),
    pytest.param(company("   "), 1, ["--company"], id="company-whitespace"),
    pytest.param(company("\x00\x01\t\n\x7f"), 1, ["--company"], id="company-controls"),
    pytest.param(company("\u200b\u200e\u00ad\ufeff"), 1, ["--company"],
                 id="company-invisible"),
    pytest.param(options("--set", "foo"), 1, ["--set", "'foo'"], id="set-no-equals"),
    pytest.param(options("--set", "1x=2"), 1, ["--set", "'1x=2'"], id="set-bad-key"),
    pytest.param(options("--set", "=2"), 1, ["--set", "'=2'"], id="set-empty-key"),
    pytest.param(options("--set", "company=Evil"), 1, ["--set", "company"],
                 id="set-reserved-key"),
    pytest.param(options("--date", "2026-13-40"), 1, ["--date", "2026-13-40"],
                 id="date-impossible"),
    pytest.param(options("--date", "27/11/2026"), 1, ["--date", "27/11/2026"],
                 id="date-format"),
    # output
    # issue 10: `-o nodir/deck.pptx` now makes nodir/ (as `-o nodir/` does); see test_backup.py
    pytest.param(options("-o", "/proc/deckgen-test.pptx"), 1, ["/proc/deckgen-test.pptx"],
                 id="output-unwritable"),
    pytest.param(_under_file, 1, ["plain-file"], id="output-under-a-file"),
    pytest.param(_dir_under_file, 1, ["plain-file/decks"], id="output-dir-under-a-file"),
    pytest.param(_target_is_folder, 1, ["deck.pptx", "folder"], id="output-is-folder"),
    pytest.param(lambda: ["build", "--company", "A", "--company", "B", "-o", "both.pptx"], 1,
                 ["-o"], id="output-file-for-two-companies"),
    pytest.param(lambda: ["build", "--company", "Acme", "--company", "ACME"], 1,
                 ["--company"], id="companies-same-file-name"),
    # usage errors (Click): exit 2
    pytest.param(options("--lang", "xx"), 2, ["--lang", "xx"], id="usage-lang"),
    pytest.param(lambda: ["build"], 2, ["--company"], id="usage-company-missing"),
    pytest.param(options("--no-such-option"), 2, ["--no-such-option"], id="usage-unknown-option"),
    pytest.param(options("--set"), 2, ["--set"], id="usage-set-without-value"),
]


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every path below ``root`` with its bytes (None for folders)."""
    return {
        str(p.relative_to(root)): (None if p.is_dir() else p.read_bytes())
        for p in sorted(root.rglob("*"))
    }


def assert_one_error_line(result, code: int, fragments: list[str]) -> str:
    everything = (result.stdout or "") + (result.stderr or "")
    assert "Traceback" not in everything, everything
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == code, f"exit {result.exit_code}: {everything}"
    lines = result.stderr.splitlines()
    if code == 1:
        assert result.stdout == "", result.stdout
        assert len(lines) == 1, lines
        line = lines[0]
    else:  # Click's usage errors: "Usage: …", "Try …", "", "Error: …"
        errors = [x for x in lines if x.startswith("Error: ")]
        assert len(errors) == 1, lines
        line = errors[0]
    assert line.startswith("Error: "), line
    assert "internal error" not in line, line
    assert "<class '" not in line and "root:x:" not in line, f"leaks internals: {line}"
    for fragment in fragments:
        assert fragment in line, f"{fragment!r} not in {line!r}"
    return line


@pytest.mark.parametrize(("setup", "code", "fragments"), CASES)
def test_bad_input_is_one_line_and_writes_nothing(tmp_path, monkeypatch, setup, code, fragments):
    monkeypatch.chdir(tmp_path)
    args = setup()
    before = snapshot(tmp_path)
    started = time.monotonic()
    result = CliRunner().invoke(main, args)
    elapsed = time.monotonic() - started
    assert_one_error_line(result, code, fragments)
    after = snapshot(tmp_path)
    assert sorted(after) == sorted(before), f"files appeared: {set(after) - set(before)}"
    assert after == before, "a fixture was changed"
    assert not any(n.endswith((".tmp", ".pptx")) for n in set(after) - set(before))
    assert not Path("/proc/deckgen-test.pptx").exists()
    assert elapsed < 10, f"took {elapsed:.1f}s"


def test_fixtures_are_only_bad_where_intended(tmp_path, monkeypatch):
    """Control: the shipped plea rewritten the way the fixtures are does build."""
    monkeypatch.chdir(tmp_path)
    _write("ok.yaml", with_subtitle("Ein Vorschlag für {{ company }}"))
    result = CliRunner().invoke(main, ["build", "--company", "Acme", "--content", "ok.yaml",
                                       "-o", "ok.pptx", "--template", str(TEMPLATE)])
    assert result.exit_code == 0, result.output
    assert len(Presentation("ok.pptx").slides) == 13


# -- overwriting ----------------------------------------------------------------------------

def _build(*extra: str):
    return CliRunner().invoke(main, ["build", "--company", "Acme", "-o", "deck.pptx", *extra])


def test_foreign_file_is_not_overwritten_without_force(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    foreign = b"PK\x03\x04 someone's own file, not written by deckgen"
    Path("deck.pptx").write_bytes(foreign)
    result = _build()
    assert_one_error_line(result, 1, ["deck.pptx", "--force"])
    assert Path("deck.pptx").read_bytes() == foreign
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pptx"]


def test_foreign_presentation_is_not_overwritten_without_force(tmp_path, monkeypatch):
    """A real presentation that deckgen did not write is refused too."""
    monkeypatch.chdir(tmp_path)
    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "Meine eigene Präsentation"
    prs.save("deck.pptx")
    original = Path("deck.pptx").read_bytes()
    assert_one_error_line(_build(), 1, ["deck.pptx", "--force"])
    assert Path("deck.pptx").read_bytes() == original


def test_own_unchanged_output_is_rebuilt_without_force(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = _build("--date", "2026-11-27")
    assert first.exit_code == 0, first.output
    built = Path("deck.pptx").read_bytes()
    again = _build("--date", "2026-11-27", "--set", "unused=1")
    assert again.exit_code == 0, again.output
    assert Path("deck.pptx").read_bytes() == built
    # a different date changes the deck, and deckgen still recognises its own previous output
    third = _build("--date", "2026-11-28")
    assert third.exit_code == 0, third.output
    assert Path("deck.pptx").read_bytes() != built
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pptx"]


def test_edited_deck_is_refused_then_force_overwrites(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert _build().exit_code == 0
    built = Path("deck.pptx").read_bytes()
    prs = Presentation("deck.pptx")
    prs.slides[0].shapes.title.text_frame.text = "Von Hand geändert"
    prs.save("deck.pptx")
    edited = Path("deck.pptx").read_bytes()
    assert edited != built

    refused = _build()
    assert_one_error_line(refused, 1, ["deck.pptx", "--force"])
    assert Path("deck.pptx").read_bytes() == edited

    forced = _build("--force")
    assert forced.exit_code == 0, forced.output
    assert Path("deck.pptx").read_bytes() == built
    # issue 10: --force keeps the edited deck as a backup first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.bak.pptx", "deck.pptx"]
    assert Path("deck.bak.pptx").read_bytes() == edited


def test_deck_with_only_metadata_changed_is_not_an_edit(tmp_path, monkeypatch):
    """Issue 10: the fingerprint covers what the deck says, not docProps or zip bytes, so a
    save that changed only metadata (an author, another program's re-save) is no edit."""
    monkeypatch.chdir(tmp_path)
    assert _build().exit_code == 0
    built = Path("deck.pptx").read_bytes()
    prs = Presentation("deck.pptx")
    prs.core_properties.author = "Jemand anderes"
    prs.save("deck.pptx")
    assert _build().exit_code == 0
    assert Path("deck.pptx").read_bytes() == built


# -- hostile texts that try to exhaust time or memory -----------------------------------------

TIME_LIMIT = 8.0
MEMORY_LIMIT = 512 * 1024 * 1024  # a normal build needs well under 256 MB
_LOOP = "{% for i in 'x' * 5000 %}"
_VARS_FANOUT = variant(
    "vars: {}",
    'vars: {k0: &s "' + "x" * 400_000 + '", '
    + ", ".join(f"k{i}: *s" for i in range(1, 40_000)) + "}",
)

HOSTILE = [
    pytest.param(with_subtitle("Ein Vorschlag für {{ company }}"), id="control-ok"),
    pytest.param(with_subtitle("{{ 'x' * 10**9 }}"), id="repeat"),
    pytest.param(with_subtitle("{{ 'x'|center(10**9) }}"), id="filter-center"),
    pytest.param(with_subtitle("{{ company|indent(10**9) }}"), id="filter-indent"),
    pytest.param(with_subtitle("{{ '%999999999s' % '' }}"), id="percent-format"),
    pytest.param(with_subtitle("{{ '{:>999999999}'.format('') }}"), id="str-format"),
    pytest.param(with_subtitle(
        "{% set a = 'x' * 5000 %}{% set b = a~a~a~a~a~a~a~a~a~a %}"
        "{% set c = b~b~b~b~b~b~b~b~b~b %}{% set d = c~c~c~c~c~c~c~c~c~c %}"
        "{% set e = d~d~d~d~d~d~d~d~d~d %}{% set f = e~e~e~e~e~e~e~e~e~e %}{{ f|length }}"),
        id="tilde-concat"),
    pytest.param(with_subtitle(_LOOP * 3 + "{% endfor %}" * 3 + "ok"), id="nested-loops"),
    pytest.param(with_subtitle("{{ ((((9**64)**64)**64)**64)**64 }}"), id="big-power"),
    pytest.param(_VARS_FANOUT, id="yaml-aliases-of-long-text"),
]


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_cannot_exhaust_time_or_memory(tmp_path, text):
    """Either a deck or one ``Error:`` line, quickly, in bounded memory, from deckgen's own caps."""
    Path(tmp_path / "hostile.yaml").write_text(text, encoding="utf-8")
    try:
        out = subprocess.run(
            [sys.executable, "-m", "deckgen", "build", "--company", "Acme",
             "--content", "hostile.yaml", "-o", "hostile.pptx"],
            cwd=tmp_path, capture_output=True, text=True, timeout=TIME_LIMIT,
            preexec_fn=_limit_memory,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running after {TIME_LIMIT:g}s")
    assert "Traceback" not in out.stderr, out.stderr
    assert "MemoryError" not in out.stderr, out.stderr
    assert "internal error" not in out.stderr, out.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    if out.returncode == 0:
        assert names == ["hostile.pptx", "hostile.yaml"]
        assert len(Presentation(str(tmp_path / "hostile.pptx")).slides) == 13
    else:
        assert out.returncode == 1, out.stderr
        lines = out.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: hostile.yaml:"), lines
        assert names == ["hostile.yaml"]
