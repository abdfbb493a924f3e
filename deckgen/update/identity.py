"""Stable identities for what deckgen writes, so a rebuild can find it again after edits.

Which carriers survive a save, found by experiment (LibreOffice 7.4.7, ``soffice --headless
--convert-to pptx``) and from ECMA-376 for PowerPoint:

=====================================  ==========  =================================
carrier                                PowerPoint  LibreOffice 7.4
=====================================  ==========  =================================
``p:custDataLst`` tags (slide, shape)  kept        dropped (tag parts too)
``p14:creationId`` on a slide          kept        dropped
``p:cSld/@name``                       kept        dropped
placeholder names (``cNvPr/@name``)    kept        renamed "PlaceHolder N"
names of other shapes, chart frames    kept        kept
``cNvPr/@descr`` / ``@title``          kept        dropped
a ``customXml`` item                   kept        dropped
custom properties (docProps/custom)    kept        kept (adds "PresentationFormat")
``dc:identifier`` in core properties   kept        kept
slide order, shape order, texts        kept        kept (parts and ids renumbered)
=====================================  ==========  =================================

So two carriers, matched by either:

* per slide a tags part (``p:cSld/p:custDataLst``) naming the slide (``point-3``: its role and
  occurrence in the plan, stable when content adds a slide later) and mapping shape ids to
  fields (``2=title 3=body 7=chart``). PowerPoint keeps both tags and shape ids; a duplicated
  slide carries the same tag, and only the first such slide counts as deckgen's.
* a manifest in custom document properties: every slide deckgen wrote, in order, with a hash
  of each field as written (`deckgen.update.fingerprint`). It is chunked into 240-character
  properties because Office cuts custom property values at 255 characters. When a program
  dropped the tags (LibreOffice), slides and fields are found again by their hashes, then by
  order between the ones found (`deckgen.update.matching`); the next update stamps tags again.
"""

from __future__ import annotations

import base64
import json
import zlib
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from deckgen.update.fingerprint import P, field_hash, frame_kind, notes_text, ph_type, short_hash

SLIDE_TAG = "DECKGEN_SLIDE"
SHAPES_TAG = "DECKGEN_SHAPES"
MANIFEST_PROP = "deckgen.manifest."
CHUNK = 240
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
NOTES = "notes"


@dataclass
class SlideRecord:
    """One slide as deckgen wrote it: its key, role, title, and a hash per field."""

    key: str
    role: str
    title: str
    hashes: dict[str, str] = field(default_factory=dict)  # field → hash; NOTES included
    order: list[tuple[str, str]] = field(default_factory=list)  # (field, ph type) in tree order
    # where every top-level shape sat, in tree order, and each field's own box
    # (`deckgen.update.placement`); empty in manifests written before geometry was recorded
    boxes: list[list[int]] = field(default_factory=list)
    placed: dict[str, list[int]] = field(default_factory=dict)

    def to_json(self) -> list[Any]:
        return [self.key, self.role, self.title, self.hashes, self.order, self.boxes,
                self.placed]

    @classmethod
    def from_json(cls, data: list[Any]) -> SlideRecord:
        key, role, title, hashes, order = data[:5]
        boxes, placed = (data[5], data[6]) if len(data) >= 7 else ([], {})
        return cls(str(key), str(role), str(title), {str(k): str(v) for k, v in hashes.items()},
                   [(str(f), str(p)) for f, p in order],
                   [[int(v) for v in box] for box in boxes],
                   {str(k): [int(v) for v in box] for k, box in placed.items()})


def slide_keys(roles: list[str]) -> list[str]:
    """``point-1``, ``point-2``…: a slide's key is its role and occurrence in the plan."""
    seen: dict[str, int] = {}
    out = []
    for role in roles:
        seen[role] = seen.get(role, 0) + 1
        out.append(f"{role}-{seen[role]}")
    return out


def shape_id(el: Any) -> str:
    nv = el.find(f"./*/{P}cNvPr")
    return nv.get("id", "") if nv is not None else ""


