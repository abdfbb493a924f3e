"""What a drawn shape paints with: its own fill, or its shape style's.

Kept apart (and free of the template stage) so template reading and backdrop analysis both
use it without importing each other.
"""

from __future__ import annotations

import copy
from typing import Any

from lxml import etree

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_FILLS = ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill")


def shape_props(shape: Any) -> Any:
    """What a shape paints with: its ``spPr``, or, where that names no fill, the fill of its
    shape style (``p:style/a:fillRef``): a rectangle inserted in PowerPoint and never
    recoloured is painted in the style's colour (accent 1) with nothing in its ``spPr``."""
    sppr = shape.find(f"{P}spPr")
    if sppr is not None and any(sppr.find(f"{A}{k}") is not None for k in _FILLS):
        return sppr
    ref = shape.find(f"{P}style/{A}fillRef")
    try:
        idx = int(ref.get("idx") or 0) if ref is not None else 0
    except ValueError:
        idx = 0
    if idx <= 0 or ref is None or not len(ref):
        return sppr
    holder = etree.Element(f"{P}spPr")
    etree.SubElement(holder, f"{A}solidFill").append(copy.deepcopy(ref[0]))
    return holder
