"""New figures into a chart a person may have restyled, keeping their styling.

The merge decides per field; a chart's field hash covers only its data (series, categories,
values), so a person who recoloured slices, moved the legend or changed the label font has
left the data "untouched" and must get the new figures in *their* chart, not deckgen's fresh
one. python-pptx's ``replace_data`` rewrites exactly the series' names, categories and values
(and the embedded workbook) and leaves every other element of the series and plot alone.
"""

from __future__ import annotations

from typing import Any

from deckgen.update.fingerprint import NS_C

_C = f"{{{NS_C}}}"


def _chart_of(slide: Any, el: Any) -> Any:
    shape = next((sh for sh in slide.shapes if sh._element is el), None)
    return shape.chart if shape is not None and getattr(shape, "has_chart", False) else None


def _number_format(series_el: Any) -> str:
    code = series_el.find(f"{_C}val/{_C}numRef/{_C}numCache/{_C}formatCode")
    return code.text if code is not None and code.text else "General"


def chart_data_of(chart: Any) -> Any:
    """The chart's data as python-pptx chart data: what it shows, nothing of its look."""
    from pptx.chart.data import CategoryChartData

    plot = chart.plots[0]
    series = list(plot.series)
    data = CategoryChartData(number_format=_number_format(series[0]._element) if series
                             else "General")
    data.categories = [str(c) for c in plot.categories]
    for ser in series:
        data.add_series(ser.name, list(ser.values), _number_format(ser._element))
    return data


def refresh_chart(slide: Any, base_el: Any, fresh_slide: Any, fresh_el: Any) -> bool:
    """Put the fresh chart's data into the person's chart; False if that cannot be done
    (a chart type python-pptx cannot refill), and the caller replaces the chart whole."""
    mine, fresh = _chart_of(slide, base_el), _chart_of(fresh_slide, fresh_el)
    if mine is None or fresh is None:
        return False
    try:
        mine.replace_data(chart_data_of(fresh))
    except Exception:  # noqa: BLE001 - an XY, bubble or damaged chart: not refillable in place
        return False
    return True
