"""Find a template (bundled name, folder, or file) and read it into memory, checked.

A template is read once per run and kept as normalized bytes; every deck is built from a fresh
`Presentation` over those bytes, so batches never re-read or re-validate the file. A ``.potx``
differs from a ``.pptx`` only in the main part's content type, which python-pptx refuses, so
that one string is rewritten.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deckgen.errors import DeckgenError
from deckgen.paths import templates_dir
from deckgen.pitch.plan import ROLES

_POTX = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_PPTX = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
_YAML_KEYS = ("name", "colors", "fonts", "logo", "layouts")
MAX_TEMPLATE_BYTES = 200_000_000


@dataclass(frozen=True)
class TemplateSource:
    """A template ready to open: its bytes and the choices its ``template.yaml`` makes."""

    name: str
    path: Path
    data: bytes
    layouts: dict[str, str] = field(default_factory=dict)
    config_path: Path | None = None

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
    path = Path(text).expanduser()
    if not path.exists() and "/" not in text and "\\" not in text and not text.endswith(
        (".pptx", ".potx")
    ):
        bundled = templates_dir() / text
        if not bundled.is_dir():
            names = ", ".join(bundled_names())
            raise DeckgenError(
                f"--template: no template named {text!r} (bundled: {names}; or give a path)"
            )
        path = bundled
    if path.is_dir():
        return _from_folder(path)
    if not path.exists():
        raise DeckgenError(f"--template: {text}: file not found")
    return TemplateSource(name=path.stem, path=path, data=read_package(path))


def _from_folder(folder: Path) -> TemplateSource:
    config_path = folder / "template.yaml"
    config: dict[str, Any] = {}
    if config_path.is_file():
        config = _read_config(config_path)
    candidates = [folder / "template.pptx", folder / "template.potx"]
    pkg = next((c for c in candidates if c.is_file()), None)
    layouts = config.get("layouts") or {}
    name = str(config.get("name") or folder.name)
    if pkg is None:
        if "colors" in config:
            from deckgen.template.files import template_bytes

            return TemplateSource(name, config_path, template_bytes(folder), layouts, config_path)
        raise DeckgenError(f"{folder}: no template.pptx or template.potx in this folder")
    return TemplateSource(name, pkg, read_package(pkg), layouts, config_path if config else None)


def _read_config(path: Path) -> dict[str, Any]:
    from deckgen.pitch.loader import load_data, read_text

    data = load_data(read_text(path, "template.yaml"), path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DeckgenError(f"{path}: template.yaml must be a mapping of keys")
    for key in data:
        if key not in _YAML_KEYS:
            raise DeckgenError(
                f"{path}: unknown key {key!r} (allowed: {', '.join(_YAML_KEYS)})"
            )
    layouts = data.get("layouts") or {}
    if not isinstance(layouts, dict):
        raise DeckgenError(f"{path}: layouts: expected a mapping role: layout name")
    for role, name in layouts.items():
        if role not in ROLES:
            raise DeckgenError(f"{path}: layouts.{role}: unknown role (roles: {', '.join(ROLES)})")
        if not isinstance(name, str) or not name.strip():
            raise DeckgenError(f"{path}: layouts.{role}: expected a layout name")
    return data


def read_package(path: Path) -> bytes:
    """Read and sanity-check a .pptx/.potx; returns bytes python-pptx accepts."""
    try:
        size = path.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            raise DeckgenError(f"{path}: template is too large ({size} bytes)")
        data = path.read_bytes()
    except PermissionError:
        raise DeckgenError(f"{path}: cannot read template (permission denied)") from None
    except OSError as exc:
        raise DeckgenError(f"{path}: cannot read template ({exc.strerror or exc})") from None
    return normalize_package(data, path)


def normalize_package(data: bytes, path: Path) -> bytes:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DeckgenError(f"{path}: not a PowerPoint file (.pptx/.potx is a zip archive; this is not)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "[Content_Types].xml" not in names:
                raise DeckgenError(f"{path}: not an Office file (no [Content_Types].xml)")
            types = zf.read("[Content_Types].xml")
    except zipfile.BadZipFile as exc:
        raise DeckgenError(f"{path}: damaged or truncated archive ({exc})") from None
    except (OSError, EOFError, ValueError) as exc:
        raise DeckgenError(f"{path}: damaged or truncated archive ({exc})") from None
    if _POTX in types:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(
            out, "w", zipfile.ZIP_DEFLATED
        ) as zout:
            for info in zin.infolist():
                blob = zin.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    blob = blob.replace(_POTX, _PPTX)
                zout.writestr(info, blob)
        data = out.getvalue()
    elif _PPTX not in types:
        raise DeckgenError(f"{path}: not a presentation (a Word or Excel file, or another package)")
    try:
        from pptx import Presentation

        prs = Presentation(io.BytesIO(data))
        if not len(prs.slide_layouts):
            raise DeckgenError(f"{path}: the template has no slide layouts")
    except DeckgenError:
        raise
    except Exception as exc:  # noqa: BLE001 - python-pptx raises many types on broken parts
        raise DeckgenError(f"{path}: cannot read as a presentation ({type(exc).__name__}: {exc})") from None
    return data
