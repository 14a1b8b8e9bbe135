"""Other apps' exports end to end: a new patient's Daylio history gives a baseline and factors.

Each reader's own tests are in tests/integration/services/imports/; every expectation is
worked out by hand from the fixture (tests/fixtures/imports/) and docs/import.md.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from ketajournal.domain import booster_analysis, boosters, factors
from ketajournal.domain.models import Phase, Route, Session
from ketajournal.services.imports import daylio
from ketajournal.services.journal import Journal
from tests.support import exports

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


# -- the done-when of issue 18, through the journal ---------------------------------------------


def test_a_new_patients_daylio_history_imports_and_gives_baseline_and_a_sleep_association(
    journal: Journal,
) -> None:
    """18 months of Daylio: moods mapped, the baseline before the first session from it,
    and the factors report says something true about sleep, with an interval."""
    from ketajournal.services import app_import, clinical
    from ketajournal.services.mood_factors import factor_report

    data = exports.daylio_history()
    options = app_import.ImportOptions("daylio", zone=ZONE)
    with pytest.raises(daylio.UnmappedMoodsError) as unmapped:
        app_import.read_file(Path("daylio.csv"), options, data=data)
    assert unmapped.value.labels == (exports.CUSTOM_LABEL,)
    mapped = app_import.ImportOptions("daylio", {"Tired but OK": 4}, zone=ZONE)
    parsed = app_import.read_file(Path("daylio.csv"), mapped, data=data)
    result = app_import.import_parsed(journal, parsed, remember={"Tired but OK": 4})
    assert result.added == exports.HISTORY_DAYS and result.duplicates == 0
    assert result.backup is not None and result.backup.is_file()

    session_day = exports.HISTORY_START + timedelta(days=500)
    journal.log(Session(at=datetime.combine(session_day, time(10)).replace(tzinfo=ZONE),
                        route=Route.IV, phase=Phase.INDUCTION, dose_mg=35))
    analysis = clinical.booster_analysis(journal)
    # B: the mean over the 14 days before the first session (days 486 … 499).
    expected = sum(exports.history_score(i) for i in range(486, 500)) / 14
    assert analysis.baseline_level == pytest.approx(expected)

    report = factor_report(journal)
    sleep = next(e for e in report.shown
                 if e.factor.key == "tag:good sleep" and e.lag == 0)
    # By hand: with good sleep a day is "good" (7) unless i % 7 == 0 (4); without, "meh"
    # (5) or 4. Per band (n with, n without, mean with, mean without):
    #   before the session  333 167  2187/333  811/167
    #   1-3 days after        2   1  7         5
    #   4-7 days after        3   1  6         5
    #   8-14 days after       4   3  7         14/3
    #   15+ days after       21  10  138/21    49/10
    # (the session day is alone in its band and compares nothing). Weighted by
    # n1*n0/(n1+n0): 1.71504...
    assert (sleep.days_with, sleep.days_without) == (363, 182)
    assert sleep.difference == pytest.approx(1.7150401124755, abs=1e-9)
    assert sleep.low is not None and sleep.high is not None
    assert 0 < sleep.low < sleep.difference < sleep.high
    sentence = factors.describe(sleep)
    assert sentence.startswith("On days with good sleep your mood was 1.")
    assert "higher" in sentence and sentence.endswith(factors.ASSOCIATION)
    assert sentence in report.lines()
