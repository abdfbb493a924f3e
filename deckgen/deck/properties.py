"""The deck's document properties: what Explorer, Finder, SharePoint and PowerPoint show.

A template brings its own ``docProps`` (another application, another author, 0 slides, its own
thumbnail), and a file list that says "created 2000-01-01 by deckgen in Microsoft Macintosh
PowerPoint" makes a deck look broken. So every deck gets: ``core.xml`` with title, subject,
keywords, language, author (the presenter, else empty) and the presentation day as created and
modified (``--date``, else ``SOURCE_DATE_EPOCH``, else today; a date without time, so builds on
one day stay byte-identical); ``app.xml`` naming deckgen with the real slide count and slide
titles; and a thumbnail of the title slide's colours and title, drawn with Pillow.
The fingerprint slot in ``dc:identifier`` is left to `deckgen.output.save`.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from typing import Any

from lxml import etree

from deckgen.deck.thumbnail import thumbnail_png

APP_CT = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
APP_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
THUMB_RT = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_FORMATS = {(12192000, 6858000): "Widescreen", (9144000, 6858000): "On-screen Show (4:3)",
            (9144000, 5143500): "On-screen Show (16:9)", (9144000, 5715000): "On-screen Show (16:10)"}


# the deck's mark in dc:identifier, filled in by `deckgen.output.save` once every other byte is
# final: a digest of what the deck says, then the hash of its package
MARK_PREFIX = "deckgen:sha256:"
PLACEHOLDER = MARK_PREFIX + "0" * 64


def build_day(when: str = "", env: dict[str, str] | None = None,
              today: dt.date | None = None) -> dt.date:
    """The day the deck says it was made: the given date, else ``SOURCE_DATE_EPOCH`` (UTC),
    else today; reproducible builds set the variable, everyone else gets a true date."""
    if when:
        return dt.date.fromisoformat(when)
    env = dict(os.environ) if env is None else env
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        stamp = dt.datetime.fromtimestamp(min(int(epoch), 253402214400), dt.timezone.utc)
        if stamp.year >= 1900:
            return stamp.date()
    return today or dt.date.today()


def _clean(text: str) -> str:
    """Slide text as a property: soft hyphens gone, no-break spaces and line breaks as spaces."""
    text = text.replace("\u00ad", "").replace("\u200b", "")
    return " ".join(text.replace("\u00a0", " ").replace("\v", " ").split())


def slide_titles(prs: Any, plan: Any) -> list[str]:
    """Each slide's title: the plan's (clean, unique) when it matches the slides, else read."""
    plan_titles = [s.title for s in getattr(plan, "slides", ())]
    if len(plan_titles) == len(prs.slides):
        return [_clean(t) for t in plan_titles]
    out = []
    for slide in prs.slides:
        title = slide.shapes.title
        out.append(_clean(title.text_frame.text) if title is not None else "")
    return out


def keywords(plan: Any) -> str:
    """The company and the topics the deck argues (its numbered points), for search."""
    topics = [_clean(s.title) for s in plan.slides if s.role == "point"]
    return "; ".join(dict.fromkeys([plan.company, *topics]))[:255]


def _theme_info(prs: Any) -> tuple[str, list[str]]:
    """The theme's name and its heading and body fonts (what PowerPoint lists as used)."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        blob = prs.slide_masters[0].part.part_related_by(RT.THEME).blob
    except Exception:  # noqa: BLE001 - a theme-less template still gets properties
        return "Office Theme", []
    return _theme_names(blob)


