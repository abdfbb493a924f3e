"""An image slide's picture: in the layout's picture placeholder, or scaled into a box.

python-pptx's ``insert_picture`` crops a picture to fill its placeholder; a pitch's chart
screenshot or diagram must not lose its edges, so the crop is undone and the picture is
scaled to fit inside the placeholder's area instead, centred, never distorted. The picture
keeps its place in the placeholder (so "Reset slide" and the layout still apply) and gets the
content's alt text for screen readers.
"""

from __future__ import annotations

from typing import Any

from deckgen.pitch.plan import ImageSpec


def fit_inside(w_px: int, h_px: int, x: int, y: int, w: int, h: int) -> tuple[int, int, int, int]:
    """The largest box of the picture's aspect ratio inside (x, y, w, h), centred."""
    scale = min(w / w_px, h / h_px)
    pw, ph = int(w_px * scale), int(h_px * scale)
    return x + (w - pw) // 2, y + (h - ph) // 2, pw, ph


def _box(target: Any) -> tuple[int, int, int, int]:
    if hasattr(target, "x"):
        return int(target.x), int(target.y), int(target.w), int(target.h)
    return int(target.left), int(target.top), int(target.width), int(target.height)


def place_picture(slide: Any, placeholder_or_box: Any, spec: ImageSpec) -> Any:
    """Insert ``spec``'s picture; returns the picture shape.

    ``placeholder_or_box``: a python-pptx picture placeholder (``insert_picture``), or anything
    with ``x, y, w, h`` in EMU (`deckgen.geometry.Box`), or left/top/width/height.
    """
    x, y, w, h = _box(placeholder_or_box)
    left, top, width, height = fit_inside(spec.width_px, spec.height_px, x, y, w, h)
    if hasattr(placeholder_or_box, "insert_picture"):
        pic = placeholder_or_box.insert_picture(spec.path)
        pic.crop_left = pic.crop_right = pic.crop_top = pic.crop_bottom = 0.0
        pic.left, pic.top, pic.width, pic.height = left, top, width, height
    else:
        pic = slide.shapes.add_picture(spec.path, left, top, width, height)
    c_nv = pic._element.xpath("./p:nvPicPr/p:cNvPr")[0]
    c_nv.set("descr", spec.alt)
    return pic
