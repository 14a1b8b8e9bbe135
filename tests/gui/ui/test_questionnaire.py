"""Questionnaires in the window: keyboard filling, item-9 safety, Today's flags and reminders."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ketajournal.domain.models import Assessment, Phase, Route, Session
from ketajournal.services import clinical
from ketajournal.services.journal import Journal
from ketajournal.ui.main_window import MainWindow


def test_phq9_filled_from_the_keyboard_shows_total_and_band(
    qtbot: QtBot, window: MainWindow, journal: Journal
) -> None:
    dialog = window.questionnaire_dialog("phq9")
    qtbot.addWidget(dialog)
    dialog.show()
    for digit in (1, 2, 1, 2, 1, 1, 1, 1, 0, 2):  # nine items, then the difficulty question
        qtbot.keyClick(dialog.focusWidget(), getattr(Qt.Key, f"Key_{digit}"))
    assert dialog.total.text().startswith("PHQ-9 total 10 of 27: moderate")
    assert dialog.crisis is None  # item 9 was 0
    dialog.accept()
    (saved,) = journal.assessments("phq9")
    assert saved.answers == (1, 2, 1, 2, 1, 1, 1, 1, 0) and saved.difficulty == 2
    assert saved.summary == "PHQ-9 total 10 (moderate)"


def test_item9_above_zero_shows_crisis_resources_at_once_and_still_saves(
    qtbot: QtBot, window: MainWindow, journal: Journal
) -> None:
    dialog = window.questionnaire_dialog("phq9")
    qtbot.addWidget(dialog)
    dialog.show()
    for position, value in enumerate((2, 2, 2, 2, 1, 2, 1, 1)):
        dialog.type_answer(position, value)
    assert dialog.crisis is None
    dialog.type_answer(8, 1)  # item 9: "Several days"
    assert dialog.crisis is not None and dialog.crisis.isVisible()
    assert not dialog.crisis.isModal()
    assert "988" in dialog.crisis.text.text() and "no clinician" in dialog.crisis.text.text()
    dialog.accept()  # saving is not blocked by the crisis window
    assert dialog.result() == 1
    (saved,) = journal.assessments("phq9")
    assert saved.safety_flag
    window.today.refresh()
    assert window.today.flags_box.isVisibleTo(window)
    assert "question 9" in _texts(window.today.flags_box)


def test_acknowledging_hides_the_flag_on_today_only(
    qtbot: QtBot, window: MainWindow, journal: Journal
) -> None:
    journal.log(Assessment(at=journal.now(), instrument_id="phq9", answers=(1,) * 9))
    window.today.refresh()
    assert window.today.flags_box.isVisibleTo(window)
    (flag,) = clinical.safety_flags(journal, unacknowledged_only=True)
    window.today._acknowledge(flag)
    assert not window.today.flags_box.isVisibleTo(window)
    assert len(clinical.safety_flags(journal)) == 1


def test_unanswered_questions_keep_the_dialog_open(window: MainWindow, journal: Journal) -> None:
    dialog = window.questionnaire_dialog("gad7")
    dialog.type_answer(0, 1)
    dialog.accept()
    assert dialog.result() == 0
    assert "2, 3, 4, 5, 6, 7" in dialog.error.text()
    assert journal.assessments() == []


def test_today_lists_what_is_due_and_dismiss_removes_it(
    window: MainWindow, journal: Journal
) -> None:
    journal.log(Session(at=journal.now() - timedelta(hours=26), route=Route.IV,
                        phase=Phase.BOOSTER))
    window.today.refresh()
    text = _texts(window.today.due_box)
    assert "PHQ-9: not filled yet" in text and "GAD-7: not filled yet" in text
    assert "Check-in 24 hours after your session" in text
    window.today._dismiss(clinical.due_items(journal)[0])
    assert "PHQ-9: not filled yet" not in _texts(window.today.due_box)


def _texts(widget: object) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in widget.findChildren(QLabel))  # type: ignore[attr-defined]


def test_a_questionnaire_in_the_timeline_says_its_total_and_opens_read_only(
    qtbot: QtBot, window: MainWindow, journal: Journal
) -> None:
    journal.log(Assessment(at=journal.now() - timedelta(hours=1), instrument_id="phq9",
                           answers=(2, 2, 1, 1, 0, 0, 1, 0, 1)))
    window.tabs.setCurrentWidget(window.timeline)  # type: ignore[union-attr]
    model = window.timeline.proxy
    (row,) = [r for r in range(model.rowCount()) if model.index(r, 1).data() == "Questionnaire"]
    assert model.index(row, 2).data() == (
        "PHQ-9 total 8 (mild); question 9 answered above 0"
    )
    window.timeline.table.selectRow(row)
    shown: list[object] = []
    original = window.show_answers
    window.show_answers = lambda a: shown.append(original(a))  # type: ignore[method-assign]
    window.timeline.edit_selected()  # used to raise: there is no entry form for it
    (box,) = shown
    assert "PHQ-9 total 8 (mild)" in box.text()  # type: ignore[attr-defined]
    details = box.detailedText().splitlines()  # type: ignore[attr-defined]
    assert len(details) == 9 and details[8].startswith("9. ") and details[8].endswith("(1)")
    box.close()  # type: ignore[attr-defined]
