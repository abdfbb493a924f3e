"""Layouts for a master that has none, so any template with a slide master gives a deck.

Some exported or hand-trimmed templates keep a master (its background, logo, fonts and
colours) but no layouts. PowerPoint itself offers no slide on such a master either. deckgen
adds the two layouts every deck needs, a title slide and a title-and-content slide, whose
placeholders inherit the master's look and stand where the master's own title and body
stand (or where Office puts them, when the master has none).
"""

from __future__ import annotations

from typing import Any

from deckgen.ooxml import master_placeholder, ph_elements, shape_box

P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_LAYOUT_CT = "application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"


def add_missing_layouts(prs: Any) -> list[str]:
    """Give every master without layouts a title and a content layout; one note each."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.opc.packuri import PackURI
    from pptx.oxml import parse_xml
    from pptx.parts.slide import SlideLayoutPart

    notes = []
    package = prs.part.package
    used = {str(p.partname) for p in package.iter_parts()}
    ids = [int(el.get("id")) for m in prs.slide_masters
           for el in m._element.iter(f"{{{P_NS}}}sldLayoutId")]
    ids += [int(el.get("id")) for el in prs.part._element.iter(f"{{{P_NS}}}sldMasterId")]
    next_id = max([2147483648, *ids]) + 1
    w, h = int(prs.slide_width), int(prs.slide_height)
    for mi, master in enumerate(prs.slide_masters, 1):
        if len(master.slide_layouts):
            continue
        lst = master._element.find(f"{{{P_NS}}}sldLayoutIdLst")
        if lst is None:
            lst = parse_xml(f'<p:sldLayoutIdLst xmlns:p="{P_NS}"/>')
            master._element.find(f"{{{P_NS}}}cSld").addnext(lst)
        for _name, xml in (("Title Slide", _title_layout(master, w, h)),
                          ("Title and Content", _content_layout(master, w, h))):
            n = 1
            while f"/ppt/slideLayouts/slideLayout{n}.xml" in used:
                n += 1
            partname = f"/ppt/slideLayouts/slideLayout{n}.xml"
            used.add(partname)
            part = SlideLayoutPart(PackURI(partname), _LAYOUT_CT, package, parse_xml(xml))
            part.relate_to(master.part, RT.SLIDE_MASTER)
            rid = master.part.relate_to(part, RT.SLIDE_LAYOUT)
            lst.append(parse_xml(f'<p:sldLayoutId xmlns:p="{P_NS}" xmlns:r="{R_NS}" '
                                 f'id="{next_id}" r:id="{rid}"/>'))
            next_id += 1
        notes.append(f"master {mi} had no layouts: 'Title Slide' and 'Title and Content' "
                     "added, in the master's look")
    return notes


def _box(master: Any, kind: str, default: tuple[float, float, float, float], w: int,
         h: int) -> str:
    shape = master_placeholder(ph_elements(master._element), kind)
    box = shape_box(shape) if shape is not None else None
    x, y, bw, bh = (box.x, box.y, box.w, box.h) if box is not None and box.w and box.h else (
        int(default[0] * w), int(default[1] * h), int(default[2] * w), int(default[3] * h))
    return f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{bw}" cy="{bh}"/></a:xfrm>'


def _sp(shape_id: int, name: str, ph: str, xfrm: str, text: bool = True) -> str:
    body = '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr/></a:p></p:txBody>' \
        if text else ""
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr>'
            f'<a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr>'
            f'<p:spPr>{xfrm}</p:spPr>{body}</p:sp>')


def _fields(master: Any) -> str:
    """The master's date, footer and slide number, inherited where the master has them."""
    out = []
    for n, (kind, name) in enumerate((("dt", "Date Placeholder"), ("ftr", "Footer Placeholder"),
                                      ("sldNum", "Slide Number Placeholder")), 10):
        if any((ph.get("type") or "") == kind for _sp_el, ph in ph_elements(master._element)):
            out.append(_sp(n, name, f'<p:ph type="{kind}" sz="quarter" idx="{n}"/>', ""))
    return "".join(out)


def _layout(kind: str, name: str, shapes: str) -> str:
    return (f'<p:sldLayout xmlns:a="{A_NS}" xmlns:r="{R_NS}" xmlns:p="{P_NS}" type="{kind}" '
            f'preserve="1"><p:cSld name="{name}"><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" '
            'name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>'
            f'{shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>'
            '</p:sldLayout>')


def _title_layout(master: Any, w: int, h: int) -> str:
    return _layout("title", "Title Slide", "".join((
        _sp(2, "Title 1", '<p:ph type="ctrTitle"/>',
            f'<a:xfrm><a:off x="{w // 10}" y="{h * 3 // 10}"/><a:ext cx="{w * 8 // 10}" '
            f'cy="{h // 4}"/></a:xfrm>'),
        _sp(3, "Subtitle 2", '<p:ph type="subTitle" idx="1"/>',
            f'<a:xfrm><a:off x="{w // 10}" y="{h * 57 // 100}"/><a:ext cx="{w * 8 // 10}" '
            f'cy="{h // 6}"/></a:xfrm>'),
        _fields(master))))


def _content_layout(master: Any, w: int, h: int) -> str:
    return _layout("obj", "Title and Content", "".join((
        _sp(2, "Title 1", '<p:ph type="title"/>', _box(master, "title", (0.06, 0.05, 0.88, 0.15),
                                                       w, h)),
        _sp(3, "Content Placeholder 2", '<p:ph idx="1"/>',
            _box(master, "body", (0.06, 0.23, 0.88, 0.65), w, h)),
        _fields(master))))
