"""Parts PowerPoint expects that some templates lack.

LibreOffice-written templates have no ``viewProps`` (and sometimes no ``presProps``) part;
PowerPoint then offers to repair the file. Adding minimal, schema-valid parts is harmless
for every other application.
"""

from __future__ import annotations

from typing import Any

_P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
_PARTS = (
    # (relationship type, content type, part name, XML)
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/viewProps",
     "application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml",
     "/ppt/viewProps.xml",
     f'<p:viewPr xmlns:p="{_P_NS}"/>'),
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/presProps",
     "application/vnd.openxmlformats-officedocument.presentationml.presProps+xml",
     "/ppt/presProps.xml",
     f'<p:presentationPr xmlns:p="{_P_NS}"/>'),
)


def add_missing_parts(prs: Any) -> list[str]:
    """Add what is missing; returns the part names added (for tests and reports)."""
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    part = prs.part
    have = {rel.reltype for rel in part.rels.values()}
    added = []
    for reltype, content_type, name, xml in _PARTS:
        if reltype in have:
            continue
        blob = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml.encode()
        new = Part(PackURI(name), content_type, part.package, blob)
        part.relate_to(new, reltype)
        added.append(name)
    return added


# CT_Presentation's children, in the order the schema requires
_PRESENTATION_ORDER = ("sldMasterIdLst", "notesMasterIdLst", "handoutMasterIdLst", "sldIdLst",
                       "sldSz", "notesSz", "smartTags", "embeddedFontLst", "custShowLst",
                       "photoAlbum", "custDataLst", "kinsoku", "defaultTextStyle",
                       "modifyVerifier", "extLst")


def order_presentation(prs: Any) -> bool:
    """Put ``presentation.xml``'s children in schema order. Some generators (pptxgenjs)
    write ``notesMasterIdLst`` after ``sldIdLst``; PowerPoint copes, validators do not, and
    a deck built from such a template should not inherit the error. True if it moved any."""
    root = prs.part._element
    children = [c for c in root if isinstance(c.tag, str)]
    rank = {f"{{{_P_NS}}}{name}": i for i, name in enumerate(_PRESENTATION_ORDER)}
    before_ext = len(rank) - 1.5  # anything else (markup compatibility) stays before extLst
    wanted = sorted(children, key=lambda c: rank.get(c.tag, before_ext))
    if wanted == children:
        return False
    for child in wanted:
        root.append(child)  # appending an element already there moves it to the end
    return True


_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_BODY_ORDER = {f"{{{_A_NS}}}bodyPr": 0, f"{{{_A_NS}}}lstStyle": 1, f"{{{_A_NS}}}p": 2}


def order_text_bodies(prs: Any) -> int:
    """Text bodies of masters and layouts in schema order (``bodyPr``, ``lstStyle``, then
    paragraphs): some editors write the list style after the paragraphs, which PowerPoint
    repairs and the deck would inherit. Returns how many bodies were put in order."""
    fixed = 0
    parts = [m for m in prs.slide_masters] + [la for m in prs.slide_masters
                                              for la in m.slide_layouts]
    for part in parts:
        for body in part._element.iter(f"{{{_P_NS}}}txBody"):
            fixed += _reorder(body, _BODY_ORDER)
    return fixed


def _reorder(el: Any, order: dict[str, int]) -> bool:
    """``el``'s children in the schema's order (``order``: tag → place; others last)."""
    children = list(el)
    ordered = sorted(children, key=lambda c: order.get(c.tag, len(order)))
    if ordered == children:
        return False
    for child in children:
        el.remove(child)
    el.extend(ordered)
    return True


def move_misplaced_attributes(prs: Any) -> int:
    """``showMasterSp`` written on a layout's ``cSld`` (where the schema has no such
    attribute) moved to the layout itself, where PowerPoint reads it."""
    moved = 0
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            c_sld = layout._element.find(f"{{{_P_NS}}}cSld")
            value = c_sld.get("showMasterSp") if c_sld is not None else None
            if value is None:
                continue
            del c_sld.attrib["showMasterSp"]
            if layout._element.get("showMasterSp") is None:
                layout._element.set("showMasterSp", value)
            moved += 1
    return moved


_PITCH = frozenset(("0", "1", "2", "16", "17", "18", "32", "33", "34", "48", "49", "50", "64",
                    "65", "66", "80", "81", "82"))


def drop_invalid_font_hints(prs: Any) -> int:
    """Font hints outside their schema range (``pitchFamily="-112"``, as some Mac editors
    write them) removed from every part (the presentation's default style, masters,
    layouts, notes and handout masters): they are optional, and PowerPoint repairs a file
    that carries them. Returns how many."""
    from lxml import etree

    dropped = 0
    roots = []
    raw = []  # parts python-pptx keeps as bytes (a handout master): parsed, fixed, put back
    for part in prs.part.package.iter_parts():
        if getattr(part, "_element", None) is not None:
            roots.append(part._element)
        elif part.content_type.endswith("+xml") and b"pitchFamily" in (part.blob or b""):
            root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False))
            roots.append(root)
            raw.append((part, root))
    for root in roots:
        for tag in ("latin", "ea", "cs", "sym", "buFont", "font"):
            for el in root.iter(f"{{{_A_NS}}}{tag}"):
                if el.get("pitchFamily") not in (None, *_PITCH):
                    del el.attrib["pitchFamily"]
                    dropped += 1
                charset = el.get("charset")
                if charset is not None and not (charset.lstrip("-").isdigit()
                                                and -128 <= int(charset) <= 127):
                    del el.attrib["charset"]
                    dropped += 1
    for part, root in raw:
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                    standalone=True)
    return dropped


_C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_DLBL_ORDER = {f"{{{_C_NS}}}{name}": i for i, name in enumerate((
    "idx", "delete", "layout", "tx", "numFmt", "spPr", "txPr", "dLblPos", "showLegendKey",
    "showVal", "showCatName", "showSerName", "showPercent", "showBubbleSize", "separator",
    "extLst"))}


def order_chart_labels(prs: Any) -> int:
    """Data labels of every chart in schema order: LibreOffice writes a label's text after
    its text properties, which PowerPoint repairs. Returns how many labels were reordered."""
    fixed = 0
    for part in prs.part.package.iter_parts():
        if not str(part.partname).startswith("/ppt/charts/chart"):
            continue
        space = getattr(part, "_element", None)
        if space is None:
            continue
        for label in space.iter(f"{{{_C_NS}}}dLbl"):
            fixed += _reorder(label, _DLBL_ORDER)
    return fixed
