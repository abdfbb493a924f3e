"""Example text the template's masters and layouts show on every slide, replaced or removed.

Templates carry text their authors meant to be overwritten: "<Autor>", "<Dateiname>.ppt",
"Max Mustermann", another deck's file name in a text box on the master. Left as it is, it
shows on every slide of the deck. A bracketed token that names something the deck knows
(author, company, title, date) gets the deck's value; any other such text is removed, and a
shape left with nothing to say goes. Real text a template shows (a claim, a web address,
"Vertraulich") is not touched.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from deckgen.lazy_re import Lazy as _Lazy

if TYPE_CHECKING:
    from deckgen.pitch.plan import DeckPlan

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


_TOKEN = _Lazy(r"[<\[«‹]\s*([^<>\[\]«»‹›]{1,40}?)\s*[>\]»›]|\{\{\s*([^{}]{1,40}?)\s*\}\}"
                    r"|(?<![\w#&])#([A-Za-z]+_\w+)")  # <Autor>, {{layoutName}}, #main_title
_FILE = _Lazy(r"(?:[<\[«‹][^<>\[\]«»‹›]{1,40}[>\]»›]|\b[\w\-]+(?:[ .][\w\-]+)*)"
                   r"\.(?:pptx?|potx?|pptm|odp|otp|key)\b", re.I)
_DATE = _Lazy(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b")
_LETTER = _Lazy(r"[^\W\d_]")  # what is left must say something: not just "01.01.2020"
_SAMPLES = _Lazy(
    r"\b(?:max|erika) mustermann\b|\b(?:john|jane) doe\b|\bvorname nachname\b|"
    r"\bfirst ?name last ?name\b|\bname surname\b|\blorem ipsum\b|\bnome sobrenome\b|"
    r"\bpr[ée]nom nom\b", re.I)
# what a bracketed token names, in the languages templates are written in
_NAMES = {
    "presenter": ("autor", "author", "autorin", "name", "referent", "referentin", "presenter",
                  "speaker", "vortragende", "verfasser", "auteur", "nome", "nombre", "redner"),
    "company": ("firma", "company", "unternehmen", "organisation", "organization",
                "institution", "entreprise", "empresa", "kunde", "client"),
    "title": ("titel", "title", "thema", "topic", "präsentationstitel", "presentation title",
              "titel der präsentation", "vortragstitel", "titre", "título", "titolo"),
    "date": ("datum", "date", "data", "fecha"),
}


def clean_sample_text(prs: Any, plan: DeckPlan) -> list[str]:
    """Replace or remove example text on every master and layout; one note per change."""

    values = {"presenter": plan.presenter, "company": plan.company, "title": plan.title,
              "date": plan.date}
    notes: list[str] = []
    for mi, master in enumerate(prs.slide_masters, 1):
        parts = [(f"master {mi}", master)] + [
            (f"layout {layout.name!r}", layout) for layout in master.slide_layouts]
        for where, part in parts:
            tree = part._element.find(f"{P}cSld/{P}spTree")
            for shape in list(tree.iter(f"{P}sp")) if tree is not None else ():
                if shape.find(f"{P}nvSpPr/{P}nvPr/{P}ph") is not None:
                    continue  # a placeholder's prompt shows on no slide
                before = _text(shape)
                if not before.strip() or not _has_sample(before):
                    continue
                whole = is_prompt(before)  # a prompt split into runs ("Content ", "goes here")
                for t in _own_runs(shape):
                    t.text = "" if whole else _replaced(t.text or "", values)
                after = _text(shape)
                if _LETTER.search(after) or shape.find(f".//{A}fld") is not None:
                    notes.append(f"example text {before.strip()[:40]!r} on {where} "
                                 f"replaced with {after.strip()[:40]!r}")
                else:
                    shape.getparent().remove(shape)
                    notes.append(f"example text {before.strip()[:40]!r} removed from {where}")
    return list(dict.fromkeys(notes))


def _own_runs(shape: Any) -> list[Any]:
    """The text a person typed, not a field's: the slide number PowerPoint shows as '‹#›' and
    the date are filled in on every slide, and a template's number box is no example text."""
    return [t for t in shape.iter(f"{A}t") if t.getparent().tag != f"{A}fld"]


def _text(shape: Any) -> str:
    """The typed text, a line per paragraph and line break (a prompt is read line by line)."""
    lines = []
    for para in shape.iter(f"{A}p"):
        parts = []
        for el in para.iter(f"{A}t", f"{A}br"):
            if el.tag == f"{A}br":
                parts.append("\n")
            elif el.getparent().tag != f"{A}fld":
                parts.append(el.text or "")
        lines.append("".join(parts))
    return "\n".join(lines)


def only_sample_shape(shape: Any) -> bool:
    """`only_sample` for a drawn shape: a shape holding a field (the page number) is never
    example text, whatever the rest of it says."""
    return shape.find(f".//{A}fld") is None and only_sample(_text(shape))


