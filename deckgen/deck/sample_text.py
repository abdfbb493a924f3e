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
from typing import Any

from deckgen.pitch.plan import DeckPlan
from deckgen.template.index import drawn_shapes

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"

_TOKEN = re.compile(r"[<\[«‹]\s*([^<>\[\]«»‹›]{1,40}?)\s*[>\]»›]")
_FILE = re.compile(r"\b[\w\-]+(?:[ .][\w\-]+)*\.(?:pptx?|potx?|pptm|odp|otp|key)\b", re.I)
_SAMPLES = re.compile(
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
            for shape in drawn_shapes(part._element):
                if shape.tag != f"{P}sp":
                    continue
                before = _text(shape)
                if not before.strip() or not _has_sample(before):
                    continue
                for t in shape.iter(f"{A}t"):
                    t.text = _replaced(t.text or "", values)
                after = _text(shape)
                if re.sub(r"[\W_]+", "", after):
                    notes.append(f"example text {before.strip()[:40]!r} on {where} "
                                 f"replaced with {after.strip()[:40]!r}")
                else:
                    shape.getparent().remove(shape)
                    notes.append(f"example text {before.strip()[:40]!r} removed from {where}")
    return list(dict.fromkeys(notes))


def _text(shape: Any) -> str:
    return "".join(t.text or "" for t in shape.iter(f"{A}t"))


def _has_sample(text: str) -> bool:
    return bool(_TOKEN.search(text) or _FILE.search(text) or _SAMPLES.search(text))


def _replaced(text: str, values: dict[str, str]) -> str:
    def token(m: re.Match[str]) -> str:
        word = m.group(1).strip().casefold()
        for key, names in _NAMES.items():
            if word in names:
                return values.get(key, "")
        return ""

    text = _TOKEN.sub(token, text)
    text = _FILE.sub("", text)
    return _SAMPLES.sub(lambda m: values.get("presenter", ""), text)
