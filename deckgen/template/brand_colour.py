"""The colour a template visibly brands itself with, where its theme's accents do not.

Many organisation templates keep Office's default accents (the blue, red and green of every
new file) and show their brand only where they draw: a purple band, an orange bar, a
coloured background, a title colour. A chart or key figure in Office blue then looks
foreign on that master. This finds the most prominent saturated colour the master and its
layouts paint (by area; the title colour counts as well), so figures and charts can take it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from deckgen.ooxml import shape_box
from deckgen.template.index import drawn_shapes
from deckgen.template.masters import DEFAULT_ACCENTS
from deckgen.template.picture_colour import WIDE, hue_of
from deckgen.typeset.contrast import contrast_ratio, hls

LOGO_SHARE = 0.2  # a picture whose main hue covers this share of it is in that colour
MARK_SHARE, ONE_HUE = 0.05, 0.5  # … or this share, as the one hue of half its coloured pixels
FLAT_GROUND = 0.6  # a background picture this much one colour is a ground with marks on it
PROMINENT = 0.005  # a colour painting this share of the slide (a thin bar) is the brand
FAINT = 0.0005  # … or less, where nothing paints that much (a shield logo's teal)

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def default_accents(scheme: Mapping[str, str]) -> bool:
    """The theme keeps an Office or LibreOffice default accent set."""
    return tuple((scheme.get(f"accent{n}") or "").upper() for n in (1, 2, 3)) in DEFAULT_ACCENTS


def visible_brand(master: Any, scheme: Mapping[str, str],
                  carried: Sequence[Any] = ()) -> str | None:
    """The brand colour the master and its layouts paint, or None where they paint none.
    ``carried``: the example slides' artwork the deck carries onto every slide of this master
    (`deckgen.template.examples.Artwork`): a crimson bar pasted on each example is as much the
    brand as one drawn on the master."""
    from deckgen.typeset.backdrop import color, fill, shape_props

    prs_el = master.part.package.presentation_part._element
    size = prs_el.find(f"{P}sldSz")
    slide_area = int(size.get("cx")) * int(size.get("cy")) if size is not None else 1
    weights: dict[str, float] = defaultdict(float)
    layouts = list(master.slide_layouts)
    for part, share in [(master, 1.0)] + [(la, 1.0 / max(len(layouts), 1)) for la in layouts]:
        el = part._element
        bg = el.find(f"{P}cSld/{P}bg/{P}bgPr")
        painted = fill(bg, scheme) if bg is not None else None
        if painted and painted.startswith("#") and "/" not in painted:
            weights[painted] += share
        blip = bg.find(f"{A}blipFill/{A}blip") if bg is not None else None
        if blip is not None:
            marked = _marks_hue(blip, part.part.related_part)
            if marked is not None:
                weights[marked[0]] += share * marked[1]
        for shape in drawn_shapes(el) + _filled_placeholders(el):
            box = shape_box(shape)
            if box is None:
                continue
            if shape.tag == f"{P}pic":
                hue = _picture_hue(shape, part.part.related_part, box.area / slide_area)
                if hue is not None:
                    weights[hue[0]] += share * hue[1]
                continue
            if shape.tag not in (f"{P}sp", f"{P}cxnSp"):
                continue
            painted = fill(shape_props(shape), scheme)
            if painted and painted.startswith("#") and "/" not in painted:
                weights[painted] += share * min(box.area / slide_area, 1.0)
    for art in carried:
        _weigh_artwork(art, scheme, slide_area, weights)
    title = master._element.find(f"{P}txStyles/{P}titleStyle/{A}lvl1pPr/{A}defRPr/{A}solidFill")
    if title is not None and len(title):
        value = color(title[0], scheme)
        if value:
            weights[value] += 0.02  # as much as a thin bar: text is little area
    hued = {c: w for c, w in weights.items() if saturated(c) and w >= PROMINENT}
    if not hued:  # no bar or band: the one hue of a small logo is the brand all the same
        hued = {c: w for c, w in weights.items() if saturated(c) and w >= FAINT}
    if not hued:
        return None
    return max(sorted(hued), key=lambda c: hued[c])


def _weigh_artwork(art: Any, scheme: Mapping[str, str], slide_area: int,
                   weights: dict[str, float]) -> None:
    """Add what one piece of carried artwork paints, by area, to ``weights``."""
    from deckgen.typeset.backdrop import fill, shape_props

    for shape in art.element.iter(f"{P}sp", f"{P}pic"):
        box = shape_box(shape) or art.box
        area = min(box.area, art.box.area) / slide_area
        if shape.tag == f"{P}pic":
            hue = _picture_hue(shape, dict(art.images).__getitem__, area)
            if hue is not None:
                weights[hue[0]] += hue[1]
            continue
        painted = fill(shape_props(shape), scheme)
        if painted and painted.startswith("#") and "/" not in painted:
            weights[painted] += min(area, 1.0)


def _filled_placeholders(el: Any) -> list[Any]:
    """Placeholders painted with a solid fill of their own (a green title band): as much the
    brand as a drawn bar."""
    tree = el.find(f"{P}cSld/{P}spTree")
    out = []
    for shape in tree if tree is not None else ():
        if (shape.tag == f"{P}sp" and shape.find(f"{P}nvSpPr/{P}nvPr/{P}ph") is not None
                and shape.find(f"{P}spPr/{A}solidFill") is not None):
            out.append(shape)
    return out


def _picture_hue(pic: Any, image: Callable[[str], Any], area: float) -> tuple[str, float] | None:
    """(colour, weight) of a logo or bar picture (``image``: its part by relationship id):
    its main hue by the area it paints. Photos (large, or without one dominant hue) say
    nothing about the brand."""
    blip = pic.find(f"{P}blipFill/{A}blip")
    if blip is None:
        return None
    if area > 0.25:  # a background placed as a picture: the marks painted into it
        marked = _marks_hue(blip, image)
        return (marked[0], min(area, 1.0) * marked[1]) if marked is not None else None
    blob = _blob(blip, image)
    hue = hue_of(blob) if blob else None
    # a logo's one hue, however much white or grey lettering it also has (a shield in teal
    # and gold on 9 % of its pixels); a small photo's many hues say nothing
    if hue is None or hue.share < LOGO_SHARE and (hue.share < MARK_SHARE
                                                   or hue.purity < ONE_HUE):
        return None
    return hue.colour, min(area, 1.0) * hue.share


def _marks_hue(blip: Any, image: Callable[[str], Any]) -> tuple[str, float] | None:
    """(colour, share of the picture) of the marks painted into a background picture of one
    flat ground (a logo and a rule on white), or None for a photo or a gradient. The ground
    itself is left out: a navy page is what the chart stands on, not its colour."""
    blob = _blob(blip, image)
    hue = hue_of(blob, WIDE, marks=True) if blob else None
    if hue is None or hue.ground < FLAT_GROUND or hue.purity < ONE_HUE:
        return None
    return hue.colour, hue.share


def _blob(blip: Any, image: Callable[[str], Any]) -> bytes | None:
    rid = blip.get(f"{R}embed")
    try:
        return image(rid).blob if rid else None
    except (KeyError, AttributeError):
        return None


def saturated(value: str) -> bool:
    """A colour with a hue of its own: not black, white or a grey."""
    _h, light, sat = hls(value)
    return sat >= 0.3 and 0.12 <= light <= 0.85


def accent_like(value: str, scheme: Mapping[str, str]) -> str | None:
    """The theme accent that is (nearly) the colour the master paints: a designer's own
    palette sometimes holds the brand in a later slot (Adobe's red is its sixth accent, its
    first a green), and the chart should take the colour the slides show. Only a near match
    that stands out on the theme's light colour counts: a pale tint painted over a large
    area (a beige panel, Merck's green swoosh) does not displace a first accent that is
    the brand."""
    light = scheme.get("bg1", "#FFFFFF")
    near = [(_apart(value, scheme[f"accent{n}"]), n) for n in range(1, 7)
            if scheme.get(f"accent{n}") and _apart(value, scheme[f"accent{n}"]) <= 30
            and contrast_ratio(scheme[f"accent{n}"], light) >= 3.0]
    return f"accent{min(near)[1]}" if near else None


def _apart(a: str, b: str) -> int:
    """How far two ``#RRGGBB`` colours are apart: the sum of their channels' differences."""
    return sum(abs(int(a[i:i + 2], 16) - int(b[i:i + 2], 16)) for i in (1, 3, 5))


def theme_slot_for(value: str, scheme: Mapping[str, str]) -> str | None:
    """The theme slot holding (nearly) this colour, so a reference follows a theme change."""
    for slot in ("accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "tx2", "dk2"):
        if slot in scheme and _apart(scheme[slot], value) <= 12:
            return slot
    return None
