"""The instance lock and the creation lock: one window per journal, nothing left behind."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ketajournal.platform.paths import INSTANCE_LOCK_NAME
from ketajournal.storage.instance import (
    AlreadyOpenError,
    InstanceLock,
    acquire_instance_lock,
    creation_lock,
)
from tests.support.paths import ROOT


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
    "from ketajournal.storage.instance import acquire_instance_lock; "
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
