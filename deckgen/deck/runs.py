"""Paragraphs with runs (bold, italic, links, line breaks) written into any python-pptx text frame.

Tables, captions and any text the writer fills share this, so markup looks the same everywhere:
a run only sets what the author marked (bold, italic, link) and the language; fonts, sizes and
colours stay the template's, so the deck restyles with it.
"""

from __future__ import annotations

from typing import Any

from deckgen.pitch.plan import Para


def write_para(paragraph: Any, para: Para, lang: str, size_pt: float | None = None) -> None:
    """Fill an empty python-pptx ``_Paragraph`` with ``para``'s runs; ``\\n`` becomes a line break."""
    from pptx.util import Pt

    for run in para.all_runs():
        for i, piece in enumerate(run.text.split("\n")):
            if i:
                paragraph.add_line_break()
            if not piece:
                continue
            r = paragraph.add_run()
            r.text = piece
            rpr = r.font._rPr
            rpr.set("lang", lang)
            if size_pt is not None:
                r.font.size = Pt(size_pt)
            if run.bold:
                r.font.bold = True
            if run.italic:
                r.font.italic = True
            if run.url:
                r.hyperlink.address = run.url
    end = paragraph._p.get_or_add_endParaRPr()
    end.set("lang", lang)
    if size_pt is not None:
        end.set("sz", str(int(round(size_pt * 100))))
    for br in paragraph._p.findall("{http://schemas.openxmlformats.org/drawingml/2006/main}br"):
        br.get_or_add_rPr().set("lang", lang)


def write_paras(text_frame: Any, paras: tuple[Para, ...], lang: str,
                size_pt: float | None = None) -> None:
    """Replace a text frame's paragraphs with ``paras`` (levels kept)."""
    text_frame.clear()
    for i, para in enumerate(paras):
        p = text_frame.paragraphs[0] if i == 0 else text_frame.add_paragraph()
        if para.level:
            p.level = para.level
        write_para(p, para, lang, size_pt)
