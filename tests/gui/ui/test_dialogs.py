"""The entry dialogs: invalid input keeps them open, side effects link the recent session."""

from __future__ import annotations

from datetime import timedelta

from ketajournal.domain.models import (
    Phase,
    Route,
    Session,
    SideEffectCategory,
)
from ketajournal.services.journal import Journal
from ketajournal.ui.dialogs import SessionDialog, SideEffectDialog
from ketajournal.ui.main_window import MainWindow


def timeline_texts(window: MainWindow) -> list[str]:
    model = window.timeline.proxy
    return [
        " | ".join(str(model.index(r, c).data()) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def test_invalid_blood_pressure_keeps_the_dialog_open_and_saves_nothing(
    window: MainWindow, journal: Journal
) -> None:
    dialog = window.dialog_for("session")
    assert isinstance(dialog, SessionDialog)
    dialog.note.setPlainText("typed text must survive")
    dialog.bp_after.set_reading(None)
    dialog.bp_after.systolic.set_optional(80)
    dialog.bp_after.diastolic.set_optional(120)
    dialog.accept()
    assert dialog.result() == 0
    assert "bp_after" in dialog.error.text() and "higher than diastolic" in dialog.error.text()
    assert dialog.note.toPlainText() == "typed text must survive"
    assert journal.sessions() == []


def test_side_effect_links_recent_session_and_flags_blood_in_urine(
    window: MainWindow, journal: Journal
) -> None:
    session, _ = journal.log(Session(at=journal.now() - timedelta(hours=5), route=Route.IV,
                                     phase=Phase.BOOSTER))
    dialog = window.dialog_for("side_effect")
    assert isinstance(dialog, SideEffectDialog)
    assert dialog.session.currentData() == session.id
    assert not dialog.red_flag.isVisibleTo(dialog)
    dialog.category.setCurrentIndex(dialog.category.findData(SideEffectCategory.BLOOD_IN_URINE))
    assert dialog.red_flag.isVisibleTo(dialog)
    assert "Contact your clinic" in dialog.red_flag.text()
    dialog.accept()
    (saved,) = journal.side_effects()
    assert saved.session_id == session.id and saved.category.is_red_flag
    assert any("RED FLAG" in row for row in timeline_texts(window))
