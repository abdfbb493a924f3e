"""Which slide of the new content is which slide of the deck deckgen wrote last time.

A fresh build keys its slides by role and occurrence (``point-6``), so a point inserted in the
middle would shift every later key: the person's edited sixth point would receive the new
seventh point's words. Before merging, the fresh keys are therefore aligned with the old
manifest's, role by role, the way ``diff`` aligns lines: slides whose titles (as deckgen wrote
them) are equal are the same slide; between two such anchors, slides left over on both sides
in equal numbers are paired in order (a renamed point, a company name that changed every
title); the rest are new slides (fresh keys no old slide had) or slides the content dropped.
"""

from __future__ import annotations

import difflib

from deckgen.update.identity import SlideRecord


def _fold(title: str) -> str:
    return " ".join(title.casefold().split())


def _align(old: list[SlideRecord], new: list[SlideRecord]) -> dict[int, int]:
    """Index in ``new`` → index in ``old`` of the same slide (one role's slides)."""
    matcher = difflib.SequenceMatcher(None, [_fold(r.title) for r in old],
                                      [_fold(r.title) for r in new], autojunk=False)
    pairs: dict[int, int] = {}
    for tag, o0, o1, n0, n1 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and o1 - o0 == n1 - n0):
            pairs.update({n: o for n, o in zip(range(n0, n1), range(o0, o1))})
    return pairs


def align_keys(old: list[SlideRecord], new: list[SlideRecord]) -> dict[str, str]:
    """Fresh key → the key to merge it under: the old slide it is, or a key no old slide had."""
    roles = dict.fromkeys(r.role for r in (*old, *new))
    taken = {r.key for r in old}
    out: dict[str, str] = {}
    for role in roles:
        olds = [r for r in old if r.role == role]
        news = [r for r in new if r.role == role]
        pairs = _align(olds, news)
        for n, rec in enumerate(news):
            if n in pairs:
                out[rec.key] = olds[pairs[n]].key
        number = len(olds)
        for n, rec in enumerate(news):
            if n not in pairs:
                number += 1
                while f"{role}-{number}" in taken:
                    number += 1
                out[rec.key] = f"{role}-{number}"
                taken.add(out[rec.key])
    return out
