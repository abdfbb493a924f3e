"""The documentation cannot drift from the code: every command in README.md and docs/*.md runs.

How the docs mark what runs (docs/development.md says the same to writers):

- A ```sh block holds runnable ``deckgen …`` lines only (and comments). Every such line is run,
  in order, per doc file, in one fresh temporary folder, through the installed ``deckgen``
  console script (the one beside ``sys.executable``), and must exit 0. A ``deckgen preview``
  line gets ``--no-browser --port 0`` (unless it gives them), is read until its URL line
  appears and its first build is reported, then is ended with SIGINT, as a person ends it, and
  must exit 0 with every helper process (LibreOffice, its bridge) gone.
- A ```python block is run with this interpreter, in the same order and folder.
- A block whose first line is ``# file: NAME`` (a YAML or CSV file the docs show) is written to
  NAME in that folder, without that line, when it is reached: later commands use it.
- Everything else (PowerShell, install lines, outputs, YAML that is not a file) sits in other
  blocks (```text, ```powershell, ```yaml) and is not run here.
- The README's fresh-machine commands (``python3 -m venv .venv && .venv/bin/pip install .`` and
  ``.venv/bin/deckgen build --company "Acme"``) sit in a ```text .ci/run block: .ci/run runs
  them (the build with an ``-o`` of its own), and `test_ci_runs_the_fresh_machine_commands`
  checks that each is a line of .ci/run. The Windows (PowerShell) lines are run nowhere.

Fixtures the docs cannot make with their own commands, set up before a file's first command
(`FIXTURES`): for docs/templates.md a logo (``logo.png``, a 240×80 red PNG, also as
``corporate/logo.png``) and an organisation's template (``Corporate.pptx``, also as
``corporate/template.pptx``: python-pptx's default template, a plain Office master).

Commands that need LibreOffice (``--pdf``, ``--png``) run here too: CI installs it, and
without it deckgen writes the deck and a note.
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import shlex
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = [README, *sorted((ROOT / "docs").glob("*.md"))]
LANGS = ("sh", "text", "powershell", "yaml", "python")  # the fences the docs may use
README_LIMIT = 12_500  # bytes: the README is a first screen and a map, the rest is in docs/
FIVE = ("deckgen build", "deckgen new", "deckgen preview", "deckgen inspect",
        "deckgen template new")
TIMEOUT = 600  # seconds for one command (a --pdf conversion on a busy machine)
FILE_MARK = "# file: "


@dataclass(frozen=True)
class Block:
    """A fenced block: its language, the rest of its info string, its lines, where it starts."""

    lang: str
    info: str
    lines: tuple[str, ...]
    line: int  # the number of its first content line in the file


def blocks(doc: Path) -> list[Block]:
    out: list[Block] = []
    opened: tuple[str, str, int, int] | None = None
    lines: list[str] = []
    for n, raw in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
        stripped = raw.strip()
        if opened is None:
            if stripped.startswith("```"):
                lang, _, info = stripped[3:].strip().partition(" ")
                opened, lines = (lang, info.strip(), n + 1, len(raw) - len(raw.lstrip())), []
        elif stripped.startswith("```"):
            out.append(Block(opened[0], opened[1], tuple(lines), opened[2]))
            opened = None
        else:
            indent = opened[3]
            lines.append(raw[indent:] if raw[:indent].strip() == "" else raw.lstrip())
    assert opened is None, f"{doc.name}:{opened and opened[2] - 1}: a fence is never closed"
    return out


def commands(block: Block) -> Iterator[tuple[int, str]]:
    """The block's command lines (continuations joined), with their line numbers."""
    pending, start = "", 0
    for k, line in enumerate(block.lines):
        if not pending:
            start = block.line + k
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        text = (pending + line).strip()
        pending = ""
        if text and not text.startswith("#"):
            yield start, text


@dataclass(frozen=True)
class Step:
    kind: str  # "file", "sh" or "python"
    line: int
    text: str
    name: str = ""  # the file a "file" step writes


def steps(doc: Path) -> list[Step]:
    out = []
    for block in blocks(doc):
        if block.lines and block.lines[0].startswith(FILE_MARK):
            name = block.lines[0][len(FILE_MARK):].strip()
            out.append(Step("file", block.line, "\n".join(block.lines[1:]) + "\n", name))
        elif block.lang == "sh":
            out += [Step("sh", n, text) for n, text in commands(block)]
        elif block.lang == "python":
            out.append(Step("python", block.line, "\n".join(block.lines)))
    return out


