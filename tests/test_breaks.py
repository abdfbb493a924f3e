"""Line breaks as PowerPoint and LibreOffice make them: after a compound's own hyphens,
never inside a held name while a smaller size would hold it, soft hyphens never beside a
hyphen the word already has."""

from __future__ import annotations

from deckgen.typeset.breaks import NBSP, SOFT_HYPHEN, hard_hyphen_parts, insert_soft_hyphens, keep_together
from deckgen.typeset.fit import fit_text
from deckgen.typeset.styles import BoxStyle, LevelStyle

EMU = 914400
LEVEL = LevelStyle(2400, True, "Carlito", 1.0, 0, 0, 0, 0, 0, 0, 0, False)
STYLE = BoxStyle((0, 0, 0, 0), (LEVEL, LEVEL, LEVEL), True)
NAME = "Müller & Söhne GmbH"


def test_a_compound_breaks_after_its_hyphens():
    assert hard_hyphen_parts("Social-Media-Manager") == ["Social-", "Media-", "Manager"]
    assert hard_hyphen_parts("-5") == ["-5"] and hard_hyphen_parts("Ende-") == ["Ende-"]
    # each part fits a 1.6-inch line at 24 pt, the whole word does not: no hyphenation
    fit = fit_text([("Social-Media-Manager", 0)], STYLE, {}, int(1.6 * EMU), 3 * EMU, [2400])
    assert fit.fits and fit.scale == 1.0
    assert fit.hyphenate == frozenset() and fit.lines == (3,)  # Social- | Media- | Manager


def test_soft_hyphens_are_never_put_beside_a_hyphen():
    word = "Kompetenzgerangel-Social-Media-Stabsstelle"
    out = insert_soft_hyphens(word, frozenset({word}), "de")
    assert SOFT_HYPHEN in out
    assert f"{SOFT_HYPHEN}-" not in out and f"-{SOFT_HYPHEN}" not in out
    assert out.replace(SOFT_HYPHEN, "") == word


def test_a_held_name_shrinks_the_text_before_it_breaks():
    text = keep_together(f"Vorschlag für {NAME}", (NAME,))
    assert NAME.replace(" ", NBSP) in text
    # 2.4 inches: the name fits its line only below 24 pt; the text shrinks, the name holds
    fit = fit_text([(text, 0)], STYLE, {}, int(2.4 * EMU), 3 * EMU, [2400], min_pt=9)
    assert fit.fits and fit.scale < 1.0 and fit.released == frozenset()
    # at no size down to 20 pt does 1.2 inches hold it: as the last resort it breaks
    fit = fit_text([(text, 0)], STYLE, {}, int(1.2 * EMU), 3 * EMU, [2400], min_pt=20)
    assert fit.fits and fit.released == {NAME.replace(" ", NBSP)}


def test_tracked_letters_break_where_the_renderer_breaks_them():
    """A title tracked -3 pt (``spc="-300"``) holds more on a line than its letters alone:
    measured without it, the break (and an evening margin) lands a word early."""
    from dataclasses import replace

    text = [("Social Media braucht eine eigene Abteilung", 0)]
    width = 10 * EMU
    plain = fit_text(text, STYLE, {}, width, 3 * EMU, [4400])
    tight = replace(LEVEL, size=4400, tracking=-300)
    tracked = fit_text(text, BoxStyle((0, 0, 0, 0), (tight,) * 3, True), {}, width, 3 * EMU,
                       [4400])
    assert plain.lines == (2,) and tracked.lines == (1,)
    loose = replace(LEVEL, size=4400, tracking=600)  # spread letters take more room
    narrow = 7 * EMU
    assert fit_text(text, BoxStyle((0, 0, 0, 0), (loose,) * 3, True), {}, narrow, 3 * EMU,
                    [4400]).lines > fit_text(text, STYLE, {}, narrow, 3 * EMU, [4400]).lines


def test_a_list_keeps_its_lines_long_where_a_headline_is_evened():
    """Evened item by item (each at the narrowest measure that keeps its lines, or even 0.6
    of the way to the widest), the closing slide's bullets read as a narrow column in a
    full-width box; a list's item gives its last line only the word it needs, a headline is
    evened out, and an item whose last line holds more than one word is left as it is."""
    from deckgen.typeset.balance import right_margins

    item = "Die Stabsstelle identifiziert ihre eigenen, wirklich relevanten KPIs"
    width = int(8.5 * EMU)
    alone = right_margins([(item, 0)], STYLE, {}, width, [2400])
    listed = right_margins([(item, 0), ("Kurz", 0)], STYLE, {}, width, [2400])
    assert alone and listed  # a word alone on the last line at full width: both even it
    assert listed[0] < alone[0]  # the list's item keeps the longer lines
    assert width - listed[0] > 0.9 * width  # only a word's room short of the box: no column
    lines = fit_text([(item, 0)], BoxStyle((0, 0, listed[0], 0), (LEVEL,) * 3, True), {},
                     width, 3 * EMU, [2400]).lines
    assert lines == fit_text([(item, 0)], STYLE, {}, width, 3 * EMU, [2400]).lines
    # a last line of two words is not left alone in a list, however short; a headline evens it
    two = "Die Stabsstelle interdisziplinär besetzen – neutral gegenüber allen Abteilungen"
    assert right_margins([(two, 0)], STYLE, {}, width, [2400])
    assert not right_margins([(two, 0), ("Kurz", 0)], STYLE, {}, width, [2400])
