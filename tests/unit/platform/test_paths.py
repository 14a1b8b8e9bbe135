"""JournalPaths: every path of a journal home, with the names existing journals have on disk.

The names are spelled out literally here on purpose: journals and backups made by
earlier versions must keep opening, so a renamed file is a bug this test catches.
"""

from __future__ import annotations

import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

from ketajournal.platform.paths import (
    JournalPaths,
    SetAside,
    backup_header,
    file_stamp,
    numbered,
    sqlite_sidecars,
)

WHEN = datetime(2026, 11, 27, 21, 4, 5, tzinfo=timezone(timedelta(hours=1)))


def test_the_layout_of_a_home_is_the_one_on_disk(tmp_path: Path) -> None:
    paths = JournalPaths(tmp_path)
    names = {
        "database": paths.database,
        "header": paths.header,
        "creating": paths.creating,
        "backups": paths.backups,
        "instance_lock": paths.instance_lock,
        "creation_lock": paths.creation_lock,
        "migration_lock": paths.migration_lock,
    }
    assert {k: str(v.relative_to(tmp_path)) for k, v in names.items()} == {
        "database": "journal.db",
        "header": "journal.header",
        "creating": "journal.db.creating",
        "backups": "backups",
        "instance_lock": "journal.lock",
        "creation_lock": "journal.create.lock",
        "migration_lock": "journal.migrate.lock",
    }
    assert paths.backups_lock == tmp_path / "backups" / ".backups.lock"
    assert [p.name for p in paths.sidecars] == ["journal.db-wal", "journal.db-shm"]
    assert [p.name for p in paths.journal_files] == [
        "journal.db", "journal.db-wal", "journal.db-shm", "journal.header"
    ]
    assert [p.name for p in paths.creating_files] == [
        "journal.db.creating", "journal.db.creating-wal", "journal.db.creating-shm"
    ]
    assert JournalPaths.around(paths.database) == paths


def test_backups_their_header_copies_and_set_aside_folders_are_named_by_date(
    tmp_path: Path,
) -> None:
    paths = JournalPaths(tmp_path)
    local = file_stamp(WHEN)  # local time of the machine running the test
    assert local == WHEN.astimezone().strftime("%Y%m%d-%H%M%S")
    assert paths.backup("daily-20261127") == tmp_path / "backups" / "daily-20261127.db"
    assert backup_header(paths.backup("daily-20261127")).name == "daily-20261127.header"
    assert paths.migration_backup(WHEN).name == f"before-migration-{local}.db"
    assert paths.migration_backup(WHEN, 2).name == f"before-migration-{local}-2.db"
    assert paths.set_aside(SetAside.DAMAGED, WHEN) == tmp_path / "backups" / f"damaged-{local}"
    assert paths.set_aside(SetAside.BEFORE_RESTORE, WHEN, 3).name == f"before-restore-{local}-3"
    assert paths.set_aside_pattern(SetAside.BEFORE_RESTORE) == (
        f"{tmp_path}/backups/before-restore-<date>/"
    )
    assert numbered(Path("a/b.db"), 1) == Path("a/b.db")
    assert sqlite_sidecars(Path("x/copy.db"))[0] == Path("x/copy.db-wal")


def test_backup_files_lists_only_backups_of_the_prefix_sorted_and_creates_nothing(
    tmp_path: Path,
) -> None:
    paths = JournalPaths(tmp_path / "home")
    assert paths.backup_files() == [] and not paths.home.exists()
    paths.backups.mkdir(parents=True)
    for name in ("daily-20261102.db", "daily-20261101.db", "weekly-2026W44.db",
                 "daily-20261101.header", "notes.txt"):
        (paths.backups / name).write_bytes(b"")
    assert [p.name for p in paths.backup_files("daily-")] == [
        "daily-20261101.db", "daily-20261102.db"
    ]
    assert len(paths.backup_files()) == 3


def test_a_staging_folder_is_new_private_and_inside_the_home(tmp_path: Path) -> None:
    paths = JournalPaths(tmp_path / "home")
    first, second = paths.new_staging_dir(), paths.new_staging_dir()
    assert first != second
    for folder in (first, second):
        assert folder.parent == paths.home and folder.name.startswith(".restore-")
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(paths.home.stat().st_mode) == 0o700


def test_the_remembered_keyring_choice_has_a_file_per_desktop_inside_the_home(
    tmp_path: Path,
) -> None:
    paths = JournalPaths(tmp_path)
    assert paths.keyring_choice("") == tmp_path / "keyring-backend"
    assert paths.keyring_choice("KDE") == tmp_path / "keyring-backend.KDE"
    assert paths.keyring_choice("ubuntu:GNOME") == tmp_path / "keyring-backend.ubuntu+GNOME"
    assert paths.keyring_choice("X:KDE") != paths.keyring_choice("X_KDE")
    for odd in ("../../etc", "a/b\\c", "é" * 100, "\x00"):
        made = paths.keyring_choice(odd)
        assert made.parent == tmp_path and made.name.startswith("keyring-backend.")
        assert "/" not in made.name and "\\" not in made.name and made.name.isascii()
