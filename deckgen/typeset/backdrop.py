"""What colour a text will have, and what is behind it, read from the template's XML.

A template's colours are only legible together with what they sit on: a grey footer reads on
white and not on grey, a link colour can equal a layout's background. So contrast is checked
against the layout's real backdrop: the slide, layout or master background, the filled shapes
and pictures of layout and master under the box, and the placeholder's own fill. What is not
one colour (the stretch of a gradient under the box, a photo, a pattern, panels the box
crosses) is given as its darkest and lightest part, ``"#dark/#light"``, and text must read on
both; a picture that cannot be read is ``UNKNOWN``.
"""

from __future__ import annotations

import colorsys
import copy
from collections.abc import Mapping
from typing import Any

from lxml import etree

from deckgen.geometry import Box
from deckgen.ooxml import shape_box
from deckgen.typeset.contrast import to_hex
from deckgen.typeset.shape_area import painted_share
from deckgen.typeset.shape_fill import shape_props

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
UNKNOWN = "unknown"
_PRESET = {"black": "#000000", "white": "#FFFFFF", "red": "#FF0000", "green": "#008000",
           "blue": "#0000FF", "yellow": "#FFFF00", "gray": "#808080", "grey": "#808080"}


def _pct(value: str | None, default: int) -> float:
    if value is None:
        return default / 100000
    try:
        return int(value.rstrip("%")) / 100000
    except ValueError:
        return default / 100000


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _gamma(c: float) -> float:
    c = min(max(c, 0.0), 1.0)
    return c * 12.92 if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def color(el: Any, scheme: Mapping[str, str]) -> str | None:
    """A DrawingML colour element → ``#RRGGBB`` with its luminance transforms applied."""
    tag = el.tag.rsplit("}", 1)[-1]
    if tag == "srgbClr":
        base = "#" + (el.get("val") or "000000").upper()
    elif tag == "sysClr":
        base = "#" + (el.get("lastClr") or ("000000" if el.get("val") == "windowText"
                                            else "FFFFFF")).upper()
    elif tag == "schemeClr":
        base = scheme.get(el.get("val") or "")
        if base is None:
            return None
    elif tag == "prstClr":
        base = _PRESET.get(el.get("val") or "", "#000000")
    else:
        return None
    if len(base) != 7:
        return None
    r, g, b = (int(base[i:i + 2], 16) / 255 for i in (1, 3, 5))
    for t in el:
        name = t.tag.rsplit("}", 1)[-1]
        v = _pct(t.get("val"), 100000)
        if name in ("lumMod", "lumOff", "satMod"):
            h, lum, s = colorsys.rgb_to_hls(r, g, b)
            if name == "satMod":
                s = s * v
            else:
                lum = lum * v if name == "lumMod" else lum + v
            r, g, b = colorsys.hls_to_rgb(h, min(max(lum, 0), 1), min(max(s, 0), 1))
        elif name in ("tint", "shade"):  # in linear light, as LibreOffice and Office apply it
            lin = [_linear(c) for c in (r, g, b)]
            lin = [1 - (1 - c) * v for c in lin] if name == "tint" else [c * v for c in lin]
            r, g, b = (_gamma(c) for c in lin)
    return to_hex((r, g, b))


def fill(props: Any, scheme: Mapping[str, str], area: tuple[Box, Box] | None = None,
         ) -> str | None:
    """The colour a ``spPr``/``bgPr`` paints: solid, the colours of a gradient under the
    box (``area``: text box, painted box; `deckgen.typeset.gradient`), ``UNKNOWN`` for a
    picture, ``None`` when it paints nothing."""
    if props is None:
        return None
    solid = props.find(f"{A}solidFill")
    if solid is not None and len(solid):
        return color(solid[0], scheme)
    grad = props.find(f"{A}gradFill")
    if grad is not None:
        from deckgen.typeset.gradient import gradient_colours

        painted = gradient_colours(grad, lambda el: color(el, scheme), area)
        if painted:
            return painted
    if props.find(f"{A}blipFill") is not None:
        return UNKNOWN
    # a pattern shows both of its colours: text on it must read on each
    found = [color(el[0], scheme) for el in (props.find(f"{A}pattFill/{A}fgClr"),
                                             props.find(f"{A}pattFill/{A}bgClr"))
             if el is not None and len(el)]
    found = [c for c in dict.fromkeys(found) if c]
    if found:
        return "/".join(found)
    return None


def _background(part: Any, scheme: Mapping[str, str], styles: list[Any],
                area: tuple[Box, Box]) -> str | None:
    bg = part._element.find(f"{P}cSld/{P}bg")
    if bg is None:
        return None
    pr = bg.find(f"{P}bgPr")
    if pr is not None:
        painted = fill(pr, scheme, area)
        if painted == UNKNOWN:
            return _picture_colour(part, pr, *area)
        return painted
    ref = bg.find(f"{P}bgRef")
    if ref is not None and len(ref):
        ref_colour = color(ref[0], scheme)
        try:
            idx = int(ref.get("idx") or 0)
        except ValueError:
            idx = 0
        # 1001 and up name the theme's background fill styles, painted in the reference
        # colour ("phClr"): the style decides whether it is solid, tinted or a gradient.
        if 1001 <= idx < 1001 + len(styles) and ref_colour:
            holder = etree.Element(f"{A}holder")
            holder.append(copy.deepcopy(styles[idx - 1001]))
            return fill(holder, {**scheme, "phClr": ref_colour}, area)
        return ref_colour
    return None


