"""Templates the tests build to mimic each class of real-world failure.

Each starts from python-pptx's own default template and changes one thing the way corporate,
Keynote or Google Slides templates do. No third-party template is copied into the project.
"""

from __future__ import annotations

import io
from pathlib import Path

from fixture_masters import background_fill, background_picture, set_theme_colour
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
    set_theme_colour(prs, "accent1", "DDDDDD")
    set_theme_colour(prs, "accent2", "CCCCCC")
    return _save(prs, path)


def hlink_like_background(path: Path) -> Path:
    """The theme's hyperlink colour equals the background: links would be invisible."""
    prs = Presentation()
    set_theme_colour(prs, "hlink", "FFFFFF")
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


def _solid_background(part, hex_value: str) -> None:
    background_fill(part, f'<a:solidFill><a:srgbClr val="{hex_value}"/></a:solidFill>')


def styles_in_sample_text(path: Path) -> Path:
    """A template LibreOffice wrote: no text styles on the master, no list styles on the
    layouts; the look (white text on a dark slide, sizes) only in the sample text of the
    master's placeholders, which neither PowerPoint nor LibreOffice passes on to slides."""
    prs = Presentation()
    master = prs.slide_masters[0]
    styles = master._element.find(f"{P}txStyles")
    if styles is not None:
        master._element.remove(styles)
    _solid_background(master, "1B2A3A")
    for part in [master, *prs.slide_layouts]:
        for shape in part.placeholders:
            body = shape._element.find(f"{P}txBody")
            if body is None:
                continue
            lst = body.find(f"{A}lstStyle")
            if lst is not None:
                for child in list(lst):
                    lst.remove(child)
    sizes = {"title": 4000, "body": 2600, "dt": 1200, "ftr": 1200, "sldNum": 1200}
    for shape in master.placeholders:
        kind = shape._element.ph.get("type") or "body"
        body = shape._element.find(f"{P}txBody")
        for para in body.findall(f"{A}p"):
            body.remove(para)
        body.append(parse_xml(
            f'<a:p xmlns:a="{A[1:-1]}"><a:r><a:rPr lang="en-US" sz="{sizes.get(kind, 1800)}">'
            '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:latin typeface="Arial"/>'
            '</a:rPr><a:t>Click to edit</a:t></a:r></a:p>'))
    return _save(prs, path)


def _rect(sid: int, name: str, x: float, y: float, w: float, h: float, fill: str) -> object:
    return parse_xml(_rect_xml(sid, name, x, y, w, h, fill))


def _rect_xml(sid: int, name: str, x: float, y: float, w: float, h: float, fill: str) -> str:
    return (
        f'<p:sp xmlns:p="{P[1:-1]}" xmlns:a="{A[1:-1]}"><p:nvSpPr><p:cNvPr id="{sid}" '
        f'name="{name}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm>'
        f'<a:off x="{Inches(x)}" y="{Inches(y)}"/><a:ext cx="{Inches(w)}" cy="{Inches(h)}"/>'
        f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill}<a:ln><a:noFill/></a:ln>'
        '</p:spPr></p:sp>')


def grouped_mosaic(path: Path) -> Path:
    """Decoration as a group of panels in several greys, some dark, under the content area
    (a designer's mosaic): the text crosses several of them and must read on each."""
    prs = Presentation()
    master = prs.slide_masters[0]
    panels = [(0.0, 0.0, 10.0, 7.5, "F4F4F4"), (0.6, 2.0, 2.4, 2.2, "CED4DA"),
              (3.2, 1.6, 3.0, 1.4, "343A40"), (6.6, 3.2, 2.6, 2.6, "6C757D"),
              (1.2, 4.6, 3.2, 1.6, "ADB5BD")]
    shapes = "".join(
        _rect_xml(60 + i, f"Panel {i}", x, y, w, h,
                  f'<a:solidFill><a:srgbClr val="{c}"/></a:solidFill>')
        for i, (x, y, w, h, c) in enumerate(panels))
    group = parse_xml(
        f'<p:grpSp xmlns:p="{P[1:-1]}" xmlns:a="{A[1:-1]}"><p:nvGrpSpPr><p:cNvPr id="59" '
        'name="Mosaic"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm>'
        f'<a:off x="0" y="0"/><a:ext cx="{Inches(10)}" cy="{Inches(7.5)}"/>'
        f'<a:chOff x="0" y="0"/><a:chExt cx="{Inches(10)}" cy="{Inches(7.5)}"/></a:xfrm>'
        f'</p:grpSpPr>{shapes}</p:grpSp>')
    master.shapes._spTree.insert(2, group)
    return _save(prs, path)


