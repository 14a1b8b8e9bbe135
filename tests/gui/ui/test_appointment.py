"""The Appointment screen shows page 1's summary and exports the clinician PDF."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from ketajournal.domain.models import Event, EventKind
from ketajournal.services import demo
from ketajournal.services.journal import Journal
from ketajournal.services.reports import build_report
from ketajournal.ui.appointment import AppointmentView
from ketajournal.ui.controller import JournalController


@pytest.fixture
def view(qtbot: QtBot, journal: Journal) -> Iterator[AppointmentView]:
    data = demo.generate(journal.now())
    journal.log_all(data.entries, data.session_of)
    widget = AppointmentView(JournalController(journal))
    widget.open_when_done.setChecked(False)
    qtbot.addWidget(widget)
    yield widget


def test_since_last_appointment_shows_the_page_one_figures(
    view: AppointmentView, journal: Journal
) -> None:
    expected = build_report(journal, None, None, include_notes=False, name=None,
                            since_last_appointment=True).summary
    text = view.browser.toPlainText()
    assert expected.period.label in text
    for figure in expected.key_figures():
        assert figure.value in text, figure.label
    assert expected.boosters.tolerance_sentence in text


def test_a_new_appointment_moves_the_period(view: AppointmentView, journal: Journal) -> None:
    view.controller.log(Event(at=journal.now() - timedelta(hours=3),
                              event_kind=EventKind.APPOINTMENT))
    assert view.report is not None
    assert view.report.period.start == journal.now().date()


def test_chosen_period_and_no_appointment_message(
    qtbot: QtBot, journal: Journal
) -> None:
    widget = AppointmentView(JournalController(journal))
    qtbot.addWidget(widget)
    assert widget.report is None and "appointment" in widget.message.text().lower()
    widget.chosen.setChecked(True)
    assert widget.report is not None and widget.message.text() == ""


def test_export_pdf_writes_the_report_in_the_background(
    qtbot: QtBot, view: AppointmentView, tmp_path: Path
) -> None:
    target = tmp_path / "summary.pdf"
    view.name.setText("For Dr Example")
    view.export_pdf(target)
    qtbot.waitUntil(lambda: "Wrote a" in view.message.text(), timeout=20000)
    reader = PdfReader(str(target))
    first = reader.pages[0].extract_text()
    assert "page 1 of" in first and "For Dr Example" in first


def test_a_hidden_appointment_view_only_marks_itself_stale_until_shown(
    qtbot: QtBot, view: AppointmentView, journal: Journal
) -> None:
    before = view.browser.toPlainText()
    view.controller.log(Event(at=journal.now() - timedelta(hours=3),
                              event_kind=EventKind.APPOINTMENT))
    assert view.stale and view.browser.toPlainText() == before  # nothing rebuilt yet
    view.show()
    qtbot.waitExposed(view)
    assert not view.stale
    expected = build_report(journal, None, None, include_notes=False, name=None,
                            since_last_appointment=True).summary
    assert expected.period.start == journal.now().date()
    assert expected.period.label in view.browser.toPlainText()
    assert view.browser.toPlainText() != before


def test_a_shown_appointment_view_rebuilds_at_once(
    qtbot: QtBot, view: AppointmentView, journal: Journal
) -> None:
    view.show()
    qtbot.waitExposed(view)
    view.controller.log(Event(at=journal.now() - timedelta(hours=3),
                              event_kind=EventKind.APPOINTMENT))
    assert not view.stale
    expected = build_report(journal, None, None, include_notes=False, name=None,
                            since_last_appointment=True).summary
    assert expected.period.label in view.browser.toPlainText()


def test_the_year_page_box_adds_a_year_in_pixels_page(
    qtbot: QtBot, view: AppointmentView, tmp_path: Path, journal: Journal
) -> None:
    # One month within one calendar year: exactly one year page more.
    view.chosen.setChecked(True)
    today = journal.now().date()
    view.start.setDate(QDate(today.year, today.month, 1))
    assert not view.year_page.isChecked()  # off by default, as --year-page
    view.export_pdf(tmp_path / "plain.pdf")
    qtbot.waitUntil(lambda: "plain.pdf" in view.message.text(), timeout=20000)
    view.year_page.setChecked(True)
    view.export_pdf(tmp_path / "years.pdf")
    qtbot.waitUntil(lambda: "years.pdf" in view.message.text(), timeout=20000)
    plain = [p.extract_text() for p in PdfReader(str(tmp_path / "plain.pdf")).pages]
    years = [p.extract_text() for p in PdfReader(str(tmp_path / "years.pdf")).pages]
    assert len(years) == len(plain) + 1
    assert [t for t in years if f"Year in pixels: {today.year}" in t]
    assert not [t for t in plain if "Year in pixels:" in t]
