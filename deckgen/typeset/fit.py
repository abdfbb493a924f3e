"""Choose font sizes so text fits its box as stored.

PowerPoint draws a file's stored sizes on open and re-fits only when someone edits the box, so
"shrink on overflow" in the template is no guarantee. We wrap the text with real font metrics
at decreasing scales and keep the largest that fits. A word too long for a line is split at a
German hyphenation point (pyphen) rather than broken mid-syllable by the renderer.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from deckgen.typeset.fonts import Metrics, metrics
from deckgen.typeset.styles import BoxStyle, LevelStyle

EMU_PER_PT = 12700
SAFETY_W = 0.96
SAFETY_H = 0.94
MIN_PT = 9.0
SOFT_HYPHEN = "\u00ad"


@dataclass(frozen=True)
class FitResult:
    scale: float
    sizes: tuple[int, ...]  # per paragraph, hundredths of a point
    fits: bool
    hyphenate: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=4)
def _dic(lang: str):  # noqa: ANN202 - pyphen is imported lazily, only when a word is too long
    import pyphen

    try:
        return pyphen.Pyphen(lang=lang.replace("-", "_"))
    except KeyError:
        return pyphen.Pyphen(lang="de_DE")


def hyphen_parts(word: str, lang: str) -> list[str]:
    """Split points pyphen allows, keeping at least three letters per part."""
    dic = _dic(lang)
    positions = [p for p in dic.positions(word) if 3 <= p <= len(word) - 3]
    parts, last = [], 0
    for p in positions:
        parts.append(word[last:p])
        last = p
    parts.append(word[last:])
    return parts


def insert_soft_hyphens(text: str, words: frozenset[str], lang: str) -> str:
    if not words:
        return text
    return " ".join(
        SOFT_HYPHEN.join(hyphen_parts(w, lang)) if w in words else w for w in text.split(" ")
    )


def _lines(text: str, m: Metrics, size: float, width_pt: float, lang: str,
           hyph: set[str]) -> int | None:
    """Greedy line count for one paragraph; None if a word cannot be placed at all."""
    space = m.width(" ") * size
    lines, used = 1, 0.0
    for word in text.split():
        pieces = [word]
        w = m.width(word) * size
        if w > width_pt:
            parts = hyphen_parts(word, lang)
            widest = max(m.width(p + "-") for p in parts) * size
            if len(parts) == 1 or widest > width_pt:
                return None
            hyph.add(word)
            pieces = [p + "-" for p in parts[:-1]] + [parts[-1]]
        for piece in pieces:
            pw = m.width(piece) * size
            if used and used + space + pw > width_pt:
                lines += 1
                used = pw
            else:
                used = used + space + pw if used else pw
    return lines


def measure(paras: list[tuple[str, int]], style: BoxStyle, fonts: dict[str, str], w_emu: int,
            h_emu: int, scale: float, lang: str, base: list[int] | None = None,
            ) -> tuple[bool, frozenset[str]]:
    l_in, t_in, r_in, b_in = style.insets
    width = (w_emu - l_in - r_in) / EMU_PER_PT * SAFETY_W
    height = (h_emu - t_in - b_in) / EMU_PER_PT * SAFETY_H
    total, hyph = 0.0, set()
    for i, (text, level) in enumerate(paras):
        lv: LevelStyle = style.levels[min(level, len(style.levels) - 1)]
        size = (base[i] if base else lv.size) / 100 * scale
        m = metrics(fonts.get(lv.font, lv.font), lv.bold)
        indent = max(lv.mar_l, lv.mar_l + lv.indent) / EMU_PER_PT
        n = _lines(text, m, size, max(width - indent, 1.0), lang, hyph) if style.wrap else 1
        if n is None:
            return False, frozenset()
        if not style.wrap and m.width(text) * size > width:
            return False, frozenset()
        line = lv.line_pts if lv.line_pts else size * m.line * lv.line_pct
        before = lv.before_pts or lv.before_pct * size * m.line
        total += n * line + (before if i else 0.0)
    return total <= height, frozenset(hyph)


def fit_text(paras: list[tuple[str, int]], style: BoxStyle, fonts: dict[str, str], w_emu: int,
             h_emu: int, lang: str, base: list[int] | None = None,
             min_pt: float = MIN_PT) -> FitResult:
    """Largest scale (1.0 down to the minimum size) at which ``paras`` fit the box."""
    sizes = base or [style.levels[min(lv, 2)].size for _, lv in paras]
    smallest = min(sizes) / 100 if sizes else 18.0
    scale = 1.0
    while True:
        ok, hyph = measure(paras, style, fonts, w_emu, h_emu, scale, lang, sizes)
        if ok:
            scaled = tuple(_round(s * scale) for s in sizes)
            return FitResult(scale, scaled, True, hyph)
        nxt = scale - (0.04 if scale > 0.6 else 0.02)
        if smallest * nxt < min_pt:
            return FitResult(scale, tuple(_round(s * scale) for s in sizes), False)
        scale = nxt


def _round(size: float) -> int:
    """Whole half-points, rounded down, so the stored size is never larger than measured."""
    return max(100, int(size // 50) * 50)
