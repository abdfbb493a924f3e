"""The accessibility review PowerPoint's Accessibility Checker does, done on the deck's XML.

The same rules as the shared `a11y_check` tool, written here so every test run checks them:
a real title on every slide (a title drawn as a text box is no title for screen readers,
the outline view or "Go to slide"), unique titles, the title read first, alt text on
pictures, charts, tables and picture groups (unless marked decorative), header rows on
tables, text in title and body placeholders (the outline view), a language on every run and
a document title.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
DEC = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
TITLES = ("title", "ctrTitle")
FIELDS = ("dt", "ftr", "sldNum", "hdr")
OUTLINE = ("title", "ctrTitle", "body", "subTitle", "obj")
_FILE_NAME = re.compile(r"[\w\- ]+\.(png|jpe?g|gif|svg|emf|wmf|tiff?)", re.I)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u00ad", "")).strip()


def _text(el) -> str:
    return _fold("".join(t.text or "" for t in el.iter(f"{A}t")))


def _ph(sp) -> str | None:
    """The placeholder type ("obj" for one without a type), or None for a plain shape."""
    ph = sp.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
    return None if ph is None else ph.get("type") or "obj"


def _c_nv(el):
    return next((c for c in el if c.tag.endswith("Pr") and c.find(f"{P}cNvPr") is not None),
                el).find(f"{P}cNvPr")


def _decorative(el) -> bool:
    c = _c_nv(el)
    return c is not None and any(d.get("val") in ("1", "true") for d in c.iter(DEC))


def _graphic_kind(el) -> str:
    if el.tag == f"{P}pic":
        return "picture"
    if el.tag == f"{P}grpSp":
        return "group"
    data = el.find(f"{A}graphic/{A}graphicData")
    uri = data.get("uri", "") if data is not None else ""
    return "table" if uri.endswith("/table") else "chart" if "chart" in uri else "graphic"


def _slide_issues(n: int, sld, default_lang: str | None, titles: dict[str, list[int]]) -> list[str]:
    out = []
    tree = sld.find(f"{P}cSld/{P}spTree")
    sps = list(tree.iter(f"{P}sp"))
    title = [sp for sp in sps if _ph(sp) in TITLES and _text(sp)]
    if not title:
        out.append(f"slide {n}: slide-title: no title placeholder with text")
    else:
        titles.setdefault(_text(title[0]).lower(), []).append(n)
        texty = [sp for sp in sps if _text(sp) and _ph(sp) not in FIELDS]
        if texty and texty[0] is not title[0]:
            out.append(f"slide {n}: reading-order: {_text(texty[0])[:40]!r} is read first")
    for el in tree.iter(f"{P}pic", f"{P}graphicFrame", f"{P}grpSp"):
        parent_group = el.getparent().tag == f"{P}grpSp"
        if parent_group or _decorative(el):
            continue
        if el.tag == f"{P}grpSp" and not any(c.tag in (f"{P}pic", f"{P}graphicFrame")
                                             for c in el.iter()):
            continue
        kind = _graphic_kind(el)
        c = _c_nv(el)
        descr = _fold(c.get("descr") or "") if c is not None else ""
        if kind == "table":
            pr = el.find(f".//{A}tbl/{A}tblPr")
            if pr is None or pr.get("firstRow") not in ("1", "true"):
                out.append(f"slide {n}: table-header: a table without a header row")
            if not (descr or (c is not None and c.get("title"))):
                out.append(f"slide {n}: alt-text: a table without alt text")
        elif not descr or _FILE_NAME.fullmatch(descr):
            out.append(f"slide {n}: alt-text: a {kind} without alt text")
    total = inside = 0
    for sp in sps:
        t = _text(sp)
        if not t or _ph(sp) in FIELDS or any(
                (_c_nv(g) is not None and _c_nv(g).get("descr"))
                for g in sp.iterancestors(f"{P}grpSp")):
            continue
        total += len(t)
        inside += len(t) if _ph(sp) in OUTLINE else 0
    if total and inside / total < 0.85:
        out.append(f"slide {n}: outline: {round(100 * inside / total)} % of the text in "
                   "title/body placeholders")
    missing = 0
    for body in sld.iter(f"{P}txBody", f"{A}txBody"):
        for r in body.iter(f"{A}r"):
            t = r.find(f"{A}t")
            rpr = r.find(f"{A}rPr")
            if t is not None and (t.text or "").strip() and not (
                    rpr is not None and rpr.get("lang")) and not default_lang:
                missing += 1
    if missing:
        out.append(f"slide {n}: language: {missing} runs without a language")
    return out


def a11y_review(path: Path) -> list[str]:
    """Every accessibility issue of the deck, one line each; empty when it passes."""
    with zipfile.ZipFile(path) as z:
        def xml(name: str):
            return etree.fromstring(z.read(name))

        prs = xml("ppt/presentation.xml")
        rels = {r.get("Id"): r.get("Target") for r in xml("ppt/_rels/presentation.xml.rels")}
        default = prs.find(f"{P}defaultTextStyle/{A}lvl1pPr/{A}defRPr")
        default_lang = default.get("lang") if default is not None else None
        out: list[str] = []
        titles: dict[str, list[int]] = {}
        ids = prs.find(f"{P}sldIdLst")
        rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
        for n, sld_id in enumerate(ids if ids is not None else [], 1):
            sld = xml("ppt/" + rels[sld_id.get(rid)].lstrip("/").removeprefix("ppt/"))
            if sld.get("show") in ("0", "false"):
                continue
            out += _slide_issues(n, sld, default_lang, titles)
        for title, nums in titles.items():
            out += [f"slide {m}: unique-title: same title as slide {nums[0]}: {title[:40]!r}"
                    for m in nums[1:]]
        core = xml("docProps/core.xml") if "docProps/core.xml" in z.namelist() else None
        dc = core.find("{http://purl.org/dc/elements/1.1/}title") if core is not None else None
        if dc is None or not _fold(dc.text or ""):
            out.append("deck: doc-title: the document has no title")
    return out


review = a11y_review  # the name the every-kind tests import it under
