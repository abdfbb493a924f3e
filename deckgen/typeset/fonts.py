"""Font metrics for measuring text the way PowerPoint will lay it out.

The theme names fonts PowerPoint users have (Calibri, Arial); fontconfig maps them to their
metric-compatible twins here (Carlito, Liberation Sans), which have the same advance widths.
Where there is no fontconfig (Windows, macOS), the platform's font folders are scanned once
and matched by the families and styles in the fonts' name tables (`deckgen.typeset.fontdirs`):
the font itself when installed, else its twin, else a common face of its kind (serif or sans).
Fonts are opened once per process and word widths are cached, because fitting measures the
same words many times at many sizes.
"""

from __future__ import annotations

import functools
import shutil
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
_TWINS = {"calibri": "Carlito", "cambria": "Caladea", "arial": "Liberation Sans",
          "helvetica": "Liberation Sans", "times new roman": "Liberation Serif",
          "courier new": "Liberation Mono"}


# What a missing font is measured as where fontconfig cannot say: a common face of the same
# kind on the platform. fontconfig knows which families are serif (45-latin.conf); without it
# a serif such as Cambria measured as Arial would be judged about 5 % too narrow.
_SANS = ("Arial", "Liberation Sans", "Helvetica", "DejaVu Sans", "Segoe UI")
_SERIF = ("Times New Roman", "Liberation Serif", "Times", "DejaVu Serif", "Georgia", "Noto Serif")
_SERIF_FAMILIES = frozenset({
    "cambria", "georgia", "times", "times new roman", "garamond", "palatino", "palatino linotype",
    "book antiqua", "constantia", "baskerville", "baskerville old face", "century",
    "century schoolbook", "bookman old style", "minion", "minion pro", "caslon", "didot",
    "bodoni", "bodoni mt", "charter", "sitka", "perpetua", "rockwell", "calisto mt",
})


def is_twin(family: str, measured_as: str) -> bool:
    """``measured_as`` has the same advance widths as ``family`` (Carlito for Calibri)."""
    return _TWINS.get(family.casefold(), "").casefold() == measured_as.casefold()


def _is_serif(family: str) -> bool:
    name = " ".join(family.casefold().split())
    words = name.replace("-", " ").split()
    if "serif" in words or name.endswith("serif"):
        return "sans" not in name
    return any(" ".join(words[:cut]) in _SERIF_FAMILIES for cut in range(len(words), 0, -1))


class Metrics:
    """Widths and line height of one font face, in units of the em (size 1.0)."""

    def __init__(self, path: str | None, index: int = 0) -> None:
        self.path = path
        self.index = index
        self._font = ImageFont.truetype(path, EM, index=index) if path else None
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
        lib.FcPatternGetInteger.argtypes = [vp, cp, ctypes.c_int, ctypes.POINTER(ctypes.c_int)]
        lib.FcPatternDestroy.argtypes = [vp]
        self.ctypes, self.lib = ctypes, lib
        self.config = lib.FcInitLoadConfigAndFonts()
        if not self.config:
            raise OSError("fontconfig has no configuration")

    def match(self, pattern: str) -> tuple[str, int]:
        """The file and face index fontconfig picks for ``pattern`` (``("", 0)``: none)."""
        ctypes, lib = self.ctypes, self.lib
        pat = lib.FcNameParse(pattern.encode("utf-8"))
        if not pat:
            return "", 0
        try:
            lib.FcConfigSubstitute(self.config, pat, 0)  # FcMatchPattern
            lib.FcDefaultSubstitute(pat)
            result = ctypes.c_int()
            found = lib.FcFontMatch(self.config, pat, ctypes.byref(result))
        finally:
            lib.FcPatternDestroy(pat)
        if not found:
            return "", 0
        out, idx = ctypes.c_char_p(), ctypes.c_int()
        try:
            ok = lib.FcPatternGetString(found, b"file", 0, ctypes.byref(out)) == 0
            has_index = lib.FcPatternGetInteger(found, b"index", 0, ctypes.byref(idx)) == 0
            path = out.value.decode("utf-8", "replace") if ok and out.value else ""
            return path, idx.value if has_index else 0
        finally:
            lib.FcPatternDestroy(found)


@functools.lru_cache(maxsize=1)
def _fontconfig() -> _Fontconfig | None:
    try:
        return _Fontconfig()
    except (OSError, AttributeError):
        return None


def has_fontconfig() -> bool:
    """fontconfig answers (its library, or at least ``fc-match``); tests turn this off."""
    return _fontconfig() is not None or shutil.which("fc-match") is not None


def _fc_match(pattern: str) -> tuple[str, int]:
    fc = _fontconfig()
    if fc is not None:
        return fc.match(pattern)
    if not shutil.which("fc-match"):
        return "", 0
    import subprocess  # only without libfontconfig: every other build never needs it

    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{file}\\n%{index}", pattern],
            capture_output=True, text=True, timeout=10, check=False,
        ).stdout.split("\n")
    except (OSError, subprocess.SubprocessError):
        return "", 0
    index = out[1].strip() if len(out) > 1 else ""
    return out[0].strip(), int(index) if index.isdigit() else 0


def _fontconfig_face(family: str, bold: bool) -> tuple[str, int] | None:
    name = _TWINS.get(family.casefold(), family) if family else "sans"
    name = name.replace("\\", "").replace(":", "\\:").replace("-", "\\-")
    path, index = _fc_match(f"{name}:bold" if bold else name)
    return (path, index) if path and Path(path).is_file() else None


def _scanned_face(family: str, bold: bool) -> tuple[str, int] | None:
    """The font itself if installed, else its metric twin, else a common face of its kind."""
    from deckgen.typeset import fontdirs

    twin = _TWINS.get(family.casefold())
    common = (*_SERIF, *_SANS) if _is_serif(family) else _SANS
    for name in (family, twin, *common):
        face = fontdirs.find(name, bold) if name else None
        if face is not None:
            return face.path, face.index
    return None


@functools.lru_cache(maxsize=64)
def font_face(family: str, bold: bool = False) -> tuple[str, int] | None:
    """The file and face index to measure ``family`` with: fontconfig's choice where there is
    fontconfig, else the platform's font folders; a known fallback file as a last resort."""
    found = _fontconfig_face(family, bold) if has_fontconfig() else _scanned_face(family, bold)
    if found is not None:
        return found
    for candidate in _FALLBACKS:
        if Path(candidate).is_file():
            return candidate, 0
    return None


def font_file(family: str, bold: bool = False) -> str | None:
    """The file `font_face` measures ``family`` with (what `inspect` reports)."""
    face = font_face(family, bold)
    return face[0] if face else None


@functools.lru_cache(maxsize=64)
def metrics(family: str, bold: bool = False) -> Metrics:
    face = font_face(family, bold)
    try:
        return Metrics(*face) if face else Metrics(None)
    except OSError:
        return Metrics(None)


def fonts_report(fonts: dict[str, str]) -> list[dict[str, str]]:
    """Each theme font, and what the text is measured with when it is not installed."""
    out = []
    for token, family in sorted(fonts.items()):
        path = font_file(family)
        measured = _family_of(path) if path else "a default sans-serif"
        installed = measured.casefold() == family.casefold()
        out.append({"theme": token, "font": family, "installed": "yes" if installed else "no",
                    "measured_as": measured})
    return out


def _family_of(path: str) -> str:
    try:
        from PIL import ImageFont

        return ImageFont.truetype(path, 12).getname()[0] or Path(path).stem
    except OSError:
        return Path(path).stem
