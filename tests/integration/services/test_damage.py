"""Damage found on opening: the offer is the newest backup that still verifies."""


from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import keyring
import pytest

from ketajournal.domain.models import MoodEntry
from ketajournal.platform import crypto
from ketajournal.platform.crypto import Argon2Params
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import backups
from ketajournal.services.backups import backup_verifies
from ketajournal.services.damage import (
    Damage,
    JournalDamagedError,
    damage_before_opening,
    newest_verified_backup,
)
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_checked, open_journal
from tests.support.crashed import (
    ROOT,
    crash_after_commits,
    cut,
    damage_byte,
    frame_offset,
    keyring_env,
)
from tests.support.keyrings import FileKeyring
from tests.support.restored_journals import Made, overwrite_last_page, reopen
from tests.support.unprivileged import NOBODY, Unprivileged, unprivileged_python

SENTINEL = "SENTINEL-restore-7d20"
PAGE = 4096


@pytest.fixture(autouse=True)
def fast_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "ARGON2_DEFAULT", Argon2Params(memory_kib=8, iterations=1, lanes=1))


def test_the_offer_skips_a_newer_backup_that_no_longer_verifies(
    backed_up: Made, clock
) -> None:
    paths = backed_up.paths
    dailies = sorted((paths.home / "backups").glob("daily-*.db"))
    overwrite_last_page(dailies[-1])
    overwrite_last_page(paths.database)
    with pytest.raises(JournalDamagedError) as info:
        open_checked(paths, KeyringKeyStore(), clock=clock)
    assert info.value.offer is not None
    # Weekly backups were made on the first day; the newest good daily is the one before.
    assert info.value.offer.backup == newest_verified_backup(paths, info.value.offer.key)
    assert info.value.offer.backup != dailies[-1]
    assert backup_verifies(info.value.offer.backup, info.value.offer.key)


pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")


def cli(keyring_file: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ketajournal", *args, "--home", str(home)],
        capture_output=True, text=True, cwd=ROOT, env=keyring_env(keyring_file), timeout=120,
        check=False,
    )


def mood_count(result: subprocess.CompletedProcess[str]) -> int:
    return next(int(line.split()[1]) for line in result.stdout.splitlines()
                if line.startswith("mood"))


@pytest.fixture
def keyring_file(tmp_path: Path) -> Path:
    return tmp_path / "keyring.json"


@pytest.fixture
def crashed(tmp_path: Path, keyring_file: Path) -> JournalPaths:
    paths = JournalPaths(tmp_path / "home")
    assert crash_after_commits(paths.home, keyring_file, 6) == 6
    return paths


def test_a_flipped_bit_in_the_log_is_reported_and_nothing_is_dropped(
    crashed: JournalPaths, keyring_file: Path
) -> None:
    wal, shm = crashed.sidecars
    damage_byte(wal, frame_offset(2) + 200)
    before = {p.name: p.read_bytes() for p in (crashed.database, wal, shm)}
    result = cli(keyring_file, crashed.home, "check")
    assert result.returncode == 1
    assert "write-ahead log" in result.stderr and "restore --accept-damaged-log" in result.stderr
    assert "integrity    ok" not in result.stdout
    # SQLite never replayed (and so never deleted) the log: every file as it was.
    assert {p.name: p.read_bytes() for p in (crashed.database, wal, shm)} == before
    kept = list(crashed.backups.glob("damaged-*"))
    assert len(kept) == 1 and str(kept[0]) in result.stderr
    assert (kept[0] / wal.name).read_bytes() == before[wal.name]
    assert (kept[0] / shm.name).read_bytes() == before[shm.name]
    # Asking again keeps the one copy; writing is refused as well.
    assert cli(keyring_file, crashed.home, "check").returncode == 1
    assert cli(keyring_file, crashed.home, "log", "mood", "5").returncode != 0
    assert len(list(crashed.backups.glob("damaged-*"))) == 1
    assert wal.read_bytes() == before[wal.name]


def test_a_log_cut_short_after_its_commits_is_reported(
    crashed: JournalPaths, keyring_file: Path
) -> None:
    wal, _shm = crashed.sidecars
    cut(wal, frame_offset(4) + 1000)
    result = cli(keyring_file, crashed.home, "check")
    assert result.returncode == 1 and "cut short" in result.stderr


