"""What a layout was made for, read from its name, and layouts its authors ruled out.

A corporate master says what each layout is for in its names, in the organisation's
language: "Titelfolie", "Kapiteltrenner blau", "封面", "Merci", "Thank You and Contact
Information". A layout made for one purpose serves only that purpose: the points never land
on a "Quote" or a "Danke" layout because its placeholders happen to match. Layouts whose name
or stamped text says "internal", "remove before sending" or "do not use" are never used.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from deckgen.template.names import (
    AGENDA,
    BIG_NUMBER,
    BLANK,
    CLOSING,
    COMPARISON,
    CONTENT,
    SECTION,
    TITLE,
    TITLE_ONLY,
    TWO_CONTENT,
    fold,
)

# Purposes a layout can state. "content", "title_only" and "blank" are general: any text
# slide may use them when its placeholders suit.
GENERAL = ("content", "title_only", "blank")

_EXACT: dict[str, tuple[str, ...]] = {
    "cover": TITLE + ("标题幻灯片", "封面", "表紙", "제목 슬라이드", "Титульный слайд", "Capa",
                      "Couverture", "Copertina", "Voorblad", "Okładka", "Title - Center",
                      "Title & Photo", "Title & Subtitle", "標題投影片", "Címdia",
                      "Rubrikbild", "Titelslide", "Tittellysbilde", "Otsikkodia",
                      "Úvodní snímek", "Başlık Slaydı", "Diapozitiv titlu",
                      "Διαφάνεια τίτλου", "Diapositiva de títol", "Page de titre",
                      "Page de garde", "Titre document", "Titre du document",
                      # the bare word for "title" in other languages (exact: "Titulo y
                      # objetos" is Spanish Office's title and content)
                      "Titulo", "Título", "Titre", "Titolo", "Tytuł", "Titul", "Титул",
                      "Titulní", "标题", "タイトル", "제목"),
    "divider": SECTION + ("节标题", "章节", "过渡页", "구역 머리글", "Заголовок раздела",
                          "Section Header", "SECTION_HEADER", "Main Point",
                          "Section Title and Description", "章節標題", "Szakaszfejléc",
                          "Avsnittsrubrik", "Afsnitsoverskrift", "Deloverskrift",
                          "Osan ylätunniste", "Záhlaví oddílu", "Bölüm Üst Bilgisi",
                          "Antet secțiune", "Κεφαλίδα ενότητας", "Titre de session"),
    "content": CONTENT + TWO_CONTENT + ("标题和内容", "两栏内容", "제목 및 내용", "標題及內容",
                                        "Cím és tartalom", "Rubrik och innehåll",
                                        "Titel og indhold", "Tittel og innhold",
                                        "Otsikko ja sisältö", "Nadpis a obsah",
                                        "Başlık ve İçerik", "Titlu și conținut",
                                        "Τίτλος και περιεχόμενο", "Title and non-bulleted text",
                                        "Заголовок и объект", "Content with Caption",
                                        "Inhalt mit Überschrift", "Contenu avec légende",
                                        "Conteúdo com Legenda", "ONE_COLUMN_TEXT",
                                        "TITLE_AND_TWO_COLUMNS", "Title and Contents", "Inhalt"),
    "agenda": AGENDA + ("目录", "목차", "Содержание", "Sumário", "Sommario"),
    "title_only": TITLE_ONLY + ("仅标题", "제목만", "Только заголовок", "Title - Top", "只有標題",
                                "Csak cím", "Endast rubrik", "Kun titel", "Bare tittel",
                                "Vain otsikko", "Pouze nadpis", "Yalnızca Başlık", "Doar titlu",
                                "Μόνο τίτλος"),
    "blank": BLANK + ("空白", "빈 화면", "Пустой слайд", "Vazio", "Empty", "Leer", "Leeg", "Üres",
                      "Tom", "Tomt", "Tyhjä", "Prázdný", "Boş", "Necompletat", "Κενή"),
    "comparison": COMPARISON + ("Сравнение", "비교"),
    "chart": BIG_NUMBER + ("BIG_NUMBER", "Big Fact"),
    "closing": CLOSING,
}

# Words inside a longer name, checked in this order: the first purpose found wins, so
# "Titelfolie mit Bild" is a cover and "Kapitel mit Bild" a divider, not picture layouts.
# Words of up to four letters must be whole words ("End", not "Agenda").
_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("closing", ("thank", "thanks", "thankyou", "danke", "dank", "dankeschon", "kontakt", "contact",
                 "closing", "schluss", "abschluss", "schlussfolie", "end", "ende", "outro",
                 "merci", "gracias", "obrigado", "obrigada", "grazie", "bedankt", "dziekuje",
                 "questions", "fragen", "q&a", "calltoaction", "encerramento", "agradecimento",
                 "谢谢", "致谢", "结束", "感谢", "ありがとう", "감사", "спасибо", "fin",
                 # the end or back page: "末尾幻灯片" (WPS), "封底", "尾页", "裏表紙"
                 "末尾", "结尾", "封底", "尾页", "终页", "エンディング", "裏表紙")),
    ("agenda", ("agenda", "inhaltsverzeichnis", "ubersicht", "overview", "tableofcontent",
                "contents", "sommaire", "indice", "inhoud", "inhoudsopgave", "spistresci",
                "sumario", "sommario", "目录", "目次", "목차", "содержание", "toc", "index")),
    ("quote", ("quote", "zitat", "citation", "cita", "citacao", "citazione", "citaat", "cytat",
               "引用", "引言", "인용", "цитата")),
    ("divider", ("divider", "devider", "zwischentitel", "sectionheader", "sectiontitle", "section",
                 "abschnitt", "kapitel", "trenner", "trennfolie", "intercalaire", "chapter",
                 "chapitre", "seccion", "secao", "sezione", "sectie", "sekcji", "part",
                 "节标题", "章节", "过渡", "見出し", "구역", "раздел", "mainpoint", "statement")),
    ("cover", ("cover", "titelfolie", "titleslide", "deckblatt", "titelseite", "portada",
               "capa", "couverture", "copertina", "voorblad", "okladka", "opening", "start",
               "ouverture", "pagedegarde", "pagedetitre", "titredocument",
               "封面", "标题幻灯片", "表紙", "タイトルスライド", "제목슬라이드", "титульный",
               "titulo da apresentacao", "titre de la presentation")),
    ("comparison", ("comparison", "vergleich", "comparaison", "comparacion", "comparacao",
                    "confronto", "vergelijking", "porownanie", "比较", "比較", "비교")),
    ("table", ("table", "tabelle", "tableau", "tabla", "tabella", "tabel", "tabela", "表格")),
    ("chart", ("kennzahl", "kpi", "chart", "diagramm", "bignumber", "bigfact", "statistic",
               "statistik", "grafico", "grafiek", "wykres", "keyfigure", "图表", "数据")),
    ("picture", ("picture", "photo", "foto", "bild", "image", "imagen", "immagine", "obraz",
                 "afbeelding", "fotografia", "图片", "写真", "사진", "рисунок")),
)

# Phrases that rule a layout out: its authors marked it as not for decks that leave the house.
_WARNINGS = (
    "internal", "intern", "interne", "nur intern", "internal only", "for internal use",
    "remove", "remove before", "please remove", "delete", "delete before", "loschen",
    "bitte loschen", "vor dem versand loschen", "entfernen", "do not use", "dont use",
    "don't use", "not for use", "nicht verwenden", "nicht benutzen", "nicht nutzen",
    "ne pas utiliser", "a supprimer", "supprimer", "no usar", "nao usar", "non usare",
    "niet gebruiken", "nie uzywac", "勿用", "请删除", "删除", "内部", "使用禁止", "削除",
)

_EXACT_FOLDED = {purpose: frozenset(fold(n) for n in names) for purpose, names in _EXACT.items()}


def _plain(text: str) -> str:
    """Lower case, accents off, anything but letters, digits, '&' and CJK as spaces."""
    text = unicodedata.normalize("NFKD", text.replace("\u00ad", ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("ß", "ss").replace("ł", "l").replace("’", "'")
    return " ".join(re.findall(r"[^\W_]+|&", text))


# Words that must stand alone: inside longer words they mean something else ("Contents" is
# an agenda, "Title and Contents" is not; "Flowchart", "Comfortable").
_WHOLE = frozenset(("contents", "overview", "indice", "index", "table", "chart", "image", "imagen",
                    "photo", "section", "start", "cover", "intern", "interne", "remove",
                    "delete", "statement", "opening", "closing", "contact", "thank", "thanks"))


def _has(words: str, folded: str, token: str) -> bool:
    if not token.isascii():
        return token in folded or token in words
    if (len(token) <= 4 or token in _WHOLE) and " " not in token:
        found = words.split()
        return token in found or f"{token}s" in found  # "Charts", "Quotes", "Images"
    return token.replace(" ", "") in folded


def purpose_of(name: str) -> str | None:
    """The purpose a layout's name states, or None when it states none."""
    if not name.strip():
        return None
    # "1_Title Slide" (PowerPoint's copy of a layout), "01_Title", "3. Agenda": numbered
    bare = re.sub(r"^\s*\d+[\s_.\-)]*(?=\D)", "", name)
    # "TITLE_1", "TITLE_AND_BODY_1": Google Slides' copies of its layouts, numbered at the end
    copied = re.sub(r"(?<=[A-Za-z])_\d+\s*$", "", bare)
    for folded in dict.fromkeys((fold(name), fold(bare), fold(copied))):
        for purpose, names in _EXACT_FOLDED.items():
            if folded in names:
                return purpose
    words = _plain(name)
    joined = words.replace(" ", "")
    for purpose, tokens in _WORDS:
        if any(_has(words, joined, t) for t in tokens):
            return purpose
    return None


