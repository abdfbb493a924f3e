"""Make a template safe to copy into every deck: what the deck must not carry is dropped.

A template's parts end up in every deck deckgen writes, and decks go to leadership. So at read
time, walking the relationships from the package root:
- macros (``vbaProject.bin``), ActiveX controls, OLE objects, ribbon code and signatures are
  dropped with their relationships (a ``.pptm``/``.potm``/``.ppsm`` then reads as a ``.pptx``);
- external relationships (linked pictures over http, ``file://``, ``\\\\server\\share``, links)
  are dropped, because PowerPoint fetches them when the deck opens;
- relationships whose target is missing are dropped, and so is what refers to them;
- every XML part is parsed by the hardened parser; a broken or entity-laden theme is replaced by
  python-pptx's default theme, and a master without a theme gets one.
Every change is reported as one short line, for ``deckgen inspect`` and ``--verbose``.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from deckgen.errors import DeckgenError
from deckgen.xmlsafe import BrokenXml, parse, prune_references, serialize

_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_PML = "application/vnd.openxmlformats-officedocument.presentationml."
PPTX_MAIN = _PML + "presentation.main+xml"
_MAIN_KINDS = {
    PPTX_MAIN: "",
    _PML + "template.main+xml": "template (.potx)",
    _PML + "slideshow.main+xml": "slide show (.ppsx)",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml": "macro presentation (.pptm)",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml": "macro template (.potm)",
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml": "macro slide show (.ppsm)",
}
_THEME_CT = "application/vnd.openxmlformats-officedocument.theme+xml"
_RT_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
_MASTERS = ("slideMaster+xml", "notesMaster+xml", "handoutMaster+xml")
_CRITICAL = (_PML + "slideMaster+xml", _PML + "slideLayout+xml", *_MAIN_KINDS)
# relationship type (last path segment) or content-type fragment → what a reader is told
_UNWANTED = {"vbaProject": "macros", "vbaProjectSignature": "macro signature",
             "vbaData": "macros", "control": "ActiveX control",
             "activeXControlBinary": "ActiveX control", "activeX": "ActiveX control",
             "oleObject": "OLE object", "extensibility": "ribbon customization",
             "origin": "digital signature", "attachedTemplate": "attached template"}


@dataclass
class _Pkg:
    names: dict[str, bytes]
    order: list[str]
    defaults: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, str] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)

    def content_type(self, name: str) -> str:
        found = self.overrides.get("/" + name.lower())
        if found is None:
            found = self.defaults.get(posixpath.splitext(name)[1][1:].lower(), "")
        return found


def _rels_name(source: str) -> str:
    folder, base = posixpath.split(source)
    return posixpath.join(folder, "_rels", base + ".rels") if source else "_rels/.rels"


def _resolve(source: str, target: str) -> str | None:
    if target.startswith("/"):
        joined = posixpath.normpath(target[1:])
    else:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
    return None if joined.startswith("..") or joined in (".", "") else joined


def _unwanted(rel_type: str, content_type: str) -> str | None:
    last = rel_type.rstrip("/").rsplit("/", 1)[-1]
    if last in _UNWANTED:
        return _UNWANTED[last]
    lowered = content_type.lower()
    for key, what in _UNWANTED.items():
        if key.lower() in lowered and key not in ("control", "origin"):
            return what
    return None


def _default_theme() -> bytes:
    import pptx

    return (Path(pptx.__file__).parent / "templates" / "theme.xml").read_bytes()


def _load_types(pkg: _Pkg, path: Path) -> None:
    blob = pkg.names.get("[Content_Types].xml")
    if blob is None:
        raise DeckgenError(f"{path}: not an Office file (no [Content_Types].xml)")
    try:
        root, _ = parse(blob)
    except BrokenXml as exc:
        raise DeckgenError(f"{path}: [Content_Types].xml is broken ({exc})") from None
    for el in root:
        if el.tag == f"{{{_CT}}}Default" and el.get("Extension"):
            pkg.defaults[el.get("Extension", "").lower()] = el.get("ContentType", "")
        elif el.tag == f"{{{_CT}}}Override" and el.get("PartName"):
            pkg.overrides[el.get("PartName", "").lower()] = el.get("ContentType", "")


def _read_rels(pkg: _Pkg, source: str, path: Path) -> list[etree._Element]:
    blob = pkg.names.get(_rels_name(source))
    if blob is None:
        return []
    try:
        root, _ = parse(blob)
    except BrokenXml as exc:
        if not source:
            raise DeckgenError(f"{path}: _rels/.rels is broken ({exc})") from None
        pkg.dropped.append(f"broken relationships of {source} ({exc})")
        return []
    return [el for el in root if el.tag == f"{{{_RELS}}}Relationship"]


class _Walker:
    """Walks relationships from the package root, deciding for each what stays."""

    def __init__(self, pkg: _Pkg, path: Path) -> None:
        self.pkg, self.path = pkg, path
        self.kept: dict[str, list[etree._Element]] = {}  # source → kept relationships
        self.parsed: dict[str, etree._Element] = {}
        self.changed: set[str] = set()
        self.reached: set[str] = set()

    def walk(self) -> None:
        queue = [""]
        while queue:
            source = queue.pop(0)
            kept, dropped_ids = [], set()
            for rel in _read_rels(self.pkg, source, self.path):
                target = self._check(source, rel)
                if target is None:
                    dropped_ids.add(rel.get("Id", ""))
                    continue
                kept.append(rel)
                if target and target not in self.reached:
                    self.reached.add(target)
                    queue.append(target)
            self.kept[source] = kept
            if source in self.parsed and prune_references(self.parsed[source], dropped_ids):
                self.changed.add(source)

    def _check(self, source: str, rel: etree._Element) -> str | None:
        """The target part to keep ('' for a kept external link), or None to drop ``rel``."""
        where = f" (in {source})" if source else ""
        rel_type, target = rel.get("Type", ""), rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            self.pkg.dropped.append(f"external link to {target[:200]}{where}")
            return None
        name = _resolve(source, target)
        if name is None or name not in self.pkg.names:
            self.pkg.dropped.append(f"broken link to missing part {target[:200]}{where}")
            return None
        ctype = self.pkg.content_type(name)
        what = _unwanted(rel_type, ctype)
        if what:
            self.pkg.dropped.append(f"{what} ({name})")
            return None
        if name in self.reached or not _is_xml(name, ctype):
            return name
        return self._check_xml(name, ctype, rel_type, where)

    def _check_xml(self, name: str, ctype: str, rel_type: str, where: str) -> str | None:
        try:
            root, had_doctype = parse(self.pkg.names[name])
        except BrokenXml as exc:
            if rel_type == _RT_THEME or ctype == _THEME_CT:
                self.pkg.names[name] = _default_theme()
                self.pkg.dropped.append(f"broken theme {name} ({exc}); default theme used")
                return name
            if ctype in _CRITICAL:
                raise DeckgenError(f"{self.path}: part {name} is broken ({exc}); re-save the "
                                   "template in PowerPoint") from None
            self.pkg.dropped.append(f"broken part {name}{where} ({exc})")
            return None
        if had_doctype:
            if rel_type == _RT_THEME or ctype == _THEME_CT:
                self.pkg.names[name] = _default_theme()
                self.pkg.dropped.append(f"theme {name} declared entities; default theme used")
                return name
            self.pkg.dropped.append(f"entity declarations in {name}")
            self.changed.add(name)
        self.parsed[name] = root
        return name


def _is_xml(name: str, ctype: str) -> bool:
    return ctype.endswith("xml") or name.lower().endswith((".xml", ".vml"))


def _add_missing_themes(pkg: _Pkg, walker: _Walker) -> None:
    """PowerPoint needs a theme per master; without one text falls back to odd defaults."""
    for source in sorted(walker.reached):
        if not pkg.content_type(source).endswith(_MASTERS):
            continue
        rels = walker.kept.get(source, [])
        if any(r.get("Type") == _RT_THEME for r in rels):
            continue
        n = 1
        while f"ppt/theme/theme{n}.xml" in pkg.names:
            n += 1
        name = f"ppt/theme/theme{n}.xml"
        pkg.names[name] = _default_theme()
        pkg.order.append(name)
        pkg.overrides["/" + name] = _THEME_CT
        ids = {r.get("Id") for r in rels}
        k = len(rels) + 1
        while f"rId{k}" in ids:
            k += 1
        rel = etree.Element(f"{{{_RELS}}}Relationship", Id=f"rId{k}", Type=_RT_THEME,
                            Target=posixpath.relpath(name, posixpath.dirname(source)))
        walker.kept[source] = [*rels, rel]
        walker.reached.add(name)
        pkg.dropped.append(f"missing theme for {source}; default theme added")


def _main_part(pkg: _Pkg, walker: _Walker, path: Path) -> str:
    mains = [n for n in walker.reached if n.startswith("ppt/") and pkg.content_type(n) in _MAIN_KINDS]
    if not mains:
        kinds = {pkg.content_type(n) for n in walker.reached}
        what = ("a Word document" if any("wordprocessingml" in k for k in kinds) else
                "an Excel workbook" if any("spreadsheetml" in k for k in kinds) else
                "another kind of package")
        raise DeckgenError(f"{path}: not a PowerPoint presentation ({what}); give a .pptx or "
                           ".potx file")
    main = sorted(mains)[0]
    kind = _MAIN_KINDS[pkg.content_type(main)]
    pkg.overrides["/" + main.lower()] = PPTX_MAIN
    if kind and "macro" in kind:
        pkg.dropped.append(f"{kind}: read as a plain presentation, without macros")
    return main


def _types_xml(pkg: _Pkg, keep: set[str]) -> bytes:
    root = etree.Element(f"{{{_CT}}}Types", nsmap={None: _CT})
    for ext, ctype in sorted(pkg.defaults.items()):
        if not _unwanted("", ctype):
            etree.SubElement(root, f"{{{_CT}}}Default", Extension=ext, ContentType=ctype)
    for name in pkg.order:
        ctype = pkg.overrides.get("/" + name.lower())
        if name in keep and ctype:
            etree.SubElement(root, f"{{{_CT}}}Override", PartName="/" + name, ContentType=ctype)
    return serialize(root)


def _rels_xml(rels: list[etree._Element]) -> bytes:
    root = etree.Element(f"{{{_RELS}}}Relationships", nsmap={None: _RELS})
    for rel in rels:
        root.append(rel)
    return serialize(root)


def sanitize(members: list[tuple[str, bytes]], path: Path) -> tuple[list[tuple[str, bytes]], list[str]]:
    """The members to give python-pptx, and one line for each thing dropped or replaced."""
    pkg = _Pkg(dict(members), [n for n, _ in members])
    _load_types(pkg, path)
    walker = _Walker(pkg, path)
    walker.walk()
    _main_part(pkg, walker, path)
    _add_missing_themes(pkg, walker)
    keep = set(walker.reached)
    for name in walker.changed:
        pkg.names[name] = serialize(walker.parsed[name])
    out: list[tuple[str, bytes]] = [("[Content_Types].xml", _types_xml(pkg, keep)),
                                    ("_rels/.rels", _rels_xml(walker.kept.get("", [])))]
    for name in pkg.order:
        if name in keep:
            out.append((name, pkg.names[name]))
            if walker.kept.get(name):
                out.append((_rels_name(name), _rels_xml(walker.kept[name])))
    unreached = [n for n in pkg.order if n not in keep and not n.endswith(".rels")
                 and n != "[Content_Types].xml" and _unwanted("", pkg.content_type(n))]
    pkg.dropped.extend(f"unused part {n}" for n in unreached
                       if not any(n in line for line in pkg.dropped))
    return out, pkg.dropped
