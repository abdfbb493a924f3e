"""Deterministic bytes, atomic writes, and never overwriting someone's edits.

python-pptx stamps zip entries (and XlsxWriter the embedded workbook) with the current time,
so the package is re-zipped with fixed timestamps and order. Each deck carries a mark in
``dc:identifier``: the digest of what it says (`deckgen.update.fingerprint`) and the hash of its
own parts. `output_state` compares both, and the shape positions the manifest remembers
(`deckgen.update.placement`), with the file at the target: untouched, saved by another program
without a change of words or layout, or changed (and then not replaced without ``--force``).
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import stat
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from deckgen.bounded import MAX_DECK_BYTES, probe, read_regular
from deckgen.deck.properties import MARK_PREFIX
from deckgen.deck.properties import PLACEHOLDER as _PLACEHOLDER
from deckgen.errors import DeckgenError
from deckgen.output.package_check import check_members, check_zip
from deckgen.output.zip_writer import DeflateCache, write_zip
from deckgen.signals import cleanup_on_term

_NO_BYTES = "." + "0" * 64  # the package hash, filled in once every other byte is final
# content digest, then (decks since issue 10's last stop) the hash of the package's bytes
_MARK_RE = re.compile(re.escape(MARK_PREFIX).encode() + rb"([0-9a-f]{64})(?:\.([0-9a-f]{64}))?")
_CORE = "docProps/core.xml"


def _members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(i.filename, zf.read(i.filename)) for i in zf.infolist()]


_NORMALIZED: dict[bytes, bytes] = {}


def _normalize_embedded(name: str, blob: bytes) -> bytes:
    """Embedded workbooks carry XlsxWriter's creation time; pin it (once per workbook)."""
    if not name.endswith(".xlsx"):
        return blob
    if blob in _NORMALIZED:
        return _NORMALIZED[blob]
    if len(_NORMALIZED) > 64:
        _NORMALIZED.clear()
    _NORMALIZED[blob] = _normalize_xlsx(blob)
    return _NORMALIZED[blob]


def _normalize_xlsx(blob: bytes) -> bytes:
    inner = []
    for iname, iblob in _members(blob):
        if iname == "docProps/core.xml":
            iblob = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", iblob)
        inner.append((iname, iblob))
    return write_zip(inner)


def _fingerprint(members: list[tuple[str, bytes]]) -> str:
    """The package's bytes, hashed part by part. Core properties are left out: they are
    deckgen's (title, date, the mark itself) and every program rewrites them on save."""
    h = hashlib.sha256()
    for name, blob in sorted(members):  # programs store the same parts in another order
        if name == _CORE:
            continue
        h.update(name.encode() + b"\0" + hashlib.sha256(blob).digest())
    return h.hexdigest()


def _content_fingerprint(prs: Any, memo: dict[Any, str | None] | None = None) -> str:
    """The deck's mark: a hash of what it says (`deckgen.update.fingerprint`, issue 10)."""
    from deckgen.update.fingerprint import content_digest

    return content_digest(prs, memo)


# parts a batch's refill never touches (`deckgen.deck.writer.DeckWriter.update` rewrites slides,
# notes, tags and properties only): serialised once per written template, not once per deck
_FIXED_PARTS = ("slideMaster+xml", "slideLayout+xml", "theme+xml", "notesMaster+xml",
                "handoutMaster+xml", "presProps+xml", "viewProps+xml", "tableStyles+xml")


