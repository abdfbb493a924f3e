"""Baseline for ``bench/run.py``: the deckgen slides written with bare python-pptx.

Usage::

    .venv/bin/python bench/bare_pptx.py OUT.pptx [COMPANY]

Makes the same 13 slides as ``deckgen build --company COMPANY`` (default ``Acme``): title,
statement, statistic with a native doughnut chart (2 points), problem bullets, agenda,
six point slides, closing, sources. Titles and bodies go into the placeholders of
python-pptx's default template and every slide gets speaker notes. It deliberately does none
of deckgen's extra work (YAML/Jinja content, template resolution, text fitting, brand styling,
footers, slide numbers, deterministic/atomic save), so it is the floor for "13 slides with
python-pptx" in a fresh interpreter.

The content is hard-coded (no YAML parser) and also used by ``run.py`` to write the
equivalent Markdown for the pandoc baseline.
"""

from __future__ import annotations

import sys

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE


def slides(company: str = "Acme") -> list[dict]:
    """The deck as plain data: one dict per slide (kind, title, body paragraphs, notes)."""
    c = company
    points = [
        ("Symbolwirkung",
         "Eine eigene Abteilung signalisiert allen Mitarbeitern die Relevanz von Social Media.",
         "Der erste Punkt ist die Symbolwirkung. Eine eigene Abteilung ist ein Signal an alle "
         "Mitarbeiter: Social Media ist relevant. Wer dem Thema eine eigene Einheit gibt, zeigt "
         "damit, welchen Stellenwert es im Unternehmen hat."),
        ("Durchsetzungskraft",
         "Im Kampf gegen internes Kompetenzgerangel brauchen die Social-Media-Experten eigenes "
         "Gewicht.",
         "Zweitens: Durchsetzungskraft. Wir haben gesehen, dass Kompetenzgerangel zwischen den "
         "Abteilungen oft ein Grund für die Probleme ist. Um sich dagegen zu behaupten, brauchen "
         "die Social-Media-Experten eigenes Gewicht – und das gibt ihnen eine eigene "
         "Stabsstelle."),
        ("Neutralität im interdisziplinären Team",
         "Neutralität allen Abteilungen gegenüber kann nur durch ein bunt besetztes Team "
         "erlangt werden.",
         "Drittens: Neutralität im interdisziplinären Team. Die Social-Media-Einheit soll allen "
         "Abteilungen gegenüber neutral sein. Das erreicht man laut Vivian Pein nur mit einem "
         "bunt besetzten, also interdisziplinären Team."),
        ("Eigenverantwortung",
         "Nichts steigert die Motivation mehr als gewährte Verantwortung. Nutzen wir diese "
         f"Aufbruchsstimmung für {c}.",
         "Viertens: Eigenverantwortung. Nichts steigert die Motivation mehr als Verantwortung, "
         "die einem übertragen wird. Eine eigene Stabsstelle bedeutet genau diese Verantwortung "
         f"– und die Aufbruchsstimmung, die daraus entsteht, können wir für {c} nutzen."),
        ("Erweiterung der Möglichkeiten",
         "Eine unabhängige Abteilung hat die Chance, Ideen unkonventionell umzusetzen – ohne "
         "Angst vor schlechter Bewertung durch übergeordnete Abteilungen.",
         "Fünftens: die Erweiterung der Möglichkeiten. Eine unabhängige Abteilung hat die "
         "Chance, Ideen auch unkonventionell umzusetzen, ohne Angst vor einer schlechten "
         "Bewertung durch übergeordnete Abteilungen. Das ist das Gegenmittel zu den beerdigten "
         "Ideen, von denen eben die Rede war."),
        ("Relevante KPIs",
         "Klassische, oft wenig passende Kennzahlen lassen sich schneller überwinden, wenn die "
         "Abteilung unabhängig ist und wirklich relevante KPIs für sich identifiziert.",
         "Sechstens: relevante KPIs. Klassische Leistungskennzahlen passen oft wenig. Eine "
         "unabhängige Abteilung kann sie schneller überwinden, weil sie selbst die wirklich "
         "relevanten KPIs für sich identifiziert."),
    ]
    url = ("http://der-socialmediamanager.de/"
           "plaedoyer-fuer-eine-unabhaengige-social-media-abteilung/")
    deck = [
        {"kind": "title", "title": "Social Media braucht eine eigene Abteilung",
         "body": [f"Ein Vorschlag für {c}"],
         "notes": "Ich möchte heute für eine Idee werben: eine eigene, unabhängige "
                  f"Social-Media-Abteilung bei {c}. Grundlage ist ein Plädoyer von Vivian Pein, "
                  "erschienen auf der-socialmediamanager.de. Anlass dafür war eine aktuelle "
                  "Studie des Bundesverbands Digitale Wirtschaft (BVDW) über den Einsatz von "
                  "Social Media in Unternehmen."},
        {"kind": "statement", "title": "Social Media braucht eine eigene, unabhängige Abteilung",
         "body": ["Vivian Pein hält ein couragiertes Plädoyer für eine eigene und vor allem "
                  "unabhängige Social-Media-Abteilung. Anlass ist eine aktuelle BVDW-Studie zum "
                  "Einsatz von Social Media in Unternehmen."],
         "notes": "Das ist die Kernaussage eines Plädoyers von Vivian Pein. Sie hat eine "
                  "aktuelle Studie des BVDW über den Einsatz von Social Media in Unternehmen "
                  "zum Anlass genommen, sich für eine eigene Abteilung starkzumachen. Wichtig "
                  "ist dabei nicht nur das Wort „eigene“, sondern vor allem das Wort "
                  "„unabhängige“."},
        {"kind": "statistic",
         "title": "Nur jedes zehnte Unternehmen gönnt sich eine eigene Einheit",
         "body": ["1 von 10",
                  "Nur jedes zehnte deutsche Unternehmen gönnt seinen Social-Media-Experten "
                  "eine eigene Abteilung oder Stabsstelle.",
                  "Quelle: BVDW-Studie zum Einsatz von Social Media in Unternehmen"],
         "chart": (("Eigene Abteilung/Stabsstelle", 10.0), ("Ohne eigene Einheit", 90.0)),
         "notes": "Die BVDW-Studie liefert eine ernüchternde Zahl: Nur jedes zehnte deutsche "
                  "Unternehmen gönnt seinen Social-Media-Experten eine eigene Abteilung oder "
                  "Stabsstelle. Bei den übrigen neun von zehn gibt es keine eigene Einheit "
                  "dafür. Genau hier setzt das Plädoyer von Vivian Pein an."},
        {"kind": "bullets", "title": "Was Social-Media-Manager heute erleben",
         "body": ["„Selbsthilfegruppen für Social-Media-Manager“ auf Barcamps: große Probleme "
                  "mit der vorgesetzten Abteilung",
                  "Kampagnen und Aktivitäten werden häufig niedrig priorisiert",
                  "Gute Ideen werden nicht selten beerdigt, weil sie außerhalb des "
                  "Kerngeschäfts der Abteilung liegen",
                  "Dabei wird Social Media zum wichtigsten Außenposten der meisten Unternehmen",
                  "Ursachen: oft Kompetenzgerangel zwischen den Abteilungen – oder schlichtweg "
                  "Unwissenheit"],
         "notes": "Vivian Pein hat auf unzähligen Barcamps, unter anderem in vielen "
                  "„Selbsthilfegruppen für Social-Media-Manager“, immer wieder dieselbe "
                  "Erfahrung gemacht: Social-Media-Manager in deutschen Unternehmen haben "
                  "häufig große Probleme mit der ihnen vorgesetzten Abteilung. Ihre Kampagnen "
                  "werden niedrig priorisiert, und gute Ideen werden nicht selten ganz "
                  "beerdigt, weil sie nicht zum Kerngeschäft der Abteilung gehören. Und das, "
                  "obwohl Social Media zum wichtigsten Außenposten der meisten Unternehmen "
                  "wird. Die Gründe sind oft Kompetenzgerangel oder schlichtweg Unwissenheit."},
        {"kind": "bullets", "title": "Sechs Vorteile einer eigenen Social-Media-Stabsstelle",
         "body": [t for t, _, _ in points],
         "notes": "Vivian Pein fasst die Vorteile einer eigenen Social-Media-Stabsstelle in "
                  "sechs Punkten zusammen: Symbolwirkung, Durchsetzungskraft, Neutralität im "
                  "interdisziplinären Team, Eigenverantwortung, Erweiterung der Möglichkeiten "
                  "und relevante KPIs. Ich gehe sie der Reihe nach durch."},
    ]
    for i, (title, statement, notes) in enumerate(points, 1):
        deck.append({"kind": "point", "title": title, "body": [str(i), statement],
                     "notes": notes})
    deck += [
        {"kind": "bullets", "title": f"Unser Vorschlag für {c}",
         "body": [f"Eine eigene, unabhängige Social-Media-Stabsstelle bei {c} einrichten",
                  "Die Stabsstelle interdisziplinär besetzen – neutral gegenüber allen "
                  "Abteilungen",
                  "Dem Team Eigenverantwortung und Raum für unkonventionelle Ideen geben",
                  "Die Stabsstelle identifiziert ihre eigenen, wirklich relevanten KPIs"],
         "notes": f"Mein Vorschlag lautet daher: Richten wir bei {c} eine eigene, unabhängige "
                  "Social-Media-Stabsstelle ein. Besetzen wir sie bunt und interdisziplinär, "
                  "damit sie allen Abteilungen gegenüber neutral bleibt. Geben wir dem Team "
                  "Verantwortung und den Freiraum, Ideen auch unkonventionell umzusetzen – und "
                  "lassen wir es die KPIs identifizieren, die wirklich relevant sind. So senden "
                  "wir zugleich ein klares Signal an alle Mitarbeiter."},
        {"kind": "sources", "title": "Quellen",
         "body": ["Vivian Pein: Plädoyer für eine unabhängige Social-Media-Abteilung", url,
                  "Bundesverband Digitale Wirtschaft (BVDW): Studie zum Einsatz von Social "
                  "Media in Unternehmen"],
         "url": url,
         "notes": "Das vollständige Plädoyer von Vivian Pein ist auf der-socialmediamanager.de "
                  "nachzulesen. Die Zahl zu eigenen Social-Media-Abteilungen stammt aus der "
                  "aktuellen BVDW-Studie über den Einsatz von Social Media in Unternehmen, die "
                  "Pein zum Anlass für ihr Plädoyer genommen hat."},
    ]
    return deck


