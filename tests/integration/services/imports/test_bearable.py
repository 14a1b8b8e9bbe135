"""The Bearable reader: moods with the day's factors, sleep, energy and note; nothing squeezed."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from ketajournal.errors import KnownError
from ketajournal.services.imports import bearable
from ketajournal.services.imports.common import ImportRejectedError
from tests.support.paths import FIXTURES

IMPORT_FIXTURES = FIXTURES / "imports"


ZONE = timezone(timedelta(hours=1))


def at(day: str, clock: str = "12:00") -> datetime:
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=ZONE)


def refused(error: pytest.ExceptionInfo[ImportRejectedError], where: str, field: str) -> str:
    message = str(error.value)
    assert isinstance(error.value, KnownError)
    assert message.startswith(f"{where}: {field}" if field else where), message
    assert message.endswith("Nothing was imported."), message
    return message


def test_bearable_fixture_moods_with_the_days_factors_sleep_energy_and_note() -> None:
    result = bearable.read_bearable(IMPORT_FIXTURES / "bearable.csv", zone=ZONE)
    got = [
        (i.entry.at, i.entry.mood, i.entry.energy, i.entry.sleep_hours, i.tags, i.entry.note,
         i.location)
        for i in result.entries
    ]
    factors = ("Walk", "Friends", "Caffeine")
    assert got == [
        # mood 4 on 1–5: 10 × 3/4 = 7.5 → 8; energy 3 → 5.
        (at("2026-02-01", "09:00"), 8, 5, 7.5, factors, "Lunch with my sister",
         "bearable.csv line 2"),
        # mood 2: 10 × 1/4 = 2.5 → 3 (half up); the note only on the day's first entry.
        (at("2026-02-01", "18:00"), 3, 5, 7.5, factors, "", "bearable.csv line 3"),
        (at("2026-02-02", "13:00"), 10, None, None, (), "", "bearable.csv line 9"),
    ]
    assert result.skipped == {"rows of other categories": 2, "days without a mood rating": 1}
    assert [(m.name, m.dose, m.day) for m in result.medications] == [
        ("Sertraline", "100mg", date(2026, 2, 1)),
        ("Vitamin D3", "1000 IU", date(2026, 2, 1)),
    ]


def test_bearable_rating_above_the_scale_is_refused_not_squeezed() -> None:
    data = (
        b"date formatted,date,weekday,time of day,category,rating/amount,detail,notes\n"
        b"2026-02-01,x,y,am,Mood,8,,\n"
    )
    with pytest.raises(ImportRejectedError) as error:
        bearable.read_bearable(Path("b.csv"), data=data)
    assert "from 1 to 5" in refused(error, "b.csv line 2", "rating/amount")
    wide = bearable.read_bearable(Path("b.csv"), data=data, mood_scale=(0, 10))
    assert wide.entries[0].entry.mood == 8


def test_bearable_unknown_time_of_day_is_refused() -> None:
    data = (
        b"date formatted,date,weekday,time of day,category,rating/amount,detail,notes\n"
        b"2026-02-01,x,y,teatime,Mood,3,,\n"
    )
    with pytest.raises(ImportRejectedError) as error:
        bearable.read_bearable(Path("b.csv"), data=data)
    refused(error, "b.csv line 2", "time of day")
