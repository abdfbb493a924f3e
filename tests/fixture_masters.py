"""Templates the tests build for the classes of failure in how a template is meant to be used.

Several masters (a cover master beside a content master, LibreOffice's twin master pages, a
leftover Office master), example slides that show the cover and the content look, layouts
made for one purpose or stamped "remove before sending", brand pasted only onto the example
slides, example text on the masters, one-line title boxes, a black accent on a black slide,
a master without layouts, a notes master without a notes box. Each starts from python-pptx's
default template; no third-party file is copied.
"""

from __future__ import annotations

import copy
import functools
import io
import zipfile
from pathlib import Path

from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml import parse_xml
from pptx.parts.slide import SlideLayoutPart, SlideMasterPart
from pptx.util import Inches

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NSDECL = f'xmlns:a="{A[1:-1]}" xmlns:p="{P[1:-1]}" xmlns:r="{R[1:-1]}"'


def second_master(prs, name: str = "Content") -> int:
    """A copy of the first master with all its layouts and its own theme (LibreOffice's
    master pages); returns the new master's index."""
    package = prs.part.package
    first = prs.slide_masters[0]
    taken = {str(p.partname) for p in package.iter_parts()}

    def free(pattern: str) -> PackURI:
        n = 1
        while pattern % n in taken:
            n += 1
        taken.add(pattern % n)
        return PackURI(pattern % n)

    theme = first.part.part_related_by(RT.THEME)
    new_theme = Part(free("/ppt/theme/theme%d.xml"), theme.content_type, package, theme.blob)
    element = copy.deepcopy(first._element)
    element.find(f"{P}cSld").set("name", name)
    lst = element.find(f"{P}sldLayoutIdLst")
    for child in list(lst):
        lst.remove(child)
    master = SlideMasterPart(free("/ppt/slideMasters/slideMaster%d.xml"),
                             first.part.content_type, package, element)
    master.relate_to(new_theme, RT.THEME)
    ids = [int(e.get("id")) for m in prs.slide_masters for e in m._element.iter(f"{P}sldLayoutId")]
    next_id = max(ids) + 1000
    for layout in first.slide_layouts:
        part = SlideLayoutPart(free("/ppt/slideLayouts/slideLayout%d.xml"),
                               layout.part.content_type, package,
                               copy.deepcopy(layout._element))
        part.relate_to(master, RT.SLIDE_MASTER)
        rid = master.relate_to(part, RT.SLIDE_LAYOUT)
        lst.append(parse_xml(f'<p:sldLayoutId {NSDECL} id="{next_id}" r:id="{rid}"/>'))
        next_id += 1
    rid = prs.part.relate_to(master, RT.SLIDE_MASTER)
    mlst = prs.part._element.find(f"{P}sldMasterIdLst")
    top = max(int(e.get("id")) for e in mlst)
    mlst.append(parse_xml(f'<p:sldMasterId {NSDECL} id="{max(top, next_id) + 1}" r:id="{rid}"/>'))
    return len(prs.slide_masters) - 1


def set_theme_colour(prs, slot: str, hex_value: str) -> None:
    """One colour of the first master's theme (``accent1``, ``dk1``, ``hlink`` …) set."""
    part = prs.slide_masters[0].part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    el = root.find(f".//{A}clrScheme/{A}{slot}")
    for child in list(el):
        el.remove(child)
    etree.SubElement(el, f"{A}srgbClr", val=hex_value)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def background_fill(part, fill_xml: str) -> None:
    """The part's background replaced by ``fill_xml`` (a DrawingML fill, prefix ``a:``)."""
    c_sld = part._element.find(f"{P}cSld")
    for old in c_sld.findall(f"{P}bg"):
        c_sld.remove(old)
    c_sld.insert(0, parse_xml(f'<p:bg {NSDECL}><p:bgPr>{fill_xml}<a:effectLst/></p:bgPr></p:bg>'))


def _background(part, hex_value: str) -> None:
    background_fill(part, f'<a:solidFill><a:srgbClr val="{hex_value}"/></a:solidFill>')


def _white_text(master) -> None:
    """The master's text styles in white (a dark master), in schema order (after a:ln)."""
    for rpr in master._element.find(f"{P}txStyles").iter(f"{A}defRPr"):
        for old in rpr.findall(f"{A}solidFill"):
            rpr.remove(old)
        ln = rpr.find(f"{A}ln")
        at = list(rpr).index(ln) + 1 if ln is not None else 0
        rpr.insert(at, parse_xml(f'<a:solidFill {NSDECL}><a:srgbClr val="FFFFFF"/></a:solidFill>'))


def _rect(part, shape_id: int, x: float, y: float, w: float, h: float, hex_value: str,
          name: str = "Deco", geom: str = "rect") -> None:
    tree = part._element.find(f"{P}cSld/{P}spTree")
    tree.insert(2, parse_xml(
        f'<p:sp {NSDECL}><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr/><p:nvPr/>'
        f'</p:nvSpPr><p:spPr><a:xfrm><a:off x="{Inches(x)}" y="{Inches(y)}"/><a:ext '
        f'cx="{Inches(w)}" cy="{Inches(h)}"/></a:xfrm><a:prstGeom prst="{geom}"><a:avLst/>'
        f'</a:prstGeom><a:solidFill><a:srgbClr val="{hex_value}"/></a:solidFill></p:spPr></p:sp>'))


def _text_box(part, shape_id: int, text: str, x: float, y: float, w: float, h: float,
              size: int = 1000) -> None:
    tree = part._element.find(f"{P}cSld/{P}spTree")
    tree.append(parse_xml(
        f'<p:sp {NSDECL}><p:nvSpPr><p:cNvPr id="{shape_id}" name="Label {shape_id}"/><p:cNvSpPr '
        f'txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{Inches(x)}" y="{Inches(y)}"/>'
        f'<a:ext cx="{Inches(w)}" cy="{Inches(h)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        '</a:prstGeom></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="de-DE" '
        f'sz="{size}"/><a:t>{text}</a:t></a:r></a:p></p:txBody></p:sp>'))


def _layout(prs, master: int, name: str):
    return next(la for la in prs.slide_masters[master].slide_layouts if la.name == name)


def _example(prs, master: int, layout: str, title: str = "Beispiel"):
    slide = prs.slides.add_slide(_layout(prs, master, layout))
    if slide.shapes.title is not None:
        slide.shapes.title.text = title
    return slide


def _save(prs, path: Path) -> Path:
    prs.save(str(path))
    return path


def twin_masters_with_examples(path: Path) -> Path:
    """LibreOffice-like: two masters with the same layouts, the first dark (the cover's),
    the second white; example slides put the cover on the first and content on the second."""
    prs = Presentation()
    second_master(prs)
    _background(prs.slide_masters[0], "1F2A44")
    _white_text(prs.slide_masters[0])
    _example(prs, 0, "Title Slide", "Cover")
    for n in range(3):
        _example(prs, 1, "Title and Content", f"Inhalt {n}")
    return _save(prs, path)


def twin_masters_plain(path: Path) -> Path:
    """Two masters with the same layouts and no example slides: the second is decorated
    (dark, a band of colour), the first plain. The cover belongs on the decorated one."""
    prs = Presentation()
    second_master(prs, "Title master")
    master = prs.slide_masters[1]
    _background(master, "0B3D2E")
    _rect(master, 90, 0, 6.3, 10, 0.5, "E0B000", "Band")
    _white_text(master)
    return _save(prs, path)


def cover_only_master(path: Path) -> Path:
    """A first master that holds only the cover layout (as university and Chinese corporate
    templates have it), the content layouts on a second master."""
    prs = Presentation()
    second_master(prs)
    first = prs.slide_masters[0]
    lst = first._element.find(f"{P}sldLayoutIdLst")
    for layout, el in zip(list(first.slide_layouts), list(lst)):
        if layout.name != "Title Slide":
            lst.remove(el)
            first.part.drop_rel(el.get(f"{R}id"))
        else:
            layout.name = "封面"
    _background(first, "8A1538")
    return _save(prs, path)


def purpose_layouts_only(path: Path) -> Path:
    """Layouts with the content signature (a title and a body) that are made for one purpose
    ("Quote", "Thank You and Contact Information", "Agenda") or stamped for removal; the
    only plain layout is "Title Only". Lists must not land on any of them."""
    prs = Presentation()
    names = {"Title and Content": "Quote", "Two Content": "Thank You and Contact Information",
             "Comparison": "Agenda", "Content with Caption": "Nur intern",
             "Section Header": "Zwischentitel"}
    for layout in prs.slide_layouts:
        if layout.name in names:
            layout.name = names[layout.name]
    picture = next(la for la in prs.slide_layouts if la.name == "Picture with Caption")
    picture.name = "Kontakt Vorlage"
    _text_box(picture, 80, "INTERNAL ONLY – remove before sending", 6.0, 0.2, 3.5, 0.4)
    return _save(prs, path)


def _png(img) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _logo_png() -> bytes:
    return _png(Image.new("RGB", (240, 80), (200, 30, 60)))


def brand_on_examples(path: Path) -> Path:
    """A plain master; every example slide carries the same logo top right and a colour bar
    at the bottom, pasted by hand. The deck's slides must carry them too."""
    prs = Presentation()
    layouts = ["Title Slide", "Title and Content", "Title and Content", "Title Only"]
    for n, name in enumerate(layouts):
        slide = _example(prs, 0, name, f"Beispiel {n}")
        slide.shapes.add_picture(io.BytesIO(_logo_png()), Inches(8.3), Inches(0.15),
                                 Inches(1.5), Inches(0.5))
        bar = slide.shapes.add_shape(1, Inches(0), Inches(7.3), Inches(10), Inches(0.2))
        bar.fill.solid()
        bar.fill.fore_color.rgb = __import__("pptx.dml.color", fromlist=["RGBColor"]).RGBColor(
            0xC8, 0x1E, 0x3C)
        bar.line.fill.background()
    return _save(prs, path)


