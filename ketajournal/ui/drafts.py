"""Keep what a form holds as a draft while the patient types, so a crash loses nothing.

:class:`FormDraft` watches a form's field widgets. A moment after the last change
(:data:`DELAY_MS`) it hands their values to :class:`ketajournal.services.drafts.Drafts`,
which writes them into the encrypted journal. Saving the entry or cancelling the form
discards the draft; locking or closing the window writes it at once instead. A form
whose fields are back to how it opened keeps no draft, and a change of its time alone
(``incidental`` fields) does not make one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ketajournal.domain.dates import format_short_date, format_time_of_day
from ketajournal.services.drafts import Draft, Drafts
from ketajournal.ui.fields import BloodPressureEdit, OptionalFloatSpin, OptionalIntSpin, TimeEdit

#: Quiet time after the last keystroke before the draft is written (one short commit).
DELAY_MS = 800


def widget_value(widget: QWidget) -> Any:
    """A field's value as JSON-able data."""
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, OptionalIntSpin | OptionalFloatSpin):
        return widget.optional()
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.value()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, TimeEdit):
        return widget.time().isoformat()
    if isinstance(widget, BloodPressureEdit):
        return [widget.systolic.optional(), widget.diastolic.optional()]
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    raise TypeError(f"no draft value for {type(widget).__name__}")


def set_widget_value(widget: QWidget, value: Any) -> None:
    """Put a value from :func:`widget_value` back; a value that no longer fits is skipped."""
    try:
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(str(value))
        elif isinstance(widget, QLineEdit):
            widget.setText(str(value))
        elif isinstance(widget, OptionalIntSpin):
            widget.set_optional(None if value is None else int(value))
        elif isinstance(widget, OptionalFloatSpin):
            widget.set_optional(None if value is None else float(value))
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value))
        elif isinstance(widget, QDoubleSpinBox):
            widget.setValue(float(value))
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            if index >= 0:
                widget.setCurrentIndex(index)
        elif isinstance(widget, TimeEdit):
            widget.set_time(datetime.fromisoformat(str(value)))
        elif isinstance(widget, BloodPressureEdit):
            systolic, diastolic = value
            widget.systolic.set_optional(None if systolic is None else int(systolic))
            widget.diastolic.set_optional(None if diastolic is None else int(diastolic))
        elif isinstance(widget, QAbstractButton):
            widget.setChecked(bool(value))
    except (TypeError, ValueError):
        pass  # a draft from an older form: keep what the form has for this field


def _watch(widget: QWidget, slot: Any) -> None:
    if isinstance(widget, QPlainTextEdit | QLineEdit):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QSpinBox | QDoubleSpinBox):
        widget.valueChanged.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(slot)
    elif isinstance(widget, TimeEdit):
        widget.dateTimeChanged.connect(slot)
    elif isinstance(widget, BloodPressureEdit):
        widget.systolic.valueChanged.connect(slot)
        widget.diastolic.valueChanged.connect(slot)
    elif isinstance(widget, QAbstractButton):
        widget.toggled.connect(slot)



def typed_at(saved_at: datetime) -> str:
    """When a draft was typed, on this computer's clock: ``Thu 03 Dec at 21:04``."""
    local = saved_at.astimezone()
    day = format_short_date(local.date(), weekday=True, padded=True)
    return f"{day} at {format_time_of_day(local)}"

class FormDraft(QObject):
    """The draft of one form: written a moment after each change, discarded on save."""

    def __init__(
        self,
        drafts: Drafts,
        form: str,
        fields: Mapping[str, QWidget],
        *,
        incidental: Iterable[str] = ("at",),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.drafts = drafts
        self.form = form
        self.fields = dict(fields)
        self._incidental = frozenset(incidental)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.keep_now)
        self._baseline = self._significant()
        self._kept = False
        self.active = True
        for widget in self.fields.values():
            _watch(widget, self._changed)

    def state(self) -> dict[str, Any]:
        """Every field's current value."""
        return {name: widget_value(widget) for name, widget in self.fields.items()}

    def _significant(self) -> dict[str, Any]:
        return {k: v for k, v in self.state().items() if k not in self._incidental}

    @property
    def dirty(self) -> bool:
        """True when a field (other than the incidental ones) differs from the baseline."""
        return self._significant() != self._baseline

    def _changed(self, *_args: object) -> None:
        if self.active:
            self._timer.start()

    def keep_now(self) -> None:
        """Write the draft now (or forget it, if the form is back to how it opened)."""
        self._timer.stop()
        if not self.active:
            return
        if self.dirty:
            if self.drafts.keep(self.form, self.state()):
                self._kept = True
            elif self.drafts.paused:
                self._timer.start()  # a background task has the connection: try again
        elif self._kept:
            self.discard()

    def restore(self) -> Draft | None:
        """Fill the form from its kept draft, if there is one; returns it."""
        draft = self.drafts.get(self.form)
        if draft is None:
            return None
        self.active = False  # filling the fields must not write the draft back
        for name, value in draft.data.items():
            widget = self.fields.get(name)
            if widget is not None:
                set_widget_value(widget, value)
        self.active = True
        self._kept = True
        return draft

    def discard(self) -> None:
        """Forget the draft (the entry was saved, or the patient cancelled)."""
        self._timer.stop()
        if self.drafts.paused:
            self._kept = True  # forget it once the background task is done
            self._timer.start()
            return
        if self._kept or self.drafts.get(self.form) is not None:
            self.drafts.discard(self.form)
        self._kept = False

    def rebase(self) -> None:
        """Take the form as it is now as the empty state (after a save reset it)."""
        self._timer.stop()
        self._baseline = self._significant()

    def stop(self) -> None:
        """Write what is pending and stop watching (the journal is about to close)."""
        self.keep_now()
        self.active = False
