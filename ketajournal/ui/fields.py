"""Small form widgets shared by the dialogs: optional numbers, times, blood pressure,
and the wording of the 0–10 scales (from the domain's range)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import QDateTimeEdit, QDoubleSpinBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from ketajournal.domain.models import DIASTOLIC_RANGE, SCORE_RANGE, SYSTOLIC_RANGE, BloodPressure
from ketajournal.domain.timeutil import in_zone
from ketajournal.domain.validation import ValidationError
from ketajournal.translation import translator

tr = translator("Fields")


def day_format() -> str:
    """How a date field shows a day in the reader's language: ``3 Dec 2026``, in German
    ``3. Dez. 2026`` (the day's number takes a full stop there)."""
    return "d. MMM yyyy" if QLocale().language() == QLocale.Language.German else "d MMM yyyy"


def not_recorded() -> str:
    """What an optional number shows when nothing is entered."""
    return tr("not recorded")


def scale_name(name: str, low: str, high: str) -> str:
    """The accessible name of a score: ``Anxiety, 0 none to 10 worst``."""
    bottom, top = SCORE_RANGE
    return tr("{name}, {bottom} {low} to {top} {high}").format(
        name=name, bottom=bottom, low=low, top=top, high=high)


def scale_label(label: str, low: str, high: str) -> str:
    """The form label of a score: ``&Anxiety (0 none – 10 worst)``; no word for 0 if
    ``low`` is empty."""
    bottom, top = SCORE_RANGE
    return f"{label} ({' '.join(filter(None, (str(bottom), low)))} – {top} {high})"


class OptionalIntSpin(QSpinBox):
    """A whole number in a range, or "not recorded" (one step below the minimum)."""

    def __init__(self, low: int, high: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(low - 1, high)
        self._low = low
        self.setSpecialValueText(not_recorded())
        self.setAccessibleName(name)
        self.set_optional(None)

    def optional(self) -> int | None:
        """The value, or None when "not recorded"."""
        return None if self.value() < self._low else self.value()

    def set_optional(self, value: int | None) -> None:
        """Show ``value`` or "not recorded"."""
        self.setValue(self._low - 1 if value is None else value)


class OptionalFloatSpin(QDoubleSpinBox):
    """A number in a range, or "not recorded"."""

    def __init__(
        self, low: float, high: float, step: float, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._low = low
        self.setDecimals(2 if step < 0.1 else 1)
        self.setSingleStep(step)
        self.setRange(low - step, high)
        self.setSpecialValueText(not_recorded())
        self.setAccessibleName(name)
        self.set_optional(None)

    def optional(self) -> float | None:
        """The value, or None when "not recorded"."""
        return None if self.value() < self._low else self.value()

    def set_optional(self, value: float | None) -> None:
        """Show ``value`` or "not recorded"."""
        self.setValue(self.minimum() if value is None else value)


class TimeEdit(QDateTimeEdit):
    """Date and time in the computer's zone; keeps an entry's original time if untouched."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(day_format() + "  HH:mm")
        self.setAccessibleName(name)
        self._original: datetime | None = None

    def set_time(self, value: datetime) -> None:
        """Show ``value`` (converted to local time for display)."""
        self._original = value
        local = value.astimezone()
        self.setDateTime(
            QDateTime(
                QDate(local.year, local.month, local.day),
                QTime(local.hour, local.minute, local.second),
            )
        )

    def time(self) -> datetime:  # type: ignore[override]
        """The chosen time, timezone-aware. Unchanged → exactly the original value."""
        shown = self.dateTime().toPython()
        assert isinstance(shown, datetime)
        if self._original is not None:
            original_local = self._original.astimezone().replace(tzinfo=None, second=0)
            if shown.replace(second=0, microsecond=0) == original_local:
                return self._original
        # A skipped or repeated hour is read as the command line reads it.
        return in_zone(shown.replace(microsecond=0))


class BloodPressureEdit(QWidget):
    """Systolic / diastolic in mmHg, both or neither."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self.systolic = OptionalIntSpin(*SYSTOLIC_RANGE,
                                        tr("{name} systolic (mmHg)").format(name=name))
        self.diastolic = OptionalIntSpin(*DIASTOLIC_RANGE,
                                         tr("{name} diastolic (mmHg)").format(name=name))
        self.systolic.setSpecialValueText("–")
        self.diastolic.setSpecialValueText("–")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.systolic)
        layout.addWidget(QLabel("/"))
        layout.addWidget(self.diastolic)
        layout.addWidget(QLabel("mmHg"))
        layout.addStretch(1)
        self.setFocusProxy(self.systolic)

    def reading(self, field: str) -> BloodPressure | None:
        """The reading, None if neither value is entered; both are needed."""
        systolic, diastolic = self.systolic.optional(), self.diastolic.optional()
        if systolic is None and diastolic is None:
            return None
        if systolic is None or diastolic is None:
            raise ValidationError(field, tr("enter both systolic and diastolic, or neither"))
        return BloodPressure(systolic, diastolic).validated(field)

    def set_reading(self, value: BloodPressure | None) -> None:
        """Show a reading (or empty)."""
        self.systolic.set_optional(value.systolic if value else None)
        self.diastolic.set_optional(value.diastolic if value else None)
