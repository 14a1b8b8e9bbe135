"""Moving journal files by rename: owner-only, never over a file, undone on failure.

Real files and folders in ``tmp_path``; every failure is a real one (a name that
is taken, a file that is gone), not a mock.
"""

from __future__ import annotations

import errno
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from ketajournal.platform.moves import (
    copy_to_private_file,
    move_aside,
    move_back,
    new_set_aside_dir,
    os_reason,
    place,
    private_file,
    staging_dir,
)
from ketajournal.platform.paths import JournalPaths, SetAside

WHEN = datetime(2026, 11, 27, 21, 0, tzinfo=timezone(timedelta(hours=1)))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    for name, data in (("journal.db", b"DB"), ("journal.db-wal", b"WAL"),
                       ("journal.header", b"HEADER")):
        (home / name).write_bytes(data)
    return home


def test_a_private_file_is_new_and_owner_only_and_never_replaces_one(tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    with private_file(target) as out:
        out.write(b"encrypted pages")
    assert target.read_bytes() == b"encrypted pages" and mode(target) == 0o600
    with pytest.raises(FileExistsError), private_file(target) as out:
        out.write(b"something else")  # pragma: no cover - never opened
    assert target.read_bytes() == b"encrypted pages"


def test_a_copy_is_exact_and_owner_only_and_never_over_a_file(tmp_path: Path) -> None:
    source = tmp_path / "backup.db"
    source.write_bytes(bytes(range(256)) * 9000)  # more than one copy chunk
    source.chmod(0o644)
    copy_to_private_file(source, tmp_path / "staged.db")
    assert (tmp_path / "staged.db").read_bytes() == source.read_bytes()
    assert mode(tmp_path / "staged.db") == 0o600
    (tmp_path / "taken.db").write_bytes(b"keep me")
    with pytest.raises(FileExistsError):
        copy_to_private_file(source, tmp_path / "taken.db")
    assert (tmp_path / "taken.db").read_bytes() == b"keep me"


def test_a_staging_folder_is_private_inside_the_home_and_gone_afterwards(home: Path) -> None:
    paths = JournalPaths(home)
    with pytest.raises(RuntimeError, match="half-way"), staging_dir(paths) as staging:
        assert staging.parent == home and mode(staging) == 0o700
        (staging / "journal.db").write_bytes(b"staged copy")
        raise RuntimeError("half-way")
    assert not staging.exists()
    assert files(home) == {"journal.db": b"DB", "journal.db-wal": b"WAL",
                           "journal.header": b"HEADER"}


def test_set_aside_folders_are_new_private_and_numbered_within_a_second(home: Path) -> None:
    paths = JournalPaths(home)
    first = new_set_aside_dir(paths, SetAside.DAMAGED, WHEN)
    (first / "journal.db").write_bytes(b"old")
    second = new_set_aside_dir(paths, SetAside.DAMAGED, WHEN)
    other = new_set_aside_dir(paths, SetAside.BEFORE_RESTORE, WHEN)
    assert first != second and second.name == f"{first.name}-2"
    assert other.name.startswith("before-restore-")
    assert {first.parent, second.parent, other.parent} == {home / "backups"}
    assert all(mode(p) == 0o700 for p in (home / "backups", first, second, other))
    assert (first / "journal.db").read_bytes() == b"old"  # an existing folder is never reused


def test_moving_aside_moves_the_files_and_returns_how_to_undo_it(home: Path) -> None:
    folder = new_set_aside_dir(JournalPaths(home), SetAside.BEFORE_RESTORE, WHEN)
    files_before = files(home)
    moved = move_aside([home / "journal.db", home / "journal.header"], folder)
    assert moved == [(home / "journal.db", folder / "journal.db"),
                     (home / "journal.header", folder / "journal.header")]
    assert files(folder) == {"journal.db": b"DB", "journal.header": b"HEADER"}
    assert files(home) == {"journal.db-wal": b"WAL"}
    move_back(moved)
    assert files(home) == files_before and files(folder) == {}


def test_moving_aside_never_overwrites_and_puts_back_what_it_moved(home: Path) -> None:
    folder = new_set_aside_dir(JournalPaths(home), SetAside.DAMAGED, WHEN)
    (folder / "journal.header").write_bytes(b"an older header")
    files_before = files(home)
    with pytest.raises(FileExistsError):
        move_aside([home / "journal.db", home / "journal.header"], folder)
    assert files(home) == files_before  # journal.db went back
    assert files(folder) == {"journal.header": b"an older header"}


def test_a_file_that_vanished_midway_rolls_the_move_back(home: Path) -> None:
    folder = new_set_aside_dir(JournalPaths(home), SetAside.DAMAGED, WHEN)
    with pytest.raises(FileNotFoundError):
        move_aside([home / "journal.db", home / "journal.db-shm"], folder)  # no -shm
    assert (home / "journal.db").read_bytes() == b"DB"
    assert not any(folder.iterdir())


def test_moving_back_never_replaces_a_file_that_took_the_place(home: Path) -> None:
    folder = new_set_aside_dir(JournalPaths(home), SetAside.DAMAGED, WHEN)
    moved = move_aside([home / "journal.db"], folder)
    (home / "journal.db").write_bytes(b"placed meanwhile")
    move_back(moved)
    assert (home / "journal.db").read_bytes() == b"placed meanwhile"
    assert (folder / "journal.db").read_bytes() == b"DB"


def test_placing_renames_in_order_owner_only_and_refuses_a_taken_name(home: Path) -> None:
    staging = home / ".restore-test"
    staging.mkdir()
    for name in ("journal.header", "journal.db"):
        (staging / name).write_bytes(b"restored " + name.encode())
        (staging / name).chmod(0o644)
    (home / "journal.header").unlink()
    renames = [(staging / "journal.header", home / "journal.header"),
               (staging / "journal.db", home / "journal.db")]  # journal.db is still there
    with pytest.raises(FileExistsError):
        place(renames)
    # The header placed first went back to staging; the journal file was not touched.
    assert not (home / "journal.header").exists()
    assert (staging / "journal.header").read_bytes() == b"restored journal.header"
    assert (home / "journal.db").read_bytes() == b"DB"

    (home / "journal.db").unlink()
    assert place(renames) == renames
    assert (home / "journal.db").read_bytes() == b"restored journal.db"
    assert (home / "journal.header").read_bytes() == b"restored journal.header"
    assert mode(home / "journal.db") == 0o600 and mode(home / "journal.header") == 0o600
    assert not any(staging.iterdir())


def test_os_reason_names_the_failure_not_the_file() -> None:
    assert os_reason(OSError(errno.ENOSPC, "No space left on device", "/secret/path")) == (
        "No space left on device"
    )
    assert os_reason(PermissionError()) == "PermissionError"
