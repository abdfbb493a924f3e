"""``deckgen preview`` in a real browser: headless Chromium on the page of a real preview process.

One preview runs for the module (the plea copied into a temporary folder, the default template
copied beside it so its ``template.yaml`` can be saved), with a TMPDIR of its own; the tests
run in order: the page, an edit, a broken file, the fix, a template save, and Ctrl-C.
"""

from __future__ import annotations

import shutil
import signal
import time
from pathlib import Path
from typing import Any

import pytest
from preview_support import (
    PreviewProcess,
    alive,
    chromium,
    descendants,
    need_browser,
    need_office,
    office_pipes,
    private_tmp,
    remove,
    wait_for,
)

from deckgen import api
from deckgen.paths import default_content, templates_dir

LIMIT = 3.0  # seconds from a save to the page: the target for the plea
FIRST_PICTURES = 90.0  # LibreOffice's first start on a busy 2-core machine
TIMINGS: dict[str, float] = {}

SLIDES_JS = """
return [...document.querySelectorAll('#slides > article')].map(a => {
  const img = a.querySelector('img.picture');
  return {title: a.querySelector('.title').textContent, alt: img.alt,
          src: img.getAttribute('src') || '', current: !a.classList.contains('pending'),
          loaded: !img.hidden && img.complete && img.naturalWidth > 0,
          warnings: [...a.querySelectorAll('.warnings li')].map(li => li.textContent),
          facts: a.querySelector('.facts').textContent};
});
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need_browser()
    need_office()
    root = tmp_path_factory.mktemp("preview")
    shutil.copy(default_content("de"), root / "plea.yaml")
    shutil.copytree(templates_dir() / "default", root / "brand")
    return root


@pytest.fixture(scope="module")
def pipes_before() -> set[str]:
    return office_pipes()


@pytest.fixture(scope="module")
def preview(folder: Path, pipes_before: set[str]):
    tmp = private_tmp()
    with PreviewProcess(["--content", str(folder / "plea.yaml"), "--template",
                         str(folder / "brand"), "--company", "Acme"], tmp) as process:
        yield process
    remove(tmp)


@pytest.fixture
def own_tmp():
    """A TMPDIR for one preview process, to see what it leaves behind; removed afterwards."""
    tmp = private_tmp()
    yield tmp
    remove(tmp)


@pytest.fixture(scope="module")
def browser(preview: PreviewProcess, tmp_path_factory: pytest.TempPathFactory):
    driver = chromium(tmp_path_factory.mktemp("chromium-profile"))
    driver.get(preview.url)
    yield driver
    driver.quit()


def slides(browser: Any) -> list[dict[str, Any]]:
    return browser.execute_script(SLIDES_JS)


def expected_titles(content: Path, company: str = "Acme") -> list[str]:
    """The titles a build of ``content`` has, straight from the API, not from the preview."""
    job = api.prepare(content, None)
    return [s.title for s in api.plan_for(job, company).slides]


def all_pictures(browser: Any) -> list[dict[str, Any]] | None:
    found = slides(browser)
    ok = len(found) == 13 and all(s["loaded"] and s["current"] for s in found)
    return found if ok else None


def test_page_shows_every_slide_as_a_picture_titled_alt(browser, folder, tmp_path):
    found = wait_for(lambda: all_pictures(browser), FIRST_PICTURES, "13 rendered pictures")
    titles = expected_titles(folder / "plea.yaml")
    assert len(titles) == 13
    assert [s["alt"] for s in found] == titles
    assert [s["title"] for s in found] == titles
    assert all(s["src"].startswith("/slides/") for s in found)
    assert "Title Slide" in found[0]["facts"] and "title" in found[0]["facts"]
    header = browser.find_element("css selector", ".bar").text
    assert "plea.yaml" in header and "Acme" in header and "deckgen Default" in header
    link = browser.find_element("id", "download")
    assert link.is_displayed() and link.get_attribute("download").endswith(".pptx")
    assert browser.find_element("id", "error").is_displayed() is False
    browser.save_screenshot(str(tmp_path / "page.png"))


def test_an_edit_shows_its_new_title_within_three_seconds(browser, folder):
    content = folder / "plea.yaml"
    old = "Nur jedes zehnte Unternehmen gönnt sich eine eigene Einheit"
    new = "Nur eines von zehn Unternehmen hat eine eigene Einheit"
    text = content.read_text(encoding="utf-8")
    assert old in text
    before = slides(browser)[2]["src"]
    content.write_text(text.replace(old, new), encoding="utf-8")
    saved = time.monotonic()
    wait_for(lambda: slides(browser)[2]["title"] == new, LIMIT, "the new title as text")
    TIMINGS["text"] = time.monotonic() - saved
    wait_for(lambda: (s := slides(browser)[2])["alt"] == new and s["loaded"] and s["current"]
             and s["src"] != before, LIMIT, "the new slide picture")
    TIMINGS["picture"] = time.monotonic() - saved
    wait_for(lambda: all_pictures(browser), LIMIT, "every picture current")
    TIMINGS["all pictures"] = time.monotonic() - saved
    print(f"save → text {TIMINGS['text']:.2f} s, picture {TIMINGS['picture']:.2f} s, "
          f"all 13 {TIMINGS['all pictures']:.2f} s")


def test_a_broken_file_shows_its_error_and_keeps_the_slides(browser, folder, preview, tmp_path):
    content = folder / "plea.yaml"
    good = content.read_text(encoding="utf-8")
    (folder / "good.yaml").write_text(good, encoding="utf-8")
    lines = good.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("subtitle:"))
    lines[at] = lines[at].replace("subtitle:", "subtitel:")
    content.write_text("".join(lines), encoding="utf-8")
    banner = wait_for(lambda: (b := browser.find_element("id", "error")).is_displayed() and b,
                      LIMIT, "the error banner")
    message = browser.find_element("id", "error-text").text
    # file, line and key path, as `deckgen build` says it
    assert f"plea.yaml:{at + 1}: slides[0].subtitel: unknown key" in message, message
    assert "last good build" in banner.text
    kept = slides(browser)
    assert len(kept) == 13 and all(s["loaded"] for s in kept)
    assert "stale" in browser.find_element("tag name", "body").get_attribute("class")
    assert preview.proc.poll() is None and preview.state()["error"]
    browser.save_screenshot(str(tmp_path / "error.png"))


def test_fixing_the_file_recovers(browser, folder):
    content = folder / "plea.yaml"
    content.write_text((folder / "good.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    wait_for(lambda: not browser.find_element("id", "error").is_displayed(), LIMIT,
             "the error banner to go")
    assert "stale" not in browser.find_element("tag name", "body").get_attribute("class")
    found = wait_for(lambda: all_pictures(browser), LIMIT, "13 current pictures")
    assert [s["alt"] for s in found] == expected_titles(content)


def test_saving_template_yaml_updates_the_pictures(browser, folder):
    before = [s["src"] for s in slides(browser)]
    config = folder / "brand" / "template.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('primary: "#1E3A8A"', 'primary: "#7A1E3A"'), encoding="utf-8")
    wait_for(lambda: (now := all_pictures(browser)) and all(
        s["src"] != b for s, b in zip(now, before)), LIMIT + 2, "pictures in the new colour")


def test_ctrl_c_ends_every_process_and_removes_temporary_files(preview, pipes_before):
    # run alone, this test may come before LibreOffice has started: wait for the pictures
    wait_for(lambda: (s := preview.state())["slides"] and all(x["current"] for x in s["slides"]),
             FIRST_PICTURES, "every picture rendered")
    tree = descendants(preview.proc.pid)
    assert tree, "LibreOffice and its bridge run below the preview"
    assert [p.name for p in preview.tmpdir.iterdir()], "the preview keeps its files in TMPDIR"
    code = preview.end(signal.SIGINT)
    assert code == 0, "".join(preview.stderr)
    wait_for(lambda: not [p for p in tree if alive(p)], 10, "every helper process to end")
    assert "Traceback" not in "".join(preview.stderr)
    assert list(preview.tmpdir.iterdir()) == []
    assert office_pipes() <= pipes_before  # LibreOffice's socket file in /tmp is gone too


def test_sigterm_ends_every_process_and_removes_temporary_files(folder, own_tmp):
    tmp = own_tmp
    before = office_pipes()
    with PreviewProcess(["--content", str(folder / "plea.yaml")], tmp) as process:
        wait_for(lambda: (s := process.state())["slides"] and all(x["current"] for x in s["slides"]),
                 FIRST_PICTURES, "every picture rendered")
        tree = descendants(process.proc.pid)
        assert len(tree) >= 2, "the UNO bridge and LibreOffice"
        assert process.end(signal.SIGTERM) == 0, "".join(process.stderr)
        wait_for(lambda: not [p for p in tree if alive(p)], 10, "every helper process to end")
        assert list(tmp.iterdir()) == []
        assert office_pipes() <= before
        assert "Traceback" not in "".join(process.stderr)


def test_without_libreoffice_the_page_shows_texts_layouts_and_how_to_get_pictures(
        browser, folder, monkeypatch, tmp_path):
    import threading

    import deckgen.output.export
    from deckgen.preview.builder import Request
    from deckgen.preview.session import run

    monkeypatch.setattr(deckgen.output.export, "soffice", lambda: None)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    urls: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(target=run, kwargs={
        "request": Request(folder / "plea.yaml", None, "Acme"), "open_browser": False,
        "say": urls.append, "tell": lambda line: None, "stop": stop})
    thread.start()
    try:
        wait_for(lambda: urls, 30, "the URL")
        browser.get(urls[0])
        wait_for(lambda: len(slides(browser)) == 13, 30, "13 slides")
        note = wait_for(lambda: (t := browser.find_element("id", "pictures-note").text)
                        and "not installed" in t and t, 30, "the LibreOffice note")
        assert "install LibreOffice" in note and "libreoffice-impress" in note
        found = slides(browser)
        assert [s["title"] for s in found] == expected_titles(folder / "plea.yaml")
        assert not any(s["loaded"] for s in found)
        sketches = browser.find_elements("css selector", ".frame.sketching .sketch-title")
        assert [e.text for e in sketches] == [s["title"] for s in found]
        assert all("Layout" in s["facts"] and "Why" in s["facts"] for s in found)
        browser.save_screenshot(str(tmp_path.parent / "no-libreoffice.png"))
    finally:
        stop.set()
        thread.join(30)
    assert not thread.is_alive()
    assert list(tmp_path.iterdir()) == []


def test_a_killed_preview_leaves_no_libreoffice_and_no_files(folder, own_tmp):
    tmp = own_tmp
    with PreviewProcess(["--content", str(folder / "plea.yaml")], tmp) as process:
        wait_for(lambda: (s := process.state())["slides"] and all(x["current"] for x in s["slides"]),
                 FIRST_PICTURES, "every picture rendered")
        tree = descendants(process.proc.pid)
        process.proc.kill()  # no cleanup code runs in the preview itself
        process.proc.wait(10)
        # the UNO bridge sees its input end, ends LibreOffice and removes the folder
        wait_for(lambda: not [p for p in tree if alive(p)], 20, "LibreOffice to end",
                 detail=lambda: [Path(f"/proc/{p}/cmdline").read_bytes()[:80] for p in tree if alive(p)])
        wait_for(lambda: not any(tmp.iterdir()), 10, "the temporary folder to go",
                 detail=lambda: sorted(str(p.relative_to(tmp)) for p in tmp.rglob("*"))[:20])


def test_saving_an_image_the_content_uses_updates_its_slide(tmp_path, own_tmp):
    from PIL import Image

    need_office()
    (tmp_path / "img").mkdir()
    image = tmp_path / "img" / "bild.png"
    Image.new("RGB", (640, 400), (30, 90, 160)).save(image)
    content = tmp_path / "bild.yaml"
    content.write_text('lang: de\nslides:\n  - kind: title\n    title: "Bilder"\n'
                       '  - kind: image\n    title: "Ein Bild"\n    image: "img/bild.png"\n'
                       '    alt: "Ein Rechteck"\n', encoding="utf-8")
    with PreviewProcess(["--content", str(content)], own_tmp) as process:
        def rendered(old: Any = None) -> dict[str, Any] | None:
            state = process.state()
            slides = state["slides"]
            ok = len(slides) == 2 and all(s["current"] for s in slides)
            return state if ok and slides[1]["picture"] != old else None

        before = wait_for(rendered, FIRST_PICTURES, "both pictures")
        Image.new("RGB", (640, 400), (200, 60, 20)).save(image)
        after = wait_for(lambda: rendered(before["slides"][1]["picture"]), LIMIT, "the new picture")
        assert after["slides"][1]["title"] == "Ein Bild" and after["error"] is None
        assert process.end() == 0
