"""Shared fixtures: decks are built once per session, because building is the slow part."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from pptx import Presentation

import deckgen

ROOT = Path(__file__).resolve().parent.parent
# the shared corpus of real templates (not ours to copy): beside the project, or where
# DECKGEN_CORPUS points
CORPUS = Path(os.environ.get("DECKGEN_CORPUS") or ROOT.parent / "shared" / "corpus")


@pytest.fixture(scope="session")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("decks")


@pytest.fixture(scope="session")
def default_deck(build_dir: Path) -> Path:
    (path,) = deckgen.build("Müller & Söhne", output=build_dir / "default.pptx",
                            presenter="Jana Beispiel", date="2026-11-27")
    return path


@pytest.fixture(scope="session")
def prs(default_deck: Path):
    return Presentation(str(default_deck))


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")
