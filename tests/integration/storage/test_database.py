"""The journal on disk: entries round-trip, writes are all-or-nothing, the schema is durable.

Every test works on a real SQLCipher file in ``tmp_path`` through the ``journal``
fixture (a fresh encrypted journal with its key in the in-memory keyring).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import keyring
import pytest
import sqlcipher3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ketajournal.domain.ids import is_global_id
from ketajournal.domain.models import (
    BloodPressure,
    Event,
    EventKind,
    MoodEntry,
    Phase,
    Route,
    Session,
    SideEffect,
    SideEffectCategory,
)
from ketajournal.domain.timeutil import local_day
from ketajournal.domain.validation import ValidationError
from ketajournal.platform.keystore import SERVICE, keyring_entry
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.journal import (
    EXPORT_FORMAT,
    EXPORT_VERSION,
    SIDE_EFFECT_LINK_WINDOW,
    Journal,
    NotFoundError,
)
from ketajournal.storage.database import open_database
from ketajournal.storage.header import read_header
from ketajournal.storage.migrations import SCHEMA_VERSION
from ketajournal.storage.repository import KINDS, OTHER_DATA

PLUS_ONE = timezone(timedelta(hours=1))
PLUS_FIVE = timezone(timedelta(hours=5))
MINUS_SEVEN = timezone(timedelta(hours=-7))
#: A week before the fixed clock's "now" (2026-11-27 21:00+01:00).
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=PLUS_ONE)


def hours(n: float) -> timedelta:
    return timedelta(hours=n)


def a_mood(at: datetime = T0, **fields: object) -> MoodEntry:
    values: dict = {"mood": 6, "anxiety": 3, "energy": 5, "sleep_hours": 7.5, "note": "ok"}
    return MoodEntry(at=at, **(values | fields))


def a_session(at: datetime = T0, **fields: object) -> Session:
    values: dict = {
        "route": Route.IV,
        "phase": Phase.INDUCTION,
        "dose_mg": 35.0,
        "weight_kg": 70.2,
        "clinic": "Clinic Nord",
        "dissociation": 6,
        "bp_before": BloodPressure(128, 84),
        "bp_after": BloodPressure(142, 90),
        "note": "calm",
    }
    return Session(at=at, **(values | fields))


def a_side_effect(at: datetime = T0, **fields: object) -> SideEffect:
    values: dict = {
        "category": SideEffectCategory.OTHER,
        "other_text": "tingling hands",
        "severity": 4,
        "duration_minutes": 90,
        "note": "after the drive home",
    }
    return SideEffect(at=at, **(values | fields))


def an_event(at: datetime = T0, **fields: object) -> Event:
    values: dict = {"event_kind": EventKind.MEDICATION_CHANGE, "note": "sertraline 50 mg"}
    return Event(at=at, **(values | fields))


def journal_key(paths: JournalPaths) -> bytes:
    header = read_header(paths.header)
    entry = keyring_entry(paths.home, header.journal_id)
    stored = keyring.get_password(SERVICE, f"journal-{entry}")
    assert stored is not None
    return bytes.fromhex(stored)


def raw_connection(paths: JournalPaths) -> sqlcipher3.Connection:
    """A plain sqlcipher3 connection with the journal's key, none of our pragmas."""
    conn = sqlcipher3.connect(str(paths.database))
    conn.execute(f"PRAGMA key = \"x'{journal_key(paths).hex()}'\"")
    return conn


def files_in(directory: Path) -> set[str]:
    return {p.name for p in directory.iterdir()}


# -- round trips -------------------------------------------------------------------------


def test_every_kind_round_trips_through_the_journal(journal: Journal) -> None:
    session, _ = journal.log(a_session(T0))
    mood, _ = journal.log(a_mood(T0 + hours(3)))
    side_effect, _ = journal.log(a_side_effect(T0 + hours(1), session_id=session.id))
    event, _ = journal.log(an_event(T0 - hours(24)))

    for entry in (session, mood, side_effect, event):
        assert entry.id is not None
        assert journal.get(entry.kind, entry.id) == entry
        assert journal.entries(entry.kind) == [entry]
    assert journal.all_entries() == [event, session, side_effect, mood]
    assert journal.all_entries(["mood", "event"]) == [event, mood]
    assert journal.moods() == [mood]
    assert journal.sessions() == [session]
    assert journal.side_effects() == [side_effect]
    assert journal.last_session() == session


