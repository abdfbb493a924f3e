"""Helpers for tests that build one or two slides of a kind and look at how they are set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from design_rules import _texts
from pptx import Presentation

import deckgen
from deckgen.template.index import index_presentation

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
NOTES = "Notizen zur Folie."


def build(folder: Path, *slides: dict[str, Any], template: Any = "default", lang: str = "de-DE",
          name: str = "d.pptx", **extra: Any) -> Path:
    """A deck of a title slide and ``slides``; returns its path."""
    data = {"lang": lang, "slides": [{"kind": "title", "title": "Ein Vorschlag",
                                      "subtitle": "Für {{ company }}", "notes": NOTES},
                                     *slides]}
    content = folder / f"{Path(name).stem}.yaml"
    content.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    (deck,) = deckgen.build("Müller & Söhne GmbH", content=content, template=template,
                            output=folder / name, **extra)
    return deck


def texts(deck: Path, number: int) -> list[dict[str, Any]]:
    """Slide ``number``'s text shapes as the design review reads them: runs with the sizes
    PowerPoint shows (inheritance followed), boxes, kinds ("title", "body")."""
    prs = Presentation(str(deck))
    slide = prs.slides[number - 1]
    info = {id(li.layout.part): li for li in index_presentation(prs)}[id(slide.slide_layout.part)]
    return _texts(prs, slide, info)


def sizes(text: dict[str, Any]) -> list[float]:
    return [r["size"] for r in text["runs"] if r["text"].strip()]


def plain(text: dict[str, Any]) -> str:
    return "".join(r["text"] for r in text["runs"]).replace("\u00a0", " ")