# -- stamping -------------------------------------------------------------------------------
def stamp(writer: Any, memo: dict[Any, str | None] | None = None) -> list[SlideRecord]:
    """Tag every slide and field `DeckWriter.write` made; return the manifest's records.

    ``memo`` keeps the fields' readings for the deck's mark (`fingerprint.content_digest`)."""
    keys = slide_keys([state.spec.role for state in writer.slides])
    records = []
    for key, state in zip(keys, writer.slides):
        fields: dict[Any, str] = {filled.sp: name for name, filled in state.texts.items()}
        fields.update({sp: f"field:{kind}" for kind, (sp, _t) in state.fields.items()})
        if getattr(state, "logo", None) is not None:
            fields[state.logo] = "logo"  # a new logo file replaces it; a moved one stays put
        counts: dict[str, int] = {}
        for el in state.slide.shapes._spTree:
            kind = frame_kind(el) if isinstance(el.tag, str) else "other"
            if el not in fields and kind in ("chart", "table", "picture", "group"):
                counts[kind] = counts.get(kind, 0) + 1
                fields[el] = kind if counts[kind] == 1 else f"{kind}{counts[kind]}"
        records.append(stamp_slide(state.slide, key, state.spec.role, state.spec.title, fields,
                                   memo))
    return records


def stamp_slide(slide: Any, key: str, role: str, title: str, fields: dict[Any, str],
                memo: dict[Any, str | None] | None = None) -> SlideRecord:
    """Write the slide's tags and hash its fields as they stand now."""
    from deckgen.update.placement import placed_shapes

    record = SlideRecord(key, role, title)
    placed = placed_shapes(slide)
    record.boxes = [list(box) for _el, box in placed]
    box_of = dict(placed)
    ids = []
    for el in slide.shapes._spTree:
        name = fields.get(el)
        if name is None:
            continue
        if el in box_of:
            record.placed[name] = list(box_of[el])
        ids.append(f"{shape_id(el)}={name}")
        digest = field_hash(slide.part, el, memo)
        if digest is not None:
            record.hashes[name] = digest
        record.order.append((name, ph_type(el) or frame_kind(el)))
    record.hashes[NOTES] = short_hash(notes_text(slide))
    write_tags(slide, {SLIDE_TAG: key, SHAPES_TAG: " ".join(ids)})
    return record


def write_tags(slide: Any, tags: dict[str, str]) -> None:
    """The slide's tags part, made or refilled (a batch refills the same slides)."""
    from pptx.opc.constants import CONTENT_TYPE as CT
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.opc.package import XmlPart
    from pptx.oxml import parse_xml

    root = etree.Element(f"{P}tagLst", nsmap={"p": P[1:-1]})
    for name, val in tags.items():
        etree.SubElement(root, f"{P}tag", name=name, val=val)
    xml = etree.tostring(root)
    part = _tags_part(slide)
    if part is not None:
        if hasattr(part, "_element"):
            part._element = parse_xml(xml)
        else:  # loaded from a file: python-pptx keeps unknown parts as bytes
            part._blob = xml
        return
    package = slide.part.package
    part = XmlPart(_next_tags_name(package), CT.PML_TAGS, package, parse_xml(xml))
    rid = slide.part.relate_to(part, RT.TAGS)
    c_sld = slide._element.find(f"{P}cSld")
    lst = c_sld.find(f"{P}custDataLst")
    if lst is None:
        lst = etree.Element(f"{P}custDataLst")
        c_sld.find(f"{P}spTree").addnext(lst)
    etree.SubElement(lst, f"{P}tags").set(_R_ID, rid)


_TAG_NAMES: dict[int, tuple[Any, set[str]]] = {}


def _next_tags_name(package: Any) -> Any:
    """A free ``/ppt/tags/tagN.xml``. python-pptx's ``next_partname`` walks every part of the
    package on each call; a deck asks once per slide, so the names in use are read once."""
    from pptx.opc.packuri import PackURI

    known = _TAG_NAMES.get(id(package))
    if known is None or known[0] is not package:
        if len(_TAG_NAMES) > 8:
            _TAG_NAMES.clear()
        used = {str(p.partname) for p in package.iter_parts()
                if str(p.partname).startswith("/ppt/tags/")}
        known = _TAG_NAMES[id(package)] = (package, used)
    used = known[1]
    n = 1
    while f"/ppt/tags/tag{n}.xml" in used:
        n += 1
    name = f"/ppt/tags/tag{n}.xml"
    used.add(name)
    return PackURI(name)


