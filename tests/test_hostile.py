"""Hostile and broken input, one test per class of failure (issue 13).

Every CLI case runs the real ``deckgen`` process (so its SIGTERM handling and address-space
ceiling are in force) through a small runner that records the child's peak RSS; each asserts
the message, the exit code, the memory, and that the folder holds nothing new. Fixtures are
built by the tests (`hostile_fixtures`); none is checked in.
"""

from __future__ import annotations

import os
import re
import signal
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile_fixtures import DEFAULT, lying_zip, macro_template, members, pixel_bomb_png, write_zip
from lxml import etree
from pptx import Presentation

from deckgen.errors import DeckgenError

MAX_RSS_MB = 300
RUNNER = """
import os, resource, sys
from deckgen.cli import main
try:
    main(prog_name="deckgen")
finally:
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    with open(os.environ["DECKGEN_RSS_FILE"], "w") as fh:
        fh.write(str(peak))
"""


class Run:
    """One finished CLI run: exit code, output, peak RSS in MB, seconds."""

    def __init__(self, proc: subprocess.CompletedProcess, rss_mb: float, seconds: float):
        self.code, self.out, self.err = proc.returncode, proc.stdout, proc.stderr
        self.rss_mb, self.seconds = rss_mb, seconds

    def one_error(self, *fragments: str) -> str:
        """The single ``Error:`` line, checked for the fragments and for leaked internals."""
        assert self.code == 1, (self.code, self.err)
        lines = self.err.splitlines()
        assert len(lines) == 1, lines
        line = lines[0]
        assert line.startswith("Error: "), line
        assert "internal error" not in line and "Traceback" not in line, line
        for fragment in fragments:
            assert fragment in line, f"{fragment!r} not in {line!r}"
        return line


def deckgen(tmp_path: Path, *args: str, timeout: float = 60, stdout=subprocess.PIPE,
            preexec=None) -> Run:
    rss_file = tmp_path.parent / f"{tmp_path.name}.rss"
    env = {**os.environ, "DECKGEN_RSS_FILE": str(rss_file)}
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", RUNNER, *args], cwd=tmp_path, env=env,
                          stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=timeout,
                          preexec_fn=preexec)
    seconds = time.monotonic() - start
    rss = int(rss_file.read_text()) / 1024 if rss_file.exists() else 0.0
    rss_file.unlink(missing_ok=True)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert rss < MAX_RSS_MB, f"peak RSS {rss:.0f} MB"
    return Run(proc, rss, seconds)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- 1. bounded reads, bounded Jinja, a memory ceiling --------------------------------------


@pytest.mark.parametrize("option,target,fragment", [
    ("--content", "/dev/zero", "not a regular file"),
    ("--template", "/dev/zero", "not a regular file"),
    ("--content", "fifo", "not a regular file"),
    ("--template", "fifo.pptx", "not a regular file"),
    ("--content", ".", "is a folder"),
])
def test_only_regular_files_are_read(tmp_path, option, target, fragment):
    os.mkfifo(tmp_path / "fifo")
    os.mkfifo(tmp_path / "fifo.pptx")
    run = deckgen(tmp_path, "build", "--company", "Acme", option, target, "-o", "x.pptx",
                  timeout=30)
    run.one_error(fragment, target)
    assert run.seconds < 20
    assert names(tmp_path) == ["fifo", "fifo.pptx"]


@pytest.mark.parametrize("make,fragment", [
    (lambda p: lying_zip(p, actual=120_000_000, declared=1000), "damaged or truncated"),
    (lambda p: lying_zip(p, actual=2_000_000, declared=2_000_000_000), "declares 2000000000"),
    (lambda p: lying_zip(p, actual=45_000_000, declared=45_000_000), "declares 45000000"),
])
def test_zip_member_sizes_are_checked_declared_and_actual(tmp_path, make, fragment):
    make(tmp_path / "bomb.pptx")
    run = deckgen(tmp_path, "build", "--company", "Acme", "--template", "bomb.pptx",
                  "-o", "x.pptx")
    run.one_error("bomb.pptx", fragment)
    assert names(tmp_path) == ["bomb.pptx"]


