"""The journal's schema, created and changed only by these recorded migrations.

Each migration runs in one transaction together with the record of it having
been applied (sqlite-utils ``Migrations``, made by :func:`migration_set`), and sets
``PRAGMA user_version`` to its ordinal so a journal from a newer ketajournal can be
recognised and refused before anything is read or written. Never edit a migration
that has shipped; add a new one.

The list (:data:`MIGRATIONS`) and :data:`SCHEMA_VERSION` need no sqlite-utils: opening
an up-to-date journal compares ``user_version`` with that number and imports nothing
more; sqlite-utils is imported when a journal is created or migrated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ketajournal.domain.ids import new_id
from ketajournal.storage.handle import import_sqlite_utils
from ketajournal.storage.sync_schema import (
    FIRST_SYNCED,
    add_natural_sync_identity,
    add_sync_identity,
    create_sync_tables,
    note_existing_rows,
)

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

#: The name sqlite-utils records the journal's migrations under (``_sqlite_migrations``).
MIGRATION_SET = "ketajournal"


@dataclass(frozen=True)
class Migration:
    """One recorded migration: the name it is recorded under and what it does."""

    name: str
    apply: Callable[[Database], None]


#: Every migration, in order; a journal at schema N has applied the first N.
MIGRATIONS: list[Migration] = []


def recorded(name: str) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
    """Add the decorated function to :data:`MIGRATIONS` under ``name``."""

    def record(step: Callable[[Database], None]) -> Callable[[Database], None]:
        MIGRATIONS.append(Migration(name, step))
        return step

    return record


def migration_set() -> Migrations:
    """:data:`MIGRATIONS` as sqlite-utils' ``Migrations`` (imports sqlite-utils)."""
    import_sqlite_utils()
    from sqlite_utils import Migrations

    found = Migrations(MIGRATION_SET)
    for migration in MIGRATIONS:
        found(name=migration.name)(migration.apply)
    return found

# Columns every entry table has: the ISO 8601 time with the offset it was logged
# with, that local calendar day, and UTC epoch seconds for ordering and ranges.
_COMMON = """
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    day TEXT NOT NULL,
    ts REAL NOT NULL,
    note TEXT NOT NULL DEFAULT ''
"""


@recorded("0001_initial")
def m0001_initial(db: Database) -> None:
    """Mood, sessions, side effects, events and settings."""
    # AUTOINCREMENT: ids are never reused, so undoing a delete can put an entry
    # back under its old id without colliding with something logged since.
    db.execute(
        f"""CREATE TABLE mood_entries ({_COMMON},
        mood INTEGER NOT NULL CHECK (mood BETWEEN 0 AND 10),
        anxiety INTEGER CHECK (anxiety BETWEEN 0 AND 10),
        energy INTEGER CHECK (energy BETWEEN 0 AND 10),
        sleep_hours REAL CHECK (sleep_hours BETWEEN 0 AND 24))"""
    )
    db.execute(
        f"""CREATE TABLE sessions ({_COMMON},
        route TEXT NOT NULL,
        phase TEXT NOT NULL CHECK (phase IN ('induction', 'booster')),
        dose_mg REAL CHECK (dose_mg > 0),
        weight_kg REAL CHECK (weight_kg > 0),
        clinic TEXT NOT NULL DEFAULT '',
        dissociation INTEGER CHECK (dissociation BETWEEN 0 AND 10),
        bp_before_systolic INTEGER,
        bp_before_diastolic INTEGER,
        bp_after_systolic INTEGER,
        bp_after_diastolic INTEGER)"""
    )
    db.execute(
        f"""CREATE TABLE side_effects ({_COMMON},
        category TEXT NOT NULL,
        other_text TEXT NOT NULL DEFAULT '',
        severity INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 10),
        duration_minutes INTEGER CHECK (duration_minutes > 0),
        session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL)"""
    )
    db.execute(
        f"""CREATE TABLE events ({_COMMON},
        kind TEXT NOT NULL)"""
    )
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    for table in ("mood_entries", "sessions", "side_effects", "events"):
        db.execute(f"CREATE INDEX idx_{table}_ts ON {table}(ts)")
    db.execute("CREATE INDEX idx_side_effects_session ON side_effects(session_id)")
    db.execute("PRAGMA user_version = 1")