def test_log_returns_the_entry_with_its_new_id_and_the_change(journal: Journal) -> None:
    entry, change = journal.log(a_mood())
    assert entry == a_mood().with_id(entry.id)
    assert change.kinds == {"mood"}
    assert change.ids == (entry.id,)


def test_entries_survive_closing_and_reopening(journal: Journal, paths: JournalPaths) -> None:
    logged = [journal.log(make(T0 + hours(n)))[0] for n, make in enumerate((a_mood, a_session))]
    journal.close()
    reopened = Journal(open_database(paths.database, journal_key(paths)))
    try:
        assert reopened.all_entries() == logged
    finally:
        reopened.close()


def test_optional_fields_left_empty_round_trip_as_none(journal: Journal) -> None:
    bare = [
        MoodEntry(at=T0, mood=0),
        Session(at=T0, route=Route.NASAL, phase=Phase.BOOSTER),
        SideEffect(at=T0, category=SideEffectCategory.NAUSEA, severity=0),
        Event(at=T0, event_kind=EventKind.APPOINTMENT),
    ]
    for entry in bare:
        saved, _ = journal.log(entry)
        assert journal.get(saved.kind, saved.id) == saved


@st.composite
def any_entry(draw: st.DrawFn) -> MoodEntry | Session | SideEffect | Event:
    # Whole minutes: the domain refuses offsets with seconds (no ISO 8601 text has them).
    minutes = draw(st.integers(-14 * 60, 14 * 60))
    zone = timezone(timedelta(minutes=minutes))
    at = draw(
        st.datetimes(
            min_value=datetime(2000, 1, 1),
            max_value=datetime(2026, 11, 25),
            timezones=st.just(zone),
        )
    )
    text = st.text(
        st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n\r"), max_size=30
    )
    score = st.none() | st.integers(0, 10)
    kind = draw(st.sampled_from(KINDS))
    note = draw(text)
    if kind == "mood":
        return MoodEntry(
            at=at,
            note=note,
            mood=draw(st.integers(0, 10)),
            anxiety=draw(score),
            energy=draw(score),
            sleep_hours=draw(st.none() | st.floats(0, 24)),
        )
    if kind == "session":
        bp = st.none() | st.builds(
            lambda d, gap: BloodPressure(max(60, d + gap), d),
            st.integers(30, 160),
            st.integers(1, 100),
        )
        return Session(
            at=at,
            note=note,
            route=draw(st.sampled_from(Route)),
            phase=draw(st.sampled_from(Phase)),
            dose_mg=draw(st.none() | st.floats(0.1, 2000)),
            weight_kg=draw(st.none() | st.floats(20, 400)),
            clinic=draw(text),
            dissociation=draw(score),
            bp_before=draw(bp),
            bp_after=draw(bp),
        )
    if kind == "side_effect":
        category = draw(st.sampled_from(SideEffectCategory))
        other = draw(text.filter(str.strip)) if category is SideEffectCategory.OTHER else draw(text)
        return SideEffect(
            at=at,
            note=note,
            category=category,
            other_text=other,
            severity=draw(st.integers(0, 10)),
            duration_minutes=draw(st.none() | st.integers(1, 60 * 24 * 30)),
        )
    return Event(at=at, note=note, event_kind=draw(st.sampled_from(EventKind)))


def test_any_valid_entry_round_trips_with_its_offset_and_day(journal: Journal) -> None:
    @given(entry=any_entry())
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    def round_trip(entry: MoodEntry | Session | SideEffect | Event) -> None:
        saved, _ = journal.log(entry)
        loaded = journal.get(saved.kind, saved.id)
        assert loaded == saved
        assert loaded.at.utcoffset() == entry.at.utcoffset()
        assert local_day(loaded.at) == entry.at.date()

    round_trip()


# -- update, delete, restore -------------------------------------------------------------


def test_update_replaces_the_stored_entry(journal: Journal) -> None:
    saved, _ = journal.log(a_mood(mood=3))
    changed = MoodEntry(id=saved.id, at=T0 + hours(1), mood=8, note="better", sleep_hours=None)
    change = journal.update(changed)
    assert change.kinds == {"mood"}
    assert change.ids == (saved.id,)
    assert journal.get("mood", saved.id) == changed
    assert journal.counts()["mood"] == 1


