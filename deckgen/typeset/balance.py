"""Even lines: no word left alone on a paragraph's last line when a more even break fits.

A typesetter breaks a two-line headline or a short bullet so its lines are about as long as
each other ("Die Stabsstelle interdisziplinär besetzen – neutral gegenüber allen / Abteilungen"
becomes two balanced lines). PowerPoint only breaks greedily, so deckgen gives such a paragraph
a right margin (``marR``): a measure at which greedy breaking gives the even lines, with room
on both sides. The items of a list keep their lines as long as they can instead: evened item
by item, a list reads as a narrow column in a wide box. No break is forced (no line-break
characters are written), so the text rewraps naturally when edited, and the paragraph keeps
the lines it was fitted in, so it fits as stored.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from deckgen.typeset.fit import SAFETY_W, measure
from deckgen.typeset.styles import BoxStyle

SHORT = 0.4  # a last line under this share of the measure reads as left alone
SHORT_ITEM = 0.0  # … in a list's item only a lone word is: its lines keep the list's measure
WINDOW = 0.02  # the even break must hold over this share of the measure, or it is not set
MARGIN = 0.03  # the measure written is this much wider than the narrowest (or half the range)
_STEPS = 12


def right_margins(paras: Sequence[tuple[str, int]], style: BoxStyle, fonts: Mapping[str, str],
                  width: int, sizes: Sequence[int]) -> dict[int, int]:
    """Per paragraph index, the right margin (EMU) that evens its lines; only paragraphs
    whose last line is a single word or short get one. In a list (more than one paragraph)
    the widest such measure, in a headline or a lone paragraph the narrowest.

    The narrowest measure that keeps the lines (as shown, and as fitting counted them with
    its safety margin) gives the most even break; the measure written is a little wider, so
    a renderer measuring a little differently still breaks there and never takes a line
    more. Where no measure leaves the last line more than a word, or only over too narrow a
    range to rely on, the paragraph is left as it is."""
    out: dict[int, int] = {}
    # the items of a list share one measure to the eye: each keeps its lines as long as it
    # can, giving its last line just the words it needs (a headline or a lone paragraph is
    # evened out instead; a list evened item by item reads as a narrow column)
    widest = len(paras) > 1
    for i, ((text, level), size) in enumerate(zip(paras, sizes)):
        if "\n" in text or "://" in text or " " not in text.strip():
            continue
        cut = _even(text, level, style, dict(fonts), width, size, widest)
        if cut:
            out[i] = cut
    return out


def _even(text: str, level: int, style: BoxStyle, fonts: dict[str, str], width: int,
          size: int, widest: bool = False) -> int | None:
    """The right margin that evens one paragraph, or None."""
    def count(w: int, real: bool = True, words: str = text) -> int | None:
        return _count(words, level, style, fonts, w, size, real)

    lines = count(width)
    if not lines or lines < 2:
        return None
    short = SHORT_ITEM if widest else SHORT

    def ragged(tail: str) -> bool:
        return _ragged(tail, count, width, style, short)

    if not ragged(_tail(text, lines, count, width)):
        return None  # the last line is neither one word nor short: nothing to even
    fitted = count(width, False)
    # narrowest measure with the same lines, as shown and as fitted
    narrow = _search(width // 2, width,
                     lambda w: count(w) == lines and count(w, False) == fitted, low=True)
    if ragged(_tail(text, lines, count, narrow)):
        return None  # no measure with these lines leaves more than a word on the last
    # widest measure at which the last line is no longer left alone
    wide = _search(narrow, width, lambda w: not ragged(_tail(text, lines, count, w)),
                   low=False)
    if wide - narrow < WINDOW * width:
        return None  # the even break holds over too narrow a range to rely on
    if widest:  # as long as the lines can be while the last keeps a second word, less a
        # margin for a renderer measuring the font a little narrower (another face where the
        # theme's is missing); set short of that (0.6 of the way from the narrowest), the
        # closing bullets still read as a narrow column to designers
        return width - max(narrow + (wide - narrow) // 2, wide - int(MARGIN * width))
    return width - (narrow + min(int(MARGIN * width), (wide - narrow) // 2))


def _ragged(tail: str, count: Callable[..., int | None], width: int, style: BoxStyle,
            short: float = 0.4) -> bool:
    """A last line of one word, or shorter than ``short`` of the measure (if ``short``)."""
    sides = style.insets[0] + style.insets[2]
    return " " not in tail or (short > 0 and
                               count(int((width - sides) * short) + sides, True, tail) == 1)


def _search(lo: int, hi: int, ok: Callable[[int], bool], low: bool) -> int:
    """The smallest (``low``) or largest width in [lo, hi] where ``ok`` holds, ``ok`` being
    true on one end of the range and false on the other."""
    if low:
        for _ in range(_STEPS):
            mid = (lo + hi) // 2
            lo, hi = (lo, mid) if ok(mid) else (mid, hi)
        return hi
    for _ in range(_STEPS):
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if ok(mid) else (lo, mid)
    return lo


def _tail(text: str, lines: int, count: Callable[..., int | None], width: int) -> str:
    """The words greedy breaking puts on the last line: those after the longest run of
    leading words that takes one line fewer."""
    words = [w for w in text.split(" ") if w]  # no-break spaces hold their words together
    for k in range(len(words) - 1, 0, -1):
        head = " ".join(words[:k])
        if (count(width, True, head) or lines) < lines:
            return " ".join(words[k:])
    return words[-1]


def _count(text: str, level: int, style: BoxStyle, fonts: dict[str, str], width: int,
           size: int, real: bool = True) -> int | None:
    """Lines the renderer breaks the text into (``real``), or the lines fitting counts with
    its safety margin on the width (`SAFETY_W`): the lines to even are the ones shown, and
    the text must still fit as it was fitted."""
    sides = style.insets[0] + style.insets[2]
    if real:
        width = sides + int((width - sides) / SAFETY_W)
    _ok, counts = measure([(text, level)], style, fonts, width, 10**9, 1.0, [size])
    return counts[0] if counts else None
