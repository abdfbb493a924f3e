"""Choose font sizes so text fits its box as stored.

PowerPoint draws a file's stored sizes on open and re-fits only when someone edits the box, so
"shrink on overflow" in the template is no guarantee. We wrap the text with real font metrics
at decreasing scales and keep the largest that fits. Break opportunities follow
`deckgen.typeset.breaks`: no-break spaces hold, URLs are cut after ``/`` or ``.``, and a break
at a soft hyphen is never assumed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from deckgen.typeset.breaks import NBSP, hard_hyphen_parts, is_url, url_pieces, words
from deckgen.typeset.fonts import Metrics, metrics
from deckgen.typeset.styles import BoxStyle, LevelStyle

EMU_PER_PT = 12700
SAFETY_W = 0.96
SAFETY_H = 0.94
MIN_PT = 9.0


@dataclass(frozen=True)
class FitResult:
    """Whether a text fits its box, at which sizes, and the breaks that made it fit."""

    scale: float
    sizes: tuple[int, ...]  # per paragraph, hundredths of a point
    fits: bool
    hyphenate: frozenset[str] = frozenset()
    url_lines: tuple[tuple[str, tuple[str, ...]], ...] = ()  # URL → the lines it is cut into
    lines: tuple[int, ...] = ()
    # names held together that no line could hold even at the smallest size: written with
    # ordinary spaces, so they break between their words rather than inside one
    released: frozenset[str] = frozenset()


@dataclass
class _Acc:
    """What a measurement learned about breaks, so the writer can reproduce them."""

    hyph: set[str] = field(default_factory=set)
    urls: dict[str, tuple[str, ...]] = field(default_factory=dict)
    release: bool = False  # the last resort: a held name wider than its line may break
    released: set[str] = field(default_factory=set)


class _Tracked:
    """A face with the template's character spacing: a title tracked -3 pt breaks a word
    later than its letters alone say, and a renderer shows it so (in em at the size used)."""

    def __init__(self, m: Metrics, per_char: float) -> None:
        self._m, self._per_char = m, per_char
        self.line = m.line

    def width(self, text: str) -> float:
        return max(self._m.width(text) + len(text) * self._per_char, 0.0)


def _pack(pieces: list[str], m: Metrics, size: float, width_pt: float) -> list[str]:
    lines: list[str] = []
    cur = ""
    for piece in pieces:
        if cur and m.width(cur + piece) * size > width_pt:
            lines.append(cur)
            cur = piece
        else:
            cur += piece
    return lines + [cur] if cur else lines


def _lines(text: str, m: Metrics, size: float, width_pt: float, acc: _Acc) -> int | None:
    """Greedy line count for one paragraph; None if a piece cannot be placed at all.

    A word longer than its line is counted as broken where it overflows (see
    `deckgen.typeset.breaks`: PowerPoint is not assumed to break at soft hyphens).
    """
    space = m.width(" ") * size
    lines = 0
    for line in text.split("\n"):
        lines += 1
        used = 0.0
        for word in _held(words(line), m, size, width_pt, acc):
            if word is None:
                return None
            if m.width(word) * size <= width_pt:
                pieces = [word]
            elif is_url(word):
                pieces = _pack(url_pieces(word), m, size, width_pt)
                if any(m.width(p) * size > width_pt for p in pieces):
                    pieces = _pack(url_pieces(word, "/.-_?&="), m, size, width_pt)
                if any(m.width(p) * size > width_pt for p in pieces):
                    return None
                acc.urls[word] = tuple(pieces)
            else:
                # PowerPoint and LibreOffice break after a hyphen in the word; a part still
                # longer than the line breaks where it overflows
                pieces = []
                for part in _pack(hard_hyphen_parts(word), m, size, width_pt):
                    if m.width(part) * size <= width_pt:
                        pieces.append(part)
                    else:
                        acc.hyph.add(word)
                        pieces.extend(_pack(list(part), m, size, width_pt))
            for i, piece in enumerate(pieces):
                pw = m.width(piece) * size
                if i or (used and used + space + pw > width_pt):
                    if used or i:
                        lines += 1
                    used = pw
                else:
                    used = used + space + pw if used else pw
    return lines


def _held(line_words: list[str], m: Metrics, size: float, width_pt: float,
          acc: _Acc) -> list[str | None]:
    """The words of a line, a name held together with no-break spaces counting as one. One
    wider than the line cannot be placed (None: the text must shrink); as the last resort
    (``acc.release``) it falls apart into its words, which may then break between them."""
    out: list[str | None] = []
    for word in line_words:
        if NBSP in word and not is_url(word) and m.width(word) * size > width_pt:
            if not acc.release:
                return [None]
            acc.released.add(word)
            out.extend(w for w in word.split(NBSP) if w)
        else:
            out.append(word)
    return out


def measure(paras: list[tuple[str, int]], style: BoxStyle, fonts: dict[str, str], w_emu: int,
            h_emu: int, scale: float, base: list[int] | None = None, max_lines: int = 0,
            acc: _Acc | None = None, spacing: float | None = None) -> tuple[bool, tuple[int, ...]]:
    """Whether the paragraphs fit at ``scale`` (and in ``max_lines`` lines, if given).

    Spacing before a paragraph given in points shrinks with the text (``spacing``, default
    ``scale``), as PowerPoint's own autofit does; the writer then writes the reduced spacing
    out. Spacing after a paragraph counts as the template gives it.
    """
    acc = acc if acc is not None else _Acc()
    l_in, t_in, r_in, b_in = style.insets
    width = (w_emu - l_in - r_in) / EMU_PER_PT * SAFETY_W
    height = (h_emu - t_in - b_in) / EMU_PER_PT * SAFETY_H
    total = 0.0
    counts = []
    for i, (text, level) in enumerate(paras):
        lv: LevelStyle = style.levels[min(level, len(style.levels) - 1)]
        if lv.caps:  # a style in capitals shows wider letters than the text has
            text = text.upper()
        size = (base[i] if base else lv.size) / 100 * scale
        m = metrics(fonts.get(lv.font, lv.font), lv.bold)
        if lv.tracking and size:
            m = _Tracked(m, lv.tracking / 100 / size)
        indent = max(lv.mar_l, lv.mar_l + lv.indent) / EMU_PER_PT
        if style.wrap:
            n = _lines(text, m, size, max(width - indent, 1.0), acc)
        else:
            n = 1 if m.width(text) * size <= width else None
        if n is None:
            return False, ()
        counts.append(n)
        line = lv.line_pts if lv.line_pts else size * m.line * lv.line_pct
        before = lv.before_pts * (scale if spacing is None else spacing) or (
            lv.before_pct * size * m.line)
        # space after a paragraph is left as the template sets it (the writer does not
        # rewrite it), so it is counted unscaled, between paragraphs
        after = lv.after_pts or lv.after_pct * size * m.line
        total += n * line + (before if i else 0.0) + (after if i < len(paras) - 1 else 0.0)
    if max_lines and sum(counts) > max_lines:
        return False, tuple(counts)
    return total <= height, tuple(counts)


def fit_text(paras: list[tuple[str, int]], style: BoxStyle, fonts: dict[str, str], w_emu: int,
             h_emu: int, base: list[int] | None = None, min_pt: float = MIN_PT,
             max_lines: int = 0, max_scale: float = 1.0,
             spacing: float | None = None) -> FitResult:
    """Largest scale (``max_scale`` down to the minimum size) at which ``paras`` fit the box.

    With ``max_lines``, text that would need more lines is shrunk first (titles wrap to two
    lines before they shrink); if even the minimum size needs more, the limit is dropped.
    """
    sizes = base or [style.levels[min(lv, 2)].size for _, lv in paras]
    smallest = min(sizes) / 100 if sizes else 18.0
    steps = [max_scale]
    while True:  # the scales tried: 4 % steps, 2 % below 60 %, down to the minimum size
        nxt = steps[-1] - (0.04 if steps[-1] > 0.6 else 0.02)
        if smallest * nxt < min_pt - 1e-9 or nxt <= 0:
            break
        steps.append(nxt)
    tries = [(limit, False) for limit in ((max_lines, 0) if max_lines else (0,))]
    if any(NBSP in text for text, _lv in paras):
        tries.append((0, True))  # at no size does a held name fit its line: let it break
    for limit, release in tries:
        found = _largest_fitting(paras, style, fonts, w_emu, h_emu, sizes, steps, limit, spacing,
                                 release)
        if found is not None:
            scale, acc, counts = found
            return FitResult(scale, tuple(round_size(s * scale) for s in sizes), True,
                             frozenset(acc.hyph), tuple(sorted(acc.urls.items())), counts,
                             frozenset(acc.released))
        # no size gives so few lines: allow more lines
    last = steps[-1]
    return FitResult(last, tuple(round_size(s * last) for s in sizes), False)


def _largest_fitting(paras: list[tuple[str, int]], style: BoxStyle, fonts: dict[str, str],
                     w_emu: int, h_emu: int, sizes: list[int], steps: list[float], limit: int,
                     spacing: float | None, release: bool = False,
                     ) -> tuple[float, _Acc, tuple[int, ...]] | None:
    """Binary search over the decreasing scales: smaller text never needs more room."""
    def attempt(scale: float) -> tuple[bool, _Acc, tuple[int, ...]]:
        acc = _Acc(release=release)
        ok, counts = measure(paras, style, fonts, w_emu, h_emu, scale, sizes, limit, acc,
                             spacing)
        return ok, acc, counts

    ok, acc, counts = attempt(steps[0])
    if ok:
        return steps[0], acc, counts
    lo, hi = 0, len(steps) - 1  # steps[lo] fails; find the first that fits in (lo, hi]
    ok, acc_hi, counts_hi = attempt(steps[hi])
    if not ok:
        return None
    while hi - lo > 1:
        mid = (lo + hi) // 2
        ok, acc, counts = attempt(steps[mid])
        if ok:
            hi, acc_hi, counts_hi = mid, acc, counts
        else:
            lo = mid
    return steps[hi], acc_hi, counts_hi


def round_size(size: float) -> int:
    """Whole half-points, rounded down, so the stored size is never larger than measured.

    A hair is added first: the scales are built by repeated subtraction, so 20 pt x 0.6
    arrives as 11.9999 pt and would otherwise be stored as 11.5 pt, below a 12 pt minimum."""
    return max(100, int((size + 0.01) // 50) * 50)
