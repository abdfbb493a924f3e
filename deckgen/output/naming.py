"""File names from company names and pitches: readable, ASCII, and the same on every machine.

A deck is called ``<company>-<pitch>.pptx``: the pitch part is the content's ``slug``, else the
content file's name, else its title, so two pitches for one company never overwrite each other.

German umlauts and ß are written out (``Müller`` → ``mueller``), accents dropped
(``Société`` → ``societe``); letters of any other script go through ``anyascii``'s
transliteration tables (``Łódź`` → ``lodz``, ``Газпром`` → ``gazprom``, ``日本`` → ``riben``).
anyascii is imported only when a name needs it, so a Latin name costs nothing. Two companies
whose names give one file name (``Acme`` and ``**Acme**``) are an error naming both, in one
run (`distinct_names`) and across runs (`check_same_company`), never a deck silently replaced
by another company's.
"""

from __future__ import annotations

from pathlib import Path

from deckgen.pitch.slug import slug

_CORE, _APP = "docProps/core.xml", "docProps/app.xml"
_MAX_PROPS = 5_000_000  # bytes of a properties part read from a file at the target


def deck_filename(company: str, pitch: str) -> str:
    """``Acme`` + ``social-media-plea`` → ``acme-social-media-plea.pptx``."""
    return f"{slug(company)}-{pitch}.pptx"


def same_company(a: str, b: str) -> bool:
    """One company written alike: case, spacing and no-break spaces aside."""
    def fold(text: str) -> str:
        return " ".join(text.replace("\u00a0", " ").split()).casefold()

    return fold(a) == fold(b)


def distinct_names(companies: list[str], pitch: str, what: str = "--company") -> list[str]:
    """Each company's file name; two companies giving one name are an error naming both."""
    from deckgen.errors import DeckgenError

    names: list[str] = []
    first: dict[str, str] = {}
    for company in companies:
        name = deck_filename(company, pitch)
        if name.casefold() in first:
            other = first[name.casefold()]
            if other == company:
                raise DeckgenError(f"{what}: {company!r} is given twice; give each company once")
            if same_company(other, company):
                raise DeckgenError(f"{what}: {other!r} and {company!r} are one company (they "
                                   "differ only in case or spacing); give it once")
            raise DeckgenError(f"{what}: {other!r} and {company!r} both give the file name "
                               f"{name}; give each its own -o, or names that differ in letters "
                               "or digits")
        first[name.casefold()] = company
        names.append(name)
    return names


def check_same_company(path: Path, company: str) -> None:
    """A deck deckgen wrote for another company at ``path`` (its default name) is not
    replaced by this company's: the two names give one file name."""
    from deckgen.errors import DeckgenError

    theirs = _deck_company(path)
    if theirs is not None and not same_company(theirs, company):
        raise DeckgenError(f"{path}: holds the deck for {theirs!r}, and {company!r} gives the "
                           "same file name; give -o another name (or move that deck away)")


def _deck_company(path: Path) -> str | None:
    """The company a deck deckgen wrote is for (``app.xml``'s Company, else the subject)."""
    import zipfile

    from lxml import etree

    from deckgen.bounded import probe

    info = probe(path, "output")
    if info is None or not path.is_file():
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        with zipfile.ZipFile(path) as zf:
            sizes = {i.filename: i.file_size for i in zf.infolist()}
            if sizes.get(_CORE, _MAX_PROPS + 1) > _MAX_PROPS:
                return None
            core = zf.read(_CORE)
            if b"deckgen:sha256:" not in core:
                return None  # not deckgen's: the usual checks decide
            found = []
            if sizes.get(_APP, _MAX_PROPS + 1) <= _MAX_PROPS:
                found = etree.fromstring(zf.read(_APP), parser).xpath("./*[local-name()='Company']")
            found += etree.fromstring(core, parser).xpath("./*[local-name()='subject']")
    except (OSError, zipfile.BadZipFile, etree.XMLSyntaxError, ValueError):
        return None
    return next(("".join(el.itertext()) for el in found if "".join(el.itertext()).strip()), None)
