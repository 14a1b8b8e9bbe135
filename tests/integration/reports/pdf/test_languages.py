"""The whole PDF in another language: a pseudo-locale leaves no English sentence, German
and Spanish read back in their words, and a validated questionnaire stays as validated."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.dates import get_day_names, get_month_names
from pypdf import PdfReader

from ketajournal import language
from ketajournal.domain import locales
from ketajournal.domain.instruments import INSTRUMENTS, PFIZER_LICENCE
from ketajournal.reports.pdf import write_pdf
from ketajournal.services.journal import Journal
from ketajournal.services.reports import build_report
from resources import core_catalogue
from tests.integration.services.test_reports import fill

#: Words that stay as they are in every language: names, units, abbreviations.
PROPER = {"PHQ", "GAD", "MOAA", "SpO", "mmHg", "min", "mg", "kg", "bpm"}


def validated_words() -> set[str]:
    """The questionnaires' own words (items, answers) and the licence, quoted as issued."""
    texts = [PFIZER_LICENCE]
    for questionnaire in INSTRUMENTS.values():
        texts += [item.text for item in questionnaire.items]
        texts += [option.label for option in questionnaire.options]
        if questionnaire.extra is not None:
            texts += [option.label for option in questionnaire.extra.options]
    return {word for text in texts for word in re.findall(r"[^\W\d_]+", text)}


def date_words(locale: str) -> set[str]:
    """Month and weekday names as Babel writes them (dates are the locale's, not ours)."""
    names: set[str] = set()
    for width in ("abbreviated", "wide"):
        for context in ("format", "stand-alone"):
            names.update(get_month_names(width, context, locale=locale).values())
            names.update(get_day_names(width, context, locale=locale).values())
    return {word for name in names for word in re.findall(r"[^\W\d_]+", name)}


def report_text(journal: Journal, target: Path, **options: object) -> str:
    """The PDF of the demo journal, every page's text read back in one line."""
    report = build_report(journal, None, None, include_notes=False, name="Dr. Example",
                          since_last_appointment=False, year_page=True, **options)
    write_pdf(report, target)
    return " ".join(" ".join(page.extract_text() for page in PdfReader(target).pages).split())


def outside_marks(text: str) -> str:
    """The text with every pseudo-translated span (nested ones too) taken out."""
    previous = None
    while previous != text:
        previous, text = text, re.sub(r"«[^«»]*»", " ", text)
    return text


def test_the_pseudo_locale_leaves_no_english_sentence_in_the_whole_pdf(
        journal: Journal, tmp_path: Path) -> None:
    fill(journal)
    core_catalogue.install_pseudo()
    locales.use("de")
    text = report_text(journal, tmp_path / "pseudo.pdf")
    assert text.count("«") > 300  # it did speak the pseudo-locale
    allowed = {word.lower() for word in
               PROPER | validated_words() | date_words("de") | {"Dr", "Example"}}
    left = sorted({word for word in re.findall(r"[^\W\d_]{2,}", outside_marks(text))
                   if word.lower() not in allowed})
    assert left == [], f"untranslated: {left}"


def test_a_german_pdf_reads_back_in_german(journal: Journal, tmp_path: Path) -> None:
    fill(journal)
    language.use("de")
    locales.follow("de")
    text = report_text(journal, tmp_path / "de.pdf")
    for heading in ("Zusammenfassung des Behandlungstagebuchs", "Sitzungen im Zeitraum",
                    "Stimmung und Fragebögen: Ausgangswert und jetzt",
                    "Booster: wie lange jeder hielt", "Nebenwirkungen im Zeitraum",
                    "Blutdruck bei den Sitzungen (mmHg)", "Details des Zeitraums",
                    "Definitionen der Booster-Auswertung", "Seite 1 von"):
        assert heading in text
    assert "Dez." in text  # German dates, not the journal's English
    # The questionnaires are quoted in their validated English, and say so.
    assert "validierten englischen Fassung" in text
    assert "Side effects" not in text and "page 1 of" not in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_a_spanish_pdf_read_by_pdftotext_has_spanish_headings(
        journal: Journal, tmp_path: Path) -> None:
    fill(journal)
    language.use("es")
    locales.follow("es")
    report = build_report(journal, None, None, include_notes=False, name=None,
                          since_last_appointment=False)
    write_pdf(report, tmp_path / "es.pdf")
    text = subprocess.run(["pdftotext", str(tmp_path / "es.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "Resumen del diario de tratamiento" in text
    assert "Efectos secundarios en el periodo" in text
