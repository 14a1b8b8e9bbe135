"""The Boosters screen on a real encrypted journal holding the two-year demo patient."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QLabel, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from ketajournal.domain.dates import format_date_with_weekday
from ketajournal.domain.models import MoodEntry, Phase, Route, Session
from ketajournal.services.clinical import booster_analysis
from ketajournal.services.journal import Journal
from ketajournal.services.settings import Settings
from ketajournal.ui.boosters import COLUMNS, BoostersView
from ketajournal.ui.controller import JournalController
from tests.support.clock import FixedClock


def make_view(qtbot: QtBot, journal: Journal) -> BoostersView:
    view = BoostersView(JournalController(journal))
    qtbot.addWidget(view)
    view.resize(1100, 720)
    view.show()
    qtbot.waitExposed(view)
    return view


def column(view: BoostersView, name: str) -> list[str]:
    c = COLUMNS.index(name)
    texts = []
    for row in range(view.table.rowCount()):
        item = view.table.item(row, c)
        assert item is not None
        texts.append(item.text())
    return texts


def test_screen_shows_every_cycle_and_the_analysis_sentences(
    qtbot: QtBot, demo_journal: Journal
) -> None:
    view = make_view(qtbot, demo_journal)
    analysis = booster_analysis(demo_journal)
    newest_first = list(reversed(analysis.cycles))
    assert len(analysis.cycles) > 20
    assert analysis.next_due is not None

    assert view.table.rowCount() == len(analysis.cycles)
    assert column(view, "Held") == [c.label for c in newest_first]
    assert column(view, "Date") == [format_date_with_weekday(c.session.day) for c in newest_first]
    assert column(view, "Phase")[-1] == "Induction"
    assert column(view, "Phase")[0] == "Booster"
    assert column(view, "Dose (mg)")[0] == f"{newest_first[0].session.dose_mg:g}"
    assert any(text.startswith("≥ ") for text in column(view, "Held"))

    assert view.tolerance_label.text() == analysis.tolerance.sentence
    assert view.tolerance_label.accessibleName() == "Tolerance"
    assert view.tolerance_label.wordWrap()
    due = view.next_due_label.text()
    assert due.startswith("A question for your clinician: is the next booster due around ")
    assert format_date_with_weekday(analysis.next_due) in due
    assert analysis.next_due_basis in due
    assert view.threshold_label.text() == (
        f"Threshold T = {analysis.threshold:.2f} (automatic: B + (P − B) / 2, "
        f"B = {analysis.baseline_level:.2f}, P = {analysis.post_induction_level:.2f})"
    )
    for definition in analysis.definitions.values():
        assert definition in view.definitions_label.text()

    assert view.chart.visible_curve_count() == sum(1 for c in analysis.cycles if c.offsets.size)
    assert view.chart.threshold() == pytest.approx(analysis.threshold)


def test_threshold_set_inline_is_stored_and_shown(qtbot: QtBot, demo_journal: Journal) -> None:
    view = make_view(qtbot, demo_journal)
    settings = Settings(demo_journal)
    automatic_text = view.threshold_label.text()
    assert not view.threshold_editor.isVisible()

    view.threshold_button.click()
    assert view.threshold_editor.isVisible()
    assert view.automatic_checkbox.isChecked()
    assert not view.threshold_spin.isEnabled()
    view.automatic_checkbox.click()
    assert view.threshold_spin.isEnabled()
    view.threshold_spin.setValue(6.0)
    view.apply_button.click()

    assert settings.get("booster.threshold") == 6.0
    assert view.threshold_label.text() == "Threshold T = 6.00 (set by you)"
    assert view.threshold_label.text() != automatic_text
    assert view.analysis is not None and view.analysis.threshold == 6.0
    assert view.chart.threshold() == pytest.approx(6.0)
    assert view.chart.threshold_label() == "T = 6.0"
    assert column(view, "Held") == [c.label for c in reversed(view.analysis.cycles)]
    assert not view.threshold_editor.isVisible()

    # By keyboard: the editor opens on the checkbox; Return in the number applies.
    view.threshold_button.click()
    assert not view.automatic_checkbox.isChecked()
    assert view.threshold_spin.value() == pytest.approx(6.0)
    view.threshold_spin.lineEdit().selectAll()
    qtbot.keyClicks(view.threshold_spin, "6.5")
    qtbot.keyClick(view.threshold_spin, Qt.Key.Key_Return)
    assert settings.get("booster.threshold") == 6.5

    # Back to automatic.
    view.threshold_button.click()
    qtbot.keyClick(view.automatic_checkbox, Qt.Key.Key_Space)
    assert view.automatic_checkbox.isChecked()
    view.apply_button.click()
    assert settings.get("booster.threshold") is None
    assert view.threshold_label.text() == automatic_text


def test_screen_follows_sessions_and_moods_logged_through_the_controller(
    qtbot: QtBot, demo_journal: Journal, clock: FixedClock
) -> None:
    view = make_view(qtbot, demo_journal)
    rows = view.table.rowCount()
    controller = view.controller
    now = demo_journal.now()

    controller.log(Session(at=now, route=Route.IV, phase=Phase.BOOSTER, dose_mg=42.0))
    assert view.table.rowCount() == rows + 1
    assert column(view, "Date")[0] == format_date_with_weekday(now.date())
    assert column(view, "Dose (mg)")[0] == "42"
    assert column(view, "Held")[0] == "no data"
    assert column(view, "Held") == [
        c.label for c in reversed(booster_analysis(demo_journal).cycles)
    ]

    # A mood the day after the session starts its cycle.
    before = view.analysis
    clock.advance(timedelta(days=1))
    controller.log(MoodEntry(at=demo_journal.now(), mood=8))
    assert view.analysis is not before
    assert column(view, "Held")[0] == "≥ 1 day"

    controller.undo_stack.undo()  # the mood
    controller.undo_stack.undo()  # the session
    assert view.table.rowCount() == rows


def _unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or isinstance(widget.parent(), QAbstractSpinBox):
            continue
        if isinstance(widget, QLabel) and not widget.buddy():
            continue
        if isinstance(widget, QAbstractButton | QAbstractSpinBox) and not widget.accessibleName():
            missing.append(type(widget).__name__)
    return missing


def test_empty_journal_says_what_is_needed_and_every_control_is_named(
    qtbot: QtBot, journal: Journal
) -> None:
    view = make_view(qtbot, journal)
    assert view.table.rowCount() == 0
    assert view.table.accessibleName() == "Booster cycles"
    assert view.threshold_label.text() == (
        "Threshold T: not available yet. Needs a treatment session."
    )
    assert view.next_due_label.text().startswith("Next booster: no estimate yet. Needs ")
    assert view.chart.visible_curve_count() == 0
    assert view.chart.threshold() is None

    view.threshold_button.click()
    assert _unnamed_controls(view) == []
    for label in (view.threshold_label, view.tolerance_label, view.next_due_label):
        assert label.accessibleName()
        assert label.accessibleDescription() == label.text()


def test_a_hidden_screen_runs_the_analysis_again_only_when_shown(
    qtbot: QtBot, demo_journal: Journal
) -> None:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QLabel("another screen"), "Other")
    view = BoostersView(JournalController(demo_journal))
    tabs.addTab(view, "Boosters")
    tabs.resize(1100, 720)
    tabs.show()
    qtbot.waitExposed(tabs)
    assert not view.isVisible()
    before, rows = view.analysis, view.table.rowCount()

    now = demo_journal.now()
    view.controller.log(Session(at=now, route=Route.IV, phase=Phase.BOOSTER, dose_mg=40.0))
    assert view.stale
    assert view.analysis is before  # not run again while hidden
    assert view.table.rowCount() == rows

    tabs.setCurrentWidget(view)
    assert not view.stale
    assert view.analysis is not before
    assert view.table.rowCount() == rows + 1
    assert column(view, "Dose (mg)")[0] == "40"

    # Shown: a change refreshes at once.
    view.controller.undo_stack.undo()
    assert not view.stale
    assert view.table.rowCount() == rows


def test_a_threshold_set_on_boosters_reaches_the_appointment_summary(
    qtbot: QtBot, demo_journal: Journal
) -> None:
    from ketajournal.ui.controller import JournalController
    from ketajournal.ui.main_window import MainWindow

    window = MainWindow(JournalController(demo_journal))
    qtbot.addWidget(window)
    window.show()
    assert window.tabs is not None
    window.tabs.setCurrentWidget(window.appointment)
    before = window.appointment.report
    assert before is not None and before.summary.boosters.threshold_source == "automatic"
    window.tabs.setCurrentWidget(window.boosters)
    boosters = window.boosters
    boosters.threshold_button.click()
    boosters.automatic_checkbox.click()
    boosters.threshold_spin.setValue(6.5)
    boosters.apply_button.click()
    assert boosters.threshold_label.text() == "Threshold T = 6.50 (set by you)"
    assert window.appointment.stale  # hidden: it waits to be shown
    window.tabs.setCurrentWidget(window.appointment)
    after = window.appointment.report
    assert after is not None and after.summary.boosters.threshold == 6.5
    assert after.summary.boosters.threshold_source == "user"


def test_the_table_names_the_medication_changes_during_each_cycle(
    qtbot: QtBot, journal: Journal
) -> None:
    """The clinician's check with its medications: boosters 2 and 3 overlap a change."""
    from ketajournal.domain.dates import format_date
    from tests.support.clinical_journals import clinicians_check, with_medications
    from tests.support.clock import NOW

    d0 = clinicians_check(journal, NOW)
    with_medications(journal, d0)
    view = make_view(qtbot, journal)
    # Newest first: booster 4, 3, 2, 1, then the three induction sessions.
    assert view.medication_labels() == [
        "", "Sertraline dose changed", "Lorazepam started", "", "", "", ""]
    tip = view.table.item(1, COLUMNS.index("Medication change"))
    assert tip is not None and tip.toolTip() == (
        "medication change in this cycle: Sertraline changed to 150 mg once a day on "
        f"{format_date(d0 + timedelta(days=45))}")
    assert column(view, "Held")[:3] == ["3–12 days", "10 days", "1–7 days"]
    # A change made now reaches the shown screen at once.
    view.controller.medication(lambda meds: meds.stop("Lorazepam", day=d0 + timedelta(days=54)))
    assert view.medication_labels()[0] == "Lorazepam stopped"


