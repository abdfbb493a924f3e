"""Layout names as Office writes them in several UI languages, and how names are compared.

German PowerPoint names the section layout "Abschnitts-\\nüberschrift" (with a real line break),
so names are folded (case, accents, whitespace, line breaks, hyphens) before comparing.
Sources: the layout names of Office's default theme in each language.
"""

from __future__ import annotations

import re
import unicodedata

TITLE = (
    "Title Slide", "Titelfolie", "Diapositive de titre", "Diapositiva de título",
    "Diapositiva titolo", "Slide de Título", "Diapositivo de Título", "Titeldia",
    "Slajd tytułowy", "タイトル スライド", "Title", "Titel", "Cover", "Intro",
    "Title & Subtitle", "Title - Center", "Titelseite", "Deckblatt", "Portada", "Titelpagina",
)
CONTENT = (
    "Title and Content", "Titel und Inhalt", "Titre et contenu", "Título y objetos",
    "Titolo e contenuto", "Título e Conteúdo", "Titel en object", "Tytuł i zawartość",
    "タイトルとコンテンツ", "Title, Content", "Conteúdo", "Content", "One content", "Inhalt",
    "Title and body", "Title & Bullets", "Bullets", "Titel en inhoud", "Tytuł i treść",
    "Título y contenido",
)
SECTION = (
    "Section Header", "Abschnittsüberschrift", "Titre de section", "Encabezado de sección",
    "Intestazione sezione", "Cabeçalho da Seção", "Cabeçalho de Secção", "Sectiekop",
    "Nagłówek sekcji", "セクション見出し", "Section Title", "Section", "Divider", "Statement",
    "Kapitel", "Kapiteltrenner", "Zwischentitel", "Main point", "Section title and description",
)
TWO_CONTENT = (
    "Two Content", "Zwei Inhalte", "Deux contenus", "Dos objetos", "Due contenuti",
    "Duas Partes de Conteúdo", "Twee objecten", "Dwie zawartości", "2 つのコンテンツ",
    "Title, 2 Content",
)
COMPARISON = ("Comparison", "Vergleich", "Comparaison", "Comparación", "Confronto",
              "Comparação", "Vergelijking", "Porównanie", "比較")
TITLE_ONLY = ("Title Only", "Nur Titel", "Titre seul", "Solo el título", "Solo titolo",
              "Somente Título", "Apenas Título", "Alleen titel", "Tylko tytuł", "タイトルのみ")
BLANK = ("Blank", "Leer", "Vide", "En blanco", "Vuoto", "Em branco", "Leeg", "Pusty", "白紙",
         "Blank Slide")
BIG_NUMBER = ("Big Number", "Große Zahl", "Kennzahl", "Key Figure", "Statistic", "Statistik")
POINT = ("Numbered Point", "Nummerierter Punkt")
CLOSING = ("Closing", "Abschluss", "Schluss", "Schlussfolie", "End", "Ende", "Thank You",
           "Danke", "Call to Action")

# Names each role looks for, best first. Roles not listed fall back to placeholder signatures.
AGENDA = ("Agenda", "Inhaltsverzeichnis", "Table of Contents", "目次", "Inhalt", "Übersicht",
          "Overview", "Contents", "Sommaire", "Índice", "Inhoud", "Spis treści")

ROLE_NAMES: dict[str, tuple[tuple[str, ...], ...]] = {
    "title": (TITLE,),
    "statement": (SECTION,),
    "statistic": (BIG_NUMBER, TWO_CONTENT),
    "bullets": (CONTENT,),
    "agenda": (AGENDA, CONTENT),
    "point": (POINT, CONTENT),
    "closing": (CLOSING,),
    "sources": (CONTENT,),
    "quote": (("Quote", "Zitat", "Citation", "Cita", "Citazione", "Citação", "Citaat", "Cytat",
               "Statement"), SECTION),
    "comparison": (COMPARISON, TWO_CONTENT),
    "table": (("Table", "Tabelle", "Tableau", "Tabla", "Tabella", "Tabel", "Tabela"), CONTENT),
    "image": (("Picture with Caption", "Bild mit Überschrift", "Image avec légende",
               "Imagen con título", "Immagine con didascalia", "Afbeelding met bijschrift",
               "Obraz z podpisem", "Photo", "Foto", "Bild", "Image", "Picture"), CONTENT),
    # shapes deckgen draws itself: a title and room, best with nothing else on the layout
    "figures": (TITLE_ONLY, CONTENT),
    "roadmap": (("Roadmap", "Zeitplan", "Timeline"), TITLE_ONLY, CONTENT),
}


_SEPARATORS = re.compile(r"[\s\-‐‑–_]+")


def fold(name: str) -> str:
    """Compare names the way a person reads them: ignore case, accents, spaces and hyphens.

    An ASCII name has no accents to strip (most names; ~600 are folded at import)."""
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = text.replace("\u00ad", "")
    return _SEPARATORS.sub("", text).casefold()


FOLDED: dict[str, tuple[frozenset[str], ...]] = {
    role: tuple(frozenset(fold(n) for n in group) for group in groups)
    for role, groups in ROLE_NAMES.items()
}