def test_update_of_a_missing_entry_is_refused(journal: Journal) -> None:
    with pytest.raises(NotFoundError) as info:
        journal.update(a_mood().with_id(41))
    assert info.value.field == "id"
    assert journal.is_empty()


def test_delete_of_a_missing_entry_is_refused(journal: Journal) -> None:
    with pytest.raises(NotFoundError):
        journal.delete("event", 7)


def test_a_deleted_entry_is_undeleted_with_its_id(journal: Journal) -> None:
    first, _ = journal.log(a_mood(mood=2))
    second, _ = journal.log(a_mood(T0 + hours(1), mood=7))
    deleted, change = journal.delete("mood", first.id)
    assert change.ids == (first.id,)
    assert journal.get("mood", first.id) is None
    assert deleted.entry == first

    journal.undelete(deleted)
    assert journal.moods() == [first, second]


def test_a_deleted_session_is_undeleted_with_its_id_and_relinks_its_side_effects(
    journal: Journal,
) -> None:
    session, _ = journal.log(a_session())
    linked = [journal.log(a_side_effect(T0 + hours(n), session_id=session.id))[0] for n in (1, 2)]
    unrelated, _ = journal.log(a_side_effect(T0 + hours(3)))

    deleted, change = journal.delete("session", session.id)
    assert change.kinds == {"session", "side_effect"}
    assert deleted.unlinked_side_effects == tuple(e.id for e in linked)
    # The side effects stay, unlinked (ON DELETE SET NULL).
    assert [e.session_id for e in journal.side_effects()] == [None, None, None]
    assert journal.check().ok

    change = journal.undelete(deleted)
    assert change.kinds == {"session", "side_effect"}
    assert journal.get("session", session.id) == session
    assert journal.side_effects() == [*linked, unrelated]
    assert journal.check().ok


def test_ids_are_never_reused_after_delete(journal: Journal) -> None:
    for kind, make in (("mood", a_mood), ("session", a_session), ("event", an_event)):
        ids = [journal.log(make(T0 + hours(n)))[0].id for n in range(3)]
        assert ids == [1, 2, 3]
        journal.delete(kind, ids[-1])
        new, _ = journal.log(make(T0 + hours(5)))
        assert new.id == 4


def test_an_undeleted_session_does_not_collide_with_later_sessions(journal: Journal) -> None:
    old, _ = journal.log(a_session(T0))
    deleted, _ = journal.delete("session", old.id)
    later, _ = journal.log(a_session(T0 + hours(48), phase=Phase.BOOSTER))
    journal.undelete(deleted)
    assert journal.sessions() == [old, later]
    assert old.id != later.id


# -- all-or-nothing writes and links -----------------------------------------------------


def test_log_all_saves_a_batch_and_links_side_effects_to_its_sessions(journal: Journal) -> None:
    batch = [a_session(T0), a_mood(T0 + hours(2)), a_side_effect(T0 + hours(1))]
    change = journal.log_all(batch, session_of={2: 0})
    session_id, mood_id, side_effect_id = change.ids
    assert change.kinds == {"session", "mood", "side_effect"}
    assert journal.get("side_effect", side_effect_id).session_id == session_id
    assert journal.get("mood", mood_id) == batch[1].with_id(mood_id)


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param(lambda: a_mood(T0 + timedelta(days=30)), id="future"),
        pytest.param(lambda: a_side_effect(T0, session_id=999), id="missing-session"),
    ],
)
def test_log_all_writes_nothing_when_one_entry_is_invalid(journal: Journal, bad) -> None:
    batch = [a_session(T0), a_mood(T0 + hours(1)), an_event(T0), bad()]
    with pytest.raises(ValidationError):
        journal.log_all(batch)
    assert journal.is_empty()
    # The failed batch left no transaction open and used no ids.
    saved, _ = journal.log(a_mood())
    assert saved.id == 1
    assert journal.check().ok


def test_log_all_writes_nothing_when_a_link_is_not_a_side_effect(journal: Journal) -> None:
    with pytest.raises(ValueError):
        journal.log_all([a_session(), a_mood()], session_of={1: 0})
    assert journal.is_empty()


