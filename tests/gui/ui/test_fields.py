"""The small form widgets: optional numbers, times kept exactly, blood pressure both or neither."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from pytestqt.qtbot import QtBot

from ketajournal.domain.models import BloodPressure
from ketajournal.domain.validation import ValidationError
from ketajournal.ui.fields import (
    BloodPressureEdit,
    OptionalFloatSpin,
    OptionalIntSpin,
    TimeEdit,
    scale_label,
    scale_name,
)


def test_scale_wording_comes_from_the_domain_range() -> None:
    assert scale_name("Anxiety", "none", "worst") == "Anxiety, 0 none to 10 worst"
    assert scale_label("&Anxiety", "none", "worst") == "&Anxiety (0 none – 10 worst)"
    assert scale_label("&Mood", "", "best") == "&Mood (0 – 10 best)"


def test_optional_spins_say_not_recorded_below_their_minimum(qtbot: QtBot) -> None:
    spin = OptionalIntSpin(0, 10, "Energy")
    qtbot.addWidget(spin)
    assert spin.optional() is None and spin.accessibleName() == "Energy"
    spin.set_optional(7)
    assert spin.optional() == 7
    spin.set_optional(None)
    assert spin.optional() is None
    hours = OptionalFloatSpin(0.0, 24.0, 0.5, "Sleep")
    qtbot.addWidget(hours)
    assert hours.optional() is None
    hours.set_optional(7.5)
    assert hours.optional() == 7.5


def test_an_untouched_time_is_exactly_the_original(qtbot: QtBot) -> None:
    edit = TimeEdit("Time")
    qtbot.addWidget(edit)
    logged = datetime(2026, 3, 1, 23, 30, 17, tzinfo=timezone(timedelta(hours=-5)))
    edit.set_time(logged)
    assert edit.time() == logged and edit.time().utcoffset() == timedelta(hours=-5)
    edit.setDateTime(edit.dateTime().addSecs(3600))
    moved = edit.time()
    assert moved.tzinfo is not None and moved - logged == timedelta(hours=1)


def test_blood_pressure_needs_both_values_or_neither(qtbot: QtBot) -> None:
    edit = BloodPressureEdit("Before")
    qtbot.addWidget(edit)
    assert edit.reading("bp_before") is None
    edit.set_reading(BloodPressure(128, 84))
    assert edit.reading("bp_before") == BloodPressure(128, 84)
    edit.diastolic.set_optional(None)
    with pytest.raises(ValidationError, match="both systolic and diastolic"):
        edit.reading("bp_before")


def test_a_day_is_shown_as_the_language_writes_it(qapp: object) -> None:
    from PySide6.QtCore import QDate, QLocale

    from ketajournal.ui.fields import day_format

    day = QDate(2026, 12, 3)
    assert QLocale().toString(day, day_format()) == "3 Dec 2026"
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        assert QLocale().toString(day, day_format()) == "3. Dez. 2026"
    finally:
        QLocale.setDefault(QLocale.c())
