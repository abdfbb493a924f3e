"""Brand colours from ``template.yaml`` written into an organisation's own theme.

The theme is where PowerPoint and deckgen look up every colour: layouts, text styles, chart
fills and deckgen's own contrast checks all name theme slots. Rewriting the slots once, in the
package bytes before anything opens them, therefore restyles the whole template and keeps
every later step (layout index, legibility, charts) honest about the colours the deck shows.
Only the slots a given key maps to change; the organisation's other slots stay as they are.

Text and background follow the master's colour map (``tx1``/``bg1``), so a dark master that
maps its background to ``dk1`` gets the background colour where its background really is.
The primary also becomes the second text colour (``tx2``, usually titles) only when it reads
on the background; otherwise the titles would turn illegible.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

from deckgen.errors import DeckgenError
from deckgen.typeset.contrast import MIN_CONTRAST, contrast_ratio
from deckgen.xmlsafe import BrokenXml, parse, serialize

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_SLOTS = ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5",
          "accent6", "hlink", "folHlink")
_DEFAULT_MAP = {"tx1": "dk1", "bg1": "lt1", "tx2": "dk2", "bg2": "lt2"}
# key → the colour-map name (or theme slot) it fills; "primary" also fills tx2 when it reads
_TARGETS = {"text": ("tx1",), "background": ("bg1",), "primary": ("accent1", "tx2"),
            "secondary": ("accent2",), "accent": ("accent3",)}


@dataclass(frozen=True)
class ThemeChange:
    """One theme slot the yaml changed (or, with ``kept``, deliberately left alone)."""

    slot: str
    old: str
    new: str
    key: str
    kept: str = ""  # why the slot was not changed

    def __str__(self) -> str:
        if self.kept:
            return f"theme {self.slot}: kept {self.old} ({self.kept})"
        return f"theme {self.slot}: {self.old} → {self.new} (template.yaml colors.{self.key})"


Members = list[tuple[str, bytes]]


def recolor(members: Members, colors: Mapping[str, str],
            source: str) -> tuple[Members, tuple[ThemeChange, ...]]:
    """``members`` with the slide masters' themes recoloured, and one entry per slot touched.

    ``colors``: checked ``#RRGGBB`` values by key (`deckgen.brand.tokens.given_colors`);
    ``source``: the ``template.yaml`` named in errors.
    """
    if not colors:
        return members, ()
    names = dict(members)
    out: dict[str, bytes] = {}
    changes: list[ThemeChange] = []
    for theme, clr_map in _master_themes(names).items():
        try:
            root, _ = parse(names[theme])
        except BrokenXml:
            continue  # sanitizing replaced broken themes; nothing sensible to recolour
        scheme_el = root.find(f"{_A}themeElements/{_A}clrScheme")
        if scheme_el is None:
            continue
        found = _changes(_scheme(scheme_el), clr_map, colors, source)
        for change in found:
            if not change.kept:
                _set(scheme_el, change.slot, change.new)
        if any(not c.kept for c in found):
            out[theme] = serialize(root)
        changes.extend(c for c in found if c not in changes)
    return [(name, out.get(name, blob)) for name, blob in members], tuple(changes)


def _changes(scheme: dict[str, str], clr_map: Mapping[str, str], colors: Mapping[str, str],
             source: str) -> list[ThemeChange]:
    new = dict(scheme)
    wanted: list[tuple[str, str, str]] = []  # (target, slot, key)
    for key, targets in _TARGETS.items():
        if key not in colors:
            continue
        for target in targets:
            slot = clr_map.get(target, target)
            wanted.append((target, slot, key))
            if target != "tx2":
                new[slot] = colors[key]
    _check_text(new, clr_map, colors, source)
    out = []
    background = new.get(clr_map["bg1"], "#FFFFFF")
    for target, slot, key in wanted:
        value = colors[key]
        old = scheme.get(slot, "none")
        if target == "tx2" and old.upper() != value:
            ratio = contrast_ratio(value, background)
            if ratio < MIN_CONTRAST:
                out.append(ThemeChange(slot, old, value, key, kept=(
                    f"colors.primary {value} is {ratio:.1f}:1 on the theme's background "
                    f"colour {background}; as the second text colour it would not read")))
                continue
        if old.upper() != value:
            out.append(ThemeChange(slot, old, value, key))
    order = {s: n for n, s in enumerate(_SLOTS)}
    return sorted(out, key=lambda c: order.get(c.slot, len(order)))


def _check_text(new: Mapping[str, str], clr_map: Mapping[str, str],
                colors: Mapping[str, str], source: str) -> None:
    """Text on the background must read: a yaml that breaks it is an error, not a surprise."""
    if "text" not in colors and "background" not in colors:
        return
    text = new.get(clr_map["tx1"], "#000000")
    background = new.get(clr_map["bg1"], "#FFFFFF")
    ratio = contrast_ratio(text, background)
    if ratio >= MIN_CONTRAST:
        return
    if "text" in colors:
        whose = "" if "background" in colors else " (the template's)"
        raise DeckgenError(f"{source}: colors.text: {text!r} on background{whose} "
                           f"{background!r} has contrast {ratio:.2f}:1, needs at least "
                           f"{MIN_CONTRAST}:1")
    raise DeckgenError(f"{source}: colors.background: {background!r} under the template's text "
                       f"colour {text!r} has contrast {ratio:.2f}:1, needs at least "
                       f"{MIN_CONTRAST}:1; give colors.text too")


def _scheme(scheme_el: etree._Element) -> dict[str, str]:
    out = {}
    for slot in scheme_el:
        if not isinstance(slot.tag, str) or len(slot) == 0:
            continue
        child = slot[0]
        value = child.get("lastClr") or child.get("val") or ""
        if child.tag in (f"{_A}srgbClr", f"{_A}sysClr") and len(value) == 6:
            out[etree.QName(slot).localname] = "#" + value.upper()
    out.setdefault("dk1", "#000000")
    out.setdefault("lt1", "#FFFFFF")
    return out


def _set(scheme_el: etree._Element, slot: str, value: str) -> None:
    el = scheme_el.find(f"{_A}{slot}")
    if el is None:  # a scheme missing a slot (broken, but seen): add it in schema order
        el = etree.Element(f"{_A}{slot}")
        later = [scheme_el.find(f"{_A}{s}") for s in _SLOTS[_SLOTS.index(slot) + 1:]]
        nxt = next((e for e in later if e is not None), None)
        if nxt is not None:
            nxt.addprevious(el)
        else:
            scheme_el.append(el)
    for child in list(el):
        el.remove(child)
    etree.SubElement(el, f"{_A}srgbClr", val=value[1:].upper())


def _master_themes(names: Mapping[str, bytes]) -> dict[str, dict[str, str]]:
    """Theme part → the colour map of the first slide master using it, in package order."""
    main = next(iter(_targets(names, "", "/officeDocument")), None)
    out: dict[str, dict[str, str]] = {}
    if main is None:
        return out
    for master in _targets(names, main, "/slideMaster"):
        theme = next(iter(_targets(names, master, "/theme")), None)
        if theme is None or theme in out or theme not in names:
            continue
        out[theme] = _clr_map(names.get(master))
    return out


def _clr_map(blob: bytes | None) -> dict[str, str]:
    found = dict(_DEFAULT_MAP)
    if blob is None:
        return found
    try:
        root, _ = parse(blob)
    except BrokenXml:
        return found
    el = root.find(f"{_P}clrMap")
    if el is not None:
        for name in found:
            value = el.get(name)
            if value in _SLOTS:
                found[name] = value
    return found


def _targets(names: Mapping[str, bytes], source: str, kind: str) -> list[str]:
    folder, base = posixpath.split(source)
    rels = posixpath.join(folder, "_rels", base + ".rels") if source else "_rels/.rels"
    blob = names.get(rels)
    if blob is None:
        return []
    try:
        root, _ = parse(blob)
    except BrokenXml:
        return []
    out = []
    for rel in root.iter(f"{_RELS}Relationship"):
        if not (rel.get("Type") or "").endswith(kind) or rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        path = (posixpath.normpath(target[1:]) if target.startswith("/") else
                posixpath.normpath(posixpath.join(posixpath.dirname(source), target)))
        out.append(path)
    return out
