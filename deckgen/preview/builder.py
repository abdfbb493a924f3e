"""Builds the deck for the preview, as ``deckgen build`` would, and says which files it read.

The deck comes from the same steps as ``deckgen build`` (`deckgen.api`: prepare, plan, write),
so the page shows what a build writes. What is read again depends on what was saved: the
template (its file, or any file in its folder: ``template.yaml``, the logo) means a fresh
`deckgen.api.prepare`; the content file or one of its images only reloads the content.
Each deck is written by a fresh writer (about 0.1 s for the plea), so its warnings are the
deck's own and not left over from an earlier version.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deckgen.errors import DeckgenError
from deckgen.slide_info import DeckInfo


@dataclass(frozen=True)
class Request:
    """What to preview: the options of ``deckgen preview``."""

    content: Path | None = None
    template: str | None = None
    company: str = "Beispiel GmbH"
    lang: str = "de"
    sets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Inputs:
    """The files a deck was built from: a save to any of them means a new build."""

    content: Path
    images: frozenset[Path] = frozenset()
    template_files: frozenset[Path] = frozenset()
    template_folder: Path | None = None  # any file saved in it counts

    def touches(self, path: Path) -> tuple[bool, bool]:
        """(the content changed, the template changed) when ``path`` was saved."""
        template = path in self.template_files or (
            self.template_folder is not None and path.parent == self.template_folder)
        return path == self.content or path in self.images, template

    @property
    def files(self) -> frozenset[Path]:
        return frozenset({self.content, *self.images, *self.template_files})

    @property
    def folders(self) -> frozenset[Path]:
        return frozenset({self.template_folder} if self.template_folder else ())


@dataclass(frozen=True)
class Built:
    """A deck built for the preview: its bytes, its slides, and how long it took."""

    deck: bytes
    info: DeckInfo
    filename: str
    seconds: float
    inputs: Inputs


class Builder:
    """Builds the previewed deck again after a save, reading again only what changed."""

    def __init__(self, request: Request) -> None:
        from deckgen.paths import default_content
        from deckgen.pitch.render import normalize_company, parse_sets

        self.request = request
        self.company = normalize_company(request.company)
        parse_sets(list(request.sets))  # a wrong --set is said before the server starts
        content = request.content or default_content(request.lang)
        if request.content is not None and not Path(content).is_file():
            raise DeckgenError(f"--content: {content}: file not found")
        files, folder = _template_target(request.template)
        self.inputs = Inputs(_resolved(Path(content)), frozenset(), files, folder)
        self._job: Any = None

    def build(self, saved: Iterable[Path] = ()) -> Built:
        """The deck after ``saved`` changed (everything, the first time); raises
        `deckgen.errors.DeckgenError` with a one-line message when it cannot be built.
        `inputs` keeps the last files known, so a broken content file is still watched."""
        from deckgen import api
        from deckgen.output.naming import deck_filename
        from deckgen.pitch.slug import pitch_slug
        from deckgen.slide_info import deck_info

        started = time.perf_counter()
        content, template = False, self._job is None
        for path in saved:
            c, t = self.inputs.touches(path)
            content, template = content or c, template or t
        if template:
            self._job = None  # if preparing fails, the next save prepares again
            self._job = api.prepare(self.inputs.content, self.request.template, self.request.lang,
                                    self.request.sets)
        elif content or not saved:
            self._job.loaded = api.load_pitch(self.inputs.content)
        job = self._job
        self.inputs = Inputs(self.inputs.content, _images(job.loaded),
                             self.inputs.template_files, self.inputs.template_folder)
        job.writer = None  # a fresh deck: `deck_for` then opens the template anew
        plan = api.plan_for(job, self.company)
        deck = api.deck_for(job, plan)
        info = deck_info(job)
        pitch = job.loaded.pitch
        name = deck_filename(self.company, pitch_slug(pitch.slug, job.loaded.path, pitch.title))
        return Built(deck, info, name, time.perf_counter() - started, self.inputs)


def _images(loaded: Any) -> frozenset[Path]:
    return frozenset(_resolved(Path(image.path)) for image in loaded.images.values())


def _template_target(spec: str | None) -> tuple[frozenset[Path], Path | None]:
    """What to watch for the template ``spec`` (as `deckgen.template.source.locate` finds it):
    a folder as a whole (template.yaml, the .pptx, the logo), a template file by itself.
    Worked out without reading the template, so a broken one is watched from the start."""
    from deckgen.paths import templates_dir

    text = spec or "default"
    path = Path(text).expanduser()
    if not path.exists() and "/" not in text and "\\" not in text and not text.endswith(
            (".pptx", ".potx")):
        path = templates_dir() / text
    path = _resolved(path)
    if not path.exists():
        raise DeckgenError(f"--template: {text}: not found (a bundled name, a folder or a "
                           ".pptx/.potx file)")
    return (frozenset(), path) if path.is_dir() else (frozenset({path}), None)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()
