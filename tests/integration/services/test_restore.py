"""Backup files, restore, and damaged journals — on real encrypted files in ``tmp_path``.

The paths of issue 5 §3: ``backup -o`` then ``restore`` into a new home (keyring
present, absent, failing; passphrase right and wrong; the recovery key on a clean
home with the keyring empty) reproduces the same ``export json`` byte for byte;
restore never replaces a journal without ``force`` and keeps the old files; a
truncated or overwritten journal says what happened, offers the newest verified
backup and is left byte for byte as it was until the user accepts.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from ketajournal.domain.models import MoodEntry
from ketajournal.platform import crypto
from ketajournal.platform.crypto import Argon2Params, RecoveryCode
from ketajournal.platform.keystore import KeyringKeyStore, keyring_entry
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.backups import automatic_backup
from ketajournal.services.damage import (
    Damage,
    DamagedNeedsSecretError,
    JournalDamagedError,
    KeyringKeyDoesNotFitError,
)
from ketajournal.services.keys import (
    KeyMissingError,
    NeedsSecretError,
    WrongSecretError,
    enable_passphrase,
    with_recovery_key,
)
from ketajournal.services.opening import open_checked, open_or_create
from ketajournal.services.portable import (
    DB_MEMBER,
    BackupFileError,
    write_portable_backup,
)
from ketajournal.services.repair import (
    repair_from_backups,
    restore_from_home_backup,
)
from ketajournal.services.restore import (
    JournalExistsError,
    RestoreNeedsSecretError,
    WrongBackupSecretError,
    restore_backup_file,
)
from ketajournal.storage.header import JournalHeader, header_json, read_header
from tests.support.clock import NOW
from tests.support.keyrings import LockedKeyring, MemoryKeyring
from tests.support.restored_journals import (
    Made,
    backup_file,
    export_bytes,
    overwrite_last_page,
    reopen,
    snapshot,
    truncate_half,
)

SENTINEL = "SENTINEL-restore-7d20"
PASSPHRASE = "correct horse battery staple"
PASSPHRASE_NEW = "a newer passphrase, eleven words long"
PAGE = 4096


@pytest.fixture(autouse=True)
def fast_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "ARGON2_DEFAULT", Argon2Params(memory_kib=8, iterations=1, lanes=1))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def empty_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


def journal_files(home: Path) -> list[str]:
    return sorted(p.name for p in home.iterdir() if p.is_file()) if home.exists() else []


# -- the portable backup file ---------------------------------------------------------


def test_backup_then_restore_with_the_recovery_key_and_the_keyring_emptied_is_byte_identical(
    made: Made, clock, tmp_path: Path
) -> None:
    original = export_bytes(made.paths, clock, tmp_path / "before.json")
    target = backup_file(made.paths, clock, tmp_path / "journal-backup.zip")
    backend = empty_keyring()  # a new computer: nothing in its keyring
    new_home = JournalPaths(tmp_path / "new-home")

    with pytest.raises(RestoreNeedsSecretError, match="recovery key"):
        restore_backup_file(new_home, target, KeyringKeyStore())
    assert journal_files(new_home.home) == []

    result = restore_backup_file(new_home, target, KeyringKeyStore(), str(made.code))
    assert result.stored_in_keyring and not result.passphrase_mode
    assert result.moved_aside is None
    assert result.total == sum(json.loads(original)["entries"][k].__len__()
                               for k in json.loads(original)["entries"])
    assert len(backend.passwords) == 1  # the next start opens through the keyring
    assert journal_files(new_home.home) == ["journal.db", "journal.header"]
    assert not [p for p in new_home.home.iterdir() if p.name.startswith(".")]
    assert new_home.home.stat().st_mode & 0o777 == 0o700
    for path in new_home.home.iterdir():
        assert path.stat().st_mode & 0o777 == 0o600
    assert export_bytes(new_home, clock, tmp_path / "after.json") == original


def test_restore_with_the_keyring_holding_the_key_needs_no_secret(
    made: Made, clock, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    original = export_bytes(made.paths, clock, tmp_path / "before.json")
    target = backup_file(made.paths, clock, tmp_path / "b.zip")
    before = dict(memory_keyring.passwords)
    result = restore_backup_file(made.paths, target, KeyringKeyStore(), force=True)
    assert result.stored_in_keyring
    assert memory_keyring.passwords == before
    assert export_bytes(made.paths, clock, tmp_path / "after.json") == original
    # The keyring entry is bound to the journal's folder: into another folder the backup
    # needs its recovery key (and then gets an entry of its own there).
    other = JournalPaths(tmp_path / "other")
    with pytest.raises(RestoreNeedsSecretError):
        restore_backup_file(other, target, KeyringKeyStore())
    assert not other.database.exists()
    result = restore_backup_file(other, target, KeyringKeyStore(), str(made.code))
    assert result.stored_in_keyring and len(memory_keyring.passwords) == len(before) + 1
    assert export_bytes(other, clock, tmp_path / "other.json") == original


@pytest.mark.parametrize("backend", [keyring.backends.fail.Keyring, LockedKeyring])
def test_restore_without_a_usable_keyring_works_with_the_recovery_key(
    made: Made, clock, tmp_path: Path, backend: Callable[[], keyring.backend.KeyringBackend]
) -> None:
    original = export_bytes(made.paths, clock, tmp_path / "before.json")
    target = backup_file(made.paths, clock, tmp_path / "b.zip")
    keyring.set_keyring(backend())
    other = JournalPaths(tmp_path / "other")
    with pytest.raises(NeedsSecretError, match="keyring cannot be used"):
        restore_backup_file(other, target, KeyringKeyStore())
    assert journal_files(other.home) == []
    result = restore_backup_file(other, target, KeyringKeyStore(), str(made.code))
    assert not result.stored_in_keyring
    assert "could not store its key" in result.summary()
    assert export_bytes(other, clock, tmp_path / "after.json", str(made.code)) == original


def test_a_passphrase_mode_backup_restores_with_the_right_passphrase_only(
    made: Made, clock, tmp_path: Path
) -> None:
    journal = reopen(made.paths, clock)
    try:
        enable_passphrase(journal, KeyringKeyStore(), PASSPHRASE)
    finally:
        journal.close()
    original = export_bytes(made.paths, clock, tmp_path / "before.json", PASSPHRASE)
    target = backup_file(made.paths, clock, tmp_path / "b.zip", PASSPHRASE)
    backend = empty_keyring()
    other = JournalPaths(tmp_path / "other")
    with pytest.raises(RestoreNeedsSecretError, match="passphrase mode"):
        restore_backup_file(other, target, KeyringKeyStore())
    with pytest.raises(WrongBackupSecretError, match="does not open this backup"):
        restore_backup_file(other, target, KeyringKeyStore(), "not the passphrase at all")
    assert journal_files(other.home) == []
    result = restore_backup_file(other, target, KeyringKeyStore(), PASSPHRASE)
    assert result.passphrase_mode and not result.stored_in_keyring
    assert backend.passwords == {}  # passphrase mode keeps nothing in the keyring
    assert export_bytes(other, clock, tmp_path / "after.json", PASSPHRASE) == original
    with pytest.raises(NeedsSecretError):
        reopen(other, clock)


def test_restore_never_replaces_a_journal_without_force(
    made: Made, clock, tmp_path: Path
) -> None:
    target = backup_file(made.paths, clock, tmp_path / "b.zip")
    before = snapshot(made.paths.home)
    with pytest.raises(JournalExistsError, match="--force"):
        restore_backup_file(made.paths, target, KeyringKeyStore())
    assert snapshot(made.paths.home) == before


def test_restore_with_force_moves_the_old_journal_aside_first(
    made: Made, clock, tmp_path: Path
) -> None:
    target = backup_file(made.paths, clock, tmp_path / "b.zip")
    journal = reopen(made.paths, clock)
    try:
        journal.log(MoodEntry(at=journal.now(), mood=9, note="after the backup"))
    finally:
        journal.close()
    old_db, old_header = digest(made.paths.database), digest(made.paths.header)
    result = restore_backup_file(made.paths, target, KeyringKeyStore(), force=True, clock=clock)
    aside = result.moved_aside
    assert aside is not None and aside.parent == made.paths.home / "backups"
    assert aside.name == f"before-restore-{clock().astimezone():%Y%m%d-%H%M%S}"
    assert aside.stat().st_mode & 0o777 == 0o700
    assert digest(aside / "journal.db") == old_db
    assert digest(aside / "journal.header") == old_header
    restored = reopen(made.paths, clock)
    try:
        assert "after the backup" not in [m.note for m in restored.moods()]
    finally:
        restored.close()
    # The moved journal is whole: it opens where it is, with the entry made after the backup.
    kept = JournalPaths(tmp_path / "kept")
    shutil.copytree(aside, kept.home)
    old = reopen(kept, clock, str(made.code))  # another folder: its recovery key opens it
    try:
        assert "after the backup" in [m.note for m in old.moods()]
    finally:
        old.close()
    # A second forced restore in the same second gets a folder of its own.
    again = restore_backup_file(made.paths, target, KeyringKeyStore(), force=True, clock=clock)
    assert again.moved_aside is not None and again.moved_aside != aside and aside.exists()


def test_a_damaged_backup_file_is_refused_before_anything_is_placed(
    made: Made, clock, tmp_path: Path
) -> None:
    target = backup_file(made.paths, clock, tmp_path / "b.zip")
    data = bytearray(target.read_bytes())
    with zipfile.ZipFile(target) as archive:
        info = archive.getinfo(DB_MEMBER)
    data[info.header_offset + 200 + 30 + len(DB_MEMBER)] ^= 0xFF  # a byte in the database
    target.write_bytes(bytes(data))
    other = JournalPaths(tmp_path / "other")
    with pytest.raises(BackupFileError, match="damaged"):
        restore_backup_file(other, target, KeyringKeyStore(), str(made.code))
    assert journal_files(other.home) == []
    assert not list(other.home.iterdir())  # no staged copy left behind
    not_ours = tmp_path / "notes.zip"
    with zipfile.ZipFile(not_ours, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(BackupFileError, match="not a ketajournal backup"):
        restore_backup_file(other, not_ours, KeyringKeyStore())
    with pytest.raises(BackupFileError, match="no backup file"):
        restore_backup_file(other, tmp_path / "missing.zip", KeyringKeyStore())


def test_a_backup_from_the_backups_folder_restores_too(
    made: Made, clock, tmp_path: Path
) -> None:
    original = export_bytes(made.paths, clock, tmp_path / "before.json")
    journal = reopen(made.paths, clock)
    try:
        (daily, *_) = automatic_backup(journal).made
    finally:
        journal.close()
    empty_keyring()
    other = JournalPaths(tmp_path / "other")
    restore_backup_file(other, daily, KeyringKeyStore(), str(made.code))
    assert export_bytes(other, clock, tmp_path / "after.json") == original


# -- damaged journals -----------------------------------------------------------------


def overwrite_first_page(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.write(os.urandom(PAGE))


def empty_file(path: Path) -> None:
    os.truncate(path, 0)


DAMAGES: list[tuple[Callable[[Path], None], Damage]] = [
    (truncate_half, Damage.DATABASE_UNREADABLE),
    (overwrite_last_page, Damage.INTEGRITY),
    (overwrite_first_page, Damage.DATABASE_UNREADABLE),
    (empty_file, Damage.DATABASE_EMPTY),
]


def newest_daily(paths: JournalPaths) -> Path:
    return sorted((paths.home / "backups").glob("daily-*.db"))[-1]


@pytest.mark.parametrize(("damage", "kind"), DAMAGES, ids=[d.__name__ for d, _ in DAMAGES])
def test_a_damaged_journal_says_so_offers_the_newest_backup_and_stays_unchanged(
    backed_up: Made, clock, tmp_path: Path, damage: Callable[[Path], None], kind: Damage
) -> None:
    paths = backed_up.paths
    expected = export_bytes(paths, clock, tmp_path / "before.json")
    damage(paths.database)
    before = snapshot(paths.home)
    with pytest.raises(JournalDamagedError) as info:
        open_checked(paths, KeyringKeyStore(), clock=clock)
    error = info.value
    assert error.damage is kind
    message = str(error)
    assert "is damaged" in message and "Nothing was changed yet" in message
    assert "key does not fit" not in message and SENTINEL not in message
    assert error.offer is not None and error.offer.replaces_database
    assert error.offer.backup == newest_daily(paths)
    assert error.offer.backup.name in message
    assert snapshot(paths.home) == before  # nothing touched until the user accepts

    damaged_digest = digest(paths.database)
    result = restore_from_home_backup(paths, error.offer.backup, error.offer.key, clock=clock)
    aside = result.moved_aside
    assert aside is not None and aside.name.startswith("damaged-")
    assert digest(aside / "journal.db") == damaged_digest  # kept, never deleted
    assert not (aside / "journal.header").exists()  # the sound header stayed in place
    assert result.replaced_database and not result.replaced_header
    assert export_bytes(paths, clock, tmp_path / "after.json") == expected
    opened = open_checked(paths, KeyringKeyStore(), clock=clock)
    opened.journal.close()


def test_with_the_keyring_empty_a_damaged_journal_first_asks_for_the_recovery_key(
    backed_up: Made, clock
) -> None:
    paths = backed_up.paths
    overwrite_first_page(paths.database)
    empty_keyring()
    before = snapshot(paths.home)
    # Without a proven key a failure could be a wrong key: ask, claim nothing.
    with pytest.raises(KeyMissingError):
        open_checked(paths, KeyringKeyStore(), clock=clock)
    with pytest.raises(WrongSecretError):
        open_checked(paths, KeyringKeyStore(), "not the recovery key", clock=clock)
    # The recovery key unwraps the header's authenticated wrap: the key is right, so the
    # file is damaged.
    with pytest.raises(JournalDamagedError) as info:
        open_checked(paths, KeyringKeyStore(), str(backed_up.code), clock=clock)
    assert info.value.damage is Damage.DATABASE_UNREADABLE
    assert info.value.offer is not None
    assert snapshot(paths.home) == before


def test_without_any_backup_the_damage_is_named_and_nothing_is_offered(
    made: Made, clock
) -> None:
    overwrite_last_page(made.paths.database)
    before = snapshot(made.paths.home)
    with pytest.raises(JournalDamagedError, match="No backup in") as info:
        open_checked(made.paths, KeyringKeyStore(), clock=clock)
    assert info.value.offer is None
    assert snapshot(made.paths.home) == before
    with pytest.raises(JournalDamagedError):
        repair_from_backups(made.paths, KeyringKeyStore(), clock=clock)
    assert snapshot(made.paths.home) == before


def test_a_lost_header_comes_back_alone_when_the_journal_file_is_sound(
    backed_up: Made, clock, tmp_path: Path
) -> None:
    paths = backed_up.paths
    journal = reopen(paths, clock)
    try:
        journal.log(MoodEntry(at=journal.now(), mood=8, note="after the last backup"))
    finally:
        journal.close()
    expected = export_bytes(paths, clock, tmp_path / "before.json")
    database = digest(paths.database)
    paths.header.unlink()
    with pytest.raises(JournalDamagedError) as info:
        open_checked(paths, KeyringKeyStore(), clock=clock)
    error = info.value
    assert error.damage is Damage.HEADER_MISSING
    assert error.offer is not None and not error.offer.replaces_database
    assert "only the header needs to come back" in str(error)
    assert digest(paths.database) == database
    result = restore_from_home_backup(paths, error.offer.backup, error.offer.key, clock=clock)
    assert result.replaced_header and not result.replaced_database
    assert result.moved_aside is None  # there was no header to move
    assert export_bytes(paths, clock, tmp_path / "after.json") == expected  # no entry lost


def test_a_damaged_header_with_the_keyring_empty_needs_the_recovery_key_to_check_backups(
    backed_up: Made, clock
) -> None:
    paths = backed_up.paths
    paths.header.write_text("{ not json", encoding="utf-8")
    damaged_header = digest(paths.header)
    empty_keyring()
    with pytest.raises(DamagedNeedsSecretError, match=r"header .* is damaged"):
        open_checked(paths, KeyringKeyStore(), clock=clock)
    with pytest.raises(JournalDamagedError) as info:
        open_checked(paths, KeyringKeyStore(), str(backed_up.code), clock=clock)
    error = info.value
    assert error.damage is Damage.HEADER_DAMAGED and error.offer is not None
    result = restore_from_home_backup(
        paths, error.offer.backup, error.offer.key, keys=KeyringKeyStore(), clock=clock
    )
    assert result.moved_aside is not None
    assert digest(result.moved_aside / "journal.header") == damaged_header
    assert result.stored_in_keyring
    opened = open_checked(paths, KeyringKeyStore(), clock=clock)  # through the keyring again
    opened.journal.close()


def test_a_missing_journal_file_is_never_replaced_by_a_new_one(
    backed_up: Made, clock, tmp_path: Path
) -> None:
    paths = backed_up.paths
    expected = export_bytes(paths, clock, tmp_path / "before.json")
    paths.database.unlink()
    with pytest.raises(JournalDamagedError) as info:
        open_checked(paths, KeyringKeyStore(), clock=clock)  # create=True, yet no new journal
    assert info.value.damage is Damage.DATABASE_MISSING
    assert not paths.database.exists()
    result = repair_from_backups(paths, KeyringKeyStore(), clock=clock)
    assert result.replaced_database and result.moved_aside is None
    assert export_bytes(paths, clock, tmp_path / "after.json") == expected


def test_a_home_holding_only_backups_gets_no_new_empty_journal(
    backed_up: Made, clock
) -> None:
    paths = backed_up.paths
    paths.database.unlink()
    paths.header.unlink()
    with pytest.raises(JournalDamagedError, match="move the backups folder") as info:
        open_checked(paths, KeyringKeyStore(), clock=clock)
    assert info.value.damage is Damage.JOURNAL_MISSING and info.value.offer is not None
    assert journal_files(paths.home) == []


def test_a_healthy_journal_opens_checked_and_a_first_run_still_creates(
    paths: JournalPaths, clock
) -> None:
    first = open_checked(paths, KeyringKeyStore(), clock=clock)
    assert first.created and first.new_recovery_code is not None
    first.journal.close()
    again = open_checked(paths, KeyringKeyStore(), clock=clock)
    assert not again.created
    again.journal.close()


def test_a_wrong_keyring_key_is_not_called_damage_and_the_recovery_key_decides(
    backed_up: Made, clock, memory_keyring: MemoryKeyring
) -> None:
    paths = backed_up.paths
    (entry,) = memory_keyring.passwords
    memory_keyring.passwords[entry] = "11" * 32  # a key, but not this journal's
    before = snapshot(paths.home)
    # It opens neither the journal nor a backup: nothing proves it, so nothing is claimed.
    with pytest.raises(KeyringKeyDoesNotFitError, match="does not fit it, or the file is dam"):
        open_checked(paths, KeyringKeyStore(), clock=clock)
    opened = open_checked(paths, KeyringKeyStore(), str(backed_up.code), clock=clock)
    opened.journal.close()  # the journal was fine: the keyring's key was wrong
    overwrite_first_page(paths.database)
    with pytest.raises(KeyringKeyDoesNotFitError):
        open_checked(paths, KeyringKeyStore(), clock=clock)
    with pytest.raises(JournalDamagedError) as info:  # now the recovery key proves damage
        open_checked(paths, KeyringKeyStore(), str(backed_up.code), clock=clock)
    assert info.value.offer is not None
    assert {k: v for k, v in snapshot(paths.home).items() if k != "journal.db"} == {
        k: v for k, v in before.items() if k != "journal.db"
    }


# -- the command line (once the cli.py code from the issue 5 reply is in) -------------


def _cli_has(command: str) -> bool:
    from ketajournal.cli import build_parser

    parser = build_parser()
    actions = [a for a in parser._actions if hasattr(a, "choices") and a.choices]
    return any(command in (a.choices or {}) for a in actions)


needs_cli = pytest.mark.skipif(
    not _cli_has("restore"), reason="cli.py does not have backup/restore yet"
)


def cli(home: Path, *args: str) -> int:
    from ketajournal.cli import main

    return main(["--home", str(home), *args])


@needs_cli
def test_cli_backup_then_restore_with_the_recovery_key_reproduces_export_json(
    made: Made, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home, new_home = made.paths.home, tmp_path / "new-home"
    assert cli(home, "export", "json", "-o", str(tmp_path / "before.json")) == 0
    assert cli(home, "backup", "-o", str(tmp_path / "journal.zip")) == 0
    assert "Backed up" in capsys.readouterr().out
    empty_keyring()
    assert cli(new_home, "restore", str(tmp_path / "journal.zip")) == 1
    err = capsys.readouterr().err
    assert "--password-file" in err and "recovery key" in err
    key_file = tmp_path / "recovery.txt"
    key_file.write_text(f"{made.code}\n", encoding="utf-8")
    assert cli(new_home, "--password-file", str(key_file), "restore",
               str(tmp_path / "journal.zip")) == 0
    assert "Restored" in capsys.readouterr().out
    # The key is in the (new) keyring now: the next command needs no password file.
    assert cli(new_home, "export", "json", "-o", str(tmp_path / "after.json")) == 0
    assert (tmp_path / "after.json").read_bytes() == (tmp_path / "before.json").read_bytes()


@needs_cli
def test_cli_restore_refuses_an_existing_journal_unless_forced(
    made: Made, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = made.paths.home
    assert cli(home, "backup", "-o", str(tmp_path / "journal.zip")) == 0
    before = snapshot(home)
    assert cli(home, "restore", str(tmp_path / "journal.zip")) == 1
    assert "--force" in capsys.readouterr().err
    assert snapshot(home) == before
    assert cli(home, "restore", str(tmp_path / "journal.zip"), "--force") == 0
    assert "before-restore-" in capsys.readouterr().out
    (aside,) = (home / "backups").glob("before-restore-*")
    assert digest(aside / "journal.db") == before["journal.db"]
    assert cli(home, "restore") == 2
    assert cli(home, "restore", str(tmp_path / "journal.zip"), "--from-backups") == 2
    assert cli(home, "restore", "--from-backups", "--force") == 2


@needs_cli
def test_cli_names_the_damage_and_restore_from_backups_repairs_it(
    backed_up: Made, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = backed_up.paths.home
    assert cli(home, "export", "json", "-o", str(tmp_path / "before.json")) == 0
    capsys.readouterr()
    assert cli(home, "restore", "--from-backups") == 1
    assert "passes its integrity check" in capsys.readouterr().err
    overwrite_last_page(backed_up.paths.database)
    damaged = digest(backed_up.paths.database)
    assert cli(home, "log", "mood", "5") == 1
    err = capsys.readouterr().err
    assert "is damaged" in err and "restore --from-backups" in err
    assert digest(backed_up.paths.database) == damaged
    assert cli(home, "restore", "--from-backups") == 0
    assert "damaged-" in capsys.readouterr().out
    assert cli(home, "export", "json", "-o", str(tmp_path / "after.json")) == 0
    assert (tmp_path / "after.json").read_bytes() == (tmp_path / "before.json").read_bytes()


def _with_journal_id(source: Path, target: Path, journal_id: str, key: bytes) -> RecoveryCode:
    """A copy of the backup file ``source`` whose header claims ``journal_id``, its key
    wrapped under a new recovery code (as a crafted file would be); returns the code."""
    code = crypto.new_recovery_code()
    header = with_recovery_key(JournalHeader(journal_id=journal_id), key, code, NOW.date())
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as crafted:
        for info in original.infolist():
            data = original.read(info)
            if info.filename.endswith(".header"):
                data = header_json(header).encode()
            elif info.filename.endswith(".json"):
                manifest = json.loads(data)
                if "journal_id" in manifest:
                    manifest["journal_id"] = journal_id
                data = json.dumps(manifest).encode()
            crafted.writestr(info, data)
    return code


def test_a_crafted_backup_never_replaces_the_keyring_key_of_the_real_journal(
    tmp_path: Path
) -> None:
    keys = KeyringKeyStore()
    real = JournalPaths(tmp_path / "real")
    patient = open_or_create(real, keys)
    real_id = read_header(real.header).journal_id
    real_key = keys.get(keyring_entry(real.home, real_id))
    patient.journal.log(MoodEntry(at=patient.journal.now() - timedelta(hours=1), mood=3))
    patient.journal.close()
    other = open_or_create(JournalPaths(tmp_path / "other"), keys)
    write_portable_backup(other.journal, tmp_path / "other.zip")
    other_key = other.journal.data_key
    other.journal.close()
    code = _with_journal_id(tmp_path / "other.zip", tmp_path / "crafted.zip", real_id, other_key)
    result = restore_backup_file(
        JournalPaths(tmp_path / "new"), tmp_path / "crafted.zip", keys, str(code)
    )
    # Its key went into an entry of its own (bound to its folder), never over the real one.
    assert result.stored_in_keyring
    assert keys.get(keyring_entry(real.home, real_id)) == real_key  # untouched
    assert keys.get(keyring_entry(tmp_path / "new", real_id)) == other_key
    reopened = open_checked(real, keys, create=False)
    try:
        assert reopened.journal.counts()["mood"] == 1
    finally:
        reopened.journal.close()


def test_restoring_a_backup_older_than_the_recovery_key_says_so(tmp_path: Path) -> None:
    from ketajournal.services.keys import key_from_secret, rotate_recovery_key

    keys = KeyringKeyStore()
    paths = JournalPaths(tmp_path / "home")
    opened = open_or_create(paths, keys)
    old_code = opened.new_recovery_code
    write_portable_backup(opened.journal, tmp_path / "old.zip")
    new_code = rotate_recovery_key(opened.journal)
    opened.journal.close()
    result = restore_backup_file(paths, tmp_path / "old.zip", keys, force=True)
    assert result.older_secrets == "recovery key"
    assert "older than the recovery key" in result.summary()
    assert "make a new recovery key now" in result.summary()
    header = read_header(paths.header)
    assert key_from_secret(header, str(old_code))  # the revoked key opens it again
    with pytest.raises(WrongSecretError):
        key_from_secret(header, str(new_code))
    again = restore_backup_file(paths, tmp_path / "old.zip", keys, force=True)
    assert again.older_secrets is None and "older than" not in again.summary()




def test_restoring_an_older_backup_can_keep_the_current_recovery_key_and_passphrase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ketajournal.cli import main
    from ketajournal.services.keys import (
        enable_passphrase,
        key_from_secret,
        rotate_recovery_key,
    )

    keys = KeyringKeyStore()
    paths = JournalPaths(tmp_path / "home")
    opened = open_or_create(paths, keys)
    old_code = opened.new_recovery_code
    write_portable_backup(opened.journal, tmp_path / "old.zip")
    new_code = rotate_recovery_key(opened.journal)
    opened.journal.log(MoodEntry(at=opened.journal.now() - timedelta(hours=1), mood=3))
    opened.journal.close()
    result = restore_backup_file(
        paths, tmp_path / "old.zip", keys, force=True, keep_current_secrets=True
    )
    assert result.older_secrets is None and result.kept_secrets == "recovery key"
    assert "keeps the current recovery key" in result.summary()
    header = read_header(paths.header)
    assert key_from_secret(header, str(new_code))  # the current key opens it ...
    with pytest.raises(WrongSecretError):
        key_from_secret(header, str(old_code))  # ... and the revoked one stays revoked
    reopened = open_checked(paths, keys, create=False)  # keyring mode, authentic header
    try:
        assert reopened.journal.counts()["mood"] == 0  # the backup's entries, not later ones
        enable_passphrase(reopened.journal, keys, PASSPHRASE_NEW)
    finally:
        reopened.journal.close()
    # Through the command line, and from keyring mode to the current passphrase mode.
    secret = tmp_path / "pass.txt"
    secret.write_text(str(old_code))
    secret.chmod(0o600)
    home = ["--home", str(paths.home)]
    assert main(["restore", str(tmp_path / "old.zip"), "--keep-current-keys", *home]) == 2
    assert "keep-current-keys" in capsys.readouterr().err
    assert main(["restore", str(tmp_path / "old.zip"), "--force", "--keep-current-keys",
                 "--password-file", str(secret), *home]) == 0
    assert "keeps the current recovery key and passphrase" in capsys.readouterr().out
    header = read_header(paths.header)
    assert header.passphrase is not None
    assert key_from_secret(header, PASSPHRASE_NEW) and key_from_secret(header, str(new_code))
    with pytest.raises(WrongSecretError):
        key_from_secret(header, str(old_code))