def test_side_effect_for_a_missing_session_is_refused(journal: Journal) -> None:
    with pytest.raises(ValidationError) as info:
        journal.log(a_side_effect(session_id=12))
    assert info.value.field == "session_id"
    assert journal.is_empty()


def test_update_linking_a_missing_session_is_refused(journal: Journal) -> None:
    saved, _ = journal.log(a_side_effect())
    with pytest.raises(ValidationError) as info:
        journal.update(a_side_effect(session_id=5).with_id(saved.id))
    assert info.value.field == "session_id"
    assert journal.get("side_effect", saved.id) == saved


def test_entry_more_than_a_day_in_the_future_is_refused(journal: Journal, clock) -> None:
    with pytest.raises(ValidationError) as info:
        journal.log(a_mood(clock() + hours(25)))
    assert info.value.field == "at"
    assert journal.log(a_mood(clock() + hours(23)))[0].id == 1


def test_new_entry_must_not_carry_an_id(journal: Journal) -> None:
    with pytest.raises(ValueError):
        journal.log(a_mood().with_id(3))
    assert journal.is_empty()


# -- finding the session a side effect follows -------------------------------------------


def test_default_session_is_the_latest_within_72_hours_before(journal: Journal) -> None:
    at = T0 + timedelta(days=4)
    journal.log(a_session(at - hours(100)))
    journal.log(a_session(at - hours(50)))
    latest, _ = journal.log(a_session(at - hours(10)))
    journal.log(a_session(at + hours(1)))
    assert journal.default_session_for(at) == latest


def test_default_session_ignores_sessions_older_than_72_hours(journal: Journal) -> None:
    at = T0 + timedelta(days=4)
    journal.log(a_session(at - SIDE_EFFECT_LINK_WINDOW - timedelta(seconds=1)))
    journal.log(a_session(at + hours(2)))
    assert journal.default_session_for(at) is None


def test_default_session_includes_one_exactly_72_hours_before(journal: Journal) -> None:
    at = T0 + timedelta(days=4)
    edge, _ = journal.log(a_session(at - SIDE_EFFECT_LINK_WINDOW))
    assert journal.default_session_for(at) == edge


def test_default_session_compares_instants_across_offsets(journal: Journal) -> None:
    # 08:00-07:00 is 16:00+01:00: after a side effect at 12:00+01:00, so not its session.
    at = T0 + hours(3)
    journal.log(a_session(at.replace(hour=8, tzinfo=MINUS_SEVEN)))
    earlier, _ = journal.log(a_session(at.astimezone(PLUS_FIVE) - hours(1)))
    assert journal.default_session_for(at) == earlier


def test_default_session_in_an_empty_journal_is_none(journal: Journal) -> None:
    assert journal.default_session_for(T0) is None
    assert journal.last_session() is None


# -- time ranges, offsets and days -------------------------------------------------------


def test_entries_filters_by_start_inclusive_and_end_exclusive(journal: Journal) -> None:
    logged = [journal.log(a_mood(T0 + timedelta(days=n), mood=n))[0] for n in range(5)]
    start, end = T0 + timedelta(days=1), T0 + timedelta(days=3)
    assert journal.entries("mood", start, end) == logged[1:3]
    assert journal.entries("mood", start=start) == logged[1:]
    assert journal.entries("mood", end=end) == logged[:3]
    assert journal.moods(start.astimezone(MINUS_SEVEN), end.astimezone(UTC)) == logged[1:3]
    assert journal.entries("mood", end, start) == []


def test_entries_are_ordered_by_instant_not_by_local_clock_time(journal: Journal) -> None:
    # 10:00-07:00 (17:00 UTC) happened after 12:00+01:00 (11:00 UTC).
    late, _ = journal.log(a_mood(T0.replace(hour=10, tzinfo=MINUS_SEVEN)))
    early, _ = journal.log(a_mood(T0.replace(hour=12)))
    assert journal.moods() == [early, late]