def see_through_title_bar(path: Path) -> Path:
    """A dark title bar with a white panel at 30 % opacity on it: the title sits on dark grey,
    not on white, and black text would vanish."""
    prs = Presentation()
    for layout in prs.slide_layouts:
        title = next((ph for ph in layout.placeholders
                      if (ph._element.ph.get("type") or "") in ("title", "ctrTitle")), None)
        if title is None:
            continue
        x, y, w, h = (v / 914400 for v in (title.left, title.top, title.width, title.height))
        tree = layout.shapes._spTree
        bar = _rect(90, "Bar", x, y, w, h, '<a:solidFill><a:srgbClr val="000000"/></a:solidFill>')
        panel = _rect(91, "Panel", x + 0.1, y + 0.1, w - 0.2, h - 0.2,
                      '<a:solidFill><a:srgbClr val="FFFFFF"><a:alpha val="30000"/></a:srgbClr>'
                      '</a:solidFill>')
        tree.insert(2, panel)
        tree.insert(2, bar)
    return _save(prs, path)


def _striped_png(width: int = 400, height: int = 300, band: float = 0.14) -> bytes:
    """White above; black and white stripes in the bottom ``band``, where the fields are."""
    img = Image.new("RGB", (width, height), (255, 255, 255))
    top = int(height * (1 - band))
    for x in range(0, width, 8):
        img.paste((0, 0, 0), (x, top, x + 4, height))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def photo_under_fields(path: Path) -> Path:
    """A background photo whose bottom band, under footer, date and slide number, is black
    and white at once: no colour reads there."""
    prs = Presentation()
    master = prs.slide_masters[0]
    background_picture(master, _striped_png())
    return _save(prs, path)


def logo_under_fields(path: Path) -> Path:
    """The template's artwork where its date and footer boxes are: they stay empty."""
    prs = Presentation()
    master = prs.slide_masters[0]
    _, rid = master.part.get_or_add_image_part(io.BytesIO(_png((30, 90, 160))))
    from pptx.oxml.shapes.picture import CT_Picture

    pic = CT_Picture.new_pic(40, "Artwork", "Artwork", rid, Inches(0), Inches(6.7), Inches(10),
                             Inches(0.8))
    master.shapes._spTree.insert(2, pic)
    return _save(prs, path)


def space_after(path: Path) -> Path:
    """A body style with generous space after each paragraph, as many corporate masters have
    ("Abstand nach: 24 pt"): the fitting must count it."""
    prs = Presentation()
    styles = prs.slide_masters[0]._element.find(f"{P}txStyles/{P}bodyStyle")
    for level in styles:
        for old in level.findall(f"{A}spcAft"):
            level.remove(old)
        after = parse_xml(f'<a:spcAft xmlns:a="{A[1:-1]}"><a:spcPts val="2400"/></a:spcAft>')
        before = level.find(f"{A}spcBef")
        (before.addnext(after) if before is not None else level.insert(0, after))
    return _save(prs, path)


def _style_colour(master, style_name: str, hex_value: str) -> None:
    """Every level of one of the master's text styles (``titleStyle``, ``bodyStyle``) in
    one colour."""
    style = master._element.find(f"{P}txStyles/{P}{style_name}")
    for rpr in style.iter(f"{A}defRPr"):
        for old in rpr.findall(f"{A}solidFill"):
            rpr.remove(old)
        rpr.insert(0, parse_xml(f'<a:solidFill xmlns:a="{A[1:-1]}"><a:srgbClr '
                                f'val="{hex_value}"/></a:solidFill>'))


