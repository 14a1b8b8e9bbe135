"""Page 1 as HTML for the Appointment screen: the same figures as the PDF, escaped."""

from __future__ import annotations

from html import escape

from ketajournal import language
from ketajournal.reports.summary_html import summary_html
from ketajournal.services.journal import Journal
from ketajournal.services.reports import build_report
from tests.support.demo_reports import fill


def test_the_html_holds_every_key_figure_and_the_period(journal: Journal) -> None:
    fill(journal)
    summary = build_report(
        journal, None, None, include_notes=False, name=None, since_last_appointment=False
    ).summary
    html = summary_html(summary)
    assert html.startswith(f"<h2>Summary: {escape(summary.period.label)}</h2>")
    for figure in summary.key_figures():
        assert escape(figure.label) in html and escape(figure.value) in html, figure.label
    assert f"<h3>Sessions in the period: {summary.sessions.count}</h3>" in html
    assert "<script" not in html


def test_an_empty_journal_gives_a_summary_that_says_so(journal: Journal) -> None:
    summary = build_report(
        journal, None, None, include_notes=False, name=None, since_last_appointment=False
    ).summary
    html = summary_html(summary)
    assert "<h3>Sessions in the period: 0</h3>" in html and "not filled" in html
    assert "No PHQ-9 was filled in this period." in html


def test_the_html_speaks_the_language_in_use_with_the_pdfs_words(journal: Journal) -> None:
    fill(journal)
    language.use("de")
    try:
        html = summary_html(build_report(
            journal, None, None, include_notes=False, name=None, since_last_appointment=False
        ).summary)
    finally:
        language.use("en")
    assert html.startswith("<h2>Zusammenfassung: ")
    assert "<h3>Nebenwirkungen im Zeitraum</h3>" in html
    assert "<th align='left'>Ausgangswert</th>" in html and "Baseline" not in html
