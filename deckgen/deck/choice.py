"""Which layout each slide role takes: the first candidate that holds the role's texts.

`deckgen.template` ranks the candidate layouts of every role by what the template says
about them (masters, example slides, names, placeholders). Whether a candidate serves can
only be told with the content's own texts: here every text of the role is fitted into the
candidate's boxes at no less than the minimum sizes, a chart, table or picture must keep a
readable share of the slide, and the first candidate that passes is taken; the last ones,
placeholders of the slide's own on the roomiest plain layout, serve where nothing else does.
"""

from __future__ import annotations

from collections.abc import Callable

from deckgen.deck import diagrams
from deckgen.deck.fields import shown
from deckgen.deck.slide_texts import slide_texts
from deckgen.deck.type_scale import TypeScale, min_pt_for
from deckgen.deck.typesetter import Typesetter
from deckgen.errors import DeckgenError
from deckgen.geometry import Box
from deckgen.pitch.plan import DeckPlan, SlideSpec
from deckgen.template.resolve import RoleChoice
from deckgen.typeset.scale import min_pt

# a layout's title must keep half its size, or six tenths of the body's, else it is too small
TITLE_KEEP, TITLE_OVER_BODY = 0.5, 0.6


class LayoutChoice:
    """Chooses per role; ``diagram_fits(spec, option)`` says whether key figures or a
    roadmap fit a candidate (`deckgen.deck.diagrams`)."""

    def __init__(self, ts: Typesetter, scale: TypeScale,
                 diagram_fits: Callable[[SlideSpec, RoleChoice], bool]) -> None:
        self.ts = ts
        self.scale = scale
        self._diagram_fits = diagram_fits
        # per role, the slides it was last chosen for and the choice: a batch's next company
        # changes a few texts, and a role whose slides say the same keeps its layout
        self._last: dict[str, tuple[list[tuple[int, SlideSpec]], RoleChoice]] = {}

    def choose(self, plan: DeckPlan) -> dict[str, RoleChoice]:
        """Per role, the first candidate whose boxes hold every such slide's texts at no less
        than the minimum sizes; the drawn fallback if none does."""
        out: dict[str, RoleChoice] = {}
        roles = list(dict.fromkeys(spec.role for spec in plan.slides))
        for role in roles:
            specs = [(i, s) for i, s in enumerate(plan.slides) if s.role == role]
            last = self._last.get(role)
            if last is not None and last[0] == specs:
                out[role] = last[1]
                continue
            options = self.ts.tmap.options.get(role) or (self.ts.tmap.choices[role],)
            for option in options:
                failure = self.too_small(specs, option)
                if failure is None:
                    out[role] = option
                    self._last[role] = (specs, option)
                    break
            else:
                i, key, text = failure
                raise DeckgenError(
                    f"slide {i + 1} ({role}): the {key} text does not fit even on the whole "
                    f"free area of the slide at {min_pt_for(key, self.ts.tmap.slide_w):g} pt; "
                    f"shorten it: {shown(text)!r}")
        return out

    def too_small(self, specs: list[tuple[int, SlideSpec]],
                   option: RoleChoice) -> tuple[int, str, str] | None:
        for i, spec in specs:
            for key, thing in (("chart", spec.chart), ("table", spec.table),
                               ("picture", spec.image)):
                slot = option.slots.get(key)
                if thing is not None and slot is not None and not self._roomy(slot.box):
                    return i, key, f"the {key} would have {slot.box.w * 100 // self.ts.tmap.slide_w}" \
                        f" % of the slide's width and {slot.box.h * 100 // self.ts.tmap.slide_h} %" \
                        " of its height"
            if spec.role in diagrams.ROLES and not self._diagram_fits(spec, option):
                return i, spec.role, diagrams.texts(spec)
            for job in self.scale.jobs(i, spec, option, slide_texts(spec, option)):
                floor = min_pt(job, self.ts.tmap.slide_w)
                if job.is_title and not option.drawn:
                    # a title box that holds the title only below half the template's size
                    # and well below its body text was made for shorter titles: set there,
                    # it would read as a footnote (a 72 pt title may shrink to 32 pt)
                    floor = max(floor, min(TITLE_KEEP * job.base[0],
                                           TITLE_OVER_BODY * self.ts.body_size) / 100)
                fit = self.ts.fit(job.style, list(job.paras), job.box, list(job.base), floor,
                                job.max_lines)
                # a box that holds the text only with the company's name broken over lines:
                # a designer would pick another layout (the drawn boxes may still break it)
                if not fit.fits or (fit.released and not option.drawn):
                    return i, job.key, " ".join(t for t, _ in job.paras)
        return None

    def _roomy(self, box: Box) -> bool:
        """A chart, table or picture squeezed between a template's artwork below a fifth of
        the slide's width or a quarter of its height cannot be read: another layout, or
        boxes drawn in the free area, serve it better."""
        return box.w >= 0.2 * self.ts.tmap.slide_w and box.h >= 0.25 * self.ts.tmap.slide_h

