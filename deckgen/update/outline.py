"""The deck's own structure, derived from the person's deck: agenda and point numbers.

A fresh build numbers the points 1…n and lists all n in the agenda, in the content's order.
After a person deleted point 4 or moved point 6 before point 2, that is no longer the deck
they have: the agenda would list a point the deck does not show and the numbers would skip.
So before the merge, the fresh deck's agenda and numbers are rewritten to follow the points
the merged deck will hold, in the person's order (`planned_order` replays the merge's own
placement: slides the person has stay where they are, new ones go after their predecessor,
deleted ones stay out unless restored). The rewritten fields are hashed again, so the merge
treats them like any new content: taken where the person left the field alone, a conflict
(and the person's text kept) where they edited it, nothing at all when nothing changed.

The agenda lists the content's titles of those points (the texts it was fitted for), not
titles a person retyped on the point slides. A group of points is one ``points`` entry of the
content: consecutive point slides whose numbers start again at 1; an agenda lists the group
that follows it.
"""

from __future__ import annotations

import re
from typing import Any

from deckgen.update.fingerprint import A, P, body_text, field_hash
from deckgen.update.identity import SlideRecord
from deckgen.update.matching import Found

_PREFIX = re.compile(r"^(\d+) · ")  # a point's number in its title (layouts without a slot)


def planned_order(base_keys: list[str | None], fresh_keys: list[str], old_keys: set[str],
                  restore_deleted: bool) -> list[str]:
    """deckgen's slide keys in the order the merged deck will have them (see `merge`)."""
    seq = list(base_keys)
    prev = -1
    for key in fresh_keys:
        if key in seq:
            prev = seq.index(key)
            continue
        if key in old_keys and not restore_deleted:
            continue  # deleted by the person: stays deleted
        seq.insert(prev + 1, key)
        prev += 1
    return [k for k in seq if k]


def _number(ff: Found) -> str:
    el = ff.shapes.get("number")
    if el is not None and el.find(f"{P}txBody") is not None:
        return body_text(el.find(f"{P}txBody")).strip()
    title = ff.shapes.get("title")
    found = _PREFIX.match(body_text(title.find(f"{P}txBody"))) if title is not None else None
    return found.group(1) if found else ""


def _groups(fresh: list[Found], records: dict[str, SlideRecord]) -> list[tuple[int, list[Found]]]:
    """Each group of points with its index in ``fresh``: consecutive, numbered from 1."""
    groups: list[tuple[int, list[Found]]] = []
    last = -2
    for i, ff in enumerate(fresh):
        rec = records.get(ff.key or "")
        if rec is None or rec.role != "point":
            continue
        if i != last + 1 or _number(ff) == "1" or not groups:
            groups.append((i, []))
        groups[-1][1].append(ff)
        last = i
    return groups


def _set_text(el: Any, text: str) -> None:
    """One paragraph's text in a field, its first run's look kept."""
    runs = [r for r in el.iter(f"{A}r")]
    if not runs:
        return
    runs[0].find(f"{A}t").text = text
    for run in runs[1:]:
        run.getparent().remove(run)


def _renumber_title(el: Any, number: int) -> None:
    first = next(el.iter(f"{A}t"), None)
    if first is not None and first.text and _PREFIX.match(first.text):
        first.text = _PREFIX.sub(f"{number} · ", first.text, count=1)


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").replace("\u00a0", " ").split())


def _paragraphs(el: Any) -> list[Any]:
    """A column's paragraphs, without the empty ones after the list."""
    tx = el.find(f"{P}txBody")
    paras = [p for p in tx.findall(f"{A}p")] if tx is not None else []
    while paras and not body_text_of(paras[-1]).strip():
        paras.pop()
    return paras


def _start_at(p: Any, start: int) -> None:
    """A moved agenda item numbered from its column's first number."""
    num = p.find(f"{A}pPr/{A}buAutoNum")
    if num is None:
        return
    if start > 1:
        num.set("startAt", str(start))
    elif "startAt" in num.attrib:
        del num.attrib["startAt"]


def body_text_of(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(f"{A}t"))


def follow_person(fresh: list[Found], new: dict[str, SlideRecord], order: list[str]) -> None:
    """Rewrite the fresh deck's agenda bodies and point numbers for the merged deck's
    ``order`` of keys, and hash the rewritten fields into ``new`` again."""
    position = {key: i for i, key in enumerate(order)}
    groups = _groups(fresh, new)
    for start, points in groups:
        shown = sorted((ff for ff in points if ff.key in position), key=lambda f: position[f.key])
        for n, ff in enumerate(shown, 1):
            if _number(ff) == str(n):
                continue
            el = ff.shapes.get("number")
            if el is not None:
                _set_text(el, str(n))
                _rehash(ff, "number", new)
            elif "title" in ff.shapes:
                _renumber_title(ff.shapes["title"], n)
                _rehash(ff, "title", new)
        for i in range(start - 1, -1, -1):  # the agendas right before this group list it
            rec = new.get(fresh[i].key or "")
            if rec is None or rec.role == "point":
                break
            if rec.role != "agenda" or "body" not in fresh[i].shapes:
                continue
            # the agenda in one column, or in two ("body2" numbered on from the first)
            columns = [fresh[i].shapes[k] for k in ("body", "body2") if k in fresh[i].shapes]
            found = [_paragraphs(col) for col in columns]
            items = [p for col in found for p in col]
            titles = [new[ff.key or ""].title for ff in points]
            if [_plain(body_text_of(p)) for p in items] != [_plain(t) for t in titles]:
                continue  # not the list of this group (a content of its own): leave it
            by_key = {ff.key: p for ff, p in zip(points, items)}
            wanted = [by_key[ff.key] for ff in shown]
            if not shown or wanted == items:
                continue
            split = (len(wanted) + 1) // 2 if len(columns) > 1 else len(wanted)
            for k, (col, paras) in enumerate(zip(columns, (wanted[:split], wanted[split:]))):
                tx = col.find(f"{P}txBody")
                rest = tx.findall(f"{A}p")[len(found[k]):]  # empty paragraphs after the list
                for p in tx.findall(f"{A}p"):
                    tx.remove(p)
                for p in paras:
                    _start_at(p, split + 1 if k else 1)
                    tx.append(p)
                for p in rest:
                    tx.append(p)
                _rehash(fresh[i], ("body", "body2")[k], new)


def _rehash(ff: Found, name: str, new: dict[str, SlideRecord]) -> None:
    digest = field_hash(ff.slide.part, ff.shapes[name])
    if digest is not None and ff.key in new:
        new[ff.key].hashes[name] = digest
