"""Commands that replace or repair the journal never run while a window has it open.

The "window" is a real second process holding the window's lock (``journal.lock``) and an
open journal, as ``app.run_gui`` does; the commands run as the patient runs them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ketajournal.storage.instance import (
    AlreadyOpenError,
    InstanceLock,
    JournalInUseError,
    replacing_lock,
)
from tests.support.crashed import ROOT, keyring_env

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
from ketajournal.storage.instance import acquire_instance_lock
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
        assert not (home / "backups").exists() or not list((home / "backups").iterdir())
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
