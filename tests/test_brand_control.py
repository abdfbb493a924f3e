"""Brand control on an organisation's own template (issue 12, item 5).

A folder with the organisation's ``template.pptx``/``.potx`` and a ``template.yaml`` with
``colors`` and ``logo``: the colours land in the theme (only the slots the yaml names), the
logo on the title and closing slides in a free corner — never over text or the template's
own logos and bars — and everything deckgen changed is reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from brand_fixtures import brand_folder, crowded, logo_png, roomy, theme_slots, walled
from checks import audit_errors
from click.testing import CliRunner
from conftest import CORPUS
from design_rules import P, _box, review
from pptx import Presentation

import deckgen
from deckgen.cli import main
from deckgen.errors import DeckgenError
from deckgen.geometry import Box
from deckgen.template.index import index_presentation
from deckgen.template.source import locate

COMPANY = "Müller & Söhne GmbH"
YAML = ('name: Acme AG\ncolors:\n  primary: "#E30613"\n  secondary: 0F766E\n'
        '  accent: "#ffb800"\nlogo: logo.png\n')
GIVEN = {"accent1": "#E30613", "accent2": "#0F766E", "accent3": "#FFB800"}


def _build(folder: Path, out: Path, company: str = COMPANY) -> Path:
    (deck,) = deckgen.build(company, template=folder, output=out)
    return deck


def _logos(slide) -> list:
    return [s for s in slide.shapes if s.shape_type == 13 and s.name == "Logo"]


def _roles(prs) -> list[str]:
    """The slide roles of a plea deck, from the tags deckgen writes (``closing-1`` …)."""
    from deckgen.update.identity import read_tags

    return [read_tags(slide)[0].rsplit("-", 1)[0] for slide in prs.slides]


def _check_logo_placement(deck: Path, name: str = "Acme AG") -> dict[int, Box]:
    """Logos only on title and closing slides, inside the slide, clear of text and of the
    template's obstacles; returns slide number → logo box."""
    prs = Presentation(str(deck))
    infos = {id(li.layout.part): li for li in index_presentation(prs)}
    roles = _roles(prs)
    found = {}
    for n, (slide, role) in enumerate(zip(prs.slides, roles), 1):
        logos = _logos(slide)
        if role not in ("title", "closing"):
            assert not logos, f"slide {n} ({role}) has a logo"
            continue
        assert len(logos) <= 1
        if not logos:
            continue
        logo = logos[0]
        descr = logo._element.find(f"{P}nvPicPr/{P}cNvPr").get("descr")
        assert descr == f"Logo {name}"
        box = Box(logo.left, logo.top, logo.width, logo.height)
        assert box.x >= 0 and box.y >= 0
        assert box.right <= prs.slide_width and box.bottom <= prs.slide_height
        ratio = box.h / prs.slide_height
        assert 0.05 <= ratio <= 0.1, ratio
        info = infos[id(slide.slide_layout.part)]
        for sp in slide.shapes._spTree.iter(f"{P}sp"):
            body = sp.find(f"{P}txBody")
            if body is None or not "".join(body.itertext()).strip():
                continue
            other = _box(slide, sp, info)
            assert other is not None and not box.intersection(other), (n, other)
        for obstacle in info.obstacles:
            assert not box.intersection(obstacle), (n, obstacle)
        found[n] = box
    return found


# -- an organisation's template made with python-pptx ----------------------------------------