def sample_text_on_masters(path: Path) -> Path:
    """Example text the template's authors meant to be overwritten, on the master and a
    layout: "<Autor> | <Dateiname>.pptx", "Max Mustermann", an event's line whose project
    name is a token ("Hackathon 2024 - <Projektname>"); and a real label that stays."""
    prs = Presentation()
    master = prs.slide_masters[0]
    _text_box(master, 81, "&lt;Autor&gt; | &lt;Dateiname&gt;.pptx", 0.3, 7.05, 4.0, 0.3)
    _text_box(master, 82, "Vertraulich", 8.0, 0.05, 1.8, 0.3)
    _text_box(master, 84, "Hackathon 2024 - &lt;Projektname&gt;", 4.5, 7.05, 3.0, 0.3)
    content = _layout(prs, 0, "Title and Content")
    _text_box(content, 83, "Max Mustermann, 01.01.2020", 0.3, 0.05, 3.0, 0.3)
    return _save(prs, path)


def black_accent_on_black(path: Path) -> Path:
    """A black slide whose theme's first accent is black too: the figure and the chart's
    highlighted slice must not vanish into the background."""
    prs = Presentation()
    master = prs.slide_masters[0]
    _background(master, "000000")
    _white_text(master)
    set_theme_colour(prs, "accent1", "000000")
    return _save(prs, path)


def brand_band_default_accents(path: Path) -> Path:
    """Office's default accents in the theme, the brand only painted: a purple band on the
    master. The figure and the chart's highlight take the purple, not Office blue."""
    prs = Presentation()
    _rect(prs.slide_masters[0], 91, 0, 7.0, 10, 0.5, "5A1E8C", "Brand band")
    return _save(prs, path)


def brand_in_a_later_accent(path: Path) -> Path:
    """A designer's own accents, the first a green, the sixth the red the master paints (as
    Adobe's template has them): the chart and the figure take the red the slides show."""
    prs = Presentation()
    for n, value in enumerate(["2E9E3A", "308FFF", "B03AB0", "C77700", "7A6A00", "D40F00"], 1):
        set_theme_colour(prs, f"accent{n}", value)
    _rect(prs.slide_masters[0], 91, 0, 7.0, 10, 0.5, "D40F00", "Brand band")
    return _save(prs, path)


def pale_brand_band(path: Path) -> Path:
    """Office's accents, the brand a light orange band (below 3:1 on white, as AWS orange
    is): chart and figure take the orange a shade deeper, not Office blue."""
    prs = Presentation()
    _rect(prs.slide_masters[0], 91, 0, 7.0, 10, 0.5, "FF9A00", "Brand band")
    return _save(prs, path)


def branded_cover_beside_office_title(path: Path) -> Path:
    """Office's "Title Slide", renamed into the organisation's language and left bare, beside
    the cover its designer made ("Titulo": a green band, title and subtitle): the deck's
    cover is the designed one."""
    prs = Presentation()
    prs.slide_layouts[0].name = "Diapositiva de título"
    designed = _layout(prs, 0, "Section Header")
    designed.name = "Titulo"
    _rect(designed, 90, 0, 0, 10, 7.5, "0B5C3B", "Brand field")
    return _save(prs, path)


def covers_with_and_without_subtitle(path: Path) -> Path:
    """Two designed covers: "Cover, plain" holds only a title, the later "Cover, unit" a title
    and a line under it. The cover takes the one with a place for its subtitle."""
    prs = Presentation()
    prs.slide_layouts[0].name = "Office Title Slide Unused"
    plain = _layout(prs, 0, "Section Header")
    plain.name = "Cover, plain"
    body = next(ph for ph in plain.placeholders if ph.placeholder_format.idx == 1)
    body._element.getparent().remove(body._element)
    unit = _layout(prs, 0, "Content with Caption")
    unit.name = "Cover, unit"
    for layout in (plain, unit):
        _rect(layout, 90, 0, 6.8, 10, 0.7, "0F62FE", "Brand bar")
    return _save(prs, path)


def office_section_header(path: Path) -> Path:
    """Office's older "Section Header" (python-pptx's own): a text box for a kicker set over
    the section title. The statement's heading must still come first."""
    return _save(Presentation(), path)


def rotated_side_band(path: Path) -> Path:
    """A texture strip stored lying down (7.5 × 0.9 in) and turned 90° on the master, so it
    stands as a band down the left edge (York Code Dojo's green band): text keeps clear of
    the band as drawn, not of the stored box across the middle of the slide."""
    prs = Presentation()
    master = prs.slide_masters[0]
    _rect(master, 91, -3.3, 3.3, 7.5, 0.9, "2E7D32", "Side band")
    xfrm = master._element.find(f"{P}cSld/{P}spTree/{P}sp/{P}spPr/{A}xfrm")
    xfrm.set("rot", "5400000")
    return _save(prs, path)


def short_list_box(path: Path) -> Path:
    """A content layout whose text box stops at the slide's middle, with nothing under it
    (Microsoft's "Title and non-bulleted text"): five bullets must not shrink to fit it."""
    prs = Presentation()
    layout = _layout(prs, 0, "Title and Content")
    body = next(ph for ph in layout.placeholders if ph.placeholder_format.idx == 1)
    _move(body, 0.5, 1.5, 9.0, 2.0)
    return _save(prs, path)


def dark_layout_by_colour_map(path: Path) -> Path:
    """A section layout painted blue that turns the master's colours round
    (``overrideClrMapping bg1="dk1" tx1="lt1"``), as Microsoft's accent-colour section
    layouts do: its text in "text 1" is white there, and must be judged so."""
    prs = Presentation()
    layout = _layout(prs, 0, "Section Header")
    _background(layout, "0072C6")
    set_theme_colour(prs, "dk1", "505050")
    override = parse_xml(
        f'<p:clrMapOvr {NSDECL}><a:overrideClrMapping bg1="dk1" tx1="lt1" bg2="dk2" tx2="lt2" '
        'accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" '
        'accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/></p:clrMapOvr>')
    for old in layout._element.findall(f"{P}clrMapOvr"):  # python-pptx's keeps the master's
        layout._element.remove(old)
    layout._element.find(f"{P}cSld").addnext(override)
    return _save(prs, path)


def title_strip_over_content(path: Path) -> Path:
    """Content layouts whose title is a strip one small line tall (0.3 in, centred) with the
    content right under it and a little room above (NatureServe's template): the title grows
    up into that room rather than the layout being passed over."""
    prs = Presentation()
    for layout in prs.slide_layouts:
        if layout.name not in ("Title and Content", "Two Content", "Title Only"):
            continue
        for ph in layout.placeholders:
            kind = ph._element.ph.get("type") or "obj"
            if kind == "title":
                _move(ph, 0.5, 0.35, 9.0, 0.3)
            elif kind in ("obj", "body"):
                _move(ph, 0.5, 0.75, 9.0, 6.0)
    return _save(prs, path)


def one_line_titles(path: Path) -> Path:
    """Corporate title boxes one line tall, set on their baseline (anchored at the bottom)
    with room above: two-line titles grow upward there, they need no drawn boxes."""
    prs = Presentation()
    master = prs.slide_masters[0]
    for part in [master, *prs.slide_layouts]:
        for ph in part.placeholders:
            if (ph._element.ph.get("type") or "obj") != "title":
                continue
            ph.left, ph.top, ph.width, ph.height = Inches(0.5), Inches(1.0), Inches(9), Inches(0.5)
            body_pr = ph._element.find(f"{P}txBody/{A}bodyPr")
            body_pr.set("anchor", "b")
    return _save(prs, path)


def master_without_layouts(path: Path) -> Path:
    """A master whose layouts were all deleted: its look stays, PowerPoint offers no slide."""
    prs = Presentation()
    master = prs.slide_masters[0]
    _rect(master, 92, 0, 0, 10, 0.3, "005A9C", "Top band")
    lst = master._element.find(f"{P}sldLayoutIdLst")
    for el in list(lst):
        lst.remove(el)
        master.part.drop_rel(el.get(f"{R}id"))
    return _save(prs, path)


def notes_master_without_body(path: Path) -> Path:
    """A notes master with no notes box (seen in exported templates)."""
    prs = Presentation()
    notes_master = prs.notes_master
    tree = notes_master._element.find(f"{P}cSld/{P}spTree")
    for sp in list(tree):
        ph = sp.find(f".//{P}nvPr/{P}ph")
        if ph is not None and ph.get("type") == "body":
            tree.remove(sp)
    return _save(prs, path)


def big_statement_title_only(path: Path) -> Path:
    """A "Big statement" layout with its title alone (no text box), as agency templates
    have it: the statement goes there, its lead text in a placeholder of its own."""
    prs = Presentation()
    layout = _layout(prs, 0, "Section Header")
    layout.name = "Big statement"
    _drop_body(layout)
    title = _typed(layout, "title")
    title.left, title.top, title.width, title.height = (Inches(0.7), Inches(1.2), Inches(8.6),
                                                        Inches(2.0))
    _background(layout, "23395B")
    return _save(prs, path)


def divider_for_a_name(path: Path) -> Path:
    """Dividers as corporate masters draw them: one with a single text box where the
    section's name goes (no title placeholder), set large, bold and in the brand colour; a
    copy of it PowerPoint numbered ("1_Section Divider"); and a logo splash "Intro" before
    the "Title" layout, both named for the cover."""
    prs = Presentation()
    master = prs.slide_masters[0]
    layout = _layout(prs, 0, "Section Header")
    layout.name = "Section Divider"
    tree = layout.shapes._spTree
    for ph in list(layout.placeholders):
        if ph._element.ph.get("type") == "title":
            tree.remove(ph._element)
    body = _typed(layout, "body")
    _move(body, 0.8, 2.0, 8.4, 1.6)
    _set_level_one(body, parse_xml(
        f'<a:lvl1pPr {NSDECL} marL="0" indent="0"><a:buNone/><a:defRPr sz="4000" b="1">'
        '<a:solidFill><a:srgbClr val="C00000"/></a:solidFill></a:defRPr></a:lvl1pPr>'))
    copy = _layout(prs, 0, "Two Content")
    copy.name = "1_Section Divider"
    intro = _layout(prs, 0, "Blank")
    intro.name = "Intro"
    title = _layout(prs, 0, "Title Slide")
    title.name = "Title"
    # the splash comes first in the master's list, as in the template that showed the class
    layouts = master.slide_layouts._sldLayoutIdLst
    ids = list(layouts)
    intro_id = next(i for i in ids if master.part.related_part(i.rId) is intro.part)
    layouts.remove(intro_id)
    layouts.insert(0, intro_id)
    return _save(prs, path)


