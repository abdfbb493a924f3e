"""``deckgen preview`` without a browser: its command line, what it rebuilds and re-renders,
the per-slide facts it shows, and what its server answers (and refuses)."""

from __future__ import annotations

import http.client
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from preview_support import need

from deckgen.cli import main
from deckgen.errors import DeckgenError
from deckgen.paths import default_content
from deckgen.preview.builder import Builder, Request
from deckgen.preview.keys import slide_keys
from deckgen.preview.page import Assets
from deckgen.preview.pictures import PictureStore
from deckgen.preview.server import PreviewServer
from deckgen.preview.state import PageState

PREVIEW_MODULES = ("watchfiles", "http.server", "deckgen.preview", "selenium")


@pytest.fixture
def plea(tmp_path: Path) -> Path:
    path = tmp_path / "plea.yaml"
    shutil.copy(default_content("de"), path)
    return path


def loaded_after(code: str) -> list[str]:
    probe = (f"import sys\n{code}\n"
             f"print(sorted(m for m in {PREVIEW_MODULES!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, timeout=120)
    return json.loads(out.stdout.strip().splitlines()[-1].replace("'", '"'))


def test_help_and_build_do_not_load_the_preview(tmp_path):
    assert loaded_after("from deckgen.cli import main\ntry:\n    main(['--help'])\n"
                        "except SystemExit:\n    pass") == []
    assert loaded_after("from deckgen.cli import main\ntry:\n    main(['build', '--company', "
                        f"'Acme', '-o', {str(tmp_path / 'a.pptx')!r}])\n"
                        "except SystemExit:\n    pass") == []
    assert (tmp_path / "a.pptx").is_file()


def test_without_the_extra_it_says_how_to_install_it():
    code = ("import sys\nsys.modules['watchfiles'] = None\nfrom deckgen.cli import run\n"
            "run('deckgen')")
    out = subprocess.run([sys.executable, "-c", code, "preview", "--no-browser"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [
        "Error: deckgen preview needs the preview extra: pip install 'deckgen[preview]'"]


@pytest.mark.parametrize("args, message", [
    (["--content", "nowhere.yaml"], "Error: --content: nowhere.yaml: file not found"),
    (["--template", "no-such-template"], "Error: --template: no-such-template: not found"),
    (["--set", "a b=1"], "Error: --set"),
])
def test_wrong_options_are_one_line(args, message):
    result = CliRunner().invoke(main, ["preview", "--no-browser", *args])
    assert result.exit_code == 1
    assert result.output.strip().startswith(message) and "\n" not in result.output.strip()


def test_a_port_in_use_is_one_line():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["preview", "--no-browser", "--port", str(port)])
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: --port: 127.0.0.1:{port} cannot be used (Address already in use); choose "
        "another port, or leave --port out for a free one")


def test_only_changed_slides_get_new_keys(plea):
    builder = Builder(Request(content=plea, company="Acme"))
    first = builder.build()
    keys = slide_keys(first.deck, 1280)
    assert len(keys) == len(set(keys)) == 13
    text = plea.read_text(encoding="utf-8")
    plea.write_text(text.replace("Symbolwirkung", "Symbolkraft"), encoding="utf-8")
    renamed = slide_keys(builder.build([plea]).deck, 1280)
    # the point's own slide and the agenda that lists it; nothing else
    assert [n for n, (a, b) in enumerate(zip(keys, renamed), 1) if a != b] == [5, 6]
    notes = text.replace("Ich möchte heute für eine Idee werben", "Ich werbe heute für eine Idee")
    plea.write_text(notes, encoding="utf-8")
    assert slide_keys(builder.build([plea]).deck, 1280) == keys  # notes do not show
    assert not set(slide_keys(first.deck, 800)) & set(keys)


def test_a_save_elsewhere_rebuilds_nothing_new(plea):
    builder = Builder(Request(content=plea, company="Acme"))
    builder.build()
    assert builder.inputs.touches(plea.resolve()) == (True, False)
    assert builder.inputs.template_folder is not None
    assert builder.inputs.touches(builder.inputs.template_folder / "template.yaml") == (False, True)
    assert builder.inputs.touches(plea.parent / "other.yaml") == (False, False)


def test_a_broken_content_file_is_a_one_line_error_and_the_next_save_recovers(plea):
    builder = Builder(Request(content=plea, company="Acme"))
    builder.build()
    good = plea.read_text(encoding="utf-8")
    plea.write_text(good.replace("subtitle:", "subtitel:", 1), encoding="utf-8")
    with pytest.raises(DeckgenError, match=r"plea\.yaml:12: slides\[0\]\.subtitel: unknown key"):
        builder.build([plea])
    plea.write_text(good, encoding="utf-8")
    assert len(builder.build([plea]).info.slides) == 13


def test_each_slide_says_its_kind_layout_and_its_own_warnings(plea):
    text = plea.read_text(encoding="utf-8")
    long_title = "Was Social-Media-Manager heute erleben, " * 3
    text = text.replace('title: "Was Social-Media-Manager heute erleben"', f'title: "{long_title}"')
    plea.write_text(text, encoding="utf-8")
    info = Builder(Request(content=plea, company="Acme")).build().info
    kinds = [s.kind for s in info.slides]
    assert kinds == ["title", "statement", "statistic", "bullets", "agenda"] + ["point"] * 6 + [
        "closing", "sources"]
    assert all(s.layout and s.reason and s.master.startswith("master ") for s in info.slides)
    assert info.slides[0].layout == "Title Slide" and info.slides[0].texts[0][0] == "title"
    fit = [s.number for s in info.slides if any("fit: the title" in w for w in s.warnings)]
    assert 4 in fit, [s.warnings for s in info.slides]


def test_a_slide_without_notes_says_so(plea):
    text = plea.read_text(encoding="utf-8")
    at = text.index("    notes:", text.index("kind: statement"))
    end = text.index("\n", at)
    plea.write_text(text[:at] + text[end + 1:], encoding="utf-8")
    info = Builder(Request(content=plea, company="Acme")).build().info
    assert [s.number for s in info.slides if "no speaker notes" in s.warnings] == [2]


@pytest.fixture
def server():
    state = PageState("plea.yaml", "default", "Acme")
    pictures = PictureStore()
    pictures.put("0123456789abcdef0123", b"\x89PNG fake")
    srv = PreviewServer(0, state, pictures, Assets())
    srv.start()
    yield srv
    srv.stop()


def get(srv: PreviewServer, path: str, host: str | None = None,
        method: str = "GET") -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=10)
    conn.putrequest(method, path, skip_host=True)
    conn.putheader("Host", host or f"127.0.0.1:{srv.port}")
    conn.endheaders()
    answer = conn.getresponse()
    answer.read()
    conn.close()
    return answer