# python-pptx default template: 0 Title Slide, 1 Title and Content, 2 Section Header,
# 3 Two Content.
LAYOUT = {"title": 0, "statement": 2, "statistic": 3, "bullets": 1, "point": 1, "sources": 1}


def fill(placeholder, paragraphs: list[str], url: str | None = None) -> None:
    tf = placeholder.text_frame
    tf.text = paragraphs[0]
    for text in paragraphs[1:]:
        para = tf.add_paragraph()
        run = para.add_run()
        run.text = text
        if text == url:
            para.level = 1
            run.hyperlink.address = url


def build(out: str, company: str = "Acme") -> None:
    prs = Presentation()
    for spec in slides(company):
        slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT[spec["kind"]]])
        ph = slide.placeholders
        slide.shapes.title.text = spec["title"]
        fill(ph[1], spec["body"], spec.get("url"))
        if "chart" in spec:
            right = ph[2]
            data = CategoryChartData(number_format='0" %"')
            data.categories = [label for label, _ in spec["chart"]]
            data.add_series("Anteil", [value for _, value in spec["chart"]])
            chart = slide.shapes.add_chart(XL_CHART_TYPE.DOUGHNUT, right.left, right.top,
                                           right.width, right.height, data).chart
            chart.has_legend = True
            chart.plots[0].has_data_labels = True
            right.element.getparent().remove(right.element)
        slide.notes_slide.notes_text_frame.text = spec["notes"]
    prs.save(out)


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print("usage: bare_pptx.py OUT.pptx [COMPANY]", file=sys.stderr)
        return 2
    build(argv[1], argv[2] if len(argv) == 3 else "Acme")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
