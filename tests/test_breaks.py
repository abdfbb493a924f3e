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