def sunset_gradient(path: Path) -> Path:
    """A radial gradient from yellow to orange behind everything, white text in the master's
    styles: the text must read on both ends, not on the light orange of their average."""
    prs = Presentation()
    master = prs.slide_masters[0]
    background_fill(master, '<a:gradFill rotWithShape="0"><a:gsLst><a:gs pos="0"><a:srgbClr '
                'val="FFFF00"/></a:gs><a:gs pos="100000"><a:srgbClr val="FF8000"/></a:gs>'
                '</a:gsLst><a:path path="circle"><a:fillToRect l="50000" t="100000" '
                'r="50000" b="0"/></a:path></a:gradFill>')
    _style_colour(master, "titleStyle", "FFFFFF")
    _style_colour(master, "bodyStyle", "FFFFFF")
    return _save(prs, path)


def narrow_titles(path: Path) -> Path:
    """Every layout's title box a narrow strip between decorations (as LibreOffice's themes
    have it), its look (dark blue, bold) set on the layouts, the master's title red: titles
    that do not fit go into drawn boxes, which must look like the layouts' titles."""
    prs = Presentation()
    master = prs.slide_masters[0]
    _style_colour(master, "titleStyle", "C00000")
    for layout in prs.slide_layouts:
        for shape in layout.placeholders:
            if (shape._element.ph.get("type") or "obj") not in ("title", "ctrTitle"):
                continue
            _place(shape, 3.8, 0.3, 2.4, 0.7)
            body = shape._element.find(f"{P}txBody")
            lst = body.find(f"{A}lstStyle")
            if lst is None:
                lst = parse_xml(f'<a:lstStyle xmlns:a="{A[1:-1]}"/>')
                body.find(f"{A}bodyPr").addnext(lst)
            for child in list(lst):
                lst.remove(child)
            lst.append(parse_xml(
                f'<a:lvl1pPr xmlns:a="{A[1:-1]}"><a:defRPr b="1"><a:solidFill><a:srgbClr '
                'val="1F3864"/></a:solidFill></a:defRPr></a:lvl1pPr>'))
    return _save(prs, path)


def display_titles(path: Path) -> Path:
    """Titles set in 72 pt display type, as poster-like corporate masters have them: long
    titles shrink to less than half that, and the content layouts must still be used."""
    prs = Presentation()
    style = prs.slide_masters[0]._element.find(f"{P}txStyles/{P}titleStyle")
    for rpr in style.iter(f"{A}defRPr"):
        rpr.set("sz", "7200")
    for part in [prs.slide_masters[0], *prs.slide_layouts]:
        for shape in part.placeholders:
            if (shape._element.ph.get("type") or "obj") == "title" and shape.top < Inches(1):
                _place(shape, 0.5, 0.3, 7.0, 1.25)  # room for a logo beside it
    return _save(prs, path)


def sidebar_titles(path: Path) -> Path:
    """Titles in a narrow coloured column at the left, the body beside it (a common
    corporate design): long words and the company's name meet lines shorter than they are."""
    prs = Presentation()
    master = prs.slide_masters[0]
    master.shapes._spTree.insert(2, _rect(70, "Sidebar", 0, 0, 2.6, 7.5,
                                          '<a:solidFill><a:srgbClr val="0B6E4F"/></a:solidFill>'))
    for part in [master, *prs.slide_layouts]:
        for shape in part.placeholders:
            kind = shape._element.ph.get("type") or "obj"
            if kind in ("title", "ctrTitle"):
                _place(shape, 0.2, 0.6, 2.2, 3.0)
            elif kind in ("body", "obj", "subTitle") and shape.left < Inches(3):
                _place(shape, 3.0, 0.6, 6.5, 5.8)
    _style_colour(master, "titleStyle", "FFFFFF")
    return _save(prs, path)


