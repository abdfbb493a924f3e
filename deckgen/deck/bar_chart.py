"""A statistic's comparison or trend as a native, editable clustered bar or column chart.

Native, so the presenter can change the numbers in PowerPoint; theme accent colours per
series, so it follows the template. Value labels are written as text formatted for the deck's
language ("46,5 %" in German, "46.5%" in English): a number format alone would show the
viewer's locale, not the deck's. The workbook keeps the numbers with a matching number format.
"""

from __future__ import annotations

from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_TICK_LABEL_POSITION
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.util import Pt

from deckgen.deck.chart import fix_axis_ids
from deckgen.pitch.plan import ChartSpec

_ACCENTS = (MSO_THEME_COLOR.ACCENT_1, MSO_THEME_COLOR.ACCENT_2, MSO_THEME_COLOR.ACCENT_3,
            MSO_THEME_COLOR.ACCENT_4, MSO_THEME_COLOR.ACCENT_5, MSO_THEME_COLOR.ACCENT_6)
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
LABEL_PT = 14


def bar_chart_data(spec: ChartSpec) -> CategoryChartData:
    data = CategoryChartData(number_format=spec.number_format)
    data.categories = list(spec.categories)
    for series in spec.series:
        data.add_series(series.name, list(series.values))
    return data


def _box(target: Any) -> tuple[int, int, int, int]:
    if hasattr(target, "x"):
        return int(target.x), int(target.y), int(target.w), int(target.h)
    return int(target.left), int(target.top), int(target.width), int(target.height)


def add_bar_chart(slide: Any, box_or_placeholder: Any, spec: ChartSpec, lang: str,
                  colors: dict[str, str] | None = None, bg: str = "") -> Any:
    """Insert the chart into a chart placeholder, else into the box; returns the graphic frame.

    ``spec.kind`` is ``bar`` (horizontal, first category on top) or ``column``.
    ``box_or_placeholder``: a python-pptx chart placeholder (``insert_chart``), or anything with
    ``x, y, w, h`` in EMU (`deckgen.geometry.Box`), or left/top/width/height.
    """
    kind = XL_CHART_TYPE.BAR_CLUSTERED if spec.kind == "bar" else XL_CHART_TYPE.COLUMN_CLUSTERED
    data = bar_chart_data(spec)
    if hasattr(box_or_placeholder, "insert_chart"):
        frame = box_or_placeholder.insert_chart(kind, data)
    else:
        x, y, w, h = _box(box_or_placeholder)
        frame = slide.shapes.add_chart(kind, x, y, w, h, data)
    style_bar_chart(frame.chart, spec, lang, colors, bg)
    frame._element.xpath("./p:nvGraphicFramePr/p:cNvPr")[0].set("descr", spec.alt_text)
    return frame


def style_bar_chart(chart: Any, spec: ChartSpec, lang: str,
                    colors: dict[str, str] | None = None, bg: str = "") -> None:
    """Accent colour per series, language-formatted value labels, no gridlines or title.

    The legend names every series, one series too: its name carries what is counted and the
    unit ("Tickets (thousands)"), which the bars alone do not say. A series that does not
    stand 3:1 against the background (``bg``, with the theme ``colors``) or its neighbour is
    outlined (`deckgen.deck.chart_contrast`), so its legend swatch shows too.
    """
    chart.has_title = False
    many = len(spec.series) > 1
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(LABEL_PT)
    chart.legend.font.color.theme_color = MSO_THEME_COLOR.TEXT_1
    plot = chart.plots[0]
    plot.gap_width = 60 if many else 80
    plot.overlap = -10 if many else 0
    cat = chart.category_axis
    cat.tick_labels.font.size = Pt(LABEL_PT)
    cat.tick_labels.font.color.theme_color = MSO_THEME_COLOR.TEXT_1
    cat.has_major_gridlines = False
    if any(v < 0 for s in spec.series for v in s.values):
        cat.tick_label_position = XL_TICK_LABEL_POSITION.LOW  # names clear of negative bars
    if spec.kind == "bar":
        cat.reverse_order = True  # bars read top-down in the order the author wrote them
    val = chart.value_axis
    val.visible = False  # every bar carries its value: an axis would say it twice
    val.has_major_gridlines = False
    val.tick_labels.number_format = spec.number_format
    val.tick_labels.number_format_is_linked = False
    for i, (series, data) in enumerate(zip(plot.series, spec.series)):
        fill = series.format.fill
        fill.solid()
        fill.fore_color.theme_color = _ACCENTS[i % len(_ACCENTS)]
        series.invert_if_negative = False
        for j, label in enumerate(data.value_labels):
            dl = series.points[j].data_label
            dl.position = XL_LABEL_POSITION.OUTSIDE_END
            frame = dl.text_frame
            frame.text = label
            run = frame.paragraphs[0].runs[0]
            run.font.size = Pt(LABEL_PT)
            run.font.color.theme_color = MSO_THEME_COLOR.TEXT_1
            run.font._rPr.set("lang", lang)
    if colors:
        from deckgen.deck.chart_contrast import outline_weak

        outline_weak(list(plot.series), colors, bg, touching=False)  # bars have gaps
    for rpr in chart._chartSpace.iter(f"{_A}defRPr", f"{_A}rPr", f"{_A}endParaRPr"):
        rpr.set("lang", lang)
    fix_axis_ids(chart._chartSpace)

