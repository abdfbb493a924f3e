"""``deckgen new``: an editable content file to start a pitch from, with its schema beside it.

The file is a copy of the shipped plea or of a blank pitch that shows every kind of slide. Its
``yaml-language-server`` comment names a schema file written into the same folder, so the
editor's completion works wherever the file is created and keeps working when both move.
"""

from __future__ import annotations

import re
from pathlib import Path

from deckgen.errors import DeckgenError
from deckgen.paths import content_dir
from deckgen.pitch.schema import schema_json
from deckgen.pitch.slug import pitch_slug

SCHEMA_NAME = "deckgen.schema.json"
SOURCES = ("plea", "blank")
_SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=\S+\n", re.MULTILINE)


def starter_text(source: str, lang: str, slug: str) -> str:
    """The shipped plea or blank pitch, pointing at the schema beside it, with its own slug."""
    if source not in SOURCES:
        raise DeckgenError(f"--from: {source!r} is not one of {', '.join(SOURCES)}")
    name = f"{source}.yaml" if lang == "de" else f"{source}.{lang}.yaml"
    text = (content_dir() / name).read_text(encoding="utf-8")
    text = _SCHEMA_LINE.sub(f"# yaml-language-server: $schema={SCHEMA_NAME}\n", text, count=1)
    if re.search(r"^slug: .*$", text, re.MULTILINE):
        return re.sub(r"^slug: .*$", f"slug: {slug}", text, count=1, flags=re.MULTILINE)
    return re.sub(r"^(lang: .*)$", rf"\1\nslug: {slug}", text, count=1, flags=re.MULTILINE)


def new_pitch(path: Path, source: str = "blank", lang: str = "de",
              force: bool = False) -> list[Path]:
    """Write the content file and the schema beside it; returns the paths written."""
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise DeckgenError(f"{path}: a content file ends in .yaml")
    if path.is_dir():
        raise DeckgenError(f"{path}: is a folder; give a file name like pitch.yaml")
    if path.exists() and not force:
        raise DeckgenError(f"{path}: exists; use --force to overwrite it")
    schema = path.with_name(SCHEMA_NAME)
    text = starter_text(source, lang, pitch_slug("", path, "pitch"))
    written = []
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        old = schema.read_text(encoding="utf-8") if schema.is_file() else None
        if old is not None and old != schema_json() and '"deckgen content file"' not in old \
                and not force:
            raise DeckgenError(f"{schema}: exists and is not a deckgen schema; use --force")
        path.write_text(text, encoding="utf-8")
        written.append(path)
        if old != schema_json():
            schema.write_text(schema_json(), encoding="utf-8")
            written.append(schema)
    except OSError as exc:
        raise DeckgenError(f"{path}: cannot write ({exc.strerror or exc})") from None
    return written
