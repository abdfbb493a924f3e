"""What each slot of a slide says: the slide plan cut to the slots of its layout choice.

Kept apart from the writer so the layout choice (which needs to measure a role's texts in
each candidate layout) and the writer see exactly the same texts.
"""

from __future__ import annotations

from dataclasses import dataclass

from deckgen.pitch.plan import Para, Run, SlideSpec
from deckgen.template.resolve import RoleChoice, Slot

FIGURE_BOOST = 2.4  # the big number, relative to the body size it replaces


@dataclass(frozen=True)
class SlotText:
    """What one slot says: paragraphs, how they are marked, and how they are typeset."""

    paras: tuple[Para, ...]
    list_style: str = "none"
    kind: str = "body"  # the style to inherit: title or body
    figure: bool = False  # first paragraph is the statistic's figure
    max_lines: int = 0


def slide_texts(spec: SlideSpec, choice: RoleChoice) -> dict[str, tuple[Slot, SlotText]]:
    slots = choice.slots
    title = spec.title
    if spec.number and "number" not in slots:
        title = f"{spec.number} · {title}"
    lines = 3 if spec.role == "statement" else 2
    out: dict[str, tuple[Slot, SlotText]] = {
        "title": (slots["title"], SlotText((Para(title),), kind="title", max_lines=lines)),
    }
    if spec.role == "title":
        paras = spec.subtitle
        if "byline" in slots and len(paras) > 1:
            out["subtitle"] = (slots["subtitle"], SlotText(paras[:1]))
            out["byline"] = (slots["byline"], SlotText(paras[1:]))
        else:
            out["subtitle"] = (slots["subtitle"], SlotText(paras))
    elif spec.role == "statistic":
        if "caption" in slots:
            out["figure"] = (slots["figure"], SlotText((Para(spec.figure),), figure=True))
            out["caption"] = (slots["caption"], SlotText(spec.caption))
        else:
            out["figure"] = (slots["figure"],
                             SlotText((Para(spec.figure), *spec.caption), figure=True))
    elif spec.role == "comparison":
        for key, column in (("left", spec.left), ("right", spec.right)):
            if column is None:
                continue
            head = Para(column.heading, runs=(Run(column.heading, bold=True),))
            out[f"{key}_head"] = (slots[f"{key}_head"], SlotText((head,)))
            out[key] = (slots[key], SlotText(column.body, spec.list_style))
    elif spec.role == "image":
        if spec.caption and "caption" in slots:
            out["caption"] = (slots["caption"], SlotText(spec.caption))
    elif spec.role == "table":
        pass  # the table itself is not text the fitting sizes; see deckgen.deck.table
    elif spec.role == "quote":
        who = ", ".join(x for x in (spec.author, spec.author_role) if x)
        byline = (Para(f"— {who}"),) if who and who != spec.title else ()
        out["body"] = (slots["body"], SlotText(spec.body + byline))
    else:
        out["body"] = (slots["body"], SlotText(spec.body, spec.list_style))
        if spec.number and "number" in slots:
            out["number"] = (slots["number"], SlotText((Para(spec.number),)))
    return {k: v for k, v in out.items() if v[1].paras}
