"""Write a brand template folder: ``template.yaml`` plus the ``template.pptx`` built from it.

The shipped templates are made by this code, so the committed ``template.pptx`` can always be
rebuilt byte for byte from its ``template.yaml`` (a test does exactly that).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import yaml

from deckgen.errors import DeckgenError


def template_bytes(folder: Path) -> bytes:
    """Build ``template.pptx`` bytes from ``folder/template.yaml``."""
    from deckgen.brand import build_presentation, load_tokens
    from deckgen.deck.save import deck_bytes, set_core_properties

    tokens = load_tokens(folder / "template.yaml")
    prs = build_presentation(tokens, folder)
    set_core_properties(prs, tokens.name, "deckgen", "deckgen brand template", "de-DE", "",
                        mark=False)
    return deck_bytes(prs)


def rebuild(folder: Path) -> Path:
    from deckgen.deck.save import atomic_write

    target = folder / "template.pptx"
    atomic_write(target, template_bytes(folder))
    return target


def new_template(name: str, parent: Path, options: dict[str, Any], logo: Path | None,
                 force: bool = False) -> Path:
    """Create ``parent/name/`` from brand options; refuses to overwrite without ``force``."""
    from deckgen.brand import tokens_from_mapping

    if not name or "/" in name or "\0" in name or name in (".", ".."):
        raise DeckgenError(f"NAME: {name[:60]!r} is not a valid folder name")
    if len(os.fsencode(name)) > 100:
        raise DeckgenError(f"NAME: {name[:40]!r}... is too long (at most 100 bytes); "
                           "use --display-name for a long name")
    folder = parent / name
    try:
        existing = folder.exists() and any(folder.iterdir())
    except OSError as exc:
        raise DeckgenError(f"{folder}: cannot read ({exc.strerror}); choose another --dir") from None
    if existing and not force:
        raise DeckgenError(f"{folder}: already exists; use --force to replace its template")
    data: dict[str, Any] = {"name": options.get("display") or name, "colors": {}, "fonts": {}}
    for key in ("primary", "secondary", "accent", "background", "text"):
        if options.get(key):
            data["colors"][key] = options[key]
    if options.get("font"):
        data["fonts"] = {"heading": options["font"], "body": options["font"]}
    logo_blob = b""
    if logo is not None:
        from deckgen.brand.logo import check_logo

        logo_blob = check_logo(logo, "--logo")[0]  # a small, sane PNG/JPEG, read once
        data["logo"] = "logo" + logo.suffix.lower()
    tokens_from_mapping(data, "command line")  # fail before touching the disk
    created = not folder.exists()
    written: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if logo is not None:
            written.append(folder / data["logo"])
            written[-1].write_bytes(logo_blob)
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        written.append(folder / "template.yaml")
        written[-1].write_text(text, encoding="utf-8")
        rebuild(folder)
    except BaseException as exc:  # leave nothing behind, whatever stopped us
        for path in written:
            path.unlink(missing_ok=True)
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        if isinstance(exc, OSError):
            raise DeckgenError(f"{folder}: cannot write ({exc.strerror})") from None
        raise
    return folder