def _tags_part(slide: Any) -> Any:
    """The tags part of this slide that holds deckgen's tags, if any."""
    for tags in slide._element.iterfind(f"{P}cSld/{P}custDataLst/{P}tags"):
        rid = tags.get(_R_ID)
        if rid and rid in slide.part.rels:
            part = slide.part.related_part(rid)
            el = _xml(part)
            if el is not None and any(t.get("name") == SLIDE_TAG for t in el):
                return part
    return None


def _xml(part: Any) -> Any:
    """A part's root element, parsed safely when python-pptx kept it as bytes."""
    el = getattr(part, "_element", None)
    if el is not None:
        return el
    try:
        return etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False,
                                                           no_network=True))
    except etree.XMLSyntaxError:
        return None


def read_tags(slide: Any) -> tuple[str | None, dict[str, str]]:
    """The slide's key and its shape id → field map, or (None, {}) for an untagged slide."""
    part = _tags_part(slide)
    if part is None:
        return None, {}
    values = {t.get("name"): t.get("val", "") for t in _xml(part)}
    pairs = (item.split("=", 1) for item in values.get(SHAPES_TAG, "").split())
    return values.get(SLIDE_TAG), {k: v for k, v in pairs}


def untag(slide: Any) -> None:
    """Make a slide the person's own (deckgen no longer has it, and they changed it)."""
    for tags in list(slide._element.iterfind(f"{P}cSld/{P}custDataLst/{P}tags")):
        rid = tags.get(_R_ID)
        if rid in slide.part.rels and slide.part.related_part(rid) is _tags_part(slide):
            lst = tags.getparent()
            lst.remove(tags)
            if not len(lst):
                lst.getparent().remove(lst)
            slide.part.drop_rel(rid)


# -- the manifest in custom document properties ----------------------------------------------
def _custom_part(prs: Any) -> Any:
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    package = prs.part.package
    for rel in package._rels.values():
        if rel.reltype == RT.CUSTOM_PROPERTIES and not rel.is_external:
            return rel.target_part
    return None


def read_manifest(prs: Any) -> list[SlideRecord] | None:
    """The records deckgen stored, or None if the deck has none (not ours, or damaged)."""
    part = _custom_part(prs)
    if part is None:
        return None
    try:
        root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False,
                                                           no_network=True))
        chunks = sorted((p.get("name", ""), "".join(p.itertext())) for p in root
                        if p.get("name", "").startswith(MANIFEST_PROP))
        if not chunks:
            return None
        data = json.loads(zlib.decompress(base64.b64decode("".join(c for _, c in chunks))))
        return [SlideRecord.from_json(item) for item in data["slides"]]
    except (ValueError, KeyError, TypeError, zlib.error, etree.XMLSyntaxError):
        return None


def write_manifest(prs: Any, records: list[SlideRecord]) -> None:
    """Store the records, keeping every custom property that is not deckgen's."""
    from pptx.opc.constants import CONTENT_TYPE as CT
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    raw = json.dumps({"v": 1, "slides": [r.to_json() for r in records]}, ensure_ascii=False,
                     sort_keys=True, separators=(",", ":")).encode()
    text = base64.b64encode(zlib.compress(raw, 9)).decode()
    part = _custom_part(prs)
    others = []
    if part is not None:
        try:
            root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False,
                                                               no_network=True))
            others = [p for p in root if not p.get("name", "").startswith(MANIFEST_PROP)]
        except etree.XMLSyntaxError:
            others = []
    root = etree.Element(f"{{{_CUSTOM_NS}}}Properties", nsmap={None: _CUSTOM_NS, "vt": _VT_NS})
    for prop in others:
        root.append(prop)
    for n, start in enumerate(range(0, len(text), CHUNK)):
        prop = etree.SubElement(root, f"{{{_CUSTOM_NS}}}property", fmtid=_FMTID, pid="0",
                                name=f"{MANIFEST_PROP}{n:03d}")
        etree.SubElement(prop, f"{{{_VT_NS}}}lpwstr").text = text[start:start + CHUNK]
    for pid, prop in enumerate(root, 2):
        prop.set("pid", str(pid))
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if part is not None:
        if hasattr(part, "_element"):
            from pptx.oxml import parse_xml

            part._element = parse_xml(blob)
        else:
            part._blob = blob
        return
    package = prs.part.package
    part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, package, blob)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)