# A layout's own instructions to the person filling it in ("Use this title slide only with
# an image", "Bild hier einfügen"): they show on every slide of the layout if left.
INSTRUCTION = _Lazy(
    r"^\s*(use this|please use|only use|use only|insert |replace |click |klicken |hier |"
    r"bitte |diese folie|dieses layout|this slide|this layout|nur mit |only with |"
    r"verwenden sie|place your|add your|enter your|type your|bild einf|image here|"
    r"(?:bild|foto|grafik|logo) hier|ins[ée]rer |ins[ée]rez |inserire |insertar |inserir |"
    r"picture here|photo here|insert (an? )?(image|picture|photo))", re.I)


# A text box that only names what goes there ("Slide Title", "Content goes here", "标题",
# "No more than two lines", "Your Team Name"): a prompt drawn as plain text, where the
# template's author meant a placeholder; on every slide of the layout if left.
_PROMPT = _Lazy(
    r"^\s*(?:(?:(?:slide|presentation|main|sub|section|chapter|page)\s*)?"
    r"(?:title|subtitle|heading|headline)s?|titel|untertitel|[üu]berschrift|titre|sous-titre|"
    r"t[íi]tulo|subt[íi]tulo|titolo|sottotitolo|tytu[łl]|podtytu[łl]|"
    r"标题|副标题|小标题|主标题|標題|副標題|제목|부제목|부제|タイトル|サブタイトル|見出し|"
    r"(?:\w+\s+){0,3}goes here|(?:add|enter|type|insert)?\s*(?:your\s+)?(?:text|content|"
    r"title|subtitle|name|logo|team name|company name)\s+here|"
    r"your\s+(?:team\s+|company\s+|full\s+)?(?:name|logo|title|text)|"
    r"(?:no|not) more than (?:one|two|three|\d) lines?|max(?:imal|imum|\.)? ?(?:\d|zwei|two) "
    r"(?:zeilen|lines))\s*[.:!]?\s*$", re.I)


_FIELD_WORDS = frozenset(("author", "autor", "autorin", "auteur", "name", "date", "datum",
                          "presenter", "speaker", "referent", "referentin", "company", "firma",
                          "department", "abteilung", "institution", "location", "ort", "event",
                          "veranstaltung", "place"))
_SEPARATOR = _Lazy(r"\s+[·|•–—-]\s+|\s{2,}|\s*[|•·]\s*")


def is_prompt(text: str) -> bool:
    """Every line of the text is a prompt: it names the text that goes there, nothing else
    ("Slide Title", "Author · Presentation Title", "Titel\nmax. zwei Zeilen")."""
    lines = [line for line in re.split(r"[\n\r\v]+", text) if line.strip()]
    if not lines:
        return False
    prompts = 0
    for line in lines:
        for piece in (p for p in _SEPARATOR.split(line.strip()) if p.strip()):
            if _PROMPT.match(piece):
                prompts += 1
            elif piece.strip().casefold() not in _FIELD_WORDS:
                return False
    return prompts > 0


def _has_sample(text: str) -> bool:
    return bool(_TOKEN.search(text) or _FILE.search(text) or _SAMPLES.search(text)
                or (len(text) <= 160 and INSTRUCTION.search(text)) or is_prompt(text))


def only_sample(text: str) -> bool:
    """The text is example text through and through: it goes, whatever the deck's values,
    so it is no obstacle for the deck's own text either."""
    if not text.strip() or not _has_sample(text):
        return False
    return not _LETTER.search(_replaced(text, {}))


def _replaced(text: str, values: dict[str, str]) -> str:
    if len(text) <= 160 and INSTRUCTION.search(text) or is_prompt(text):
        return ""
    def token(m: re.Match[str]) -> str:
        word = next(g for g in m.groups() if g is not None).strip().casefold()
        for key, names in _NAMES.items():
            if word in names:
                return values.get(key, "")
        return ""

    before = text
    text = _FILE.sub("", text)
    text = _TOKEN.sub(token, text)
    text = _SAMPLES.sub(lambda m: values.get("presenter", ""), text)
    if text == before:
        return text
    # a separator left at an edge by a removed token ("IETF Hackathon - <Project name>")
    # or between two ("A | <x> | B") goes with it
    text = _TWICE.sub(lambda m: m.group(1), text)
    return _EDGE.sub("", text)


_EDGE = _Lazy(r"^\s*[-–—|·:/,]\s*|\s*[-–—|·:/,]\s*$")
_TWICE = _Lazy(r"(\s[-–—|·/]\s)\s*[-–—|·/]\s*")


def carried_text(shape: Any) -> bool | None:
    """Whether the text of a shape the example slides repeat may ride along onto the deck:
    ``None`` when it has none. A label (a claim, "Vertraulich") is short; example tokens
    ('#main_title', '{{layoutName}}') and a filler sentence the vendor put on every sample
    slide ('Enjoy your stylish business…') are not the organisation's."""
    text = _text(shape).strip()
    if not text:
        return None
    # a date is the example deck's own ("23/01/2023" beside its footer): the deck has its own
    return not _has_sample(text) and not _DATE.search(text) and (
        len(text.split()) <= MAX_LABEL_WORDS)


MAX_LABEL_WORDS = 6