@pytest.fixture(scope="module")
def roomy_deck(tmp_path_factory) -> tuple[Path, Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("roomy")
    template = roomy(root / "corp.pptx")
    before = theme_slots(Presentation(str(template)))
    folder = brand_folder(root, template, YAML)
    return _build(folder, root / "deck.pptx"), folder, before


def test_given_colours_land_in_the_theme_and_the_rest_stays(roomy_deck):
    deck, _, before = roomy_deck
    after = theme_slots(Presentation(str(deck)))
    expected = dict(before, **GIVEN)
    expected["dk2"] = "#E30613"  # the primary reads on white: it also becomes tx2
    assert after == expected


def test_logo_on_title_and_closing_in_a_free_corner(roomy_deck):
    deck, _, _ = roomy_deck
    placed = _check_logo_placement(deck)
    prs = Presentation(str(deck))
    roles = _roles(prs)
    assert sorted(placed) == [n for n, r in enumerate(roles, 1) if r in ("title", "closing")]
    for box in placed.values():  # top right first: it is free on this template
        assert box.x > prs.slide_width / 2 and box.y < prs.slide_height / 4


def test_deck_passes_design_review_and_validation(roomy_deck):
    deck, _, _ = roomy_deck
    assert review(deck, COMPANY) == []
    errors, detail = audit_errors(deck)
    assert errors == 0, detail


def test_same_inputs_same_bytes_alone_or_in_a_batch(roomy_deck, tmp_path):
    deck, folder, _ = roomy_deck
    again = _build(folder, tmp_path / "again.pptx")
    assert again.read_bytes() == deck.read_bytes()
    paths = deckgen.build(["Acme", COMPANY, "Beta AG"], template=folder, output=tmp_path / "b")
    by_name = {p.name: p for p in paths}
    batch = next(p for name, p in by_name.items() if name.startswith("mueller"))
    assert batch.read_bytes() == deck.read_bytes()
    for path in paths:  # the refilled decks keep their logos
        assert len(_check_logo_placement(path)) == 2


def test_inspect_and_verbose_report_theme_slots(roomy_deck, tmp_path):
    from deckgen.reports.inspect import report, report_text

    _, folder, before = roomy_deck
    data = report(folder)
    line = f"theme accent1: {before['accent1']} → #E30613 (template.yaml colors.primary)"
    assert line in data["theme_colours"]
    assert line in report_text(data)
    assert any(s.startswith("logo: top right on slide 1") for s in data["logo"])
    result = CliRunner().invoke(main, ["build", "--company", "Acme", "--template", str(folder),
                                       "-o", str(tmp_path / "v.pptx"), "-v"])
    assert result.exit_code == 0, result.output
    assert line in result.stderr
    assert f"theme accent3: {before['accent3']} → #FFB800 (template.yaml colors.accent)" \
        in result.stderr
    assert "changed: " + line in str(deckgen.check(template=folder))


def test_no_free_corner_gives_a_warning_and_no_logo(tmp_path):
    folder = brand_folder(tmp_path, walled(tmp_path / "walled.pptx"), YAML)
    result = CliRunner().invoke(main, ["build", "--company", "Acme", "--template", str(folder),
                                       "-o", str(tmp_path / "d.pptx")])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "logo" in line]
    assert any("no free corner on slide 1 (title)" in w for w in warnings), result.stderr
    assert any("(closing)" in w and "left out" in w for w in warnings), result.stderr
    prs = Presentation(str(tmp_path / "d.pptx"))
    assert not any(_logos(slide) for slide in prs.slides)


def test_primary_too_light_for_text_keeps_dk2(tmp_path):
    template = roomy(tmp_path / "corp.pptx")
    before = theme_slots(Presentation(str(template)))
    folder = brand_folder(tmp_path, template, 'name: Acme\ncolors: {primary: "#FFD700"}\n',
                          logo=False)
    deck = _build(folder, tmp_path / "d.pptx")
    after = theme_slots(Presentation(str(deck)))
    assert after == dict(before, accent1="#FFD700")
    data = deckgen.check(template=folder)
    assert any(s.startswith("theme dk2: kept") for s in data.substitutions)
    assert review(deck, COMPANY) == []


def test_text_and_background_follow_the_colour_map(tmp_path):
    template = roomy(tmp_path / "corp.pptx")
    folder = brand_folder(tmp_path, template,
                          'name: Acme\ncolors: {text: "#102030", background: "#FAF7F0"}\n',
                          logo=False)
    deck = _build(folder, tmp_path / "d.pptx")
    after = theme_slots(Presentation(str(deck)))
    assert (after["dk1"], after["lt1"]) == ("#102030", "#FAF7F0")
    assert review(deck, COMPANY) == []


# -- errors: one line, naming template.yaml ---------------------------------------------------

@pytest.mark.parametrize("yaml_text, fragments", [
    ('name: A\ncolors: {primary: "red"}\n', ("colors.primary", "'red'", "#1A2B3C")),
    ('name: A\ncolors: {accent: "#12345"}\n', ("colors.accent",)),
    ('name: A\ncolors: {primary: "#E30613", tint: "#FFFFFF"}\n', ("colors.tint", "unknown")),
    ('name: A\ncolors: {text: "#FFFFFF"}\n', ("colors.text", "contrast")),
    ('name: A\nlogo: missing.png\n', ("logo", "missing.png", "not found")),
    ('name: A\nlogo: logo.gif\n', ("logo", "PNG or JPEG")),
])
def test_bad_brand_is_one_line_naming_template_yaml(tmp_path, yaml_text, fragments):
    folder = brand_folder(tmp_path, roomy(tmp_path / "corp.pptx"), yaml_text, logo=False)
    with pytest.raises(DeckgenError) as err:
        deckgen.build("Acme", template=folder, output=tmp_path / "d.pptx")
    message = str(err.value)
    assert "\n" not in message and "template.yaml" in message
    for fragment in fragments:
        assert fragment in message, message
    result = CliRunner().invoke(main, ["build", "--company", "Acme", "--template", str(folder),
                                       "-o", str(tmp_path / "d.pptx")])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (tmp_path / "d.pptx").exists()