_STYLES: dict[int, tuple[Any, list[Any]]] = {}


def _bg_styles(layout: Any) -> list[Any]:
    """The theme's background fill styles, parsed once per theme part."""
    part = layout.slide_master.part
    cached = _STYLES.get(id(part))
    if cached is not None and cached[0] is part:
        return cached[1]
    styles = _parse_bg_styles(layout)
    if len(_STYLES) > 16:
        _STYLES.clear()
    _STYLES[id(part)] = (part, styles)
    return styles


def _parse_bg_styles(layout: Any) -> list[Any]:
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        blob = layout.slide_master.part.part_related_by(RT.THEME).blob
        root = etree.fromstring(blob, etree.XMLParser(resolve_entities=False, no_network=True))
    except Exception:  # noqa: BLE001 - no theme, or a broken one: no styles to apply
        return []
    lst = root.find(f".//{A}fmtScheme/{A}bgFillStyleLst")
    return list(lst) if lst is not None else []


def behind(layout: Any, box: Box, scheme: Mapping[str, str], ph_fills: tuple[Any, ...] = (),
           under: Any = None) -> str:
    """The colour behind ``box`` on a slide of ``layout``; ``UNKNOWN`` over a picture.

    ``under``: a part whose own background the slide takes instead of the layout's (the
    background the template's example slides set themselves)."""
    lay = layout._element
    styles = _bg_styles(layout)
    prs_el = layout.part.package.presentation_part._element
    size = prs_el.find(f"{P}sldSz")
    slide = Box(0, 0, int(size.get("cx")), int(size.get("cy"))) if size is not None else box
    colour = ((_background(under, scheme, styles, (box, slide)) if under is not None else None)
              or _background(layout.part, scheme, styles, (box, slide))
              or _background(layout.slide_master.part, scheme, styles, (box, slide))
              or scheme.get("bg1", "#FFFFFF"))
    parts = [layout.part] if lay.get("showMasterSp") in ("0", "false") else [
        layout.slide_master.part, layout.part]
    cx, cy = box.x + box.w // 2, box.y + box.h // 2
    # what covers part of the box: the text crosses it too (a mosaic of panels, a band)
    partial: list[str] = []
    for part in parts:
        tree = part._element.find(f"{P}cSld/{P}spTree")
        for shape, b in _painted(tree):
            if b is None:
                continue
            covered = b.intersection(box)
            if covered < 0.05 * box.area:
                continue
            main = covered >= 0.5 * box.area or (b.x <= cx <= b.right and b.y <= cy <= b.bottom)
            if shape.tag == f"{P}sp":  # a freeform's or an ellipse's box is not what it paints
                share = painted_share(shape, b, box)
                if abs(share * box.area - covered) > 0.02 * box.area:
                    covered = int(share * box.area)
                    if covered < 0.05 * box.area:
                        continue
                    main = share >= 0.5
            if shape.tag == f"{P}pic":
                painted = _picture_colour(part, shape.find(f"{P}blipFill"), box, b)
            else:
                props = shape_props(shape)
                painted = painted_over(colour, props, scheme, (box, b))
                if not main and fill(props, scheme) is None:
                    continue  # paints nothing
            if covered >= 0.99 * box.area:
                partial = []  # hidden under a shape that covers the whole box
            if main:
                colour = painted
            elif painted != UNKNOWN:
                partial.append(painted)
    for props in ph_fills:
        colour = painted_over(colour, props, scheme)
        if fill(props, scheme):
            partial = []  # the placeholder's own fill is what the text sits on
    return _span(colour, partial)


def _span(colour: str, partial: list[str]) -> str:
    """One colour, or the darkest and lightest of several as ``"#dark/#light"``."""
    if colour == UNKNOWN or not partial:
        return colour
    from deckgen.typeset.contrast import colours_of, contrast_ratio, luminance

    every = sorted({c for value in (colour, *partial) for c in colours_of(value)},
                   key=luminance)
    if contrast_ratio(every[0], every[-1]) < 1.25:
        return colour
    return f"{every[0]}/{every[-1]}"


def _painted(tree: Any, place: Any = None) -> Any:
    """(shape, box on the slide) for every shape that is not a placeholder, in drawing
    order; the shapes inside a group count one by one, placed through the group's own
    child coordinates (a template's decoration is often a group of filled shapes)."""
    if tree is None:
        return
    for shape in tree:
        if not isinstance(shape.tag, str) or (
                shape.tag != f"{P}grpSp" and shape.find(f".//{P}nvPr/{P}ph") is not None):
            continue
        b = shape_box(shape)
        if b is not None and place is not None:
            b = place(b)
        if shape.tag == f"{P}grpSp":
            yield from _painted(shape, group_place(shape, place))
        elif shape.tag in (f"{P}sp", f"{P}pic", f"{P}cxnSp"):
            yield shape, b


