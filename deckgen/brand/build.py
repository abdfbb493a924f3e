"""Turn brand tokens into a template `Presentation` (zero slides, 16:9, eight layouts).

We start from python-pptx's own default package because its part plumbing (presentation,
properties, table styles) is known-good; then the theme blob, the master and eight of its
layout parts are rewritten in place and the three surplus layouts are unlinked, so no orphan
part is written. Nothing here reads the clock or random state: same tokens, same XML.
"""

from __future__ import annotations

import io
from pathlib import Path

import pptx
from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.presentation import Presentation

from deckgen.brand.layout_xml import Logo, layout_xml, master_xml
from deckgen.brand.layouts import LAYOUT_NAMES, SLIDE_H, SLIDE_W, layout_specs, make_palette
from deckgen.brand.logo import check_logo
from deckgen.brand.theme import theme_xml
from deckgen.brand.tokens import BrandTokens
from deckgen.errors import DeckgenError
from deckgen.typeset.contrast import contrast_ratio

_FIRST_LAYOUT_ID = 2147483649  # master ids start at 2^31; layouts follow it
_NS_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_NS_EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_NS_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


def build_presentation(tokens: BrandTokens, base_dir: Path) -> Presentation:
    """The branded template; ``base_dir`` is where a relative ``tokens.logo`` is looked up."""
    prs = pptx.Presentation()
    _set_presentation_defaults(prs)
    master_part = prs.part.part_related_by(RT.SLIDE_MASTER)
    master_part.part_related_by(RT.THEME)._blob = theme_xml(tokens)

    layout_rids = [el.rId for el in master_part._element.sldLayoutIdLst]
    keep, drop = layout_rids[: len(LAYOUT_NAMES)], layout_rids[len(LAYOUT_NAMES) :]
    for r_id in drop:
        master_part.rels.pop(r_id)

    palette = make_palette(tokens)
    logo_path = _logo_path(tokens, base_dir)
    logo_blob, logo_size = check_logo(logo_path, f"{tokens.source}: logo") if logo_path else (b"", None)
    for r_id, spec in zip(keep, layout_specs(palette), strict=True):
        layout_part = master_part.related_part(r_id)
        logo = None
        if spec.logo and logo_path and logo_size:
            _, img_rid = layout_part.get_or_add_image_part(io.BytesIO(logo_blob))
            logo = Logo(img_rid, *logo_size, f"Logo {tokens.name}")
        layout_part._element = parse_xml(layout_xml(spec, palette, logo).encode("utf-8"))

    ids = [(_FIRST_LAYOUT_ID + n, r_id) for n, r_id in enumerate(keep)]
    master_part._element = parse_xml(master_xml(palette, ids).encode("utf-8"))
    _set_app_properties(prs, tokens.name)
    return prs


def template_package(folder: Path) -> bytes:
    """A template built from ``folder/template.yaml``, in memory (a folder with brand tokens
    but no ``template.pptx``): the deck built on it gets its own properties and zip order, so
    nothing here needs to be fixed. `deckgen.output.template_files` writes templates to disk."""
    from deckgen.brand.tokens import load_tokens

    tokens = load_tokens(folder / "template.yaml")
    buf = io.BytesIO()
    build_presentation(tokens, folder).save(buf)
    return buf.getvalue()


def contrast_report(tokens: BrandTokens) -> list[tuple[str, str, float]]:
    """(layout, placeholder, ratio) for every text placeholder, as the layouts are written."""
    palette = make_palette(tokens)
    rows = []
    for spec in layout_specs(palette):
        for ph in spec.placeholders:
            if ph.color is not None:
                ratio = contrast_ratio(palette.hex(ph.color), palette.hex(ph.on))
                rows.append((spec.name, ph.name, ratio))
    return rows


def _set_presentation_defaults(prs: Presentation) -> None:
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    root = prs.part._element
    root.find(f"{{{_NS_P}}}sldSz").attrib.pop("type", None)  # "screen4x3" would lie
    for def_rpr in root.iter(f"{{{_NS_A}}}defRPr"):
        if def_rpr.get("lang"):
            def_rpr.set("lang", "de-DE")  # German proofing for text typed into the deck


def _set_app_properties(prs: Presentation, name: str) -> None:
    """The inherited app.xml claims a 4:3 "Office Theme"; say what this package is."""
    part = prs.part.package.part_related_by(RT.EXTENDED_PROPERTIES)
    root = etree.fromstring(part.blob)
    fmt = root.find(f"{{{_NS_EP}}}PresentationFormat")
    if fmt is not None:
        fmt.text = "Widescreen"
    for title in root.iter(f"{{{_NS_VT}}}lpstr"):
        if title.text == "Office Theme":
            title.text = name
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _logo_path(tokens: BrandTokens, base_dir: Path) -> Path | None:
    if tokens.logo is None:
        return None
    path = Path(base_dir) / tokens.logo
    if not path.is_file():
        raise DeckgenError(f"{tokens.source}: logo: file {str(tokens.logo)!r} not found ({path})")
    return path


def _pixel_size(path: Path, tokens: BrandTokens) -> tuple[int, int]:
    return check_logo(path, f"{tokens.source}: logo")[1]
