"""Agenda, points, title and closing set as a designer would (issue 21, items 6–8).

The plea has these slides, so they are checked in the plea itself where it shows them, and
in small pitches for what it does not (an agenda of eight, a long byline).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import soffice
from kind_decks import NOTES, A, P, build, plain, sizes, texts
from pptx import Presentation

import deckgen


@pytest.fixture(scope="module")
def plea(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("plea")
    (deck,) = deckgen.build("Müller & Söhne GmbH", output=folder / "plea.pptx",
                            presenter="Jana Beispiel", date="2026-11-27")
    return deck


def _body(deck: Path, number: int) -> list[dict]:
    return [t for t in texts(deck, number) if t["kind"] == "body"]


def _bullet_size(deck: Path) -> float:
    """The deck's body size: the bullets slide's (slide 4 of the plea)."""
    return max(sizes(_body(deck, 4)[0]))


# -- 6. agenda --------------------------------------------------------------------------------
def test_agenda_uses_its_area_with_numbers_close_to_their_items(plea):
    (body,) = _body(plea, 5)
    size = min(sizes(body))
    assert size >= _bullet_size(plea)  # the deck's body size or larger
    paras = body["sp"].findall(f".//{A}p")
    margins = {int(p.find(f"{A}pPr").get("marL")) for p in paras}
    assert len(margins) == 1  # the numbers line up, their items too
    assert margins.pop() <= 1.4 * size * 12700  # no wide gap after "6."
    assert all(p.find(f"{A}pPr/{A}buAutoNum") is not None for p in paras)
    gaps = [p.find(f"{A}pPr/{A}spcBef/{A}spcPts") for p in paras[1:]]
    assert all(g is not None and int(g.get("val")) >= 0.5 * size * 100 for g in gaps)


def test_agenda_of_more_than_six_items_runs_in_two_columns(tmp_path):
    items = [{"title": f"Punkt {i}", "statement": f"Aussage {i}.", "notes": NOTES}
             for i in range(1, 9)]
    deck = build(tmp_path, {"kind": "agenda", "title": "Acht Gründe", "notes": NOTES},
                 {"kind": "points", "items": items})
    left, right = sorted(_body(deck, 2), key=lambda t: t["box"].x)
    assert plain(left).startswith("Punkt 1") and plain(right).startswith("Punkt 5")
    assert left["box"].y == right["box"].y and left["box"].right < right["box"].x
    assert sizes(left) == sizes(right)  # one size for the whole agenda
    first = right["sp"].find(f".//{A}buAutoNum")
    assert first.get("startAt") == "5"
    assert left["lph"] is not None and right["lph"] is not None  # both placeholders


# -- 7. points --------------------------------------------------------------------------------
def test_point_statement_is_the_message_in_the_optical_centre(plea):
    slide = Presentation(str(plea)).slides[7]  # the third point
    shapes = texts(plea, 8)
    title = next(t for t in shapes if t["kind"] == "title")
    statement = max((t for t in shapes if t["kind"] == "body" and t["lph"] is not None),
                    key=lambda t: len(plain(t)))
    assert min(sizes(statement)) > _bullet_size(plea)  # larger than body text
    assert statement["sp"].find(f"{P}txBody/{A}bodyPr").get("anchor") == "ctr"
    middle = statement["box"].y + statement["box"].h / 2
    footer = next(s for s in slide.placeholders if s.placeholder_format.type == 15)  # ftr
    area = (title["box"].bottom, footer.top)
    assert middle < (area[0] + area[1]) / 2  # a little above the middle: the optical centre
    number = next(t for t in shapes if plain(t) == "3")
    assert number["box"].x == title["box"].x  # the numeral where the title starts
    assert number["box"].right < statement["box"].x
    assert statement["box"].x - number["box"].x < 0.12 * slide.part.package.presentation_part \
        .presentation.slide_width  # the statement close after it, not a 90 px gap


def test_points_carry_a_quiet_progress_marker(plea):
    prs = Presentation(str(plea))
    for n in range(1, 7):
        group = prs.slides[4 + n]._element.find(f".//{P}grpSp")
        assert group.find(f"{P}nvGrpSpPr/{P}cNvPr").get("descr") == f"Punkt {n} von 6"
        label = "".join(t.text for t in group.iter(f"{A}t")).replace("\u00a0", " ")
        assert label == f"{n} / 6"
        fills = [sp.find(f"{P}spPr/{A}solidFill/{A}schemeClr") for sp in group.iter(f"{P}sp")]
        assert all(f is not None for f in fills[1:])  # segments in theme colours
        size = int(group.find(f".//{A}rPr").get("sz")) / 100
        assert 14 <= size < _bullet_size(plea)  # quiet, yet readable


# -- 8. title and closing ---------------------------------------------------------------------
def test_byline_is_set_apart_and_the_cover_title_fills_its_band(plea):
    shapes = texts(plea, 1)
    title = next(t for t in shapes if t["kind"] == "title")
    (subtitle,) = [t for t in shapes if t["kind"] == "body"]
    first, byline = (r["size"] for r in subtitle["runs"] if r["text"].strip())
    assert byline < first
    assert min(sizes(title)) > 44  # grown from the template's 44 pt into its band


def test_statement_heading_stands_above_the_content_titles(plea):
    """On its own divider the statement's heading marks where the argument starts: it stood
    at the closing title's size, hardly larger than its paragraph."""
    def title_size(number: int) -> float:
        return max(sizes(next(t for t in texts(plea, number) if t["kind"] == "title")))

    content = max(title_size(n) for n in range(3, 14))
    statement = title_size(2)
    assert 1.2 * content <= statement <= title_size(1)


def _lines(pdf: Path, page: int) -> list[list[str]]:
    """The words of each line LibreOffice drew on ``page`` (1-based)."""
    import subprocess

    from lxml import etree

    html = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox-layout",
                           str(pdf), "-"], capture_output=True, check=True).stdout
    root = etree.fromstring(html, etree.HTMLParser(encoding="utf-8"))
    return [[w.text or "" for w in line.iter("word")] for line in root.iter("line")]


def test_closing_and_cover_lines_wrap_evenly_as_rendered(plea, tmp_path):
    """No closing bullet and no cover line ends with one word alone where an even break
    fits (the plea's bullets left "geben" and "Abteilungen" alone)."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    from checks import render_pdf

    pdf = render_pdf(plea, tmp_path)
    closing = _lines(pdf, 12)
    alone = [line for line in closing if len(line) == 1 and line[0][:1].islower()]
    assert not alone, closing
    assert ["Abteilung"] not in _lines(pdf, 1)


def test_paragraphs_beside_an_evened_one_spell_out_their_full_measure(plea):
    """LibreOffice carries one paragraph's right margin on to the next ones that set none:
    under the closing's first bullet, evened, the others broke early ("Ideen / geben")."""
    evened = 0
    for slide in Presentation(str(plea)).slides:
        for body in slide._element.iter(f"{P}txBody"):
            paras = body.findall(f"{A}p")
            margins = [p.find(f"{A}pPr") for p in paras]
            if not any(m is not None and m.get("marR") for m in margins):
                continue
            evened += 1
            assert all(m is not None and m.get("marR") is not None for m in margins)
    assert evened  # the plea has evened paragraphs beside others
