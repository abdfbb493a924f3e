"""The project's own versions of the checks in shared/tools: validity, rendering, overflow.

They use only declared test dependencies (openxml-audit from PyPI) and LibreOffice/poppler,
which CI installs; checks that need LibreOffice skip only where it is absent.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

from lxml import etree
from pptx import Presentation

EMU_PER_PT = 12700


def audit_errors(deck: Path) -> tuple[int, str]:
    """Errors the Open XML SDK port finds (it mirrors PowerPoint's own validator)."""
    exe = Path(sys.executable).parent / "openxml-audit"
    out = subprocess.run([str(exe), "-m", "0", str(deck)], capture_output=True, text=True,
                         timeout=120, check=False)
    found = re.search(r"Errors:\s*(\d+)", out.stdout)
    assert found, out.stdout + out.stderr
    return int(found.group(1)), out.stdout


def package_errors(deck: Path) -> list[str]:
    """What would make PowerPoint repair or refuse the package: a part name twice (case
    aside), a part no relationship reaches or no content type types, a slide no slide list
    names. The same check `deckgen.output.save.atomic_write` runs before every rename; the
    shared ``ooxml_validate`` reports repeated names as ``[package]`` errors too."""
    from deckgen.output.package_check import package_problems

    return package_problems(deck.read_bytes())


def render_pdf(deck: Path, outdir: Path) -> Path:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(outdir), str(deck)],
                       capture_output=True, timeout=240, check=False)
    pdf = outdir / (deck.stem + ".pdf")
    assert pdf.is_file(), "LibreOffice could not convert the deck"
    return pdf


def _pdf_words(pdf: Path) -> list[list[tuple[float, float, float, float, str, float, float]]]:
    """Per page: words with their boxes (points), plus the page size."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                          timeout=120, check=True).stdout
    root = etree.fromstring(html, etree.HTMLParser(encoding="utf-8"))
    pages = []
    for page in root.iter("page"):
        pw, ph = float(page.get("width")), float(page.get("height"))
        words = [(float(w.get("xmin")), float(w.get("ymin")), float(w.get("xmax")),
                  float(w.get("ymax")), w.text or "", pw, ph) for w in page.iter("word")]
        pages.append(words)
    return pages


def _alnum(text: str) -> Counter:
    """Letters and digits only: PDF text has ligatures, soft hyphens and odd spacing."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return Counter(ch for ch in text.replace("ß", "ss") if ch.isalnum())


def overflow_issues(deck: Path, pdf: Path, tol_pt: float = 4.0) -> list[str]:
    """Text that LibreOffice draws outside its shape, or does not draw at all.

    For every text shape, the letters of its text must all be found among the words drawn
    inside the shape's box (plus ``tol_pt``); a clipped or overflowing line is missing there.
    """
    prs = Presentation(str(deck))
    sw = prs.slide_width / EMU_PER_PT
    pages = _pdf_words(pdf)
    issues = []
    for n, (slide, words) in enumerate(zip(prs.slides, pages), 1):
        for shape in slide.shapes:
            if not shape.has_text_frame or not shape.text_frame.text.strip():
                continue
            if shape.left is None:
                continue
            scale = words[0][5] / sw if words else 1.0
            x0 = shape.left / EMU_PER_PT * scale - tol_pt
            y0 = shape.top / EMU_PER_PT * scale - tol_pt
            x1 = (shape.left + shape.width) / EMU_PER_PT * scale + tol_pt
            y1 = (shape.top + shape.height) / EMU_PER_PT * scale + tol_pt
            # A word belongs to the box if its centre is inside: font bounding boxes are taller
            # than lines, but a line pushed out of the box has its centre outside.
            inside = "".join(w[4] for w in words if x0 <= (w[0] + w[2]) / 2 <= x1
                             and y0 <= (w[1] + w[3]) / 2 <= y1)
            want, got = _alnum(shape.text_frame.text), _alnum(inside)
            missing = want - got
            if missing:
                issues.append(f"slide {n}: {shape.name}: not drawn inside the box: "
                              f"{''.join(sorted(missing.elements()))!r} "
                              f"({shape.text_frame.text[:40]!r})")
    if len(pages) != len(prs.slides):
        issues.append(f"{len(pages)} pages for {len(prs.slides)} slides")
    return issues
