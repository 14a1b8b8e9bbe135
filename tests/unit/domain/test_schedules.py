"""Schedule templates: exact dates from hand-computed calendars, DST, validation."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from ketajournal.domain import schedules
from ketajournal.domain.models import Route
from ketajournal.domain.schedules import PlannedSession, parse_weekdays
from ketajournal.domain.validation import ValidationError

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
TEN = time(10, 0)


def _iso(plan: list[PlannedSession]) -> list[str]:
    return [p.at.isoformat() for p in plan]


def test_iv_induction_from_a_friday_across_spring_forward_in_berlin() -> None:
    # 2026-03-20 is a Friday; Berlin moves to summer time on Sunday 2026-03-29.
    plan = schedules.iv_induction(date(2026, 3, 20), TEN, BERLIN)
    assert _iso(plan) == [
        "2026-03-20T10:00:00+01:00",  # Fri
        "2026-03-23T10:00:00+01:00",  # Mon
        "2026-03-25T10:00:00+01:00",  # Wed
        "2026-03-27T10:00:00+01:00",  # Fri
        "2026-03-30T10:00:00+02:00",  # Mon, summer time: same wall clock, new offset
        "2026-04-01T10:00:00+02:00",  # Wed
    ]
    assert {p.route for p in plan} == {Route.IV}


def test_iv_induction_twice_weekly_takes_three_weeks_across_us_dst() -> None:
    # From Monday 2026-03-02 on Tue/Thu; New York springs forward on 2026-03-08.
    plan = schedules.iv_induction(
        date(2026, 3, 2), time(8, 30), NEW_YORK, weekdays="tue,thu", clinic="North clinic"
    )
    assert _iso(plan) == [
        "2026-03-03T08:30:00-05:00",
        "2026-03-05T08:30:00-05:00",
        "2026-03-10T08:30:00-04:00",
        "2026-03-12T08:30:00-04:00",
        "2026-03-17T08:30:00-04:00",
        "2026-03-19T08:30:00-04:00",
    ]
    assert plan[-1].at - plan[0].at == timedelta(days=16, hours=-1)
    assert {p.clinic for p in plan} == {"North clinic"}


def test_esketamine_label_schedule_from_a_monday_weekly_maintenance() -> None:
    plan = schedules.esketamine(date(2026, 1, 5), TEN, BERLIN, dose_mg=56)
    days = [p.at.date().isoformat() for p in plan]
    assert days == [
        # weeks 1-4: Mon and Thu
        "2026-01-05", "2026-01-08", "2026-01-12", "2026-01-15",
        "2026-01-19", "2026-01-22", "2026-01-26", "2026-01-29",
        # weeks 5-8: once a week on Monday
        "2026-02-02", "2026-02-09", "2026-02-16", "2026-02-23",
        # 8 weeks of weekly maintenance from week 9
        "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23",
        "2026-03-30", "2026-04-06", "2026-04-13", "2026-04-20",
    ]
    assert {p.at.strftime("%H:%M") for p in plan} == {"10:00"}
    assert plan[15].at.utcoffset() == timedelta(hours=1)  # 23 Mar, winter time
    assert plan[16].at.utcoffset() == timedelta(hours=2)  # 30 Mar, summer time
    assert {p.route for p in plan} == {Route.NASAL}
    assert {p.dose_mg for p in plan} == {56.0}


def test_esketamine_biweekly_maintenance_starts_in_week_nine() -> None:
    plan = schedules.esketamine(date(2026, 1, 5), TEN, BERLIN, maintenance="biweekly")
    assert [p.at.date().isoformat() for p in plan[12:]] == [
        "2026-03-02", "2026-03-16", "2026-03-30", "2026-04-13"
    ]
    odd = schedules.esketamine(date(2026, 1, 5), TEN, BERLIN, maintenance="biweekly", weeks=3)
    assert [p.at.date().isoformat() for p in odd[12:]] == ["2026-03-02", "2026-03-16"]


def test_esketamine_from_a_friday_waits_for_the_first_chosen_weekday() -> None:
    # Friday 2026-01-09, Mon/Thu: the plan starts on Monday 12 Jan.
    plan = schedules.esketamine(date(2026, 1, 9), TEN, BERLIN, weeks=0)
    assert [p.at.date().isoformat() for p in plan] == [
        "2026-01-12", "2026-01-15", "2026-01-19", "2026-01-22",
        "2026-01-26", "2026-01-29", "2026-02-02", "2026-02-05",
        "2026-02-09", "2026-02-16", "2026-02-23", "2026-03-02",
    ]


def test_esketamine_weeks_count_from_a_friday_first_session() -> None:
    # Thu/Fri from Friday 2026-01-09: week 1 is Fri 9 .. Thu 15.
    plan = schedules.esketamine(date(2026, 1, 9), TEN, BERLIN, weekdays=("thu", "fri"), weeks=1)
    assert [p.at.strftime("%a %d %b") for p in plan] == [
        "Fri 09 Jan", "Thu 15 Jan", "Fri 16 Jan", "Thu 22 Jan",
        "Fri 23 Jan", "Thu 29 Jan", "Fri 30 Jan", "Thu 05 Feb",
        "Fri 06 Feb", "Fri 13 Feb", "Fri 20 Feb", "Fri 27 Feb",
        "Fri 06 Mar",
    ]


def test_im_induction_default_is_six_twice_weekly() -> None:
    plan = schedules.im_induction(date(2026, 1, 5), TEN, BERLIN)
    assert [p.at.strftime("%a %d") for p in plan] == [
        "Mon 05", "Thu 08", "Mon 12", "Thu 15", "Mon 19", "Thu 22"
    ]
    assert {p.route for p in plan} == {Route.IM}
    assert len(schedules.im_induction(date(2026, 1, 5), TEN, BERLIN, count=4)) == 4


def test_custom_every_week_keeps_wall_clock_across_fall_back() -> None:
    # New York falls back on Sunday 2026-11-01.
    first = datetime(2026, 10, 20, 18, 0, tzinfo=NEW_YORK)
    plan = schedules.custom(first, "oral", every=1, unit="weeks", count=3, dose_mg=100)
    assert _iso(plan) == [
        "2026-10-20T18:00:00-04:00",
        "2026-10-27T18:00:00-04:00",
        "2026-11-03T18:00:00-05:00",
    ]
    assert plan[0].route is Route.ORAL


def test_custom_every_n_days_and_a_time_skipped_by_spring_forward() -> None:
    first = datetime(2026, 3, 27, 2, 30, tzinfo=BERLIN)
    plan = schedules.custom(first, Route.IM, every=2, count=3)
    # 29 March 02:30 does not exist in Berlin: the session lands at 03:30 summer time.
    assert _iso(plan) == [
        "2026-03-27T02:30:00+01:00",
        "2026-03-29T03:30:00+02:00",
        "2026-03-31T02:30:00+02:00",
    ]


def test_custom_with_a_fixed_offset_steps_by_whole_days() -> None:
    first = datetime(2026, 5, 1, 9, 0, tzinfo=timezone(timedelta(hours=2)))
    plan = schedules.custom(first, "iv", every=10, count=2)
    assert _iso(plan) == ["2026-05-01T09:00:00+02:00", "2026-05-11T09:00:00+02:00"]


@pytest.mark.parametrize(
    ("call", "field", "words"),
    [
        (lambda: schedules.iv_induction(date(2026, 1, 5), TEN, BERLIN, weekdays=["mon"]),
         "weekdays", "2 to 3 different days"),
        (lambda: schedules.iv_induction(date(2026, 1, 5), TEN, BERLIN, weekdays="mon,funday"),
         "weekdays", "mon,tue,wed,thu,fri,sat,sun"),
        (lambda: schedules.iv_induction(date(2026, 1, 5), TEN, BERLIN, weekdays="mon,mon"),
         "weekdays", "twice"),
        (lambda: schedules.esketamine(date(2026, 1, 5), TEN, BERLIN, weekdays="mon,wed,fri"),
         "weekdays", "2 to 2"),
        (lambda: schedules.esketamine(date(2026, 1, 5), TEN, BERLIN, weeks=105),
         "weeks", "0 to 104"),
        (lambda: schedules.esketamine(date(2026, 1, 5), TEN, BERLIN,
                                      maintenance="monthly"),  # type: ignore[arg-type]
         "maintenance", "weekly or biweekly"),
        (lambda: schedules.im_induction(date(2026, 1, 5), TEN, BERLIN, count=13),
         "count", "1 to 12"),
        (lambda: schedules.custom(datetime(2026, 1, 5, 10, tzinfo=BERLIN), "iv", every=53,
                                  unit="weeks", count=2), "every", "1 to 52"),
        (lambda: schedules.custom(datetime(2026, 1, 5, 10, tzinfo=BERLIN), "iv", every=0,
                                  count=2), "every", "1 to 365"),
        (lambda: schedules.custom(datetime(2026, 1, 5, 10, tzinfo=BERLIN), "iv", every=1,
                                  count=101), "count", "1 to 100"),
        (lambda: schedules.custom(datetime(2026, 1, 5, 10), "iv", every=1, count=1),
         "first", "time zone"),
        (lambda: schedules.custom(datetime(2026, 1, 5, 10, tzinfo=BERLIN), "pill", every=1,
                                  count=1), "route", "iv"),
        (lambda: PlannedSession(at=datetime(2026, 1, 5, 10), route=Route.IV), "at", "time zone"),
        (lambda: PlannedSession(at=datetime(2026, 1, 5, 10, tzinfo=BERLIN), route=Route.IV,
                                dose_mg=5000), "dose_mg", "0.1 to 2000 mg"),
        (lambda: PlannedSession(at=datetime(2026, 1, 5, 10, tzinfo=BERLIN), route=Route.IV,
                                clinic="x" * 201), "clinic", "200"),
    ],
)
def test_validation_names_the_field_and_the_range(call: object, field: str, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        call()  # type: ignore[operator]
    assert caught.value.field == field
    assert words in str(caught.value)


def test_parse_weekdays_accepts_full_names_and_sorts() -> None:
    assert parse_weekdays("weekdays", "Friday, monday,wed") == (0, 2, 4)
    assert parse_weekdays("weekdays", ["sun"]) == (6,)


def test_esketamine_plans_weeks_one_to_four_as_induction_then_boosters() -> None:
    plan = schedules.esketamine(date(2026, 1, 5), TEN, BERLIN, weeks=2)
    assert [p.phase.value for p in plan] == ["induction"] * 8 + ["booster"] * 6


def test_iv_and_custom_plans_carry_their_phase() -> None:
    assert {p.phase.value for p in schedules.iv_induction(date(2026, 1, 5), TEN, BERLIN)} == {
        "induction"}
    later = schedules.custom(datetime(2026, 1, 5, 10, tzinfo=BERLIN), "iv", every=4,
                             unit="weeks", count=2, phase="booster")
    assert {p.phase.value for p in later} == {"booster"}
    with pytest.raises(ValidationError) as caught:
        schedules.custom(datetime(2026, 1, 5, 10, tzinfo=BERLIN), "iv", every=4, count=2,
                         phase="maintenance")
    assert caught.value.field == "phase"
