"""Regenerate docs/preview-page.png, the screenshot of ``deckgen preview`` in the README.

    .venv/bin/python docs/make_preview_page.py

Runs a real ``deckgen preview`` of the plea for "Acme" and photographs its page in headless
Chromium, scrolled to the statistic slide (it has a fit warning to show). Needs the preview
and test extras, LibreOffice with python3-uno, and Debian's chromium and chromium-driver.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from preview_support import chromium, wait_for  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "plea.yaml"
        shutil.copy(HERE.parent / "content" / "plea.yaml", content)
        proc = subprocess.Popen([sys.executable, "-m", "deckgen", "preview", "--no-browser",
                                 "--content", str(content), "--company", "Acme"],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        driver = None
        try:
            url = proc.stdout.readline().strip()
            driver = chromium(Path(tmp) / "profile")
            driver.set_window_size(1400, 900)
            driver.get(url)
            wait_for(lambda: driver.execute_script(
                "const i = [...document.querySelectorAll('img.picture')];"
                "return i.length === 13 && i.every(x => !x.hidden && x.naturalWidth > 0)"),
                120, "13 pictures")
            driver.execute_script(
                "const s = document.getElementById('slide-3');"
                "window.scrollTo(0, s.offsetTop - document.querySelector('.bar').offsetHeight - 16)")
            time.sleep(0.5)
            driver.save_screenshot(str(HERE / "preview-page.png"))
        finally:
            if driver is not None:
                driver.quit()
            proc.terminate()
            proc.wait(30)


if __name__ == "__main__":
    main()
