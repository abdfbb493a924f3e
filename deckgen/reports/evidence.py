"""The part of `deckgen inspect` that shows how the template was read: its masters, every
layout of every master with what its name says and what rules it out, and the evidence of
the example slides (the cover, the content look, artwork carried onto the deck)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from deckgen.template.candidates import ruled_out


def masters_report(tmap: Any) -> list[dict[str, Any]]:
    """One entry per master: its name, its layouts, and the job the deck gives it."""
    counts = Counter(li.master for li in tmap.layouts)
    names = {li.master: li.master_name for li in tmap.layouts}
    out = []
    for m in range(tmap.masters):
        jobs = []
        if m == tmap.cover_master:
            jobs.append(f"cover ({tmap.cover_reason})")
        if m == tmap.master:
            jobs.append(f"content ({tmap.master_reason})")
        out.append({"number": m + 1, "name": names.get(m, ""), "layouts": counts.get(m, 0),
                    "used_for": jobs})
    return out


def layouts_report(tmap: Any, chosen: dict[str, Any]) -> list[dict[str, Any]]:
    """Every layout of every master: its placeholders, what its name says it is for, why it
    is ruled out (if it is), its artwork, and the roles the deck gives it."""
    examples = tmap.examples
    shown_on = Counter(id(li.layout) for li in examples.content)
    out = []
    for li in tmap.layouts:
        kinds = Counter(p.kind for p in li.placeholders)
        evidence = []
        if examples.cover is not None and examples.cover.layout is li.layout:
            evidence.append("the first example slide (the cover)")
        if shown_on.get(id(li.layout)):
            evidence.append("example slides show content on it")
        evidence += [f"an example slide titled for {p}" for ex, p in examples.titled
                     if ex.layout is li.layout]
        out.append({
            "master": li.master + 1,
            "name": li.name,
            "placeholders": dict(sorted(kinds.items())),
            "purpose": li.purpose or "",
            "ruled_out": ruled_out(li) or "",
            "logos_and_shapes": len(li.obstacles),
            "photo": round(li.photo, 2),
            "evidence": evidence,
            "used_for": sorted(r for r, c in chosen.items() if c.layout.layout is li.layout),
        })
    return out


def examples_report(tmap: Any) -> dict[str, Any]:
    ex = tmap.examples
    return {
        "slides": ex.count,
        "cover": ex.cover.name if ex.cover is not None else "",
        "cover_master": ex.cover_master + 1 if ex.cover_master is not None else None,
        "content_layouts": [li.name for li in ex.content],
        "artwork_carried": [
            {"master": a.master + 1, "on_cover": a.cover,
             "box_cm": [round(v / 360000, 1) for v in (a.box.x, a.box.y, a.box.w, a.box.h)]}
            for a in ex.artwork],
        "cover_look": {"background": ex.cover_background is not None,
                       "artwork": len(ex.cover_art), "boxes_moved": len(ex.cover_boxes),
                       "fields_left_off": sorted(ex.cover_without)},
    }


def text_lines(data: dict[str, Any]) -> list[str]:
    """The masters, layouts and examples as lines for the text report."""
    lines = ["Masters:"]
    for m in data["master_list"]:
        jobs = "; ".join(m["used_for"]) or "not used"
        lines.append(f"  {m['number']}: {m['name']!r}, {m['layouts']} layouts - {jobs}")
    lines += ["", "Layouts (every master):"]
    for layout in data["layouts"]:
        kinds = ", ".join(f"{k}×{n}" if n > 1 else k for k, n in layout["placeholders"].items())
        notes = []
        if layout["purpose"]:
            notes.append(f"name says: {layout['purpose']}")
        if layout["ruled_out"]:
            notes.append(f"ruled out: {layout['ruled_out']!r}")
        if layout["photo"] >= 0.25:
            notes.append(f"photo over {round(layout['photo'] * 100)} %")
        notes += layout["evidence"]
        used = ", ".join(layout["used_for"]) or "-"
        name = layout["name"].replace("\n", " ")
        lines.append(f"  M{layout['master']} {name!r}: {kinds or 'no placeholders'}; "
                     f"{layout['logos_and_shapes']} logos/shapes; used for: {used}"
                     + (f" ({'; '.join(notes)})" if notes else ""))
    ex = data["examples"]
    lines.append("")
    if ex["slides"]:
        lines.append(f"Example slides: {ex['slides']}; cover: {ex['cover'] or '-'}"
                     f"{' on master ' + str(ex['cover_master']) if ex['cover_master'] else ''}"
                     f"; content on: {', '.join(repr(n) for n in ex['content_layouts']) or '-'}")
        if ex["artwork_carried"]:
            lines.append(f"  artwork on the example slides carried onto the deck: "
                         f"{len(ex['artwork_carried'])} piece(s)")
        look = ex["cover_look"]
        if look["background"] or look["artwork"] or look["boxes_moved"]:
            parts = (["its background"] if look["background"] else []) + (
                [f"{look['artwork']} piece(s) of artwork"] if look["artwork"] else []) + (
                ["its title and subtitle places"] if look["boxes_moved"] else [])
            lines.append(f"  the cover example's own look on the deck's cover: {', '.join(parts)}")
        if look["fields_left_off"]:
            names = {"ftr": "footer", "dt": "date", "sldNum": "slide number"}
            lines.append("  the cover leaves off, as its example does: "
                         + ", ".join(names[k] for k in look["fields_left_off"]))
    else:
        lines.append("Example slides: none")
    return lines
