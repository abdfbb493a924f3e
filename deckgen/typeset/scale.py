"""One type scale per deck: sizes decided for the whole deck, not slide by slide.

A deck whose titles jump between 23 and 45 pt because each was shrunk on its own looks
unedited. So every text first gets the largest size at which it fits (titles wrapping to two
lines before shrinking, three on the statement slide); then texts that must look alike share
one size (all titles in the same title box; all bodies of one layout slot), the deck keeps at
most three title sizes, the title slide's title stands 1.3 x above its subtitle (as far as
the template's own step, up to 1.5 x) and 1.25 x
above the content titles, a statement's heading on its own divider grows toward that too and
its paragraph toward the deck's body size, no text
outgrows its slide's title (figures excepted; it stays a step below it where the minimum
allows), and the source under the statistic stays
smaller than its caption.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from deckgen.geometry import Box
from deckgen.typeset.fit import round_size
from deckgen.typeset.styles import BoxStyle

TITLE_MIN_PT = 20.0
BODY_MIN_PT = 14.0
WIDE_SLIDE_EMU = 12192000  # 13.333 in: the slide width the minimum sizes are given for
TITLE_OVER_SUBTITLE = 1.15
# the cover's title over its subtitle: at least, and at most where the template sets its
# subtitle further below (a title shrunk to hold a sentence takes its subtitle down with it)
COVER_STEP = (1.3, 1.5)
SOURCE_RATIO = 0.8
BODY_UNDER_TITLE = 0.85
MAX_TITLE_SIZES = 3
COVER_OVER_TITLES = 1.25  # the cover's title stands this far above the content titles
COVER_MAX_GROWTH = 1.6  # … grown at most this far beyond the template's own size for it
# the statement's heading stands this far above the content titles where its own box allows:
# a statement whose heading is hardly larger than its text reads as one more content slide
STATEMENT_OVER_TITLES = 1.25
# the body texts that read as one kind of text across the deck: one size for all of them
# (a point's statement is the slide's message, set larger: `deckgen.deck.points`)
BODY_ROLES = ("bullets", "agenda", "closing")


@dataclass(frozen=True)
class TextJob:
    """One text body to size: what it says, where it goes, and what it must agree with."""

    slide: int
    key: str  # title, subtitle, byline, body, figure, caption, number
    role: str
    paras: tuple[tuple[str, int], ...]
    style: BoxStyle
    box: Box
    base: tuple[int, ...]  # per paragraph, hundredths of a point: the template's sizes
    group: tuple[object, ...]  # jobs with equal groups get one size
    max_lines: int = 0
    figure: bool = False  # the statistic's big number: exempt from "not above the title"

    @property
    def is_title(self) -> bool:
        return self.key == "title"


def min_sizes(slide_w: int) -> tuple[float, float]:
    """(title, body) minimum in points, scaled with the slide's width and rounded up to a
    half point: sizes are stored in whole half points, rounded down (`fit.round_size`), so
    an unrounded minimum (11.57 pt on an 11 in slide) would be stored below itself."""
    f = slide_w / WIDE_SLIDE_EMU
    return math.ceil(TITLE_MIN_PT * f * 2) / 2, math.ceil(BODY_MIN_PT * f * 2) / 2


def min_pt(job: TextJob, slide_w: int) -> float:
    title, body = min_sizes(slide_w)
    return title if job.is_title else body


# fitter(job, sizes, min_pt) -> largest factor <= 1 at which ``sizes`` fit, or None
Fitter = Callable[[TextJob, tuple[int, ...], float], "float | None"]


def decide(jobs: list[TextJob], fitter: Fitter, slide_w: int) -> dict[tuple[int, str],
                                                                         tuple[int, ...]]:
    """Per (slide, key): the paragraph sizes, in hundredths of a point."""
    sizes: dict[tuple[int, str], list[float]] = {}
    for job in jobs:
        factor = fitter(job, job.base, min_pt(job, slide_w))
        factor = factor if factor is not None else 1.0
        sizes[(job.slide, job.key)] = [b * factor for b in job.base]
    _share(jobs, sizes)
    _few_title_sizes(jobs, sizes)
    _one_size_per_box(jobs, sizes)
    _cover_title(jobs, sizes, fitter, slide_w)
    _statement_title(jobs, sizes, fitter, slide_w)
    _statement_text(jobs, sizes, fitter, slide_w)
    _hierarchy(jobs, sizes, slide_w)
    _one_body_size(jobs, sizes)
    return {k: tuple(round_size(s) for s in v) for k, v in sizes.items()}


def _cover_title(jobs: list[TextJob], sizes: dict[tuple[int, str], list[float]],
                 fitter: Fitter, slide_w: int) -> None:
    """The cover's title at least 1.25 x the content titles, where its box allows: a cover
    whose title is the size of every other title looks like one more content slide. A cover
    title in the same box as content titles stays their size (one size per box)."""
    cover = next((j for j in jobs if j.is_title and j.role == "title"), None)
    others = [sizes[(j.slide, j.key)][0] for j in jobs if j.is_title and j.role != "title"]
    if cover is None or not others or any(
            j.group == cover.group for j in jobs if j.is_title and j is not cover):
        return
    target = COVER_OVER_TITLES * max(others)
    if sizes[(cover.slide, cover.key)][0] >= target:
        return
    grown = _grown(cover, min(target, COVER_MAX_GROWTH * cover.base[0]), sizes, fitter, slide_w)
    if grown is not None:
        sizes[(cover.slide, cover.key)] = grown


def _grown(job: TextJob, target: float, sizes: dict[tuple[int, str], list[float]],
           fitter: Fitter, slide_w: int) -> list[float] | None:
    """The job's sizes grown toward ``target`` (its first paragraph) as far as its box
    allows, or None when that is no larger than now."""
    wanted = tuple(int(b * target / job.base[0]) for b in job.base)
    factor = fitter(job, wanted, min_pt(job, slide_w))
    if factor is None or wanted[0] * factor <= sizes[(job.slide, job.key)][0]:
        return None
    return [w * factor for w in wanted]


def _statement_title(jobs: list[TextJob], sizes: dict[tuple[int, str], list[float]],
                     fitter: Fitter, slide_w: int) -> None:
    """The statement's heading grows toward 1.25 x the content titles where its title box is
    its own (a divider's): the slide marks where the argument starts. It stays no larger than
    the cover's title, and never adds a fourth title size to the deck."""
    heads = [j for j in jobs if j.is_title and j.role == "statement"]
    others = [j for j in jobs if j.is_title and j.role not in ("title", "statement")]
    if len(heads) != 1 or not others or any(j.group == heads[0].group for j in others):
        return
    head = heads[0]
    target = STATEMENT_OVER_TITLES * max(sizes[(j.slide, j.key)][0] for j in others)
    cover = next((j for j in jobs if j.is_title and j.role == "title"), None)
    if cover is not None:
        target = min(target, sizes[(cover.slide, cover.key)][0])
    target = min(target, COVER_MAX_GROWTH * head.base[0])
    if sizes[(head.slide, head.key)][0] >= target:
        return
    grown = _grown(head, target, sizes, fitter, slide_w)
    rest = {round_size(sizes[(j.slide, j.key)][0]) for j in others}
    if grown is None or round_size(grown[0]) not in rest and len(rest) >= MAX_TITLE_SIZES:
        return
    sizes[(head.slide, head.key)] = grown


def _statement_text(jobs: list[TextJob], sizes: dict[tuple[int, str], list[float]],
                    fitter: Fitter, slide_w: int) -> None:
    """The statement's paragraph no smaller than the deck's body text where its box allows:
    a divider's text box is often made for a one-line kicker at 14 pt, and the two
    sentences the argument starts with read as a footnote there. Still a step below its
    heading (`_hierarchy`)."""
    bodies = [sizes[(j.slide, j.key)][0] for j in jobs if j.key == "body" and j.role in BODY_ROLES]
    if not bodies:
        return
    target = min(bodies)
    for job in jobs:
        if job.key != "body" or job.role != "statement" or not job.base:
            continue
        if sizes[(job.slide, job.key)][0] < target:
            grown = _grown(job, target, sizes, fitter, slide_w)
            if grown is not None:
                sizes[(job.slide, job.key)] = grown


def _one_body_size(jobs: list[TextJob], sizes: dict[tuple[int, str], list[float]]) -> None:
    """The lists of the content slides (bullets, agenda, closing) in
    one size, the smallest any of them needs: body text that changes size from slide to slide
    because one layout's box is smaller looks unedited. Shrinking keeps every other rule."""
    bodies = [j for j in jobs if j.key == "body" and j.role in BODY_ROLES]
    if not bodies:
        return
    least = min(sizes[(j.slide, j.key)][0] for j in bodies)
    # the sources list is set no larger than the lists it documents (it may be smaller)
    notes = [j for j in jobs if j.key == "body" and j.role == "sources"
             and sizes[(j.slide, j.key)][0] > least]
    for j in bodies + notes:
        cur = sizes[(j.slide, j.key)]
        sizes[(j.slide, j.key)] = [v * least / cur[0] for v in cur]


def _share(jobs: list[TextJob], sizes: dict[tuple[int, str], list[float]]) -> None:
    """Texts in one group take the smallest factor any of them needed."""
    groups: dict[tuple[object, ...], list[TextJob]] = defaultdict(list)
    for job in jobs:
        groups[job.group].append(job)
    for members in groups.values():
        if len(members) < 2:
            continue
        factor = min(sizes[(j.slide, j.key)][0] / j.base[0] for j in members)
        for j in members:
            sizes[(j.slide, j.key)] = [b * factor for b in j.base]


def _one_size_per_box(jobs: list[TextJob], sizes: dict[tuple[int, str], list[float]]) -> None:
    """Titles in one title box end in one size, the smallest any of them has (each is at
    least its minimum, so the smallest is too)."""
    groups: dict[tuple[object, ...], list[TextJob]] = defaultdict(list)
    for job in jobs:
        if job.is_title:
            groups[job.group].append(job)
    for members in groups.values():
        if len(members) < 2:
            continue
        least = min(sizes[(j.slide, j.key)][0] for j in members)
        for j in members:
            sizes[(j.slide, j.key)] = [least] * len(sizes[(j.slide, j.key)])


def _few_title_sizes(jobs: list[TextJob], sizes: dict[tuple[int, str], list[float]]) -> None:
    """Titles within 10 % of each other become one size; at most three sizes remain."""
    titles = [j for j in jobs if j.is_title and j.role != "title"]
    values = sorted({round(sizes[(j.slide, j.key)][0], 1) for j in titles}, reverse=True)
    clusters: list[list[float]] = []
    for v in values:
        if clusters and clusters[-1][0] <= v * 1.10:
            clusters[-1].append(v)
        else:
            clusters.append([v])
    while len(clusters) > MAX_TITLE_SIZES:
        # merge the two neighbours closest in size
        i = min(range(len(clusters) - 1), key=lambda k: clusters[k][-1] / clusters[k + 1][0])
        clusters[i:i + 2] = [clusters[i] + clusters[i + 1]]
    target = {v: min(c) for c in clusters for v in c}
    for j in titles:
        cur = sizes[(j.slide, j.key)]
        new = target[round(cur[0], 1)]
        sizes[(j.slide, j.key)] = [s * new / cur[0] for s in cur]


def _hierarchy(jobs: list[TextJob], sizes: dict[tuple[int, str], list[float]],
               slide_w: int) -> None:
    by_slide: dict[int, list[TextJob]] = defaultdict(list)
    for job in jobs:
        by_slide[job.slide].append(job)
    body_min = min_sizes(slide_w)[1] * 100  # sizes here are in hundredths of a point
    for slide_jobs in by_slide.values():
        title = next((j for j in slide_jobs if j.is_title), None)
        if title is None:
            continue
        top = round_size(sizes[(title.slide, "title")][0])  # as it will be written
        # text stays clearly below its title (a step of the scale), never below the minimum
        cap = top / TITLE_OVER_SUBTITLE if title.role == "title" else max(
            top * BODY_UNDER_TITLE, min(top, body_min))
        for job in slide_jobs:
            if job.is_title or job.key == "number":  # a point's big number is a figure
                continue
            cur = sizes[(job.slide, job.key)]
            if job.role == "title" and job.base and title.base:
                # the cover keeps the step its designer set between title and subtitle (up
                # to 1.5 x): a title shrunk to hold a sentence takes its subtitle down with
                # it, or the two end up nearly one size
                step = min(max(title.base[0] / job.base[0], COVER_STEP[0]), COVER_STEP[1])
                cap = top / step
            limit = max(cap, body_min) if job.role == "title" else cap
            free = 1 if job.figure else 0  # the figure stands out; its caption obeys the title
            cur = cur[:free] + [min(s, limit) for s in cur[free:]]
            if job.key in ("caption", "figure") and len(cur) >= (3 if job.figure else 2):
                # the source line: smaller than the caption, but never below the minimum
                cur[-1] = min(cur[-1], max(cur[-2] * SOURCE_RATIO, body_min))
            sizes[(job.slide, job.key)] = cur

