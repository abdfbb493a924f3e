"""A ``template.yaml`` read as plain data, for the template and brand stages.

Kept apart from the YAML loader so importing it loads no YAML parser: a bundled template's
``template.yaml`` is read from its precompiled twin, and PyYAML is imported only for others.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from deckgen.bounded import read_regular
from deckgen.errors import DeckgenError


def read_yaml(path: Path) -> Any:
    """A ``template.yaml`` as plain data: a regular, small file; anchors and aliases bounded."""
    from deckgen.pitch.precompiled import load_template_config

    known = load_template_config(path)  # a bundled template: read ahead of time
    if known is not None:
        return known[0]
    from deckgen.pitch.loader import MAX_BYTES, load_data

    raw = read_regular(path, MAX_BYTES, "template.yaml")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DeckgenError(f"{path}:{line}: template.yaml is not UTF-8; save it as UTF-8") from None
    return load_data(text, path)
