"""Check a finished package before it takes a deck's place: never write a damaged file.

PowerPoint repairs or refuses a package whose zip holds a part name twice (OPC part names are
unique without regard to case, ECMA-376 Part 2, 6.3.5), a part nobody relates to, a part
without a content type, or a slide the slide list does not name. python-pptx writes whatever
its part graph holds, so a mistake upstream (two parts given one name, a slide left related
but unlisted) would reach the person's file unnoticed. `atomic_write` therefore reads back
the zip it has just written, under its temporary name, and renames it into place only when
`package_problems` finds nothing. The check reads the zip's directory, the content types,
the relationship parts and ``presentation.xml`` only (a few milliseconds for a deck).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import IO, Any

_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_P_NS = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_SLIDE_CT = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"
_MAIN_CTS = ("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
             "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
             "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml")
_CONTENT_TYPES = "[Content_Types].xml"
MAX_LISTED = 3  # problems named in the one-line error; the rest are counted


def _xml(data: bytes) -> Any:
    from lxml import etree

    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


def _rels_name(part: str) -> str:
    """``ppt/slides/slide1.xml`` → ``ppt/slides/_rels/slide1.xml.rels`` ("" → package rels)."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _target(source: str, ref: str) -> str:
    """A relationship's target as a zip member name, resolved against its source part."""
    if ref.startswith("/"):
        return posixpath.normpath(ref.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), ref)).lstrip("/")


def package_problems(data: bytes | IO[bytes]) -> list[str]:
    """What would make PowerPoint repair or refuse this package; empty when it is sound."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return [f"not a readable zip ({exc})"]
    with zf:
        names = [n for n in zf.namelist() if not n.endswith("/")]
        problems: list[str] = []
        by_fold: dict[str, str] = {}
        for name in names:
            if name.casefold() in by_fold:
                problems.append(f"{name} is in the zip twice (as {by_fold[name.casefold()]})")
            by_fold.setdefault(name.casefold(), name)
        if problems:
            return problems  # reading by name is ambiguous from here on
        members = set(by_fold)

        def read(name: str) -> Any:
            try:
                return _xml(zf.read(by_fold[name.casefold()]))
            except Exception:  # noqa: BLE001 - any unreadable part is reported as such
                problems.append(f"{name} is not well-formed XML")
                return None

        if _CONTENT_TYPES.casefold() not in members:
            return [f"{_CONTENT_TYPES} is missing"]
        types = read(_CONTENT_TYPES)
        if types is None:
            return problems
        defaults = {d.get("Extension", "").casefold(): d.get("ContentType", "")
                    for d in types.iter(f"{_CT_NS}Default")}
        overrides = {o.get("PartName", "").lstrip("/").casefold(): o.get("ContentType", "")
                     for o in types.iter(f"{_CT_NS}Override")}
        for part in overrides:
            if part not in members:
                problems.append(f"{_CONTENT_TYPES} types /{part}, which is not in the zip")

        def content_type(name: str) -> str | None:
            return overrides.get(name.casefold()) or defaults.get(
                name.rsplit(".", 1)[-1].casefold() if "." in name else "")

        reached, main = _walk(members, read, problems)
        for name in names:
            if name == _CONTENT_TYPES or name.endswith(".rels"):
                continue
            if content_type(name) is None:
                problems.append(f"{name} has no content type")
            if name.casefold() not in reached:
                problems.append(f"{name} is not reachable from any relationship")
        for name in names:  # a relationship part of a part that is not there
            folder, mark, rels_file = name.rpartition("_rels/")
            if name.endswith(".rels") and mark and (not folder or folder.endswith("/")):
                owner = folder + rels_file[: -len(".rels")]
                if owner and owner.casefold() not in members:
                    problems.append(f"{name} belongs to {owner}, which is not in the zip")
        if main is not None and content_type(main) in _MAIN_CTS:
            slides = [n for n in names if content_type(n) == _SLIDE_CT]
            _check_slide_list(main, by_fold, read, slides, problems)
        return problems


def _walk(members: set[str], read: Any, problems: list[str]) -> tuple[set[str], str | None]:
    """Every part reachable from the package relationships, and the main part."""
    reached: set[str] = set()
    main: str | None = None
    queue = [""]
    seen_sources: set[str] = set()
    while queue:
        source = queue.pop()
        if source in seen_sources:
            continue
        seen_sources.add(source)
        rels = "_rels/.rels" if not source else _rels_name(source)
        if rels.casefold() not in members:
            continue
        root = read(rels)
        if root is None:
            continue
        ids: set[str] = set()
        for rel in root.iter(f"{_REL_NS}Relationship"):
            rid = rel.get("Id", "")
            if rid in ids:
                problems.append(f"{rels} uses the relationship id {rid} twice")
            ids.add(rid)
            if rel.get("TargetMode") == "External":
                continue
            target = _target(source, rel.get("Target", ""))
            if target.casefold() not in members:
                problems.append(f"{rels}: {rid} points at {target}, which is not in the zip")
                continue
            reached.add(target.casefold())
            if not source and rel.get("Type", "").endswith("/officeDocument"):
                main = target
            queue.append(target)
    return reached, main


def _check_slide_list(main: str, by_fold: dict[str, str], read: Any, slides: list[str],
                      problems: list[str]) -> None:
    """Every slide part is one the presentation's slide list names (no hidden leftovers)."""
    pres = read(main)
    rels_name = _rels_name(main)
    rels = read(rels_name) if rels_name.casefold() in by_fold else None
    if pres is None or rels is None:
        return
    by_id = {r.get("Id"): _target(main, r.get("Target", ""))
             for r in rels.iter(f"{_REL_NS}Relationship") if r.get("TargetMode") != "External"}
    listed = {by_id.get(s.get(_R_ID), "").casefold() for s in pres.iter(f"{_P_NS}sldId")}
    for rid in (s.get(_R_ID) for s in pres.iter(f"{_P_NS}sldId")):
        if rid not in by_id:
            problems.append(f"{main}: the slide list names {rid}, which has no relationship")
    for slide in slides:
        if slide.casefold() not in listed:
            problems.append(f"{slide} is a slide no slide list names")


def check_package(data: bytes | IO[bytes], where: str) -> None:
    """Raise a one-line `DeckgenError` naming what is wrong, before anything is replaced."""
    problems = package_problems(data)
    if not problems:
        return
    from deckgen.errors import DeckgenError

    shown = "; ".join(dict.fromkeys(problems[:MAX_LISTED]))
    more = f" … and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
    raise DeckgenError(f"{where}: not written, the file would be damaged ({shown}{more}); "
                       "nothing was replaced. This is a bug in deckgen: please report it")
