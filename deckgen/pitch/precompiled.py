"""The shipped YAML files, read ahead of time: a default build never imports PyYAML.

Importing PyYAML and parsing the plea costs about 15 ms of a ~300 ms build, for files that
only change when deckgen changes. So each shipped content file has a ``.pickle`` twin (the
validated `LoadedPitch`) and each bundled ``template.yaml`` a ``.json`` twin (its data), each
stamped with the SHA-256 of the YAML it came from. A twin is used only when that hash matches
the YAML on disk, so an edited file is simply read the slow way; it is a speed path, never a
second source of truth. A test keeps the committed twins in sync:

    python -m deckgen.pitch.precompiled      # rewrite the twins after editing a shipped file

Only files inside deckgen's own ``content`` and ``templates`` folders get twins: a pickle is
code, and only deckgen's own files are trusted with it.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from pathlib import Path
from typing import Any

from deckgen.paths import templates_dir

PICKLE_PROTOCOL = 4  # readable by every Python deckgen supports


def _content_dir() -> Path:
    from deckgen.paths import default_content

    return default_content("de").parent


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _twin(path: Path, suffix: str) -> Path:
    return path.with_suffix(suffix)


def load_content(path: Path) -> Any:
    """The `LoadedPitch` of a shipped content file, or None (read it the usual way)."""
    if path.suffix != ".yaml" or not _inside(path, _content_dir()):
        return None
    twin = _twin(path, ".pickle")
    try:
        data = path.read_bytes()
        stored = pickle.loads(twin.read_bytes())  # noqa: S301 - deckgen's own shipped file
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    if not isinstance(stored, dict) or stored.get("sha256") != _digest(data):
        return None
    from deckgen.pitch.loaded import LoadedPitch

    return LoadedPitch(pitch=stored["pitch"], path=path, lines=stored["lines"])


def load_template_config(path: Path) -> Any:
    """The data of a bundled ``template.yaml``, or None (read it the usual way).

    Returns a one-element tuple so that an empty file (``None`` data) is still a hit.
    """
    if not _inside(path, templates_dir()):
        return None
    try:
        data = path.read_bytes()
        stored = json.loads(_twin(path, ".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("sha256") != _digest(data):
        return None
    return (stored.get("data"),)


def twins() -> list[tuple[Path, bytes]]:
    """Every twin as it should be now: (path, bytes)."""
    from deckgen.pitch.loader import load_data, load_pitch, read_text

    out = []
    for yaml_path in sorted(_content_dir().glob("*.yaml")):
        loaded = load_pitch(yaml_path)
        if loaded.images:
            continue  # pictures are checked on disk at every load
        blob = {"sha256": _digest(yaml_path.read_bytes()), "pitch": loaded.pitch,
                "lines": loaded.lines}
        out.append((_twin(yaml_path, ".pickle"), pickle.dumps(blob, PICKLE_PROTOCOL)))
    for yaml_path in sorted(templates_dir().glob("*/template.yaml")):
        data = load_data(read_text(yaml_path, "template.yaml"), yaml_path)
        text = json.dumps({"sha256": _digest(yaml_path.read_bytes()), "data": data},
                          ensure_ascii=False, sort_keys=True, indent=1) + "\n"
        out.append((_twin(yaml_path, ".json"), text.encode("utf-8")))
    return out


def main() -> None:
    for path, data in twins():
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
            print(f"wrote {path}")


if __name__ == "__main__":
    main()
