"""The bounded, aggregated and trusted reads give exactly what the full reads gave.

Issue 7 (P6, P7): the repository decodes rows without re-validating them, computes
daily moods in SQL, bounds the report's reads by day in SQL and pages the Timeline.
Each is compared here with the plain path over a real ten-year demo journal.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta, timezone

import pytest

from ketajournal.domain.booster_analysis import analyse_boosters
from ketajournal.domain.boosters import SessionPoint, daily_mood
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.models import (
    ENTRY_TYPES,
    Entry,
    Event,
    EventKind,
    MoodEntry,
    Phase,
    Route,
    Session,
    trusted,
)
from ketajournal.domain.validation import ValidationError
from ketajournal.services import clinical, demo
from ketajournal.services.journal import Journal
from ketajournal.storage.repository import KINDS
from tests.support.clock import NOW

#: Offsets at the edges of what a clock can show, so day bounds are tested at both ends.
FAR_EAST = timezone(timedelta(hours=14))
FAR_WEST = timezone(timedelta(hours=-12))


def ten_years(journal: Journal) -> Journal:
    data = demo.generate(NOW, days=3650)
    journal.log_all(data.entries, data.session_of)
    # Moods logged late at night far east and far west: their day is not the UTC day.
    day = NOW.date() - timedelta(days=200)
    journal.log_all([
        MoodEntry(at=datetime(day.year, day.month, day.day, 23, 30, tzinfo=FAR_WEST), mood=1,
                  note="late west"),
        MoodEntry(at=datetime(day.year, day.month, day.day, 0, 15, tzinfo=FAR_EAST), mood=9,
                  note="early east"),
        Event(at=datetime(day.year, day.month, day.day, 23, 59, tzinfo=FAR_WEST),
              event_kind=EventKind.APPOINTMENT),
    ])
    return journal


def every_entry(journal: Journal) -> list[Entry]:
    return [e for kind in KINDS for e in journal.entries(kind)]


def test_rows_decode_to_the_same_entries_the_validating_constructor_builds(
    journal: Journal,
) -> None:
    ten_years(journal)
    entries = every_entry(journal)
    assert len(entries) == sum(journal.entry_counts().values())
    for entry in entries:
        checked = dataclasses.replace(entry)  # runs __post_init__: every check again
        assert checked == entry
        for field in dataclasses.fields(entry):
            assert type(getattr(checked, field.name)) is type(getattr(entry, field.name))


def test_the_trusted_path_needs_every_field_and_user_input_is_still_checked() -> None:
    values = {"id": 1, "at": NOW, "note": "", "mood": 5, "anxiety": None, "energy": None}
    with pytest.raises(TypeError):
        trusted(MoodEntry, values)  # sleep_hours missing
    assert trusted(MoodEntry, values | {"sleep_hours": None}) == MoodEntry(
        id=1, at=NOW, mood=5)
    with pytest.raises(ValidationError, match="control characters"):
        MoodEntry(at=NOW, mood=5, note="bell \a")
    assert set(ENTRY_TYPES) == set(KINDS)


def test_daily_moods_in_sql_equal_the_domain_definition_bit_for_bit(journal: Journal) -> None:
    ten_years(journal)
    expected = daily_mood(journal.moods())
    got = journal.daily_mood_means()
    assert tuple(day for day, _ in got) == expected.days
    assert [mean for _, mean in got] == expected.values.tolist()  # exact, not approx
    first, last = NOW.date() - timedelta(days=230), NOW.date() - timedelta(days=180)
    assert journal.daily_mood_means(first, last) == [
        (day, mean) for day, mean in got if first <= day <= last
    ]


def test_booster_analysis_equals_the_analysis_of_every_decoded_mood(journal: Journal) -> None:
    ten_years(journal)
    old = analyse_boosters(
        daily_mood(journal.moods()),
        [SessionPoint.from_session(s) for s in journal.sessions()],
        threshold=None,
    )
    new = clinical.booster_analysis(journal)
    assert clinical.boosters_document(new) == clinical.boosters_document(old)
    assert len(new.cycles) == 133
    assert new.median_curve_values.tolist() == old.median_curve_values.tolist()
    for a, b in zip(new.cycles, old.cycles, strict=True):
        assert a.daily.tolist() == b.daily.tolist() and a.rolling.tolist() == b.rolling.tolist()


def test_assessments_of_one_instrument_come_from_sql(journal: Journal) -> None:
    ten_years(journal)
    everything = journal.assessments()
    for instrument_id in INSTRUMENTS:
        assert journal.assessments(instrument_id) == [
            a for a in everything if a.instrument_id == instrument_id
        ]
    start, end = NOW - timedelta(days=400), NOW - timedelta(days=100)
    assert journal.assessments("phq9", start, end) == [
        a for a in journal.assessments(None, start, end) if a.instrument_id == "phq9"
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_entries_on_days_are_those_logged_on_those_days(journal: Journal, kind: str) -> None:
    ten_years(journal)
    everything = journal.entries(kind)
    for first, last in [
        (None, None),
        (None, NOW.date() - timedelta(days=200)),
        (NOW.date() - timedelta(days=200), None),
        (NOW.date() - timedelta(days=200), NOW.date() - timedelta(days=200)),
        (NOW.date() - timedelta(days=365), NOW.date() - timedelta(days=1)),
    ]:
        assert journal.entries_on_days(kind, first, last) == [
            e for e in everything
            if (first is None or first <= e.at.date()) and (last is None or e.at.date() <= last)
        ]


def test_first_day_and_latest_appointment_match_the_full_reads(journal: Journal) -> None:
    assert journal.first_entry_day() is None
    ten_years(journal)
    firsts = [e[0].at.date() for kind in KINDS if (e := journal.entries(kind))]
    assert journal.first_entry_day() == min(firsts)
    appointments = [e for e in journal.entries(Event.kind)
                    if e.event_kind is EventKind.APPOINTMENT]
    for last_day in (NOW.date(), NOW.date() - timedelta(days=200), date(2001, 1, 1)):
        expected = [e for e in appointments if e.at.date() <= last_day]
        assert journal.latest_event(EventKind.APPOINTMENT, last_day) == (
            expected[-1] if expected else None)


def test_pages_newest_first_add_up_to_every_entry_in_timeline_order(journal: Journal) -> None:
    ten_years(journal)
    # Same second, different kinds and ids: the keyset must not skip or repeat any.
    at = NOW - timedelta(days=3)
    journal.log_all([
        MoodEntry(at=at, mood=4), MoodEntry(at=at, mood=5),
        Session(at=at, route=Route.IV, phase=Phase.BOOSTER), Event(at=at,
                                                                   event_kind=EventKind.LIFE_EVENT),
    ])
    expected = list(reversed(journal.all_entries()))
    pages: list[Entry] = []
    after = None
    while page := journal.newest_first(after=after, limit=7 if len(pages) < 50 else 500):
        pages += page
        after = page[-1]
    assert pages == expected


@pytest.mark.parametrize(("kinds", "text"), [
    (KINDS, "RIVER"), (("mood",), ""), (("session", "event"), ""), (("mood",), "late"),
    (KINDS, "é"),
])
def test_filtered_pages_match_filtering_every_entry(
    journal: Journal, kinds: tuple[str, ...], text: str
) -> None:
    ten_years(journal)
    journal.log_all([
        MoodEntry(at=NOW - timedelta(days=2000), mood=5, note="Walk by the River"),
        Event(at=NOW - timedelta(days=3000), event_kind=EventKind.LIFE_EVENT,
              note="A RIVER trip, CAFÉ"),
    ])
    expected = [e for e in reversed(journal.all_entries(kinds))
                if text.casefold() in e.note.casefold()]
    assert expected
    pages: list[Entry] = []
    after = None
    while page := journal.newest_first(kinds, after=after, limit=40, note_contains=text):
        pages += page
        after = page[-1]
    assert pages == expected


def test_the_trends_series_from_sql_day_totals_equals_the_one_from_every_entry(
    journal: Journal,
) -> None:
    from ketajournal.domain.daily import day_totals
    from ketajournal.domain.series import build_trend_series, build_trend_series_from_days

    ten_years(journal)
    day = NOW.date() - timedelta(days=100)
    # Two entries of one day logged in different offsets, anxiety and sleep on some.
    journal.log_all([
        MoodEntry(at=datetime(day.year, day.month, day.day, 8, 0, tzinfo=FAR_EAST), mood=3,
                  anxiety=7, sleep_hours=4.25),
        MoodEntry(at=datetime(day.year, day.month, day.day, 22, 0, tzinfo=FAR_WEST), mood=8,
                  sleep_hours=9.5),
    ])
    moods = journal.moods()
    totals = journal.daily_mood_totals()
    python_totals = day_totals(moods)
    assert [(t.day, t.first_at, t.mood_sum, t.mood_count, t.anxiety_sum, t.anxiety_count,
             t.sleep_count) for t in totals] == [
        (t.day, t.first_at, t.mood_sum, t.mood_count, t.anxiety_sum, t.anxiety_count,
         t.sleep_count) for t in python_totals]
    # Sleep hours are floats: SQL may add a day's values in another order.
    assert [t.sleep_sum for t in totals] == pytest.approx([t.sleep_sum for t in python_totals])

    args = (journal.sessions(), journal.side_effects(), journal.assessments())
    from_sql = build_trend_series_from_days(totals, *args)
    from_entries = build_trend_series(moods, *args)
    for name in ("mood_x", "mood_y", "mood_counts", "mean7_y", "anxiety_x", "anxiety_y",
                 "anxiety_counts", "sleep_x", "sleep_counts", "booster_x", "side_effect_x"):
        assert getattr(from_sql, name).tolist() == getattr(from_entries, name).tolist(), name
    assert from_sql.sleep_y.tolist() == pytest.approx(from_entries.sleep_y.tolist())
    assert from_sql.mood_days == from_entries.mood_days
    assert len(from_sql.mood_days) > 3000
