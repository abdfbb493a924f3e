"""What `deckgen inspect` reports: the template resolution, as data and as a table."""

from __future__ import annotations

from typing import Any

from deckgen.template.resolve import resolve
from deckgen.template.source import locate

EMU_PER_CM = 360000


def report(template: str | None) -> dict[str, Any]:
    source = locate(template)
    prs = source.open()
    tmap = resolve(prs, source.name, source.layouts, source.config_path)
    roles = []
    for role, choice in tmap.choices.items():
        slots = {
            name: (f"placeholder {s.ph.kind} idx={s.ph.idx} {s.ph.name!r}" if s.ph
                   else "drawn text box" if name != "chart" else "drawn chart")
            + (" (resized)" if s.resized else "")
            for name, s in choice.slots.items()
        }
        roles.append({"role": role, "layout": choice.layout.name, "reason": choice.reason,
                      "slots": slots, "warnings": list(choice.warnings)})
    used = {c.layout.name for c in tmap.choices.values()}
    warnings = list(tmap.warnings)
    statement = tmap.choices["statement"]
    if statement.layout.type_attr != "secHead" and "name" not in statement.reason:
        warnings.append(f"no section layout: statement slides use {statement.layout.name!r}")
    return {
        "template": source.name,
        "path": str(source.path),
        "slide_size_cm": [round(tmap.slide_w / EMU_PER_CM, 2), round(tmap.slide_h / EMU_PER_CM, 2)],
        "slide_size_emu": [tmap.slide_w, tmap.slide_h],
        "masters": tmap.masters,
        "master": {"index": tmap.master, "reason": tmap.master_reason},
        "layouts_used": sorted(used),
        "roles": roles,
        "example_slides_dropped": [{"slide": n, "layout": name} for n, name in tmap.example_slides],
        "warnings": warnings,
        "dropped": list(source.dropped),  # what sanitation removed from the template
    }


def report_text(data: dict[str, Any]) -> str:
    w, h = data["slide_size_cm"]
    lines = [
        f"Template: {data['template']} ({data['path']})",
        f"Slide size: {w} × {h} cm",
        f"Masters: {data['masters']}; using master {data['master']['index'] + 1} "
        f"({data['master']['reason']})",
        "",
    ]
    rows = [("ROLE", "LAYOUT", "WHY")] + [
        (r["role"], r["layout"].replace("\n", " "), r["reason"]) for r in data["roles"]
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    for row in rows:
        lines.append(f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]}")
    dropped = data["example_slides_dropped"]
    lines.append("")
    if dropped:
        lines.append(f"Example slides dropped: {len(dropped)} ("
                     + ", ".join(f"{d['slide']}: {d['layout']}" for d in dropped) + ")")
    else:
        lines.append("Example slides dropped: none")
    dropped_parts = data.get("dropped") or []
    lines.append("Dropped from the template:" + ("" if dropped_parts else " none"))
    lines.extend(f"  - {line}" for line in dropped_parts)
    for warning in data["warnings"]:
        lines.append(f"warning: {warning}")
    return "\n".join(lines)