@recorded("0002_assessments")
def m0002_assessments(db: Database) -> None:
    """Questionnaire answers (PHQ-9, GAD-7, ...). Totals are derived, never stored."""
    db.execute(
        f"""CREATE TABLE assessments ({_COMMON},
        instrument TEXT NOT NULL,
        answers TEXT NOT NULL,
        difficulty INTEGER,
        safety_acknowledged_at TEXT)"""
    )
    db.execute("CREATE INDEX idx_assessments_ts ON assessments(ts)")
    db.execute("CREATE INDEX idx_assessments_instrument ON assessments(instrument, ts)")
    db.execute("PRAGMA user_version = 2")


@recorded("0003_drafts_daily_mood_index")
def m0003_drafts_daily_mood_index(db: Database) -> None:
    """Unsaved form text, kept (encrypted, like everything here) until saved or discarded;
    and an index that answers the daily mood means from the index alone.

    One row per open form: ``form`` names it (``today``, ``new:session``,
    ``edit:mood:12``), ``data`` is the form's fields as JSON, ``saved_at`` when it was
    last written. Drafts are not entries: no export, report or count includes them.
    ``(day, mood)`` covers ``SELECT day, sum(mood), count(*) … GROUP BY day``: on a
    million moods 0.36 → 0.11 s.
    """
    db.execute("CREATE INDEX idx_mood_entries_day_mood ON mood_entries(day, mood)")
    db.execute(
        """CREATE TABLE drafts (
        form TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        saved_at TEXT NOT NULL)"""
    )
    db.execute("PRAGMA user_version = 3")


@recorded("0004_session_record")
def m0004_session_record(db: Database) -> None:
    """The rest of a session record of the esketamine label and its monitoring form.

    All optional, so an IV patient is not burdened: blood pressure before leaving
    (before and ~40 min after were already there), heart rate, SpO₂, the minutes of
    observation until ready to leave, and the clinic's sedation rating (MOAA/S 0–5).
    Existing rows read NULL: nothing recorded.
    """
    for column in (
        "bp_leaving_systolic INTEGER",
        "bp_leaving_diastolic INTEGER",
        "heart_rate INTEGER CHECK (heart_rate BETWEEN 20 AND 250)",
        "spo2 INTEGER CHECK (spo2 BETWEEN 50 AND 100)",
        "observation_minutes INTEGER CHECK (observation_minutes BETWEEN 0 AND 1440)",
        "moaas INTEGER CHECK (moaas BETWEEN 0 AND 5)",
    ):
        db.execute(f"ALTER TABLE sessions ADD COLUMN {column}")
    db.execute("PRAGMA user_version = 4")


@recorded("0005_medications")
def m0005_medications(db: Database) -> None:
    """The medication list: one row per course, its dose steps in a table of their own.

    A course (``medications``) runs from ``start_day`` to ``stop_day`` (NULL while it is
    taken; not taken on its stop day). Its doses (``medication_doses``) are dated steps:
    the first on the start day, one per later dose change, at most one per day. Days are
    ISO dates (``YYYY-MM-DD``), so text order is date order. The class list is the
    domain's ``MedicationClass`` as it was when this shipped.
    """
    db.execute(
        """CREATE TABLE medications (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
        class TEXT NOT NULL CHECK (class IN ('ssri', 'snri', 'tca', 'maoi',
            'antidepressant_other', 'benzodiazepine', 'z_drug', 'stimulant',
            'antipsychotic', 'mood_stabiliser', 'opioid', 'other')),
        frequency TEXT NOT NULL DEFAULT '' CHECK (length(frequency) <= 100),
        start_day TEXT NOT NULL CHECK (start_day GLOB
            '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        stop_day TEXT CHECK (stop_day IS NULL OR (stop_day GLOB
            '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND stop_day >= start_day)),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL)"""
    )
    db.execute(
        """CREATE TABLE medication_doses (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        medication_id INTEGER NOT NULL REFERENCES medications(id) ON DELETE CASCADE,
        day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        dose_text TEXT NOT NULL CHECK (length(trim(dose_text)) BETWEEN 1 AND 100),
        dose_mg REAL CHECK (dose_mg IS NULL OR dose_mg BETWEEN 0.001 AND 10000),
        UNIQUE (medication_id, day))"""
    )
    db.execute("CREATE INDEX idx_medications_start ON medications(start_day)")
    db.execute("PRAGMA user_version = 5")