@functools.lru_cache(maxsize=8)
def _theme_names(blob: bytes) -> tuple[str, list[str]]:
    """`_theme_info` for one theme part, parsed once: a batch asks for the same theme."""
    try:
        root = etree.fromstring(blob, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return "Office Theme", []
    fonts = [el.get("typeface", "") for el in
             (root.find(f".//{A}fontScheme/{A}{k}/{A}latin") for k in ("majorFont", "minorFont"))
             if el is not None]
    return root.get("name") or "Office Theme", [f for f in dict.fromkeys(fonts) if f]


def app_xml(prs: Any, plan: Any) -> bytes:
    """``docProps/app.xml``: deckgen, the slide and notes counts, and the parts' titles.

    ``HeadingPairs`` names each group of ``TitlesOfParts`` and its size; the sizes add up to
    the titles listed, as PowerPoint checks.
    """
    theme, fonts = _theme_info(prs)
    titles = slide_titles(prs, plan)
    specs = getattr(plan, "slides", ())
    if len(specs) == len(prs.slides):  # the plan says what the notes are: no need to read them
        notes = sum(1 for spec in specs if spec.notes.strip())
    else:
        notes = sum(1 for s in prs.slides if s.has_notes_slide
                    and s.notes_slide.notes_text_frame is not None
                    and s.notes_slide.notes_text_frame.text.strip())
    size = (prs.slide_width, prs.slide_height)
    groups = [(name, items) for name, items in
              (("Fonts Used", fonts), ("Theme", [theme]), ("Slide Titles", titles)) if items]
    root = etree.Element(f"{{{EP}}}Properties", nsmap={None: EP, "vt": VT})

    def add(tag: str, text: str) -> etree._Element:
        el = etree.SubElement(root, f"{{{EP}}}{tag}")
        el.text = text
        return el

    add("Application", "deckgen")
    add("PresentationFormat", _FORMATS.get(size, "Custom"))
    add("Slides", str(len(prs.slides)))
    add("Notes", str(notes))
    add("HiddenSlides", "0")
    add("MMClips", "0")
    add("ScaleCrop", "false")
    pairs = etree.SubElement(add("HeadingPairs", ""), f"{{{VT}}}vector",
                             size=str(2 * len(groups)), baseType="variant")
    for name, items in groups:
        etree.SubElement(etree.SubElement(pairs, f"{{{VT}}}variant"), f"{{{VT}}}lpstr").text = name
        etree.SubElement(etree.SubElement(pairs, f"{{{VT}}}variant"), f"{{{VT}}}i4").text = str(
            len(items))
    parts = etree.SubElement(add("TitlesOfParts", ""), f"{{{VT}}}vector",
                             size=str(sum(len(i) for _, i in groups)), baseType="lpstr")
    for _, items in groups:
        for item in items:
            etree.SubElement(parts, f"{{{VT}}}lpstr").text = item
    add("Company", _clean(plan.company))
    add("LinksUpToDate", "false")
    add("SharedDoc", "false")
    add("HyperlinksChanged", "false")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _put_part(prs: Any, partname: str, content_type: str, reltype: str, blob: bytes) -> None:
    """Replace the package's part of ``reltype`` (or add it as ``partname``).

    Looked up through the package's own relationships: walking every part of the package
    would cost more than the rest of the properties.
    """
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    package = prs.part.package
    try:
        part = package.part_related_by(reltype)
    except KeyError:
        # A template may relate the same part under a misspelt type (seen: app.xml as
        # ".../package/2006/relationships/metadata/extended-properties"): replace it, or the
        # package would hold two members of one name.
        for rid, rel in list(package._rels.items()):
            if not rel.is_external and str(rel.target_part.partname) == partname:
                package._rels.pop(rid)
        package.relate_to(Part(PackURI(partname), content_type, package, blob), reltype)
        return
    if hasattr(part, "_element"):
        from pptx.oxml import parse_xml

        part._element = parse_xml(blob)
    else:
        part._blob = blob


def _put_thumbnail(prs: Any, blob: bytes) -> None:
    """The deck's thumbnail as ``docProps/thumbnail.png``; the template's own (usually a
    ``thumbnail.jpeg`` of the template) is dropped, or it would show instead."""
    package = prs.part.package
    for rid, rel in list(package._rels.items()):
        if rel.reltype == THUMB_RT and not rel.is_external:
            if rel.target_part.content_type == "image/png":
                rel.target_part._blob = blob
                return
            package._rels.pop(rid)
    _put_part(prs, "/docProps/thumbnail.png", "image/png", THUMB_RT, blob)


def apply(prs: Any, plan: Any, when: str = "") -> None:
    """Every property of the deck, from the plan it was written from and the build day."""

    day = build_day(when)
    set_core_properties(prs, plan.title, plan.presenter or "", plan.company, plan.lang,
                        day.isoformat())
    cp = prs.core_properties
    cp.keywords = keywords(plan)
    printed = cp._element.find(f"{CP}lastPrinted")  # a new deck was never printed
    if printed is not None:
        cp._element.remove(printed)
    _put_part(prs, "/docProps/app.xml", APP_CT, APP_RT, app_xml(prs, plan))
    _put_thumbnail(prs, thumbnail_png(prs, plan))


def set_core_properties(prs: Any, title: str, author: str, subject: str, lang: str,
                        when: str, mark: bool = True) -> None:
    """Fixed metadata, so the same inputs give the same bytes; the date only when given.

    ``mark`` puts the fingerprint slot in: only decks carry it, so a template (or a copy of
    one) at an output path is never mistaken for deckgen's own, overwritable output.
    """
    cp = prs.core_properties
    stamp = dt.datetime.fromisoformat(f"{when}T00:00:00") if when else dt.datetime(2000, 1, 1)
    cp.title = title[:255]
    cp.author = author[:255]
    cp.subject = subject[:255]
    cp.language = lang
    cp.last_modified_by = "deckgen"
    cp.revision = 1
    cp.created = stamp
    cp.modified = stamp
    cp.keywords = ""
    cp.comments = ""
    cp.category = ""
    cp.identifier = PLACEHOLDER if mark else ""
    cp.content_status = ""
    cp.version = ""
    cp.last_printed = stamp
