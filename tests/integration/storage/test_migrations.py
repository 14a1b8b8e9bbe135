"""Every schema version the project has had, migrated to the current one without a loss.

The fixtures in ``tests/fixtures/journals`` are encrypted journals written at each
schema version (``python -m tests.fixtures.make_journals``). Each is opened through
the real code path — its key injected into the in-memory keyring — which backs it
up, then migrates it in one transaction.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from ketajournal.domain.ids import is_global_id
from ketajournal.platform.keystore import SERVICE, KeyringKeyStore
from ketajournal.platform.paths import MIGRATION_BACKUP_PREFIX, JournalPaths
from ketajournal.services.opening import open_journal, open_or_create
from ketajournal.storage import database, migrations
from ketajournal.storage.backup import verify_backup
from ketajournal.storage.connection import connect, integrity_problems, schema_version
from ketajournal.storage.database import (
    MigrationBackupError,
    MigrationFailedError,
    pending_migrations,
)
from ketajournal.storage.handle import JournalDatabase
from ketajournal.storage.migrations import SCHEMA_VERSION

if TYPE_CHECKING:
    from sqlite_utils import Database

from tests.fixtures.make_journals import (
    MAX_FIXTURE_BYTES,
    TEST_KEY,
    TEST_KEY_HEX,
    TEST_RECOVERY_CODE,
    fixture_dir,
    fixture_versions,
    manifest_of,
    table_columns,
)
from tests.support.keyrings import MemoryKeyring

VERSIONS = fixture_versions()
#: The newest fixture. A schema added on a branch has none until the branches are
#: merged and renumbered (python -m tests.fixtures.make_journals), so the tests that
#: need the current schema migrate this one to it first.
NEWEST = VERSIONS[-1]
#: The fixture of the newest schema is written when the branches that add migrations are
#: merged and numbered (python -m tests.fixtures.make_journals); until then the tests
#: that need it say so instead of failing on a missing file.
needs_current_fixture = pytest.mark.skipif(
    VERSIONS[-1] < SCHEMA_VERSION,
    reason=f"no fixture of schema {SCHEMA_VERSION} yet: it is made when migrations are merged",
)


def manifest(version: int) -> dict[str, Any]:
    return dict(json.loads((fixture_dir(version) / "manifest.json").read_text("utf-8")))


def install(version: int, home: Path, keyring: MemoryKeyring | None) -> JournalPaths:
    """Copy a fixture to ``home`` (0600 files) and put its TEST key in the keyring."""
    home.mkdir(parents=True)
    home.chmod(0o700)
    for name in ("journal.db", "journal.header"):
        shutil.copyfile(fixture_dir(version) / name, home / name)
        (home / name).chmod(0o600)
    if keyring is not None:
        keyring.set_password(SERVICE, f"journal-{manifest(version)['journal_id']}", TEST_KEY_HEX)
    return JournalPaths(home)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def raw(path: Path) -> JournalDatabase:
    return JournalDatabase(connect(path, TEST_KEY))


@needs_current_fixture
def test_there_is_a_fixture_for_every_schema_version_and_each_is_small(tmp_path: Path) -> None:
    assert list(range(1, NEWEST + 1)) == VERSIONS and NEWEST <= SCHEMA_VERSION
    # Every schema has its fixture, the current one included.
    assert NEWEST == SCHEMA_VERSION, (
        "add the fixture of the new schema: python -m tests.fixtures.make_journals"
    )
    for version in VERSIONS:
        assert (fixture_dir(version) / "journal.db").stat().st_size < MAX_FIXTURE_BYTES
        # A copy: SQLite would create -wal and -shm files beside the committed one.
        copy = tmp_path / f"v{version}.db"
        shutil.copyfile(fixture_dir(version) / "journal.db", copy)
        db = raw(copy)
        try:
            assert schema_version(db) == version
            assert not integrity_problems(db)
        finally:
            db.close()


def test_fixture_files_are_encrypted() -> None:
    for version in VERSIONS:
        data = (fixture_dir(version) / "journal.db").read_bytes()
        assert not data.startswith(b"SQLite format 3")
        assert b"Riverside" not in data and b"DROP TABLE" not in data


@pytest.mark.parametrize("version", VERSIONS)
def test_fixture_migrates_keeping_every_entry_byte_for_byte(
    version: int, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    expected = manifest(version)
    paths = install(version, tmp_path / "home", memory_keyring)
    old = raw(paths.database)
    try:
        old_columns = table_columns(old)
    finally:
        old.close()
    journal = open_journal(paths, KeyringKeyStore(), create=False)
    try:
        assert not journal.check().problems
        assert sum(journal.entry_counts().values()) == sum(
            len(rows) for rows in expected["entries"].values()
        )
    finally:
        journal.close()
    db = raw(paths.database)
    try:
        assert schema_version(db) == SCHEMA_VERSION
        assert pending_migrations(db) == []
        found = manifest_of(db, old_columns)
        # Columns a migration added (schema 4: the session record; the sync stamp) read
        # NULL in old rows; the global ids are given to every row, each its own.
        added = {
            table: [c for c in columns if c not in old_columns.get(table, columns)]
            for table, columns in table_columns(db).items()
        }
        for table, names in added.items():
            for name in names:
                if name == "gid":
                    gids = [row[0] for row in db.execute(f"SELECT gid FROM {table}")]
                    assert all(is_global_id(g) for g in gids), table
                    assert len(set(gids)) == len(gids), table
                    continue
                assert db.execute(
                    f'SELECT count(*) FROM {table} WHERE "{name}" IS NOT NULL'
                ).fetchone()[0] == 0, (table, name)
    finally:
        db.close()
    # Every table of the old version holds the same rows; new tables start empty.
    for table, count in expected["counts"].items():
        if table == "_sqlite_migrations":
            assert found["counts"][table] == SCHEMA_VERSION
        else:
            assert found["counts"][table] == count, table
    for table, digests in expected["entries"].items():
        assert found["entries"][table] == digests, table
    for table in set(found["entries"]) - set(expected["entries"]):
        assert found["counts"][table] == 0
    assert found["settings"] == expected["settings"]


@pytest.mark.parametrize("version", [v for v in VERSIONS if v < SCHEMA_VERSION])
def test_a_verified_backup_of_the_old_version_is_written_before_migrating(
    version: int, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    expected = manifest(version)
    paths = install(version, tmp_path / "home", memory_keyring)
    open_journal(paths, KeyringKeyStore(), create=False).close()
    (backup,) = sorted((paths.home / "backups").glob(f"{MIGRATION_BACKUP_PREFIX}*.db"))
    assert backup.stat().st_mode & 0o077 == 0
    verify_backup(backup, TEST_KEY)
    db = raw(backup)
    try:
        # The backup is the journal as it was: the old version with every entry.
        assert schema_version(db) == version
        assert manifest_of(db)["entries"] == expected["entries"]
    finally:
        db.close()
    assert backup.with_suffix(".header").read_bytes() == paths.header.read_bytes()
    # Opening again migrates nothing and backs up nothing more.
    open_journal(paths, KeyringKeyStore(), create=False).close()
    assert len(list((paths.home / "backups").glob("*.db"))) == 1


@needs_current_fixture
def test_a_current_journal_is_opened_without_a_migration_backup(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    paths = install(NEWEST, tmp_path / "home", memory_keyring)
    open_journal(paths, KeyringKeyStore(), create=False).close()  # now current
    shutil.rmtree(paths.home / "backups", ignore_errors=True)
    open_journal(paths, KeyringKeyStore(), create=False).close()
    assert not (paths.home / "backups").exists()


@needs_current_fixture
def test_the_recovery_code_opens_the_current_fixture(tmp_path: Path) -> None:
    paths = install(NEWEST, tmp_path / "home", None)
    journal = open_journal(paths, KeyringKeyStore(), str(TEST_RECOVERY_CODE), create=False)
    try:
        assert not journal.is_empty()
    finally:
        journal.close()


def test_an_old_header_gets_a_recovery_key_when_the_app_opens_it(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    paths = install(1, tmp_path / "home", memory_keyring)
    opened = open_or_create(paths, KeyringKeyStore(), create=False)
    try:
        assert opened.new_recovery_code is not None and not opened.created
    finally:
        opened.journal.close()


def test_a_failing_migration_leaves_the_old_journal_exactly_as_it_was(
    tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    """All pending migrations are one transaction: 0002 is undone when a later one fails."""
    paths = install(1, tmp_path / "home", memory_keyring)

    def broken(db: Database) -> None:
        db.execute("CREATE TABLE half_done (x)")
        db.execute("PRAGMA user_version = 3")
        raise database.sqlcipher3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrations, "MIGRATIONS", [
        *migrations.MIGRATIONS, migrations.Migration("0003_broken", broken),
    ])
    monkeypatch.setattr(database, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(MigrationFailedError, match=r"input/output error.*Nothing was changed"):
        open_journal(paths, KeyringKeyStore(), create=False)
    monkeypatch.undo()
    db = raw(paths.database)
    try:
        assert schema_version(db) == 1
        tables = db.sqlite_utils.table_names()
        assert "assessments" not in tables and "half_done" not in tables
        assert manifest_of(db)["entries"] == manifest(1)["entries"]
        assert not integrity_problems(db)
    finally:
        db.close()
    # ... and it still opens and migrates once the problem is gone.
    open_journal(paths, KeyringKeyStore(), create=False).close()


def test_no_migration_without_its_backup(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    paths = install(1, tmp_path / "home", memory_keyring)
    (paths.home / "backups").write_text("not a folder")  # the backup cannot be written
    before = digest(paths.database)
    with pytest.raises(MigrationBackupError, match="backup could not be written"):
        open_journal(paths, KeyringKeyStore(), create=False)
    assert digest(paths.database) == before
    db = raw(paths.database)
    try:
        assert schema_version(db) == 1
    finally:
        db.close()


@needs_current_fixture
def test_a_journal_from_a_newer_version_is_refused_untouched(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    paths = install(NEWEST, tmp_path / "home", memory_keyring)
    open_journal(paths, KeyringKeyStore(), create=False).close()  # now current
    shutil.rmtree(paths.home / "backups", ignore_errors=True)
    db = raw(paths.database)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    before = digest(paths.database)
    with pytest.raises(database.NewerSchemaError):
        open_journal(paths, KeyringKeyStore(), create=False)
    assert digest(paths.database) == before
    assert not (paths.home / "backups").exists()


def test_programs_opening_an_old_journal_at_once_make_one_backup_and_one_migration(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    paths = install(1, tmp_path / "home", memory_keyring)
    start = threading.Barrier(3)
    failures: list[BaseException] = []

    def open_it() -> None:
        try:
            start.wait()
            open_journal(paths, KeyringKeyStore(), create=False).close()
        except BaseException as error:  # reported below
            failures.append(error)

    threads = [threading.Thread(target=open_it) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    assert len(list((paths.home / "backups").glob("*.db"))) == 1
    assert sorted(p.name for p in paths.home.iterdir()) == ["backups", "journal.db",
                                                             "journal.header"]


def test_the_schema_4_fixture_reads_back_the_whole_session_record(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    paths = install(4, tmp_path / "home", memory_keyring)
    journal = open_journal(paths, KeyringKeyStore(), create=False)
    try:
        (record,) = [s for s in journal.sessions() if s.moaas is not None]
        assert (str(record.bp_before), str(record.bp_after), str(record.bp_leaving)) == (
            "165/102", "198/118", "260/160")
        assert (record.heart_rate, record.spo2, record.observation_minutes, record.moaas) == (
            250, 50, 1440, 0)
        # The other sessions left the record empty.
        others = [s for s in journal.sessions() if s.moaas is None]
        assert others and all(s.heart_rate is None and s.bp_leaving is None for s in others)
    finally:
        journal.close()


def test_the_last_fixture_before_plans_gains_an_empty_planned_sessions_table(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    # Schema 6 is the last without planned sessions (newer fixtures hold a planned one).
    paths = install(6, tmp_path / "home", memory_keyring)
    journal = open_journal(paths, KeyringKeyStore(), create=False)
    try:
        counts = journal.entry_counts()
    finally:
        journal.close()
    assert sum(counts.values()) == sum(
        len(rows) for rows in manifest(6)["entries"].values()
    )
    db = raw(paths.database)
    try:
        assert "planned_sessions" in db.sqlite_utils.table_names()
        assert db.execute("SELECT count(*) FROM planned_sessions").fetchone()[0] == 0
        columns = {c.name for c in db.sqlite_utils["planned_sessions"].columns}
        assert {"at", "status", "session_id", "template", "phase", "route"} <= columns
    finally:
        db.close()
