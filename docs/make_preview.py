"""Regenerate docs/contact.png, the picture of the default deck in the README.

    .venv/bin/python docs/make_preview.py

Needs LibreOffice and poppler (pdftoppm); the contact sheet itself is drawn with Pillow.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PIL import Image

import deckgen
from deckgen.output.export import export_all

HERE = Path(__file__).resolve().parent


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (deck,) = deckgen.build("Acme", output=Path(tmp) / "acme.pptx",
                                presenter="Jana Beispiel", date="2026-11-27")
        made, notes = export_all([deck], pdf=False, png_dir=Path(tmp) / "png", png_width=533)
        if notes:
            raise SystemExit(notes[0])
        pngs = sorted(made)
        images = [Image.open(p).convert("RGB") for p in pngs]
        w, h = images[0].size
        cols, gap = 4, 8
        rows = (len(images) + cols - 1) // cols
        sheet = Image.new("RGB", (cols * w + (cols + 1) * gap, rows * h + (rows + 1) * gap),
                          (128, 128, 128))
        for i, im in enumerate(images):
            sheet.paste(im, (gap + (i % cols) * (w + gap), gap + (i // cols) * (h + gap)))
        sheet.save(HERE / "contact.png", optimize=True)
    print(HERE / "contact.png")


if __name__ == "__main__":
    main()