@recorded("0006_tags_factors")
def m0006_tags_factors(db: Database) -> None:
    """Tags on mood entries, and the few daily factors the patient chose to follow.

    ``tags`` holds each tag once (``key`` is its casefolded spelling, so "Walk" and
    "walk" are one tag; ``name`` is the first spelling). ``entry_tags`` links mood
    entries to tags; deleting a mood entry deletes its links (its tags stay for
    completion). ``factors`` are the patient's definitions (``kind`` yes/no or a 0–10
    scale) and ``factor_values`` one value per factor and calendar day (0/1 for
    yes/no). Existing tables are not touched.
    """
    db.execute(
        """CREATE TABLE tags (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        key TEXT NOT NULL UNIQUE)"""
    )
    db.execute(
        """CREATE TABLE entry_tags (
        mood_id INTEGER NOT NULL REFERENCES mood_entries(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (mood_id, tag_id)) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX idx_entry_tags_tag ON entry_tags(tag_id)")
    db.execute(
        """CREATE TABLE factors (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('yesno', 'scale')))"""
    )
    db.execute(
        """CREATE TABLE factor_values (
        factor_id INTEGER NOT NULL REFERENCES factors(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),
        PRIMARY KEY (factor_id, day)) WITHOUT ROWID"""
    )
    db.execute("PRAGMA user_version = 6")


@recorded("0007_planned_sessions")
def m0007_planned_sessions(db: Database) -> None:
    """Planned sessions: what the patient expects, and what became of each.

    ``at``/``day``/``ts`` as for entries (the planned local time with its offset);
    ``status`` planned, done, missed or cancelled; ``session_id`` the logged session a
    done one became (kept NULL if that session is deleted); ``template`` the template
    that made it ("" when added by hand). Not entries: the Timeline and the entry counts
    leave them out; the JSON export carries them.
    """
    db.execute(
        f"""CREATE TABLE planned_sessions ({_COMMON},
        route TEXT NOT NULL,
        phase TEXT NOT NULL CHECK (phase IN ('induction', 'booster')),
        dose_mg REAL CHECK (dose_mg > 0),
        clinic TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'planned'
            CHECK (status IN ('planned', 'done', 'missed', 'cancelled')),
        session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
        template TEXT NOT NULL DEFAULT '')"""
    )
    db.execute("CREATE INDEX idx_planned_sessions_ts ON planned_sessions(ts)")
    db.execute("CREATE INDEX idx_planned_sessions_session ON planned_sessions(session_id)")
    db.execute("PRAGMA user_version = 7")


@recorded("0008_sync_identities")
def m0008_sync_identities(db: Database) -> None:
    """Global ids, last-change stamps and change capture for every table that syncs.

    Every row of each table in ``sync_schema.FIRST_SYNCED`` gets a UUIDv7 global
    id (existing rows too) and a stamp column; triggers note each change in
    ``sync_outbox``; deletions become tombstones when they are sent. This computer's
    device id (a new UUIDv7) starts ``sync_local``, which never syncs. Nothing is
    sent anywhere until the patient sets up sync (docs/sync.md).
    """
    create_sync_tables(db)
    for table in FIRST_SYNCED:
        add_sync_identity(db, table)
    db.execute("INSERT INTO sync_local (key, value) VALUES ('device', ?)", [new_id()])
    db.execute("PRAGMA user_version = 8")



@recorded("0009_sync_more")
def m0009_sync_more(db: Database) -> None:
    """Medications, tags, factors and the patient's settings join sync.

    ``medications`` get UUIDv7 global ids like entries. The records with a unique key
    two computers could both create — a dose step (medication and day), a tag and a
    factor (their key), a tag on an entry, a factor's value for a day, a setting — get
    a global id derived from that key (``domain.ids.natural_id``), so both computers
    make the same record and the later version wins. Only the settings in
    ``sync_schema.SYNCED_SETTINGS`` get one. A journal already linked to a folder
    sends them all with its next sync.
    """
    add_sync_identity(db, "medications")
    for table in ("medication_doses", "tags", "entry_tags", "factors", "factor_values",
                  "settings"):
        add_natural_sync_identity(db, table)
    for table in ("medications", "medication_doses", "tags", "entry_tags", "factors",
                  "factor_values", "settings"):
        note_existing_rows(db, table)
    db.execute("PRAGMA user_version = 9")


#: The schema version this code writes: the number of migrations it knows.
SCHEMA_VERSION = len(MIGRATIONS)