ALIAS_BOMB = "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdef", "bcdefg")
) + "name: *g\ncolors: {primary: *g}\n"  # 9**7 = 4.8 million strings once expanded


def test_alias_bomb_in_template_yaml(tmp_path):
    folder = tmp_path / "brand"
    folder.mkdir()
    (folder / "template.yaml").write_text(
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + ALIAS_BOMB)
    for args in (("template", "build", "brand"),
                 ("build", "--company", "Acme", "--template", "brand", "-o", "x.pptx")):
        run = deckgen(tmp_path, *args)
        run.one_error("template.yaml", "anchors/aliases")
    assert names(folder) == ["template.yaml"]


BOMBS = [
    "{{ 'x'|center(10**9) }}", "{{ 'a\\nb'|indent(10**8) }}", "{{ '%*s'|format(10**9, 'x') }}",
    "{{ ('x'*5000)|wordwrap(1, wrapstring='y'*4000) }}", "{{ '%1000000000s' % 'x' }}",
    "{{ '{:>{w}}'.format(1, w=10**9) }}", "{{ 'x'.ljust(10**9) }}", "{{ 'x'.zfill(10**9) }}",
    "{{ ('x'*4000)|replace('', 'y'*4000) }}", "{{ ('y'*4000).join('x'*4000) }}",
    "{{ [1,2]|batch(10**9, 0)|list }}", "{{ 'x'|slice(10**9)|list }}",
    "{% set s='x'*4000 %}{% set t=s~s %}{{ t|length }}",
    "{% set a=[company]*9 %}{% set b=[a,a,a,a,a,a,a,a,a] %}{% set c=[b,b,b,b,b,b,b,b,b] %}"
    "{% set d=[c,c,c,c,c,c,c,c,c] %}{% set e=[d,d,d,d,d,d,d,d,d] %}{{ e }}",
    "{% set l=[1]*4000 %}{% for a in l %}{% for b in l %}{{ company ~ company }}{% endfor %}"
    "{% endfor %}",
]


def test_string_building_is_checked_before_it_runs():
    """Each bomb is refused by an estimate, in a fraction of a second, without the memory."""
    import resource

    from deckgen.pitch.sandbox import render_template

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for text in BOMBS:
        start = time.monotonic()
        with pytest.raises(DeckgenError, match=r"^t: (not allowed in content|.*too long)"):
            render_template(text, {"company": "Acme"}, "t")
        assert time.monotonic() - start < 1.0, text
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 50, f"the bombs took {grown_mb:.0f} MB"
    ok = "{{ company|center(12) }}|{{ 'Hallo %s' % company }}|{{ [company, 'AG']|join(' ') }}"
    assert render_template(ok, {"company": "Acme"}, "t") == "    Acme    |Hallo Acme|Acme AG"


def test_filter_bomb_in_a_content_file(tmp_path):
    from deckgen.paths import default_content

    text = default_content("de").read_text(encoding="utf-8").replace(
        '"Ein Vorschlag für {{ company }}"', "\"{{ company|center(10**9) }}\"", 1)
    (tmp_path / "bomb.yaml").write_text(text, encoding="utf-8")
    run = deckgen(tmp_path, "build", "--company", "Acme", "--content", "bomb.yaml",
                  "-o", "x.pptx")
    run.one_error("bomb.yaml", "not allowed in content")
    assert run.seconds < 20
    assert names(tmp_path) == ["bomb.yaml"]


