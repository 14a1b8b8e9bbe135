"""The instance lock and the creation lock: one window per journal, nothing left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ketajournal.platform.instance import (
    AlreadyOpenError,
    InstanceLock,
    JournalInUseError,
    acquire_instance_lock,
    creation_lock,
    replacing_lock,
)
from ketajournal.platform.paths import INSTANCE_LOCK_NAME
from tests.support.crashed import ROOT, keyring_env


def test_a_second_window_on_the_same_journal_is_refused_with_a_message(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = acquire_instance_lock(home)
    try:
        with pytest.raises(AlreadyOpenError, match="already open") as refused:
            InstanceLock(home).acquire()
        assert str(home) in str(refused.value)
        assert (home / INSTANCE_LOCK_NAME).stat().st_mode & 0o777 == 0o600
    finally:
        first.release()
    assert not (home / INSTANCE_LOCK_NAME).exists()  # a closed window leaves nothing behind
    with InstanceLock(home) as again:  # free once the first window closed
        assert again.held


_HOLD_LOCK = (
    "import sys, time; from pathlib import Path; "
    "from ketajournal.platform.instance import acquire_instance_lock; "
    "acquire_instance_lock(Path(sys.argv[1])); print('held', flush=True); time.sleep(60)"
)


def test_a_killed_window_never_locks_the_journal_out(tmp_path: Path) -> None:
    home = tmp_path / "home"
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, str(home)],
                              stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(AlreadyOpenError):
            acquire_instance_lock(home)
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    acquire_instance_lock(home).release()  # the operating system freed it with the process


def test_the_creation_lock_leaves_nothing_behind(tmp_path: Path) -> None:
    tmp_path.mkdir(exist_ok=True)
    with creation_lock(tmp_path):
        assert any(tmp_path.iterdir())
    assert list(tmp_path.iterdir()) == []


pytestmark = pytest.mark.skipif(os.name != "posix", reason="flock is POSIX")

_WINDOW = """
import sys
from datetime import datetime, timezone
from pathlib import Path
import keyring
from tests.support.keyrings import FileKeyring
keyring.set_keyring(FileKeyring())
from ketajournal.domain.models import MoodEntry
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.opening import open_journal
from ketajournal.platform.instance import acquire_instance_lock
home = Path(sys.argv[1])
lock = acquire_instance_lock(home)
journal = open_journal(JournalPaths(home), KeyringKeyStore(), create=False)
print("READY", flush=True)
for line in sys.stdin:
    saved, _ = journal.log(MoodEntry(at=datetime(2026, 3, 1, tzinfo=timezone.utc), mood=9))
    print("ACK", saved.id, flush=True)
journal.close()
lock.release()
"""


def cli(env: dict[str, str], home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ketajournal", *args, "--home", str(home)],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120, check=False,
    )


def test_restore_refuses_while_a_window_has_the_journal_open(tmp_path: Path) -> None:
    env = keyring_env(tmp_path / "keyring.json")
    home = tmp_path / "home"
    assert cli(env, home, "log", "mood", "4").returncode == 0
    assert cli(env, home, "backup", "-o", str(tmp_path / "old.zip")).returncode == 0
    backups_before = sorted((home / "backups").iterdir())  # the day's automatic backups
    window = subprocess.Popen(
        [sys.executable, "-c", _WINDOW, str(home)], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env,
    )
    assert window.stdin is not None and window.stdout is not None
    try:
        assert window.stdout.readline().strip() == "READY"
        for command in (
            ("restore", str(tmp_path / "old.zip"), "--force"),
            ("restore", "--from-backups"),
            ("restore", "--accept-damaged-log"),
        ):
            result = cli(env, home, *command)
            assert result.returncode == 1, (command, result.stdout)
            assert f"open in a ketajournal window (process {window.pid})" in result.stderr
        assert sorted((home / "backups").iterdir()) == backups_before  # nothing moved aside
        # What the window saves afterwards stays in the journal.
        window.stdin.write("log\n")
        window.stdin.flush()
        assert window.stdout.readline().startswith("ACK")
    finally:
        window.stdin.close()
        window.wait(timeout=60)
        window.stdout.close()
    check = cli(env, home, "check")
    assert check.returncode == 0 and "mood         2" in check.stdout
    # With the window closed the restore runs (and moves the journal aside first).
    restored = cli(env, home, "restore", str(tmp_path / "old.zip"), "--force")
    assert restored.returncode == 0, restored.stderr
    assert list((home / "backups").glob("before-restore-*"))


def test_a_window_cannot_open_while_a_restore_holds_the_lock(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    with replacing_lock(home), pytest.raises(AlreadyOpenError):
        InstanceLock(home).acquire()
    with InstanceLock(home), pytest.raises(JournalInUseError), replacing_lock(home):
        pass
    with replacing_lock(tmp_path / "not-yet"):  # a new home: nothing to hold
        pass