def _templates_fixtures(folder: Path) -> None:
    from PIL import Image
    from pptx import Presentation

    (folder / "corporate").mkdir()
    for path in (folder / "logo.png", folder / "corporate" / "logo.png"):
        Image.new("RGB", (240, 80), (227, 6, 19)).save(path)
    for path in (folder / "Corporate.pptx", folder / "corporate" / "template.pptx"):
        Presentation().save(path)


FIXTURES: dict[str, Callable[[Path], None]] = {"templates.md": _templates_fixtures}


def console_script() -> Path:
    exe = Path(sys.executable).parent / ("deckgen.exe" if os.name == "nt" else "deckgen")
    assert exe.is_file(), f"no deckgen console script beside {sys.executable}; pip install -e ."
    return exe


def _shown(result: subprocess.CompletedProcess[str] | str) -> str:
    text = result if isinstance(result, str) else (result.stderr or "") + (result.stdout or "")
    return text[-2000:]


def _environment(tmp: Path) -> dict[str, str]:
    tmp.mkdir(exist_ok=True)
    return {**os.environ, "TMPDIR": str(tmp), "PYTHONUNBUFFERED": "1"}


def run_preview(argv: list[str], cwd: Path, env: dict[str, str], where: str) -> None:
    """The preview until its URL shows, then Ctrl-C: it must end cleanly, helpers and all."""
    from preview_support import alive, descendants, kill_tree, wait_for

    if "--no-browser" not in argv:
        argv.append("--no-browser")
    if not any(a == "--port" or a.startswith("--port=") for a in argv):
        argv += ["--port", "0"]
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out: queue.Queue[str] = queue.Queue()
    err: list[str] = []
    threading.Thread(target=lambda: [out.put(x) for x in proc.stdout], daemon=True).start()
    threading.Thread(target=lambda: [err.append(x) for x in proc.stderr], daemon=True).start()
    tree: set[int] = set()
    try:
        deadline, url = time.monotonic() + 120, ""
        while not url and time.monotonic() < deadline and proc.poll() is None:
            with contextlib.suppress(queue.Empty):
                line = out.get(timeout=0.2)
                url = line.strip() if line.startswith("http://127.0.0.1:") else ""
        assert url, f"{where}: no URL line from the preview ({proc.poll()=}): {''.join(err)}"
        # Ctrl-C once the first build is reported: every part of the preview has started then.
        # (Earlier, while its threads start, it ends with an internal error; not the docs' to test.)
        wait_for(lambda: any(x.startswith(("built ", "error: ")) for x in err) or proc.poll() is not None,
                 120, f"{where}: the preview's first build")
        assert proc.poll() is None, f"{where}: the preview ended by itself: {''.join(err)}"
        tree = descendants(proc.pid)
        proc.send_signal(signal.SIGINT)
        code = proc.wait(60)
        assert code == 0, f"{where}: the preview ended with {code} after Ctrl-C: {''.join(err)}"
        wait_for(lambda: not [p for p in tree if alive(p)], 15,
                 f"{where}: every helper process of the preview to end")
        assert "Traceback" not in "".join(err), f"{where}: {''.join(err)}"
    finally:
        if proc.poll() is None:
            kill_tree(proc.pid)
            proc.wait()
        for pid in tree:
            if alive(pid):
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.relative_to(ROOT).as_posix())
def test_every_command_in_the_doc_runs(doc, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    FIXTURES.get(doc.name, lambda folder: None)(work)
    env = _environment(tmp_path / "tmp")
    exe = console_script()
    for step in steps(doc):
        where = f"{doc.relative_to(ROOT)}:{step.line}"
        if step.kind == "file":
            target = work / step.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(step.text, encoding="utf-8")
            continue
        if step.kind == "python":
            result = subprocess.run([sys.executable, "-c", step.text], cwd=work, env=env,
                                    capture_output=True, text=True, timeout=TIMEOUT,
                                    stdin=subprocess.DEVNULL)
            assert result.returncode == 0, f"{where}: the Python example failed:\n{_shown(result)}"
            continue
        args = shlex.split(step.text, comments=True)
        assert args[0] == "deckgen", f"{where}: not a deckgen command: {step.text}"
        argv = [str(exe), *args[1:]]
        if args[1:2] == ["preview"]:
            run_preview(argv, work, env, where)
            continue
        result = subprocess.run(argv, cwd=work, env=env, capture_output=True, text=True,
                                timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        assert result.returncode == 0, (
            f"{where}: `{step.text}` exited with {result.returncode}:\n{_shown(result)}")


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.relative_to(ROOT).as_posix())
def test_fences_say_what_runs(doc):
    """Shell examples are ```sh and hold deckgen commands only; a deckgen command in any other
    block would escape the test above, and so would a fence in another language."""
    for block in blocks(doc):
        where = f"{doc.relative_to(ROOT)}:{block.line - 1}"
        assert block.lang in LANGS, (
            f"{where}: fence ```{block.lang}; use one of {', '.join(LANGS)} (sh: run by "
            "tests/test_docs.py; text, powershell, yaml: shown only)")
        if block.lang == "sh":
            for n, text in commands(block):
                assert text.startswith("deckgen "), (
                    f"{doc.relative_to(ROOT)}:{n}: only deckgen commands in ```sh blocks "
                    f"(they are run); show this in a ```text block: {text}")
        elif not (block.lines and block.lines[0].startswith(FILE_MARK)):
            for k, line in enumerate(block.lines):
                assert not line.startswith("deckgen "), (
                    f"{doc.relative_to(ROOT)}:{block.line + k}: a deckgen command outside a "
                    f"```sh block is never run; put it in one: {line}")


def test_ci_runs_the_fresh_machine_commands():
    """Each line of a ```text .ci/run block is a line of .ci/run (the build may add options)."""
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    shown = [(doc, block) for doc in DOCS for block in blocks(doc) if block.info == ".ci/run"]
    assert any(doc == README for doc, _ in shown), "README.md has no ```text .ci/run block"
    for doc, block in shown:
        lines = [text for _n, text in commands(block)]
        assert len(lines) == 2, f"{doc.name}:{block.line}: the two fresh-machine commands"
        for line in lines:
            assert any(c == line or c.startswith(line + " ") for c in ci), (
                f"{doc.name}: .ci/run does not run {line!r}")


def test_the_readme_shows_the_five_commands_and_stays_short():
    size = len(README.read_bytes())
    assert size <= README_LIMIT, f"README.md is {size} bytes; move detail into docs/"
    shown = [step.text for step in steps(README) if step.kind == "sh"]
    for command in FIVE:
        assert any(text.startswith(command + " ") for text in shown), (
            f"README.md runs no `{command}` example")


_LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_CODE = re.compile(r"`[^`\n]*`")


def _prose(doc: Path) -> str:
    """The doc without its fenced blocks and code spans (a `[text](url)` there is markup
    being shown, not a link)."""
    out, fenced = [], False
    for line in doc.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("```"):
            fenced = not fenced
        elif not fenced:
            out.append(_CODE.sub("", line))
    return "\n".join(out)


def anchors(doc: Path) -> set[str]:
    """The anchors GitHub gives a Markdown file's headings (outside fenced blocks)."""
    found, fenced = set(), False
    for line in doc.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"^#{1,6} ", line):
            title = line.lstrip("#").strip().lower()
            found.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return found


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.relative_to(ROOT).as_posix())
def test_relative_links_point_to_files_that_exist(doc):
    links = _LINK.findall(_prose(doc))
    for link in links:
        if re.match(r"^[a-z][a-z0-9+.-]*:", link):
            continue  # https:, mailto:
        path, _, anchor = link.partition("#")
        target = (doc.parent / path).resolve() if path else doc
        assert target.exists(), f"{doc.relative_to(ROOT)}: {link} points to nothing"
        if anchor and target.suffix == ".md":
            assert anchor in anchors(target), (
                f"{doc.relative_to(ROOT)}: {link}: no heading gives #{anchor} in {target.name}")


def test_the_dependency_list_names_every_dependency():
    """docs/development.md says why each dependency is there: none may be missing from it."""
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        wanted += extra
    text = (ROOT / "docs" / "development.md").read_text(encoding="utf-8").lower()
    for spec in wanted:
        name = re.match(r"[A-Za-z0-9_.\-]+", spec).group(0).lower()
        assert f"**{name}**" in text, f"docs/development.md does not say why {name} is needed"