def test_plan_it_turns_the_estimate_into_one_planned_session_and_undo_takes_it_back(
    qtbot: QtBot, demo_journal: Journal
) -> None:
    from ketajournal.services.plans import ESTIMATE_NOTE, Plans

    view = make_view(qtbot, demo_journal)
    analysis = booster_analysis(demo_journal)
    assert analysis.next_due is not None and analysis.next_due >= demo_journal.now().date()
    assert Plans(demo_journal).count() == 0  # never planned by itself
    assert view.plan_it_button.isVisible()
    last = demo_journal.last_session()
    assert last is not None
    view.plan_it_button.click()
    (item,) = Plans(demo_journal).all()
    plan = item.session
    assert plan.at.date() == analysis.next_due
    # The last session's time of day on the computer's clock.
    assert plan.at.time() == last.at.astimezone(plan.at.tzinfo).time()
    assert (plan.route, plan.phase, plan.clinic, plan.note) == (
        last.route, Phase.BOOSTER, last.clinic, ESTIMATE_NOTE)
    assert view.plan_it_status.text().startswith(
        f"Planned for {format_date_with_weekday(analysis.next_due)}")
    view.controller.undo_stack.undo()
    assert Plans(demo_journal).count() == 0


def test_no_plan_it_without_an_estimate(qtbot: QtBot, journal: Journal) -> None:
    view = make_view(qtbot, journal)
    assert not view.plan_it_button.isVisible()
