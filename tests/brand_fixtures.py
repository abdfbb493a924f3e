"""Template folders for brand-control tests: an organisation's template, its yaml and logo.

The templates start from python-pptx's default (like `tests.fixture_templates`) and change
what matters for a logo: room in a corner, or none.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fixture_templates import _layout, _ph, _place, _save
from lxml import etree
from PIL import Image, ImageDraw
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.util import Inches

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
SLOTS = ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5",
         "accent6", "hlink", "folHlink")


def roomy(path: Path) -> Path:
    """Content titles that leave the top right free, as many corporate masters do for a logo."""
    prs = Presentation()
    for name in ("Title and Content", "Title Only", "Two Content"):
        _place(_ph(_layout(prs, name), "title"), 0.5, 0.3, 6.8, 1.25)
    return _save(prs, path)


def crowded(path: Path, align: str = "l") -> Path:
    """python-pptx's default master with its titles set ``align``: on content slides the title
    and body boxes reach into every corner, as on most corporate masters."""
    prs = Presentation()
    style = prs.slide_masters[0]._element.find(f"{P}txStyles/{P}titleStyle/{A}lvl1pPr")
    style.set("algn", align)
    return _save(prs, path)


def walled(path: Path) -> Path:
    """Broad bars down both sides of the master: no corner is left for a logo."""
    prs = Presentation()
    tree = prs.slide_masters[0].shapes._spTree
    for n, x in enumerate((0.0, 7.5)):
        tree.append(parse_xml(
            f'<p:sp xmlns:p="{P[1:-1]}" xmlns:a="{A[1:-1]}"><p:nvSpPr>'
            f'<p:cNvPr id="{90 + n}" name="Side Bar {n + 1}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
            f'<p:spPr><a:xfrm><a:off x="{Inches(x)}" y="0"/><a:ext cx="{Inches(2.5)}" '
            f'cy="{Inches(7.5)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
            '<a:solidFill><a:srgbClr val="1F497D"/></a:solidFill></p:spPr></p:sp>'))
    return _save(prs, path)


def logo_png(path: Path, size: tuple[int, int] = (400, 140)) -> Path:
    """A word mark on a transparent background: a red plate and a dark bar for the name."""
    img = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    h = size[1]
    draw.rounded_rectangle((0, 0, h, h - 1), h // 5, fill=(227, 6, 19, 255))
    draw.rectangle((h + h // 5, h // 3, size[0] - 1, 2 * h // 3), fill=(227, 6, 19, 255))
    img.save(path)
    return path


def brand_folder(root: Path, template: Path, yaml_text: str, logo: bool = True) -> Path:
    """``root/brand/`` holding ``template.pptx`` (or ``.potx``), ``template.yaml``, a logo."""
    folder = root / "brand"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, folder / ("template" + template.suffix.lower()))
    (folder / "template.yaml").write_text(yaml_text, encoding="utf-8")
    if logo:
        logo_png(folder / "logo.png")
    return folder


def theme_slots(prs) -> dict[str, str]:
    """Slot → ``#RRGGBB`` (system colours by their last value) of the first master's theme."""
    part = prs.slide_masters[0].part.part_related_by(RT.THEME)
    scheme = etree.fromstring(part.blob).find(f".//{A}clrScheme")
    out = {}
    for slot in SLOTS:
        el = scheme.find(f"{A}{slot}")
        child = el[0]
        out[slot] = "#" + (child.get("lastClr") or child.get("val")).upper()
    return out