def package_members(prs: Any, fixed: dict[Any, bytes] | None = None) -> list[tuple[str, bytes]]:
    """The package's members in python-pptx's own order, without zipping them twice.

    Mirrors ``pptx.opc.serialized.PackageWriter`` (content types, package rels, then each part
    and its rels), so the result is what ``prs.save`` would write. ``fixed`` keeps the bytes of
    masters, layouts and themes between the decks of a batch that refills one presentation.
    """
    from pptx.opc.oxml import serialize_part_xml
    from pptx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
    from pptx.opc.serialized import _ContentTypesItem

    package = prs.part.package
    parts = list(package.iter_parts())
    members = [
        (CONTENT_TYPES_URI.membername, serialize_part_xml(_ContentTypesItem.xml_for(parts))),
        (PACKAGE_URI.rels_uri.membername, package._rels.xml),
    ]
    for part in parts:
        blob = fixed.get(part) if fixed is not None else None
        if blob is None:
            blob = part.blob
            if fixed is not None and part.content_type.endswith(_FIXED_PARTS):
                fixed[part] = blob
        members.append((part.partname.membername, blob))
        if part._rels:
            members.append((part.partname.rels_uri.membername, part.rels.xml))
    return members


def deck_bytes(prs: Any, batch: BatchCache | None = None,
               readings: dict[Any, str | None] | None = None) -> bytes:
    """The package with fixed zip metadata and, if present, a filled-in fingerprint: the
    content digest (a re-save elsewhere is no edit) and the hash of the package's own bytes
    (so deckgen knows when another program saved the file at all, see `output_state`).
    Its parts are checked first (`deckgen.output.package_check.check_members`). ``batch``
    carries what the decks of one batch share (see `BatchCache`), ``readings`` what the deck's
    stamp read (`deckgen.update.fingerprint.reading`); the bytes are the same without them."""
    fixed = batch.parts_of(prs) if batch is not None else None
    members = [(n, _normalize_embedded(n, b)) for n, b in package_members(prs, fixed)]
    mark = (MARK_PREFIX + _content_fingerprint(prs, readings) + _NO_BYTES).encode()
    members = [(n, b.replace(_PLACEHOLDER.encode(), mark) if n == _CORE else b)
               for n, b in members]
    if any(n == _CORE and mark in b for n, b in members):
        filled = mark[: -64] + _fingerprint(members).encode()
        members = [(n, b.replace(mark, filled) if n == _CORE else b) for n, b in members]
    check_members(members)  # a package PowerPoint would repair is never made
    return write_zip(members, batch.deflated if batch is not None else None)


class BatchCache:
    """What the decks of one batch share: the fixed parts' XML of the presentation being
    refilled (dropped when another presentation is written) and every member's compressed
    bytes. A speed path only: `tests/test_batch.py` holds a batch's decks to single builds."""

    def __init__(self) -> None:
        self.deflated = DeflateCache()
        self._prs: Any = None
        self._parts: dict[Any, bytes] = {}

    def parts_of(self, prs: Any) -> dict[Any, bytes]:
        if prs is not self._prs:
            self._prs, self._parts = prs, {}
        return self._parts


def output_state(path: Path) -> str:
    """What became of a deck deckgen wrote: ``"pristine"`` (its bytes as written),
    ``"resaved"`` (saved by another program, with the same words, notes, chart data, pictures
    and shape positions; its formatting may differ, which no program's re-save lets deckgen
    tell from a person's change) or ``"changed"`` (edited, or not deckgen's)."""
    try:
        members = _members(read_regular(path, MAX_DECK_BYTES, "deck"))
    except (DeckgenError, OSError, zipfile.BadZipFile, ValueError, EOFError):
        return "changed"
    found = _MARK_RE.search(dict(members).get(_CORE, b""))
    if not found:
        return "changed"
    if found.group(2) and found.group(2).decode() == _fingerprint(members):
        return "pristine"
    from deckgen.update.fingerprint import saved_presentation

    prs = saved_presentation(path)
    if prs is None or found.group(1).decode() != _content_fingerprint(prs) or not _in_place(prs):
        return "changed"
    return "resaved"


def is_unchanged_output(path: Path) -> bool:
    """True if ``path`` is a deck deckgen wrote whose words and layout nobody changed since."""
    return output_state(path) != "changed"


