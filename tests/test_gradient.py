"""A gradient under a text box: the colours of its stretch under the box, not its average."""

from __future__ import annotations

from pptx.oxml import parse_xml

from deckgen.geometry import Box
from deckgen.typeset.backdrop import color
from deckgen.typeset.gradient import gradient_colours

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
SLIDE = Box(0, 0, 1000, 1000)


def _grad(stops: list[tuple[int, str]], shape: str) -> object:
    gs = "".join(f'<a:gs pos="{p}"><a:srgbClr val="{c}"/></a:gs>' for p, c in stops)
    return parse_xml(f'<a:gradFill xmlns:a="{A}"><a:gsLst>{gs}</a:gsLst>{shape}</a:gradFill>')


def _colours(grad, area=None) -> str | None:
    return gradient_colours(grad, lambda el: color(el, {}), area)


DOWN = '<a:lin ang="5400000" scaled="0"/>'  # black at the top, white at the bottom


def test_a_box_at_the_dark_end_of_a_linear_gradient_sees_only_dark():
    grad = _grad([(0, "000000"), (100000, "FFFFFF")], DOWN)
    top = _colours(grad, (Box(0, 0, 1000, 200), SLIDE))
    bottom = _colours(grad, (Box(0, 800, 1000, 200), SLIDE))
    assert top.split("/") == ["#000000", "#333333"]
    assert bottom.split("/") == ["#CCCCCC", "#FFFFFF"]
    # without a box every stop counts
    assert _colours(grad) == "#000000/#FFFFFF"


def test_a_stop_inside_the_stretch_counts():
    grad = _grad([(0, "FFFFFF"), (50000, "000000"), (100000, "FFFFFF")], DOWN)
    middle = _colours(grad, (Box(0, 400, 1000, 200), SLIDE)).split("/")
    assert middle[0] == "#000000"  # the dark middle stop, though both ends are grey


def test_a_sideways_gradient_is_read_along_its_angle():
    grad = _grad([(0, "000000"), (100000, "FFFFFF")], '<a:lin ang="0"/>')
    left = _colours(grad, (Box(0, 0, 200, 1000), SLIDE)).split("/")
    assert left == ["#000000", "#333333"]


CIRCLE = ('<a:path path="circle"><a:fillToRect l="50000" t="50000" r="50000" b="50000"/>'
          '</a:path>')


def test_a_circular_gradient_gives_the_rings_under_the_box():
    grad = _grad([(0, "FFFFFF"), (100000, "000000")], CIRCLE)  # white centre, black rim
    corner = _colours(grad, (Box(0, 0, 100, 100), SLIDE)).split("/")
    centre = _colours(grad, (Box(450, 450, 100, 100), SLIDE)).split("/")
    assert corner[0] == "#000000" and corner[-1] != "#FFFFFF"
    assert centre[-1] == "#FFFFFF" and centre[0] != "#000000"
    # a box across the whole circle sees every ring
    assert _colours(grad, (SLIDE, SLIDE)) == "#000000/#FFFFFF"
    # other path gradients: every stop
    rect = _grad([(0, "FFFF00"), (100000, "FF8000")], '<a:path path="rect"/>')
    assert _colours(rect, (Box(0, 0, 100, 100), SLIDE)) == "#FF8000/#FFFF00"


def test_see_through_stops_show_what_is_below():
    gs = ('<a:gs pos="0"><a:srgbClr val="FFFFFF"><a:alpha val="90000"/></a:srgbClr></a:gs>'
          '<a:gs pos="100000"><a:srgbClr val="FFFFFF"><a:alpha val="20000"/></a:srgbClr></a:gs>')
    glow = parse_xml(f'<a:gradFill xmlns:a="{A}"><a:gsLst>{gs}</a:gsLst>{CIRCLE}</a:gradFill>')
    corner = gradient_colours(glow, lambda el: color(el, {}), (Box(0, 0, 100, 100), SLIDE),
                              below="#000032")
    from deckgen.typeset.contrast import contrast_ratio

    assert all(contrast_ratio("#FFFFFF", c) >= 4.5 for c in corner.split("/"))  # white reads
    # opaque, it would have been white on white
    assert gradient_colours(glow, lambda el: color(el, {}), (Box(0, 0, 100, 100), SLIDE)) \
        == "#FFFFFF"


def test_stops_nearly_alike_are_one_colour():
    grad = _grad([(0, "202020"), (100000, "242424")], DOWN)
    assert "/" not in _colours(grad, (SLIDE, SLIDE))
