"""Opening a journal: first run, keys in the keyring, and refusing everything unsafe.

A journal that exists but cannot be opened is reported and left exactly as found:
the tests compare a SHA-256 of every file in the home before and after.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import stat
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
import sqlcipher3

from ketajournal import APP_ID
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
from ketajournal.platform.keystore import (
    SERVICE,
    KeyringKeyStore,
    KeyringUnavailableError,
    keyring_entry,
)
from ketajournal.platform.paths import (
    ENV_HOME,
    JournalPaths,
    default_home,
    ensure_private_dir,
    resolve_home,
)
from ketajournal.services.journal import Journal
from ketajournal.services.opening import (
    JournalIncompleteError,
    KeyMissingError,
    NoJournalError,
    journal_exists,
    open_journal,
)
from ketajournal.storage.connection import WrongKeyError
from ketajournal.storage.database import NewerSchemaError, create_database
from ketajournal.storage.header import HeaderError, JournalHeader, read_header, write_header
from ketajournal.storage.migrations import SCHEMA_VERSION
from tests.support.keyrings import LockedKeyring, MemoryKeyring

SENTINEL = "SENTINEL-c0ffee-7731"


@pytest.fixture(autouse=True)
def everyday_umask() -> Iterator[None]:
    """A common umask (0022): private modes must not depend on the caller's umask."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def open_at(paths: JournalPaths, clock=None, **kwargs) -> Journal:
    return open_journal(paths, KeyringKeyStore(), **({"clock": clock} if clock else {}), **kwargs)


def make_journal(paths: JournalPaths, clock) -> None:
    """Create a journal with one entry and close it."""
    journal = open_at(paths, clock)
    journal.log(MoodEntry(at=clock() - _hours(1), mood=4))
    journal.close()


def _hours(n: float) -> timedelta:
    return timedelta(hours=n)


