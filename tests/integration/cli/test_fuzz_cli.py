"""Hypothesis over the command line: hostile arguments never crash it or half-write an entry.

Every ``log`` command and ``settings`` get values that are valid, nearly valid and
hostile (wrong types, huge text, control characters, injection-looking text,
times without offsets, in the future or in a daylight-saving gap). For each call
of ``ketajournal.cli.main`` in process:

* it ends with exit code 0 or 2, or argparse's ``SystemExit(2)`` — never another
  exception, never exit 1 (that means "the journal cannot be used");
* a refusal (2) says ``ketajournal: <field>: …`` naming a field of that command,
  and never repeats the rejected text;
* a refusal writes nothing — no commit at all (``PRAGMA data_version`` of an
  observing connection is unchanged) — and a success adds exactly one entry.

CI runs Hypothesis's default profile (100 examples per target). The deep profile
(``HYPOTHESIS_PROFILE=deep``, registered in tests/conftest.py) runs 10,000.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st

from ketajournal.cli import main
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.models import EventKind, Phase, Route, SideEffectCategory
from ketajournal.services.journal import Journal
from ketajournal.services.settings import SETTINGS

pytestmark = pytest.mark.slow

FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# -- values: valid, nearly valid, hostile --------------------------------------------------

HOSTILE = [
    "", " ", "'; DROP TABLE mood_entries; --", "\" OR 1=1 --", "=cmd|' /C calc'!A0",
    "+SUM(A1)", "<script>alert(1)</script>", "../../etc/passwd", "%s%s%n", "{0}", "\\x00",
    "\x00", "\x1b[31m", "\u202eevil", "\udcff", "🙂" * 30, "n" * 20_001, "null", "None",
    "true", "-", "--", "-1", "—", "５", "٣", "½", "1_000", "0x1F", "1e309", "nan", "-inf",
]
NUMBERS = [
    "0", "1", "5", "7", "10", "11", "-1", "3.5", "5,5", "07", " 7 ", "24", "24.01", "0.1",
    "2000", "2000.5", "20", "19.99", "400", "401", "43200", "43201", "99999999999999999999999",
]
TIMES = [
    "2026-11-20T08:30", "2026-11-20T08:30+01:00", "2026-11-20", "2026-11-20T08:30Z",
    "2026-03-29T02:30", "2026-03-29T02:30+01:00", "2026-10-25T02:30", "2026-02-30",
    "2031-01-01", "2099-12-31T23:59+14:00", "1999-12-31T23:59Z", "2100-12-31", "0001-01-01",
    "9999-12-31T23:59", "2026-11-20T25:00", "20261120", "2026-W47", "yesterday", "",
]


def mostly(
    valid: st.SearchStrategy[str], invalid: st.SearchStrategy[str]
) -> st.SearchStrategy[str]:
    """Valid 7 times in 10, so that calls get past the first check and reach the write."""
    return st.integers(0, 9).flatmap(lambda i: valid if i < 7 else invalid)


def text(extra: Sequence[str] = ()) -> st.SearchStrategy[str]:
    """Anything a user or a script could put in one argument.

    Undecodable bytes in a real argv arrive as lone surrogates (``\\udcff``,
    Python's surrogateescape), so those are included; other lone surrogates
    cannot come from a command line.
    """
    return st.one_of(
        st.sampled_from([*extra, *HOSTILE]),
        st.text(max_size=40),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    )


def note() -> st.SearchStrategy[str]:
    return mostly(st.text(alphabet=st.characters(codec="utf-8"), max_size=200), text())


def number(low: float = 0, high: float = 10) -> st.SearchStrategy[str]:
    valid = st.one_of(st.integers(int(low), int(high)).map(str),
                      st.floats(low, high).map(lambda x: f"{x:.2f}"))
    invalid = st.one_of(
        st.sampled_from(NUMBERS),
        st.integers(-10**6, 10**6).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        text(),
    )
    return mostly(valid, invalid)


def whole(low: int = 0, high: int = 10) -> st.SearchStrategy[str]:
    return mostly(st.integers(low, high).map(str), number(low, high))


def time() -> st.SearchStrategy[str]:
    past = st.datetimes(min_value=datetime(2000, 1, 2), max_value=datetime(2026, 11, 1))
    valid = st.one_of(
        past.map(lambda d: d.isoformat(timespec="minutes")),
        st.builds(lambda d, z: d.replace(tzinfo=z).isoformat(), past,
                  st.sampled_from([UTC, timezone(timedelta(hours=-9, minutes=-30)),
                                   timezone(timedelta(hours=14))])),
        past.map(lambda d: d.date().isoformat()),
    )
    invalid = st.one_of(
        st.sampled_from(TIMES),
        st.datetimes().map(lambda d: d.isoformat()),
        st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
        text(),
    )
    return mostly(valid, invalid)


def options(**values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    """Each option left out or given (as ``--name VALUE`` or, less often, ``--name=VALUE``)."""

    def one(name: str, value: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
        flag = "--" + name.replace("_", "-")
        return st.one_of(
            st.just([]),
            value.map(lambda v: [flag, v]),
            st.just([]),
            value.map(lambda v: [f"{flag}={v}"]),
        )

    parts = [one(name, value) for name, value in values.items()]
    return st.tuples(*parts).map(lambda groups: [arg for group in groups for arg in group])


def choice(values: Sequence[str]) -> st.SearchStrategy[str]:
    spelled = [*values, *(v.replace("_", "-") for v in values), *(v.upper() for v in values)]
    return mostly(st.sampled_from(spelled), text())


# -- the property ---------------------------------------------------------------------------


class Observer:
    """Watches the journal from its own connection while the CLI writes through another."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.home = str(journal.paths.home)

    def data_version(self) -> int:
        return int(self.journal._db.execute("PRAGMA data_version").fetchone()[0])

    def total(self) -> int:
        return sum(self.journal.counts().values())


@pytest.fixture
def observer(journal: Journal) -> Iterator[Observer]:
    yield Observer(journal)


def real_stderr_errors() -> None:
    """Captured stderr encodes like a real one: Python's stderr never fails on a surrogate."""
    reconfigure = getattr(sys.stderr, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")


def tally(what: str) -> None:
    """Count an outcome for ``--hypothesis-show-statistics`` (inside a Hypothesis test)."""
    if currently_in_test_context():
        event(what)


def check_call(
    observer: Observer, capsys: pytest.CaptureFixture[str], argv: list[str],
    fields: set[str], *, writes: bool = True, secrets: Sequence[str] = (),
) -> int:
    """Run the CLI once and hold it to the property; returns the exit code."""
    capsys.readouterr()
    real_stderr_errors()
    version, total = observer.data_version(), observer.total()
    try:
        code = main(["--home", observer.home, *argv])
    except SystemExit as stop:  # argparse: bad syntax, before anything is opened
        assert stop.code == 2, stop.code
        err = capsys.readouterr().err
        assert "usage:" in err and "ketajournal: " in err
        assert observer.data_version() == version
        tally("refused by argparse")
        return 2
    out, err = capsys.readouterr()
    assert code in (0, 2), (code, err)
    tally(f"exit {code}")
    if code == 2:
        match = re.match(r"ketajournal: ([a-z0-9_.\-]+(?: [a-z0-9_]+)*): ", err)
        assert match, err
        assert match.group(1).split()[0] in fields, err
        tally(f"refused: {match.group(1).split()[0]}")
        assert "Traceback" not in err
        for secret in secrets:  # a refusal never repeats what was typed
            if len(secret.strip()) >= 8 and secret not in out:
                assert secret not in err, err
        assert observer.data_version() == version, "a refused command committed something"
        assert observer.total() == total
    elif writes:
        assert observer.total() == total + 1
    return code


COMMON = {"at": time(), "note": note()}
FIELDS_COMMON = {"at", "note"}


@FUZZ
@given(score=whole(), opts=options(anxiety=whole(), energy=whole(), sleep=number(0, 24),
                                   **COMMON))
def test_log_mood(observer: Observer, capsys: pytest.CaptureFixture[str], score: str,
                  opts: list[str]) -> None:
    check_call(observer, capsys, ["log", "mood", score, *opts],
               {"mood", "anxiety", "energy", "sleep_hours", *FIELDS_COMMON},
               secrets=[score, *opts])


@FUZZ
@given(route=choice([r.value for r in Route]), phase=choice([p.value for p in Phase]),
       opts=options(dose_mg=number(0.1, 2000), weight_kg=number(20, 400),
                    dissociation=whole(),
                    bp_before=mostly(st.sampled_from(["120/80", "135/85", " 118/79 "]),
                                     text(["80/120", "300/10", "1/", "١٢٠/٨٠", "120/"])),
                    bp_after=mostly(st.just("121/79"), text()), clinic=note(), **COMMON))
def test_log_session(observer: Observer, capsys: pytest.CaptureFixture[str], route: str,
                     phase: str, opts: list[str]) -> None:
    check_call(observer, capsys, ["log", "session", "--route", route, "--phase", phase, *opts],
               {"route", "phase", "dose_mg", "weight_kg", "dissociation", "bp_before",
                "bp_after", "clinic", *FIELDS_COMMON})


@FUZZ
@given(category=choice([c.value for c in SideEffectCategory]), severity=whole(),
       opts=options(other=mostly(st.just("tingling"), text()),
                    duration_min=whole(1, 43200),
                    session=mostly(st.sampled_from(["none", "None"]),
                                   st.sampled_from(["1", "0", "-1", "99999", "", "x"])),
                    **COMMON))
def test_log_side_effect(observer: Observer, capsys: pytest.CaptureFixture[str], category: str,
                         severity: str, opts: list[str]) -> None:
    check_call(observer, capsys, ["log", "side-effect", category, "--severity", severity, *opts],
               {"category", "severity", "other_text", "duration_minutes", "session",
                "session_id", *FIELDS_COMMON})


@FUZZ
@given(kind=choice([k.value for k in EventKind]), opts=options(**COMMON))
def test_log_event(observer: Observer, capsys: pytest.CaptureFixture[str], kind: str,
                   opts: list[str]) -> None:
    check_call(observer, capsys, ["log", "event", kind, *opts],
               {"event_kind", *FIELDS_COMMON})


def answers(count: int) -> st.SearchStrategy[str]:
    valid = st.lists(st.integers(0, 3), min_size=count, max_size=count).map(
        lambda xs: ",".join(map(str, xs)))
    invalid = st.one_of(
        st.lists(st.integers(-1, 4), min_size=0, max_size=11).map(
            lambda xs: ",".join(map(str, xs))),
        st.lists(st.sampled_from(["0", "1", "2", "3", " 1", "1.0", "٣", "", "x"]),
                 max_size=10).map(",".join),
        text(),
    )
    return mostly(valid, invalid)


@FUZZ
@given(data=st.data(), instrument=st.sampled_from(sorted(INSTRUMENTS)),
       opts=options(**COMMON), difficulty=st.one_of(st.just(None), whole(0, 3)))
def test_log_questionnaire(observer: Observer, capsys: pytest.CaptureFixture[str],
                           data: st.DataObject, instrument: str, opts: list[str],
                           difficulty: str | None) -> None:
    given_answers = data.draw(answers(len(INSTRUMENTS[instrument].items)))
    has_extra = INSTRUMENTS[instrument].extra is not None
    extra = [] if difficulty is None or not has_extra else ["--difficulty", difficulty]
    check_call(observer, capsys, ["log", instrument, given_answers, *extra, *opts],
               {"answers", "difficulty", "instrument", *FIELDS_COMMON})


@FUZZ
@given(key=mostly(st.sampled_from(sorted(SETTINGS)), text()),
       value=st.one_of(st.sampled_from(["auto", "5", "5.5", "-1", "11", "[]", '["a"]', "{}",
                                        "null", "true", "us", "international", "\"x\""]),
                       text()))
def test_settings(observer: Observer, capsys: pytest.CaptureFixture[str], key: str,
                  value: str) -> None:
    check_call(observer, capsys, ["settings", key, value], {"setting", key.split()[0] if
               key.split() else key}, writes=False)


VOCABULARY = [
    "log", "mood", "session", "side-effect", "event", "phq9", "gad7", "export", "json", "csv",
    "import", "check", "status", "boosters", "settings", "--at", "--note", "--route", "--phase",
    "--severity", "--session", "--json", "--anxiety", "--sleep", "--dose-mg", "iv", "booster",
    "nausea", "other", "psychotherapy", "7", "--", "--help", "--version",
]


COMMANDS = ["log", "check", "status", "boosters", "settings"]


@FUZZ
@given(command=st.sampled_from(COMMANDS),
       rest=st.lists(st.one_of(st.sampled_from(VOCABULARY), text()), max_size=8))
def test_any_argument_list_ends_in_an_exit_code(
    observer: Observer, capsys: pytest.CaptureFixture[str], command: str, rest: list[str]
) -> None:
    """No argument list crashes the CLI (no command at all would open the window)."""
    capsys.readouterr()
    real_stderr_errors()
    try:
        code = main(["--home", observer.home, command, *rest])
    except SystemExit as stop:
        assert stop.code in (0, 2), stop.code  # --help / --version, or argparse's refusal
        return
    assert code in (0, 1, 2), code
    assert "Traceback" not in capsys.readouterr().err


def test_targets_cover_every_log_command() -> None:
    """A new ``log`` kind needs a fuzz target here."""
    from ketajournal.cli import build_parser

    parser = build_parser()
    log = next(a for a in parser._actions if hasattr(a, "choices") and a.choices
               and "log" in a.choices).choices["log"]
    kinds = set(next(a for a in log._actions if hasattr(a, "choices") and a.choices).choices)
    covered = {"mood", "session", "side-effect", "event", "phq9", "gad7"}
    assert kinds == covered



# -- found by the deep profile ---------------------------------------------------------------


@pytest.mark.parametrize("option", ["--at=--", "--sleep=--"])
def test_an_option_given_as_a_lone_double_dash_is_a_usage_error(
    observer: Observer, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    assert check_call(observer, capsys, ["log", "mood", "5", option], {"at", "sleep_hours"}) == 2


def test_a_list_for_the_crisis_country_is_refused_by_name(
    observer: Observer, capsys: pytest.CaptureFixture[str]
) -> None:
    code = check_call(observer, capsys, ["settings", "safety.crisis_country", "[]"],
                      {"safety.crisis_country"}, writes=False)
    assert code == 2