def spacing_in_points_on_master(path: Path) -> Path:
    """A master whose title style sets fixed 24 pt lines, and a divider whose heading sets
    its own 40 pt text on "single" lines: the layout's spacing replaces the master's."""
    prs = Presentation()
    master = prs.slide_masters[0]
    lvl = master._element.find(f"{P}txStyles/{P}titleStyle/{A}lvl1pPr")
    lvl.insert(0, parse_xml(f'<a:lnSpc {NSDECL}><a:spcPts val="2400"/></a:lnSpc>'))
    layout = _layout(prs, 0, "Section Header")
    layout.name = "Divider"
    title = _typed(layout, "title")
    _move(title, 1.0, 1.0, 5.0, 1.3)
    _set_level_one(title, parse_xml(
        f'<a:lvl1pPr {NSDECL}><a:lnSpc><a:spcPct val="100000"/></a:lnSpc>'
        '<a:defRPr sz="4000" cap="none"/></a:lvl1pPr>'))
    return _save(prs, path)


def _drop_body(layout) -> None:
    """The layout's text placeholders removed: a divider with its title alone."""
    for ph in list(layout.placeholders):
        if ph._element.ph.get("type") == "body":
            layout.shapes._spTree.remove(ph._element)


def _typed(layout, ph_type: str):
    return next(ph for ph in layout.placeholders if ph._element.ph.get("type") == ph_type)


def _move(shape, x: float, y: float, w: float, h: float) -> None:
    shape.left, shape.top, shape.width, shape.height = Inches(x), Inches(y), Inches(w), Inches(h)


def _set_level_one(ph, level) -> None:
    """The placeholder's own first-level style, replacing the one python-pptx's layout has."""
    lst = ph._element.txBody.find(f"{A}lstStyle")
    for old in lst.findall(f"{A}lvl1pPr"):
        lst.remove(old)
    lst.insert(0, level)


MASTER_BUILDERS = {
    "twin_masters_with_examples": twin_masters_with_examples,
    "twin_masters_plain": twin_masters_plain,
    "cover_only_master": cover_only_master,
    "purpose_layouts_only": purpose_layouts_only,
    "brand_on_examples": brand_on_examples,
    "sample_text_on_masters": sample_text_on_masters,
    "black_accent_on_black": black_accent_on_black,
    "brand_band_default_accents": brand_band_default_accents,
    "brand_in_a_later_accent": brand_in_a_later_accent,
    "branded_cover_beside_office_title": branded_cover_beside_office_title,
    "covers_with_and_without_subtitle": covers_with_and_without_subtitle,
    "office_section_header": office_section_header,
    "rotated_side_band": rotated_side_band,
    "short_list_box": short_list_box,
    "dark_layout_by_colour_map": dark_layout_by_colour_map,
    "title_strip_over_content": title_strip_over_content,
    "pale_brand_band": pale_brand_band,
    "one_line_titles": one_line_titles,
    "master_without_layouts": master_without_layouts,
    "notes_master_without_body": notes_master_without_body,
    "big_statement_title_only": big_statement_title_only,
    "divider_for_a_name": divider_for_a_name,
    "spacing_in_points_on_master": spacing_in_points_on_master,
}


def leftover_office_master(path: Path) -> Path:
    """A branded master (colours of its own, a band) and, pasted in from another file, a
    plain Office-default master with the same layouts: the leftover serves no slide."""
    prs = Presentation()
    second_master(prs, "Office Theme")
    branded = prs.slide_masters[0]
    theme = branded.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    for slot, value in (("accent1", "C8102E"), ("accent2", "1D428A"), ("accent3", "FFB81C")):
        el = root.find(f".//{A}clrScheme/{A}{slot}")
        for child in list(el):
            el.remove(child)
        etree.SubElement(el, f"{A}srgbClr", val=value)
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    _rect(branded, 93, 0, 0, 10, 0.25, "C8102E", "Brand band")
    _background(branded, "F3F0EA")
    return _save(prs, path)


MASTER_BUILDERS["leftover_office_master"] = leftover_office_master


def style_filled_title_band(path: Path) -> Path:
    """A title band drawn as PowerPoint draws a new rectangle: no fill of its own, painted by
    its shape style (``fillRef`` → accent 1, here a dark navy), the titles white on it. Their
    contrast is against the band, not the white slide: white stays white."""
    prs = Presentation()
    set_theme_colour(prs, "accent1", "14213D")
    master = prs.slide_masters[0]
    style = master._element.find(f"{P}txStyles/{P}titleStyle/{A}lvl1pPr/{A}defRPr")
    for old in style.findall(f"{A}solidFill"):
        style.remove(old)
    style.insert(0, parse_xml(f'<a:solidFill {NSDECL}><a:srgbClr val="FFFFFF"/></a:solidFill>'))
    for layout in prs.slide_layouts:
        title = next((ph for ph in layout.placeholders
                      if (ph._element.ph.get("type") or "") in ("title", "ctrTitle")), None)
        if title is None:
            continue
        x, y, w, h = (v / 914400 for v in (title.left, title.top, title.width, title.height))
        layout.shapes._spTree.insert(2, parse_xml(
            f'<p:sp {NSDECL}><p:nvSpPr><p:cNvPr id="95" name="Band"/><p:cNvSpPr/><p:nvPr/>'
            f'</p:nvSpPr><p:spPr><a:xfrm><a:off x="{Inches(x - 0.1)}" y="{Inches(y - 0.1)}"/>'
            f'<a:ext cx="{Inches(w + 0.2)}" cy="{Inches(h + 0.2)}"/></a:xfrm><a:prstGeom '
            'prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:style><a:lnRef idx="2"><a:schemeClr '
            'val="accent1"/></a:lnRef><a:fillRef idx="1"><a:schemeClr val="accent1"/></a:fillRef>'
            '<a:effectRef idx="0"><a:schemeClr val="accent1"/></a:effectRef><a:fontRef idx="minor">'
            '<a:schemeClr val="lt1"/></a:fontRef></p:style></p:sp>'))
    return _save(prs, path)


MASTER_BUILDERS["style_filled_title_band"] = style_filled_title_band


def background_on_examples(path: Path) -> Path:
    """Every example slide sets its own dark background (the master stays white with black
    text): the deck's slides take that background, and their text must read on it."""
    prs = Presentation()
    for n, name in enumerate(["Title Slide", "Title and Content", "Title and Content",
                              "Section Header"]):
        slide = _example(prs, 0, name, f"Beispiel {n}")
        _background(slide, "102A43")
    return _save(prs, path)


MASTER_BUILDERS["background_on_examples"] = background_on_examples


def schema_slips(path: Path) -> Path:
    """Slips editors leave in templates that PowerPoint repairs: a master text body with its
    list style after its paragraphs, ``showMasterSp`` on a layout's ``cSld``, and
    ``pitchFamily="-112"`` font hints. The deck must not inherit them."""
    prs = Presentation()
    master = prs.slide_masters[0]
    body = next(sp for sp in master.placeholders)._element.find(f"{P}txBody")
    lst = body.find(f"{A}lstStyle")
    body.remove(lst)
    body.append(lst)
    layout = _layout(prs, 0, "Title and Content")
    layout._element.find(f"{P}cSld").set("showMasterSp", "1")
    for latin in prs.part._element.iter(f"{A}latin"):
        latin.set("pitchFamily", "-112")
    return _save(prs, path)


MASTER_BUILDERS["schema_slips"] = schema_slips


def freeform_arc_on_dark(path: Path) -> Path:
    """A near-black master with a light teal swoosh: a freeform whose box spans the whole
    slide but which paints only a band down the right edge. Text sits on the black, not on
    the teal; the master's light text reads there as it is."""
    prs = Presentation()
    master = prs.slide_masters[0]
    _background(master, "141414")
    _white_text(master)
    w, h = Inches(10), Inches(7.5)
    tree = master._element.find(f"{P}cSld/{P}spTree")
    tree.insert(2, parse_xml(
        f'<p:sp {NSDECL}><p:nvSpPr><p:cNvPr id="96" name="Swoosh"/><p:cNvSpPr/><p:nvPr/>'
        f'</p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
        '<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/>'
        f'<a:pathLst><a:path w="{w}" h="{h}"><a:moveTo><a:pt x="{w * 9 // 10}" y="0"/></a:moveTo>'
        f'<a:lnTo><a:pt x="{w}" y="0"/></a:lnTo><a:lnTo><a:pt x="{w}" y="{h}"/></a:lnTo>'
        f'<a:cubicBezTo><a:pt x="{w * 95 // 100}" y="{h * 2 // 3}"/><a:pt x="{w * 88 // 100}" '
        f'y="{h // 3}"/><a:pt x="{w * 9 // 10}" y="0"/></a:cubicBezTo><a:close/></a:path>'
        '</a:pathLst></a:custGeom><a:solidFill><a:srgbClr val="9ED5D4"/></a:solidFill>'
        '</p:spPr></p:sp>'))
    return _save(prs, path)


