"""The Plan screen and Today's planned sessions: real widgets over a real journal."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from ketajournal.domain.models import Phase, Route, Session
from ketajournal.domain.schedules import PlannedSession, PlanStatus
from ketajournal.domain.validation import MAX_NOTE_CHARS
from ketajournal.services.journal import Journal
from ketajournal.services.plans import Plans
from ketajournal.ui.main_window import MainWindow
from ketajournal.ui.plan import PlannedSessionDialog, PlanView, TemplateDialog
from tests.support.clock import NOW, FixedClock


def plan_view(window: MainWindow) -> PlanView:
    window.open_tabs.setCurrentWidget(window.view("plan"))
    view = window.view("plan")
    assert isinstance(view, PlanView)
    return view


def column(view: PlanView, table: str, col: int) -> list[str]:
    widget = view.upcoming if table == "upcoming" else view.past
    return [widget.item(r, col).text() for r in range(widget.rowCount())]


@pytest.fixture
def window_journal(journal: Journal) -> Journal:
    plans = Plans(journal)
    plans.add(PlannedSession(at=NOW + timedelta(days=6, hours=-8), route=Route.IV,
                             clinic="Riverside", phase=Phase.BOOSTER))
    plans.add(PlannedSession(at=NOW - timedelta(hours=9), route=Route.NASAL, dose_mg=56))
    return journal


def test_today_shows_the_next_session_and_asks_about_the_one_past(
    window: MainWindow, journal: Journal
) -> None:
    today = window.today
    assert today.next_session.isVisible()
    assert today.next_session.text() == "Next session: Thu 3 Dec 2026, 13:00 at Riverside"
    assert today.planned_box.isVisible() and today.planned_box.title() == \
        "Did your session happen?"
    missed = next(b for b in today.planned_box.findChildren(type(today.undo_button))
                  if b.text() == "No, it was missed")
    missed.click()
    assert [i.status for i in Plans(journal).all()] == [PlanStatus.MISSED, PlanStatus.PLANNED]
    assert not today.planned_box.isVisible()
    window.open_controller.undo_stack.undo()
    assert today.planned_box.isVisible()
    assert Plans(journal).all()[0].status is PlanStatus.PLANNED


def test_today_asks_only_once_a_session_should_be_over(
    window: MainWindow, journal: Journal, clock: FixedClock
) -> None:
    today = window.today

    def asked() -> list[str]:
        return [label.text() for label in today.planned_box.findChildren(QLabel)
                if label.text().startswith("Planned for")]

    # The esketamine session 9 h ago is asked about; an IV session that began an hour ago
    # (2 h with the recovery) is not: the patient may still be in the chair.
    Plans(journal).add(PlannedSession(at=NOW - timedelta(hours=1), route=Route.IV))
    today.refresh()
    assert len(asked()) == 1
    clock.advance(timedelta(hours=1, seconds=-1))
    today.refresh()
    assert len(asked()) == 1
    clock.advance(timedelta(seconds=1))
    today.refresh()
    assert len(asked()) == 2 and today.planned_box.isVisible()


def test_it_happened_opens_the_session_form_filled_from_the_plan(
    qtbot: QtBot, window: MainWindow, journal: Journal
) -> None:
    today = window.today
    late = Plans(journal).overdue()[0].item
    opened = []
    window.today.plan_done_requested.disconnect()
    window.today.plan_done_requested.connect(lambda item: opened.append(window.log_from_plan(item)))
    yes = next(b for b in today.planned_box.findChildren(type(today.undo_button))
               if b.text() == "Yes, log it…")
    yes.click()
    (dialog,) = opened
    assert dialog.when.time() == late.session.at
    assert dialog.route.currentData() == Route.NASAL and dialog.dose.optional() == 56
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    (session,) = journal.sessions()
    assert session.at == late.session.at and session.route is Route.NASAL
    done = Plans(journal).get(late.id)
    assert done.status is PlanStatus.DONE and done.session_id == session.id
    assert not today.planned_box.isVisible()


def test_it_happened_links_a_session_logged_that_day(window: MainWindow, journal: Journal) -> None:
    window.open_controller.log(Session(at=NOW - timedelta(hours=8), route=Route.NASAL,
                                       phase=Phase.INDUCTION))
    today = window.today
    yes = next(b for b in today.planned_box.findChildren(type(today.undo_button))
               if b.text().startswith("Yes, link"))
    yes.click()
    assert len(journal.sessions()) == 1
    assert Plans(journal).all()[0].session_id == journal.sessions()[0].id


def test_plan_screen_lists_upcoming_and_past_and_marks_missed_with_undo(
    window: MainWindow, journal: Journal
) -> None:
    view = plan_view(window)
    assert column(view, "upcoming", 0) == ["Thu 3 Dec 2026, 13:00"]
    assert column(view, "upcoming", 4) == ["Riverside"]
    assert column(view, "past", 3) == ["Not confirmed yet"]
    view.missed_button.click()
    assert "Select a planned session first" in view.status.text()
    view.select(Plans(journal).all()[0].id)
    view.missed_button.click()
    assert column(view, "past", 3) == ["Missed"]
    assert view.undo_button.isVisible()
    view.undo_button.click()
    assert column(view, "past", 3) == ["Not confirmed yet"]


def test_plan_screen_remove_and_done_before_time_is_refused(
    window: MainWindow, journal: Journal
) -> None:
    view = plan_view(window)
    upcoming = Plans(journal).upcoming()[0]
    view.select(upcoming.id)
    view.done_button.click()
    assert "planned for later" in view.status.text()
    view.select(upcoming.id)
    view.remove_button.click()
    assert view.upcoming.rowCount() == 0
    assert not window.today.next_session.isVisible()
    window.open_controller.undo_stack.undo()
    assert view.upcoming.rowCount() == 1 and Plans(journal).get(upcoming.id) == upcoming


def test_add_one_session_in_the_form(qtbot: QtBot, window: MainWindow, journal: Journal) -> None:
    view = plan_view(window)
    dialog = PlannedSessionDialog(view.controller, view)
    qtbot.addWidget(dialog)
    dialog.when.set_time(NOW + timedelta(days=2))
    dialog.clinic.setText("North")
    dialog.accept()
    assert dialog.result() == PlannedSessionDialog.DialogCode.Accepted
    assert view.upcoming.rowCount() == 2 and "North" in column(view, "upcoming", 4)
    dialog = PlannedSessionDialog(view.controller, view)
    qtbot.addWidget(dialog)
    dialog.when.set_time(NOW + timedelta(days=2))
    dialog.note.setPlainText("x" * (MAX_NOTE_CHARS + 1))
    dialog.accept()
    assert not dialog.error.isHidden() and dialog.error.text().startswith("note")
    assert dialog.result() != PlannedSessionDialog.DialogCode.Accepted
    assert view.upcoming.rowCount() == 2


def test_template_shows_the_list_first_and_saves_what_stays_ticked(
    qtbot: QtBot, window: MainWindow, journal: Journal
) -> None:
    view = plan_view(window)
    dialog = TemplateDialog(view.controller, view)
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()  # nothing to save before the preview
    dialog.template.setCurrentIndex(dialog.template.findData("iv-induction"))
    dialog.weekdays.setText("mon")
    dialog.preview()
    assert not dialog.error.isHidden() and "weekdays" in dialog.error.text()
    dialog.weekdays.setText("")
    dialog.preview()
    assert dialog.list.rowCount() == 6 and save.isEnabled()
    assert Plans(journal).count() == 2  # nothing saved yet
    dialog._ticks[5].setChecked(False)
    moved = dialog._times[0].time() + timedelta(hours=2)
    dialog._times[0].set_time(moved)
    dialog.accept()
    saved = [i for i in Plans(journal).all() if i.template == "iv-induction"]
    assert len(saved) == 5 and saved[0].session.at == moved
    window.open_controller.undo_stack.undo()
    assert Plans(journal).count() == 2


def test_trends_draws_the_upcoming_plan_and_follows_its_changes(
    window: MainWindow, journal: Journal
) -> None:
    window.open_tabs.setCurrentWidget(window.trends)
    upcoming = Plans(journal).upcoming()[0]
    xs, _ys = window.trends.chart.drawn_points("planned")
    assert list(xs) == [upcoming.session.at.timestamp()]  # the past, unconfirmed one is not
    window.open_controller.plan(lambda p: p.cancel(upcoming.id), "Cancel")
    assert window.trends.chart.drawn_points("planned")[0].size == 0


def test_an_appointment_reminder_opens_the_plan_screen(window: MainWindow) -> None:
    window.open_form("planned")
    assert window.open_tabs.currentWidget() is window.view("plan")


def test_change_moves_a_planned_session_and_undo_moves_it_back(
    qtbot: QtBot, window: MainWindow, journal: Journal
) -> None:
    view = plan_view(window)
    item = Plans(journal).upcoming()[0]
    view.select(item.id)
    dialog = view.change_selected()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.when.time() == item.session.at and dialog.clinic.text() == "Riverside"
    dialog.when.set_time(item.session.at + timedelta(days=1))
    dialog.accept()
    moved = Plans(journal).get(item.id)
    assert moved.session.at == item.session.at + timedelta(days=1)
    assert moved.session.clinic == "Riverside" and Plans(journal).count() == 2
    assert window.today.next_session.text().startswith("Next session: Fri 4 Dec 2026")
    window.open_controller.undo_stack.undo()
    assert Plans(journal).get(item.id) == item
    view.select(Plans(journal).past()[0].id)
    view.missed_button.click()
    view.select(Plans(journal).past()[0].id)
    assert view.change_selected() is None and "still planned" in view.status.text()


def test_the_template_form_row_of_two_fields_keeps_its_mnemonic(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QLabel

    view = plan_view(window)
    dialog = TemplateDialog(view.controller, view)
    qtbot.addWidget(dialog)
    (label,) = [w for w in dialog.findChildren(QLabel) if w.text() == "Custom: e&very"]
    assert label.buddy() is dialog.every  # shown as "every" with the v underlined, not "&"
