"""deckgen benchmark: wall time and memory of the CLI against simple baselines.

Run from the repository root (any working directory works)::

    .venv/bin/python bench/run.py                 # full run: medians of 5, 40 companies
    .venv/bin/python bench/run.py --quick         # sanity check: medians of 3, 10 companies
    .venv/bin/python bench/run.py --json out.json # also save all samples as JSON

Every measurement runs each command as a subprocess (a fresh interpreter) and takes the wall
time with ``time.perf_counter`` around ``subprocess.run``. Each pair is warmed up once, then
deckgen and its baseline are run alternately (so drift on a busy machine hits both) and the
median is reported.

(a) ``deckgen build --company Acme -o TMP`` vs ``python bench/bare_pptx.py TMP`` (the same
    13 slides with bare python-pptx); target ratio <= 1.4.
(b) one ``deckgen build`` with 40 ``--company`` options (``Firma 1`` ... ``Firma 40``,
    ``-o TMPDIR``) vs 40 sequential ``pandoc in_i.md -o out_i.pptx`` runs over an equivalent
    Markdown deck (13 slides, ``::: notes`` blocks; the chart becomes a table); target ratio
    <= 0.25. Skipped with a message if ``pandoc`` is not on PATH.
(c) ``deckgen --help`` vs ``python -c "import click"``; target ratio <= 1.5.
(d) peak RSS of one ``deckgen build``; target <= 80 MB (MB = 2**20 bytes). Each sample is
    taken in a dedicated fresh Python probe that runs the build as its only child and reads
    ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` (a max over all children so far, hence the
    dedicated probe). A child's max RSS on Linux also covers the memory it inherits from the
    probe before ``exec``; that floor (probe running ``/bin/true``) is printed, and so is a
    ``/usr/bin/time -f %M`` cross-check when available. The baseline column is
    ``bare_pptx.py``.

Bytecode: this environment may set ``PYTHONDONTWRITEBYTECODE=1``, and deckgen is installed
editable without ``__pycache__``, so every run would recompile deckgen's modules (~40 ms) while
site-packages keep their pip-compiled caches. By default all commands therefore run without
``PYTHONDONTWRITEBYTECODE`` and with ``PYTHONPYCACHEPREFIX`` set to a private temporary folder
(filled by the warm-up, removed afterwards; nothing is written into the repository), i.e. with
warm caches as after a normal install. ``--as-is`` runs them with the environment unchanged.

deckgen is the ``deckgen`` script next to the running interpreter, else
``python -m deckgen``. The report (Markdown table, date/time, machine info) goes to stdout and
the exit status is 0 even when a target is missed or a command fails: it is a report.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from importlib import metadata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BARE = BENCH / "bare_pptx.py"
PY = sys.executable
ENV: dict[str, str] | None = None  # environment for every subprocess; set by main()

RSS_PROBE = """\
import json, resource, subprocess, sys
r = subprocess.run(json.loads(sys.argv[1]), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
print(json.dumps({"rc": r.returncode, "err": r.stderr.decode(errors="replace")[-2000:],
                  "kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


class CommandFailed(RuntimeError):
    pass


def deckgen_cmd() -> list[str]:
    exe = Path(PY).parent / "deckgen"
    return [str(exe)] if exe.is_file() and os.access(exe, os.X_OK) else [PY, "-m", "deckgen"]


def run(cmd: list[str]) -> None:
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    if r.returncode != 0:
        tail = r.stderr.decode(errors="replace").strip().splitlines()[-3:]
        raise CommandFailed(f"{' '.join(cmd[:4])} ... exited {r.returncode}: {' | '.join(tail)}")


Runner = Callable[[Path], list[list[str]]]


def timed(commands: list[list[str]]) -> float:
    start = time.perf_counter()
    for cmd in commands:
        run(cmd)
    return time.perf_counter() - start


def compare_times(ours: Runner, base: Runner, reps: int) -> tuple[list[float], list[float]]:
    """One warm-up each, then ``reps`` alternating samples; every sample gets a fresh tmp dir."""
    a: list[float] = []
    b: list[float] = []
    for i in range(reps + 1):
        for make, samples in ((ours, a), (base, b)):
            with tempfile.TemporaryDirectory(prefix="deckgen-bench-") as tmp:
                t = timed(make(Path(tmp)))
            if i:  # sample 0 is the warm-up
                samples.append(t)
    return a, b


def peak_rss_mib(cmd: list[str]) -> float:
    out = subprocess.run([PY, "-c", RSS_PROBE, json.dumps(cmd)], capture_output=True,
                         text=True, check=True, env=ENV).stdout
    res = json.loads(out)
    if res["rc"] != 0:
        tail = res["err"].strip().splitlines()[-3:]
        raise CommandFailed(f"{' '.join(cmd[:4])} ... exited {res['rc']}: {' | '.join(tail)}")
    return res["kib"] / 1024  # Linux reports ru_maxrss in KiB


def gnu_time_mib(cmd: list[str]) -> float | None:
    gnu_time = Path("/usr/bin/time")
    if not gnu_time.exists():
        return None
    r = subprocess.run([str(gnu_time), "-f", "%M", *cmd], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True, env=ENV)
    try:
        return int(r.stderr.strip().splitlines()[-1]) / 1024 if r.returncode == 0 else None
    except (ValueError, IndexError):
        return None


def load_slides() -> Callable[[str], list[dict]]:
    spec = importlib.util.spec_from_file_location("bare_pptx", BARE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.slides


def markdown_deck(slides: list[dict]) -> str:
    """The deck as pandoc Markdown: one ``#`` slide each, ``::: notes`` for speaker notes."""
    out: list[str] = []
    for s in slides:
        out += [f"# {s['title']}", ""]
        body = s["body"]
        if s["kind"] in ("bullets",):
            out += [f"- {line}" for line in body] + [""]
        elif s["kind"] == "sources":
            out += [f"- {body[0]}", f"    - <{body[1]}>", f"- {body[2]}", ""]
        else:
            for line in body:
                out += [line, ""]
        if "chart" in s:
            out += ["| Kategorie | Anteil |", "|---|---:|"]
            out += [f"| {label} | {value:.0f} % |" for label, value in s["chart"]] + [""]
        out += ["::: notes", s["notes"], ":::", ""]
    return "\n".join(out)


def summary(a: list[float], b: list[float]) -> dict:
    ma, mb = statistics.median(a), statistics.median(b)
    return {"deckgen": ma, "baseline": mb, "ratio": ma / mb, "deckgen_samples": a,
            "baseline_samples": b}


def bench_a(dg: list[str], reps: int) -> dict:
    a, b = compare_times(lambda d: [[*dg, "build", "--company", "Acme", "-o", str(d / "x.pptx")]],
                         lambda d: [[PY, str(BARE), str(d / "x.pptx")]], reps)
    return summary(a, b)


def bench_b(dg: list[str], reps: int, n: int, pandoc: str) -> dict:
    slides = load_slides()
    companies = [f"Firma {i}" for i in range(1, n + 1)]
    with tempfile.TemporaryDirectory(prefix="deckgen-bench-md-") as md_dir:
        sources = []
        for i, company in enumerate(companies, 1):
            md = Path(md_dir) / f"in_{i}.md"
            md.write_text(markdown_deck(slides(company)), encoding="utf-8")
            sources.append(md)

        def ours(d: Path) -> list[list[str]]:
            opts = [x for c in companies for x in ("--company", c)]
            return [[*dg, "build", *opts, "-o", str(d / "decks")]]

        def base(d: Path) -> list[list[str]]:
            return [[pandoc, str(md), "-o", str(d / f"out_{i}.pptx")]
                    for i, md in enumerate(sources, 1)]

        a, b = compare_times(ours, base, reps)
    return summary(a, b) | {"companies": n}


def bench_c(dg: list[str], reps: int) -> dict:
    a, b = compare_times(lambda d: [[*dg, "--help"]], lambda d: [[PY, "-c", "import click"]],
                         reps)
    return summary(a, b)


def bench_d(dg: list[str], reps: int) -> dict:
    a: list[float] = []
    b: list[float] = []
    for i in range(reps + 1):
        with tempfile.TemporaryDirectory(prefix="deckgen-bench-") as tmp:
            ra = peak_rss_mib([*dg, "build", "--company", "Acme", "-o", f"{tmp}/x.pptx"])
            rb = peak_rss_mib([PY, str(BARE), f"{tmp}/y.pptx"])
        if i:
            a.append(ra)
            b.append(rb)
    res = summary(a, b)
    res["probe_floor"] = peak_rss_mib(["/bin/true"])
    with tempfile.TemporaryDirectory(prefix="deckgen-bench-") as tmp:
        res["gnu_time"] = gnu_time_mib([*dg, "build", "--company", "Acme", "-o", f"{tmp}/x.pptx"])
    return res


def machine_info(dg: list[str], pandoc: str | None) -> dict:
    def version(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return "-"

    cpu = platform.processor() or "-"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info = {
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "platform": platform.platform(),
        "cpu": cpu,
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "loadavg": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "interpreter": PY,
        "deckgen_cmd": " ".join(dg),
        "deckgen": version("deckgen"),
        "python-pptx": version("python-pptx"),
        "click": version("click"),
        "pandoc": None,
        "git": None,
    }
    if pandoc:
        out = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout
        info["pandoc"] = out.splitlines()[0] if out else "?"
    git = shutil.which("git")
    if git and (ROOT / ".git").exists():
        rev = subprocess.run([git, "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run([git, "--no-optional-locks", "-C", str(ROOT), "status",
                                "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        info["git"] = f"{rev}{' (uncommitted changes)' if dirty else ''}" if rev else None
    return info


def fmt_ms(s: float) -> str:
    return f"{s * 1000:,.0f} ms"


def report(results: dict, info: dict, reps: int, n: int) -> str:
    lines = [
        "# deckgen benchmark",
        "",
        f"- date/time: {info['date']}",
        f"- machine: {info['cpu']}; {info['cpu_count']} CPUs ({info['cpus_usable']} usable); "
        f"load avg {info['loadavg']}; {info['platform']}",
        f"- python: {info['python']} ({info['interpreter']}); deckgen {info['deckgen']} "
        f"(git {info['git'] or '-'}); python-pptx {info['python-pptx']}; click {info['click']}; "
        f"{info['pandoc'] or 'pandoc: not installed'}",
        f"- method: medians of {reps} after 1 warm-up, fresh subprocess per command, "
        f"deckgen/baseline alternating; deckgen = `{info['deckgen_cmd']}`; "
        f"bytecode: {info['bytecode']}",
        "",
        "| measurement | deckgen | baseline | ratio | target | ok? |",
        "|---|---:|---:|---:|---:|:---:|",
    ]
    rows = [
        ("a", "(a) build 1 deck vs bare python-pptx script", fmt_ms, 1.4, "≤ 1.4×"),
        ("b", f"(b) 1 build of {n} decks vs {n}× pandoc md→pptx", fmt_ms, 0.25, "≤ 0.25×"),
        ("c", '(c) `deckgen --help` vs `python -c "import click"`', fmt_ms, 1.5, "≤ 1.5×"),
        ("d", "(d) peak RSS of 1 build (baseline: bare python-pptx)",
         lambda v: f"{v:.1f} MB", None, "≤ 80 MB"),
    ]
    notes: list[str] = []
    for key, label, fmt, limit, target in rows:
        r = results.get(key)
        if r is None or "error" in r or "skipped" in r:
            why = "skipped" if r and "skipped" in r else "error"
            lines.append(f"| {label} | {why} | {why} | – | {target} | – |")
            if r:
                notes.append(f"({key}) {r.get('skipped') or r.get('error')}")
            continue
        ok = r["ratio"] <= limit if limit is not None else r["deckgen"] <= 80.0
        lines.append(f"| {label} | {fmt(r['deckgen'])} | {fmt(r['baseline'])} | "
                     f"{r['ratio']:.2f}× | {target} | {'yes' if ok else '**no**'} |")
        spread_a = "–".join(fmt(x) for x in (min(r["deckgen_samples"]), max(r["deckgen_samples"])))
        spread_b = "–".join(fmt(x)
                            for x in (min(r["baseline_samples"]), max(r["baseline_samples"])))
        notes.append(f"({key}) range deckgen {spread_a}, baseline {spread_b}")
        if key == "b":
            notes.append(f"(b) per deck: deckgen {fmt_ms(r['deckgen'] / n)}, "
                         f"pandoc {fmt_ms(r['baseline'] / n)}")
        if key == "d":
            gt = r.get("gnu_time")
            notes.append(f"(d) MB = 2**20 bytes; probe floor (RSS a child inherits, /bin/true) "
                         f"{r['probe_floor']:.1f} MB; /usr/bin/time -f %M cross-check: "
                         + (f"{gt:.1f} MB" if gt is not None else "n/a"))
    lines += ["", *[f"- {x}" for x in notes]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="medians of 3 and 10 companies instead of 5 and 40")
    parser.add_argument("--json", metavar="PATH", help="also save the results as JSON")
    parser.add_argument("--as-is", action="store_true",
                        help="inherit the environment unchanged (default: warm bytecode caches "
                             "in a private PYTHONPYCACHEPREFIX)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="deckgen-bench-pycache-") as pycache:
        global ENV
        if args.as_is:
            ENV = None
            bytecode = ("environment as is (PYTHONDONTWRITEBYTECODE="
                        f"{os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r})")
        else:
            ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
            ENV["PYTHONPYCACHEPREFIX"] = pycache
            bytecode = "warm caches (private PYTHONPYCACHEPREFIX)"
        return bench_all(args, bytecode)


def bench_all(args: argparse.Namespace, bytecode: str) -> int:
    reps, n = (3, 10) if args.quick else (5, 40)
    dg = deckgen_cmd()
    pandoc = shutil.which("pandoc")
    info = machine_info(dg, pandoc) | {"bytecode": bytecode}
    results: dict[str, dict] = {}
    plan = [("a", lambda: bench_a(dg, reps)),
            ("b", lambda: bench_b(dg, reps, n, pandoc)),
            ("c", lambda: bench_c(dg, reps)),
            ("d", lambda: bench_d(dg, reps))]
    for key, fn in plan:
        if key == "b" and not pandoc:
            msg = "pandoc not installed (apt-get install pandoc): skipped"
            print(msg, file=sys.stderr)
            results[key] = {"skipped": msg}
            continue
        print(f"running ({key}) ...", file=sys.stderr, flush=True)
        try:
            results[key] = fn()
        except (CommandFailed, subprocess.CalledProcessError, OSError, ValueError) as exc:
            print(f"({key}) failed: {exc}", file=sys.stderr)
            results[key] = {"error": str(exc)}
    print(report(results, info, reps, n))
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": info, "reps": reps, "companies": n,
                                               "units": {"a": "s", "b": "s", "c": "s",
                                                         "d": "MiB"},
                                               "results": results}, indent=2) + "\n",
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
