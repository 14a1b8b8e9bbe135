"""The Medications screen: start, change and stop through the form, undo, and the history.

"Today" is the fixed clock's Fri 27 Nov 2026.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from ketajournal.domain.medications import MedicationClass
from ketajournal.services.journal import Journal
from ketajournal.ui.controller import JournalController
from ketajournal.ui.main_window import MainWindow
from ketajournal.ui.medications import MedicationDialog, MedicationsView


@pytest.fixture
def view(qtbot: QtBot, journal: Journal) -> MedicationsView:
    shown = MedicationsView(JournalController(journal))
    qtbot.addWidget(shown)
    shown.resize(1000, 640)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def fill(dialog: MedicationDialog, name: str, dose: str = "", mg: float | None = None,
         day: date | None = None) -> None:
    dialog.name.setEditText(name)
    dialog.dose.setText(dose)
    dialog.dose_mg.set_optional(mg)
    if day is not None:
        dialog.day.setDate(QDate(day.year, day.month, day.day))


def test_start_change_stop_through_the_form_and_undo_each(view: MedicationsView) -> None:
    assert view.current_heading.text() == "Taken today: none recorded"
    assert not view.change_button.isEnabled() and not view.stop_button.isEnabled()

    dialog = view.open_form("start", show=False)
    fill(dialog, "sertraline", "50 mg once a day", 50, date(2026, 9, 1))
    # Picked from the common list: its class follows.
    assert dialog.medication_class.currentData() == MedicationClass.SSRI.value
    dialog.accept()
    assert dialog.result() == MedicationDialog.DialogCode.Accepted
    assert view.current_rows() == [
        ["sertraline", "Antidepressant (SSRI)", "50 mg once a day", "50", "1 Sep 2026", ""]]
    assert view.current_heading.text() == "Taken today (27 Nov 2026)"

    dialog = view.open_form("change", show=False)  # the only medication is preset
    assert dialog.name.currentText() == "sertraline"
    fill(dialog, "sertraline", "100 mg once a day", 100, date(2026, 10, 1))
    dialog.accept()
    dialog = view.open_form("stop", show=False)
    fill(dialog, "sertraline", day=date(2026, 11, 20))
    dialog.accept()
    assert view.current_rows() == []
    assert view.history_rows() == [
        ["20 Nov 2026", "sertraline", "Antidepressant (SSRI)", "stopped", ""],
        ["1 Oct 2026", "sertraline", "Antidepressant (SSRI)", "dose changed",
         "100 mg once a day (100 mg)"],
        ["1 Sep 2026", "sertraline", "Antidepressant (SSRI)", "started",
         "50 mg once a day (50 mg)"],
    ]
    stack = view.controller.undo_stack
    assert stack.undoText() == "Stop medication"
    stack.undo()
    assert [r[2] for r in view.current_rows()] == ["100 mg once a day"]
    stack.undo()
    assert [r[2] for r in view.current_rows()] == ["50 mg once a day"]
    stack.redo()
    assert [r[2] for r in view.current_rows()] == ["100 mg once a day"]


def test_a_refused_form_stays_open_with_the_message_and_saves_nothing(
    view: MedicationsView,
) -> None:
    dialog = view.open_form("start", show=False)
    fill(dialog, "Lorazepam", "")  # no dose
    dialog.accept()
    assert dialog.result() != MedicationDialog.DialogCode.Accepted
    assert dialog.error.text() == "dose: must say the dose (e.g. 20 mg once a day)"
    assert dialog.name.currentText() == "Lorazepam"
    assert view.controller.medications.history() == ()
    dialog = view.open_form("stop", show=False)
    fill(dialog, "Quetiapine")
    dialog.accept()
    assert dialog.error.text() == "name: is not being taken on that date"


def test_delete_removes_the_course_and_undo_brings_it_back(view: MedicationsView) -> None:
    dialog = view.open_form("start", show=False)
    fill(dialog, "Lithium", "400 mg", 400, date(2026, 10, 1))
    dialog.accept()
    view.history.selectRow(0)
    assert view.delete_button.isEnabled()
    view.delete_button.click()
    assert view.history_rows() == []
    view.controller.undo_stack.undo()
    assert [r[1] for r in view.history_rows()] == ["Lithium"]


def test_the_screen_is_in_the_window_with_its_shortcut_and_feeds_boosters_and_trends(
    window: MainWindow,
) -> None:
    from PySide6.QtGui import QKeySequence

    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    action = next(a for a in view_menu.actions() if a.shortcut() == QKeySequence("Ctrl+7"))
    action.trigger()
    assert window.open_tabs.currentWidget() is window.medications
    trends, boosters = window.trends, window.boosters  # built, hidden
    dialog = window.medications.open_form("start", show=False)
    fill(dialog, "Lorazepam", "1 mg at night", 1, date(2026, 11, 3))
    dialog.accept()
    assert trends.stale and boosters.stale
    window.open_tabs.setCurrentWidget(trends)
    assert [label for _, label in trends.chart.medication_marks()] == ["Lorazepam started"]