@pytest.mark.parametrize(
    "at",
    [
        datetime(2026, 11, 20, 23, 30, tzinfo=PLUS_FIVE),
        datetime(2026, 11, 20, 0, 30, tzinfo=PLUS_FIVE),  # still the 19th in UTC
        datetime(2026, 11, 20, 23, 30, tzinfo=MINUS_SEVEN),  # already the 21st in UTC
    ],
)
def test_time_keeps_its_offset_and_day_is_the_local_day_as_logged(
    journal: Journal, at: datetime
) -> None:
    saved, _ = journal.log(a_mood(at))
    loaded = journal.get("mood", saved.id)
    assert loaded.at.utcoffset() == at.utcoffset()
    assert (loaded.at.hour, loaded.at.minute) == (at.hour, at.minute)
    assert local_day(loaded.at) == date(2026, 11, 20)
    [row] = journal.export_document()["entries"]["mood"]
    assert row["at"] == at.isoformat(timespec="seconds")
    assert row["day"] == "2026-11-20"


# -- health and settings -----------------------------------------------------------------


def test_check_reports_ok_and_counts_per_kind(journal: Journal) -> None:
    assert journal.check().ok
    assert journal.check().counts == dict.fromkeys((*KINDS, *OTHER_DATA), 0)
    session, _ = journal.log(a_session())
    journal.log_all([a_mood(), a_mood(T0 + hours(1)), a_side_effect(session_id=session.id)])
    health = journal.check()
    assert health.ok
    assert health.problems == ()
    assert health.counts == {
        "mood": 2, "session": 1, "side_effect": 1, "event": 0, "assessment": 0,
        "planned": 0, "medication": 0, "dose": 0, "tag": 0, "mood_tag": 0, "factor": 0,
        "factor_value": 0,
    }
    assert journal.entry_counts() == {
        "mood": 2, "session": 1, "side_effect": 1, "event": 0, "assessment": 0
    }
    assert not journal.is_empty()


def test_settings_are_stored_inside_the_journal(journal: Journal, paths: JournalPaths) -> None:
    assert journal.setting("threshold", 5.5) == 5.5
    journal.set_setting("threshold", 6.25)
    journal.set_setting("threshold", {"mood": 6})
    assert journal.setting("threshold") == {"mood": 6}


# -- schema and connection settings ------------------------------------------------------


def test_fresh_journal_has_current_schema_version_and_wal(
    journal: Journal, paths: JournalPaths
) -> None:
    conn = raw_connection(paths)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert {"mood_entries", "sessions", "side_effects", "events", "settings"} <= tables
    finally:
        conn.close()


def test_journal_connections_are_durable_and_enforce_foreign_keys(
    journal: Journal, paths: JournalPaths
) -> None:
    # A second connection opened the way storage opens every connection.
    db = open_database(paths.database, journal_key(paths))
    try:
        pragma = {
            name: db.execute(f"PRAGMA {name}").fetchone()[0]
            for name in (
                "synchronous",
                "foreign_keys",
                "journal_mode",
                "secure_delete",
                "temp_store",
            )
        }
    finally:
        db.close()
    assert pragma == {
        "synchronous": 2,  # FULL
        "foreign_keys": 1,
        "journal_mode": "wal",
        "secure_delete": 1,
        "temp_store": 2,  # MEMORY
    }


def test_journal_file_is_not_readable_without_the_key(
    journal: Journal, paths: JournalPaths
) -> None:
    journal.log(a_mood())
    assert not paths.database.read_bytes().startswith(b"SQLite format 3\x00")
    conn = sqlcipher3.connect(str(paths.database))
    try:
        with pytest.raises(sqlcipher3.DatabaseError):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


# -- JSON export -------------------------------------------------------------------------


def fill(journal: Journal) -> list:
    session, _ = journal.log(a_session(T0, bp_after=None))
    return [
        session,
        journal.log(a_mood(T0 + hours(2)))[0],
        journal.log(a_side_effect(T0 + hours(1), session_id=session.id))[0],
        journal.log(an_event(T0 - hours(30), note='line one\nline "two" é'))[0],
    ]


