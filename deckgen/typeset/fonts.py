"""Font metrics for measuring text the way PowerPoint will lay it out.

The theme names fonts PowerPoint users have (Calibri, Arial); fontconfig maps them to their
metric-compatible twins here (Carlito, Liberation Sans), which have the same advance widths.
Fonts are opened once per process and word widths are cached, because fitting measures the
same words many times at many sizes.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

from PIL import ImageFont

EM = 1000
_FALLBACKS = (
    "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
)
# Substitutes whose widths match the Office fonts, in case fontconfig has no alias for them.
_TWINS = {"calibri": "Carlito", "calibri light": "Carlito", "cambria": "Caladea", "arial": "Liberation Sans",
          "helvetica": "Liberation Sans", "times new roman": "Liberation Serif",
          "courier new": "Liberation Mono"}


class Metrics:
    """Widths and line height of one font face, in units of the em (size 1.0)."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._font = ImageFont.truetype(path, EM) if path else None
        self._cache: dict[str, float] = {}
        if self._font is not None:
            ascent, descent = self._font.getmetrics()
            self.line = max(1.2, 1.2 * (ascent + descent) / EM)
        else:
            self.line = 1.25

    def width(self, text: str) -> float:
        """Advance width of ``text`` at 1 pt, in points."""
        w = self._cache.get(text)
        if w is None:
            # no font at all: a deliberately wide estimate
            w = 0.6 * len(text) if self._font is None else self._font.getlength(text) / EM
            self._cache[text] = w
        return w


class _Fontconfig:
    """fontconfig's matcher through ctypes: the same answer as ``fc-match``, without a process
    per font (starting ``fc-match`` costs more than the rest of measuring)."""

    def __init__(self) -> None:
        import ctypes

        lib = ctypes.CDLL("libfontconfig.so.1")
        vp, cp = ctypes.c_void_p, ctypes.c_char_p
        lib.FcInitLoadConfigAndFonts.restype = vp
        lib.FcNameParse.restype, lib.FcNameParse.argtypes = vp, [cp]
        lib.FcConfigSubstitute.argtypes = [vp, vp, ctypes.c_int]
        lib.FcDefaultSubstitute.argtypes = [vp]
        lib.FcFontMatch.restype = vp
        lib.FcFontMatch.argtypes = [vp, vp, ctypes.POINTER(ctypes.c_int)]
        lib.FcPatternGetString.argtypes = [vp, cp, ctypes.c_int, ctypes.POINTER(cp)]
        lib.FcPatternDestroy.argtypes = [vp]
        self.ctypes, self.lib = ctypes, lib
        self.config = lib.FcInitLoadConfigAndFonts()
        if not self.config:
            raise OSError("fontconfig has no configuration")

    def match(self, pattern: str) -> str:
        ctypes, lib = self.ctypes, self.lib
        pat = lib.FcNameParse(pattern.encode("utf-8"))
        if not pat:
            return ""
        try:
            lib.FcConfigSubstitute(self.config, pat, 0)  # FcMatchPattern
            lib.FcDefaultSubstitute(pat)
            result = ctypes.c_int()
            found = lib.FcFontMatch(self.config, pat, ctypes.byref(result))
        finally:
            lib.FcPatternDestroy(pat)
        if not found:
            return ""
        out = ctypes.c_char_p()
        try:
            ok = lib.FcPatternGetString(found, b"file", 0, ctypes.byref(out)) == 0
            return out.value.decode("utf-8", "replace") if ok and out.value else ""
        finally:
            lib.FcPatternDestroy(found)


@functools.lru_cache(maxsize=1)
def _fontconfig() -> _Fontconfig | None:
    try:
        return _Fontconfig()
    except (OSError, AttributeError):
        return None


def _fc_match(pattern: str) -> str:
    fc = _fontconfig()
    if fc is not None:
        return fc.match(pattern)
    if not shutil.which("fc-match"):
        return ""
    try:
        return subprocess.run(
            ["fc-match", "-f", "%{file}", pattern],
            capture_output=True, text=True, timeout=10, check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


@functools.lru_cache(maxsize=64)
def font_file(family: str, bold: bool = False) -> str | None:
    """The file fontconfig would use for ``family``, or a known metric twin, or any sans."""
    name = _TWINS.get(family.casefold(), family) if family else "sans"
    name = name.replace("\\", "").replace(":", "\\:").replace("-", "\\-")
    out = _fc_match(f"{name}:bold" if bold else name)
    if out and Path(out).is_file():
        return out
    for candidate in _FALLBACKS:
        if Path(candidate).is_file():
            return candidate
    return None


@functools.lru_cache(maxsize=64)
def metrics(family: str, bold: bool = False) -> Metrics:
    path = font_file(family, bold)
    try:
        return Metrics(path)
    except OSError:
        return Metrics(None)
