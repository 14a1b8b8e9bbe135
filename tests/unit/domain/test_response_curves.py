"""The response curves the booster chart draws, taken from a booster analysis."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import numpy as np
import pytest

from ketajournal.domain.booster_analysis import analyse_boosters
from ketajournal.domain.boosters import SessionPoint, daily_mood
from ketajournal.domain.models import MoodEntry, Phase, Route, Session
from ketajournal.domain.response_curves import (
    CycleCurve,
    ResponseCurves,
    cycle_label,
    response_curves,
)

CET = timezone(timedelta(hours=1))


def at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=CET)


def mood(day: date, hour: int, score: int) -> MoodEntry:
    return MoodEntry(at=at(day, hour), mood=score)


def session(day: date, phase: Phase) -> Session:
    return Session(at=at(day, 10), route=Route.IV, phase=phase, dose_mg=36.0)


def test_response_curves_carry_the_analysis_arrays() -> None:
    start = date(2025, 3, 1)
    moods = [mood(start - timedelta(days=k), 20, 3) for k in range(1, 4)]
    moods += [mood(start + timedelta(days=k), 20, v) for k, v in ((1, 7), (2, 7), (3, 4))]
    booster_day = start + timedelta(days=5)
    moods += [mood(booster_day + timedelta(days=k), 20, v) for k, v in ((1, 8), (3, 6))]
    sessions = [
        SessionPoint.from_session(session(start, Phase.INDUCTION)),
        SessionPoint.from_session(session(booster_day, Phase.BOOSTER)),
    ]
    analysis = analyse_boosters(daily_mood(moods), sessions)
    curves = response_curves(analysis)
    assert curves.threshold == analysis.threshold
    assert [c.is_booster for c in curves.cycles] == [False, True]
    assert curves.cycles[1].offsets.tolist() == [1.0, 3.0]
    assert curves.cycles[1].values.tolist() == [8.0, 6.0]
    assert curves.median_offsets.tolist() == [1.0, 3.0]
    assert curves.median_values.tolist() == [8.0, 6.0]
    assert curves.longest_offset == 3
    assert curves.cycles[1].label == cycle_label(analysis.cycles[1])
    assert curves.cycles[1].label == "Booster of Thu 6 Mar 2025 (36 mg) — held ≥ 3 days"
    # B = 3; P = mean of E+1 … E+7 = (7 + 7 + 4 + 8) / 4 = 6.5; T = 3 + 3.5 / 2
    assert curves.threshold == pytest.approx(4.75)


def test_curves_refuse_arrays_of_different_lengths() -> None:
    with pytest.raises(ValueError):
        CycleCurve(np.array([1.0, 2.0]), np.array([5.0]), False, "Induction")
    with pytest.raises(ValueError):
        ResponseCurves(median_offsets=np.array([1.0]), median_values=np.array([]))
    assert ResponseCurves().longest_offset == 0
