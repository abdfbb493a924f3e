"""What `deckgen inspect` reports: how a template will be used, before anyone builds with it.

An organisation wants to know, for its own master: which layout each kind of slide gets and
why the others were passed over (a name, a signature, a box too small for the text), which
colours deckgen will change to keep text legible (and which theme colours and logo the
folder's ``template.yaml`` applies to an organisation's own template), which fonts are not installed and what they
are measured as, and a ``layouts:`` block to paste into ``template.yaml`` to pin the choice.
The report comes from a trial build of the content (the plea by default), so what it says is
what a build does.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from deckgen.typeset.fonts import fonts_report

EMU_PER_CM = 360000
SAMPLE_COMPANY = "Beispiel GmbH"


def notes(template: str | Path | None, content: str | Path | None, lang: str,
          company: str) -> list[str]:
    """What ``build --verbose`` adds on stderr: the layouts used and everything changed."""
    data = report(template, content, lang, company)
    out = [f"layout for {r['role']}: {r['layout']!r}" + (" (own placeholders)" if r["drawn"] else "")
           + f" - {r['reason']}" for r in data["roles"]]
    out += list(data["theme_colours"])  # "theme accent1: #1F4E79 → #E30613 (template.yaml …)"
    out += list(data["logo"])
    out += [f"colour changed: {s}" for s in data["colour_substitutions"]]
    out += list(dict.fromkeys(  # heading and body font are often the same family
        f"font {f['font']} is not installed; text was measured as {f['measured_as']}"
        for f in data["fonts"] if f["installed"] == "no"))
    out += [f"dropped from the template: {d}" for d in data["dropped"]]
    # warnings: the build itself has printed them already
    return out


def report(template: str | Path | None, content: str | Path | None = None,
           lang: str = "de", company: str = SAMPLE_COMPANY) -> dict[str, Any]:
    from deckgen.api import plan_for, prepare
    from deckgen.deck.writer import DeckWriter

    job = prepare(content, template, lang)
    source, tmap = job.template, job.tmap
    plan = plan_for(job, company)
    writer = DeckWriter(job.prs, tmap, source.logo)
    writer.write(plan)
    chosen = writer.choices
    roles = []
    for role in dict.fromkeys(s.role for s in plan.slides):
        specs = [(i, s) for i, s in enumerate(plan.slides) if s.role == role]
        tried = []
        for option in tmap.options[role]:
            failure = writer.layouts.too_small(specs, option)
            verdict = "chosen" if option is chosen[role] else (
                f"too small: slide {failure[0] + 1} {failure[1]}" if failure else "fits")
            tried.append({"layout": option.layout.name, "reason": option.reason,
                          "drawn": option.drawn, "verdict": verdict})
            if option is chosen[role]:
                break
        choice = chosen[role]
        roles.append({
            "role": role, "layout": choice.layout.name, "master": choice.layout.master + 1,
            "reason": choice.reason,
            "drawn": choice.drawn, "slots": _slots(choice), "candidates": tried,
            "warnings": list(choice.warnings),
        })
    from deckgen.reports.evidence import examples_report, layouts_report, masters_report

    used = Counter(c.layout.name for c in chosen.values())
    return {
        "template": source.name,
        "path": str(source.path),
        "slide_size_cm": [round(tmap.slide_w / EMU_PER_CM, 2),
                          round(tmap.slide_h / EMU_PER_CM, 2)],
        "slide_size_emu": [tmap.slide_w, tmap.slide_h],
        "masters": tmap.masters,
        "master": {"index": tmap.master, "reason": tmap.master_reason},
        "cover_master": {"index": tmap.cover_master, "reason": tmap.cover_reason},
        "master_list": masters_report(tmap),
        "layouts_used": sorted(used),
        "layouts": layouts_report(tmap, chosen),
        "examples": examples_report(tmap),
        "roles": roles,
        "theme_colours": list(getattr(source, "theme_changes", ())),  # from template.yaml
        "logo": list(writer.logo_places),  # where template.yaml's logo went
        "colour_substitutions": [str(s) for s in writer.legibility.substitutions],
        "fonts": fonts_report(writer.fonts),
        "example_slides_dropped": [{"slide": n, "layout": name}
                                   for n, name in tmap.example_slides],
        "warnings": list(writer.warnings) + [
            w for w in tmap.warnings if w.split(":", 1)[0] in chosen
            and chosen[w.split(":", 1)[0]] is tmap.choices[w.split(":", 1)[0]]],
        "dropped": list(getattr(source, "dropped", ())),  # what sanitizing removed
        "template_yaml": layouts_block(chosen, tmap.master),
    }


def _slots(choice: Any) -> dict[str, str]:
    return {
        name: (f"placeholder {s.ph.kind} idx={s.ph.idx} {s.ph.name!r}" if s.ph
               else "drawn text box" if name not in ("chart", "table", "picture")
               else f"drawn {name}") + (" (resized)" if s.resized else "")
        for name, s in choice.slots.items()
    }


def layouts_block(chosen: dict[str, Any], master: int = 0) -> str:
    """``master:`` and a ``layouts:`` block for template.yaml that pin today's choice (roles
    on placeholders of their own left out); a layout on another master than the content's
    is named with its master."""
    lines = [f"master: {master + 1}", "layouts:"]
    for role, choice in chosen.items():
        if not choice.drawn:
            name = choice.layout.name.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            if choice.layout.master != master:
                lines.append(f'  {role}: {{master: {choice.layout.master + 1}, layout: "{name}"}}')
            else:
                lines.append(f'  {role}: "{name}"')
    return "\n".join(lines)


def report_text(data: dict[str, Any]) -> str:
    w, h = data["slide_size_cm"]
    lines = [
        f"Template: {data['template']} ({data['path']})",
        f"Slide size: {w} × {h} cm",
        f"Content on master {data['master']['index'] + 1} ({data['master']['reason']}); "
        f"cover on master {data['cover_master']['index'] + 1} ({data['cover_master']['reason']})",
        "",
    ]
    from deckgen.reports.evidence import text_lines

    lines += text_lines(data)
    lines += ["", "Slide roles (checked with the content's own texts):"]
    rows = [("ROLE", "LAYOUT", "WHY")] + [
        (r["role"], f"M{r['master']} " + r["layout"].replace("\n", " ")
         + (" (own placeholders)" if r["drawn"] else ""), r["reason"]) for r in data["roles"]
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    for row in rows:
        lines.append(f"  {row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]}")
    passed = [(r["role"], c) for r in data["roles"] for c in r["candidates"]
              if c["verdict"].startswith("too small")]
    if passed:
        lines += ["", "Passed over for lack of room:"]
        lines += [f"  {role}: {c['layout']!r} ({c['verdict']})" for role, c in passed]
    if data["theme_colours"]:
        lines += ["", "Theme colours from template.yaml:"]
        lines += [f"  {s}" for s in data["theme_colours"]]
    if data["logo"]:
        lines += ["", "Logo from template.yaml:"]
        lines += [f"  {s.removeprefix('logo: ')}" for s in data["logo"]]
    lines += ["", "Colour changes for legibility:" + ("" if data["colour_substitutions"]
                                                     else " none")]
    lines += [f"  {s}" for s in data["colour_substitutions"]]
    lines += ["", "Fonts:"]
    for f in data["fonts"]:
        note = "installed" if f["installed"] == "yes" else (
            f"not installed; measured as {f['measured_as']}")
        lines.append(f"  {f['theme']} {f['font']}: {note}")
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
    lines += ["", "To pin these choices, paste into template.yaml:", data["template_yaml"]]
    return "\n".join(lines)
