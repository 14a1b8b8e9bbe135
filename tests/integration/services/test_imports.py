"""Other apps' exports end to end: a new patient's Daylio history gives a baseline and factors.

Each reader's own tests are in tests/integration/services/imports/; every expectation is
worked out by hand from the fixture (tests/fixtures/imports/) and docs/import.md.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from ketajournal.domain import booster_analysis, boosters, factors
from ketajournal.domain.models import Phase
from ketajournal.services.imports import daylio

ZONE = timezone(timedelta(hours=1))


def at(day: str, clock: str = "12:00") -> datetime:
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=ZONE)


# -- a new patient's history, end to end (pure) ------------------------------------------------


def test_eighteen_months_of_daylio_give_the_baseline_and_a_factor_with_an_interval() -> None:
    first = date(2025, 1, 1)

    def label(i: int) -> str:
        return "tired but ok" if i % 7 == 0 else "good" if i % 4 < 2 else "meh"

    score = {"tired but ok": 4, "good": 7, "meh": 5}
    lines = ["full_date,date,weekday,time,mood,activities,note_title,note"]
    for i in reversed(range(546)):  # 18 months, newest first as Daylio writes them
        d = first + timedelta(days=i)
        walk = "walk | work" if i % 4 < 2 else "work"
        lines.append(f"{d.isoformat()},x,y,20:00,{label(i)},{walk},,")
    data = ("\n".join(lines) + "\n").encode()
    result = daylio.read_daylio(Path("daylio.csv"), {"Tired but OK": 4}, zone=ZONE, data=data)
    assert len(result.entries) == 546

    daily = boosters.daily_mood([item.entry for item in result.entries])
    session_day = first + timedelta(days=500)
    session = boosters.SessionPoint(
        at=datetime.combine(session_day, time(10)).replace(tzinfo=ZONE),
        day=session_day, phase=Phase.INDUCTION,
    )
    analysis = booster_analysis.analyse_boosters(daily, [session])
    # B: the mean over days 486 … 499, worked out from the labels directly.
    expected = sum(score[label(i)] for i in range(486, 500)) / 14
    assert analysis.baseline_level == pytest.approx(expected)

    tags = {item.entry.at.date(): item.tags for item in result.entries}
    walk = next(f for f in factors.tag_factors(tags) if f.key == "tag:walk")
    effect = factors.factor_effect(daily, walk, session_days=[session_day])
    # Walks on days with i % 4 < 2: 274 of the 546 days, 272 without. The session
    # day (i = 500, a walk) is alone in its band, so it compares nothing: 273 vs 272.
    assert (effect.days_with, effect.days_without) == (273, 272)
    assert effect.low is not None and effect.low > 0  # walking days were better days
    assert factors.describe(effect).startswith("On days with walk your mood was 1.")
