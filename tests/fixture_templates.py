"""Templates the tests build to mimic each class of real-world failure.

Each starts from python-pptx's own default template and changes one thing the way corporate,
Keynote or Google Slides templates do. No third-party template is copied into the project.
"""

from __future__ import annotations

import io
from pathlib import Path

from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.oxml import parse_xml
from pptx.util import Emu, Inches

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def _save(prs, path: Path) -> Path:
    prs.save(str(path))
    return path


def _layout(prs, name: str):
    return next(la for la in prs.slide_layouts if la.name == name)


def _ph(layout, ph_type: str | None = None, idx: int | None = None):
    for ph in layout.placeholders:
        el = ph._element.ph
        if (ph_type is None or (el.get("type") or "obj") == ph_type) and (
                idx is None or int(el.get("idx") or 0) == idx):
            return ph
    raise LookupError(ph_type)


def _place(shape, x: float, y: float, w: float, h: float) -> None:
    shape.left, shape.top, shape.width, shape.height = (Inches(x), Inches(y), Inches(w),
                                                        Inches(h))


def _theme(prs):
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    part = prs.slide_masters[0].part.part_related_by(RT.THEME)
    return part, etree.fromstring(part.blob)


def _set_theme_colour(prs, slot: str, hex_value: str) -> None:
    part, root = _theme(prs)
    el = root.find(f".//{A}clrScheme/{A}{slot}")
    for child in list(el):
        el.remove(child)
    etree.SubElement(el, f"{A}srgbClr", val=hex_value)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def no_placeholders(path: Path) -> Path:
    """A master and layouts without any placeholder (some Keynote and agency exports)."""
    prs = Presentation()
    for part in [prs.slide_masters[0], *prs.slide_layouts]:
        tree = part.shapes._spTree
        for sp in list(tree):
            if sp.find(f".//{P}nvPr/{P}ph") is not None:
                tree.remove(sp)
    return _save(prs, path)


def small_divider(path: Path) -> Path:
    """A "Divider" layout whose text box holds a line or two, not the plea's statement."""
    prs = Presentation()
    layout = _layout(prs, "Section Header")
    layout.name = "Divider"
    _place(_ph(layout, "body"), 1.0, 5.0, 3.0, 0.45)
    return _save(prs, path)


def title_at_bottom(path: Path) -> Path:
    """Content layouts with the title low on the slide and the body above it."""
    prs = Presentation()
    content = _layout(prs, "Title and Content")
    _place(_ph(content, "title"), 0.5, 5.9, 9.0, 1.2)
    _place(_ph(content, idx=1), 0.5, 0.5, 9.0, 5.2)
    two = _layout(prs, "Two Content")
    _place(_ph(two, "title"), 0.5, 5.9, 9.0, 1.2)
    _place(_ph(two, idx=1), 0.5, 0.5, 4.4, 5.2)
    _place(_ph(two, idx=2), 5.1, 0.5, 4.4, 5.2)
    return _save(prs, path)


def _png(colour: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (120, 60), colour).save(buf, "PNG")
    return buf.getvalue()


def logo_over_body(path: Path) -> Path:
    """A logo picture on the content layout, inside the area its body placeholder spans."""
    prs = Presentation()
    layout = _layout(prs, "Title and Content")
    _, rid = layout.part.get_or_add_image_part(io.BytesIO(_png()))
    from pptx.oxml.shapes.picture import CT_Picture

    pic = CT_Picture.new_pic(20, "Logo", "Logo", rid, Inches(7.6), Inches(1.7), Inches(1.9),
                             Inches(0.95))
    layout.shapes._spTree.append(pic)
    return _save(prs, path)


def grey_accents(path: Path) -> Path:
    """A theme whose first two accents are near-white greys (#DDDDDD, #CCCCCC)."""
    prs = Presentation()
    _set_theme_colour(prs, "accent1", "DDDDDD")
    _set_theme_colour(prs, "accent2", "CCCCCC")
    return _save(prs, path)


def hlink_like_background(path: Path) -> Path:
    """The theme's hyperlink colour equals the background: links would be invisible."""
    prs = Presentation()
    _set_theme_colour(prs, "hlink", "FFFFFF")
    return _save(prs, path)


def narrow_body(path: Path) -> Path:
    """Content layouts with a narrow body: the source URL cannot stay on one line."""
    prs = Presentation()
    _place(_ph(_layout(prs, "Title and Content"), "obj"), 0.5, 1.6, 3.2, 5.2)
    return _save(prs, path)


def sized(path: Path, width_in: float, height_in: float) -> Path:
    """Another slide size, every layout scaled with it (Keynote's 1920x1080 pt, 4:3 …)."""
    prs = Presentation()
    fx = Inches(width_in) / prs.slide_width
    fy = Inches(height_in) / prs.slide_height
    for part in [prs.slide_masters[0], *prs.slide_layouts]:
        for shape in part.shapes:
            own = shape._element.find(f"{P}spPr/{A}xfrm")
            if own is not None:  # inherited positions follow their (scaled) master
                shape.left, shape.top = Emu(int(shape.left * fx)), Emu(int(shape.top * fy))
                shape.width, shape.height = Emu(int(shape.width * fx)), Emu(
                    int(shape.height * fy))
    prs.slide_width, prs.slide_height = Inches(width_in), Inches(height_in)
    return _save(prs, path)


def renamed(path: Path, names: dict[str, str]) -> Path:
    """Layouts named as another application or UI language names them."""
    prs = Presentation()
    for layout in prs.slide_layouts:
        if layout.name in names:
            layout.name = names[layout.name]
        layout._element.attrib.pop("type", None)
    return _save(prs, path)


def purpose_layouts(path: Path) -> Path:
    """A corporate master with layouts made for a purpose: KPI, agenda, closing."""
    prs = Presentation()
    names = {"Two Content": "Kennzahl mit Diagramm", "Comparison": "Agenda",
             "Title Only": "Danke / Kontakt"}
    for layout in prs.slide_layouts:
        if layout.name in names:
            layout.name = names[layout.name]
    closing = _layout(prs, "Danke / Kontakt")
    body = parse_xml(
        '<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:nvSpPr>'
        '<p:cNvPr id="9" name="Content Placeholder 8"/><p:cNvSpPr/><p:nvPr>'
        '<p:ph idx="1"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="457200" y="1600200"/>'
        '<a:ext cx="8229600" cy="4525963"/></a:xfrm></p:spPr><p:txBody><a:bodyPr/>'
        '<a:lstStyle/><a:p><a:endParaRPr lang="de-DE"/></a:p></p:txBody></p:sp>')
    closing.shapes._spTree.append(body)
    return _save(prs, path)


BUILDERS = {
    "no_placeholders": no_placeholders,
    "small_divider": small_divider,
    "title_at_bottom": title_at_bottom,
    "logo_over_body": logo_over_body,
    "grey_accents": grey_accents,
    "hlink_like_background": hlink_like_background,
    "narrow_body": narrow_body,
    "keynote_1920x1080pt": lambda p: sized(p, 26.667, 15.0),
    "four_by_three": lambda p: sized(p, 10.0, 7.5),
    # LibreOffice's 28 x 15.75 cm: the minimum sizes (14 pt x 0.827) are not whole half points
    "libreoffice_28cm": lambda p: sized(p, 11.024, 6.201),
    "purpose_layouts": purpose_layouts,
}
