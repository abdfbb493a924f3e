"""A table slide's data as a native PowerPoint table in the template's table style.

A native table stays editable (rows, columns, cell text) and takes its look from the
presentation's default table style, banded, so it follows the template's theme colours instead
of fixed ones. Set as a typesetter sets a table: the header row marked (``firstRow``) and bold;
numbers right-aligned so their digits line up, with their heading; text left-aligned; column
widths from what each column holds, measured with the theme's font (a number never wraps); one
size for the whole table, the largest at which its rows fit; cells centred vertically with
even padding; text in a colour that reads on the style's bands. Cell text keeps the content's
markup and language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from lxml import etree

from deckgen.deck.runs import write_para
from deckgen.pitch.plan import Para, TableSpec

EMU_PER_PT = 12700
# "Medium Style 2 – Accent 1": PowerPoint's own default, drawn from the theme's colours.
FALLBACK_STYLE = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"
MAX_PT, MIN_PT = 18.0, 10.0
PAD_X, PAD_Y = 0.45, 0.3  # cell padding, as a share of the text size
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_NSA = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
# the fallback style's body bands and text, as PowerPoint defines it (not in the file)
_FALLBACK_BANDS = ('<a:schemeClr {ns} val="accent1"><a:tint val="20000"/></a:schemeClr>',
                   '<a:schemeClr {ns} val="accent1"><a:tint val="40000"/></a:schemeClr>')
_FALLBACK_TEXT = '<a:schemeClr {ns} val="dk1"/>'


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


class _Measure:
    """Widths and line counts of cell texts at one size, with the table's font."""

    def __init__(self, font: str, size: float) -> None:
        from deckgen.typeset.fonts import metrics

        self.size = size
        self.regular, self.bold = metrics(font, False), metrics(font, True)

    def width(self, text: str, bold: bool) -> float:
        m = self.bold if bold else self.regular
        return max((m.width(line) for line in text.split("\n")), default=0.0) * self.size

    def word(self, text: str, bold: bool) -> float:
        m = self.bold if bold else self.regular
        return max((m.width(w) for w in text.split()), default=0.0) * self.size

    def lines(self, text: str, bold: bool, width_pt: float) -> int:
        m = self.bold if bold else self.regular
        space, count = m.width(" ") * self.size, 0
        for line in text.split("\n"):
            used, count = 0.0, count + 1
            for word in line.split():
                w = m.width(word) * self.size
                if used and used + space + w > width_pt:
                    count, used = count + 1, w
                else:
                    used = used + space + w if used else w
        return count

    @property
    def line(self) -> float:
        return self.size * self.regular.line


def column_widths(spec: TableSpec, total: int, size: float = 14.0,
                  font: str = "Calibri") -> list[int] | None:
    """Widths (EMU) summing to ``total`` from what each column holds at ``size``, or None when
    the columns cannot hold their longest word (or a number on one line) at that size."""
    m = _Measure(font, size)
    pad = 2 * PAD_X * size * 1.02
    numeric = spec.numeric or (False,) * len(spec.header)
    natural, least = [], []
    for j, head in enumerate(spec.header):
        cells = [(head.text, True)] + [(row[j].text, False) for row in spec.rows]
        natural.append(max(m.width(t, b) for t, b in cells) + pad)
        # a number stays on one line; text may wrap, but never inside a word
        least.append(natural[-1] if numeric[j] else max(m.word(t, b) for t, b in cells) + pad)
    total_pt = total / EMU_PER_PT / 1.02
    if sum(least) > total_pt:
        return None
    if sum(natural) <= total_pt:
        extra = (total_pt - sum(natural)) / len(natural)  # the room to spare, shared evenly
        widths = [n + extra for n in natural]
    else:  # text columns wrap: they share what the numbers leave, by how much they say
        fixed = sum(n for n, num in zip(natural, numeric) if num)
        texts = [n for n, num in zip(natural, numeric) if not num]
        room = total_pt - fixed
        widths = [n if num else max(least[j], room * n / sum(texts))
                  for j, (n, num) in enumerate(zip(natural, numeric))]
        over = sum(widths) - total_pt
        if over > 0:  # the words' minimum pushed past the total: take it from the widest
            widest = max((j for j, num in enumerate(numeric) if not num),
                         key=lambda j: widths[j] - least[j])
            widths[widest] -= over
            if widths[widest] < least[widest]:
                return None
    emu = [int(w / sum(widths) * total) for w in widths]
    emu[-1] += total - sum(emu)
    return emu


