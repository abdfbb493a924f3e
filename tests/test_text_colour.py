"""Text colours repaired as a designer would: clear of the threshold as rendered, and in the
template's own shade of grey rather than its full black."""

from __future__ import annotations

from deckgen.deck.legibility import RENDER_MARGIN, Legibility
from deckgen.typeset.contrast import closest_legible, contrast_ratio, needed

SCHEME = {"dk1": "#000000", "lt1": "#FFFFFF", "dk2": "#44546A", "lt2": "#E7E6E6",
          "tx1": "#000000", "bg1": "#FFFFFF", "tx2": "#44546A", "bg2": "#E7E6E6",
          "accent1": "#4472C4", "accent2": "#ED7D31", "accent3": "#A5A5A5",
          "accent4": "#FFC000", "accent5": "#5B9BD5", "accent6": "#70AD47"}


def test_a_grey_just_over_the_threshold_is_still_repaired():
    """tx1 tinted 82 % computes to #767676, 4.54:1 on white, but LibreOffice shows #787878,
    4.42:1 (design_check on lmu-osc's footers): text needs a little room over 4.5:1."""
    assert contrast_ratio("#767676", "#FFFFFF") > needed(9.5)
    fill = Legibility(SCHEME).fill_for("#767676", "tx1", "#FFFFFF", 9.5, False, "footer")
    assert fill is not None


def test_the_margin_picks_colours_but_puts_no_panel_behind_text():
    """A white subtitle at 4.55:1 on a photo gets no panel for the margin (pactera's cover
    took a second black panel): panels are for text that no colour makes readable."""
    # on #767676 white reads 4.54:1 and black 4.63:1: both pass WCAG, neither the margin
    assert Legibility(SCHEME).can_read("#FFFFFF", "bg1", "#767676", 12, False)


def test_a_grey_footer_becomes_a_darker_grey_not_black():
    ref = closest_legible("#898989", "#FFFFFF", SCHEME, needed(9.5) * RENDER_MARGIN,
                          prefer="tx1")
    value = ref.resolve(SCHEME)
    assert value != "#000000" and ref.slot == "tx1"
    assert contrast_ratio(value, "#FFFFFF") >= needed(9.5) * RENDER_MARGIN
    assert contrast_ratio(value, "#FFFFFF") < 10  # a grey, as the template meant


def test_a_brand_colour_keeps_its_hue():
    """Hued colours move a few steps only (a brand orange must not turn brown or black)."""
    ref = closest_legible("#ED7D31", "#FFFFFF", SCHEME, 3.0 * RENDER_MARGIN, prefer="accent2")
    assert ref.slot == "accent2"
