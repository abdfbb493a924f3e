"""A table slide's data as a native PowerPoint table in the template's table style.

A native table stays editable (rows, columns, cell text) and takes its look from the
presentation's default table style, so it follows the template's theme colours instead of
fixed ones. Cell text keeps the content's markup and language. Column widths follow how much
each column says, and one font size is chosen for the whole table so its rows fit the box.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from deckgen.deck.runs import write_para
from deckgen.pitch.plan import TableSpec

EMU_PER_PT = 12700
# "Medium Style 2 – Accent 1": PowerPoint's own default, drawn from the theme's colours.
FALLBACK_STYLE = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"
MAX_PT, MIN_PT = 18.0, 10.0
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def default_style_id(prs_part: Any) -> str:
    """The presentation's default table style (``tableStyles.xml``, attribute ``def``)."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        root = etree.fromstring(prs_part.part_related_by(RT.TABLE_STYLES).blob)
    except Exception:  # noqa: BLE001 - no or unreadable part: PowerPoint's default applies
        return FALLBACK_STYLE
    return root.get("def") or FALLBACK_STYLE


def _box(target: Any) -> tuple[int, int, int, int]:
    if hasattr(target, "x"):
        return int(target.x), int(target.y), int(target.w), int(target.h)
    return int(target.left), int(target.top), int(target.width), int(target.height)


def column_widths(spec: TableSpec, total: int) -> list[int]:
    """Widths by the longest word and the amount of text per column, summing to ``total``."""
    cols = len(spec.header)
    need = []
    for j in range(cols):
        cells = [spec.header[j].text] + [row[j].text for row in spec.rows]
        longest_word = max((len(w) for c in cells for w in c.split()), default=1)
        longest = max(len(c) for c in cells)
        need.append(max(longest_word, min(longest, 40) * 0.6, 3))
    scale = total / sum(need)
    widths = [int(n * scale) for n in need]
    floor = int(total / cols * 0.5)  # no column squeezed below half an even share
    widths = [max(w, floor) for w in widths]
    widths[-1] += total - sum(widths)
    excess = sum(widths) - total
    if excess:
        widest = widths.index(max(widths))
        widths[widest] -= excess
    return widths


def font_size(spec: TableSpec, widths: list[int], height: int) -> float:
    """Largest size (MAX_PT down to MIN_PT) at which the estimated rows fit ``height``."""
    rows = [spec.header, *spec.rows]
    size = MAX_PT
    while size > MIN_PT:
        total = 0.0
        for row in rows:
            lines = 1
            for para, w in zip(row, widths):
                usable = w / EMU_PER_PT - 14  # the cell's default left/right margins
                per_line = max(usable / (size * 0.55), 1)
                lines = max(lines, sum(-(-max(len(part), 1) // int(per_line))
                                       for part in para.text.split("\n")))
            total += lines * size * 1.2 + 7.2  # line height, top/bottom margins
        if total * EMU_PER_PT <= height:
            return size
        size -= 1
    return MIN_PT


def add_table(slide: Any, box_or_placeholder: Any, spec: TableSpec, lang: str,
              style_id: str | None = None) -> Any:
    """Insert the table into a table placeholder, else into the given box; returns the frame.

    ``box_or_placeholder``: a python-pptx table placeholder (``insert_table``), or anything with
    ``x, y, w, h`` in EMU (`deckgen.template.geometry.Box`), or a shape's left/top/width/height.
    ``style_id``: a table style GUID; default: the presentation's default table style.
    """
    n_rows, n_cols = len(spec.rows) + 1, len(spec.header)
    x, y, w, h = _box(box_or_placeholder)
    if hasattr(box_or_placeholder, "insert_table"):
        frame = box_or_placeholder.insert_table(n_rows, n_cols)
    else:
        frame = slide.shapes.add_table(n_rows, n_cols, x, y, w, h)
    table = frame.table
    tbl_pr = table._tbl.tblPr
    style = tbl_pr.find(f"{_A}tableStyleId")
    if style is None:
        style = etree.SubElement(tbl_pr, f"{_A}tableStyleId")
    style.text = style_id or default_style_id(slide.part.package.presentation_part)
    table.first_row = True
    table.horz_banding = True
    widths = column_widths(spec, w)
    for j, width in enumerate(widths):
        table.columns[j].width = width
    size = font_size(spec, widths, h)
    # rows are minimum heights (PowerPoint grows a row to its text); a short table stays short
    row_h = min(h // n_rows, int((size * 2.4 + 7.2) * EMU_PER_PT))
    for i, row in enumerate([spec.header, *spec.rows]):
        table.rows[i].height = row_h
        for j, para in enumerate(row):
            cell = table.cell(i, j)
            frame_ = cell.text_frame
            frame_.word_wrap = True
            p = frame_.paragraphs[0]
            for r in list(p.runs):
                p._p.remove(r._r)
            if spec.numeric and spec.numeric[j] and i:
                from pptx.enum.text import PP_ALIGN

                p.alignment = PP_ALIGN.RIGHT
            write_para(p, para, lang, size)
    frame.height = row_h * n_rows
    frame._element.xpath("./p:nvGraphicFramePr/p:cNvPr")[0].set(
        "descr", " | ".join(p.text for p in spec.header))
    return frame
