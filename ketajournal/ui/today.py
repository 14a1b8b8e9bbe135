"""Today: log the mood in one click or one keystroke; log a session, side effect, event.

Clicking a number (or typing it while the row has focus; "1" then "0" for ten)
saves a mood entry at once, together with whatever optional fields and note are
filled in. "Saved" appears only after the write committed; Undo is right there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ketajournal.domain.models import SLEEP_RANGE, MoodEntry
from ketajournal.errors import KnownError
from ketajournal.services.journal import Change
from ketajournal.ui.controller import JournalController
from ketajournal.ui.dialogs import note_edit
from ketajournal.ui.fields import OptionalFloatSpin, OptionalIntSpin, TimeEdit

#: How long after typing "1" we wait for a "0" (to mean ten).
TEN_WINDOW_MS = 600


class MoodRow(QWidget):
    """Eleven buttons 0–10. Emits ``chosen(score)`` on click or keystroke."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        layout = QHBoxLayout(self)
        layout.setSpacing(6)
        self.buttons: list[QPushButton] = []
        for score in range(11):
            button = QPushButton(str(score))
            button.setMinimumSize(48, 48)
            button.setAccessibleName(f"Save mood {score} of 10")
            button.setToolTip(f"Save mood {score} (0 = worst, 10 = best)")
            button.installEventFilter(self)
            self.group.addButton(button, score)
            layout.addWidget(button)
            self.buttons.append(button)
        self.group.idClicked.connect(self.chosen.emit)
        self._pending_one = QTimer(self)
        self._pending_one.setSingleShot(True)
        self._pending_one.setInterval(TEN_WINDOW_MS)
        self._pending_one.timeout.connect(lambda: self.chosen.emit(1))
        self.setFocusProxy(self.buttons[5])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Digits choose a score; arrows move along the row."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
                self.type_digit(key - Qt.Key.Key_0)
                return True
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                index = self.buttons.index(watched) if watched in self.buttons else 5
                step = -1 if key == Qt.Key.Key_Left else 1
                self.buttons[max(0, min(10, index + step))].setFocus()
                return True
        return super().eventFilter(watched, event)

    def type_digit(self, digit: int) -> None:
        """Handle one typed digit ("1" waits briefly for a "0" to make ten)."""
        if self._pending_one.isActive():
            self._pending_one.stop()
            if digit == 0:
                self.chosen.emit(10)
                return
            self.chosen.emit(1)
        if digit == 1:
            self._pending_one.start()
        else:
            self.chosen.emit(digit)


class TodayView(QWidget):
    """The first screen: mood in one click, optional details, quick buttons."""

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        controller.changed.connect(self.on_change)

        question = QLabel("How is your mood right now?")
        question.setStyleSheet("font-size: 18px; font-weight: 600;")
        hint = QLabel("Click a number or type it to save it. 0 = worst, 10 = best.")
        hint.setStyleSheet("color: #555;")
        self.mood_row = MoodRow()
        self.mood_row.chosen.connect(self.save_mood)
        ends = QHBoxLayout()
        ends.addWidget(QLabel("0  worst"))
        ends.addStretch(1)
        ends.addWidget(QLabel("best  10"))

        self.note = note_edit("Note for this mood entry")
        self.details_toggle = QToolButton()
        self.details_toggle.setText("More details (anxiety, energy, sleep, time)")
        self.details_toggle.setCheckable(True)
        self.details_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.details_toggle.setAccessibleName("Show more details")
        self.details_toggle.toggled.connect(self._toggle_details)
        self.details = QGroupBox()
        form = QFormLayout(self.details)
        self.anxiety = OptionalIntSpin(0, 10, "Anxiety, 0 none to 10 worst")
        self.energy = OptionalIntSpin(0, 10, "Energy, 0 none to 10 most")
        self.sleep = OptionalFloatSpin(*SLEEP_RANGE, 0.5, "Sleep last night in hours")
        self.when = TimeEdit("Time of this mood entry")
        self.when.set_time(controller.now())
        form.addRow("&Anxiety (0 none – 10 worst)", self.anxiety)
        form.addRow("&Energy (0 none – 10 most)", self.energy)
        form.addRow("S&leep last night (hours)", self.sleep)
        form.addRow("&Time", self.when)
        self.details.hide()

        self.status = QLabel("")
        self.status.setAccessibleName("Save status")
        self.undo_button = QPushButton("&Undo")
        self.undo_button.setAccessibleName("Undo the last save")
        self.undo_button.clicked.connect(controller.undo_stack.undo)
        self.undo_button.hide()
        status_row = QHBoxLayout()
        status_row.addWidget(self.status)
        status_row.addWidget(self.undo_button)
        status_row.addStretch(1)

        self.session_button = QPushButton("Log a &session…")
        self.side_effect_button = QPushButton("Log a side e&ffect…")
        self.event_button = QPushButton("Log an e&vent…")
        for button, name in ((self.session_button, "Log a treatment session"),
                             (self.side_effect_button, "Log a side effect"),
                             (self.event_button, "Log an event")):
            button.setAccessibleName(name)
        quick = QHBoxLayout()
        quick.addWidget(self.session_button)
        quick.addWidget(self.side_effect_button)
        quick.addWidget(self.event_button)
        quick.addStretch(1)

        self.summary = QLabel("")
        self.summary.setAccessibleName("Today so far")
        self.summary.setStyleSheet("color: #555;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(question)
        layout.addWidget(hint)
        layout.addWidget(self.mood_row)
        layout.addLayout(ends)
        note_label = QLabel("&Note (optional):")
        note_label.setBuddy(self.note)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        layout.addWidget(self.details_toggle)
        layout.addWidget(self.details)
        layout.addLayout(status_row)
        layout.addSpacing(16)
        layout.addLayout(quick)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.setTabOrder(self.mood_row.buttons[-1], self.note)
        self._refresh_summary()

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        if shown:
            self.when.set_time(self.controller.now())

    def save_mood(self, score: int) -> None:
        """Save a mood entry now; keep the form as typed if that fails."""
        at = self.when.time() if self.details.isVisible() else self.controller.now()
        try:
            entry = MoodEntry(
                at=at,
                mood=score,
                anxiety=self.anxiety.optional(),
                energy=self.energy.optional(),
                sleep_hours=self.sleep.optional(),
                note=self.note.toPlainText(),
            )
            saved = self.controller.log(entry)
        except KnownError as error:
            self.status.setText(str(error))
            self.status.setStyleSheet("color: #b00020;")
            self.undo_button.hide()
            return
        self.status.setStyleSheet("color: #1b5e20; font-weight: 600;")
        self.status.setText(f"Saved at {saved.at.astimezone():%H:%M}.")
        self.undo_button.show()
        self.note.clear()
        self.anxiety.set_optional(None)
        self.energy.set_optional(None)
        self.sleep.set_optional(None)
        self.when.set_time(self.controller.now())

    def on_change(self, change: Change) -> None:
        """Keep the day's summary current."""
        self._refresh_summary()

    def _refresh_summary(self) -> None:
        now = self.controller.now()
        start = now.replace(hour=0, minute=0, second=0)
        moods = self.controller.journal.moods(start)
        if moods:
            word = "entry" if len(moods) == 1 else "entries"
            self.summary.setText(f"Today so far: {len(moods)} mood {word}.")
        else:
            self.summary.setText("Nothing logged yet today.")