def test_address_space_ceiling_only_in_the_cli_process(tmp_path):
    import resource

    probe = ("import resource, sys\nfrom deckgen.cli import main\ntry:\n    main()\n"
             "finally:\n    print(resource.getrlimit(resource.RLIMIT_AS)[0], file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", probe, "--version"], capture_output=True,
                          text=True, timeout=60)
    soft = int(proc.stderr.strip().splitlines()[-1])
    assert 512 << 20 <= soft <= 4 << 30, soft
    before = resource.getrlimit(resource.RLIMIT_AS)
    from deckgen.cli import main

    CliRunner().invoke(main, ["--version"])
    assert resource.getrlimit(resource.RLIMIT_AS) == before


# --- 2. what a template carries into every deck ---------------------------------------------


def _deck_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_macros_links_entities_and_dangling_layouts_are_dropped(tmp_path):
    macro_template(tmp_path / "agency.pptx")
    run = deckgen(tmp_path, "inspect", "agency.pptx")
    assert run.code == 0, run.err
    for fragment in ("macros (ppt/vbaProject.bin)", "http://tracker.example/pixel.png",
                     "//server/share/logo.png", "slideLayout99.xml", "default theme used",
                     "read as a plain presentation, without macros"):
        assert fragment in run.out, fragment
    run = deckgen(tmp_path, "build", "--company", "Acme", "--template", "agency.pptx",
                  "-o", "deck.pptx")
    assert run.code == 0, run.err
    assert names(tmp_path) == ["agency.pptx", "deck.pptx"]
    parts = _deck_parts(tmp_path / "deck.pptx")
    blob = b"\n".join(v for n, v in parts.items() if n.endswith((".xml", ".rels")))
    assert not any("vba" in n.lower() for n in parts)
    assert b"macroEnabled" not in parts["[Content_Types].xml"]
    for leak in (b"tracker.example", b"server/share", b"file:", b"<!DOCTYPE", b"<!ENTITY"):
        assert leak not in blob, leak
    strict = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    for name, part in parts.items():
        if name.endswith((".xml", ".rels")):
            etree.fromstring(part, strict)
    for name, part in parts.items():
        if name.endswith(".rels"):
            for target in re.findall(rb'Target="([^"]+)"[^>]*TargetMode="External"', part):
                assert target.startswith(b"http://der-socialmediamanager.de"), target
    assert len(Presentation(str(tmp_path / "deck.pptx")).slides) > 5


def test_missing_theme_is_replaced_and_slideshow_is_accepted(tmp_path):
    parts = members(DEFAULT)
    key = "ppt/slideMasters/_rels/slideMaster1.xml.rels"
    parts[key] = re.sub(rb'<Relationship [^>]*relationships/theme"[^>]*/>', b"", parts[key])
    del parts["ppt/theme/theme1.xml"]
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"presentationml.presentation.main+xml", b"presentationml.slideshow.main+xml")
    write_zip(tmp_path / "show.ppsx", parts)
    run = deckgen(tmp_path, "inspect", "show.ppsx")
    assert run.code == 0, run.err
    assert "missing theme for ppt/slideMasters/slideMaster1.xml; default theme added" in run.out
    run = deckgen(tmp_path, "build", "--company", "Acme", "--template", "show.ppsx",
                  "-o", "deck.pptx")
    assert run.code == 0, run.err
    deck = _deck_parts(tmp_path / "deck.pptx")
    assert any(n.startswith("ppt/theme/") for n in deck)
    assert b"<a:latin typeface=" in next(v for n, v in deck.items() if n.startswith("ppt/theme"))


def test_broken_layout_xml_is_one_line(tmp_path):
    parts = members(DEFAULT)
    parts["ppt/slideLayouts/slideLayout3.xml"] = b"<p:sldLayout><unclosed>"
    write_zip(tmp_path / "broken.pptx", parts)
    run = deckgen(tmp_path, "inspect", "broken.pptx")
    run.one_error("broken.pptx", "slideLayout3.xml", "re-save")


# --- 3. internal errors become one line -----------------------------------------------------


