"""System notifications: a real notification server (dunst) on a private D-Bus session.

The end-to-end test runs a child under ``xvfb-run -a dbus-run-session`` (dunst needs an X
display; Xvfb gives it one with no screen), so it never touches the developer's own
desktop or session bus. It skips, saying what is missing, only where dunst, D-Bus or
Xvfb are not installed (``.ci/run`` installs them on Debian/Ubuntu as root).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from desktop_notifier import Capability

from ketajournal.platform.notify import Capabilities, EventType, NotificationEvent, Notifier

TOOLS = ("dunst", "dunstctl", "busctl", "dbus-run-session", "dbus-send", "xvfb-run")

CHILD = textwrap.dedent(
    """
    import json, logging, subprocess, sys, time
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from ketajournal.domain.models import Route
    from ketajournal.domain.reminders import Logged, LoggedSession, ReminderSettings, decide
    from ketajournal.domain.schedules import PlannedItem, PlannedSession
    from ketajournal.platform.notify import Notifier

    def wait(predicate, what):
        for _ in range(200):
            if predicate():
                return
            time.sleep(0.05)
        sys.exit(f"timed out waiting for {what}")

    def run(*args):
        return subprocess.run(args, capture_output=True, text=True, check=True).stdout

    def has_server():
        out = run("dbus-send", "--session", "--print-reply=literal",
                  "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
                  "org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.Notifications")
        return out.strip().endswith("true")

    def displayed():
        return int(run("dunstctl", "count", "displayed").strip())

    logging.basicConfig(level=logging.DEBUG)  # the app's most verbose logging
    dunst = subprocess.Popen(["dunst"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait(has_server, "dunst on the session bus")
        berlin = ZoneInfo("Europe/Berlin")
        # A journal with details that must not reach the screen.
        logged = Logged(sessions=(LoggedSession(3, datetime(2026, 1, 5, 10, tzinfo=berlin)),))
        planned = [PlannedItem(1, PlannedSession(
            at=datetime(2026, 1, 7, 10, tzinfo=berlin), route=Route.NASAL, dose_mg=84,
            clinic="Zebra Street Clinic"))]
        settings = ReminderSettings(questionnaires_enabled=False)
        check_in = decide(settings, logged, planned, [], datetime(2026, 1, 6, 10, tzinfo=berlin),
                          berlin).notice
        sessions_only = ReminderSettings(questionnaires_enabled=False, check_ins_enabled=False)
        evening = decide(sessions_only, logged, planned, [],
                         datetime(2026, 1, 6, 20, tzinfo=berlin), berlin).notice
        events = []
        notifier = Notifier(on_event=events.append)
        capabilities = notifier.capabilities()

        first = notifier.send(check_in.title, check_in.body, check_in.actions)
        wait(lambda: displayed() == 1, "the first notification")
        run("dunstctl", "close")  # the patient closes it
        wait(lambda: len(events) == 1, "the dismissal")

        second = notifier.send(evening.title, evening.body, evening.actions)
        wait(lambda: displayed() == 1, "the second notification")
        run("dunstctl", "action", "0")  # the patient clicks it
        wait(lambda: len(events) == 2, "the click")
        run("dunstctl", "close-all")
        wait(lambda: displayed() == 0, "closing all")
        history = json.loads(run("dunstctl", "history"))["data"][0]
        notifier.close()
    finally:
        dunst.terminate()
        dunst.wait(timeout=10)
    print(json.dumps({
        "capabilities": vars(capabilities),
        "ids": [first, second],
        "sent": [[check_in.title, check_in.body], [evening.title, evening.body]],
        "events": [[e.notification_id, e.type.value, e.action_id] for e in events],
        "history": sorted([[h["appname"]["data"], h["summary"]["data"], h["body"]["data"]]
                           for h in history], key=lambda h: h[2]),
    }))
    """
)


def _missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


@pytest.mark.skipif(sys.platform != "linux", reason="freedesktop notifications are Linux only")
def test_a_real_notification_reaches_dunst_and_reports_back(tmp_path: Path) -> None:
    missing = _missing_tools()
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (Debian: dunst xvfb xauth)")
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    result = subprocess.run(
        ["xvfb-run", "-a", "dbus-run-session", "--", sys.executable, "-W", "error", str(script)],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])

    capabilities = report["capabilities"]
    assert capabilities["available"] and capabilities["actions"] and capabilities["clicks"]
    assert capabilities["backend"] == "DBusDesktopNotifier"

    first, second = report["ids"]
    assert report["events"] == [[first, "dismissed", None], [second, "clicked", None]]

    (check_title, check_body), (evening_title, evening_body) = report["sent"]
    assert check_body == "Time for your check-in"
    assert evening_body.startswith("Appointment tomorrow\n")
    assert report["history"] == sorted(
        [["ketajournal", check_title, check_body], ["ketajournal", evening_title, evening_body]],
        key=lambda h: h[2],
    )
    assert check_body not in result.stderr  # not logged, even at DEBUG
    assert "Notification sent" not in result.stderr
    shown = json.dumps(report["history"])
    for secret in ("Zebra", "84", "Esketamine", "nasal", "IV", "10:00", "Mon 05"):
        assert secret not in shown, secret


class _Recorder:
    def __init__(self) -> None:
        self.events: list[NotificationEvent] = []

    def __call__(self, event: NotificationEvent) -> None:
        self.events.append(event)
        if event.action_id == "boom":
            raise RuntimeError("a broken handler")


def test_library_callbacks_become_events_and_a_failing_handler_is_contained() -> None:
    recorder = _Recorder()
    notifier = Notifier(on_event=recorder)
    try:
        library = notifier._notifier
        assert library.on_clicked is not None and library.on_dismissed is not None
        assert library.on_button_pressed is not None
        library.on_clicked("n1")
        library.on_button_pressed("n2", "boom")
        library.on_button_pressed("n2", "snooze-1h")
        library.on_dismissed("n3")
    finally:
        notifier.close()
        notifier.close()  # twice is harmless
    assert recorder.events == [
        NotificationEvent("n1", EventType.CLICKED),
        NotificationEvent("n2", EventType.ACTION, "boom"),
        NotificationEvent("n2", EventType.ACTION, "snooze-1h"),
        NotificationEvent("n3", EventType.DISMISSED),
    ]


def test_capabilities_from_the_library_set() -> None:
    full = Capabilities.from_library(
        frozenset({Capability.BUTTONS, Capability.ON_CLICKED, Capability.ON_DISMISSED}),
        "DBusDesktopNotifier",
    )
    assert (full.available, full.actions, full.clicks, full.dismissals) == (True, True, True, True)
    bare = Capabilities.from_library(frozenset({Capability.TITLE}), "DBusDesktopNotifier")
    assert (bare.available, bare.actions, bare.clicks) == (True, False, False)
    dummy = Capabilities.from_library(frozenset({Capability.TITLE}), "DummyNotificationCenter")
    assert not dummy.available
    assert not Capabilities.from_library(frozenset(), "DBusDesktopNotifier").available
