"""Check a finished package before it takes a deck's place: never write a damaged file.

PowerPoint repairs or refuses a package whose zip holds a part name twice (OPC part names are
unique without regard to case, ECMA-376 Part 2, 6.3.5), a part nobody relates to, a part
without a content type, or a slide the slide list does not name. python-pptx writes whatever
its part graph holds, so a mistake upstream (two parts given one name, a slide left related
but unlisted) would reach the person's file unnoticed. So `deckgen.output.save.deck_bytes`
checks the parts it is about to zip (`check_members`: names, content types, relationships,
the slide list), and `atomic_write` reads back the zip it has written under its temporary
name and renames it into place only if its names are unique (`check_zip`). `package_problems`
does both on a finished file (tests, and anyone checking a deck). Parsed relationship parts
are remembered by their bytes: a batch of decks repeats the same ones.
"""

from __future__ import annotations

import functools
import io
import posixpath
import zipfile
from collections.abc import Callable
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


class _Unreadable(Exception):
    """A part that is not well-formed XML."""


def _xml(data: bytes) -> Any:
    from lxml import etree

    try:
        return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        raise _Unreadable from None


@functools.lru_cache(maxsize=4096)
def _rels_name(part: str) -> str:
    """``ppt/slides/slide1.xml`` → ``ppt/slides/_rels/slide1.xml.rels`` ("" → package rels)."""
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"


@functools.lru_cache(maxsize=4096)
def _target(source: str, ref: str) -> str:
    """A relationship's target as a zip member name, resolved against its source part."""
    if ref.startswith("/"):
        return posixpath.normpath(ref.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), ref)).lstrip("/")


@functools.lru_cache(maxsize=1024)
def _relationships(source: str, blob: bytes) -> tuple[tuple[str, str, str | None], ...]:
    """(id, type, target member or None if external) of each relationship in a rels part."""
    return tuple((r.get("Id", ""), r.get("Type", ""),
                  None if r.get("TargetMode") == "External" else _target(source, r.get("Target", "")))
                 for r in _xml(blob).iter(f"{_REL_NS}Relationship"))


@functools.lru_cache(maxsize=64)
def _types(blob: bytes) -> tuple[dict[str, str], dict[str, str]]:
    root = _xml(blob)
    return ({d.get("Extension", "").casefold(): d.get("ContentType", "")
             for d in root.iter(f"{_CT_NS}Default")},
            {o.get("PartName", "").lstrip("/").casefold(): o.get("ContentType", "")
             for o in root.iter(f"{_CT_NS}Override")})


@functools.lru_cache(maxsize=64)
def _slide_ids(blob: bytes) -> tuple[str, ...]:
    return tuple(s.get(_R_ID, "") for s in _xml(blob).iter(f"{_P_NS}sldId"))


def _twice(names: list[str], where: str = "zip") -> list[str]:
    seen: dict[str, str] = {}
    out = []
    for name in names:
        if name.casefold() in seen:
            out.append(f"{name} is in the {where} twice (as {seen[name.casefold()]})")
        seen.setdefault(name.casefold(), name)
    return out


def member_problems(members: list[tuple[str, bytes]]) -> list[str]:
    """What is wrong with the parts a package is about to be zipped from."""
    names = [n for n, _ in members]
    problems = _twice(names)
    if problems:
        return problems
    blobs = {n.casefold(): b for n, b in members}
    return _structure(names, lambda name: blobs[name.casefold()])