def _height(spec: TableSpec, widths: Sequence[int], size: float, font: str) -> float:
    """Points the rows take at ``size`` in these widths."""
    m = _Measure(font, size)
    total = 0.0
    for i, row in enumerate([spec.header, *spec.rows]):
        lines = max(m.lines(p.text, i == 0, w / EMU_PER_PT - 2 * PAD_X * size)
                    for p, w in zip(row, widths))
        total += lines * m.line + 2 * PAD_Y * size
    return total / 0.94


def layout(spec: TableSpec, width: int, height: int, font: str = "Calibri",
           largest: float = MAX_PT) -> tuple[float, list[int]]:
    """The table's size (the largest from ``largest`` down that fits) and column widths."""
    size = largest
    while size >= MIN_PT:
        widths = column_widths(spec, width, size, font)
        if widths is not None and _height(spec, widths, size, font) * EMU_PER_PT <= height:
            return size, widths
        size -= 0.5
    widths = column_widths(spec, width, MIN_PT, font)
    return MIN_PT, widths or [width // len(spec.header)] * len(spec.header)


def add_table(slide: Any, box_or_placeholder: Any, spec: TableSpec, lang: str,
              style_id: str | None = None, fonts: Mapping[str, str] | None = None,
              scheme: Mapping[str, str] | None = None, left: int | None = None) -> Any:
    """Insert the table into a table placeholder, else into the given box; returns the frame.

    ``box_or_placeholder``: a python-pptx table placeholder (``insert_table``), or anything with
    ``x, y, w, h`` in EMU (`deckgen.geometry.Box`), or a shape's left/top/width/height.
    ``style_id``: a table style GUID; default: the presentation's default table style.
    ``fonts``: the theme's fonts (``+mn-lt`` → face) to measure with; ``scheme``: the theme's
    colours, to keep the body text readable on the style's bands; ``left``: where the table's
    edge goes (the title's text edge), inside the box.
    """
    n_rows, n_cols = len(spec.rows) + 1, len(spec.header)
    x, y, w, h = _box(box_or_placeholder)
    if left is not None and x < left < x + w // 2:
        x, w = left, w - (left - x)
    if hasattr(box_or_placeholder, "insert_table"):
        frame = box_or_placeholder.insert_table(n_rows, n_cols)
    else:
        frame = slide.shapes.add_table(n_rows, n_cols, x, y, w, h)
    frame.left, frame.width = x, w
    table = frame.table
    tbl_pr = table._tbl.tblPr
    style = tbl_pr.find(f"{_A}tableStyleId")
    if style is None:
        style = etree.SubElement(tbl_pr, f"{_A}tableStyleId")
    style.text = style_id or default_style_id(slide.part.package.presentation_part)
    table.first_row = True
    table.horz_banding = True
    font = (fonts or {}).get("+mn-lt", "Calibri")
    size, widths = layout(spec, w, h, font)
    for j, width in enumerate(widths):
        table.columns[j].width = width
    m = _Measure(font, size)
    numeric = spec.numeric or (False,) * n_cols
    for i, row in enumerate([spec.header, *spec.rows]):
        lines = max(m.lines(p.text, i == 0, wd / EMU_PER_PT - 2 * PAD_X * size)
                    for p, wd in zip(row, widths))
        table.rows[i].height = int((lines * m.line + 2 * PAD_Y * size) * EMU_PER_PT / 0.94)
        for j, para in enumerate(row):
            _cell(table.cell(i, j), para, lang, size, numeric[j], header=i == 0)
    frame.height = sum(r.height for r in table.rows)
    if scheme:
        _body_colour(frame, scheme, style.text)
    frame._element.xpath("./p:nvGraphicFramePr/p:cNvPr")[0].set(
        "descr", " | ".join(p.text for p in spec.header))
    return frame


def _cell(cell: Any, para: Para, lang: str, size: float, numeric: bool, header: bool) -> None:
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN

    frame = cell.text_frame
    frame.word_wrap = True
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    pad_x, pad_y = int(PAD_X * size * EMU_PER_PT), int(PAD_Y * size * EMU_PER_PT)
    cell.margin_left = cell.margin_right = pad_x
    cell.margin_top = cell.margin_bottom = pad_y
    p = frame.paragraphs[0]
    for r in list(p.runs):
        p._p.remove(r._r)
    p.alignment = PP_ALIGN.RIGHT if numeric else PP_ALIGN.LEFT
    write_para(p, para, lang, size)
    if header:
        for r in p.runs:
            r.font.bold = True


def _body_colour(frame: Any, scheme: Mapping[str, str], style_id: str | None) -> None:
    """The body rows' text in a colour that reads on both of the style's bands: the style's
    own where it does (written out, so LibreOffice agrees), else the theme's text or
    background colour, whichever reads better (a dark theme's ``dk1`` is light)."""
    from pptx.oxml import parse_xml

    from deckgen.typeset.backdrop import color
    from deckgen.typeset.contrast import contrast_ratio

    bands, text = _style_colours(frame, style_id)
    fills = [c for c in (color(b, scheme) for b in bands) if c]
    if not fills:
        return
    own = color(text, scheme) if text is not None else None
    options = ([(own, etree.tostring(text, encoding=str))] if own else []) + [
        (scheme[s], f'<a:schemeClr {_NSA} val="{s}"/>') for s in ("tx1", "bg1") if s in scheme]
    best = max(options, key=lambda o: min(contrast_ratio(o[0], f) for f in fills))
    if best[0] == own and min(contrast_ratio(own, f) for f in fills) >= 4.5 and own:
        return  # the style reads as it is
    rows = frame._element.findall(f".//{_A}tr")[1:]
    for row in rows:
        for rpr in row.iter(f"{_A}rPr", f"{_A}endParaRPr"):
            for old in rpr.findall(f"{_A}solidFill"):
                rpr.remove(old)
            rpr.insert(0, parse_xml(f"<a:solidFill {_NSA}>{best[1]}</a:solidFill>"))


def _style_colours(frame: Any, style_id: str | None) -> tuple[list[Any], Any]:
    """(band fills, body text colour) of the table's style, as colour elements."""
    try:
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT

        prs_part = frame.part.package.presentation_part
        root = etree.fromstring(prs_part.part_related_by(RT.TABLE_STYLES).blob)
        for style in root.iter(f"{_A}tblStyle"):
            if style.get("styleId") == style_id:
                bands = [style.find(f"{_A}{part}/{_A}tcStyle/{_A}fill/{_A}solidFill")
                         for part in ("wholeTbl", "band1H")]
                text = style.find(f"{_A}wholeTbl/{_A}tcTxStyle")
                colour = next((c for c in (text if text is not None else ())
                               if not c.tag.endswith(("font", "fontRef"))), None)
                return [b[0] for b in bands if b is not None and len(b)], colour
    except Exception:  # noqa: BLE001 - no table styles part: the built-in style applies
        pass
    if style_id != FALLBACK_STYLE:
        return [], None
    return ([etree.fromstring(b.format(ns=_NSA)) for b in _FALLBACK_BANDS],
            etree.fromstring(_FALLBACK_TEXT.format(ns=_NSA)))