def snapshot(directory: Path) -> dict[str, str]:
    """Every file under ``directory`` (recursively) with the SHA-256 of its bytes."""
    if not directory.exists():
        return {}
    return {
        str(path.relative_to(directory)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def key_name(paths: JournalPaths) -> tuple[str, str]:
    return SERVICE, f"journal-{keyring_entry(paths.home, read_header(paths.header).journal_id)}"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- first run and reopening -------------------------------------------------------------


def test_first_open_creates_journal_and_header(paths: JournalPaths, clock) -> None:
    assert not journal_exists(paths)
    journal = open_at(paths, clock)
    try:
        assert journal.is_empty()
        assert journal.paths == paths
        assert paths.database.is_file()
        assert paths.header.is_file()
        assert journal_exists(paths)
    finally:
        journal.close()
    assert {p.name for p in paths.home.iterdir()} == {"journal.db", "journal.header"}


def test_every_file_is_0600_and_the_home_0700(paths: JournalPaths, clock) -> None:
    journal = open_at(paths, clock)
    try:
        journal.log(MoodEntry(at=clock(), mood=5))  # the WAL and shared memory now exist
        names = {p.name for p in paths.home.iterdir()}
        assert {"journal.db", "journal.db-wal", "journal.db-shm", "journal.header"} <= names
        assert mode(paths.home) == 0o700
        for path in paths.home.iterdir():
            assert mode(path) == 0o600, path.name
    finally:
        journal.close()
    for path in paths.home.iterdir():
        assert mode(path) == 0o600, path.name


def test_existing_home_is_made_private(paths: JournalPaths, clock) -> None:
    paths.home.mkdir(mode=0o755)
    os.chmod(paths.home, 0o755)
    open_at(paths, clock).close()
    assert mode(paths.home) == 0o700


def test_key_is_stored_in_the_keyring_and_nowhere_in_the_home(
    paths: JournalPaths, clock, memory_keyring: MemoryKeyring
) -> None:
    open_at(paths, clock).close()
    assert SERVICE == APP_ID == "org.ketajournal.KetaJournal"
    header = read_header(paths.header)
    entry = keyring_entry(paths.home, header.journal_id)  # bound to the id and the folder
    assert list(memory_keyring.passwords) == [(SERVICE, f"journal-{entry}")]
    key_hex = memory_keyring.passwords[key_name(paths)]
    assert len(bytes.fromhex(key_hex)) == 32
    for path in paths.home.iterdir():
        data = path.read_bytes()
        for needle in (key_hex.encode(), key_hex.upper().encode(), bytes.fromhex(key_hex)):
            assert needle not in data, path.name


def test_header_holds_format_version_id_and_only_the_wrapped_recovery_key(
    paths: JournalPaths, clock
) -> None:
    open_at(paths, clock).close()
    header = json.loads(paths.header.read_text(encoding="utf-8"))
    # The MAC authenticates every other field (issue 12): it is no key and no secret.
    assert set(header) == {"format", "version", "journal_id", "keys", "mac"}
    assert len(base64.b64decode(header["mac"])) == 32
    assert header["format"] == "ketajournal-header"
    assert header["version"] == 2
    assert set(header["keys"]) == {"recovery"}  # no passphrase wrap unless one is set
    assert set(header["keys"]["recovery"]) == {
        "kdf", "salt", "cipher", "nonce", "wrapped_key", "created"
    }


def test_two_journals_get_different_ids_and_keys(
    tmp_path: Path, clock, memory_keyring: MemoryKeyring
) -> None:
    first, second = JournalPaths(tmp_path / "a"), JournalPaths(tmp_path / "b")
    open_at(first, clock).close()
    open_at(second, clock).close()
    assert read_header(first.header) != read_header(second.header)
    assert len(set(memory_keyring.passwords.values())) == 2


def test_reopening_finds_the_same_journal_and_entries(
    paths: JournalPaths, clock, memory_keyring: MemoryKeyring
) -> None:
    journal = open_at(paths, clock)
    saved, _ = journal.log(MoodEntry(at=clock(), mood=7, note="first"))
    journal.close()
    header = read_header(paths.header)
    keys = dict(memory_keyring.passwords)

    journal = open_at(paths, clock, create=False)
    try:
        assert journal.moods() == [saved]
    finally:
        journal.close()
    assert read_header(paths.header) == header
    assert memory_keyring.passwords == keys


def test_opening_without_create_on_an_empty_home_creates_nothing(
    paths: JournalPaths, clock, memory_keyring: MemoryKeyring
) -> None:
    with pytest.raises(NoJournalError):
        open_at(paths, clock, create=False)
    assert not paths.home.exists()
    assert memory_keyring.passwords == {}


# -- nothing in plain text ---------------------------------------------------------------


def log_sentinel_everywhere(journal: Journal, clock) -> None:
    at = clock() - _hours(2)
    session, _ = journal.log(
        Session(
            at=at,
            route=Route.IV,
            phase=Phase.BOOSTER,
            clinic=SENTINEL,
            note=SENTINEL,
            bp_before=BloodPressure(131, 87),
        )
    )
    journal.log(
        SideEffect(
            at=at + _hours(1),
            category=SideEffectCategory.OTHER,
            other_text=SENTINEL,
            severity=3,
            note=SENTINEL,
            session_id=session.id,
        )
    )
    journal.log(MoodEntry(at=at, mood=2, note=SENTINEL))
    journal.log(Event(at=at, event_kind=EventKind.LIFE_EVENT, note=SENTINEL))
    journal.set_setting("report_name", SENTINEL)


def assert_sentinel_in_no_file(directory: Path) -> None:
    needles = [SENTINEL.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    files = [p for p in directory.rglob("*") if p.is_file()]
    assert files
    for path in files:
        data = path.read_bytes()
        for needle in needles:
            assert needle not in data, path.name


def test_text_fields_appear_in_no_file_while_open_and_after_close(
    paths: JournalPaths, clock, tmp_path: Path
) -> None:
    journal = open_at(paths, clock)
    try:
        log_sentinel_everywhere(journal, clock)
        # The text is really stored (and the WAL holds it, encrypted).
        assert [e.note for e in journal.all_entries()] == [SENTINEL] * 4
        assert (paths.home / "journal.db-wal").stat().st_size > 0
        assert_sentinel_in_no_file(tmp_path)
    finally:
        journal.close()
    assert_sentinel_in_no_file(tmp_path)

    journal = open_at(paths, clock)
    try:
        assert journal.sessions()[0].clinic == SENTINEL
        assert journal.side_effects()[0].other_text == SENTINEL
    finally:
        journal.close()
    assert_sentinel_in_no_file(tmp_path)


# -- a journal that cannot be opened is left as found ------------------------------------


def test_missing_key_is_reported_and_journal_left_unchanged(
    paths: JournalPaths, clock, memory_keyring: MemoryKeyring
) -> None:
    make_journal(paths, clock)
    before = snapshot(paths.home)
    memory_keyring.passwords.clear()

    with pytest.raises(KeyMissingError) as info:
        open_at(paths, clock)
    assert "Nothing was changed" in str(info.value)
    assert snapshot(paths.home) == before
    assert memory_keyring.passwords == {}


def test_wrong_key_leaves_journal_unchanged_and_prints_nothing(
    paths: JournalPaths, clock, memory_keyring: MemoryKeyring, capfd: pytest.CaptureFixture[str]
) -> None:
    make_journal(paths, clock)
    before = snapshot(paths.home)
    memory_keyring.passwords[key_name(paths)] = os.urandom(32).hex()
    capfd.readouterr()

    with pytest.raises(WrongKeyError):
        open_at(paths, clock)
    assert capfd.readouterr() == ("", "")
    assert snapshot(paths.home) == before


@pytest.mark.parametrize("stored", ["not a hex key", "00ff", (b"\x01" * 64).hex()])
def test_key_of_the_wrong_shape_is_a_wrong_key(
    paths: JournalPaths, clock, memory_keyring: MemoryKeyring, stored: str
) -> None:
    make_journal(paths, clock)
    before = snapshot(paths.home)
    memory_keyring.passwords[key_name(paths)] = stored
    with pytest.raises(WrongKeyError):
        open_at(paths, clock)
    assert snapshot(paths.home) == before


def test_right_key_opens_after_a_wrong_key_was_tried(
    paths: JournalPaths, clock, memory_keyring: MemoryKeyring
) -> None:
    make_journal(paths, clock)
    right = memory_keyring.passwords[key_name(paths)]
    memory_keyring.passwords[key_name(paths)] = os.urandom(32).hex()
    with pytest.raises(WrongKeyError):
        open_at(paths, clock)
    memory_keyring.passwords[key_name(paths)] = right
    journal = open_at(paths, clock)
    try:
        assert len(journal.moods()) == 1
    finally:
        journal.close()


@pytest.mark.parametrize(
    "backend", [LockedKeyring, keyring.backends.fail.Keyring], ids=["locked", "no-backend"]
)
def test_unusable_keyring_on_first_run_creates_no_journal(
    paths: JournalPaths, clock, backend
) -> None:
    keyring.set_keyring(backend())
    with pytest.raises(KeyringUnavailableError) as info:
        open_at(paths, clock)
    assert "Nothing was written" in str(info.value)
    assert not journal_exists(paths)
    assert snapshot(paths.home.parent) == {}


@pytest.mark.parametrize(
    "backend", [LockedKeyring, keyring.backends.fail.Keyring], ids=["locked", "no-backend"]
)
def test_unusable_keyring_leaves_an_existing_journal_unchanged(
    paths: JournalPaths, clock, backend
) -> None:
    make_journal(paths, clock)
    before = snapshot(paths.home)
    keyring.set_keyring(backend())
    with pytest.raises(KeyringUnavailableError):
        open_at(paths, clock)
    assert snapshot(paths.home) == before


def test_missing_header_is_reported_and_journal_left_unchanged(
    paths: JournalPaths, clock, memory_keyring: MemoryKeyring
) -> None:
    make_journal(paths, clock)
    keys = dict(memory_keyring.passwords)
    paths.header.unlink()
    before = snapshot(paths.home)

    with pytest.raises(HeaderError):
        open_at(paths, clock)
    assert snapshot(paths.home) == before
    assert memory_keyring.passwords == keys


@pytest.mark.parametrize(
    "content",
    [
        "",
        "{not json",
        "[]",
        '{"format": "something-else", "version": 1, "journal_id": "x"}',
        '{"format": "ketajournal-header", "version": 99, "journal_id": "x"}',
        '{"format": "ketajournal-header", "version": 1, "journal_id": ""}',
    ],
    ids=["empty", "not-json", "list", "other-format", "newer", "no-id"],
)
def test_damaged_header_is_reported_and_journal_left_unchanged(
    paths: JournalPaths, clock, content: str
) -> None:
    make_journal(paths, clock)
    paths.header.write_text(content, encoding="utf-8")
    before = snapshot(paths.home)
    with pytest.raises(HeaderError):
        open_at(paths, clock)
    assert snapshot(paths.home) == before


def test_header_without_journal_file_creates_nothing(
    paths: JournalPaths, clock, memory_keyring: MemoryKeyring
) -> None:
    make_journal(paths, clock)
    paths.database.unlink()
    before = snapshot(paths.home)
    keys = dict(memory_keyring.passwords)

    with pytest.raises(JournalIncompleteError) as info:
        open_at(paths, clock)
    assert "journal.header" in str(info.value)
    assert snapshot(paths.home) == before
    assert memory_keyring.passwords == keys


@pytest.mark.parametrize("leftover", ["journal.db-wal", "journal.db-shm"])
def test_sqlite_sidecar_without_journal_file_creates_nothing(
    paths: JournalPaths, clock, leftover: str
) -> None:
    paths.home.mkdir()
    (paths.home / leftover).write_bytes(b"\x00" * 64)
    before = snapshot(paths.home)
    with pytest.raises(JournalIncompleteError):
        open_at(paths, clock)
    assert snapshot(paths.home) == before


def test_interrupted_first_run_is_started_again_cleanly(
    paths: JournalPaths, clock, memory_keyring: MemoryKeyring
) -> None:
    # A first run that stopped after the header was written but before the
    # finished journal was renamed into place.
    stale_id = "0" * 32

    def crash_before_rename() -> None:
        write_header(paths.header, JournalHeader(stale_id), bytes(32))
        raise KeyboardInterrupt

    ensure_private_dir(paths.home)
    with pytest.raises(KeyboardInterrupt):
        create_database(paths, os.urandom(32), before_publish=crash_before_rename)
    assert {p.name for p in paths.home.iterdir()} == {"journal.db.creating", "journal.header"}

    journal = open_at(paths, clock)
    try:
        assert journal.is_empty()
        journal.log(MoodEntry(at=clock(), mood=6))
    finally:
        journal.close()
    assert {p.name for p in paths.home.iterdir()} == {"journal.db", "journal.header"}
    new_id = read_header(paths.header).journal_id
    assert new_id != stale_id
    assert (SERVICE, f"journal-{keyring_entry(paths.home, new_id)}") in memory_keyring.passwords
    journal = open_at(paths, clock, create=False)
    try:
        assert len(journal.moods()) == 1
    finally:
        journal.close()


def test_journal_from_a_newer_version_is_refused_and_left_unchanged(
    paths: JournalPaths, clock, memory_keyring: MemoryKeyring
) -> None:
    make_journal(paths, clock)
    conn = sqlcipher3.connect(str(paths.database), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{memory_keyring.passwords[key_name(paths)]}'\"")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    finally:
        conn.close()
    before = snapshot(paths.home)

    with pytest.raises(NewerSchemaError) as info:
        open_at(paths, clock)
    assert f"schema {SCHEMA_VERSION + 1}" in str(info.value)
    assert snapshot(paths.home) == before


def test_errors_name_no_key_and_no_entry_text(
    paths: JournalPaths, clock, memory_keyring: MemoryKeyring
) -> None:
    journal = open_at(paths, clock)
    log_sentinel_everywhere(journal, clock)
    journal.close()
    key_hex = memory_keyring.passwords[key_name(paths)]
    memory_keyring.passwords[key_name(paths)] = os.urandom(32).hex()
    with pytest.raises(WrongKeyError) as wrong:
        open_at(paths, clock)
    memory_keyring.passwords.clear()
    with pytest.raises(KeyMissingError) as missing:
        open_at(paths, clock)
    for error in (wrong.value, missing.value):
        assert SENTINEL not in str(error)
        assert key_hex not in str(error).lower()


# -- where the home is -------------------------------------------------------------------


def test_home_option_wins_over_environment_and_default(tmp_path: Path) -> None:
    env = {ENV_HOME: str(tmp_path / "from-env")}
    assert resolve_home(tmp_path / "from-option", env) == tmp_path / "from-option"
    assert resolve_home(str(tmp_path / "from-option"), env) == tmp_path / "from-option"


def test_environment_wins_over_default(tmp_path: Path) -> None:
    assert resolve_home(None, {ENV_HOME: str(tmp_path / "from-env")}) == tmp_path / "from-env"
    assert resolve_home("", {ENV_HOME: str(tmp_path / "from-env")}) == tmp_path / "from-env"


def test_platform_default_when_neither_is_given() -> None:
    assert resolve_home(None, {}) == default_home()
    assert resolve_home(None, {ENV_HOME: ""}) == default_home()
    assert default_home().is_absolute()
    assert "ketajournal" in default_home().parts[-1].lower()


def test_home_is_absolute_with_user_expanded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert resolve_home("~/journal", {}) == tmp_path / "journal"
    assert resolve_home(None, {ENV_HOME: "~/env-journal"}) == tmp_path / "env-journal"
    assert resolve_home("relative", {}) == tmp_path / "relative"


def test_resolving_the_home_creates_nothing(tmp_path: Path) -> None:
    resolve_home(tmp_path / "option", {ENV_HOME: str(tmp_path / "env")})
    assert list(tmp_path.iterdir()) == []
