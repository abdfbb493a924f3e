"""The design review the shared `design_check` tool does, done on the deck's XML.

These rules are what a presentation designer checks first and what the issue asks for:
hierarchy, one type scale, minimum sizes, nothing overlapping, contrast, charts whose slices
can be told apart, URLs without invisible characters and company names that stay on one line.
They read sizes as stored (the run's ``sz`` or what the placeholder inherits), boxes as stored
(the shape's own ``xfrm`` or its layout placeholder's) and colours through the theme.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pptx import Presentation

from deckgen.geometry import Box
from deckgen.template.index import index_presentation
from deckgen.typeset.backdrop import UNKNOWN, behind, color
from deckgen.typeset.contrast import contrast_ratio, distinct, needed
from deckgen.typeset.styles import box_style, theme_colors

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
FIGURE = re.compile(r"^(?=.*\d).{1,14}$")
URL = re.compile(r"(?:https?://|www\.)\S+")


def _kind(sp) -> str:
    ph = sp.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
    if ph is None:
        name = sp.find(f"{P}nvSpPr/{P}cNvPr").get("name", "")
        return "title" if name.startswith("Title") else "body"
    t = ph.get("type") or "obj"
    return {"title": "title", "ctrTitle": "title", "dt": "footer", "ftr": "footer",
            "sldNum": "footer"}.get(t, "body")


def _layout_ph(slide, sp):
    ph = sp.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
    if ph is None:
        return None
    for lph in slide.slide_layout.placeholders:
        lel = lph._element.ph
        if (lel.get("type") or "obj") == (ph.get("type") or "obj") and \
                (lel.get("idx") or "0") == (ph.get("idx") or "0"):
            return lph._element
    return None


def _box(slide, sp, info) -> Box | None:
    off = sp.find(f"{P}spPr/{A}xfrm/{A}off")
    ext = sp.find(f"{P}spPr/{A}xfrm/{A}ext")
    if off is None:
        off = sp.find(f"{P}xfrm/{A}off")
        ext = sp.find(f"{P}xfrm/{A}ext")
    if off is not None and ext is not None:
        return Box(int(off.get("x")), int(off.get("y")), int(ext.get("cx")), int(ext.get("cy")))
    lph = _layout_ph(slide, sp)
    if lph is not None:
        for p in info.placeholders:
            if info.layout.placeholders and p.name == (lph.find(f".//{P}cNvPr").get("name")):
                return p.box
    return None


def _texts(prs, slide, info):
    out = []
    for sp in slide.shapes._spTree.iter(f"{P}sp"):
        body = sp.find(f"{P}txBody")
        if body is None or not "".join(body.itertext()).strip():
            continue
        kind = _kind(sp)
        lph = _layout_ph(slide, sp)
        style = box_style(slide.slide_layout, lph, "title" if kind == "title" else
                          "ftr" if kind == "footer" else "body")
        runs = []
        for p in body.iter(f"{A}p"):
            ppr = p.find(f"{A}pPr")
            lvl = int(ppr.get("lvl", "0")) if ppr is not None else 0
            ptext = "".join(t.text or "" for t in p.iter(f"{A}t"))
            for r in p.iter(f"{A}r", f"{A}fld"):
                rpr = r.find(f"{A}rPr")
                sz = rpr.get("sz") if rpr is not None else None
                size = int(sz) / 100 if sz else style.levels[min(lvl, 2)].size / 100
                fill = rpr.find(f"{A}solidFill") if rpr is not None else None
                link = rpr is not None and rpr.find(f"{A}hlinkClick") is not None
                runs.append({"text": r.findtext(f"{A}t") or "", "size": size, "para": ptext,
                             "fill": fill[0] if fill is not None and len(fill) else None,
                             "level": style.levels[min(lvl, 2)], "link": link,
                             # bold as the run says, else as its style does (as design_check)
                             "bold": rpr.get("b") in ("1", "true") if rpr is not None and
                             rpr.get("b") is not None else style.levels[min(lvl, 2)].bold})
        box = _box(slide, sp, info)
        out.append({"sp": sp, "kind": kind, "runs": runs, "box": box,
                    "area": _text_area(sp, box) if box else None,
                    "placed": sp.find(f"{P}spPr/{A}xfrm") is not None,
                    "name": sp.find(f"{P}nvSpPr/{P}cNvPr").get("name"), "lph": lph})
    return out


# the text rectangle of preset shapes whose text is kept off their edges (ECMA-376
# presetShapeDefinitions.xml): the default adjustment, and the rectangle from it
_ADJ = {"chevron": 50000, "homePlate": 50000, "roundRect": 16667}


def _text_area(sp, box: Box) -> Box:
    """Where a shape's text can be: nested chevrons overlap as shapes, their texts do not."""
    geom = sp.find(f"{P}spPr/{A}prstGeom")
    prst = geom.get("prst") if geom is not None else ""
    if prst not in _ADJ:
        return box
    gd = geom.find(f"{A}avLst/{A}gd")
    adj = int(gd.get("fmla").split()[-1]) if gd is not None else _ADJ[prst]
    ss = min(box.w, box.h)
    if prst == "roundRect":
        i = int(ss * adj / 100000 * 0.29289)
        return Box(box.x + i, box.y + i, box.w - 2 * i, box.h - 2 * i)
    d = int(ss * adj / 100000)
    if prst == "homePlate":
        return Box(box.x, box.y, box.w - d // 2, box.h)
    return Box(box.x + d, box.y, box.w - 2 * d, box.h) if box.w > 2 * d else box


def review(path: Path, company: str = "") -> list[str]:
    """Every rule the deck breaks, one line each (empty: the deck passes)."""
    prs = Presentation(str(path))
    issues: list[str] = []
    factor = prs.slide_width / 12192000
    infos = {id(li.layout.part): li for li in index_presentation(prs)}
    title_sizes: list[tuple[int, Box, float]] = []
    for n, slide in enumerate(prs.slides, 1):
        info = infos[id(slide.slide_layout.part)]
        # each slide's own master, through the colour map its layout sets over it
        scheme = theme_colors(slide.slide_layout.slide_master, slide.slide_layout)
        texts = _texts(prs, slide, info)
        title = next((t for t in texts if t["kind"] == "title"), None)
        tsize = max(r["size"] for r in title["runs"]) if title else None
        if title and title["box"]:
            title_sizes.append((n, title["box"], tsize))
        for t in texts:
            for r in t["runs"]:
                need = 6 if t["kind"] == "footer" else (20 if t["kind"] == "title" else 14) * factor
                if r["size"] < need - 0.01 and r["text"].strip():
                    issues.append(f"slide {n}: min-size: {t['name']} {r['size']} pt < {need:.1f}")
            if title and t is not title and t["kind"] == "body":
                runs = [r for r in t["runs"] if not FIGURE.match(r["para"].strip())]
                big = max((r["size"] for r in runs), default=0)
                if big > tsize + 0.01:
                    issues.append(f"slide {n}: hierarchy: {t['name']} {big} pt > title {tsize}")
                if n == 1 and big and tsize < 1.15 * big - 0.01:
                    issues.append(f"slide {n}: hierarchy: title {tsize} < 1.15 x {big}")
            for r in t["runs"]:
                for url in URL.findall(r["text"]):
                    if any(unicodedata.category(ch) == "Cf" for ch in url):
                        issues.append(f"slide {n}: url-hyphen: {url!r}")
            plain = "".join(r["text"] for r in t["runs"])
            if company and " " in company and len(company) <= 40 and company in plain:
                issues.append(f"slide {n}: keep-together: {company!r} has breakable spaces")
            issues.extend(_contrast(n, t, slide, scheme))
        issues.extend(_overlaps(n, slide, texts, info))
        issues.extend(_charts(n, slide, scheme, info))
    issues.extend(_consistency(title_sizes))
    return issues


def _contrast(n, t, slide, scheme) -> list[str]:
    if t["box"] is None:
        return []
    # the placeholder's fill as PowerPoint inherits it: its own, else its layout's, else its
    # master's; the most specific one that names a fill (noFill included) wins
    fills = []
    lph = t["lph"]
    chain = [t["sp"].find(f"{P}spPr")]
    if lph is not None:
        chain.append(lph.find(f"{P}spPr"))
        ph = lph.find(f".//{P}nvPr/{P}ph")
        from deckgen.ooxml import master_phs, master_placeholder

        mph = master_placeholder(master_phs(slide.slide_layout.slide_master._element),
                                 (ph.get("type") if ph is not None else None) or "obj")
        chain.append(mph.find(f"{P}spPr") if mph is not None else None)
    for props in chain:
        if props is not None and any(props.find(f"{A}{k}") is not None for k in (
                "noFill", "solidFill", "gradFill", "blipFill", "pattFill")):
            if props.find(f"{A}noFill") is None:
                fills.append(props)
            break
    # a slide with a background of its own shows that one, not the layout's
    under = slide.part if slide._element.find(f"{P}cSld/{P}bg") is not None else None
    bg = behind(slide.slide_layout, t["box"], scheme, tuple(fills), under)
    if bg == UNKNOWN:
        return []
    out = []
    for r in t["runs"]:
        if not r["text"].strip():
            continue
        el = r["fill"] if r["fill"] is not None else r["level"].color
        if r["link"] and r["fill"] is None:
            fg = scheme["hlink"]
        else:
            fg = color(el, scheme) if el is not None else scheme["tx1"]
        need = needed(r["size"], r["bold"])
        if fg and contrast_ratio(fg, bg) < need - 0.01:
            out.append(f"slide {n}: contrast: {t['name']} {r['text'][:30]!r} {fg} on {bg} "
                       f"{contrast_ratio(fg, bg):.2f} < {need}")
            break
    return out


def _overlaps(n, slide, texts, info) -> list[str]:
    # two placeholders where the template itself puts them overlap by its own design
    boxes = [(t["name"], t["area"], t["placed"]) for t in texts
             if t["box"] and t["kind"] != "footer"]
    for gf in slide.shapes._spTree.iter(f"{P}graphicFrame", f"{P}pic"):
        off = gf.find(f"{P}xfrm/{A}off")
        if off is None:
            off = gf.find(f"{P}spPr/{A}xfrm/{A}off")
        ext = off.getnext() if off is not None else None
        if off is not None and ext is not None:
            boxes.append(("frame", Box(int(off.get("x")), int(off.get("y")), int(ext.get("cx")),
                                       int(ext.get("cy"))), True))
    out = []
    tol = 2 * 12700
    for i, (na, a, placed_a) in enumerate(boxes):
        for nb, b, placed_b in boxes[i + 1:]:
            w = min(a.right, b.right) - max(a.x, b.x)
            h = min(a.bottom, b.bottom) - max(a.y, b.y)
            if w > tol and h > tol and (placed_a or placed_b):
                out.append(f"slide {n}: overlap: {na} and {nb}")
        for o in info.obstacles:
            w = min(a.right, o.right) - max(a.x, o.x)
            h = min(a.bottom, o.bottom) - max(a.y, o.y)
            behind = o.x <= a.x and o.y <= a.y and o.right >= a.right and o.bottom >= a.bottom
            # a panel inside the text's own box is its backdrop as well (a logo is not)
            inside = (a.x <= o.x and a.y <= o.y and a.right >= o.right and a.bottom >= o.bottom
                      and o not in info.pictures)
            if w > tol and h > tol and not behind and not inside and na != "frame":
                out.append(f"slide {n}: overlap: {na} over the template's {o}")
    return out


def _charts(n, slide, scheme, info) -> list[str]:
    out = []
    for shape in slide.shapes:
        if not getattr(shape, "has_chart", False):
            continue
        space = shape.chart._chartSpace
        cols = []
        for dpt in space.iter(f"{C}dPt"):
            fill = dpt.find(f"{C}spPr/{A}solidFill")
            cols.append(color(fill[0], scheme) if fill is not None and len(fill) else None)
        box = Box(shape.left, shape.top, shape.width, shape.height)
        under = slide.part if slide._element.find(f"{P}cSld/{P}bg") is not None else None
        bg = behind(slide.slide_layout, box, scheme, (), under)
        own = space.find(f"{C}spPr")
        if own is not None and bg != UNKNOWN:  # the chart's own fill, as design_check reads it
            from deckgen.typeset.backdrop import painted_over

            bg = painted_over(bg, own, scheme)
        if len(cols) >= 2 and all(cols):
            if not distinct(cols[0], cols[1]):
                out.append(f"slide {n}: chart-contrast: {cols[0]} vs {cols[1]}")
            if bg != UNKNOWN and contrast_ratio(cols[0], bg) < 3.0:
                out.append(f"slide {n}: chart-contrast: first slice {cols[0]} on {bg}")
    return out


def _consistency(title_sizes: list[tuple[int, Box, float]]) -> list[str]:
    out = []
    tol = 91440
    groups: list[list[tuple[int, Box, float]]] = []
    for item in title_sizes:
        for g in groups:
            b = g[0][1]
            if all(abs(x - y) <= tol for x, y in zip((b.x, b.y, b.w, b.h),
                                                     (item[1].x, item[1].y, item[1].w,
                                                      item[1].h))):
                g.append(item)
                break
        else:
            groups.append([item])
    for g in groups:
        sizes = [s for _, _, s in g]
        if max(sizes) / min(sizes) > 1.10 + 1e-9:
            out.append(f"consistency: title sizes {sizes} in one title box")
    distinct_sizes = {round(s * 2) / 2 for n, _, s in title_sizes if n != 1}
    if len(distinct_sizes) > 3:
        out.append(f"consistency: {len(distinct_sizes)} title sizes {sorted(distinct_sizes)}")
    return out