def _in_place(prs: Any) -> bool:
    """Every shape sits where deckgen put it (issue 10: a move alone is an edit too).

    Decks whose manifest predates recorded geometry are judged by their content alone.
    """
    from deckgen.update.identity import read_manifest
    from deckgen.update.placement import same_boxes, slide_boxes

    records = read_manifest(prs)
    if not records or not all(r.boxes for r in records):
        return True
    slides = list(prs.slides)
    return len(slides) == len(records) and all(
        same_boxes(slide_boxes(s), r.boxes) for s, r in zip(slides, records))


def _check_folder(path: Path) -> None:
    """The target's folder exists, or can be made: fail before anything is built."""
    folder = path.parent if str(path.parent) else Path(".")
    for part in path.parts:
        if len(os.fsencode(part)) > 255:
            raise DeckgenError(f"-o: {part[:60]}...: name too long (at most 255 bytes)")
    node = folder
    while True:
        info = probe(node, "output folder")
        if info is not None:
            break
        if node.parent == node:
            return
        node = node.parent
    if not stat.S_ISDIR(info.st_mode):
        raise DeckgenError(f"-o: cannot use folder {folder}: {node} is a file, not a folder; "
                           "choose another -o")
    if not os.access(node, os.W_OK | os.X_OK):
        raise DeckgenError(f"-o: cannot write folder {folder} ({node}: permission denied); "
                           "choose another -o")


def check_target(path: Path, force: bool) -> None:
    """Refuse, before building, every target that cannot or may not be replaced."""
    _check_folder(path)
    info = probe(path, "output")
    if info is None:
        return
    if stat.S_ISDIR(info.st_mode):
        raise DeckgenError(f"{path}: is a folder; give a file name ending in .pptx")
    if not stat.S_ISREG(info.st_mode):
        raise DeckgenError(f"{path}: is not a regular file (a pipe, socket or device); "
                           "choose another -o")
    if force:
        return
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(
            path, os.W_OK):
        raise DeckgenError(f"{path}: is read-only; use --force to replace it, or choose "
                           "another -o")
    if not is_unchanged_output(path):
        raise DeckgenError(
            f"{path}: exists and was changed since deckgen wrote it (or was not written by "
            "deckgen); use --update to bring in the new content keeping the changes, "
            "--force to replace it (a backup is kept), or choose another -o"
        )


def _mode_for(path: Path) -> int:
    """The permissions the written file gets: those of the file it replaces (a deck kept
    private stays private), else 0644."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o644


def atomic_write(path: Path, data: Any) -> None:
    """Write beside the target and rename, so a failure never leaves half a file.

    The zip written is read back before the rename (`deckgen.output.package_check`: its parts
    were checked as `deck_bytes` zipped them): a package PowerPoint would have to repair
    never replaces anything. The file keeps the permissions
    of the one it replaces. Ctrl-C, SIGTERM or SIGHUP while writing unwind through
    ``finally``, which removes the temporary file (`deckgen.signals`); a FIFO or device at
    the target is refused, not opened.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if folder.exists() and not folder.is_dir():
        raise DeckgenError(f"{path}: {folder} is a file, not a folder")
    if not folder.is_dir():
        raise DeckgenError(f"{path}: folder {folder} does not exist")
    info = probe(path, "output")
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise DeckgenError(f"{path}: is not a regular file; choose another -o")
    tmp_name = None
    try:
        with cleanup_on_term():
            fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name[:80]}.", suffix=".tmp",
                                            dir=folder)
            with os.fdopen(fd, "wb") as fh:
                if hasattr(data, "write_to"):  # a deck parked on disk (`batch.SpooledDeck`)
                    data.write_to(fh)
                else:
                    fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            with open(tmp_name, "rb") as written:  # what is on disk, before it replaces anything
                check_zip(written, str(path))
            os.chmod(tmp_name, _mode_for(path))
            os.replace(tmp_name, path)
            tmp_name = None
    except PermissionError:
        raise DeckgenError(f"{path}: cannot write here (permission denied)") from None
    except OSError as exc:
        raise DeckgenError(f"{path}: cannot write ({exc.strerror or exc})") from None
    finally:
        if tmp_name and os.path.exists(tmp_name):
            os.unlink(tmp_name)
