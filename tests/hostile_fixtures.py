"""Builders for hostile inputs the tests make themselves (no binary fixtures in the tree)."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "templates" / "default" / "template.pptx"
PPTX_MAIN = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
PPTM_MAIN = b"application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def members(path: Path = DEFAULT) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def write_zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, blob in parts.items():
            zf.writestr(name, blob)
    return path


def _add_rel(rels: bytes, rel: str) -> bytes:
    return rels.replace(b"</Relationships>", rel.encode() + b"</Relationships>")


def macro_template(path: Path) -> Path:
    """A renamed .pptm: macros, an external picture link, a dangling layout, an entity theme."""
    parts = members()
    types = parts["[Content_Types].xml"].replace(PPTX_MAIN, PPTM_MAIN)
    types = types.replace(b"</Types>", b'<Override PartName="/ppt/vbaProject.bin" ContentType='
                          b'"application/vnd.ms-office.vbaProject"/></Types>')
    parts["[Content_Types].xml"] = types
    parts["ppt/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 Attribute VB_Name = \"Evil\""
    key = "ppt/_rels/presentation.xml.rels"
    parts[key] = _add_rel(parts[key], '<Relationship Id="rId99" Type="http://schemas.microsoft'
                          '.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>')
    key = "ppt/slideLayouts/_rels/slideLayout2.xml.rels"
    parts[key] = _add_rel(parts[key], f'<Relationship Id="rId98" Type="{R_NS}/image" '
                          'Target="http://tracker.example/pixel.png" TargetMode="External"/>'
                          f'<Relationship Id="rId97" Type="{R_NS}/image" '
                          'Target="file://///server/share/logo.png" TargetMode="External"/>')
    pic = ('<p:pic><p:nvPicPr><p:cNvPr id="90" name="Linked"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
           '<p:blipFill><a:blip r:link="{rid}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
           '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="10" cy="10"/></a:xfrm>'
           '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')
    key = "ppt/slideLayouts/slideLayout2.xml"
    parts[key] = parts[key].replace(b"</p:spTree>", (pic.format(rid="rId98") + pic.format(
        rid="rId97")).encode() + b"</p:spTree>", 1)
    key = "ppt/slideMasters/_rels/slideMaster1.xml.rels"
    parts[key] = _add_rel(parts[key], f'<Relationship Id="rId96" Type="{R_NS}/slideLayout" '
                          'Target="../slideLayouts/slideLayout99.xml"/>')
    key = "ppt/slideMasters/slideMaster1.xml"
    parts[key] = parts[key].replace(b"</p:sldLayoutIdLst>", b'<p:sldLayoutId id="2147483999" '
                                    b'r:id="rId96"/></p:sldLayoutIdLst>', 1)
    key = "ppt/theme/theme1.xml"
    theme = parts[key].split(b"?>", 1)[1]
    parts[key] = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE a:theme '
                  b'[<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY l0 "lol"><!ENTITY l1 '
                  b'"&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;">]>'
                  + theme.replace(b'name="deckgen Default"', b'name="&x;&l1;"', 1))
    return write_zip(path, parts)


def lying_zip(path: Path, actual: int = 120_000_000, declared: int = 1000) -> Path:
    """A template whose media member declares ``declared`` bytes but inflates to ``actual``.

    The member is streamed in, so making the fixture costs no memory; both the local header
    and the central directory are patched to tell the lie.
    """
    name = "ppt/media/image1.png"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, blob in members().items():
            zf.writestr(member, blob)
        with zf.open(name, "w", force_zip64=False) as fh:
            block = bytes(1 << 20)
            for _ in range(actual >> 20):
                fh.write(block)
    data = bytearray(path.read_bytes())
    raw = name.encode()
    for magic, name_len_at, size_at, name_at in ((b"PK\x03\x04", 26, 22, 30),
                                                 (b"PK\x01\x02", 28, 24, 46)):
        pos = data.find(magic)
        while pos != -1:
            n = struct.unpack_from("<H", data, pos + name_len_at)[0]
            if data[pos + name_at: pos + name_at + n] == raw:
                struct.pack_into("<I", data, pos + size_at, declared)
            pos = data.find(magic, pos + 4)
    path.write_bytes(bytes(data))
    return path


def pixel_bomb_png(path: Path, side: int = 100_000) -> Path:
    """A tiny PNG whose header claims ``side`` × ``side`` pixels."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\0" * 1024)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat)
                     + chunk(b"IEND", b""))
    return path