def test_export_json_writes_every_entry_with_format_and_version(
    journal: Journal, tmp_path: Path
) -> None:
    session, mood, side_effect, event = fill(journal)
    target = tmp_path / "export.json"
    counts = journal.export_json(target)
    assert counts == {"mood": 1, "session": 1, "side_effect": 1, "event": 1, "assessment": 0}

    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == EXPORT_FORMAT
    assert document["version"] == EXPORT_VERSION
    assert document["schema_version"] == SCHEMA_VERSION
    entries = document["entries"]
    assert set(entries) == set(KINDS)
    # Every entry carries its global id (docs/sync.md), right after its id.
    gids = {kind: (gid, entry_id) for gid, (kind, entry_id) in journal.global_ids().items()}
    assert entries["session"] == [
        {
            "id": session.id,
            "global_id": gids["session"][0],
            "at": "2026-11-20T09:00:00+01:00",
            "day": "2026-11-20",
            "note": "calm",
            "route": "iv",
            "phase": "induction",
            "dose_mg": 35.0,
            "weight_kg": 70.2,
            "clinic": "Clinic Nord",
            "dissociation": 6,
            "bp_before": {"systolic": 128, "diastolic": 84},
            "bp_after": None,
            "bp_leaving": None,
            "heart_rate": None,
            "spo2": None,
            "observation_minutes": None,
            "moaas": None,
        }
    ]
    assert entries["mood"][0] | {"id": None} == {
        "id": None,
        "global_id": gids["mood"][0],
        "at": "2026-11-20T11:00:00+01:00",
        "day": "2026-11-20",
        "note": "ok",
        "mood": 6,
        "anxiety": 3,
        "energy": 5,
        "sleep_hours": 7.5,
        "tags": [],  # a mood entry's tags travel with it (none here)
    }
    assert entries["side_effect"][0]["session_id"] == session.id
    assert entries["side_effect"][0]["category"] == "other"
    assert entries["side_effect"][0]["other_text"] == "tingling hands"
    assert entries["event"][0]["event_kind"] == "medication_change"
    assert entries["event"][0]["note"] == event.note
    assert all(is_global_id(row["global_id"]) for kind in KINDS for row in entries[kind])
    assert [row["id"] for kind in KINDS for row in entries[kind]] == [
        mood.id,
        session.id,
        side_effect.id,
        event.id,
    ]


def test_export_json_is_deterministic(journal: Journal, tmp_path: Path) -> None:
    fill(journal)
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    journal.export_json(first)
    journal.export_json(second)
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes().endswith(b"}\n")


def test_export_json_of_an_empty_journal_lists_no_entries(journal: Journal, tmp_path: Path) -> None:
    target = tmp_path / "empty.json"
    assert journal.export_json(target) == dict.fromkeys(KINDS, 0)
    assert json.loads(target.read_text())["entries"] == {kind: [] for kind in KINDS}


def test_export_json_into_a_missing_directory_leaves_nothing(
    journal: Journal, tmp_path: Path
) -> None:
    fill(journal)
    before = files_in(tmp_path)
    with pytest.raises(OSError):
        journal.export_json(tmp_path / "missing" / "export.json")
    assert files_in(tmp_path) == before


def test_export_json_failing_mid_write_leaves_no_file_and_no_temp_file(
    journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(journal)
    out = tmp_path / "out"
    out.mkdir()

    def disk_full(document, handle, **kwargs) -> None:
        handle.write('{"format": "ketajournal-export", "entries": {"mood": [')
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(json, "dump", disk_full)
    with pytest.raises(OSError):
        journal.export_json(out / "export.json")
    assert files_in(out) == set()


def test_failed_export_keeps_the_previous_export(
    journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(journal)
    target = tmp_path / "export.json"
    journal.export_json(target)
    previous = target.read_bytes()
    journal.log(a_mood(T0 + hours(5)))

    def interrupted(document, handle, **kwargs) -> None:
        handle.write("{")
        raise KeyboardInterrupt

    monkeypatch.setattr(json, "dump", interrupted)
    with pytest.raises(KeyboardInterrupt):
        journal.export_json(target)
    assert target.read_bytes() == previous
    assert files_in(tmp_path) >= {"export.json"}
    assert not [name for name in files_in(tmp_path) if name.endswith(".part")]


def test_export_json_over_a_directory_fails_and_removes_its_temp_file(
    journal: Journal, tmp_path: Path
) -> None:
    fill(journal)
    (tmp_path / "export.json").mkdir()
    before = files_in(tmp_path)
    with pytest.raises(OSError):
        journal.export_json(tmp_path / "export.json")
    assert files_in(tmp_path) == before
