"""A chart legend whose entries fit side by side, or are given rows of their own.

A doughnut's legend sits below it, its entries in one row. In a narrow chart frame (a
statistic beside its figure) the entries do not fit side by side: PowerPoint then wraps them,
LibreOffice prints them over each other. So where they would not fit, the legend gets a
manual layout across the frame with one row per entry (every renderer then stacks them), and a
size at which the longest entry fits the frame's width (no less than `MIN_PT`).
"""

from __future__ import annotations

from typing import Any

from lxml import etree

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
EM = 0.56  # the width of an average character in ems (Calibri, Carlito, Arial run narrower)
SWATCH = 2.2  # the swatch and its gap before the text, in ems
GAP = 1.5  # between entries side by side, in ems
MIN_PT = 10.0


def fit_legend(chart: Any, labels: list[str], width: int, height: int, size: float) -> float:
    """The legend's size after fitting it into a frame ``width`` × ``height`` EMU."""
    width_pt = width / 12700
    ems = [len(label) * EM + SWATCH for label in labels]
    if not labels or width_pt <= 0 or sum(ems) + GAP * (len(ems) - 1) <= 0.92 * width_pt / size:
        return size  # one row fits: the renderer's own layout is right
    size = max(MIN_PT, min(size, 0.92 * width_pt / max(ems)))
    legend = chart._chartSpace.find(f"{C}chart/{C}legend")
    if legend is None or height <= 0:
        return size
    rows_h = len(labels) * size * 1.35 * 12700 / height
    h = min(rows_h + 0.02, 0.4)
    for old in legend.findall(f"{C}layout"):
        legend.remove(old)
    layout = etree.SubElement(legend, f"{C}layout")
    manual = etree.SubElement(layout, f"{C}manualLayout")
    for tag, val in (("xMode", "edge"), ("yMode", "edge"), ("x", "0.02"),
                     ("y", f"{1 - h - 0.01:.4f}"), ("w", "0.96"), ("h", f"{h:.4f}")):
        etree.SubElement(manual, f"{C}{tag}", val=val)
    # c:layout comes after c:legendPos and c:legendEntry, before c:overlay
    before = [el for el in legend if etree.QName(el).localname in ("legendPos", "legendEntry")]
    legend.remove(layout)
    legend.insert(legend.index(before[-1]) + 1 if before else 0, layout)
    return size
