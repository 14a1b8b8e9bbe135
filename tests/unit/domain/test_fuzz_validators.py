"""Hypothesis over every entry kind and the questionnaires, with values of any type.

``tests/unit/domain/test_models.py`` states each rule field by field; these targets
throw whole entries at the domain: every field of each kind at once gets a valid,
nearly valid or hostile value of any type (bools, huge ints, NaN, text that looks
like a number or a time, lists, other objects). For each:

* construction succeeds or raises :class:`ValidationError` — never ``TypeError``,
  ``OverflowError`` or anything else;
* a refusal names a field of that kind (or a part of one, such as
  ``bp_before systolic`` or ``answers item 3``) and never repeats the value;
* an accepted entry is normalised (whole numbers are ``int``, times are to the
  second with their offset) and constructing it again from its own fields gives
  the same entry.

CI runs a quick profile; ``HYPOTHESIS_PROFILE=deep`` runs 10,000 cases per target::

    HYPOTHESIS_PROFILE=deep .venv/bin/pytest tests/unit/domain/test_fuzz_validators.py \\
        --hypothesis-show-statistics
"""

from __future__ import annotations

import dataclasses
import math
import re
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.models import (
    Assessment,
    BloodPressure,
    Entry,
    Event,
    EventKind,
    MoodEntry,
    Phase,
    Route,
    Session,
    SideEffect,
    SideEffectCategory,
)
from ketajournal.domain.validation import ValidationError, check_not_future

pytestmark = pytest.mark.slow

#: Cases per target in CI (cheap, pure Python); the deep profile runs 10,000.
QUICK = 200


def cases(quick: int) -> int:
    """``quick`` in CI; the loaded profile's count when it is a deep one (≥ 10,000)."""
    loaded = settings.default.max_examples
    return loaded if loaded >= 10_000 else quick


FUZZ = settings(max_examples=cases(QUICK), deadline=None)

OTHER = st.sampled_from([object(), b"7", Decimal("7"), 7j, (), [], {}, {7}, range(3), UTC])
ANY: st.SearchStrategy[Any] = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20),
    st.sampled_from(["7", " 7", "7.0", "nan", "2026-11-20T09:00+01:00", "iv", "booster",
                     "other", "phq9", "120/80", "'; DROP TABLE sessions; --", "x" * 20_001,
                     "\x00", "\udcff"]),
    OTHER,
)
ZONES = st.sampled_from([UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=13,
                         minutes=45)), timezone(timedelta(hours=5, minutes=45)),
                         timezone(timedelta(hours=-9, minutes=-30))])
VALID_TIME = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 12, 31),
                          timezones=ZONES)
TIMES: st.SearchStrategy[Any] = st.one_of(
    st.datetimes(timezones=st.none() | ZONES),  # naive, and years outside 2000-2100
    st.datetimes(timezones=st.timezones()),  # named zones: gaps, folds, odd offsets
    ANY,
)


def mostly(valid: st.SearchStrategy[Any], field: str) -> st.SearchStrategy[Any]:
    """Valid 3 times in 4, so that most cases get past the first field to the others."""
    return st.integers(0, 3).flatmap(lambda i: valid if i else (ANY if field != "at" else TIMES))


def score(field: str, optional: bool = True) -> st.SearchStrategy[Any]:
    valid = st.integers(0, 10) | st.integers(0, 10).map(float)
    return mostly(st.none() | valid if optional else valid, field)


def number(field: str, low: float, high: float) -> st.SearchStrategy[Any]:
    return mostly(st.none() | st.floats(low, high) | st.integers(math.ceil(low), int(high)), field)


def text(field: str, size: int) -> st.SearchStrategy[Any]:
    return mostly(st.text(max_size=size), field)


def bp(field: str) -> st.SearchStrategy[Any]:
    reading = st.builds(BloodPressure, st.integers(20, 300) | ANY, st.integers(10, 200) | ANY)
    return mostly(st.none() | reading, field)


COMMON: dict[str, st.SearchStrategy[Any]] = {
    "at": mostly(VALID_TIME, "at"), "note": text("note", 50),
}
KINDS: dict[type[Entry], dict[str, st.SearchStrategy[Any]]] = {
    MoodEntry: {"mood": score("mood", optional=False), "anxiety": score("anxiety"),
                "energy": score("energy"), "sleep_hours": number("sleep_hours", 0, 24)},
    Session: {"route": mostly(st.sampled_from([*Route, *(r.value for r in Route)]), "route"),
              "phase": mostly(st.sampled_from([*Phase, *(p.value for p in Phase)]), "phase"),
              "dose_mg": number("dose_mg", 0.1, 2000), "weight_kg": number("weight_kg", 20, 400),
              "clinic": text("clinic", 200), "dissociation": score("dissociation"),
              "bp_before": bp("bp_before"), "bp_after": bp("bp_after")},
    SideEffect: {"category": mostly(st.sampled_from([*SideEffectCategory,
                                                     *(c.value for c in SideEffectCategory)]),
                                    "category"),
                 "severity": score("severity", optional=False),
                 "other_text": text("other_text", 200),
                 "duration_minutes": mostly(st.none() | st.integers(1, 43200), "duration_minutes"),
                 "session_id": mostly(st.none() | st.integers(1, 2**62), "session_id")},
    Event: {"event_kind": mostly(st.sampled_from([*EventKind, *(k.value for k in EventKind)]),
                                 "event_kind")},
}


