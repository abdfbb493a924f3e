"""The page's own files (HTML, script, style), read once from the package and served from memory.

They are a fixed table of address → bytes; the server looks a request's path up in it and
never asks the file system.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

_FILES = {"/": ("index.html", "text/html"), "/app.js": ("app.js", "text/javascript"),
          "/style.css": ("style.css", "text/css")}


@dataclass(frozen=True)
class Asset:
    body: bytes
    type: str


class Assets:
    """The page's files by address."""

    def __init__(self) -> None:
        folder = resources.files("deckgen.preview") / "assets"
        self._by_path = {path: Asset(folder.joinpath(name).read_bytes(), ctype)
                         for path, (name, ctype) in _FILES.items()}

    def get(self, path: str) -> Asset | None:
        return self._by_path.get(path)
