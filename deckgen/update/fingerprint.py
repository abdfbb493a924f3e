"""What a deck says, hashed: slide texts, notes and chart data, not its bytes.

PowerPoint and LibreOffice rewrite every part when they save (new zip, new part names, new
ids, explicit positions, ``docProps`` of their own), so a hash over the package calls an
opened-and-saved deck "edited". These hashes cover only what a person reads: the text of each
shape in slide order, the table cells, the chart's series, categories and values, and the
speaker notes. Fields a program refreshes by itself (the slide number) are left out, and text
is normalised the way both programs write it back (no trailing empty paragraphs, no ``\\r``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A, P, C = f"{{{NS_A}}}", f"{{{NS_P}}}", f"{{{NS_C}}}"
TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
SKIPPED_PH = ("sldNum",)  # refreshed by every program on save; never a person's edit


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Adjacent spans as one: LibreOffice splits runs where PowerPoint does not."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if b <= a:
            continue
        if out and out[-1][1] == a:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _look(rpr: Any) -> dict[str, str | None]:
    """A run's own colour, size and typeface (None: inherited)."""
    if rpr is None:
        return {"c": None, "s": None, "f": None}
    fill = rpr.find(f"{A}solidFill")
    colour = fill[0].get("val") if fill is not None and len(fill) else None
    latin = rpr.find(f"{A}latin")
    return {"c": colour, "s": rpr.get("sz"), "f": latin.get("typeface") if latin is not None
            else None}


def emphasis(tx: Any) -> str:
    """Where part of a paragraph looks different from the rest: a person's accent.

    Bold, italic or underline on some, not all, of a paragraph, or a word in another colour,
    size or typeface than the paragraph's most common one. LibreOffice writes every inherited
    property out on every run, so a property over a whole paragraph says nothing (nor can it be
    told from a re-save); a single word that differs does.
    """
    out = []
    for n, p in enumerate(tx.iter(f"{A}p")):
        marks: dict[str, list[tuple[int, int]]] = {"b": [], "i": [], "u": []}
        looks: list[tuple[int, int, dict[str, str | None]]] = []
        pos = 0
        for r in p.iter(f"{A}r"):
            size = len("".join(t.text or "" for t in r.iter(f"{A}t")))
            rpr = r.find(f"{A}rPr")
            link = rpr is not None and rpr.find(f"{A}hlinkClick") is not None
            for attr in marks:
                val = rpr.get(attr) if rpr is not None else None
                if attr == "u" and link:
                    continue  # LibreOffice underlines every link it saves
                if val not in (None, "0", "false", "none"):
                    marks[attr].append((pos, pos + size))
            if size and r.find(f"{A}t") is not None and (r.find(f"{A}t").text or "").strip():
                look = _look(rpr)
                if link:
                    look["c"] = "link"  # a link takes the theme's link colour, wherever written
                looks.append((pos, pos + size, look))
            pos += size
        for attr, spans in marks.items():
            covered = sum(b - a for a, b in spans)
            if 0 < covered < pos:
                out.append(f"{n}{attr}{_merged(spans)}")
        for attr in ("c", "s", "f"):
            weight: dict[str | None, int] = {}
            for a, b, look in looks:
                weight[look[attr]] = weight.get(look[attr], 0) + b - a
            if len(weight) > 1:
                common = max(weight, key=lambda v: (weight[v], str(v)))
                spans = _merged([(a, b) for a, b, look in looks if look[attr] != common])
                out.append(f"{n}{attr}{spans}")
    return ";".join(out)


def short_hash(text: str) -> str:
    """16 hex digits: enough to tell texts apart, short enough for a manifest of many."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def body_text(tx: Any) -> str:
    """A text body as plain text: paragraphs by ``\\n``, line breaks as ``\\v``."""
    paras = []
    for p in tx.iter(f"{A}p"):
        out = []
        for el in p:
            if el.tag in (f"{A}r", f"{A}fld"):
                out.append("".join(t.text or "" for t in el.iter(f"{A}t")))
            elif el.tag == f"{A}br":
                out.append("\v")
        paras.append("".join(out).replace("\r", ""))
    while paras and not paras[-1].strip():
        paras.pop()
    return "\n".join(paras)


def ph_type(el: Any) -> str | None:
    """The placeholder type of a shape (``body`` when the ``p:ph`` has none), else None."""
    ph = el.find(f"./*/{P}nvPr/{P}ph")
    return None if ph is None else ph.get("type", "body")


def frame_kind(el: Any) -> str:
    """``text``, ``table``, ``chart``, ``picture``, ``group`` or ``other`` for a tree child."""
    tag = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
    if tag == "sp":
        return "text" if el.find(f"{P}txBody") is not None else "other"
    if tag == "pic":
        return "picture"
    if tag == "grpSp":
        return "group"
    if tag == "graphicFrame":
        data = el.find(f"{A}graphic/{A}graphicData")
        uri = data.get("uri") if data is not None else ""
        return {TABLE_URI: "table", CHART_URI: "chart"}.get(uri or "", "other")
    return "other"


def table_text(el: Any) -> str:
    rows = []
    for tr in el.iter(f"{A}tr"):
        rows.append("\t".join(body_text(tc.find(f"{A}txBody")) if tc.find(f"{A}txBody")
                              is not None else "" for tc in tr.iter(f"{A}tc")))
    return "\n".join(rows)


def chart_part(slide_part: Any, el: Any) -> Any:
    ref = el.find(f"{A}graphic/{A}graphicData/{C}chart")
    rid = ref.get(f"{{{NS_R}}}id") if ref is not None else None
    return slide_part.related_part(rid) if rid and rid in slide_part.rels else None


def _number(text: str) -> str:
    try:
        return repr(float(text))
    except ValueError:
        return text.strip()


def chart_text(chart_el: Any) -> str:
    """Series names, categories and values in order: what the chart shows, not its styling."""
    out = []
    for ser in chart_el.iter(f"{C}ser"):
        parts = []
        for name in ("tx", "cat", "val", "xVal", "yVal"):
            node = ser.find(f"{C}{name}")
            if node is None:
                continue
            points = sorted((int(pt.get("idx", "0")), pt.findtext(f"{C}v") or "")
                             for pt in node.iter(f"{C}pt"))
            conv = _number if name in ("val", "yVal") else str.strip
            parts.append(name + "=" + "|".join(conv(v) for _, v in points))
        out.append(";".join(parts))
    return "\n".join(out)


def shape_text(slide_part: Any, el: Any, kind: str | None = None) -> str | None:
    """What a person reads in one shape, or None for shapes that hold no content of ours.

    ``kind``: the shape's `frame_kind`, where the caller has it already."""
    kind = kind or frame_kind(el)
    if kind == "text":
        if ph_type(el) in SKIPPED_PH:
            return None
        return body_text(el.find(f"{P}txBody"))
    if kind == "table":
        return table_text(el)
    if kind == "chart":
        part = chart_part(slide_part, el)
        return chart_text(part._element) if part is not None else ""
    if kind == "picture":
        return picture_text(slide_part, el)
    if kind == "group":  # key figures, a roadmap: what its shapes say, in order
        return "\n".join(body_text(tx) for tx in el.iter(f"{P}txBody"))
    return None


