"""Shell completion for template arguments: bundled template names, folders, .pptx/.potx files.

Click completes options by itself; what a template argument may be is deckgen's knowledge, so
the candidates come from here. Kept free of python-pptx imports: the shell waits for this.
"""

from __future__ import annotations

import os
from pathlib import Path

import click
from click.shell_completion import CompletionItem

TEMPLATE_SUFFIXES = (".pptx", ".potx", ".pptm", ".potm")
LIST_SUFFIXES = (".csv", ".xlsx")
MAX_ENTRIES = 500  # a huge folder is not listed in full while the shell waits


def bundled_templates() -> list[str]:
    """Names of the templates shipped with deckgen (folders with a template file)."""
    from deckgen.paths import templates_dir

    root = templates_dir()
    try:
        return sorted(p.name for p in root.iterdir()
                      if p.is_dir() and any(p.glob("template.*")))
    except OSError:
        return []


def path_items(incomplete: str, suffixes: tuple[str, ...]) -> list[CompletionItem]:
    """Folders and files with one of ``suffixes`` that start with ``incomplete``."""
    cut = max(incomplete.rfind("/"), incomplete.rfind(os.sep)) + 1
    prefix, stem = incomplete[:cut], incomplete[cut:]
    base = Path(os.path.expanduser(prefix)) if prefix else Path(".")
    items: list[CompletionItem] = []
    try:
        entries = sorted(os.scandir(base), key=lambda e: e.name)[:MAX_ENTRIES]
    except OSError:
        return []
    for entry in entries:
        if not entry.name.startswith(stem) or (entry.name.startswith(".") and not stem):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            continue
        if is_dir:
            items.append(CompletionItem(prefix + entry.name + "/", help="folder"))
        elif entry.name.lower().endswith(suffixes):
            items.append(CompletionItem(prefix + entry.name, help="file"))
    return items


def complete_template(ctx: click.Context, param: click.Parameter,
                      incomplete: str) -> list[CompletionItem]:
    """``--template`` / ``inspect TEMPLATE``: bundled names first, then matching paths."""
    names = [CompletionItem(n, help="bundled template") for n in bundled_templates()
             if n.startswith(incomplete)]
    return names + path_items(incomplete, TEMPLATE_SUFFIXES)


def complete_list(ctx: click.Context, param: click.Parameter,
                  incomplete: str) -> list[CompletionItem]:
    """``--companies``: folders and .csv/.xlsx files."""
    return path_items(incomplete, LIST_SUFFIXES)
