"""A doughnut's legend in a narrow frame gets a row per entry instead of overprinting."""

from __future__ import annotations

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

from deckgen.deck.chart import style_chart

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
LABELS = ["Eigene Abteilung/Stabsstelle", "Ohne eigene Einheit"]
COLORS = {"bg1": "#FFFFFF", "tx1": "#000000", "dk1": "#000000", "lt1": "#FFFFFF",
          **{f"accent{n}": "#4472C4" for n in range(1, 7)}}


def _chart(width_in: float):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    data = CategoryChartData()
    data.categories = LABELS
    data.add_series("Anteil", (10, 90))
    w, h = Inches(width_in), Inches(3)
    frame = slide.shapes.add_chart(XL_CHART_TYPE.DOUGHNUT, 0, 0, w, h, data)
    style_chart(frame.chart, "de-DE", COLORS, "#FFFFFF", ("10 %", "90 %"), None,
                (int(w), int(h), LABELS))
    return frame.chart


def test_a_narrow_frame_stacks_the_legend_entries_at_a_size_that_fits():
    chart = _chart(2.6)
    legend = chart._chartSpace.find(f"{C}chart/{C}legend")
    manual = legend.find(f"{C}layout/{C}manualLayout")
    assert manual is not None
    names = [el.tag.split("}")[1] for el in legend]
    assert names.index("legendPos") < names.index("layout") < names.index("overlay")
    h = float(manual.find(f"{C}h").get("val"))
    assert 0 < h <= 0.4 and float(manual.find(f"{C}y").get("val")) + h <= 1.0
    assert 10 <= chart.legend.font.size.pt <= 14


def test_a_wide_frame_keeps_the_renderers_own_legend_layout():
    chart = _chart(8.0)
    legend = chart._chartSpace.find(f"{C}chart/{C}legend")
    assert legend.find(f"{C}layout/{C}manualLayout") is None
    assert chart.legend.font.size.pt == 14