def test_the_server_listens_on_loopback_only(server):
    assert server.server_address[0] == "127.0.0.1"
    assert server.url == f"http://127.0.0.1:{server.port}/"


def test_the_server_answers_its_own_addresses(server):
    page = get(server, "/")
    assert page.status == 200 and page.getheader("Content-Type") == "text/html; charset=utf-8"
    assert "script-src 'self'" in page.getheader("Content-Security-Policy")
    assert get(server, "/app.js").status == 200
    assert get(server, "/style.css").status == 200
    assert get(server, "/state").status == 200
    picture = get(server, "/slides/0123456789abcdef0123.png")
    assert picture.status == 200 and picture.getheader("Content-Type") == "image/png"
    assert get(server, "/localhost:1/", host=f"localhost:{server.port}").status == 404
    assert get(server, "/", host=f"localhost:{server.port}").status == 200


@pytest.mark.parametrize("path", [
    "/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/slides/../../pyproject.toml",
    "/slides/0123456789abcdef0124.png", "/slides/0123456789ABCDEF0123.png", "/assets/app.js",
    "/index.html", "/deckgen/preview/server.py", "//etc/passwd", "/deck.pptx", "/favicon.ico",
])
def test_the_server_refuses_everything_else(server, path):
    assert get(server, path).status == 404


def test_the_server_refuses_other_hosts_and_methods(server):
    assert get(server, "/state", host="attacker.example").status == 421
    assert get(server, "/state", host=f"attacker.example:{server.port}").status == 421
    assert get(server, "/state", method="POST").status == 501


