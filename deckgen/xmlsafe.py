"""A hardened XML parser for template parts, and the edits sanitation makes to part XML.

Template parts are parsed with no entity expansion, no network and no huge-tree mode, so an
entity bomb or an external entity (``file:///etc/passwd``) never expands. A part that declares
entities is cleaned (declarations and references removed) and re-checked; if it is still not
plain XML, it counts as broken.
"""

from __future__ import annotations

import re

from lxml import etree

NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS_P = "http://schemas.openxmlformats.org/presentationml/2006/main"

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                          load_dtd=False, dtd_validation=False, remove_blank_text=False)

# Elements that are entries of a list: a broken reference removes the entry itself.
_ENTRIES = {"sldId", "sldLayoutId", "sldMasterId", "notesMasterId", "handoutMasterId",
            "hlinkClick", "hlinkHover", "hlinkMouseOver", "control", "embeddedFont",
            "custShow", "snd", "tagLst", "custData"}
# Elements whose broken reference takes the whole shape (a picture without its picture).
_SHAPES = {"sp", "pic", "graphicFrame", "cxnSp", "grpSp", "contentPart", "bg"}


class BrokenXml(Exception):
    """A part is not well-formed, or still carries entities after cleaning."""


def parse(blob: bytes) -> tuple[etree._Element, bool]:
    """``(root, had_doctype)``; a part with entities comes back cleaned or raises `BrokenXml`."""
    try:
        root = etree.fromstring(blob, _PARSER)
    except (etree.XMLSyntaxError, ValueError) as exc:
        reason = re.sub(r"\s*\(<string>, line \d+\)$", "", " ".join(str(exc).split()))
        raise BrokenXml(reason[:160] or "not well-formed") from None
    if root is None:
        raise BrokenXml("empty part")
    info = root.getroottree().docinfo
    if not info.doctype and info.internalDTD is None:
        return root, False
    for ent in list(root.iter(etree.Entity)):
        _remove(ent)
    try:
        clean = etree.fromstring(etree.tostring(root), _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        raise BrokenXml("entity references left after removing the DOCTYPE") from None
    if any(True for _ in clean.iter(etree.Entity)):
        raise BrokenXml("entity references left after removing the DOCTYPE")
    return clean, True


def serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _remove(el: etree._Element) -> None:
    """Remove ``el`` but keep the text that followed it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _owner(el: etree._Element) -> etree._Element | None:
    """The shape (or its ``mc:AlternateContent`` wrapper) a reference belongs to."""
    node: etree._Element | None = el
    while node is not None:
        if _local(node.tag) in _SHAPES and node.tag.startswith(f"{{{NS_P}}}"):
            wrapper = node.getparent()
            if wrapper is not None and wrapper.tag in (f"{{{NS_MC}}}Choice", f"{{{NS_MC}}}Fallback"):
                return wrapper.getparent()
            return node
        node = node.getparent()
    return None


def prune_references(root: etree._Element, ids: set[str]) -> bool:
    """Remove what refers to a dropped relationship id; True if anything changed.

    A list entry (a layout id, a hyperlink) goes alone; a picture, OLE frame or chart whose
    target was dropped goes with its shape, so no slide shows a broken-picture box.
    """
    if not ids:
        return False
    changed = False
    for el in list(root.iter(etree.Element)):
        hits = [k for k, v in el.attrib.items() if k.startswith(f"{{{NS_R}}}") and v in ids]
        if not hits:
            continue
        changed = True
        if _local(el.tag) in _ENTRIES:
            _remove(el)
            continue
        owner = _owner(el)
        if owner is not None and owner is not root:
            _remove(owner)
        else:
            for key in hits:
                del el.attrib[key]
    return changed