def package_problems(data: bytes | IO[bytes]) -> list[str]:
    """What would make PowerPoint repair or refuse this package; empty when it is sound."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return [f"not a readable zip ({exc})"]
    with zf:
        names = [n for n in zf.namelist() if not n.endswith("/")]
        problems = _twice(names)
        if problems:
            return problems  # reading by name is ambiguous from here on
        real = {n.casefold(): n for n in names}
        return _structure(names, lambda name: zf.read(real[name.casefold()]))


def _structure(names: list[str], blob_of: Callable[[str], bytes]) -> list[str]:
    """Content types, relationships and the slide list of a package with unique names."""
    problems: list[str] = []
    members = {n.casefold() for n in names}

    def parsed(name: str, parse: Callable[..., Any], *first: str) -> Any:
        try:
            return parse(*first, blob_of(name))
        except (_Unreadable, KeyError):
            problems.append(f"{name} is not well-formed XML")
            return None

    if _CONTENT_TYPES.casefold() not in members:
        return [f"{_CONTENT_TYPES} is missing"]
    types = parsed(_CONTENT_TYPES, _types)
    if types is None:
        return problems
    defaults, overrides = types
    problems += [f"{_CONTENT_TYPES} types /{part}, which is not in the zip"
                 for part in overrides if part not in members]

    def content_type(name: str) -> str | None:
        return overrides.get(name.casefold()) or defaults.get(
            name.rsplit(".", 1)[-1].casefold() if "." in name else "")

    reached: set[str] = set()
    main: str | None = None
    queue, done = [""], set()
    while queue:
        source = queue.pop()
        if source in done:
            continue
        done.add(source)
        rels = _rels_name(source)
        if rels.casefold() not in members:
            continue
        found = parsed(rels, _relationships, source) or ()
        ids = [rid for rid, _t, _to in found]
        problems += [f"{rels} uses the relationship id {rid} twice" for rid in
                     sorted({r for r in ids if ids.count(r) > 1})]
        for rid, kind, target in found:
            if target is None:
                continue
            if target.casefold() not in members:
                problems.append(f"{rels}: {rid} points at {target}, which is not in the zip")
                continue
            reached.add(target.casefold())
            if not source and kind.endswith("/officeDocument"):
                main = target
            queue.append(target)
    for name in names:
        if name == _CONTENT_TYPES or name.endswith(".rels"):
            continue
        if content_type(name) is None:
            problems.append(f"{name} has no content type")
        if name.casefold() not in reached:
            problems.append(f"{name} is not reachable from any relationship")
    if main is not None and content_type(main) in _MAIN_CTS:
        slides = [n for n in names if content_type(n) == _SLIDE_CT]
        problems += _unlisted(main, slides, members, parsed)
    return problems


def _unlisted(main: str, slides: list[str], members: set[str], parsed: Any) -> list[str]:
    """Slide parts the presentation's slide list does not name (hidden leftovers)."""
    rels = _rels_name(main)
    ids = parsed(main, _slide_ids)
    found = parsed(rels, _relationships, main) if rels.casefold() in members else ()
    if ids is None or found is None:
        return []
    by_id = {rid: target for rid, _kind, target in found if target is not None}
    out = [f"{main}: the slide list names {rid}, which has no relationship"
           for rid in ids if rid not in by_id]
    listed = {by_id[rid].casefold() for rid in ids if rid in by_id}
    return out + [f"{slide} is a slide no slide list names" for slide in slides
                  if slide.casefold() not in listed]


def _raise(problems: list[str], where: str) -> None:
    from deckgen.errors import DeckgenError

    shown = "; ".join(dict.fromkeys(problems[:MAX_LISTED]))
    more = f" … and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
    raise DeckgenError(f"{where}: not written, the file would be damaged ({shown}{more}); "
                       "nothing was replaced. This is a bug in deckgen: please report it")


def check_members(members: list[tuple[str, bytes]], where: str = "deck") -> None:
    """Raise a one-line `DeckgenError` if these parts would make a damaged package."""
    problems = member_problems(members)
    if problems:
        _raise(problems, where)


def check_zip(data: IO[bytes], where: str) -> None:
    """Raise a one-line `DeckgenError` if the zip is unreadable or holds a name twice."""
    try:
        with zipfile.ZipFile(data) as zf:
            problems = _twice([n for n in zf.namelist() if not n.endswith("/")])
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        problems = [f"not a readable zip ({exc})"]
    if problems:
        _raise(problems, where)
