"""Find a template (bundled name, folder, or file) and read it into memory, checked.

A template is read once per run and kept as normalized bytes; every deck is built from a fresh
`Presentation` over those bytes, so batches never re-read or re-validate the file. Reading is
bounded (a regular file under a size cap; zip members inflated under caps, see
`deckgen.template.unpack`) and sanitizing (`deckgen.template.sanitize`): macros, ActiveX, OLE
objects, external and broken links are dropped, and the main part's content type is rewritten,
so a ``.potx``, ``.pptm``, ``.potm`` or ``.ppsx`` reads as a ``.pptx`` without macros.

Beside an organisation's own template, the folder's ``template.yaml`` brings it in line with
the brand in the same single pass: its ``colors`` are written into the masters' themes
(`deckgen.template.brand_colors`) and its ``logo`` is read and checked once, for the writer to
place on title and closing slides (`deckgen.deck.logo`).
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deckgen.bounded import is_dir, probe, read_regular
from deckgen.errors import DeckgenError
from deckgen.paths import templates_dir
from deckgen.pitch.plan import ROLES
from deckgen.pitch.template_yaml import read_yaml

_YAML_KEYS = ("name", "colors", "fonts", "logo", "master", "layouts")
MAX_TEMPLATE_BYTES = 50_000_000  # with the unpack caps, keeps one build under ~300 MB


@dataclass(frozen=True)
class TemplateSource:
    """A template ready to open: its bytes and the choices its ``template.yaml`` makes."""

    name: str
    path: Path
    data: bytes
    layouts: dict[str, Any] = field(default_factory=dict)  # role: name, or {master, layout}
    config_path: Path | None = None
    dropped: tuple[str, ...] = ()  # what sanitation removed or replaced, one line each
    # Brand control beside an organisation's own template (`_brand`): the theme slots its
    # template.yaml changed, one line each, and the logo placed on title and closing slides.
    theme_changes: tuple[str, ...] = ()
    logo: Any = None  # deckgen.brand.logo.BrandLogo
    master: Any = None  # template.yaml's master for the content slides: a number or a name

    def open(self) -> Any:
        """A fresh, independent `Presentation` over the template bytes."""
        from pptx import Presentation

        try:
            prs = Presentation(io.BytesIO(self.data))
        except Exception as exc:  # noqa: BLE001 - python-pptx raises many types on broken parts
            raise DeckgenError(
                f"{self.path}: cannot read as a presentation ({type(exc).__name__}: {exc})"
            ) from None
        try:
            has_layouts = len(prs.slide_layouts) > 0
        except Exception:  # noqa: BLE001
            has_layouts = False
        if not has_layouts:
            raise DeckgenError(f"{self.path}: the template has no slide layouts")
        return prs


def bundled_names() -> list[str]:
    root = templates_dir()
    return sorted(p.name for p in root.iterdir() if (p / "template.yaml").is_file())


def locate(spec: str | Path | None) -> TemplateSource:
    """``None`` → the default; a bundled name; a folder; or a ``.pptx``/``.potx`` path."""
    text = str(spec) if spec is not None else "default"
    if not text.strip():
        raise DeckgenError("--template: empty; give a bundled name, a folder or a .pptx file")
    path = Path(text).expanduser()
    shown = text if len(text) <= 80 else text[:77] + "..."
    if len(os.fsencode(path.name)) > 255:
        raise DeckgenError(f"--template: {shown!r}: name too long (at most 255 bytes)")
    exists = probe(path, "template") is not None
    if not exists and "/" not in text and "\\" not in text and not text.endswith(
        (".pptx", ".potx")
    ):
        bundled = templates_dir() / text
        if not is_dir(bundled, "template"):
            from deckgen.listing import some

            names = some(bundled_names())
            raise DeckgenError(
                f"--template: no template named {shown!r} (bundled: {names}; or give a path)"
            )
        path, exists = bundled, True
    if is_dir(path, "template folder"):
        return _from_folder(path)
    if not exists:
        raise DeckgenError(f"--template: {shown}: file not found")
    data, dropped, _ = read_package(path)
    return TemplateSource(name=path.stem, path=path, data=data, dropped=dropped)


def _from_folder(folder: Path) -> TemplateSource:
    try:
        os.listdir(folder)
    except OSError as exc:
        reason = "permission denied" if isinstance(exc, PermissionError) else exc.strerror
        raise DeckgenError(f"{folder}: cannot read template folder ({reason}); check its "
                           "permissions") from None
    config_path = folder / "template.yaml"
    config: dict[str, Any] = {}
    if probe(config_path, "template.yaml") is not None:
        config = _read_config(config_path)
    candidates = [folder / "template.pptx", folder / "template.potx"]
    pkg = next((c for c in candidates if probe(c, "template") is not None), None)
    layouts = config.get("layouts") or {}
    name = str(config.get("name") or folder.name)
    if pkg is None:
        if "colors" in config:
            from deckgen.brand.build import template_package

            return TemplateSource(name, config_path, template_package(folder), layouts,
                                  config_path)
        raise DeckgenError(f"{folder}: no template.pptx or template.potx in this folder")
    colors, logo = _brand(config, config_path, name) if config else ({}, None)
    data, dropped, changes = read_package(pkg, colors, str(config_path))
    return TemplateSource(name, pkg, data, layouts, config_path if config else None, dropped,
                          tuple(str(c) for c in changes), logo, config.get("master"))


def _brand(config: dict[str, Any], config_path: Path, name: str) -> tuple[dict[str, str], Any]:
    """The colours and logo a ``template.yaml`` gives an organisation's own template.

    Checked like `deckgen template new` checks them (same one-line errors, naming the file);
    the logo is read here, once per run, however many decks are built.
    """
    from deckgen.brand.tokens import given_colors, given_logo

    source = str(config_path)
    colors = given_colors(config, source)
    logo_name = given_logo(config, source)
    if logo_name is None:
        return colors, None
    from deckgen.brand.logo import load_brand_logo

    return colors, load_brand_logo(config_path.parent / logo_name, f"{source}: logo", name)


def _read_config(path: Path) -> dict[str, Any]:
    data = read_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DeckgenError(f"{path}: template.yaml must be a mapping of keys")
    for key in data:
        if key not in _YAML_KEYS:
            raise DeckgenError(
                f"{path}: unknown key {str(key)[:80]!r} (allowed: {', '.join(_YAML_KEYS)})"
            )
    layouts = data.get("layouts") or {}
    if not isinstance(layouts, dict):
        raise DeckgenError(f"{path}: layouts: expected a mapping role: layout name")
    for role, name in layouts.items():
        if role not in ROLES:
            raise DeckgenError(f"{path}: layouts.{str(role)[:80]}: unknown role (roles: "
                               f"{', '.join(ROLES)})")
        if isinstance(name, dict):
            extra = sorted(set(map(str, name)) - {"master", "layout"})
            if extra or not isinstance(name.get("layout"), str) or not name["layout"].strip():
                raise DeckgenError(f"{path}: layouts.{role}: expected a layout name, or "
                                   "'master:' (number or name) and 'layout:' (name)")
            if not isinstance(name.get("master", 1), (int, str)):
                raise DeckgenError(f"{path}: layouts.{role}.master: expected a number or a name")
        elif not isinstance(name, str) or not name.strip():
            raise DeckgenError(f"{path}: layouts.{role}: expected a layout name")
    master = data.get("master")
    if master is not None and (isinstance(master, bool) or not isinstance(master, (int, str))):
        raise DeckgenError(f"{path}: master: expected a master's number (1, 2, …) or name")
    return data


def read_package(path: Path, colors: Mapping[str, str] | None = None,
                 source: str = "") -> tuple[bytes, tuple[str, ...], tuple[Any, ...]]:
    """Read, unpack under caps and sanitize a .pptx/.potx/.pptm/...; bytes python-pptx accepts.

    Returns the sanitized package, one line per thing dropped (macros, external links, …) and
    the theme slots ``colors`` (from the ``template.yaml`` at ``source``) changed.
    """
    data = read_regular(path, MAX_TEMPLATE_BYTES, "template")
    if _bundled(path):
        # deckgen generated it from its own template.yaml (its tests check it): nothing to
        # strip or recolour, no need to re-zip
        return data, (), ()
    return normalize_package(data, path, colors, source)


def _bundled(path: Path) -> bool:
    try:
        return path.resolve().parent.parent == templates_dir().resolve()
    except OSError:
        return False


def normalize_package(data: bytes, path: Path, colors: Mapping[str, str] | None = None,
                      source: str = "") -> tuple[bytes, tuple[str, ...], tuple[Any, ...]]:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DeckgenError(f"{path}: not a PowerPoint file (.pptx/.potx is a zip archive; this is not)")
    from deckgen.template.sanitize import sanitize
    from deckgen.template.unpack import repack, unpack

    members = unpack(data, path)
    del data
    clean, dropped = sanitize(members, path)
    del members
    changes: tuple[Any, ...] = ()
    if colors:  # in the same pass: the package is re-zipped once either way
        from deckgen.template.brand_colors import recolor

        clean, changes = recolor(clean, colors, source)
    data = repack(clean)
    del clean
    try:
        from pptx import Presentation

        prs = Presentation(io.BytesIO(data))
        if not len(prs.slide_masters):
            raise DeckgenError(f"{path}: the template has no slide master")
        if any(not len(master.slide_layouts) for master in prs.slide_masters):
            from deckgen.template.layouts_added import add_missing_layouts

            dropped.extend(add_missing_layouts(prs))
            buf = io.BytesIO()
            prs.save(buf)
            data = buf.getvalue()
    except DeckgenError:
        raise
    except MemoryError:
        raise DeckgenError(f"{path}: the template is too large to read") from None
    except Exception as exc:  # noqa: BLE001 - python-pptx raises many types on broken parts
        reason = " ".join(str(exc).split())[:200]
        raise DeckgenError(f"{path}: cannot read as a presentation ({type(exc).__name__}: "
                           f"{reason}); re-save it in PowerPoint") from None
    return data, tuple(dict.fromkeys(dropped)), changes
