"""The accessibility review the shared `a11y_check` tool does, done on the deck's XML.

These are the rules of PowerPoint's Accessibility Checker that a generated deck can break:
every slide has a title placeholder with text, titles are unique and read first, pictures,
charts, tables and diagrams (groups of shapes with pictures) carry a description, tables mark
their header row, the slide's text shows in the outline view (text in a described group of
shapes, a chart or a table aside), every run has a language, and the document has a title.
"""

from __future__ import annotations

import re
from pathlib import Path

from pptx import Presentation

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
OUTLINE = ("title", "ctrTitle", "subTitle", "body", "obj")
FIELDS = ("dt", "ftr", "sldNum", "hdr")
FILE_NAME = re.compile(r"[\w\- ]+\.(png|jpe?g|gif|svg|emf|wmf|tiff?)", re.IGNORECASE)


def _ph(sp) -> str | None:
    """The placeholder type ("obj" when the ``p:ph`` has none), else None."""
    ph = sp.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
    return None if ph is None else ph.get("type", "obj")


def _text(el) -> str:
    return " ".join("".join(t.text or "" for t in p.iter(f"{A}t"))
                    for p in el.iter(f"{A}p")).strip()


def _descr(el) -> str:
    nv = el.find(f"./*/{P}cNvPr")
    return (nv.get("descr") or nv.get("title") or "") if nv is not None else ""


def review(path: Path) -> list[str]:
    """Every accessibility rule the deck breaks, one line each (empty: it passes)."""
    prs = Presentation(str(path))
    issues: list[str] = []
    seen: dict[str, int] = {}
    for n, slide in enumerate(prs.slides, 1):
        tree = slide.shapes._spTree
        titles = [sp for sp in tree.iter(f"{P}sp") if _ph(sp) in ("title", "ctrTitle")
                  and _text(sp)]
        if not titles:
            issues.append(f"slide {n}: slide-title: no title placeholder with text")
        else:
            key = " ".join(_text(titles[0]).split()).lower()
            if key in seen:
                issues.append(f"slide {n}: unique-title: same as slide {seen[key]}")
            seen.setdefault(key, n)
            texty = [sp for sp in tree.iter(f"{P}sp") if _text(sp) and _ph(sp) not in FIELDS]
            if texty and texty[0] is not titles[0]:
                issues.append(f"slide {n}: reading-order: {_text(texty[0])[:30]!r} first")
        for el in tree:
            tag = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
            graphic = tag in ("pic", "graphicFrame") or (tag == "grpSp" and any(
                c.tag.endswith(("}pic", "}graphicFrame")) for c in el.iter()))
            if graphic and (not _descr(el) or FILE_NAME.fullmatch(_descr(el))):
                issues.append(f"slide {n}: alt-text: {tag} without a description")
            tbl = el.find(f".//{A}tbl")
            if tbl is not None and tbl.find(f"{A}tblPr").get("firstRow") not in ("1", "true"):
                issues.append(f"slide {n}: table-header: no header row")
        total = inside = 0
        for sp in tree.iter(f"{P}sp"):
            text = _text(sp)
            if not text or _ph(sp) in FIELDS or any(
                    _descr(g) for g in sp.iterancestors(f"{P}grpSp")):
                continue
            total += len(text)
            inside += len(text) if _ph(sp) in OUTLINE else 0
        if total and inside / total < 0.85:
            issues.append(f"slide {n}: outline: {100 * inside // total} % in placeholders")
        for body in tree.iter(f"{P}txBody", f"{A}txBody"):
            for r in body.iter(f"{A}r"):
                rpr = r.find(f"{A}rPr")
                # deckgen tags every run itself (stricter than the tool, which also accepts
                # the presentation's default language)
                if (r.findtext(f"{A}t") or "").strip() and (rpr is None or not rpr.get("lang")):
                    issues.append(f"slide {n}: language: a run without a language")
                    break
    if not (prs.core_properties.title or "").strip():
        issues.append("doc-title: the document has no title")
    return issues
