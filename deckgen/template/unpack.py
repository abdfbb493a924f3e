"""Unpack a template's zip archive under hard caps, trusting none of its size claims.

A zip member can declare 2 GB, or declare 1 KB and inflate to 2 GB. Declared sizes are checked
first (cheap, refuses most bombs before anything is inflated), then every member is inflated in
chunks and counted, so the actual output is bounded too. Only after this does python-pptx see
the package, as bytes we produced.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from deckgen.errors import DeckgenError

MAX_MEMBERS = 5000
MAX_MEMBER_BYTES = 40_000_000
MAX_UNPACKED_BYTES = 80_000_000
_CHUNK = 1 << 16


def _inflate(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, room: int) -> bytes:
    cap = min(MAX_MEMBER_BYTES, room)
    chunks: list[bytes] = []
    total = 0
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                break
            total += len(chunk)
            if total > cap:
                raise DeckgenError(f"{path}: part {info.filename} unpacks to more than {cap} "
                                   "bytes; the template is too large or damaged")
            chunks.append(chunk)
    return b"".join(chunks)


def unpack(data: bytes, path: Path) -> list[tuple[str, bytes]]:
    """The archive's members in order, each inflated under the member and total caps."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                raise DeckgenError(f"{path}: the archive has {len(infos)} parts (at most "
                                   f"{MAX_MEMBERS}); not a template deckgen can read")
            declared = 0
            for info in infos:
                if info.file_size > MAX_MEMBER_BYTES:
                    raise DeckgenError(
                        f"{path}: part {info.filename} declares {info.file_size} bytes (at "
                        f"most {MAX_MEMBER_BYTES}); make its pictures smaller")
                declared += info.file_size
            if declared > MAX_UNPACKED_BYTES:
                raise DeckgenError(f"{path}: the template unpacks to {declared} bytes (at most "
                                   f"{MAX_UNPACKED_BYTES}); make its pictures smaller")
            members: list[tuple[str, bytes]] = []
            seen: set[str] = set()
            room = MAX_UNPACKED_BYTES
            for info in infos:
                if info.is_dir():
                    continue
                if info.filename in seen:
                    raise DeckgenError(f"{path}: part {info.filename} appears twice in the "
                                       "archive; re-save the template in PowerPoint")
                seen.add(info.filename)
                blob = _inflate(zf, info, path, room)
                room -= len(blob)
                members.append((info.filename, blob))
    except DeckgenError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError,
            OSError, NotImplementedError, RuntimeError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise DeckgenError(f"{path}: damaged or truncated archive ({reason})") from None
    return members


def repack(members: list[tuple[str, bytes]]) -> bytes:
    """Members back into a zip (deflated); python-pptx reads it, nothing else does."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, blob in members:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, blob, compresslevel=1)
    return out.getvalue()