def picture_text(slide_part: Any, el: Any) -> str:
    """A picture by its image's bytes, which PowerPoint and LibreOffice keep as they are:
    a picture a person swapped is an edit, one re-saved is not."""
    blip = el.find(f"{P}blipFill/{A}blip")
    rid = blip.get(f"{{{NS_R}}}embed") if blip is not None else None
    if not rid or rid not in slide_part.rels or slide_part.rels[rid].is_external:
        return "image:"
    return "image:" + hashlib.sha256(slide_part.related_part(rid).blob).hexdigest()[:16]


def notes_text(slide: Any) -> str:
    """The text of the slide's notes page body (python-pptx's ``notes_text_frame``, read
    straight from the XML: a batch asks this twice per slide and deck)."""
    for rel in slide.part.rels.values():
        if rel.is_external or not rel.reltype.endswith("/notesSlide"):
            continue
        root = getattr(rel.target_part, "_element", None)
        for sp in root.iter(f"{P}sp") if root is not None else ():
            ph = sp.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
            if ph is not None and ph.get("type") == "body":
                tx = sp.find(f"{P}txBody")
                return body_text(tx) if tx is not None else ""
        return ""
    return ""


def tree_shapes(slide: Any) -> Iterator[Any]:
    """The slide's shapes in tree order, groups opened (their members are edited singly)."""
    stack = list(slide.shapes._spTree)[::-1]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str) or el.tag in (f"{P}nvGrpSpPr", f"{P}grpSpPr"):
            continue
        if frame_kind(el) == "group":
            stack.extend(list(el)[::-1])
            continue
        yield el


def content_digest(prs: Any, memo: dict[Any, str | None] | None = None) -> str:
    """One hash over every slide's texts (with their emphasis), tables, charts and notes.

    ``memo``: the readings `stamp` took of the same deck a moment before (`reading`)."""
    h = hashlib.sha256()
    for slide in prs.slides:
        h.update(b"\x00slide")
        for el in tree_shapes(slide):
            kind = frame_kind(el)  # once per shape: it is asked for up to three times
            text = reading(slide.part, el, kind, memo)
            if text is not None:
                h.update(b"\x01" + kind.encode() + b"\x02" + text.encode("utf-8"))
            elif ph_type(el) not in SKIPPED_PH:  # a picture or drawing someone added counts
                h.update(b"\x01" + kind.encode())
        h.update(b"\x03notes" + notes_text(slide).encode("utf-8"))
    return h.hexdigest()


def reading(slide_part: Any, el: Any, kind: str | None = None,
            memo: dict[Any, str | None] | None = None) -> str | None:
    """What `shape_text` reads, with a text body's emphasis (a word a person coloured is an
    edit too). A new deck is read twice, for its manifest and for its mark; ``memo`` keeps
    the first reading for the second (the shapes do not change in between)."""
    if memo is not None and el in memo:
        return memo[el]
    kind = kind or frame_kind(el)
    text = shape_text(slide_part, el, kind)
    if text is not None and kind == "text":
        text += "\x00" + emphasis(el.find(f"{P}txBody"))
    if memo is not None:
        memo[el] = text
    return text


def saved_presentation(path: Any) -> Any:
    """A deck on disk as a `Presentation`; None if it cannot be read as one."""
    import io

    from pptx import Presentation

    from deckgen.bounded import MAX_DECK_BYTES, read_regular

    try:
        return Presentation(io.BytesIO(read_regular(path, MAX_DECK_BYTES, "deck")))
    except Exception:  # noqa: BLE001 - anything unreadable is simply not our unchanged deck
        return None


def field_hash(slide_part: Any, el: Any,
               memo: dict[Any, str | None] | None = None) -> str | None:
    """A field's hash for the merge: its text and, for text bodies, a person's emphasis."""
    text = reading(slide_part, el, None, memo)
    return None if text is None else short_hash(text)