def test_overlong_names(tmp_path):
    long = "a" * 300
    deckgen(tmp_path, "build", "--company", "Acme", "--template", long).one_error(
        "--template", "too long")
    deckgen(tmp_path, "template", "new", long, "--primary", "#112233").one_error(
        "NAME", "too long")
    deckgen(tmp_path, "build", "--company", "Acme", "-o", f"{long}.pptx").one_error("too long")
    assert names(tmp_path) == []


def test_unreadable_template_folder(tmp_path, monkeypatch):
    from deckgen.cli import main

    (tmp_path / "locked").mkdir()
    real = os.listdir

    def denied(path="."):  # noqa: ANN001, ANN202 - stands in for os.listdir
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr("deckgen.template.source.os.listdir", denied)
    result = CliRunner().invoke(main, ["inspect", str(tmp_path / "locked")])
    assert result.exit_code == 1
    assert result.output.strip().endswith("cannot read template folder (permission denied); "
                                          "check its permissions")


def test_pixel_bomb_logo(tmp_path):
    pixel_bomb_png(tmp_path / "bomb.png")
    run = deckgen(tmp_path, "template", "new", "acme", "--primary", "#112233",
                  "--logo", "bomb.png")
    run.one_error("--logo", "bomb.png", "too many pixels")
    assert names(tmp_path) == ["bomb.png"]
    folder = tmp_path / "brand"
    folder.mkdir()
    (folder / "logo.png").write_bytes((tmp_path / "bomb.png").read_bytes())
    (folder / "template.yaml").write_text('name: B\ncolors: {primary: "#112233"}\n'
                                          "logo: logo.png\n")
    for args in (("template", "build", "brand"),
                 ("build", "--company", "Acme", "--template", "brand", "-o", "x.pptx")):
        deckgen(tmp_path, *args).one_error("logo.png", "too many pixels")
    assert names(folder) == ["logo.png", "template.yaml"]
    assert names(tmp_path) == ["bomb.png", "brand"]


