"""Where the shipped content and templates live.

`content/` and `templates/` sit at the top of the source tree but are installed inside the
package (as ``deckgen/content`` and ``deckgen/templates``), so both layouts must be found.
"""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    installed = _PKG / name
    if installed.is_dir():
        return installed
    return _PKG.parent / name


def content_dir() -> Path:
    return _find("content")


def templates_dir() -> Path:
    return _find("templates")


def default_content(lang: str = "de") -> Path:
    """The shipped plea: German by default, ``plea.<lang>.yaml`` for other editions."""
    return content_dir() / ("plea.yaml" if lang == "de" else f"plea.{lang}.yaml")
