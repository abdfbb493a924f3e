"""A picture covering a whole example slide, read as that slide's background.

Some templates paint their look (a gradient band, the logo, a footer strip) into one picture
and paste it at the back of every example slide, or make the cover a full-slide photo, rather
than setting it as the master's background. To the deck that is the slide background the
examples set: it is carried as one (`deckgen.deck.artwork.carry_background`), contrast is
judged against its pixels and the marks painted into it are kept clear of
(`deckgen.template.picture_ink`), as for a background the examples set themselves.
"""

from __future__ import annotations

from typing import Any

from deckgen.geometry import Box
from deckgen.ooxml import shape_box

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
COVERS = 0.95  # the share of the slide the picture must cover


class PictureBackground:
    """What the background readers and carriers ask of an example slide's part (its
    ``cSld/bg``, its relationships), with the full-slide picture as that background."""

    def __init__(self, slide_part: Any, picture: Any, rid: str) -> None:
        from pptx.oxml import parse_xml

        self.part = slide_part
        self.picture = picture  # the p:pic on the example slide, for its look's signature
        self.rels = slide_part.rels
        self._element = parse_xml(
            f'<p:sld xmlns:p="{P[1:-1]}" xmlns:a="{A[1:-1]}" xmlns:r="{R[1:-1]}"><p:cSld><p:bg>'
            f'<p:bgPr><a:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
            '</a:blipFill><a:effectLst/></p:bgPr></p:bg><p:spTree/></p:cSld></p:sld>')

    def related_part(self, rid: str) -> Any:
        return self.part.related_part(rid)


def _full_slide_picture(slide: Any, slide_w: int, slide_h: int) -> Any | None:
    """The picture at the back of the slide covering it whole (uncropped), if any."""
    tree = slide._element.find(f"{P}cSld/{P}spTree")
    for shape in tree if tree is not None else ():
        if shape.tag in (f"{P}nvGrpSpPr", f"{P}grpSpPr"):
            continue
        if shape.find(f".//{P}nvPr/{P}ph") is not None:
            continue  # placeholders sit on top of it whatever the order
        if shape.tag != f"{P}pic":
            return None  # something else is at the back: the picture is not the ground
        box = shape_box(shape)
        blip = shape.find(f"{P}blipFill/{A}blip")
        crop = shape.find(f"{P}blipFill/{A}srcRect")
        if (box is None or blip is None or not blip.get(f"{R}embed")
                or crop is not None and any(crop.get(k) not in (None, "0")
                                            for k in ("l", "t", "r", "b"))):
            return None
        if box.intersection(Box(0, 0, slide_w, slide_h)) < COVERS * slide_w * slide_h:
            return None
        return shape
    return None


def picture_background(slide: Any, slide_w: int, slide_h: int) -> PictureBackground | None:
    pic = _full_slide_picture(slide, slide_w, slide_h)
    if pic is None:
        return None
    rid = pic.find(f"{P}blipFill/{A}blip").get(f"{R}embed")
    if rid not in slide.part.rels:
        return None
    return PictureBackground(slide.part, pic, rid)
