"""Daylight-saving changes and a journal moved between time zones keep every entry on its day.

An entry's day is the calendar date on the clock the user read when logging —
the date in the UTC offset it was logged with — not the date in UTC and not the
date in the zone the computer is in today. These tests log entries with real
zones (``zoneinfo``) around the 2026 changes in Berlin and New York, in the
+05:45 and +13:45 zones, and for a patient who flew from Berlin to New York, into
a real encrypted journal, and follow them through storage, reopening, the JSON
and CSV round trips, the daily means of the charts, the booster analysis and the
clinician report — and through a change of the process's own time zone.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from ketajournal.domain.boosters import SessionPoint, daily_mood
from ketajournal.domain.models import Entry, MoodEntry, Phase, Route, Session
from ketajournal.domain.series import build_trend_series
from ketajournal.domain.timeutil import fixed_offset, in_zone, local_day, parse_time
from ketajournal.platform.clock import system_now
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import clinical, exchange
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal
from ketajournal.services.reports import build_report
from tests.support.clock import FixedClock
from tests.support.paths import ROOT

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
KATHMANDU = ZoneInfo("Asia/Kathmandu")  # +05:45 all year
CHATHAM = ZoneInfo("Pacific/Chatham")  # +13:45 in the southern summer, +12:45 in winter


def wall(zone: ZoneInfo, text: str, *, second: bool = False) -> datetime:
    """A wall-clock time in ``zone``; ``second`` picks the second of a repeated hour."""
    naive = datetime.fromisoformat(text)
    if second:
        return fixed_offset(naive.replace(tzinfo=zone, fold=1))
    return in_zone(naive, zone)


def stored_days(journal: Journal, table: str = "mood_entries") -> list[tuple[str, str]]:
    """The stored ``at`` and ``day`` columns, in time order (the journal's own index)."""
    rows = journal._db.execute(f"SELECT at, day FROM {table} ORDER BY ts, id").fetchall()
    return [(str(at), str(day)) for at, day in rows]


def days_of(entries: list[Any]) -> list[tuple[str, str]]:
    return [(e.at.isoformat(), local_day(e.at).isoformat()) for e in entries]


# -- one case per rule, each with the day it must stay on --------------------------------------

#: (time as logged, the day the user lived it, mood). Moods make each day's mean distinct.
DST_CASES: list[tuple[datetime, str, int]] = [
    # Berlin, clocks forward on 29 March 2026: 02:00 CET becomes 03:00 CEST.
    (wall(BERLIN, "2026-03-28T23:30"), "2026-03-28", 2),
    (wall(BERLIN, "2026-03-29T00:30"), "2026-03-29", 3),  # 23:30 UTC on the 28th
    (wall(BERLIN, "2026-03-29T01:59"), "2026-03-29", 4),
    (wall(BERLIN, "2026-03-29T02:30"), "2026-03-29", 5),  # skipped: read as 03:30+02:00
    (wall(BERLIN, "2026-03-29T03:00"), "2026-03-29", 6),
    (wall(BERLIN, "2026-03-29T23:59"), "2026-03-29", 7),  # a 23-hour day
    # Berlin, clocks back on 25 October 2026: 03:00 CEST becomes 02:00 CET again.
    (wall(BERLIN, "2026-10-25T00:30"), "2026-10-25", 1),  # 22:30 UTC on the 24th
    (wall(BERLIN, "2026-10-25T02:30"), "2026-10-25", 2),  # first 02:30, +02:00
    (wall(BERLIN, "2026-10-25T02:10", second=True), "2026-10-25", 3),  # second, +01:00
    (wall(BERLIN, "2026-10-25T02:30", second=True), "2026-10-25", 4),
    (wall(BERLIN, "2026-10-25T23:59"), "2026-10-25", 9),  # a 25-hour day
    # New York: forward on 8 March, back on 1 November 2026.
    (wall(NEW_YORK, "2026-03-07T23:00"), "2026-03-07", 5),  # 04:00 UTC on the 8th
    (wall(NEW_YORK, "2026-03-08T02:30"), "2026-03-08", 6),  # skipped: 03:30-04:00
    (wall(NEW_YORK, "2026-11-01T01:30"), "2026-11-01", 7),  # first, -04:00
    (wall(NEW_YORK, "2026-11-01T01:30", second=True), "2026-11-01", 8),  # second, -05:00
    (wall(NEW_YORK, "2026-11-01T21:00"), "2026-11-01", 2),  # 02:00 UTC on the 2nd
    # Quarter-hour offsets: the UTC date differs from the lived day.
    (wall(KATHMANDU, "2026-05-01T05:00"), "2026-05-01", 4),  # 23:15 UTC on 30 April
    (wall(CHATHAM, "2026-01-10T08:00"), "2026-01-10", 8),  # +13:45: 18:15 UTC on the 9th
    (wall(CHATHAM, "2026-04-05T02:50"), "2026-04-05", 3),  # back: 03:45 became 02:45
    (wall(CHATHAM, "2026-07-01T06:00"), "2026-07-01", 6),  # +12:45 in winter
]


def test_the_cases_are_what_they_claim() -> None:
    """The wall times above land where the zone rules put them (a check of the fixture)."""
    offsets = [at.isoformat()[19:] for at, _, _ in DST_CASES]
    assert offsets[3] == "+02:00" and DST_CASES[3][0].hour == 3  # 02:30 skipped → 03:30
    assert offsets[7:10] == ["+02:00", "+01:00", "+01:00"]
    assert DST_CASES[8][0] > DST_CASES[7][0]  # the second 02:10 is after the first 02:30
    assert offsets[13:15] == ["-04:00", "-05:00"]
    assert offsets[17] == "+13:45" and offsets[19] == "+12:45" and offsets[16] == "+05:45"
    for at, day, _ in DST_CASES:
        assert at.tzinfo is not None and at.utcoffset() is not None
        assert local_day(at).isoformat() == day
    assert any(at.astimezone(UTC).date().isoformat() != day for at, day, _ in DST_CASES)


@pytest.fixture
def dst_journal(journal: Journal) -> Journal:
    """The DST cases logged in a shuffled order, as a patient may back-fill them."""
    order = [5, 0, 9, 2, 14, 7, 19, 1, 11, 3, 16, 8, 6, 18, 4, 13, 10, 17, 12, 15]
    assert sorted(order) == list(range(len(DST_CASES)))
    for index in order:
        at, _, mood = DST_CASES[index]
        journal.log(MoodEntry(at=at, mood=mood))
    return journal


def expected_daily_means() -> dict[str, float]:
    by_day: dict[str, list[int]] = {}
    for _, day, mood in DST_CASES:
        by_day.setdefault(day, []).append(mood)
    return {day: sum(moods) / len(moods) for day, moods in sorted(by_day.items())}


def chronological() -> list[tuple[str, str]]:
    cases = sorted(DST_CASES, key=lambda case: case[0].timestamp())
    return [(at.isoformat(), day) for at, day, _ in cases]


def test_dst_entries_keep_their_day_and_their_order_in_storage(dst_journal: Journal) -> None:
    assert stored_days(dst_journal) == chronological()
    assert days_of(dst_journal.moods()) == chronological()
    # The repeated hour: the first 02:30 (+02:00), then the second 02:10 and 02:30 (+01:00).
    repeated = [e.at.isoformat() for e in dst_journal.moods()
                if e.at.date() == date(2026, 10, 25) and e.at.hour == 2]
    assert repeated == ["2026-10-25T02:30:00+02:00", "2026-10-25T02:10:00+01:00",
                        "2026-10-25T02:30:00+01:00"]


def test_dst_days_give_the_daily_means_of_charts_boosters_and_sql(dst_journal: Journal) -> None:
    expected = expected_daily_means()
    moods = dst_journal.moods()
    series = build_trend_series(moods, [], [])
    assert [d.isoformat() for d in series.mood_days] == list(expected)
    assert series.mood_y.tolist() == list(expected.values())
    assert series.mood_counts.tolist() == [
        sum(1 for _, day, _ in DST_CASES if day == d) for d in expected
    ]
    domain = daily_mood(moods)
    assert [d.isoformat() for d in domain.days] == list(expected)
    assert domain.values.tolist() == list(expected.values())
    sql = dst_journal.daily_mood_means()
    assert [(d.isoformat(), m) for d, m in sql] == list(expected.items())
    # Each day's point is at noon of that day, in the offset of its first entry.
    first_of_day: dict[date, datetime] = {}
    for entry in sorted(moods, key=lambda m: m.at):
        first_of_day.setdefault(entry.at.date(), entry.at)
    for x, day in zip(series.mood_x.tolist(), series.mood_days, strict=True):
        noon = datetime.fromtimestamp(x, tz=first_of_day[day].tzinfo)
        assert (noon.date(), noon.hour, noon.minute) == (day, 12, 0)
    # Days on both sides of the 23- and 25-hour days stay separate days.
    assert {"2026-03-28", "2026-03-29", "2026-10-25"} <= set(expected)


def test_sessions_around_dst_changes_feed_the_booster_analysis_on_their_days(
    journal: Journal,
) -> None:
    induction = wall(BERLIN, "2026-03-29T00:30")  # 23:30 UTC on the 28th
    booster = wall(BERLIN, "2026-10-25T02:30", second=True)
    journal.log(Session(at=induction, route=Route.IV, phase=Phase.INDUCTION, dose_mg=35))
    journal.log(Session(at=booster, route=Route.IV, phase=Phase.BOOSTER, dose_mg=35))
    for day in range(20, 32):  # moods around the first session, 08:00 local each day
        journal.log(MoodEntry(at=wall(BERLIN, f"2026-03-{day:02d}T08:00"), mood=day % 7 + 2))
    points = [SessionPoint.from_session(s) for s in journal.sessions()]
    assert [(p.day, p.phase) for p in points] == [
        (date(2026, 3, 29), Phase.INDUCTION), (date(2026, 10, 25), Phase.BOOSTER)
    ]
    analysis = clinical.booster_analysis(journal)
    assert [c.session.day for c in analysis.cycles] == [date(2026, 3, 29), date(2026, 10, 25)]
    mood_days = {m.at.date() for m in journal.moods()}
    assert mood_days == {date(2026, 3, day) for day in range(20, 32)}


# -- a patient who moved from Berlin (+01:00) to New York (-05:00) --------------------------

PLUS_ONE_DAYS = [
    ("2026-11-18T08:00:00+01:00", "2026-11-18", 4),
    ("2026-11-19T23:30:00+01:00", "2026-11-19", 5),  # 22:30 UTC
    ("2026-11-20T00:30:00+01:00", "2026-11-20", 6),  # 23:30 UTC on the 19th
    ("2026-11-21T07:00:00+01:00", "2026-11-21", 7),  # flies west later that day
]
MINUS_FIVE_DAYS = [
    ("2026-11-20T23:30:00-05:00", "2026-11-20", 3),  # after the flight: 04:30 UTC on the 21st,
    ("2026-11-21T19:00:00-05:00", "2026-11-21", 8),  # the 20th lived again in New York
    ("2026-11-21T21:30:00-05:00", "2026-11-21", 9),  # 02:30 UTC on the 22nd
    ("2026-11-22T00:15:00-05:00", "2026-11-22", 2),
]
MOVED = PLUS_ONE_DAYS + MINUS_FIVE_DAYS


@pytest.fixture
def moved(journal: Journal) -> Journal:
    """Mood entries and a session logged in Berlin, then in New York."""
    for at, _, mood in MOVED:
        journal.log(MoodEntry(at=datetime.fromisoformat(at), mood=mood))
    journal.log(Session(at=datetime.fromisoformat("2026-11-21T21:00:00-05:00"),
                        route=Route.NASAL, phase=Phase.BOOSTER))
    return journal


def moved_expected() -> list[tuple[str, str]]:
    ordered = sorted(MOVED, key=lambda case: datetime.fromisoformat(case[0]).timestamp())
    return [(datetime.fromisoformat(at).isoformat(), day) for at, day, _ in ordered]


def moved_means() -> dict[str, float]:
    by_day: dict[str, list[int]] = {}
    for _, day, mood in MOVED:
        by_day.setdefault(day, []).append(mood)
    return {day: sum(m) / len(m) for day, m in sorted(by_day.items())}


def test_a_moved_journal_keeps_each_entry_on_its_day_in_storage_and_after_reopening(
    moved: Journal, paths: JournalPaths, clock: FixedClock
) -> None:
    assert any(datetime.fromisoformat(at).astimezone(UTC).date().isoformat() != day
               for at, day, _ in MOVED)
    assert stored_days(moved) == moved_expected()
    assert stored_days(moved, "sessions") == [("2026-11-21T21:00:00-05:00", "2026-11-21")]
    moved.close()
    again = open_journal(paths, KeyringKeyStore(), clock=clock)
    try:
        assert days_of(again.moods()) == moved_expected()
        assert stored_days(again) == moved_expected()
        assert [(d.isoformat(), m) for d, m in again.daily_mood_means()] == list(
            moved_means().items())
        on_20th = again.entries_on_days("mood", date(2026, 11, 20), date(2026, 11, 20))
        assert sorted(e.at.isoformat() for e in on_20th) == [
            "2026-11-20T00:30:00+01:00", "2026-11-20T23:30:00-05:00"]
    finally:
        again.close()


def test_a_moved_journal_survives_the_json_and_csv_round_trips_on_its_days(
    moved: Journal, tmp_path: Path, clock: FixedClock
) -> None:
    document = moved.export_document()
    moved.export_json(tmp_path / "export.json")
    exchange.export_csv(moved, tmp_path / "csv")
    for source, home in ((tmp_path / "export.json", "from-json"), (tmp_path / "csv", "from-csv")):
        other = open_journal(JournalPaths(tmp_path / home), KeyringKeyStore(), clock=clock)
        try:
            result = exchange.import_path(other, source)
            assert result.added["mood"] == len(MOVED) and result.added["session"] == 1
            assert other.export_document() == document
            assert stored_days(other) == moved_expected()
            assert [(d.isoformat(), m) for d, m in other.daily_mood_means()] == list(
                moved_means().items())
        finally:
            other.close()
    items = {item["at"]: item["day"] for item in document["entries"]["mood"]}
    assert items == {datetime.fromisoformat(at).isoformat(): day for at, day, _ in MOVED}


def test_a_moved_journal_gives_the_same_daily_means_to_charts_and_boosters(
    moved: Journal,
) -> None:
    expected = moved_means()
    series = build_trend_series(moved.moods(), moved.sessions(), [])
    assert [d.isoformat() for d in series.mood_days] == list(expected)
    assert series.mood_y.tolist() == list(expected.values())
    assert daily_mood(moved.moods()).by_day() == {
        date.fromisoformat(d): m for d, m in expected.items()}
    analysis = clinical.booster_analysis(moved)
    assert [c.session.day for c in analysis.cycles] == [date(2026, 11, 21)]


def test_the_report_lists_a_moved_journal_on_the_days_as_logged(moved: Journal) -> None:
    report = build_report(moved, date(2026, 11, 18), date(2026, 11, 22), include_notes=True,
                          name=None, since_last_appointment=False)
    trend = report.charts.trend
    shown = dict(zip([d.isoformat() for d in trend.mood_days], trend.mood_values, strict=True))
    assert shown == moved_means()
    assert [row.day for row in report.details.sessions] == [date(2026, 11, 21)]
    # A period of one lived day holds exactly the entries logged on it.
    one_day = build_report(moved, date(2026, 11, 20), date(2026, 11, 20), include_notes=True,
                           name=None, since_last_appointment=False)
    assert one_day.period.contains(date(2026, 11, 20))
    assert [d for d in one_day.charts.trend.mood_days if one_day.period.contains(d)] == [
        date(2026, 11, 20)]
    assert one_day.details.sessions == ()


# -- the computer's own zone changes ---------------------------------------------------------


def test_a_new_process_zone_moves_no_entry_and_gives_today_in_that_zone(
    moved: Journal, process_zone: Any
) -> None:
    process_zone("Europe/Berlin")
    before = (days_of(moved.moods()), moved.daily_mood_means(),
              build_trend_series(moved.moods(), [], []).mood_x.tolist())
    for zone in ("America/New_York", "Asia/Kathmandu", "Pacific/Chatham", "UTC"):
        process_zone(zone)
        after = (days_of(moved.moods()), moved.daily_mood_means(),
                 build_trend_series(moved.moods(), [], []).mood_x.tolist())
        assert after == before, zone
        # "Now" and "today" come from the clock, in the zone the computer is in now.
        now = system_now()
        assert now.utcoffset() == ZoneInfo(zone).utcoffset(now.replace(tzinfo=None))
        assert now.date() == datetime.now(ZoneInfo(zone)).date() or now.hour == 0
        # A time typed without an offset is read in that zone, on the day typed.
        typed = parse_time("at", "2026-11-20T23:30")
        assert typed.utcoffset() == ZoneInfo(zone).utcoffset(datetime(2026, 11, 20, 23, 30))
        assert local_day(typed) == date(2026, 11, 20)


def test_the_command_line_logs_a_naive_time_on_its_day_in_the_process_zone(
    tmp_path: Path,
) -> None:
    """``ketajournal log mood 5 --at 2026-03-29T02:30`` in Berlin: 03:30+02:00, the 29th."""
    script = (
        "import sys, json\n"
        "from ketajournal.domain.timeutil import parse_time, local_day\n"
        "from ketajournal.platform.clock import system_now\n"
        "out = {}\n"
        "for text in sys.argv[1:]:\n"
        "    at = parse_time('at', text)\n"
        "    out[text] = [at.isoformat(), local_day(at).isoformat()]\n"
        "out['now_offset'] = system_now().isoformat()[19:]\n"
        "print(json.dumps(out))\n"
    )
    times = ["2026-03-29T02:30", "2026-10-25T02:30", "2026-10-25T03:00", "2026-03-08T02:30",
             "2026-11-01T01:30", "2026-11-20"]
    results = {}
    for zone in ("Europe/Berlin", "America/New_York"):
        env = dict(os.environ, TZ=zone, PYTHONPATH=str(ROOT))
        done = subprocess.run([sys.executable, "-c", script, *times], env=env, check=True,
                              capture_output=True, text=True, cwd=ROOT, timeout=60)
        import json

        results[zone] = json.loads(done.stdout)
    berlin, new_york = results["Europe/Berlin"], results["America/New_York"]
    assert berlin["2026-03-29T02:30"] == ["2026-03-29T03:30:00+02:00", "2026-03-29"]
    assert berlin["2026-10-25T02:30"] == ["2026-10-25T02:30:00+02:00", "2026-10-25"]
    assert berlin["2026-10-25T03:00"] == ["2026-10-25T03:00:00+01:00", "2026-10-25"]
    assert berlin["2026-11-20"] == ["2026-11-20T12:00:00+01:00", "2026-11-20"]
    assert new_york["2026-03-08T02:30"] == ["2026-03-08T03:30:00-04:00", "2026-03-08"]
    assert new_york["2026-11-01T01:30"] == ["2026-11-01T01:30:00-04:00", "2026-11-01"]
    assert new_york["2026-11-20"] == ["2026-11-20T12:00:00-05:00", "2026-11-20"]
    # The same text in a named zone gives the same times as in the process's zone.
    for text in times:
        assert parse_time("at", text, BERLIN).isoformat() == berlin[text][0]
        assert parse_time("at", text, NEW_YORK).isoformat() == new_york[text][0]
    assert berlin["now_offset"] in ("+01:00", "+02:00")
    assert new_york["now_offset"] in ("-05:00", "-04:00")


def test_a_time_in_a_named_zone_is_kept_with_a_fixed_offset() -> None:
    """Two ZoneInfo times in the repeated hour compare by wall clock; parsed ones never do."""
    first = datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN)
    second = first.replace(fold=1)
    assert first == second  # Python's rule for one shared tzinfo: the trap this avoids
    kept = [parse_time("at", "2026-10-25T02:30", BERLIN), wall(BERLIN, "2026-10-25T02:30",
                                                                 second=True)]
    assert kept[0] < kept[1] and kept[1] - kept[0] == timedelta(hours=1)
    assert all(type(k.tzinfo).__name__ == "timezone" for k in kept)
    entries: list[Entry] = [MoodEntry(at=k, mood=5) for k in kept]
    assert entries[0].at < entries[1].at


def test_a_time_is_shown_on_the_clock_it_was_logged_on() -> None:
    """The timeline's text for an entry names the day it is counted on, wherever we are."""
    from ketajournal.domain.timeutil import as_logged

    new_york_evening = datetime.fromisoformat("2026-11-20T23:30:00-05:00")
    assert as_logged(new_york_evening, BERLIN) == "Fri 20 Nov 2026 23:30 (UTC−05:00)"
    assert as_logged(new_york_evening, NEW_YORK) == "Fri 20 Nov 2026 23:30"
    chatham = wall(CHATHAM, "2026-01-10T08:00")
    assert as_logged(chatham, BERLIN) == "Sat 10 Jan 2026 08:00 (UTC+13:45)"
    assert as_logged(wall(BERLIN, "2026-10-25T02:30", second=True),
                     BERLIN) == "Sun 25 Oct 2026 02:30"
    # Summer time seen from a winter day at home: the clock of then, no suffix.
    assert as_logged(datetime.fromisoformat("2026-07-01T20:00:00+02:00"),
                     BERLIN) == "Wed 01 Jul 2026 20:00"
