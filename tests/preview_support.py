"""Helpers for the preview's tests: a headless Chromium, the preview as a real process, and
its process tree.

The browser tests need Debian's ``chromium`` and ``chromium-driver``, LibreOffice and its
Python bridge (``python3-uno``); ``.ci/run`` installs them. Where one is missing the tests are
skipped on a developer's machine, but fail in CI (``CI`` set), so they cannot pass by skipping.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--window-size=1440,1000")


def need(ok: bool, what: str) -> None:
    """Skip without ``what`` on a developer's machine; in CI its absence is a failure."""
    if ok:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing in CI; .ci/run installs it")
    pytest.skip(f"{what} is not installed")


def need_browser() -> None:
    need(Path(CHROMIUM).is_file() and Path(CHROMEDRIVER).is_file(),
         "Chromium and chromedriver (apt-get install chromium chromium-driver)")
    try:
        import selenium  # noqa: F401
    except ImportError:
        need(False, "selenium (the test extra)")


def need_office() -> None:
    from deckgen.output.export import soffice
    from deckgen.preview.office import find_uno_python

    exe = soffice()
    need(exe is not None, "LibreOffice (apt-get install libreoffice-impress)")
    need(find_uno_python(exe) is not None, "LibreOffice's Python bridge (apt-get install python3-uno)")


def chromium(profile: Path) -> Any:
    """A headless Chromium under Selenium, with a profile of its own."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def wait_for(check: Callable[[], Any], timeout: float, what: str, step: float = 0.05,
             detail: Callable[[], object] | None = None) -> Any:
    """``check()``'s first true value within ``timeout`` seconds, else a failure naming ``what``
    (and ``detail()``, if given, else ``check()``'s last answer)."""
    deadline = time.monotonic() + timeout
    last: Any = None
    while time.monotonic() < deadline:
        try:
            last = check()
        except Exception as exc:  # noqa: BLE001 - e.g. an element replaced while read
            last = exc
        else:
            if last:
                return last
        time.sleep(step)
    if detail is not None:
        last = detail()
    pytest.fail(f"{what}: not within {timeout:g} s (last: {last!r})")


class PreviewProcess:
    """``python -m deckgen preview …`` in a folder of its own, with its own TMPDIR."""

    def __init__(self, args: list[str], tmpdir: Path) -> None:
        self.tmpdir = tmpdir
        env = {**os.environ, "TMPDIR": str(tmpdir), "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "deckgen", "preview", "--no-browser", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
            stdin=subprocess.DEVNULL)
        self.stderr: list[str] = []
        self._url: list[str] = []
        threading.Thread(target=self._read_out, daemon=True).start()
        threading.Thread(target=self._read_err, daemon=True).start()
        self.url = wait_for(self._first_line, 60, "the URL on the first line")

    def _first_line(self) -> str | None:
        if self._url:
            return self._url[0]
        if self.proc.poll() is not None:
            pytest.fail(f"preview ended early: {''.join(self.stderr)}")
        return None

    def _read_out(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._url.append(line.strip())

    def _read_err(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.stderr.append(line)

    def __enter__(self) -> PreviewProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        """A test that failed half-way must not leave a preview (and its LibreOffice) running:
        Ctrl-C first, as a person would, and the whole process tree killed if that fails."""
        if self.proc.poll() is None:
            tree = descendants(self.proc.pid)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.end(signal.SIGINT)
            for pid in tree:
                if alive(pid):
                    with contextlib.suppress(OSError):
                        os.kill(pid, signal.SIGKILL)

    def state(self) -> dict[str, Any]:
        import json
        import urllib.request

        with urllib.request.urlopen(self.url + "state", timeout=10) as answer:  # noqa: S310
            return json.loads(answer.read())

    def end(self, signum: int = signal.SIGINT, timeout: float = 20) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signum)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            kill_tree(self.proc.pid)
            self.proc.wait()
            raise


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (children, their children …), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    """Running (a zombie waiting for its parent counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def kill_tree(pid: int) -> None:
    for victim in (*descendants(pid), pid):
        with contextlib.suppress(OSError):
            os.kill(victim, signal.SIGKILL)


def office_pipes() -> set[str]:
    """The named pipes the preview's LibreOffices have in /tmp (socket files, see office.py)."""
    return {p.name for p in Path("/tmp").glob("OSL_PIPE_*_deckgen-preview-*")}


def private_tmp() -> Path:
    return Path(tempfile.mkdtemp(prefix="deckgen-preview-test-"))


def remove(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
