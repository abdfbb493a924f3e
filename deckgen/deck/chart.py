"""The statistic as a native, editable doughnut chart in theme colours.

A native chart (with its embedded workbook) lets the presenter change the numbers in
PowerPoint; theme colours make it follow the template. python-pptx writes negative axis ids,
which the schema types as unsigned; charts with axes get them renumbered consistently.
"""

from __future__ import annotations

from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.util import Pt

from deckgen.deck.chart_colour import set_theme_colour
from deckgen.pitch.plan import ChartSpec

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"

def chart_data(spec: ChartSpec) -> CategoryChartData:
    data = CategoryChartData(number_format='0" %"')
    data.categories = list(spec.labels)
    data.add_series("Anteil", list(spec.percents))
    return data


def _readable_on(fill: str, colors: dict[str, str]) -> Any:
    """tx1 or bg1, whichever reads better on ``fill``: labels must stay legible in any theme."""
    from deckgen.typeset.contrast import contrast_ratio

    dark = contrast_ratio(colors["tx1"], fill) >= contrast_ratio(colors["bg1"], fill)
    return MSO_THEME_COLOR.TEXT_1 if dark else MSO_THEME_COLOR.BACKGROUND_1


def _set_fill(fill: Any, ref: Any) -> None:
    """A theme colour with its luminance shift, so the chart follows a theme change (or the
    brand colour the template paints, where its theme has only Office's accents)."""
    set_theme_colour(fill.fore_color, ref)


def style_chart(chart: Any, lang: str, colors: dict[str, str], bg: str,
                shown: tuple[str, ...] = (), brand: str | None = None,
                frame: tuple[int, int, list[str]] | None = None) -> None:
    """Accent colours from the theme, labels on the ring, legend below, no chart title.

    Slices are chosen against the real background ``bg`` (see `slice_colours`); one that
    does not stand 3:1 against it or its neighbour is outlined (`chart_contrast`). ``shown``:
    the shares as the deck's language writes them ("46,5 %"), shown as the slices' labels (a
    number format would show the viewer's locale and round to whole percent). ``frame``: the
    chart's width and height in EMU and its legend's entries (`deckgen.deck.chart_legend`).
    """
    from deckgen.deck.chart_contrast import outline_weak
    from deckgen.typeset.contrast import slice_colours
    chart.has_title = False
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(14)
    if frame is not None:  # entries that would not fit side by side get rows of their own
        from deckgen.deck.chart_legend import fit_legend

        chart.legend.font.size = Pt(fit_legend(chart, frame[2], frame[0], frame[1], 14.0))
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = '0" %"'
    labels.number_format_is_linked = False
    labels.show_value = True
    labels.font.size = Pt(16)
    labels.font.bold = True
    highlight, rest = slice_colours(colors, bg, brand)
    series = plot.series[0]
    legend_font = chart.legend.font
    legend_font.color.theme_color = _readable_on(bg, colors)  # the legend sits on the slide
    for i, ref in enumerate((highlight, rest)):
        point = series.points[i]
        point.format.fill.solid()
        _set_fill(point.format.fill, ref)
        on_slice = _readable_on(ref.resolve(colors), colors)
        if i < len(shown):
            _label_text(point.data_label, shown[i], lang, on_slice)
        point.data_label.font.color.theme_color = on_slice
        point.data_label.font.size = Pt(16)
        point.data_label.font.bold = True
    outline_weak([series.points[0], series.points[1]], colors, bg, ring=True)
    hole = chart._chartSpace.find(f".//{_C}holeSize")
    if hole is not None:
        hole.set("val", "60")
    for rpr in chart._chartSpace.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}defRPr"):
        rpr.set("lang", lang)
    fix_axis_ids(chart._chartSpace)


def _label_text(label: Any, text: str, lang: str, colour: Any) -> None:
    """A data label showing ``text`` as written, in the deck's language."""
    frame = label.text_frame
    frame.text = text
    for run in frame.paragraphs[0].runs:
        run.font._rPr.set("lang", lang)
        run.font.size = Pt(16)
        run.font.bold = True
        run.font.color.theme_color = colour


def fix_axis_ids(chart_space: Any) -> None:
    """Renumber negative ``c:axId``/``c:crossAx`` values to positive ones, keeping pairs intact."""
    mapping: dict[str, str] = {}
    for el in chart_space.iter(f"{_C}axId", f"{_C}crossAx"):
        val = el.get("val", "")
        if val.startswith("-"):
            mapping.setdefault(val, str(50000000 + len(mapping) + 1))
            el.set("val", mapping[val])


def add_chart(shapes: Any, spec: ChartSpec, box: Any, placeholder: Any | None, lang: str,
              colors: dict[str, str], bg: str | None = None, brand: str | None = None) -> Any:
    """Insert into a chart placeholder when the layout has one, else at ``box``."""
    data = chart_data(spec)
    if placeholder is not None and hasattr(placeholder, "insert_chart"):
        frame = placeholder.insert_chart(XL_CHART_TYPE.DOUGHNUT, data)
    else:
        frame = shapes.add_chart(XL_CHART_TYPE.DOUGHNUT, box.x, box.y, box.w, box.h, data)
    bg = bg if bg and bg.startswith("#") else colors["bg1"]
    if "/" in bg and not _reads_on_all(colors, bg, brand):
        bg = _back(frame.chart, bg, colors)
    style_chart(frame.chart, lang, colors, bg, spec.value_labels, brand,
                (int(frame.width), int(frame.height), list(spec.labels)))
    frame._element.xpath("./p:nvGraphicFramePr/p:cNvPr")[0].set("descr", spec.alt_text)
    return frame


def _reads_on_all(colors: dict[str, str], bg: str, brand: str | None) -> bool:
    """The slices stand out on every part of a backdrop of several colours (a light
    gradient): then the chart needs no panel of its own."""
    from deckgen.typeset.contrast import colours_of, contrast_ratio, lightness, slice_colours

    highlight, rest = slice_colours(colors, bg, brand)
    hi, lo = highlight.resolve(colors), rest.resolve(colors)
    return all(contrast_ratio(hi, part) >= 3.0 and abs(lightness(lo) - lightness(part)) >= 8
               for part in colours_of(bg))


def _back(chart: Any, bg: str, colors: dict[str, str]) -> str:
    """A chart over dark and light artwork at once gets a see-through panel in the theme's
    background colour (slices could not stand out from both); returns what it then sits on."""
    from lxml import etree

    from deckgen.deck.legibility import BACKING_ALPHA
    from deckgen.typeset.contrast import colours_of, mix

    space = chart._chartSpace
    sppr = space.find(f"{_C}spPr")
    if sppr is None:
        sppr = etree.SubElement(space, f"{_C}spPr")
        anchor = space.find(f"{_C}chart")
        anchor.addnext(sppr)
    for child in list(sppr):
        if child.tag.endswith(("Fill", "noFill")):
            sppr.remove(child)
    sppr.insert(0, etree.fromstring(
        f'<a:solidFill xmlns:a="{_A[1:-1]}"><a:schemeClr val="bg1"><a:alpha val="{BACKING_ALPHA}"/>'
        '</a:schemeClr></a:solidFill>'))
    return "/".join(mix(part, colors["bg1"], BACKING_ALPHA / 100_000) for part in colours_of(bg))
