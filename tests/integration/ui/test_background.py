"""A second start of the app on the same journal: two real processes, a real local socket."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ketajournal.ui.background import server_name

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[3]


def app_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KETAJOURNAL")}
    env.update(
        PYTHONPATH=str(ROOT),
        PYTHON_KEYRING_BACKEND="tests.support.keyrings.FileKeyring",
        KETAJOURNAL_TEST_KEYRING=str(tmp_path / "keyring.json"),
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        # No notification reaches the developer's desktop: there is no bus here.
        DBUS_SESSION_BUS_ADDRESS=f"unix:path={tmp_path / 'no-bus'}",
    )
    return env


def ketajournal(home: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "ketajournal", "--home", str(home), *args]


def test_a_second_start_hands_over_to_the_running_app_and_exits_0(tmp_path: Path) -> None:
    env, home = app_env(tmp_path), tmp_path / "home"
    made = subprocess.run(ketajournal(home, "log", "gad7", "1,1,1,1,1,1,1"), env=env,
                          capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    first = subprocess.Popen(ketajournal(home, "--background"), env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        ping = ("import sys; from ketajournal.ui.background import hand_over, PING; "
                f"sys.exit(0 if hand_over({server_name(home)!r}, PING, 500) else 3)")
        deadline = time.monotonic() + 60
        while subprocess.run([sys.executable, "-c", ping], env=env, timeout=60).returncode:
            assert first.poll() is None, first.communicate()[1][-2000:]
            assert time.monotonic() < deadline, "the first app never listened"
            time.sleep(0.2)

        second = subprocess.run(ketajournal(home), env=env, capture_output=True, text=True,
                                timeout=60)
        assert second.returncode == 0, second.stderr[-2000:]
        assert "cannot open" not in second.stderr
        assert first.poll() is None  # the first one runs on, its window brought forward
    finally:
        first.terminate()
        _, errors = first.communicate(timeout=30)
    assert "Traceback" not in errors, errors[-2000:]

    # With the first app gone, a new start is the first again (the old socket is no bar).
    third = subprocess.Popen(ketajournal(home, "--background"), env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while subprocess.run([sys.executable, "-c", ping], env=env, timeout=60).returncode:
            assert third.poll() is None, third.communicate()[1][-2000:]
            assert time.monotonic() < deadline, "the new app never listened"
            time.sleep(0.2)
    finally:
        third.terminate()
        third.communicate(timeout=30)