def test_logo_that_is_not_an_image(tmp_path):
    folder = brand_folder(tmp_path, roomy(tmp_path / "corp.pptx"), YAML, logo=False)
    (folder / "logo.png").write_bytes(b"not a picture")
    with pytest.raises(DeckgenError, match=r"template\.yaml: logo: cannot read image"):
        deckgen.build("Acme", template=folder, output=tmp_path / "d.pptx")


# -- templates deckgen generates keep their own logo ------------------------------------------

def test_generated_template_does_not_get_its_logo_twice(tmp_path):
    logo = logo_png(tmp_path / "logo.png")
    result = CliRunner().invoke(main, ["template", "new", "acme", "--primary", "#E30613",
                                       "--logo", str(logo), "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    deck = _build(tmp_path / "acme", tmp_path / "d.pptx")
    prs = Presentation(str(deck))
    for slide, role in zip(prs.slides, _roles(prs)):
        on_layout = any(s.shape_type == 13 for s in slide.slide_layout.shapes)
        assert len(_logos(slide)) == (1 if role in ("title", "closing") and not on_layout
                                      else 0)
    assert review(deck, COMPANY) == []


def test_template_new_says_which_colours_it_chose(tmp_path):
    result = CliRunner().invoke(main, ["template", "new", "acme", "--primary", "#E30613",
                                       "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert "secondary: #E82A94 derived from primary" in lines
    assert "accent: #06E0D3 derived from primary" in lines
    assert any(line.startswith("accent: #06E0D3 shown as #") and "big numbers" in line
               for line in lines)
    assert result.stdout.strip() == str(tmp_path / "acme")
    light = CliRunner().invoke(main, ["template", "new", "sun", "--primary", "FFD700",
                                      "--accent", "#0024E6", "--dir", str(tmp_path)])
    assert light.exit_code == 0, light.output
    notes = light.stderr.splitlines()
    assert not any(line.startswith("accent:") for line in notes)
    assert any(line.startswith("primary: #FFD700 is 1.4:1 on the background") for line in notes)
    assert any(line.startswith("links: ") for line in notes)


@pytest.mark.parametrize(("font", "said"), [
    ("Comic Sans MS", "font Comic Sans MS is not installed here; text will be measured as "),
    ("Arial", "font Arial is not installed here; text will be measured as Liberation Sans "
              "(its metric twin: the same widths)"),
    ("Carlito", None)])
def test_template_new_names_a_font_that_is_not_installed(tmp_path, font, said):
    result = CliRunner().invoke(main, ["template", "new", "acme", "--primary", "#1E3A8A",
                                       "--font", font, "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    fonts = [line for line in result.stderr.splitlines() if line.startswith("font ")]
    if said is None:
        assert fonts == []  # installed: nothing to say
    else:
        assert len(fonts) == 1 and fonts[0].startswith(said)  # once, for headings and body


# -- real corporate templates -----------------------------------------------------------------

CORPUS_TEMPLATES = ["rstudio_soleng_template.pptx", "potx/icon_jp_consulting_template.potx",
                    "mecanon_ufrj_template.pptx"]


@pytest.mark.parametrize("name", CORPUS_TEMPLATES)
def test_corpus_template_with_brand(tmp_path, name):
    path = CORPUS / name
    if not path.exists():
        pytest.skip("the shared corpus is not on this machine")
    before = theme_slots(locate(path).open())
    folder = brand_folder(tmp_path, path, YAML)
    result = CliRunner().invoke(main, ["build", "--company", COMPANY, "--template", str(folder),
                                       "-o", str(tmp_path / "d.pptx")])
    assert result.exit_code == 0, result.output
    deck = tmp_path / "d.pptx"
    prs = Presentation(str(deck))
    after = theme_slots(prs)
    for slot, value in after.items():
        if slot in GIVEN:
            assert value == GIVEN[slot]
        elif slot != "dk2" and slot != "lt2":  # tx2 takes the primary only where it reads
            assert value == before[slot], slot
    placed = _check_logo_placement(deck)
    roles = _roles(prs)
    for n, role in enumerate(roles, 1):  # every title/closing slide: a logo, or a warning
        if role in ("title", "closing") and n not in placed:
            assert f"no free corner on slide {n} ({role})" in result.stderr, result.stderr
    assert 1 in placed  # these title slides have a free corner
    assert review(deck, COMPANY) == []
    errors, detail = audit_errors(deck)
    assert errors == 0, detail


def test_update_brings_a_new_logo_and_keeps_a_moved_one(tmp_path):
    """The logo is a field of its own in the manifest: an untouched one takes the new file on
    ``--update``; one the person moved stays where they put it."""
    from deckgen.update.identity import read_manifest

    folder = brand_folder(tmp_path, roomy(tmp_path / "corp.pptx"), YAML)
    deck = _build(folder, tmp_path / "deck.pptx")
    prs = Presentation(str(deck))
    assert all("logo" in r.placed for r in read_manifest(prs) if r.role in ("title", "closing"))
    moved = _logos(prs.slides[0])[0]
    moved.left -= 300000  # the person nudges the title slide's logo
    prs.save(str(deck))
    logo_png(folder / "logo.png", (560, 140))  # the brand's new, wider word mark
    deckgen.build(COMPANY, template=folder, output=deck, update=True, report=lambda _: None)
    prs = Presentation(str(deck))
    closing = prs.slides[_roles(prs).index("closing")]
    first, last = _logos(prs.slides[0])[0], _logos(closing)[0]
    assert first.left == moved.left  # moved: hers, where she put it
    assert abs(last.width / last.height - 4) < 0.05  # untouched: the new, wider logo
    assert len(_logos(closing)) == 1


# -- no free corner: a text gives way, as a designer would make room ------------------------

def _title_and_layout_box(slide) -> tuple[Box, Box]:
    title = slide.shapes.title
    layout_title = next(ph for ph in slide.slide_layout.placeholders
                        if ph.placeholder_format.type == title.placeholder_format.type)
    return (Box(title.left, title.top, title.width, title.height),
            Box(layout_title.left, layout_title.top, layout_title.width, layout_title.height))


def test_a_left_aligned_title_narrows_for_the_logo(tmp_path):
    folder = brand_folder(tmp_path, crowded(tmp_path / "corp.pptx"), YAML)
    result = CliRunner().invoke(main, ["build", "--company", "Acme", "--template", str(folder),
                                       "-o", str(tmp_path / "d.pptx"), "-v"])
    assert result.exit_code == 0, result.output
    assert "no free corner" not in result.stderr
    assert "beside the title (its box narrowed)" in result.stderr
    deck = tmp_path / "d.pptx"
    placed = _check_logo_placement(deck)  # clear of every text and of the template's marks
    prs = Presentation(str(deck))
    closing = _roles(prs).index("closing") + 1
    assert closing in placed
    title, was = _title_and_layout_box(prs.slides[closing - 1])
    assert (title.x, title.y, title.h) == (was.x, was.y, was.h)  # the text stays put
    assert title.right < was.right and placed[closing].x > title.right
    assert review(deck, "Acme") == []


def test_a_centred_title_keeps_its_box_and_the_body_gives_way(tmp_path):
    """Narrowing a centred title would move it off the slide's axis: the logo goes to the
    bottom, where the top-anchored body has room to spare."""
    folder = brand_folder(tmp_path, crowded(tmp_path / "corp.pptx", "ctr"), YAML)
    deck = _build(folder, tmp_path / "d.pptx")
    placed = _check_logo_placement(deck)
    prs = Presentation(str(deck))
    closing = _roles(prs).index("closing") + 1
    slide = prs.slides[closing - 1]
    title, was = _title_and_layout_box(slide)
    assert title == was
    assert placed[closing].y > prs.slide_height / 2
    assert review(deck, COMPANY) == []


def test_room_made_for_the_logo_is_the_same_alone_or_in_a_batch(tmp_path):
    """The narrowed boxes depend on each deck's texts: a batch gives each deck the bytes it
    gets when built alone."""
    folder = brand_folder(tmp_path, crowded(tmp_path / "corp.pptx"), YAML)
    # the closing title keeps one line beside the logo for Acme, not for Gamma Werke GmbH
    names = ["Acme", "Gamma Werke GmbH", "Kleine Firma"]
    batch = deckgen.build(names, template=folder, output=tmp_path / "batch")
    for name, path in zip(names, batch):
        alone = deckgen.build(name, template=folder, output=tmp_path / "alone" / path.name)[0]
        assert alone.read_bytes() == path.read_bytes(), name
