"""A deck's zip, written with fixed metadata and each part compressed once per batch.

Forty decks of one batch share every master, layout, theme and picture; only slides, notes and
properties differ. `zipfile` compresses each member on every write and cannot take data that is
already compressed, so the batch paid for deflating the same template forty times. This writer
produces exactly the bytes `zipfile.ZipFile.writestr` would for our settings (deflate level 6,
the 1980 timestamp, no extra fields; `tests/test_zip_writer.py` holds it to that) and takes a
`DeflateCache` that remembers each member's compressed form by its bytes.
"""

from __future__ import annotations

import struct
import zlib

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # every member's time stamp: the same bytes on every run
_DOS_TIME, _DOS_DATE = 0, (1980 - 1980) << 9 | 1 << 5 | 1  # FIXED_TIME as DOS time and date
_VERSION = 20  # deflate needs 2.0, as zipfile writes it
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_UTF8 = 0x800
_ATTR = 0o600 << 16  # what zipfile records for a member given as a ZipInfo (rw-------)
# zipfile turns to zip64 records for a member over ~2 GiB, offsets past 2 GiB or 65,535 members
_PLAIN_BYTES, _PLAIN_COUNT = 1 << 30, 0xFFFF


class DeflateCache:
    """Compressed members by their bytes; bounded, so a long batch cannot hoard memory."""

    def __init__(self, max_bytes: int = 32_000_000) -> None:
        self._items: dict[bytes, tuple[int, bytes]] = {}
        self._held = 0
        self._max = max_bytes

    def get(self, blob: bytes) -> tuple[int, bytes]:
        hit = self._items.get(blob)
        if hit is None:
            hit = deflate(blob)
            if self._held + len(blob) > self._max:
                self._items.clear()
                self._held = 0
            self._items[blob] = hit
            self._held += len(blob)
        return hit


def deflate(blob: bytes) -> tuple[int, bytes]:
    """The member's CRC and raw deflate stream, as zipfile makes them at level 6."""
    z = zlib.compressobj(6, zlib.DEFLATED, -15)
    return zlib.crc32(blob), z.compress(blob) + z.flush()


def write_zip(members: list[tuple[str, bytes]], cache: DeflateCache | None = None) -> bytes:
    """The zip of ``members`` in order; `None` for ``cache`` compresses every member afresh."""
    if len(members) >= _PLAIN_COUNT or sum(len(b) for _n, b in members) > _PLAIN_BYTES:
        return _zipfile(members)
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, blob in members:
        crc, data = cache.get(blob) if cache is not None else deflate(blob)
        try:
            raw, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            raw, flags = name.encode("utf-8"), _UTF8
        head = _LOCAL.pack(b"PK\003\004", _VERSION, 0, flags, zlib.DEFLATED, _DOS_TIME,
                           _DOS_DATE, crc, len(data), len(blob), len(raw), 0)
        central.append(_CENTRAL.pack(b"PK\001\002", _VERSION, 0, _VERSION, 0, flags,
                                     zlib.DEFLATED, _DOS_TIME, _DOS_DATE, crc, len(data),
                                     len(blob), len(raw), 0, 0, 0, 0, _ATTR, offset) + raw)
        out += (head, raw, data)
        offset += len(head) + len(raw) + len(data)
    directory = b"".join(central)
    end = _END.pack(b"PK\005\006", 0, 0, len(members), len(members), len(directory), offset, 0)
    return b"".join(out) + directory + end


def _zipfile(members: list[tuple[str, bytes]]) -> bytes:
    """Near 2 GiB the format needs zip64 records: left to `zipfile`, which writes them."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, blob in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            zf.writestr(info, blob, compresslevel=6)
    return buf.getvalue()