def no_fill_over_master_fill(path: Path) -> Path:
    """The master's title sits on a dark grey bar of its own fill (white text); the title
    slide's layout takes the fill away (``a:noFill``) and sets its title black on a light
    rounded box. The cover title is black on light grey, not white on dark grey."""
    prs = Presentation()
    master = prs.slide_masters[0]
    title = next(ph for ph in master.placeholders if ph._element.ph.get("type") == "title")
    sppr = title._element.find(f"{P}spPr")
    sppr.append(parse_xml(f'<a:solidFill {NSDECL}><a:srgbClr val="595959"/></a:solidFill>'))
    rpr = master._element.find(f"{P}txStyles/{P}titleStyle/{A}lvl1pPr/{A}defRPr")
    for old in rpr.findall(f"{A}solidFill"):
        rpr.remove(old)
    ln = rpr.find(f"{A}ln")
    rpr.insert(list(rpr).index(ln) + 1 if ln is not None else 0,
               parse_xml(f'<a:solidFill {NSDECL}><a:srgbClr val="FFFFFF"/></a:solidFill>'))
    cover = _layout(prs, 0, "Title Slide")
    ctr = next(ph for ph in cover.placeholders if ph._element.ph.get("type") == "ctrTitle")
    ctr._element.find(f"{P}spPr").append(parse_xml(f'<a:noFill {NSDECL}/>'))
    lst = ctr._element.find(f"{P}txBody/{A}lstStyle")
    lst.append(parse_xml(f'<a:lvl1pPr {NSDECL}><a:defRPr><a:solidFill><a:srgbClr val="000000"/>'
                         '</a:solidFill></a:defRPr></a:lvl1pPr>'))
    x, y, w, h = (v / 914400 for v in (ctr.left, ctr.top, ctr.width, ctr.height))
    _rect(cover, 97, x - 0.2, y - 0.2, w + 0.4, h + 1.6, "E6E6E6", "Box", "roundRect")
    return _save(prs, path)


MASTER_BUILDERS["freeform_arc_on_dark"] = freeform_arc_on_dark
MASTER_BUILDERS["no_fill_over_master_fill"] = no_fill_over_master_fill


def cover_master_odd_names(path: Path) -> Path:
    """A cover-only master whose layout's name says something else ("No Image_Date/name one
    line", as the NHS names its cover variants): the cover master's layouts are covers."""
    cover_only_master(path)
    prs = Presentation(str(path))
    prs.slide_masters[0].slide_layouts[0].name = "No Image_Date/name one line"
    return _save(prs, path)


MASTER_BUILDERS["cover_master_odd_names"] = cover_master_odd_names


def _field_box(part, shape_id: int, x: float, y: float, field: str = "slidenum",
               shown: str = "‹#›", w: float = 0.6) -> None:
    """A text box holding a field, as PowerPoint stores it: the slide number ('‹#›' until the
    slide fills it in; many masters draw their page number so, not as a placeholder), or a
    date with the text it had when the file was saved."""
    tree = part._element.find(f"{P}cSld/{P}spTree")
    tree.append(parse_xml(
        f'<p:sp {NSDECL}><p:nvSpPr><p:cNvPr id="{shape_id}" name="Number {shape_id}"/>'
        f'<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{Inches(x)}" '
        f'y="{Inches(y)}"/><a:ext cx="{Inches(w)}" cy="{Inches(0.3)}"/></a:xfrm><a:prstGeom '
        'prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p>'
        f'<a:fld id="{{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}}" type="{field}"><a:rPr '
        f'lang="de-DE" sz="1000"/><a:t>{shown}</a:t></a:fld></a:p></p:txBody></p:sp>'))


def field_and_filler(path: Path) -> Path:
    """The page number drawn by the master as a text box with a slide-number field ('‹#›'),
    and example slides that repeat, besides a real label ('Vertraulich'), a vendor's filler
    sentence in a coloured band and a template variable ('{{layoutName}}') in a bare box."""
    prs = Presentation()
    _field_box(prs.slide_masters[0], 84, 9.2, 7.1)
    layouts = ["Title Slide", "Title and Content", "Title and Content", "Title Only"]
    for n, name in enumerate(layouts):
        slide = _example(prs, 0, name, f"Beispiel {n}")
        _rect(slide, 90, 0, 7.2, 10, 0.3, "1D428A", "Band")
        band = next(sh._element for sh in slide.shapes if sh.name == "Band")
        band.append(parse_xml(
            f'<p:txBody {NSDECL}><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US"/><a:t>Enjoy '
            'your stylish business and campus life with BIZCAM</a:t></a:r></a:p></p:txBody>'))
        _text_box(slide, 91, "{{layoutName}}", 0.3, 0.05, 3.0, 0.3, 1200)
        _text_box(slide, 92, "Vertraulich", 8.0, 0.05, 1.8, 0.3, 1200)
    return _save(prs, path)


MASTER_BUILDERS["field_and_filler"] = field_and_filler


def _keep_layouts(prs, names: tuple[str, ...]) -> None:
    master = prs.slide_masters[0]
    lst = master._element.find(f"{P}sldLayoutIdLst")
    for el in list(lst):
        layout = master.part.related_part(el.get(f"{R}id")).slide_layout
        if layout.name not in names:
            lst.remove(el)
            master.part.drop_rel(el.get(f"{R}id"))


def two_column_examples(path: Path) -> Path:
    """Example slides that show their content mostly on 'Two Content' (two columns filled),
    once on 'Title and Content': a slide with one list belongs on the one-column layout."""
    prs = Presentation()
    _example(prs, 0, "Title Slide", "Titel")
    for n in range(3):
        _example(prs, 0, "Two Content", f"Zwei Spalten {n}")
    _example(prs, 0, "Title and Content", "Eine Spalte")
    return _save(prs, path)


def only_two_columns(path: Path) -> Path:
    """A template whose only content layout has two columns: one list spans both rather than
    filling the left one beside an empty right one."""
    prs = Presentation()
    _keep_layouts(prs, ("Title Slide", "Section Header", "Two Content"))
    return _save(prs, path)


def grouped_master_artwork(path: Path) -> Path:
    """The master's artwork grouped into one group over the whole slide (as Keynote and many
    agencies save it): a logo picture top right where the titles end, another bottom left.
    Each picture is an obstacle; a title keeps its place and ends before the logo."""
    prs = Presentation()
    master = prs.slide_masters[0]
    from pptx.oxml.shapes.picture import CT_Picture

    tree = master._element.find(f"{P}cSld/{P}spTree")
    _, rid = master.part.get_or_add_image_part(io.BytesIO(_logo_png()))
    for n, (x, y, w, h) in enumerate(((7.6, 0.1, 2.2, 1.1), (0, 6.6, 3.0, 0.9))):
        tree.append(CT_Picture.new_pic(96 + n, f"Logo {n}", f"Logo {n}", rid, Inches(x),
                                       Inches(y), Inches(w), Inches(h)))
    group = parse_xml(
        f'<p:grpSp {NSDECL}><p:nvGrpSpPr><p:cNvPr id="95" name="Artwork"/><p:cNvGrpSpPr/>'
        '<p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9144000" '
        'cy="6858000"/><a:chOff x="0" y="0"/><a:chExt cx="18288000" cy="13716000"/></a:xfrm>'
        '</p:grpSpPr></p:grpSp>')
    tree.insert(2, group)
    for pic in [el for el in tree if el.tag == f"{P}pic"]:  # into the group's coordinates
        off, ext = pic.find(f"{P}spPr/{A}xfrm/{A}off"), pic.find(f"{P}spPr/{A}xfrm/{A}ext")
        for el, keys in ((off, ("x", "y")), (ext, ("cx", "cy"))):
            for key in keys:
                el.set(key, str(2 * int(el.get(key))))
        group.append(pic)
    return _save(prs, path)


MASTER_BUILDERS.update({"two_column_examples": two_column_examples,
                        "only_two_columns": only_two_columns,
                        "grouped_master_artwork": grouped_master_artwork})


