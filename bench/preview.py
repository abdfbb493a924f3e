"""How fast ``deckgen preview`` turns a save into texts and pictures (issue 23's 3 s target).

    .venv/bin/python bench/preview.py [--rounds 5]

Prints medians (and ranges) of:
  cold   a fresh ``soffice --convert-to pdf`` + ``pdftoppm`` of the plea's 13 slides (what
         ``deckgen build --png`` does, and the preview's fallback without python3-uno);
  warm   the same 13 slides from the LibreOffice the preview keeps running (load + export);
  one    one changed slide from it (load + one export);
  save   a real ``deckgen preview`` process: a title edited in the content file → the new
         title in the page's state (texts) → every picture current again (pictures).
Needs LibreOffice, python3-uno and poppler. It is a report: the exit status is always 0.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deckgen.output.export import soffice  # noqa: E402
from deckgen.paths import default_content  # noqa: E402
from deckgen.preview.builder import Builder, Request  # noqa: E402
from deckgen.preview.office import Office, find_uno_python  # noqa: E402
from deckgen.preview.renderer import Converter  # noqa: E402

WIDTH = 1280


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def show(name: str, samples: list[float]) -> None:
    print(f"| {name} | {statistics.median(samples):.2f} s | {min(samples):.2f}–{max(samples):.2f} s |")


def renderers(rounds: int, work: Path) -> None:
    exe = soffice()
    python = find_uno_python(exe) if exe else None
    pdftoppm = shutil.which("pdftoppm")
    if not (exe and python and pdftoppm):
        print("LibreOffice, python3-uno or pdftoppm missing: renderer timings skipped")
        return
    deck = work / "plea.pptx"
    deck.write_bytes(Builder(Request(company="Acme")).build().deck)
    keep = lambda index, png: None  # noqa: E731
    never = lambda: False  # noqa: E731
    cold = Converter(exe, pdftoppm, work)
    show("cold: soffice --convert-to pdf + pdftoppm, 13 slides",
         [timed(lambda: cold.render(deck, range(13), WIDTH, keep, never)) for _ in range(rounds)])
    started = time.perf_counter()
    office = Office(python, exe, work)
    office.wait_ready()
    print(f"| LibreOffice start (once per preview) | {time.perf_counter() - started:.2f} s | |")
    try:
        office.render(deck, [0], WIDTH, keep, never)  # warm-up
        show("warm: kept-running LibreOffice, 13 slides",
             [timed(lambda: office.render(deck, range(13), WIDTH, keep, never))
              for _ in range(rounds)])
        show("warm: kept-running LibreOffice, 1 changed slide",
             [timed(lambda: office.render(deck, [5], WIDTH, keep, never)) for _ in range(rounds)])
    finally:
        office.close()


def state(url: str) -> dict:
    with urllib.request.urlopen(url + "state", timeout=10) as answer:  # noqa: S310
        return json.loads(answer.read())


def wait(url: str, check, limit: float = 120) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if check(state(url)):
            return time.perf_counter()
        time.sleep(0.02)
    raise TimeoutError("the preview did not get there")


def saves(rounds: int, work: Path) -> None:
    content = work / "plea.yaml"
    shutil.copy(default_content("de"), content)
    proc = subprocess.Popen([sys.executable, "-m", "deckgen", "preview", "--no-browser",
                             "--content", str(content), "--company", "Acme"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
    try:
        url = proc.stdout.readline().strip()
        done = lambda s: s["slides"] and all(x["current"] for x in s["slides"])  # noqa: E731
        wait(url, done)
        base = content.read_text(encoding="utf-8")
        old = "Nur jedes zehnte Unternehmen gönnt sich eine eigene Einheit"
        texts, pictures = [], []
        for n in range(rounds):
            title = f"Nur jedes zehnte Unternehmen hat eine Einheit (Runde {n + 1})"
            content.write_text(base.replace(old, title), encoding="utf-8")
            saved = time.perf_counter()
            texts.append(wait(url, lambda s, t=title: s["slides"][2]["title"] == t) - saved)
            pictures.append(wait(url, lambda s, t=title: s["slides"][2]["title"] == t and done(s))
                            - saved)
            time.sleep(0.5)
        show("save → new texts in the page's state", texts)
        show("save → every picture current", pictures)
    finally:
        proc.terminate()
        proc.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print("| measurement | median | range |\n|---|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="deckgen-bench-preview-") as tmp:
        renderers(args.rounds, Path(tmp))
        saves(args.rounds, Path(tmp))


if __name__ == "__main__":
    main()
