"""Which master carries the cover and which the content slides.

Templates with several masters give each a job: LibreOffice writes one master per master
page (a decorated title master, a plain content master, each with the full set of layouts);
corporate and university templates keep a cover master with one or two layouts beside the
content master. Putting every slide on the first master puts the cover's artwork behind the
content, or the cover on a content master. The evidence, strongest first: ``template.yaml``;
the example slides (the first shows the cover, the later ones the content); the masters'
names; and how the masters look: of twin masters (the same layouts) the more decorated one
is the cover's, the plainer one the content's. A leftover Office-default master beside a
branded one is used for neither.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from deckgen.errors import DeckgenError
from deckgen.template.examples import Examples
from deckgen.template.index import LayoutInfo
from deckgen.template.names import fold
from deckgen.template.purpose import GENERAL, purpose_of

# accent1…accent3 of Office's and LibreOffice's default themes: a master with these, beside
# a master with colours of its own, is a leftover
DEFAULT_ACCENTS = frozenset({
    ("#4F81BD", "#C0504D", "#9BBB59"), ("#5B9BD5", "#ED7D31", "#A5A5A5"),
    ("#4472C4", "#ED7D31", "#A5A5A5"), ("#156082", "#E97132", "#196B24"),
    ("#18A303", "#0369A3", "#A33E03"), ("#729FCF", "#FF8000", "#808080"),
})


@dataclass(frozen=True)
class MasterChoice:
    """The master the cover takes and the one the content slides take, each with the reason."""

    cover: int
    content: int
    cover_reason: str
    content_reason: str


def choose_masters(prs: Any, layouts: list[LayoutInfo], examples: Examples,
                   explicit: object, config: object,
                   cover_like: Callable[[LayoutInfo], bool],
                   content_like: Callable[[LayoutInfo], bool]) -> MasterChoice:
    n = len(prs.slide_masters)
    if n <= 1:
        return MasterChoice(0, 0, "the only master", "the only master")
    names = [_name(m) for m in prs.slide_masters]
    by_master: dict[int, list[LayoutInfo]] = {}
    for li in layouts:
        by_master.setdefault(li.master, []).append(li)
    leftovers = _leftovers(prs)
    usable = [m for m in range(n) if m in by_master and m not in leftovers] or list(by_master)
    content = cover = None
    content_reason = cover_reason = ""
    if explicit not in (None, ""):
        content = _find(explicit, names, config)
        content_reason = "template.yaml names it"
    if content is None and examples.content_master() is not None:
        content = examples.content_master()
        content_reason = "the template's example slides show content on it"
        own = [li.master for li in examples.content]
        if len(own) >= 3 and len(set(own)) == len(own) and all(m in by_master for m in own):
            # every example a design of its own on its own master (LibreOffice's templates):
            # no master is the content's by number; the plainest of them carries a deck
            content = min(own, key=lambda m: (round(_decoration(by_master[m]), 2), own.index(m)))
            content_reason = ("the plainest of the masters the example slides show content on, "
                              "each on its own")
    if examples.cover_master is not None:
        cover = examples.cover_master
        cover_reason = "the template's first example slide (its cover) uses it"
    for m in usable:  # the masters' own names
        purpose = purpose_of(names[m])
        if cover is None and purpose == "cover":
            cover, cover_reason = m, f"its name {names[m]!r}"
        elif content is None and purpose == "content":
            content, content_reason = m, f"its name {names[m]!r}"

    def contents(m: int) -> int:
        """Twice its content layouts, and its plain titled pages (content pages of a
        template whose layouts carry titles only), against a master of covers."""
        general = [li for li in by_master.get(m, ()) if li.purpose in (*GENERAL, None)]
        return 2 * sum(1 for li in general if content_like(li)) + sum(
            1 for li in general if li.title is not None and li.photo < 0.25)

    if content is None:
        pool = [m for m in usable if contents(m) and m != cover] or [
            m for m in usable if contents(m)] or usable
        twins = _twins(pool, by_master)
        if twins:
            content = min(twins, key=lambda m: (_decoration(by_master[m]), m))
            content_reason = "the plainer of masters with the same layouts"
        else:
            content = max(pool, key=lambda m: (contents(m), -m))
            content_reason = ("its content layouts" if len(pool) > 1 else
                              "the master with content layouts")
        if leftovers and content not in leftovers:
            content_reason += "; an Office-default master beside it is a leftover"
    if cover is None:
        others = [m for m in usable if m != content and any(cover_like(li) for li in by_master[m])]
        only_cover = [m for m in others if not contents(m)]
        twins = [m for m in others if m in _twins([content, m], by_master)
                 and _decoration(by_master[m]) > _decoration(by_master[content]) + 0.15]
        if only_cover:
            cover, cover_reason = only_cover[0], "a master made for the cover alone"
        elif twins:
            cover, cover_reason = twins[0], "the more decorated of masters with the same layouts"
        else:
            cover, cover_reason = content, "the content's master (no other master is a cover's)"
    return MasterChoice(cover, content, cover_reason, content_reason)


def _name(master: Any) -> str:
    c_sld = master._element.find("{http://schemas.openxmlformats.org/presentationml/2006/main}cSld")
    return (c_sld.get("name") if c_sld is not None else "") or ""


def _find(wanted: object, names: list[str], config: object) -> int:
    text = str(wanted).strip()
    if text.isdigit() and 1 <= int(text) <= len(names):
        return int(text) - 1
    for i, name in enumerate(names):
        if name and fold(name) == fold(text):
            return i
    from deckgen.listing import some

    shown = some(f"{i + 1}: {n!r}" for i, n in enumerate(names))
    raise DeckgenError(f"{config or 'template.yaml'}: master: no master {text!r} "
                       f"(have: {shown}; give a number or a name)")


def _twins(masters: list[int], by_master: dict[int, list[LayoutInfo]]) -> list[int]:
    """Masters whose layouts are the same by name (LibreOffice's master pages)."""
    if len(masters) < 2:
        return []
    sets = {m: {fold(li.name) for li in by_master.get(m, ())} for m in masters}
    out = [m for m in masters if any(
        o != m and sets[m] and len(sets[m] & sets[o]) >= 0.6 * max(len(sets[m]), len(sets[o]))
        for o in masters)]
    return out


def _decoration(layouts: list[LayoutInfo]) -> float:
    """How much a master shows besides text: its darkness, artwork and pictures (0 … ~2)."""
    from deckgen.typeset.backdrop import behind
    from deckgen.typeset.contrast import colours_of, luminance
    from deckgen.typeset.styles import theme_colors

    li = layouts[0]
    master = li.layout.slide_master
    from deckgen.geometry import Box

    whole = Box(0, 0, li.slide_w, li.slide_h)
    try:
        bg = behind(li.layout, whole, theme_colors(master, li.layout))
        dark = 1 - sum(luminance(c) for c in colours_of(bg)) / len(colours_of(bg))
    except Exception:  # noqa: BLE001 - a picture or an odd fill: count it as decoration
        dark = 0.5
    art = sum(o.area for o in li.obstacles) / (li.slide_w * li.slide_h)
    return dark + min(art, 1.0) + max(x.photo for x in layouts) * 0.5


def _leftovers(prs: Any) -> set[int]:
    """Masters in a default Office/LibreOffice theme beside masters with their own colours."""
    from deckgen.typeset.styles import theme_colors

    plain = set()
    for i, master in enumerate(prs.slide_masters):
        scheme = theme_colors(master)
        accents = tuple((scheme.get(f"accent{n}") or "").upper() for n in (1, 2, 3))
        if accents in DEFAULT_ACCENTS:
            plain.add(i)
    return plain if len(plain) < len(prs.slide_masters) else set()
