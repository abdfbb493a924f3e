"""What one slot of a slide says, and how it is to be set: shared by the slide texts and the
kinds that lay out their own (agenda, cover, points, quote)."""

from __future__ import annotations

from dataclasses import dataclass

from deckgen.pitch.plan import Para


@dataclass(frozen=True)
class SlotText:
    """What one slot says: paragraphs, how they are marked, and how they are typeset."""

    paras: tuple[Para, ...]
    list_style: str = "none"
    kind: str = "body"  # the style to inherit: title or body
    figure: bool = False  # first paragraph is the statistic's figure
    max_lines: int = 0
    # per paragraph, a factor on the template's size before fitting (a cover title may grow
    # into its band, a byline stands a step below its subtitle); missing ones are 1
    scales: tuple[float, ...] = ()
    group: str = ""  # texts of one role and layout with the same group share one size
    anchor: str = ""  # t, ctr or b: where the text sits in its box, if not the template's
    balance: bool = False  # even lines: no word alone on a last line (typeset.balance)
