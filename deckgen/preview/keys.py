"""What each slide's picture depends on, as a key: equal keys, equal pictures.

After a save most slides are often unchanged; rendering only the slides whose key is new is
what keeps pictures quick. A slide's key covers its own part and everything it refers to
(charts and their workbooks, pictures), except its speaker notes, which do not show; its
place in the deck (the slide number field); the parts every slide inherits (layouts,
masters, theme, presentation defaults, the template's media); and the picture width.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import zipfile
from xml.etree import ElementTree

_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_SLIDE_OWN = ("ppt/slides/", "ppt/notesSlides/", "ppt/notesMasters/", "ppt/charts/",
              "ppt/embeddings/", "docProps/", "customXml/")
_NOT_FOLLOWED = ("slideLayout", "notesSlide")  # the layout counts as shared; notes never show


def slide_keys(deck: bytes, width: int) -> list[str]:
    """One key per slide, in the deck's order (20 hex digits, also the picture's id)."""
    with zipfile.ZipFile(io.BytesIO(deck)) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    shared = hashlib.sha256(f"deckgen-preview-1 {width}".encode())
    for name in sorted(parts):
        if name.startswith(_SLIDE_OWN) or name == "[Content_Types].xml":
            continue
        shared.update(name.encode() + b"\0" + hashlib.sha256(parts[name]).digest())
    common = shared.digest()
    keys = []
    for number, slide in enumerate(_slides(parts), 1):
        h = hashlib.sha256(common + str(number).encode())
        for name in _reachable(parts, slide):
            h.update(name.encode() + b"\0" + hashlib.sha256(parts[name]).digest())
        keys.append(h.hexdigest()[:20])
    return keys


def _slides(parts: dict[str, bytes]) -> list[str]:
    """The slide parts in presentation order (``p:sldIdLst``)."""
    rels = _targets(parts, "ppt/presentation.xml")
    root = ElementTree.fromstring(parts["ppt/presentation.xml"])
    ids = root.find(f"{_P}sldIdLst")
    return [rels[el.get(_R_ID, "")] for el in (ids if ids is not None else ())
            if rels.get(el.get(_R_ID, "")) in parts]


def _reachable(parts: dict[str, bytes], start: str) -> list[str]:
    """``start`` and the parts it refers to, transitively, but not its layout or notes."""
    seen = [start]
    todo = [start]
    while todo:
        part = todo.pop()
        rels = _rels_name(part)
        if rels in parts:
            seen.append(rels)
        for rid, target in _targets(parts, part, skip=_NOT_FOLLOWED).items():
            if rid and target in parts and target not in seen:
                seen.append(target)
                todo.append(target)
    return sorted(seen)


def _targets(parts: dict[str, bytes], part: str, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Relationship id → internal target part name."""
    rels = parts.get(_rels_name(part))
    if rels is None:
        return {}
    out = {}
    base = posixpath.dirname(part)
    for rel in ElementTree.fromstring(rels).iter(_REL):
        if rel.get("TargetMode") == "External" or rel.get("Type", "").endswith(skip):
            continue
        target = rel.get("Target", "")
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join(base, target))
        out[rel.get("Id", "")] = name
    return out


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")
