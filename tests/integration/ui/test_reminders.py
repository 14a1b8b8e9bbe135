"""End to end: the window's reminders through a real notification server (dunst).

The child runs under ``xvfb-run -a dbus-run-session`` with dunst as the notification
server, the window offscreen and hidden (closed, in the background), a real encrypted
journal with a session logged 30 hours ago. It checks what the patient would: the
check-in notification arrives with the generic text, clicking it brings the window
forward on Today's mood row, and once a mood is logged no further reminder comes.
Skips, saying what is missing, only where dunst, D-Bus or Xvfb are not installed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[3]
TOOLS = ("dunst", "dunstctl", "dbus-run-session", "dbus-send", "xvfb-run")

CHILD = textwrap.dedent(
    """
    import json, subprocess, sys, time
    from datetime import timedelta
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from ketajournal.domain.models import Assessment, Phase, Route, Session
    from ketajournal.platform.clock import system_now
    from ketajournal.platform.keystore import MemoryKeyStore
    from ketajournal.platform.notify import Notifier
    from ketajournal.platform.paths import JournalPaths
    from ketajournal.services import reminders
    from ketajournal.services.opening import open_journal
    from ketajournal.ui.controller import JournalController
    from ketajournal.ui.main_window import MainWindow

    def run(*args):
        return subprocess.run(args, capture_output=True, text=True, check=True).stdout

    def wait(predicate, what):
        for _ in range(400):
            app.processEvents()
            if predicate():
                return
            time.sleep(0.05)
        sys.exit(f"timed out waiting for {what}")

    def has_server():
        out = run("dbus-send", "--session", "--print-reply=literal",
                  "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
                  "org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.Notifications")
        return out.strip().endswith("true")

    def displayed():
        return int(run("dunstctl", "count", "displayed").strip())

    app = QApplication([])
    dunst = subprocess.Popen(["dunst"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait(has_server, "dunst on the session bus")
        journal = open_journal(JournalPaths(Path(sys.argv[1])), MemoryKeyStore())
        now = system_now()
        journal.log(Assessment(at=now, instrument_id="phq9", answers=(1,) * 9))
        journal.log(Assessment(at=now, instrument_id="gad7", answers=(1,) * 7))
        journal.log(Session(at=now - timedelta(hours=30), route=Route.NASAL,
                            phase=Phase.BOOSTER, dose_mg=84, clinic="Zebra Street Clinic"))
        window = MainWindow(JournalController(journal), notifier=Notifier)
        window.hide()  # closed, running in the background
        wait(lambda: displayed() == 1, "the check-in notification")
        opened = []
        window.reminders.open_requested.connect(opened.append)
        run("dunstctl", "action", "0")  # the patient clicks it
        wait(lambda: bool(opened), "the click")
        run("dunstctl", "close")  # as a click with the pointer does on dunst
        wait(lambda: displayed() == 0, "the notification to go")
        state = {"opened": opened, "visible": window.isVisible(),
                 "on_today": window.tabs.currentWidget() is window.today}
        window.today.save_mood(6)
        window.reminders.check()
        time.sleep(1)
        app.processEvents()
        state["displayed_after_mood"] = displayed()
        state["outcomes"] = [e.outcome.value for e in reminders.history(journal)]
        history = json.loads(run("dunstctl", "history"))["data"][0]
        state["history"] = [[h["appname"]["data"], h["summary"]["data"], h["body"]["data"]]
                            for h in history]
        window.quit_app()
        journal.close()
    finally:
        dunst.terminate()
        dunst.wait(timeout=10)
    print(json.dumps(state))
    """
)


@pytest.mark.skipif(sys.platform != "linux", reason="freedesktop notifications are Linux only")
def test_a_check_in_notification_opens_the_mood_row_and_stops_once_mood_is_logged(
    tmp_path: Path,
) -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (Debian: dunst xvfb xauth)")
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KETAJOURNAL")}
    env.update(PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        ["xvfb-run", "-a", "dbus-run-session", "--", sys.executable, str(script),
         str(tmp_path / "home")],
        capture_output=True, text=True, timeout=180, cwd=tmp_path, env=env,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    state = json.loads(result.stdout.strip().splitlines()[-1])
    assert state["opened"] == ["mood"]
    assert state["visible"] and state["on_today"]
    assert state["outcomes"] == ["sent", "opened"]
    assert state["displayed_after_mood"] == 0
    assert state["history"] == [["ketajournal", "ketajournal", "Time for your check-in"]]
    shown = json.dumps(state["history"])
    for secret in ("Zebra", "84", "nasal", "Esketamine", "24 hours", "session of"):
        assert secret not in shown, secret