def test_closed_or_full_stdout(tmp_path):
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| head` that has already exited
    try:
        run = deckgen(tmp_path, "inspect", stdout=write_end)
    finally:
        os.close(write_end)
    assert run.code == 1 and run.err == "", run.err
    with open("/dev/full", "w") as full:
        run = deckgen(tmp_path, "build", "--company", "Acme", "-o", "x.pptx", stdout=full)
    run.one_error("cannot write to standard output", "No space left")
    assert names(tmp_path) == ["x.pptx"]  # the deck itself was written before the paths


def test_any_exception_is_described_in_one_line():
    from deckgen.errors import describe

    assert describe(OSError(36, "File name too long", "x" * 500)).endswith(
        "file name too long; check the path and its permissions")
    assert "out of memory" in describe(MemoryError())
    assert "\n" not in describe(ValueError("a\nb"))


# --- 4. signals and interruptions -----------------------------------------------------------


def test_ctrl_c_during_a_batch_with_workers(tmp_path):
    args = [sys.executable, "-m", "deckgen", "build", "-j", "2", "-o", "out"]
    for i in range(100):
        args += ["--company", f"Firma {i}"]
    proc = subprocess.Popen(args, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, text=True)
    first = proc.stderr.readline()  # the progress bar opens once the first deck is built
    assert first.startswith("Building decks"), first
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err == "Interrupted\n", err
    time.sleep(0.5)
    left = subprocess.run(["pgrep", "-g", str(proc.pid)], capture_output=True, text=True)
    assert left.stdout.split() == []
    assert not (tmp_path / "out").exists() or names(tmp_path / "out") == []


SLOW_WRITE = """
import os, sys, time
real = os.fsync
def slow(fd):
    print("writing", file=sys.stderr, flush=True)
    time.sleep(30)
os.fsync = slow
from deckgen.cli import main
main(prog_name="deckgen")
"""


def test_sigterm_while_writing_removes_the_temporary_file(tmp_path):
    proc = subprocess.Popen([sys.executable, "-c", SLOW_WRITE, "build", "--company", "Acme",
                             "-o", "deck.pptx"], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stderr.readline() == "writing\n"
    assert any(n.endswith(".tmp") for n in names(tmp_path))
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert err == "Interrupted\n"
    assert names(tmp_path) == []


def test_output_that_is_not_a_regular_file(tmp_path):
    os.mkfifo(tmp_path / "deck.pptx")
    run = deckgen(tmp_path, "build", "--company", "Acme", "-o", "deck.pptx", timeout=30)
    run.one_error("deck.pptx", "not a regular file")
    assert stat.S_ISFIFO((tmp_path / "deck.pptx").stat().st_mode)


def test_jobs_are_capped_at_what_helps(tmp_path):
    from deckgen.batch import useful_jobs

    cores = len(os.sched_getaffinity(0))
    assert useful_jobs(1000, 40) == min(40, cores)
    assert useful_jobs(1000, 3) <= 3
    run = deckgen(tmp_path, "build", "--company", "A", "--company", "B", "--jobs", "1000",
                  "-o", "out")
    assert run.code == 0, run.err
    assert len(names(tmp_path / "out")) == 2


def test_unusable_output_folder_fails_before_building(tmp_path, monkeypatch):
    from deckgen.cli import main

    (tmp_path / "plain").write_text("a file")

    def never(*_args, **_kwargs):  # noqa: ANN202
        raise AssertionError("built decks before checking the output folder")

    monkeypatch.setattr("deckgen.batch.build_all", never)
    result = CliRunner().invoke(main, ["build", "--company", "A", "--company", "B",
                                       "-o", str(tmp_path / "plain" / "decks")])
    assert result.exit_code == 1, result.output
    assert "is a file, not a folder" in result.output
    assert names(tmp_path) == ["plain"]


def test_read_only_deck_needs_force(tmp_path):
    assert deckgen(tmp_path, "build", "--company", "Acme", "-o", "deck.pptx").code == 0
    deck = tmp_path / "deck.pptx"
    deck.chmod(0o444)
    before = deck.read_bytes()
    run = deckgen(tmp_path, "build", "--company", "Other", "-o", "deck.pptx")
    run.one_error("deck.pptx", "read-only", "--force")
    assert deck.read_bytes() == before
    run = deckgen(tmp_path, "build", "--company", "Other", "-o", "deck.pptx", "--force")
    assert run.code == 0, run.err
    assert deck.read_bytes() != before
    assert names(tmp_path) == ["deck.pptx"]


def test_overlong_company_is_blamed_on_the_option(tmp_path):
    import pytest

    import deckgen

    with pytest.raises(deckgen.DeckgenError, match=r"company.*too long \(100000 characters"):
        deckgen.build("A" * 100_000, output=tmp_path / "d.pptx")
    assert not (tmp_path / "d.pptx").exists()


def test_random_filter_is_refused_so_builds_stay_deterministic(tmp_path):
    import pytest

    import deckgen

    content = tmp_path / "r.yaml"
    content.write_text('lang: de-DE\nslug: t\nslides:\n  - kind: title\n'
                       '    title: "{{ [1, 2, 3] | random }}"\n    subtitle: x\n', "utf-8")
    with pytest.raises(deckgen.DeckgenError, match=r"r\.yaml:5: .*random"):
        deckgen.build("Acme", content=content, output=tmp_path / "d.pptx")


def test_footer_left_out_is_said(tmp_path):
    import deckgen

    content = tmp_path / "f.yaml"
    content.write_text('lang: de-DE\nslug: t\nfooter: "' + "Fußzeile " * 30 + '"\nslides:\n'
                       '  - kind: title\n    title: T\n    subtitle: x\n'
                       '  - kind: bullets\n    title: B\n    bullets: [a]\n', "utf-8")
    said: list[str] = []
    deckgen.build("Acme", content=content, output=tmp_path / "d.pptx", report=said.append)
    assert any("footer" in s and "left out" in s and len(s) < 400 for s in said), said