def test_the_slow_way_renders_without_libreoffices_python(tmp_path):
    from deckgen.output.export import soffice
    from deckgen.preview.renderer import Converter

    exe, pdftoppm = soffice(), shutil.which("pdftoppm")
    need(exe is not None and pdftoppm is not None, "LibreOffice and pdftoppm")
    builder = Builder(Request(company="Acme"))
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(builder.build().deck)
    got: dict[int, bytes] = {}
    converter = Converter(exe, pdftoppm, tmp_path)
    try:
        converter.render(deck, [0, 12], 320, got.__setitem__, lambda: False)
    finally:
        converter.close()
    assert sorted(got) == [0, 12] and all(png.startswith(b"\x89PNG") for png in got.values())


def test_the_watcher_sees_a_save_by_rename_and_ignores_other_files(plea):
    import os
    import queue

    from deckgen.preview.watcher import Watcher

    seen: queue.Queue[set[Path]] = queue.Queue()
    watcher = Watcher(seen.put)
    watcher.watch(frozenset({plea.resolve()}), frozenset())
    try:
        time.sleep(0.3)  # the watch is set up in its own thread
        (plea.parent / "notes.txt").write_text("not watched", encoding="utf-8")
        temporary = plea.parent / ".plea.yaml.swp"
        temporary.write_text(plea.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        os.replace(temporary, plea)  # how many editors save
        got = seen.get(timeout=5)
        assert got == {plea.resolve()}
        with pytest.raises(queue.Empty):
            seen.get(timeout=0.5)
    finally:
        watcher.stop()


def test_the_store_drops_the_oldest_pictures_not_in_use():
    store = PictureStore(limit=3)
    for key in "abc":
        store.put(key, key.encode())
    store.keep(("a",))
    store.put("d", b"d")
    assert "b" not in store and all(k in store for k in "acd")


class FakeRenderer:
    """Renders instantly, or waits for ``gate`` before each page; records what it was asked."""

    label = "fake"
    broken = False

    def __init__(self) -> None:
        import threading

        self.asked: list[list[int]] = []
        self.gate = threading.Event()
        self.gate.set()
        self.closed = False

    def render(self, deck, pages, width, deliver, cancelled):
        self.asked.append(list(pages))
        for index in pages:
            self.gate.wait(5)
            if cancelled():
                return
            deliver(index, b"png of " + deck.read_bytes() + bytes([index]))

    def close(self):
        self.closed = True


def test_the_picture_thread_renders_only_new_slides_of_the_newest_deck(tmp_path):
    from deckgen.preview.pictures import PictureWorker

    fake = FakeRenderer()
    ready: list[str] = []
    notes: list[str] = []
    worker = PictureWorker(PictureStore(), tmp_path, 100, ready.append, notes.append,
                           lambda workdir, started: (fake, "Pictures: fake"))
    worker.start()
    try:
        worker.submit(b"deck1", ["k1", "k2", "k3"])
        wait = time.monotonic() + 5
        while len(ready) < 3 and time.monotonic() < wait:
            time.sleep(0.01)
        assert ready == ["k1", "k2", "k3"]
        fake.gate.clear()  # the next deck renders slowly …
        worker.submit(b"deck2", ["k1", "k4", "k5"])
        while len(fake.asked) < 2 and time.monotonic() < wait:
            time.sleep(0.01)
        worker.submit(b"deck3", ["k1", "k4", "k6"])  # … and a newer one arrives meanwhile
        fake.gate.set()
        while "k6" not in ready and time.monotonic() < wait:
            time.sleep(0.01)
        # deck2 was cut short before its first page; deck3 renders k4 and k6, not k1 again
        assert fake.asked == [[0, 1, 2], [1, 2], [1, 2]]
        assert "k5" not in ready and ready[-1] == "k6"
        assert notes[-1] == "Pictures: fake"
    finally:
        worker.stop()
    assert fake.closed and list(tmp_path.iterdir()) == []


def test_ctrl_c_before_the_threads_start_still_stops_cleanly(tmp_path):
    """Ctrl-C can land between creating a thread and starting it: stopping then is no
    'cannot join thread before it is started' internal error."""
    from deckgen.preview.pictures import PictureWorker
    from deckgen.preview.watcher import Watcher

    worker = PictureWorker(PictureStore(), tmp_path, 100, print, print,
                           lambda workdir, started: (None, "none"))
    worker.stop(timeout=0.1)
    watcher = Watcher(print)
    watcher._thread = threading.Thread(target=lambda: None)  # created, not yet started
    watcher.stop()
