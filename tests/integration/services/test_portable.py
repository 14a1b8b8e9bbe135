"""The portable backup file: a stored zip of the encrypted copy and the header, nothing readable."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from ketajournal.platform import crypto
from ketajournal.platform.crypto import Argon2Params
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.opening import open_journal
from ketajournal.services.portable import (
    DB_MEMBER,
    HEADER_MEMBER,
    MANIFEST_MEMBER,
    BackupFileError,
    BackupKeyDoesNotFitError,
    extract_portable_backup,
    read_portable_header,
)
from ketajournal.services.restore import prepare_restore
from tests.support.restored_journals import Made, backup_file, reopen

SENTINEL = "SENTINEL-restore-7d20"


@pytest.fixture(autouse=True)
def fast_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "ARGON2_DEFAULT", Argon2Params(memory_kib=8, iterations=1, lanes=1))


def test_a_backup_file_is_a_stored_zip_of_the_encrypted_copy_and_the_header(
    made: Made, clock, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = backup_file(made.paths, clock, out / "journal-backup.zip")
    assert [p.name for p in out.iterdir()] == ["journal-backup.zip"]  # no temp file left
    assert target.stat().st_mode & 0o777 == 0o600
    raw = target.read_bytes()
    assert SENTINEL.encode() not in raw and b"SQLite format 3" not in raw
    with zipfile.ZipFile(target) as archive:
        assert archive.namelist() == [MANIFEST_MEMBER, HEADER_MEMBER, DB_MEMBER]
        assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_STORED}
        assert archive.read(HEADER_MEMBER) == made.paths.header.read_bytes()
        manifest = json.loads(archive.read(MANIFEST_MEMBER))
        assert manifest["format"] == "ketajournal-backup" and manifest["version"] == 1
        assert set(manifest) == {"format", "version", "created", "journal_id", "app_version"}
        assert archive.testzip() is None


def _rezip(source: Path, target: Path, extra: list[tuple[str, bytes, int]]) -> Path:
    """``source``'s members (the database deflated, with 64 MiB of zeros after it) + extras."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            data, method = old.read(name), zipfile.ZIP_STORED
            if name == DB_MEMBER and not extra:
                data, method = data + bytes(64 * 1024 * 1024), zipfile.ZIP_DEFLATED
            new.writestr(name, data, compress_type=method)
        for name, data, method in extra:
            new.writestr(name, data, compress_type=method)
    return target


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_a_crafted_zip_is_refused_before_anything_expands_beyond_its_size(
    made: Made, clock, tmp_path: Path
) -> None:
    real = backup_file(made.paths, clock, tmp_path / "real.zip")
    bomb = _rezip(real, tmp_path / "bomb.zip", [])
    assert bomb.stat().st_size < 2 * 1024 * 1024  # 64 MiB of zeros deflate to ~64 KiB
    crafted = [
        bomb,
        _rezip(real, tmp_path / "extra.zip", [("extra.bin", b"x" * 10, zipfile.ZIP_STORED)]),
        _rezip(real, tmp_path / "twice.zip", [(DB_MEMBER, b"x" * 10, zipfile.ZIP_STORED)]),
    ]
    for number, source in enumerate(crafted):
        staging = tmp_path / f"staging{number}"
        staging.mkdir()
        with pytest.raises(BackupFileError, match="is not a ketajournal backup file"):
            extract_portable_backup(source, staging, source.name, bytes(32))
        assert list(staging.iterdir()) == []  # nothing extracted at all


def test_a_database_that_does_not_fit_the_key_is_refused_before_any_of_it_is_extracted(
    made: Made, clock, tmp_path: Path
) -> None:
    real = backup_file(made.paths, clock, tmp_path / "real.zip")
    other = JournalPaths(tmp_path / "other")
    open_journal(other, KeyringKeyStore(), clock=clock).close()
    swapped = tmp_path / "swapped.zip"  # this journal's header, another journal's file
    with zipfile.ZipFile(real) as old, zipfile.ZipFile(swapped, "w") as new:
        for name in old.namelist():
            data = other.database.read_bytes() if name == DB_MEMBER else old.read(name)
            new.writestr(name, data)
    key = reopen(made.paths, clock)
    try:
        data_key = key.data_key
    finally:
        key.close()
    staging = tmp_path / "staging"
    staging.mkdir()
    with pytest.raises(BackupKeyDoesNotFitError):
        extract_portable_backup(swapped, staging, swapped.name, data_key)
    assert list(staging.iterdir()) == []  # nothing of it was written
    assert read_portable_header(swapped, swapped.name)[0] == made.paths.header.read_bytes()
    extract_portable_backup(real, staging, real.name, data_key)  # the right one extracts
    assert sorted(p.name for p in staging.iterdir()) == ["journal.db", "journal.header"]
    home = JournalPaths(tmp_path / "restored")
    with pytest.raises(BackupFileError, match="damaged"):
        prepare_restore(home, swapped, KeyringKeyStore(), str(made.code))
    assert not any(home.home.rglob("journal.db"))