def test_accepting_the_damaged_log_keeps_what_it_replays_and_a_copy(
    crashed: JournalPaths, keyring_file: Path
) -> None:
    wal, _shm = crashed.sidecars
    damage_byte(wal, frame_offset(wal.stat().st_size // 4120 - 1) + 100)  # the last commit
    damaged = wal.read_bytes()
    assert cli(keyring_file, crashed.home, "check").returncode == 1
    accepted = cli(keyring_file, crashed.home, "restore", "--accept-damaged-log")
    assert accepted.returncode == 0, accepted.stderr
    assert "damaged-" in accepted.stdout
    check = cli(keyring_file, crashed.home, "check")
    assert check.returncode == 0 and "integrity    ok" in check.stdout
    assert mood_count(check) == 5  # all but the transaction in the damaged frame
    (kept,) = crashed.backups.glob("damaged-*")
    assert (kept / wal.name).read_bytes() == damaged
    again = cli(keyring_file, crashed.home, "restore", "--accept-damaged-log")
    assert again.returncode == 1 and "not damaged" in again.stderr


def test_open_checked_refuses_a_damaged_log_and_offers_the_newest_backup(
    tmp_path: Path, keyring_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KETAJOURNAL_TEST_KEYRING", str(keyring_file))
    keyring.set_keyring(FileKeyring())  # the conftest puts its own back afterwards
    paths = JournalPaths(tmp_path / "home")
    crash_after_commits(paths.home, keyring_file, 2)
    journal = open_journal(paths, KeyringKeyStore())
    backups.take_backup(journal, "daily-20260101")
    journal.close()
    crash_after_commits(paths.home, keyring_file, 4)
    damage_byte(paths.sidecars[0], frame_offset(1) + 50)
    assert damage_before_opening(paths) is Damage.WAL_DAMAGED
    with pytest.raises(JournalDamagedError) as raised:
        open_checked(paths, KeyringKeyStore(), create=False)
    assert raised.value.damage is Damage.WAL_DAMAGED
    assert raised.value.offer is not None and raised.value.kept is not None
    assert "restore --from-backups" in str(raised.value)


@pytest.mark.parametrize("size", [1, 100, 4095])
def test_a_journal_file_shorter_than_one_page_is_damage_never_a_new_journal(
    tmp_path: Path, keyring_file: Path, size: int
) -> None:
    paths = JournalPaths(tmp_path / "home")
    assert cli(keyring_file, paths.home, "log", "mood", "6").returncode == 0
    cut(paths.database, size)
    before = paths.database.read_bytes()
    assert damage_before_opening(paths) is Damage.DATABASE_CUT
    for command in (("check",), ("log", "mood", "5")):
        result = cli(keyring_file, paths.home, *command)
        assert result.returncode == 1, result.stdout
        assert "cut off" in result.stderr
    assert paths.database.read_bytes() == before


# -- permission problems are not damage -----------------------------------------------------

_BACKUP = """
import sys, keyring
from pathlib import Path
from tests.support.keyrings import FileKeyring
keyring.set_keyring(FileKeyring())
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import backups
from ketajournal.services.opening import open_journal
journal = open_journal(JournalPaths(Path(sys.argv[1])), KeyringKeyStore(), create=False)
backups.take_backup(journal, "daily-20260101")
journal.close()
"""


@pytest.fixture
def as_user() -> Unprivileged:
    return unprivileged_python(("ketajournal", "keyring", "tests.support.keyrings"))


def user_cli(user: Unprivileged, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(user.env, PYTHON_KEYRING_BACKEND="tests.support.keyrings.FileKeyring",
               KETAJOURNAL_TEST_KEYRING=str(user.folder / "keyring.json"))
    return subprocess.run(
        user.command(*args), capture_output=True, text=True, cwd=user.folder, env=env,
        timeout=120, check=False,
    )


def users_journal(user: Unprivileged) -> JournalPaths:
    """A journal made by the unprivileged user, with one entry after its one backup."""
    paths = JournalPaths(user.folder / "home")
    assert user_cli(user, paths.home, "-m", "ketajournal", "log", "mood", "6",
                    "--home", str(paths.home)).returncode == 0
    made = user_cli(user, paths.home, "-c", _BACKUP, str(paths.home))
    assert made.returncode == 0, made.stderr
    assert user_cli(user, paths.home, "-m", "ketajournal", "log", "mood", "7",
                    "--home", str(paths.home)).returncode == 0
    return paths


def as_user_cli(user: Unprivileged, paths: JournalPaths, *args: str) -> (
    subprocess.CompletedProcess[str]
):
    return user_cli(user, paths.home, "-m", "ketajournal", *args, "--home", str(paths.home))


def files(paths: JournalPaths) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(paths.home.rglob("*")) if p.is_file()}


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a file to another user")
def test_a_journal_file_owned_by_root_is_a_permission_problem_never_a_rollback(
    as_user: Unprivileged,
) -> None:
    paths = users_journal(as_user)
    os.chown(paths.database, 0, 0)  # as `sudo ketajournal …` would leave it
    before = files(paths)
    for command in (("check",), ("log", "mood", "5"), ("restore", "--from-backups")):
        result = as_user_cli(as_user, paths, *command)
        assert result.returncode == 1, (command, result.stdout)
        assert "permission problem, not damage" in result.stderr, (command, result.stderr)
        assert "belongs to root" in result.stderr and "sudo chown" in result.stderr
        assert "damaged" not in result.stderr
    assert files(paths) == before
    assert not list(paths.backups.glob("damaged-*"))
    os.chown(paths.database, NOBODY, NOBODY)  # the advice, applied
    check = as_user_cli(as_user, paths, "check")
    assert check.returncode == 0 and "mood         2" in check.stdout


@pytest.mark.parametrize("what", ["read-only home", "unreadable header"])
def test_a_read_only_home_or_unreadable_header_is_not_damage(
    as_user: Unprivileged, what: str
) -> None:
    paths = users_journal(as_user)
    if what == "read-only home":
        paths.home.chmod(0o500)
    else:
        paths.header.chmod(0o000)
    try:
        before = files(paths) if what == "read-only home" else None
        for command in (("check",), ("restore", "--from-backups")):
            result = as_user_cli(as_user, paths, *command)
            assert result.returncode == 1, (command, result.stdout)
            assert "permission problem, not damage" in result.stderr, result.stderr
        assert not list(paths.backups.glob("damaged-*"))
        if before is not None:
            assert files(paths) == before
    finally:
        paths.home.chmod(0o700)
        paths.header.chmod(0o600)


def test_a_log_index_another_program_removes_meanwhile_is_no_permission_problem(
    journal: Journal, paths: JournalPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Four command lines at once: one closes the journal last, and SQLite deletes the
    # log and its index just as another one asks whether it may write them. (Found by
    # the concurrent-writers test in CI: a "permission problem" of a file that was gone.)
    from ketajournal.services.damage import permission_problem

    journal.log(MoodEntry(at=journal.now(), mood=5))
    shm = paths.sidecars[1]
    assert shm.exists()
    real_access = os.access

    def racing_access(path: object, mode: int, **kwargs: object) -> bool:
        if Path(str(path)) == shm:
            shm.unlink()  # the other program's close, between the two looks
            return False
        return real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", racing_access)
    assert permission_problem(paths) is None


def test_the_offer_is_the_newest_backup_by_the_time_it_records_not_its_file_time(
    made: Made, clock
) -> None:
    """A copied or synced backups folder gives its files new modification times (and
    the names' stamps differ in precision): the time recorded inside each decides."""
    paths = made.paths
    journal = reopen(paths, clock)
    try:
        older = backups.take_backup(journal, "import-20261201-120000")
        clock.advance(timedelta(hours=2))
        journal.log(MoodEntry(at=clock(), mood=4))
        newer = backups.take_backup(journal, "daily-20261201")
    finally:
        journal.close()
    os.utime(newer, (1_000_000_000, 1_000_000_000))  # as after a copy without -p
    os.utime(older, (2_000_000_000, 2_000_000_000))
    overwrite_last_page(paths.database)
    with pytest.raises(JournalDamagedError) as info:
        open_checked(paths, KeyringKeyStore(), clock=clock)
    offer = info.value.offer
    assert offer is not None
    assert offer.backup == newer
    assert offer.made == clock().astimezone().replace(microsecond=0)
    assert backups.newest_first(backups.home_backups(paths), offer.key)[:2] == [newer, older]
