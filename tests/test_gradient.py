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


def test_a_radial_gradient_gives_every_stop():
    grad = _grad([(0, "FFFF00"), (100000, "FF8000")],
                 '<a:path path="circle"><a:fillToRect l="50000" t="50000" r="50000" '
                 'b="50000"/></a:path>')
    assert _colours(grad, (Box(0, 0, 100, 100), SLIDE)) == "#FF8000/#FFFF00"


def test_stops_nearly_alike_are_one_colour():
    grad = _grad([(0, "202020"), (100000, "242424")], DOWN)
    assert "/" not in _colours(grad, (SLIDE, SLIDE))