def _runs_box(part, shape_id: int, paragraphs: list[list[str]], x: float, y: float, w: float,
              h: float) -> None:
    """A text box whose paragraphs are given as runs; "\\v" in a run list is a line break."""
    body = "".join(
        "<a:p>" + "".join('<a:br><a:rPr lang="en-US"/></a:br>' if run == "\v" else
                          f'<a:r><a:rPr lang="en-US" sz="1400"/><a:t>{run}</a:t></a:r>'
                          for run in runs) + "</a:p>" for runs in paragraphs)
    tree = part._element.find(f"{P}cSld/{P}spTree")
    tree.append(parse_xml(
        f'<p:sp {NSDECL}><p:nvSpPr><p:cNvPr id="{shape_id}" name="Title {shape_id}"/><p:cNvSpPr '
        f'txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{Inches(x)}" y="{Inches(y)}"/>'
        f'<a:ext cx="{Inches(w)}" cy="{Inches(h)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        f'</a:prstGeom></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/>{body}</p:txBody></p:sp>'))


def prompt_text_boxes(path: Path) -> Path:
    """Prompts drawn as plain text where the author meant placeholders: 'Title' with 'No more
    than two lines' under a line break on the cover layout, 'Author  ·  Presentation Title' on
    the master, 'Content goes here' split over two runs on the content layout, and 'Your Team
    Name' in an oval the example slides repeat. None may show on the deck; 'Vertraulich'
    stays."""
    prs = Presentation()
    master = prs.slide_masters[0]
    _runs_box(master, 85, [["Author  ·  Presentation Title"]], 0.3, 7.05, 4.0, 0.3)
    _text_box(master, 86, "Vertraulich", 8.0, 0.05, 1.8, 0.3, 1200)
    _runs_box(_layout(prs, 0, "Title Slide"), 87, [["Title", "\v", "No more than two lines"]],
              0.5, 0.3, 5.0, 1.0)
    _runs_box(_layout(prs, 0, "Title and Content"), 88, [["Content ", "goes here"]],
              0.5, 1.3, 4.0, 0.4)
    for n, name in enumerate(["Title Slide", "Title and Content", "Title and Content"]):
        slide = _example(prs, 0, name, f"Beispiel {n}")
        _rect(slide, 89, 0.2, 6.6, 2.0, 0.6, "1D428A", "Team oval", "ellipse")
        oval = next(sh._element for sh in slide.shapes if sh.name == "Team oval")
        oval.append(parse_xml(
            f'<p:txBody {NSDECL}><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US" '
            'sz="1400"/><a:t>Your Team Name</a:t></a:r></a:p></p:txBody>'))
    return _save(prs, path)


MASTER_BUILDERS["prompt_text_boxes"] = prompt_text_boxes


def background_picture(part, png: bytes) -> None:
    """The part's background replaced by the picture ``png``, stretched."""
    _, rid = part.part.get_or_add_image_part(io.BytesIO(png))
    background_fill(part, f'<a:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/>'
                          '</a:stretch></a:blipFill>')


def _painted_png(draw_marks) -> bytes:
    """A 10 × 7.5 in background at 100 dpi, light blue fading down, with marks drawn in."""
    from PIL import ImageDraw

    img = Image.new("RGB", (1000, 750))
    for y in range(750):
        shade = 235 - y * 20 // 750
        ImageDraw.Draw(img).line([(0, y), (999, y)], fill=(shade - 20, shade - 5, shade))
    draw_marks(ImageDraw.Draw(img))
    return _png(img)


def logo_in_background_picture(path: Path) -> Path:
    """The logo (a round mark) and a rule painted into the master's background picture,
    where the titles go: nothing in the XML says so, and no title may run over them."""
    prs = Presentation()

    def marks(draw) -> None:
        draw.ellipse((40, 30, 140, 130), fill=(200, 30, 60))
        draw.rectangle((40, 142, 960, 151), fill=(20, 60, 140))

    background_picture(prs.slide_masters[0], _painted_png(marks))
    return _save(prs, path)


def band_in_background_picture(path: Path) -> Path:
    """A dark ribbon painted into the background picture where the titles are, as
    LibreOffice's templates paint them, narrower than the title box (or told apart from a
    gradient only in part): the title is set on it, not pushed under it."""
    prs = Presentation()

    def marks(draw) -> None:
        draw.rectangle((300, 25, 650, 160), fill=(25, 45, 95))
        draw.polygon([(270, 40), (300, 25), (300, 175)], fill=(15, 30, 70))  # the fold

    background_picture(prs.slide_masters[0], _painted_png(marks))
    return _save(prs, path)


MASTER_BUILDERS.update({"logo_in_background_picture": logo_in_background_picture,
                        "band_in_background_picture": band_in_background_picture})


def one_line_divider_text(path: Path) -> Path:
    """A section header whose text box holds one short line (as most corporate dividers
    have), with free room below it: the statement's two sentences grow it, not a content
    layout."""
    prs = Presentation()
    layout = _layout(prs, 0, "Section Header")
    for sp in layout.placeholders:
        if sp.placeholder_format.type == 2:  # BODY
            sp.top, sp.height = Inches(1.6), Inches(0.45)
        elif sp.placeholder_format.type == 1:  # TITLE
            sp.top, sp.height = Inches(0.5), Inches(1.0)
    return _save(prs, path)


MASTER_BUILDERS["one_line_divider_text"] = one_line_divider_text


def _master_picture(part, shape_id: int, png: bytes, x: float, y: float, w: float,
                    h: float) -> None:
    _, rid = part.part.get_or_add_image_part(io.BytesIO(png))
    tree = part._element.find(f"{P}cSld/{P}spTree")
    tree.append(parse_xml(
        f'<p:pic {NSDECL}><p:nvPicPr><p:cNvPr id="{shape_id}" name="Logo {shape_id}"/>'
        '<p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
        f'<p:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
        f'<p:spPr><a:xfrm><a:off x="{int(Inches(x))}" y="{int(Inches(y))}"/>'
        f'<a:ext cx="{int(Inches(w))}" cy="{int(Inches(h))}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'))


def brand_in_logo_picture(path: Path) -> Path:
    """Office's accents in the theme; the brand only in the logo, a picture on the master (a
    red round mark and red lettering on a transparent ground, as university logos are saved).
    The figure and the chart's highlight take the logo's red, not Office blue."""
    from PIL import ImageDraw

    img = Image.new("RGBA", (300, 100), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.ellipse((5, 5, 95, 95), fill=(220, 40, 50, 255))
    for n in range(4):
        draw.rectangle((110 + n * 45, 30, 140 + n * 45, 70), fill=(220, 40, 50, 255))
    draw.rectangle((110, 80, 290, 84), fill=(90, 90, 90, 255))
    prs = Presentation()
    _master_picture(prs.slide_masters[0], 95, _png(img), 0.2, 0.1, 1.8, 0.6)
    return _save(prs, path)


def brand_in_title_band(path: Path) -> Path:
    """Office's accents in the theme; the brand is the fill of the master's title placeholder
    (a green band the titles are set on). Figures and charts take the green."""
    prs = Presentation()
    title = prs.slide_masters[0].placeholders[0]
    title.fill.solid()
    title.fill.fore_color.rgb = __import__("pptx.dml.color", fromlist=["RGBColor"]).RGBColor(
        0x00, 0x88, 0x3A)
    style = prs.slide_masters[0]._element.find(f"{P}txStyles/{P}titleStyle")
    for rpr in style.iter(f"{A}defRPr"):
        for old in rpr.findall(f"{A}solidFill"):
            rpr.remove(old)
        rpr.insert(0, parse_xml(f'<a:solidFill {NSDECL}><a:srgbClr val="FFFFFF"/></a:solidFill>'))
    return _save(prs, path)


MASTER_BUILDERS.update({"brand_in_logo_picture": brand_in_logo_picture,
                        "brand_in_title_band": brand_in_title_band})


def cover_example_look(path: Path) -> Path:
    """A plain Office master; the first example slide makes the cover itself: a dark
    background through its own colour map (background 1 is the dark colour), circles of
    artwork around the title, and the title and subtitle moved down and right beside them.
    The deck's cover takes that look, its text where the example put it."""
    prs = Presentation()
    slide = _example(prs, 0, "Title Slide", "<Title>")
    slide.placeholders[1].text = "<Name and date>"
    title, subtitle = slide.shapes.title, slide.placeholders[1]
    title.left, title.top, title.width, title.height = (Inches(4.5), Inches(4.8), Inches(5.0),
                                                        Inches(1.6))
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = (
        Inches(4.5), Inches(4.0), Inches(5.0), Inches(0.6))
    background_fill(slide, '<a:solidFill><a:schemeClr val="bg1"/></a:solidFill>')
    slide._element.find(f"{P}clrMapOvr").getparent().replace(
        slide._element.find(f"{P}clrMapOvr"), parse_xml(
            f'<p:clrMapOvr {NSDECL}><a:overrideClrMapping bg1="dk1" tx1="lt1" bg2="dk2" '
            'tx2="lt2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4"'
            ' accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>'
            '</p:clrMapOvr>'))
    for n, (x, y, d) in enumerate(((0.3, 0.3, 3.0), (6.5, 0.2, 2.5), (0.2, 4.2, 3.0))):
        circle = slide.shapes.add_shape(9, Inches(x), Inches(y), Inches(d), Inches(d))  # oval
        circle.fill.solid()
        circle.fill.fore_color.rgb = __import__("pptx.dml.color", fromlist=["RGBColor"]).RGBColor(
            0xE0, 0x80 + 20 * n, 0x30)
        circle.line.fill.background()
    _example(prs, 0, "Title and Content", "Inhalt")
    return _save(prs, path)


MASTER_BUILDERS["cover_example_look"] = cover_example_look


def cover_example_flat_title(path: Path) -> Path:
    """The cover example shrank its title box around a one-word title ("<Title>"): that is
    no place for the deck's two-line title, so the layout's boxes stay."""
    prs = Presentation()
    slide = _example(prs, 0, "Title Slide", "<Title>")
    slide.placeholders[1].text = "<Name>"
    title, subtitle = slide.shapes.title, slide.placeholders[1]
    title.left, title.top, title.width, title.height = (Inches(1.0), Inches(5.0), Inches(8.0),
                                                        Inches(0.4))
    subtitle.left, subtitle.top = Inches(1.0), Inches(5.6)
    _example(prs, 0, "Title and Content", "Inhalt")
    return _save(prs, path)


MASTER_BUILDERS["cover_example_flat_title"] = cover_example_flat_title


def picture_look_on_examples(path: Path) -> Path:
    """A plain Office master; every example slide has, at its back, one picture over the whole
    slide that paints the look: a blue band top left, a round logo top right, a footer strip
    with its own words (labels) under the footer and slide number. The deck's slides take it
    as their background; titles keep clear of the logo; the footer and number, whose text
    would print over the strip's words, are left out."""
    from PIL import ImageDraw

    img = Image.new("RGB", (1000, 750), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, 600, 60), fill=(40, 110, 200))
    draw.ellipse((860, 5, 990, 120), fill=(180, 30, 60))
    draw.rectangle((0, 700, 1000, 750), fill=(210, 225, 245))
    for x in (60, 480, 900):  # the strip's own words, as blocks of lettering
        for k in range(5):
            draw.rectangle((x + k * 9, 715, x + k * 9 + 6, 735), fill=(20, 20, 60))
    png = _png(img)
    prs = Presentation()
    for n, name in enumerate(("Title Slide", "Title and Content", "Title and Content",
                              "Title Only")):
        slide = _example(prs, 0, name, f"Beispiel {n}")
        pic = slide.shapes.add_picture(io.BytesIO(png), 0, 0, prs.slide_width,
                                       prs.slide_height)
        tree = slide.shapes._spTree
        tree.remove(pic._element)
        tree.insert(2, pic._element)  # at the back
    return _save(prs, path)


MASTER_BUILDERS["picture_look_on_examples"] = picture_look_on_examples


def examples_each_on_own_master(path: Path) -> Path:
    """LibreOffice's way: four masters with the same layouts, every example slide a design of
    its own on its own master, all on 'Title and Content'. The first is the cover's design
    (a dark master with bands); of the others the plainest (a thin bar) carries the content,
    not the first one the examples happen to use (big coloured blocks)."""
    prs = Presentation()
    for name in ("Blocks", "Thin bar", "Frame"):
        second_master(prs, name)
    masters = prs.slide_masters
    _background(masters[0], "1F2A44")
    _white_text(masters[0])
    _rect(masters[0], 91, 0, 6.5, 10, 1.0, "E0A030", "Cover band")
    _rect(masters[1], 91, 0, 0, 4.0, 7.5, "C03030", "Block")
    _rect(masters[1], 92, 6.0, 0, 4.0, 3.0, "3060C0", "Block 2")
    _rect(masters[2], 91, 0, 0, 10, 0.15, "3060C0", "Thin bar")
    _rect(masters[3], 91, 0, 0, 10, 1.2, "30A060", "Frame top")
    _rect(masters[3], 92, 0, 6.3, 10, 1.2, "30A060", "Frame bottom")
    for n in range(4):
        _example(prs, n, "Title and Content", f"Beispiel {n}")
    return _save(prs, path)


MASTER_BUILDERS["examples_each_on_own_master"] = examples_each_on_own_master


def see_through_glow(path: Path) -> Path:
    """A dark master (white text) with a full-slide white glow drawn over it, a circular
    gradient from 90 % opaque at its bottom-centre focus to 20 % at the rim (LibreOffice's
    'Lights'): the titles at the top sit where it has faded, on dark; they stay white."""
    prs = Presentation()
    master = prs.slide_masters[0]
    _background(master, "000032")
    _white_text(master)
    tree = master._element.find(f"{P}cSld/{P}spTree")
    tree.insert(2, parse_xml(
        f'<p:sp {NSDECL}><p:nvSpPr><p:cNvPr id="90" name="Glow"/><p:cNvSpPr/><p:nvPr/>'
        '</p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9144000" cy="6858000"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:gradFill><a:gsLst>'
        '<a:gs pos="0"><a:srgbClr val="FFFFFF"><a:alpha val="90000"/></a:srgbClr></a:gs>'
        '<a:gs pos="75000"><a:srgbClr val="FFFFFF"><a:alpha val="20000"/></a:srgbClr></a:gs>'
        '<a:gs pos="100000"><a:srgbClr val="FFFFFF"><a:alpha val="20000"/></a:srgbClr></a:gs>'
        '</a:gsLst><a:path path="circle"><a:fillToRect l="50000" t="85000" r="50000" '
        'b="15000"/></a:path></a:gradFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>'))
    return _save(prs, path)


MASTER_BUILDERS["see_through_glow"] = see_through_glow


def logo_on_examples_over_number(path: Path) -> Path:
    """Every example slide carries a logo pasted where the layout's slide number sits: the
    deck carries the logo, and leaves the number out rather than print it under the logo."""
    prs = Presentation()
    for n, name in enumerate(("Title Slide", "Title and Content", "Title and Content")):
        slide = _example(prs, 0, name, f"Beispiel {n}")
        slide.shapes.add_picture(io.BytesIO(_logo_png()), Inches(7.6), Inches(6.9),
                                 Inches(1.2), Inches(0.45))
    return _save(prs, path)


MASTER_BUILDERS["logo_on_examples_over_number"] = logo_on_examples_over_number


def footnote_beside_content(path: Path) -> Path:
    """A content layout with a small footnote box (10 pt) under its content area, and a
    section layout with a title alone: the statement's paragraph, drawn there, must look like
    the content area's text, not the footnote's."""
    prs = Presentation()
    section = _layout(prs, 0, "Section Header")
    _drop_body(section)
    content = _layout(prs, 0, "Title and Content")
    note = copy.deepcopy(_typed(_layout(prs, 0, "Title Slide"), "subTitle")._element)
    note.nvSpPr.cNvPr.set("id", "90")
    note.nvSpPr.cNvPr.set("name", "Footnote")
    note.ph.set("type", "body")
    note.ph.set("idx", "13")
    note.ph.set("sz", "quarter")
    content.shapes._spTree.append(note)
    footnote = next(ph for ph in content.placeholders if ph.placeholder_format.idx == 13)
    _move(footnote, 0.5, 6.3, 9.0, 0.35)
    _set_level_one(footnote, parse_xml(
        f'<a:lvl1pPr {NSDECL} marL="0" indent="0"><a:buNone/><a:defRPr sz="1000"/>'
        '</a:lvl1pPr>'))
    return _save(prs, path)


def low_section_title(path: Path) -> Path:
    """A section layout, as Keynote exports it, with its title alone and below the middle:
    the statement's paragraph is drawn under the heading, not above it."""
    prs = Presentation()
    section = _layout(prs, 0, "Section Header")
    section.name = "Section"
    _drop_body(section)
    _move(_typed(section, "title"), 0.6, 3.9, 8.8, 1.4)
    return _save(prs, path)


MASTER_BUILDERS["footnote_beside_content"] = footnote_beside_content
MASTER_BUILDERS["low_section_title"] = low_section_title


def unwrapped_display_titles(path: Path) -> Path:
    """Cover and section titles set for one display word, as pandoc's and many designed
    references have them: 96 pt, ``wrap="none"``, tracked -3 pt. A sentence there must wrap
    at a heading's size, not shrink onto one line, and break where the tracked letters do."""
    prs = Presentation()
    for name in ("Title Slide", "Section Header"):
        title = _typed(_layout(prs, 0, name), "title" if name != "Title Slide" else "ctrTitle")
        body = title._element.txBody
        body.bodyPr.set("wrap", "none")
        _set_level_one(title, parse_xml(
            f'<a:lvl1pPr {NSDECL} algn="r"><a:defRPr sz="9600" spc="-300"/></a:lvl1pPr>'))
    return _save(prs, path)


MASTER_BUILDERS["unwrapped_display_titles"] = unwrapped_display_titles


def display_kicker_on_divider(path: Path) -> Path:
    """Content layouts with a title alone (as Google Slides exports many), and a divider
    whose one text box holds its section numeral at 72 pt: the lists drawn on the content
    layouts borrow that box's look, but not its display size."""
    prs = Presentation()
    for layout in prs.slide_layouts:
        if layout.name in ("Title Slide", "Section Header"):
            continue
        for ph in list(layout.placeholders):
            if ph._element.ph.get("type") not in ("title", "dt", "ftr", "sldNum"):
                layout.shapes._spTree.remove(ph._element)
    kicker = _typed(_layout(prs, 0, "Section Header"), "body")
    _set_level_one(kicker, parse_xml(
        f'<a:lvl1pPr {NSDECL} marL="0" indent="0"><a:buNone/><a:defRPr sz="7200">'
        '<a:latin typeface="Arial Black"/></a:defRPr></a:lvl1pPr>'))
    return _save(prs, path)


MASTER_BUILDERS["display_kicker_on_divider"] = display_kicker_on_divider


def slide_related_twice(path: Path) -> Path:
    """An example slide the presentation relates to twice, once unlisted (as a converter
    left it): the first slide of the deck must not be written beside it under its name."""
    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "Beispiel"
    _save(prs, path)
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    rels = parts["ppt/_rels/presentation.xml.rels"].decode()
    rels = rels.replace("</Relationships>", '<Relationship Id="rId900" Type="http://schemas.'
                        'openxmlformats.org/officeDocument/2006/relationships/slide" '
                        'Target="slides/slide1.xml"/></Relationships>')
    parts["ppt/_rels/presentation.xml.rels"] = rels.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


MASTER_BUILDERS["slide_related_twice"] = slide_related_twice


def one_line_divider_title(path: Path) -> Path:
    """A divider whose 44 pt title sits on its baseline in a box 0.85 in tall (a tenth of
    the slide and more, one line of its type): the statement's heading grows up into the
    empty room above it rather than leaving the divider for a content layout."""
    return _one_line_title(path, "Section Header", ("title", (1.0, 4.2, 8.0, 0.85), 4400),
                           ("body", (1.0, 5.1, 8.0, 0.9)))


def _one_line_title(path: Path, name: str, title: tuple[str, tuple[float, ...], int],
                    text: tuple[str, tuple[float, ...]]) -> Path:
    """A layout whose title sits on its baseline in a box one line of its type tall, with
    its text box right under it."""
    prs = Presentation()
    layout = _layout(prs, 0, name)
    kind, box, size = title
    shape = _typed(layout, kind)
    _move(shape, *box)
    shape._element.txBody.bodyPr.set("anchor", "b")
    _set_level_one(shape, parse_xml(f'<a:lvl1pPr {NSDECL}><a:defRPr sz="{size}"/></a:lvl1pPr>'))
    _move(_typed(layout, text[0]), *text[1])
    return _save(prs, path)


MASTER_BUILDERS["one_line_divider_title"] = one_line_divider_title


def one_line_cover_title(path: Path) -> Path:
    """A cover made for a short name in display type (60 pt in a box one line tall, as
    event and product templates have it) with its subtitle right under it and room above:
    the deck's sentence-long title grows up into that room instead of shrinking to the
    subtitle's size, and the subtitle steps down with it."""
    return _one_line_title(path, "Title Slide", ("ctrTitle", (0.75, 3.0, 8.5, 1.1), 6000),
                           ("subTitle", (0.75, 4.15, 8.5, 1.5)))


MASTER_BUILDERS["one_line_cover_title"] = one_line_cover_title


def navy_band_over_own_magenta(path: Path) -> Path:
    """A designer's own accents whose first, a magenta, is painted nowhere, and a navy band
    across the master that no accent holds (an events template recoloured by hand): the
    figure and the chart take the navy the slides show."""
    prs = Presentation()
    for slot, value in (("accent1", "BA28BA"), ("accent2", "00A3E1"), ("accent3", "B1E4E2"),
                        ("accent4", "C4E86C"), ("accent5", "F7E948"), ("accent6", "2C2825")):
        set_theme_colour(prs, slot, value)
    _rect(prs.slide_masters[0], 91, 0, 0, 10, 0.9, "00249C", "Brand band")
    return _save(prs, path)


MASTER_BUILDERS["navy_band_over_own_magenta"] = navy_band_over_own_magenta


def titles_in_the_band_on_examples(path: Path) -> Path:
    """A grey band across the top of the master, the content layout's title placeholder
    waiting under it, and every content example setting its title up in the band (as a
    university template passed from hand to hand has it): the deck's titles go in the band."""
    prs = Presentation()
    _rect(prs.slide_masters[0], 91, 0, 0, 10, 1.0, "E6E6E6", "Title band")
    content = _layout(prs, 0, "Title and Content")
    _move(_typed(content, "title"), 0.5, 1.2, 9.0, 1.0)
    _move(next(ph for ph in content.placeholders if ph.placeholder_format.idx == 1),
          0.5, 2.4, 9.0, 4.2)
    _example(prs, 0, "Title Slide", "Titel")
    for name in ("Einführung", "Inhalt"):
        _move(_example(prs, 0, "Title and Content", name).shapes.title, 0.5, 0.05, 9.0, 0.9)
    return _save(prs, path)


MASTER_BUILDERS["titles_in_the_band_on_examples"] = titles_in_the_band_on_examples


def capitals_kicker_on_divider(path: Path) -> Path:
    """Office's older section header with its text box over the title set in capitals, as
    corporate dividers set a kicker ("PART ONE") over the section's name, on a master whose
    body style is in capitals too (the content layouts undo it): the statement's two
    sentences go under the heading in the content's look, not shouted in the kicker."""
    prs = Presentation()
    section = _layout(prs, 0, "Section Header")
    kicker = _typed(section, "body")
    _move(kicker, 0.7, 1.6, 8.6, 0.8)
    _move(_typed(section, "title"), 0.7, 2.5, 8.6, 1.4)
    _set_level_one(kicker, parse_xml(
        f'<a:lvl1pPr {NSDECL} marL="0" indent="0"><a:buNone/><a:defRPr sz="2000" cap="all"/>'
        '</a:lvl1pPr>'))
    master_level = prs.slide_masters[0]._element.find(
        f"{P}txStyles/{P}bodyStyle/{A}lvl1pPr/{A}defRPr")
    master_level.set("cap", "all")
    for layout in prs.slide_layouts:
        if layout.name != "Section Header":
            for ph in layout.placeholders:
                lst = ph._element.txBody.find(f"{A}lstStyle") if ph._element.txBody is not None \
                    else None
                if ph.placeholder_format.idx != 0 and lst is not None:
                    level = lst.find(f"{A}lvl1pPr/{A}defRPr")
                    if level is not None:
                        level.set("cap", "none")
                    else:
                        lst.insert(0, parse_xml(f'<a:lvl1pPr {NSDECL}><a:defRPr cap="none"/>'
                                                '</a:lvl1pPr>'))
    return _save(prs, path)


MASTER_BUILDERS["capitals_kicker_on_divider"] = capitals_kicker_on_divider


def footnote_sized_divider_text(path: Path) -> Path:
    """A divider whose text box is set at 12 pt (made for a date or a presenter's name)
    with room to grow: the statement's two sentences read at the deck's body size."""
    prs = Presentation()
    section = _layout(prs, 0, "Section Header")
    _move(_typed(section, "title"), 0.7, 1.2, 8.6, 1.6)
    text = _typed(section, "body")
    _move(text, 0.7, 3.0, 8.6, 3.0)
    _set_level_one(text, parse_xml(
        f'<a:lvl1pPr {NSDECL} marL="0" indent="0"><a:buNone/><a:defRPr sz="1200"/></a:lvl1pPr>'))
    return _save(prs, path)


MASTER_BUILDERS["footnote_sized_divider_text"] = footnote_sized_divider_text


def cover_variants_without_divider(path: Path) -> Path:
    """A clean cover and a filled variant of it, and no divider among the layouts (as
    university templates offer a cover in each of their looks): the statement takes the
    filled cover, not a plain content slide and not the deck's own cover."""
    prs = Presentation()
    filled = _layout(prs, 0, "Section Header")
    filled.name = "Title Slide, filled"
    _background(filled, "D76C24")
    _keep_layouts(prs, ("Title Slide", "Title Slide, filled", "Title and Content",
                        "Two Content", "Title Only", "Blank"))
    return _save(prs, path)


MASTER_BUILDERS["cover_variants_without_divider"] = cover_variants_without_divider


def example_footers_typed_in(path: Path) -> Path:
    """Example slides with their own footer typed into a text box where the master's footer
    goes ("Projet BDR"), a frozen date field beside it, and a real label ("Vertraulich") at
    the top, each repeated on every example: the label is the organisation's and rides along,
    the example deck's footer and date do not."""
    prs = Presentation()
    _example(prs, 0, "Title Slide", "Titel")
    for n, name in enumerate(("Einführung", "Inhalt", "Ergebnis")):
        slide = _example(prs, 0, "Title and Content", name)
        _text_box(slide, 90 + n, "Projet BDR", 3.5, 6.95, 3.0, 0.3)
        _text_box(slide, 95 + n, "Vertraulich", 8.2, 0.1, 1.6, 0.3, size=1400)
        _field_box(slide, 99 + n, 0.5, 6.95, "datetime1", "23.01.2023", 2.33)
    return _save(prs, path)


MASTER_BUILDERS["example_footers_typed_in"] = example_footers_typed_in


def brand_only_in_dark_2(path: Path) -> Path:
    """The navy the master paints held by the theme's "dark 2" alone (its colour map sends
    text 2 elsewhere): the chart takes it by that name (a build once stopped on it)."""
    navy_band_over_own_magenta(path)
    prs = Presentation(str(path))
    set_theme_colour(prs, "dk2", "00249C")
    prs.slide_masters[0]._element.find(f"{P}clrMap").set("tx2", "lt2")
    return _save(prs, path)


MASTER_BUILDERS["brand_only_in_dark_2"] = brand_only_in_dark_2


def title_on_a_band_inside_its_box(path: Path) -> Path:
    """A green bar drawn on the layouts inside the title placeholder's box (a box of Office's
    usual height, the bar a line tall across it; on the content layout across the whole
    slide) and the titles styled white: the designer sets the title on the bar, as
    PowerPoint shows it, not under it in grey, and at the title's own indent."""
    prs = Presentation()
    white = (f'<a:lvl1pPr {NSDECL}><a:defRPr><a:solidFill><a:schemeClr val="bg1"/>'
             '</a:solidFill></a:defRPr></a:lvl1pPr>')
    for name, kind, (x, y, w, h), bar in (
            ("Title and Content", "title", (0.5, 0.3, 9.0, 1.25), (0.0, 0.55, 10.0, 0.75)),
            ("Title Slide", "ctrTitle", (0.75, 2.1, 8.5, 1.5), (0.75, 2.35, 8.5, 1.0))):
        layout = _layout(prs, 0, name)
        title = _typed(layout, kind)
        _move(title, x, y, w, h)
        _set_level_one(title, parse_xml(white))
        _rect(layout, 90, *bar, "00883A", "Title bar", geom="roundRect")
    return _save(prs, path)


MASTER_BUILDERS["title_on_a_band_inside_its_box"] = title_on_a_band_inside_its_box


def cover_title_on_its_subtitle(path: Path) -> Path:
    """A cover made for a short name: a title box one 28 pt line tall with the subtitle right
    under it (a stock template's "Name of presentation" over its web address). The deck's
    sentence-long title takes two lines there and the subtitle moves down, on the cover."""
    prs = Presentation()
    cover = _layout(prs, 0, "Title Slide")
    title, sub = _typed(cover, "ctrTitle"), _typed(cover, "subTitle")
    _move(title, 1.5, 0.6, 7.0, 0.55)
    _set_level_one(title, parse_xml(f'<a:lvl1pPr {NSDECL}><a:defRPr sz="2800"/></a:lvl1pPr>'))
    _move(sub, 1.5, 1.2, 7.0, 0.5)
    _set_level_one(sub, parse_xml(f'<a:lvl1pPr {NSDECL} marL="0" indent="0"><a:buNone/>'
                                  '<a:defRPr sz="2000"/></a:lvl1pPr>'))
    return _save(prs, path)


MASTER_BUILDERS["cover_title_on_its_subtitle"] = cover_title_on_its_subtitle


def _field_placeholder(slide, shape_id: int, kind: str, idx: int) -> None:
    """A footer, date or slide-number placeholder on an example slide, as PowerPoint's
    "Header and Footer" dialog adds it (python-pptx's new slides leave them off)."""
    slide.shapes._spTree.append(parse_xml(
        f'<p:sp {NSDECL}><p:nvSpPr><p:cNvPr id="{shape_id}" name="{kind} {shape_id}"/>'
        f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="{kind}" '
        f'sz="quarter" idx="{idx}"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>'
        '<a:lstStyle/><a:p><a:endParaRPr lang="de-DE"/></a:p></p:txBody></p:sp>'))


def fields_off_the_cover_example(path: Path) -> Path:
    """Example slides with the slide number on every content slide (the footer on one) and
    no field on the cover (PowerPoint's "Don't show on title slide"): the deck's cover leaves
    every field off, the footer too."""
    prs = Presentation()
    _example(prs, 0, "Title Slide", "Titel")
    for n, name in enumerate(("Einführung", "Inhalt", "Ergebnis")):
        slide = _example(prs, 0, "Title and Content", name)
        if n == 0:  # the footer on one of three: not the content slides' look
            _field_placeholder(slide, 90 + n, "ftr", 11)
        _field_placeholder(slide, 95 + n, "sldNum", 12)
    return _save(prs, path)


MASTER_BUILDERS["fields_off_the_cover_example"] = fields_off_the_cover_example


def painted_one_line_title_band(path: Path) -> Path:
    """The content title placeholder painted grey, one 32 pt line tall across the slide (the
    band is the title box itself): titles fit the band; it is not grown into the content."""
    prs = Presentation()
    content = _layout(prs, 0, "Title and Content")
    title = _typed(content, "title")
    _move(title, 0.0, 0.4, 10.0, 0.8)
    _set_level_one(title, parse_xml(f'<a:lvl1pPr {NSDECL}><a:defRPr sz="3200"/></a:lvl1pPr>'))
    title._element.spPr.append(parse_xml(
        f'<a:solidFill {NSDECL}><a:srgbClr val="D9D9D9"/></a:solidFill>'))
    return _save(prs, path)


MASTER_BUILDERS["painted_one_line_title_band"] = painted_one_line_title_band


def one_title_box_two_rooms(path: Path) -> Path:
    """Two content layouts with the same one-line title box: under the one the content
    starts well below, under the other its columns start right away. Titles grow where there
    is room, yet every title in that place keeps one size."""
    prs = Presentation()
    for name, top in (("Title and Content", 1.6), ("Two Content", 1.1)):
        layout = _layout(prs, 0, name)
        _move(_typed(layout, "title"), 0.5, 0.3, 9.0, 0.75)
        for ph in layout.placeholders:
            if ph.placeholder_format.idx in (1, 2):
                ph.top, ph.height = Inches(top), Inches(6.6 - top)
    return _save(prs, path)


MASTER_BUILDERS["one_title_box_two_rooms"] = one_title_box_two_rooms


def cover_title_where_content_titles_are(path: Path) -> Path:
    """The cover's title box where the content titles' box is (one 44 pt line tall), with
    room under it on the cover: the cover's title grows and stays a cover title, larger than
    the content titles, not their size for sharing their place."""
    prs = Presentation()
    for name, kind in (("Title Slide", "ctrTitle"), ("Title and Content", "title")):
        _move(_typed(_layout(prs, 0, name), kind), 0.5, 0.4, 9.0, 0.9)
    _move(_typed(_layout(prs, 0, "Title Slide"), "subTitle"), 0.5, 3.6, 9.0, 1.2)
    body = next(ph for ph in _layout(prs, 0, "Title and Content").placeholders
                if ph.placeholder_format.idx == 1)
    _move(body, 0.5, 1.6, 9.0, 4.8)
    return _save(prs, path)


MASTER_BUILDERS["cover_title_where_content_titles_are"] = cover_title_where_content_titles_are



def title_short_in_a_header_band(path: Path, picture: bool = False) -> Path:
    """A blue band across the top of the master with a logo at its right end, and the
    content layouts' title placeholders in the band, 4.3 in wide and shorter than one line of
    their 24 pt type (a Chinese fund's template, made for a short white title): the deck's
    titles stay in the band on those layouts, along it up to the logo, rather than the
    layouts being passed over for drawn boxes under an empty band."""
    prs = Presentation()
    _keep_layouts(prs, ("Title Slide", "Section Header", "Title and Content", "Two Content",
                        "Title Only"))
    master = prs.slide_masters[0]
    if picture:
        band = _png(Image.new("RGB", (1000, 90), (31, 78, 121)))
        _master_picture(master, 91, band, 0, 0, 10, 0.9)
    else:
        _rect(master, 91, 0, 0, 10, 0.9, "1F4E79", "Header band")
    _rect(master, 92, 8.2, 0.2, 1.5, 0.5, "C00000", "Logo")
    master._element.find(f"{P}txStyles/{P}titleStyle/{A}lvl1pPr/{A}defRPr").set("sz", "2400")
    for layout in prs.slide_layouts:
        if layout.name not in ("Title and Content", "Two Content", "Title Only"):
            continue
        _move(_typed(layout, "title"), 0.4, 0.25, 4.3, 0.3)
        for ph in layout.placeholders:
            if ph.placeholder_format.idx in (1, 2):
                ph.top, ph.height = Inches(1.3), Inches(5.2)
    return _save(prs, path)


MASTER_BUILDERS["title_short_in_a_header_band"] = title_short_in_a_header_band
# the band a picture on the master: text over it reads as text over a logo to design_check
MASTER_BUILDERS["title_short_in_a_picture_band"] = functools.partial(
    title_short_in_a_header_band, picture=True)


def half_column_examples(path: Path) -> Path:
    """Most example slides on a layout whose one text column takes the left half (the right
    half is for a chart or picture the example pastes), one on the full-width layout: a list
    alone belongs on the full-width one, not in a half column beside an empty half."""
    prs = Presentation()
    half = _layout(prs, 0, "Two Content")
    right = max((ph for ph in half.placeholders if ph.placeholder_format.idx in (1, 2)),
                key=lambda ph: ph.left)
    half.shapes._spTree.remove(right._element)
    half.name = "Text und Grafik"
    _example(prs, 0, "Title Slide", "Titel")
    for n in range(3):
        _example(prs, 0, "Text und Grafik", f"Grafik {n}")
    _example(prs, 0, "Title and Content", "Text")
    return _save(prs, path)


MASTER_BUILDERS["half_column_examples"] = half_column_examples


def fields_nowhere_on_examples(path: Path) -> Path:
    """Example slides, a cover and content, none of them showing a field although the
    layouts have them (the designer's example deck saved with its footer off): the deck's
    cover is set as the example cover, without footer or number; its content slides keep the
    fields their layouts place."""
    prs = Presentation()
    _example(prs, 0, "Title Slide", "Titel")
    for name in ("Einführung", "Inhalt"):
        _example(prs, 0, "Title and Content", name)
    return _save(prs, path)


MASTER_BUILDERS["fields_nowhere_on_examples"] = fields_nowhere_on_examples


def brand_in_background_marks(path: Path) -> Path:
    """Office's accents in the theme; the brand only in the master's background picture, a
    white page with a cyan round logo and a cyan rule painted in (a church college's
    template): the figure and the chart take the cyan."""
    from PIL import ImageDraw

    img = Image.new("RGB", (1000, 750), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    draw.ellipse((20, 15, 80, 75), fill=(34, 162, 216))
    draw.rectangle((0, 90, 999, 101), fill=(34, 162, 216))
    prs = Presentation()
    background_picture(prs.slide_masters[0], _png(img))
    return _save(prs, path)


def brand_in_a_small_shield(path: Path) -> Path:
    """Office's accents in the theme; the brand only in a small shield logo on the master, its
    teal in two shades on a tenth of the picture beside white and dark grey (a public
    agency's mark): the figure and the chart take the teal, not Office blue."""
    from PIL import ImageDraw

    img = Image.new("RGBA", (200, 240), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.polygon([(0, 0), (200, 0), (200, 150), (100, 240), (0, 150)], fill=(40, 40, 40, 255))
    draw.rectangle((20, 20, 180, 120), fill=(235, 235, 235, 255))
    draw.rectangle((30, 60, 100, 100), fill=(2, 110, 144, 255))
    draw.rectangle((105, 60, 170, 100), fill=(0, 128, 165, 255))
    prs = Presentation()
    _master_picture(prs.slide_masters[0], 95, _png(img), 8.9, 6.3, 0.9, 1.08)
    return _save(prs, path)


MASTER_BUILDERS.update({"brand_in_background_marks": brand_in_background_marks,
                        "brand_in_a_small_shield": brand_in_a_small_shield})


def open_text_box_under_title(path: Path) -> Path:
    """Google Slides' export: the content layout's body box 0.6 in tall right under the
    title, across the slide, with nothing under it (its list grows down the page as it is
    typed). Lists and points go on that layout, their box grown into the empty page,
    rather than on drawn boxes over another layout."""
    prs = Presentation()
    _keep_layouts(prs, ("Title Slide", "Section Header", "Title and Content", "Title Only"))
    content = _layout(prs, 0, "Title and Content")
    _move(_typed(content, "title"), 0.5, 0.4, 9.0, 0.8)
    _move(next(ph for ph in content.placeholders if ph.placeholder_format.idx == 1),
          0.5, 1.4, 9.0, 0.6)
    return _save(prs, path)


MASTER_BUILDERS["open_text_box_under_title"] = open_text_box_under_title


def brand_marks_on_a_coloured_ground(path: Path) -> Path:
    """Office-like theme accents of the designer's own; the master's background picture a navy
    page with gold triangles painted in (a conference's template): the figure and the chart
    take the gold of the marks, not the navy they stand on."""
    from PIL import ImageDraw

    img = Image.new("RGB", (1000, 750), (48, 72, 107))
    draw = ImageDraw.Draw(img)
    for n in range(4):
        draw.polygon([(20 + 60 * n, 20), (70 + 60 * n, 20), (45 + 60 * n, 70)],
                     fill=(255, 217, 101))
    prs = Presentation()
    background_picture(prs.slide_masters[0], _png(img))
    _white_text(prs.slide_masters[0])
    return _save(prs, path)


MASTER_BUILDERS["brand_marks_on_a_coloured_ground"] = brand_marks_on_a_coloured_ground


def date_alone_on_the_cover_example(path: Path) -> Path:
    """The cover example shows its date and neither footer nor slide number; the content
    examples show no field at all: the deck's cover carries a date and no page number, its
    content slides the fields their layouts place."""
    prs = Presentation()
    cover = _example(prs, 0, "Title Slide", "Titel")
    _field_placeholder(cover, 90, "dt", 10)
    for name in ("Einführung", "Inhalt"):
        _example(prs, 0, "Title and Content", name)
    return _save(prs, path)


MASTER_BUILDERS["date_alone_on_the_cover_example"] = date_alone_on_the_cover_example


def pale_mint_band(path: Path) -> Path:
    """Office's accents, the brand a pale mint band (1.8:1 on white, a conference's green):
    five twentieths deeper is not enough, and a green deepened further is still the brand's
    green (an orange would turn brown), so chart and figure take it, not Office blue."""
    prs = Presentation()
    _rect(prs.slide_masters[0], 91, 0, 0, 10, 0.6, "9CCCB4", "Brand band")
    return _save(prs, path)


MASTER_BUILDERS["pale_mint_band"] = pale_mint_band
