"""The Factors screen: ranked comparisons with intervals, and the patient's own factors."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from pytestqt.qtbot import QtBot

from ketajournal.domain.factors import ASSOCIATION
from ketajournal.domain.models import MoodEntry
from ketajournal.domain.tags import FactorKind
from ketajournal.services.journal import Journal
from ketajournal.ui.controller import JournalController
from ketajournal.ui.factors import FactorsView
from ketajournal.ui.fields import OptionalIntSpin
from tests.support.clock import NOW


def shown(qtbot: QtBot, journal: Journal) -> FactorsView:
    view = FactorsView(JournalController(journal))
    qtbot.addWidget(view)
    view.resize(1000, 760)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_sleep_is_compared_with_its_interval_and_the_sentence_claims_no_cause(
    qtbot: QtBot, journal: Journal
) -> None:
    first = NOW.date() - timedelta(days=30)
    for i in range(20):  # even days 8 h and mood 7, odd days 5 h and mood 5
        good = i % 2 == 0
        journal.log(MoodEntry(at=datetime.combine(first + timedelta(days=i), time(20),
                                                  NOW.tzinfo),
                              mood=7 if good else 5, sleep_hours=8 if good else 5))
    view = shown(qtbot, journal)
    assert view.table.rowCount() == 1
    row = [view.table.item(0, c).text() for c in range(view.table.columnCount())]
    assert row == ["days after 7+ hours of sleep", "+2.0", "+2.0 to +2.0", "10 vs 10"]
    assert view.sentence.text().endswith(ASSOCIATION)
    assert view.sentence.text().startswith("On days after 7+ hours of sleep your mood was 2.0")
    assert "moving-block bootstrap" in view.definition.text()


def test_a_factor_is_defined_and_todays_values_saved(qtbot: QtBot, journal: Journal) -> None:
    view = shown(qtbot, journal)
    assert not view.save_button.isVisible()
    view.new_name.setText("Exercise")
    view.define()
    view.new_name.setText("Alcohol")
    view.new_kind.setCurrentIndex(1)  # 0 to 10
    view.define()
    assert [f.name for f in journal.factor_definitions()] == ["Exercise", "Alcohol"]
    assert set(view.controls) == {"Exercise", "Alcohol"}
    exercise, alcohol = view.controls["Exercise"], view.controls["Alcohol"]
    assert isinstance(alcohol, OptionalIntSpin) and not isinstance(exercise, OptionalIntSpin)
    exercise.setChecked(True)
    alcohol.set_optional(3)
    view.save_today()
    assert view.own_status.text() == "Saved today's values."
    values = journal.factor_values_on(NOW.date())
    assert sorted(values.values()) == [1, 3]
    view.new_name.setText("exercise")
    view.define()
    assert view.own_status.text() == "name: is already a factor"


def test_an_empty_name_is_refused_naming_the_field(qtbot: QtBot, journal: Journal) -> None:
    view = shown(qtbot, journal)
    view.define()
    assert view.own_status.text() == "name: must not be empty"
    assert journal.factor_definitions() == []
    assert view.new_kind.currentData() == FactorKind.YESNO.value
