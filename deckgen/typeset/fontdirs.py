"""Finding a font by family and style without fontconfig (Windows, macOS, bare Linux).

Windows and macOS have no fontconfig, so the platform's font folders are scanned once per
process and every face is indexed by the family and style in its own name table (read through
Pillow's FreeType, so no new dependency). A request such as "Calibri Light" bold is matched the
way fontconfig would: same family, closest style; the caller then tries the metric twin.
"""

from __future__ import annotations

import functools
import os
import struct
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

FONT_EXTS = (".ttf", ".otf", ".ttc", ".otc")
MAX_FILES = 20_000  # a font folder larger than this is not scanned further
MAX_FACES = 64  # faces read from one collection (.ttc)
_PLAIN = {"regular", "book", "normal", "roman", "plain", "medium"}


@dataclass(frozen=True)
class Face:
    """One face in one font file: where it is, and the names its name table gives it."""

    path: str
    index: int
    family: str
    style: str


def font_dirs(platform: str | None = None, env: Mapping[str, str] | None = None,
              home: Path | None = None) -> list[Path]:
    """The folders this platform installs fonts into: system-wide first, then the user's own.

    Arguments default to the running system; tests pass another platform's values.
    """
    platform = sys.platform if platform is None else platform
    env = os.environ if env is None else env
    home = Path.home() if home is None else home
    if platform.startswith("win"):
        windir = env.get("WINDIR") or env.get("SystemRoot") or r"C:\Windows"
        local = env.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return [Path(windir) / "Fonts", Path(local) / "Microsoft" / "Windows" / "Fonts"]
    if platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    data_home = env.get("XDG_DATA_HOME") or str(home / ".local" / "share")
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path(data_home) / "fonts",
            home / ".fonts"]


def _collection_size(path: str) -> int:
    """Faces in a .ttc/.otc collection (its header says), 1 for a single font."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(12)
    except OSError:
        return 0
    if len(head) == 12 and head[:4] == b"ttcf":
        return max(0, min(struct.unpack(">I", head[8:12])[0], MAX_FACES))
    return 1


def _font_files(dirs: list[Path]) -> list[str]:
    """Every font file under ``dirs``, sorted so the index (and any tie) is reproducible."""
    found: list[str] = []
    for top in dirs:
        if not top.is_dir():
            continue
        for root, subdirs, files in os.walk(top):
            subdirs.sort()
            found += [os.path.join(root, f) for f in sorted(files) if f.lower().endswith(FONT_EXTS)]
            if len(found) >= MAX_FILES:
                return found[:MAX_FILES]
    return found


def read_faces(path: str) -> list[Face]:
    """The faces of one font file; a file FreeType cannot read gives none."""
    from PIL import ImageFont

    faces = []
    for index in range(_collection_size(path)):
        try:
            family, style = ImageFont.truetype(path, 12, index=index).getname()
        except (OSError, ValueError):
            continue
        if family:
            faces.append(Face(path, index, family, style or "Regular"))
    return faces


@functools.lru_cache(maxsize=4)
def _index(dirs: tuple[Path, ...]) -> dict[str, tuple[Face, ...]]:
    """Faces by case-folded family: built once per process (about 0.1 ms a file)."""
    by_family: dict[str, list[Face]] = {}
    for path in _font_files(list(dirs)):
        for face in read_faces(path):
            by_family.setdefault(face.family.casefold(), []).append(face)
    return {k: tuple(v) for k, v in by_family.items()}


def index(dirs: list[Path] | None = None) -> dict[str, tuple[Face, ...]]:
    """The installed faces by family, scanned on first use and then cached."""
    return _index(tuple(font_dirs() if dirs is None else dirs))


def _words(text: str) -> set[str]:
    return {w for w in text.casefold().replace("-", " ").split() if w not in _PLAIN}


def find(family: str, bold: bool = False, dirs: list[Path] | None = None) -> Face | None:
    """The installed face closest to ``family`` (and bold), as fontconfig would choose it.

    Name tables give the typographic family ("Calibri" + style "Light") or the legacy one
    ("Calibri Light" + "Regular"), so a request matches a face whose family starts it; the
    rest of the request and ``bold`` are the wanted style, and the face whose style words
    differ least wins (Regular for "Calibri", Bold for "Calibri" bold, Light for "Calibri Light").
    """
    want = " ".join(family.casefold().split())
    if not want:
        return None
    faces = index(dirs)
    words = want.split()
    best: tuple[tuple[int, int, str, int], Face] | None = None
    for cut in range(len(words), 0, -1):
        for face in faces.get(" ".join(words[:cut]), ()):
            wanted = set(words[cut:]) - _PLAIN | ({"bold"} if bold else set())
            have = _words(face.style)
            slant = len((have - wanted) & {"italic", "oblique"})  # roman first, as fontconfig
            key = (len(wanted ^ have) + slant, len(words) - cut, face.path, face.index)
            if best is None or key < best[0]:
                best = (key, face)
    return best[1] if best else None
