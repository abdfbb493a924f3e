"""Brand tokens: the few choices (colours, fonts, logo) a branded template is generated from.

Tokens come from a folder's ``template.yaml`` or from ``deckgen template new`` options, so the
checking lives in `tokens_from_mapping` and both paths report the same one-line errors. Missing
secondary/accent colours are derived from the primary by fixed HSL arithmetic, so the same
tokens always give the same template.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deckgen.errors import DeckgenError
from deckgen.pitch.plan import ROLES
from deckgen.typeset.contrast import MIN_CONTRAST, contrast_ratio, from_hls, hls

DEFAULT_BACKGROUND = "#FFFFFF"
DEFAULT_TEXT = "#1F2328"
DEFAULT_FONT = "Calibri"
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")

_TOP_KEYS = ("name", "colors", "fonts", "logo", "layouts")
COLOR_KEYS = ("primary", "secondary", "accent", "background", "text")
_FONT_KEYS = ("heading", "body")
_HEX = re.compile(r"#[0-9A-Fa-f]{6}")
# Theme font names are plain strings; a leading "+" would read as a theme-font reference.
_FONT = re.compile(r"[^\x00-\x1f+][^\x00-\x1f]{0,62}")


@dataclass(frozen=True)
class BrandTokens:
    """Resolved brand choices; colours are upper-case ``#RRGGBB``.

    ``logo`` is kept as written (relative to the template folder, or absolute) because the same
    tokens are built from different folders; `build_presentation` resolves it.
    """

    name: str
    primary: str
    secondary: str
    accent: str
    background: str = DEFAULT_BACKGROUND
    text: str = DEFAULT_TEXT
    heading_font: str = DEFAULT_FONT
    body_font: str = DEFAULT_FONT
    logo: Path | None = None
    layouts: dict[str, str] = field(default_factory=dict, hash=False)
    source: str = field(default="<tokens>", compare=False)


def derive_secondary(primary: str) -> str:
    """An analogous, slightly lighter hue: related to the primary but distinguishable in charts."""
    h, lum, s = hls(primary)
    return from_hls(h - 1 / 12, min(max(lum + 0.08, 0.28), 0.55), s * 0.85)


def derive_accent(primary: str) -> str:
    """The complementary hue, saturated: the one colour meant to catch the eye."""
    h, _, s = hls(primary)
    return from_hls(h + 0.5, 0.45, max(s, 0.75))


def load_tokens(path: Path) -> BrandTokens:
    """Read and check a ``template.yaml``; a relative logo must exist next to it.

    ``name`` may be left out here (the folder name stands in), unlike in CLI-built tokens.
    """
    from deckgen.pitch.template_yaml import read_yaml  # bounded size, regular file, aliases bounded

    source = str(path)
    data = read_yaml(Path(path))
    if data is None:
        data = {}
    if isinstance(data, dict) and not data.get("name"):
        data["name"] = Path(path).resolve().parent.name  # a folder is named like its template
    tokens = tokens_from_mapping(data, source)
    if tokens.logo is not None:
        logo = Path(path).parent / tokens.logo
        if not logo.is_file():
            raise DeckgenError(f"{source}: logo: file {str(tokens.logo)!r} not found ({logo})")
    return tokens


def tokens_from_mapping(data: Mapping[str, Any], source: str) -> BrandTokens:
    """Check a parsed ``template.yaml`` (or CLI options shaped like one) and fill defaults."""
    if not isinstance(data, Mapping):
        raise DeckgenError(f"{source}: expected a mapping of keys ({', '.join(_TOP_KEYS)})")
    _no_unknown(data, _TOP_KEYS, source, "")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise DeckgenError(f"{source}: name: expected a display name like \"deckgen Default\"")
    colors = _section(data, "colors", source)
    fonts = _section(data, "fonts", source)
    if "primary" not in colors:
        raise DeckgenError(f"{source}: colors.primary: missing (a colour like '#1A2B3C')")
    primary = _color(colors, "primary", source)
    background = _color(colors, "background", source, DEFAULT_BACKGROUND)
    text = _color(colors, "text", source, DEFAULT_TEXT)
    ratio = contrast_ratio(text, background)
    if ratio < MIN_CONTRAST:
        raise DeckgenError(
            f"{source}: colors.text: {text!r} on background {background!r} has contrast "
            f"{ratio:.2f}:1, needs at least {MIN_CONTRAST}:1"
        )
    return BrandTokens(
        name=name.strip(),
        primary=primary,
        secondary=_color(colors, "secondary", source, derive_secondary(primary)),
        accent=_color(colors, "accent", source, derive_accent(primary)),
        background=background,
        text=text,
        heading_font=_font(fonts, "heading", source),
        body_font=_font(fonts, "body", source),
        logo=_logo(data.get("logo"), source),
        layouts=_layouts(data.get("layouts"), source),
        source=source,
    )


def given_colors(data: Mapping[str, Any], source: str) -> dict[str, str]:
    """Only the colours a ``template.yaml`` states, checked and upper-cased like `template new`.

    Beside an organisation's own template nothing is derived: a key left out (or ``null``)
    keeps the colour the organisation's theme already has.
    """
    colors = _section(data, "colors", source)
    return {key: _color(colors, key, source) for key in COLOR_KEYS
            if colors.get(key) is not None}


def given_logo(data: Mapping[str, Any], source: str) -> Path | None:
    """The ``logo`` a ``template.yaml`` names (checked like `template new`'s), or ``None``."""
    return _logo(data.get("logo"), source)


def _no_unknown(
    data: Mapping[str, Any], allowed: tuple[str, ...], source: str, prefix: str
) -> None:
    for key in data:
        if key not in allowed:
            raise DeckgenError(
                f"{source}: {prefix}{key}: unknown key (allowed: {', '.join(allowed)})"
            )


def _section(data: Mapping[str, Any], key: str, source: str) -> Mapping[str, Any]:
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise DeckgenError(f"{source}: {key}: expected a mapping, got {value!r}")
    _no_unknown(value, COLOR_KEYS if key == "colors" else _FONT_KEYS, source, f"{key}.")
    return value


def _color(colors: Mapping[str, Any], key: str, source: str, default: str | None = None) -> str:
    value = colors.get(key)
    if value is None and default is not None:  # null means "derive it", e.g. an unset CLI option
        return default
    if isinstance(value, str) and _HEX.fullmatch(value.strip()):
        return value.strip().upper()
    if isinstance(value, str) and _HEX.fullmatch("#" + value.strip()):
        return ("#" + value.strip()).upper()  # '#' is optional: in YAML it starts a comment
    hint = " (quote it in YAML: '#' starts a comment)" if value is None else ""
    raise DeckgenError(f"{source}: colors.{key}: {value!r} is not a colour like '#1A2B3C'{hint}")


def _font(fonts: Mapping[str, Any], key: str, source: str) -> str:
    value = fonts.get(key, DEFAULT_FONT)
    if isinstance(value, str) and _FONT.fullmatch(value.strip()):
        return value.strip()
    raise DeckgenError(f"{source}: fonts.{key}: {value!r} is not a font name like 'Calibri'")


def _logo(value: Any, source: str) -> Path | None:
    if value is None:
        return None
    if not isinstance(value, (str, Path)) or not str(value).strip():
        raise DeckgenError(f"{source}: logo: expected a file path or null, got {value!r}")
    path = Path(str(value).strip())
    if path.suffix.lower() not in LOGO_SUFFIXES:
        raise DeckgenError(f"{source}: logo: {str(value)!r} must be a PNG or JPEG file")
    return path


def _layouts(value: Any, source: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise DeckgenError(f"{source}: layouts: expected a mapping role: layout name")
    out: dict[str, str] = {}
    for role, name in value.items():
        if role not in ROLES:
            roles = ", ".join(ROLES)
            raise DeckgenError(f"{source}: layouts.{role}: unknown role (roles: {roles})")
        if not isinstance(name, str) or not name.strip():
            raise DeckgenError(f"{source}: layouts.{role}: expected a layout name, got {name!r}")
        out[str(role)] = name.strip()
    return out