# In text stamped on a layout, "internal" or "内部" is a classification label that a whole
# template carries (its cover too); only words that say to remove it or not to use it rule
# the layout out there.
_LABELS = frozenset(("internal", "intern", "interne", "nur intern", "internal only",
                     "for internal use", "内部"))


def warning_in(texts: Iterable[str], stamped: Iterable[str] = ()) -> str | None:
    """The first warning phrase in a layout's name (``texts``) or stamped text, as found."""
    for text, labels in [(t, True) for t in texts] + [(t, False) for t in stamped]:
        words = f" {_plain(text)} "
        for phrase in _WARNINGS:
            if not labels and phrase in _LABELS:
                continue
            p = _plain(phrase) if phrase.isascii() else phrase
            if (f" {p} " in words) if phrase.isascii() else (p in text):
                return " ".join(text.split())[:60]
    return None


# Which stated purposes each role accepts; a layout with another stated purpose is not a
# candidate for the role at all. General layouts are candidates for every role.
ROLE_PURPOSES: dict[str, tuple[str, ...]] = {
    "title": ("cover",),
    "statement": ("divider",),
    "quote": ("quote", "divider"),
    "agenda": ("agenda",),
    "bullets": (),
    "point": (),
    "sources": (),
    "closing": ("closing",),
    "statistic": ("chart", "comparison"),
    "comparison": ("comparison",),
    "table": ("table",),
    "image": ("picture",),
}


def serves(role: str, purpose: str | None) -> bool:
    """Whether a layout with this stated purpose may serve the role."""
    return purpose is None or purpose in GENERAL or purpose in ROLE_PURPOSES.get(role, ())


def made_for(role: str, purpose: str | None) -> bool:
    """The layout was made for this very role (its name says so)."""
    return purpose is not None and purpose in ROLE_PURPOSES.get(role, ())


_PICTURE_ONLY = re.compile(r"\b(only with|nur mit|uniquement avec|solo con)\b.*\b(image|picture|"
                           r"photo|bild|foto|imagen|immagine)", re.I)


def layout_purpose(name: str, stamped: Iterable[str] = ()) -> str | None:
    """A layout's purpose from its name, or from what its authors wrote on it ("Use this
    title slide only with an image" makes it a picture layout)."""
    stated = purpose_of(name)
    if any(_PICTURE_ONLY.search(text) for text in stamped):
        return "picture"
    return stated
