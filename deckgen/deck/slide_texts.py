"""What each slot of a slide says: the slide plan cut to the slots of its layout choice.

Kept apart from the writer so the layout choice (which needs to measure a role's texts in
each candidate layout) and the writer see exactly the same texts.
"""

from __future__ import annotations

from deckgen.deck.slot_text import SlotText
from deckgen.pitch.plan import Para, Run, SlideSpec
from deckgen.template.resolve import RoleChoice, Slot

FIGURE_BOOST = 2.4  # the big number, relative to the body size it replaces
HEADED = "bullet-headed"  # a bulleted list whose first paragraph is its heading


def slide_texts(spec: SlideSpec, choice: RoleChoice) -> dict[str, tuple[Slot, SlotText]]:
    slots = choice.slots
    title = spec.title
    if spec.number and "number" not in slots:
        title = f"{spec.number} · {title}"
    lines = 3 if spec.role == "statement" else 2
    out: dict[str, tuple[Slot, SlotText]] = {
        "title": (slots["title"], SlotText((Para(title),), kind="title", max_lines=lines,
                                           balance=True)),
    }
    if spec.role == "title":
        from deckgen.deck.cover import title_texts

        out.update(title_texts(spec, slots, SlotText))
    elif spec.role == "closing":
        from deckgen.deck.cover import closing_texts

        out.update(closing_texts(spec, slots, SlotText))
    elif spec.role == "agenda":
        from deckgen.deck.agenda import agenda_texts

        out.update(agenda_texts(spec, slots, SlotText))
    elif spec.role == "point":
        from deckgen.deck.points import point_texts

        out.update(point_texts(spec, choice, SlotText))
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
            if f"{key}_head" in slots:
                out[f"{key}_head"] = (slots[f"{key}_head"], SlotText((head,)))
                out[key] = (slots[key], SlotText(column.body, spec.list_style))
            else:  # the heading leads its column's own text: bold, without a bullet
                out[key] = (slots[key], SlotText((head, *column.body), HEADED,
                                                 group="columns"))
    elif spec.role == "image":
        if spec.caption and "caption" in slots:
            out["caption"] = (slots["caption"], SlotText(spec.caption))
    elif spec.role in ("table", "figures", "roadmap"):
        pass  # a table or drawn shapes size their own text: deckgen.deck.table, .diagrams
    elif spec.role == "quote":
        from deckgen.deck.quote import quote_texts

        out.update(quote_texts(spec, slots, SlotText))
    elif spec.role == "statement":
        out["body"] = (slots["body"], SlotText(spec.body, spec.list_style, balance=True))
    else:
        out["body"] = (slots["body"], SlotText(spec.body, spec.list_style))
    return {k: v for k, v in out.items() if v[1].paras}