def group_place(group: Any, outer: Any) -> Any:
    """Maps a box in the group's child coordinates to the slide."""
    xfrm = group.find(f"{P}grpSpPr/{A}xfrm")
    try:
        off, ext = xfrm.find(f"{A}off"), xfrm.find(f"{A}ext")
        ch_off, ch_ext = xfrm.find(f"{A}chOff"), xfrm.find(f"{A}chExt")
        ox, oy, ew, eh = (int(v) for v in (off.get("x"), off.get("y"), ext.get("cx"),
                                            ext.get("cy")))
        cx, cy, cw, chh = (int(v) for v in (ch_off.get("x"), ch_off.get("y"),
                                             ch_ext.get("cx"), ch_ext.get("cy")))
    except (AttributeError, TypeError, ValueError):
        return outer
    sx, sy = (ew / cw if cw else 1.0), (eh / chh if chh else 1.0)

    def place(b: Box) -> Box:
        mapped = Box(int(ox + (b.x - cx) * sx), int(oy + (b.y - cy) * sy), int(b.w * sx),
                     int(b.h * sy))
        return outer(mapped) if outer is not None else mapped

    return place


def painted_over(below: str, props: Any, scheme: Mapping[str, str],
                 area: tuple[Box, Box] | None = None) -> str:
    """What a fill painted over ``below`` shows: itself, or blended where it is see-through
    (a white panel at 30 % over black is dark grey, not white)."""
    painted = fill(props, scheme, area)
    if not painted:
        return below
    grad = props.find(f"{A}gradFill")
    if grad is not None and below != UNKNOWN:
        from deckgen.typeset.gradient import gradient_colours

        return gradient_colours(grad, lambda el: color(el, scheme), area, below) or painted
    solid = props.find(f"{A}solidFill")
    alpha_el = solid[0].find(f"{A}alpha") if solid is not None and len(solid) else None
    alpha = _pct(alpha_el.get("val"), 100000) if alpha_el is not None else 1.0
    if alpha >= 0.999 or painted == UNKNOWN or below == UNKNOWN:
        return painted
    from deckgen.typeset.contrast import colours_of, mix

    return "/".join(mix(part, painted, max(alpha, 0.0)) for part in colours_of(below))


def _picture_colour(part: Any, holder: Any, box: Box, pic: Box) -> str:
    """The colours of the part of a picture under ``box`` (stretched over ``pic``).

    Text on a photo has no single background: it must read on the darker and on the
    lighter parts under it alike. So a region that is nearly one colour gives its median
    colour, and any other gives its darkest and lightest tenth as ``"#dark/#light"``, which
    `deckgen.typeset.contrast` checks text against both (an average would pass white text on
    a photo that is half white). A picture that cannot be read stays unknown.
    """
    blip = holder.find(f".//{A}blip") if holder is not None else None
    rid = blip.get(f"{R}embed") if blip is not None else None
    if not rid or pic.w <= 0 or pic.h <= 0:
        return UNKNOWN
    try:
        import io

        from PIL import Image

        data = part.related_part(rid).blob
        with Image.open(io.BytesIO(data)) as img:
            img.draft("RGB", (256, 256))
            img.thumbnail((256, 256))
            if img.mode.startswith("I"):  # 16-bit grey: Pillow would clip it to white
                img = img.convert("I").point(lambda v: v * (1 / 256)).convert("L")
            rgba = img.convert("RGBA")
            flat = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            flat.alpha_composite(rgba)
            w, h = flat.size
            x0 = max(0, int((box.x - pic.x) / pic.w * w))
            y0 = max(0, int((box.y - pic.y) / pic.h * h))
            x1 = min(w, max(x0 + 1, int((box.right - pic.x) / pic.w * w)))
            y1 = min(h, max(y0 + 1, int((box.bottom - pic.y) / pic.h * h)))
            region = flat.crop((x0, y0, x1, y1)).convert("RGB")
            region.thumbnail((48, 48))
            raw = region.tobytes()  # RGB triples (getdata is deprecated in Pillow 12)
            pixels = sorted((tuple(raw[i:i + 3]) for i in range(0, len(raw), 3)),
                            key=lambda c: 2126 * c[0] + 7152 * c[1] + 722 * c[2])
    except Exception:  # noqa: BLE001 - a broken or exotic picture: nothing can be said
        return UNKNOWN
    if not pixels:
        return UNKNOWN
    dark, mid, light = (pixels[int(q * (len(pixels) - 1))] for q in (0.1, 0.5, 0.9))
    hexes = [f"#{r:02X}{g:02X}{b:02X}" for r, g, b in (dark, mid, light)]
    from deckgen.typeset.contrast import contrast_ratio

    if contrast_ratio(hexes[0], hexes[2]) < 1.25:  # about one colour
        return hexes[1]
    return f"{hexes[0]}/{hexes[2]}"