#: What the messages themselves are made of: a value of only these characters (such as a
#: note "severity") may coincide with a message's own words, so it proves nothing there.
MESSAGE_LIKE = re.compile(r"[A-Za-z0-9 ,.:()/_'-]*")


def assert_not_repeated(message: str, value: object) -> None:
    """A refusal must not repeat typed text (it may be health data)."""
    if not isinstance(value, str) or len(value.strip()) < 8:
        return
    if MESSAGE_LIKE.fullmatch(value) and len(value) <= 400:
        return
    assert value not in message, "a refusal repeated the rejected value"


def refused_properly(error: ValidationError, fields: set[str], values: dict[str, Any]) -> None:
    """A refusal names one of ``fields`` (or a part of one) and repeats no given text."""
    name = error.field.split()[0]
    assert name in fields, error.field
    assert str(error).startswith(f"{error.field}: ")
    for value in values.values():
        assert_not_repeated(str(error), value)
    event(f"refused: {error.field}")


@pytest.mark.parametrize("kind", list(KINDS), ids=[k.kind for k in KINDS])
@FUZZ
@given(data=st.data())
def test_fuzz_every_field_of_an_entry_kind_at_once(kind: type[Entry], data: st.DataObject) -> None:
    strategies = COMMON | KINDS[kind]
    values = {name: data.draw(strategy, label=name) for name, strategy in strategies.items()}
    try:
        entry = kind(**values)
    except ValidationError as error:
        refused_properly(error, set(strategies), values)
        return
    event("accepted")
    again = kind(**{f.name: getattr(entry, f.name) for f in dataclasses.fields(entry)})
    assert again == entry
    assert entry.at.microsecond == 0 and entry.at.utcoffset() is not None
    assert 2000 <= entry.at.year <= 2100
    for field in dataclasses.fields(entry):
        value = getattr(entry, field.name)
        assert not isinstance(value, bool)
        if isinstance(value, float):
            assert math.isfinite(value)


ANSWER = st.one_of(st.integers(0, 3), st.integers(0, 3).map(float), ANY, st.integers(-1, 4))


@pytest.mark.parametrize("instrument_id", sorted(INSTRUMENTS))
@FUZZ
@given(data=st.data())
def test_fuzz_questionnaire_answers(instrument_id: str, data: st.DataObject) -> None:
    """Every instrument's answers and extra question, alone and inside an Assessment."""
    questionnaire = INSTRUMENTS[instrument_id]
    size = len(questionnaire.items)
    answers = data.draw(st.one_of(
        st.lists(st.integers(0, 3), min_size=size, max_size=size),
        st.lists(ANSWER, min_size=size, max_size=size),
        st.lists(ANSWER, max_size=size + 2),
    ).map(lambda xs: xs if data.draw(st.booleans()) else tuple(xs)), label="answers")
    difficulty = data.draw(st.none() | st.integers(-1, 4) | ANY, label="difficulty")
    values = set(o.value for o in questionnaire.options)
    good = len(answers) == size and all(
        type(a) is int and a in values for a in answers)
    try:
        checked = questionnaire.check_answers(answers)
    except ValidationError as error:
        assert not good
        assert error.field == "answers" or error.field.startswith("answers item ")
        if error.field.startswith("answers item "):
            first_bad = next(i for i, a in enumerate(answers, start=1)
                             if not (type(a) is int and a in values))
            assert error.field == f"answers item {first_bad}"
        event(f"answers refused: {error.field.split(' item')[0]}")
    else:
        assert good and checked == tuple(answers)
        event("answers accepted")
    at = data.draw(mostly(VALID_TIME, "at"), label="at")
    acknowledged = data.draw(st.none() | mostly(VALID_TIME, "at"), label="safety_acknowledged_at")
    instrument_given = data.draw(st.just(instrument_id) | ANY, label="instrument_id")
    fields = {"at", "note", "instrument", "answers", "difficulty", "safety_acknowledged_at"}
    try:
        entry = Assessment(at=at, instrument_id=instrument_given, answers=answers,
                           difficulty=difficulty, safety_acknowledged_at=acknowledged)
    except ValidationError as error:
        refused_properly(error, fields, {"instrument_id": instrument_given})
        return
    assert good and entry.total == sum(answers) and entry.instrument_id in INSTRUMENTS


@FUZZ
@given(at=VALID_TIME | st.datetimes(min_value=datetime(2000, 1, 2),
                                    max_value=datetime(2100, 12, 30), timezones=st.timezones()),
       now=st.datetimes(min_value=datetime(2000, 1, 2), max_value=datetime(2100, 12, 30),
                        timezones=ZONES))
def test_fuzz_the_future_rule_compares_instants_not_wall_clocks(at: datetime,
                                                                now: datetime) -> None:
    """More than 24 hours after now, in any pair of offsets, is refused; anything else kept."""
    try:
        check_not_future("at", at, now)
    except ValidationError as error:
        assert at.astimezone(UTC) - now.astimezone(UTC) > timedelta(hours=24)
        assert str(error) == "at: must not be more than 24 hours in the future"
        event("future")
    else:
        assert at.astimezone(UTC) - now.astimezone(UTC) <= timedelta(hours=24)
