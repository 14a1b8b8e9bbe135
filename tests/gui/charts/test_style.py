"""The charts' shared look: calendar ticks at local midnight, cached."""

from __future__ import annotations

from datetime import datetime

from ketajournal.charts import style


def test_calendar_ticks_sit_at_local_midnight_and_are_cached() -> None:
    from datetime import date

    style.calendar_ticks.cache_clear()
    first, last = date(2026, 8, 25).toordinal(), date(2026, 11, 26).toordinal()
    levels = style.calendar_ticks(first, last, "day", 5)
    months, days = levels
    assert [label for _x, label in months[1]] == ["Sep 2026", "Oct 2026", "Nov 2026"]
    assert months[1][0][0] == datetime(2026, 9, 1).timestamp()
    day_labels = [label for _x, label in days[1]]
    # Every 5th day, but not within 5 days of a month's label (the 5th, the 30th).
    assert day_labels[:4] == ["25", "10", "15", "20"]
    assert "30" not in day_labels  # too close to the next month's label
    assert style.calendar_ticks(first, last, "day", 5) is levels
    assert style.calendar_ticks.cache_info().hits == 1
    years = style.calendar_ticks(date(2016, 3, 1).toordinal(), last, "year", 2)
    assert [label for _x, label in years[0][1]] == ["2018", "2020", "2022", "2024", "2026"]
    months_level = style.calendar_ticks(date(2025, 11, 15).toordinal(), last, "month", 3)
    assert [label for _x, label in months_level[0][1]] == ["2026"]
    assert [label for _x, label in months_level[1][1]] == ["Apr", "Jul", "Oct"]