def misordered_presentation(path: Path) -> Path:
    """``presentation.xml`` with its lists out of schema order, as pptxgenjs writes it
    (there ``notesMasterIdLst`` after ``sldIdLst``): the deck must come out valid."""
    prs = Presentation()
    root = prs.part._element
    size = root.find(f"{P}sldSz")
    root.remove(size)
    root.insert(0, size)  # the slide size before the master list
    return _save(prs, path)


def broken_geometry(path: Path) -> Path:
    """Layout placeholders with no height and reaching past the slide's right edge (seen in
    generated templates): the master's boxes must stand in, and the build must not fail."""
    prs = Presentation()
    for layout in prs.slide_layouts:
        for shape in layout.placeholders:
            shape.left, shape.top, shape.width, shape.height = (
                Inches(0.8), Emu(0), Inches(16), Emu(0))
    return _save(prs, path)


def cover_and_plain_content(path: Path) -> Path:
    """Layouts as a generator writes them (pptxgenjs): every placeholder a plain title or
    body, every layout ``cust``; a "Cover" first, a content layout with an unknown name after
    it. Alike in their placeholders, the content layout must serve the points."""
    prs = Presentation()
    cover, content = prs.slide_layouts[0], prs.slide_layouts[1]
    for layout, name in ((cover, "Cover"), (content, "Layout A")):
        layout.name = name
        layout._element.set("type", "cust")
        for shape in layout.placeholders:
            ph = shape._element.ph
            if ph.get("type") == "ctrTitle":
                ph.set("type", "title")
            elif ph.get("type") in ("subTitle", None):
                ph.set("type", "body")
    return _save(prs, path)


def picture_beside_body(path: Path) -> Path:
    """The content layout made for a picture beside the text (a photo slot taking the right
    half): a slide without a picture must not leave that half empty."""
    import copy

    prs = Presentation()
    source = _ph(_layout(prs, "Picture with Caption"), "pic")
    for layout in prs.slide_layouts:
        if layout.name not in ("Title and Content", "Two Content", "Comparison"):
            continue
        for shape in list(layout.placeholders):
            if (shape._element.ph.get("type") or "obj") == "obj":
                _place(shape, 0.5, 1.6, 4.3, 4.5)
        pic = copy.deepcopy(source._element)
        pic.find(f".//{P}nvPr/{P}ph").set("idx", "40")
        layout.shapes._spTree.append(pic)
        _place(layout.placeholders[-1], 5.2, 1.6, 4.3, 4.5)
    return _save(prs, path)


def look_in_layouts(path: Path) -> Path:
    """The brand painted on each layout (its own background and a bar), over a plain master,
    as pptxgenjs writes templates; only "Blank" is bare. Boxes drawn as the last resort must
    keep the brand, so they go on a layout that has it."""
    prs = Presentation()
    for layout in prs.slide_layouts:
        if layout.name == "Blank":
            continue
        _solid_background(layout, "F3EEE4")
        layout.shapes._spTree.insert(2, _rect(80, "Bar", 0, 7.1, 10, 0.4,
                                              '<a:solidFill><a:srgbClr val="7A1F2B"/>'
                                              '</a:solidFill>'))
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
    "styles_in_sample_text": styles_in_sample_text,
    "see_through_title_bar": see_through_title_bar,
    "grouped_mosaic": grouped_mosaic,
    "photo_under_fields": photo_under_fields,
    "logo_under_fields": logo_under_fields,
    "space_after": space_after,
    "sunset_gradient": sunset_gradient,
    "narrow_titles": narrow_titles,
    "display_titles": display_titles,
    "sidebar_titles": sidebar_titles,
    "misordered_presentation": misordered_presentation,
    "broken_geometry": broken_geometry,
    "cover_and_plain_content": cover_and_plain_content,
    "picture_beside_body": picture_beside_body,
    "look_in_layouts": look_in_layouts,
    # odd slide sizes: Google Slides' 10 x 5.625 in and A4 landscape
    "widescreen_10in": lambda p: sized(p, 10.0, 5.625),
    "a4_landscape": lambda p: sized(p, 11.69, 8.27),
}

from fixture_masters import MASTER_BUILDERS  # noqa: E402 - the classes of template intent

BUILDERS.update(MASTER_BUILDERS)
