"""``--update`` for shapes deckgen draws or places anew: drawn groups, and texts it moved.

A group deckgen drew (key figures, a roadmap) is one field: its hash covers what its shapes
say. When the person left it untouched and the content changed, the fresh group replaces it
whole (its shapes, sizes and colours as deckgen sets them for the new texts), keeping the
person's shape id, so the slide's tags still name it, and their position where they moved
it. Its shapes get ids free on the person's slide, since they may have added shapes of their
own since. A text deckgen now puts elsewhere (an agenda grown into two columns) moves with
it where the person left it in place.
"""

from __future__ import annotations

import copy
from typing import Any

from deckgen.update.copying import copy_element
from deckgen.update.fingerprint import A, P


def replace_group(slide: Any, base_el: Any, fresh_slide: Any, fresh_el: Any,
                  in_place: bool) -> None:
    new = copy_element(fresh_el, fresh_slide.part, slide.part)
    own = base_el.find(f"{P}nvGrpSpPr/{P}cNvPr")
    new.find(f"{P}nvGrpSpPr/{P}cNvPr").set("id", own.get("id"))
    used = {int(n.get("id")) for n in slide.shapes._spTree.iter(f"{P}cNvPr")
            if (n.get("id") or "").isdigit() and base_el not in n.iterancestors()}
    free = max(used | {int(own.get("id"))}) + 1
    for node in new.iter(f"{P}cNvPr"):
        if node.getparent().getparent() is not new:  # a member shape, not the group itself
            node.set("id", str(free))
            free += 1
    if not in_place:  # the person moved the group: the new one goes where they put it
        old = base_el.find(f"{P}grpSpPr/{A}xfrm/{A}off")
        off = new.find(f"{P}grpSpPr/{A}xfrm/{A}off")
        ch = new.find(f"{P}grpSpPr/{A}xfrm/{A}chOff")
        if old is not None and off is not None and ch is not None:
            off.set("x", old.get("x"))
            off.set("y", old.get("y"))
    base_el.getparent().replace(base_el, new)


def follow_box(base_el: Any, fresh_el: Any) -> None:
    """A text the person left where deckgen put it goes where deckgen puts it now (an agenda
    that grew into two columns narrows its first); one without a box of its own stays."""
    box = fresh_el.find(f"{P}spPr/{A}xfrm")
    sppr = base_el.find(f"{P}spPr")
    if box is None or sppr is None:
        return
    mine = sppr.find(f"{A}xfrm")
    if mine is not None:
        sppr.replace(mine, copy.deepcopy(box))
    else:
        sppr.insert(0, copy.deepcopy(box))
