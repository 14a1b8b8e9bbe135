"""The window's composition root: it refuses a journal another window has open."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ketajournal import app as app_module
from ketajournal.platform.instance import (
    acquire_instance_lock,
)


@pytest.mark.skipif(not hasattr(app_module, "acquire_instance_lock"),
                    reason="app.py does not take the instance lock yet")
def test_the_window_refuses_to_open_a_journal_another_window_has_open(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text: shown.append(text)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    home = tmp_path / "home"
    first = acquire_instance_lock(home)
    try:
        assert app_module.run_gui(str(home)) == 1
    finally:
        first.release()
    assert len(shown) == 1 and "already open" in shown[0]
    assert not (home / "journal.db").exists()  # refused before anything was opened


START_PROBE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

HEAVY = ("keyring", "sqlite_utils", "sqlcipher3", "cryptography", "numpy", "pyqtgraph",
         "reportlab", "desktop_notifier", "ketajournal.storage", "ketajournal.services.journal",
         # what the first frame does not show (docs/performance.md, "fifth look")
         "babel", "platformdirs", "PySide6.QtNetwork", "ketajournal.domain.models",
         "ketajournal.domain.instruments", "ketajournal.ui.reminders", "ketajournal.ui.lock",
         "ketajournal.ui.background", "ketajournal.ui.operations", "ketajournal.ui.keyboard",
         "ketajournal.ui.screens", "ketajournal.ui.tasks", "ketajournal.ui.announce")
# Built after Today's paint: the single-instance server, the tray, the reminders, the sync.
AFTER_TODAY = ("PySide6.QtNetwork", "ketajournal.ui.background", "ketajournal.ui.reminders",
               "ketajournal.ui.sync", "ketajournal.ui.keyboard")
seen = []

class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            name = type(obj).__name__
            if not seen and name == "MainWindow":
                page = obj.stack.currentWidget()
                seen.append(f"first paint: {getattr(page, 'text', lambda: '?')()}")
                seen.append("loaded: " + ",".join(m for m in HEAVY if m in sys.modules))
            elif seen and len(seen) == 2 and name == "ScreenTabs":
                seen.append(f"then: {type(obj.currentWidget()).__name__}")
                seen.append("loaded: " + ",".join(m for m in AFTER_TODAY if m in sys.modules))
                QTimer.singleShot(0, obj.window().close)  # quits as File → Quit does
        return False

app = QApplication(sys.argv[:1])
probe = Probe()
app.installEventFilter(probe)
from ketajournal.cli import main
main(sys.argv[1:])
print("\\n".join(seen))
"""


def test_the_window_paints_before_the_journal_side_is_imported(tmp_path: Path) -> None:
    """The window shows "Opening your journal…" as fast as a bare window; Today follows."""
    import os
    import subprocess

    from tests.support.paths import ROOT

    env = {k: v for k, v in os.environ.items() if not k.startswith("KETAJOURNAL")}
    env.update(PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
               PYTHON_KEYRING_BACKEND="tests.support.keyrings.FileKeyring",
               KETAJOURNAL_TEST_KEYRING=str(tmp_path / "keyring.json"))
    home = str(tmp_path / "home")
    made = subprocess.run([sys.executable, "-m", "ketajournal", "--home", home, "log", "mood",
                           "7"], env=env, capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    started = subprocess.run([sys.executable, "-c", START_PROBE, "--home", home], env=env,
                             capture_output=True, text=True, timeout=120)
    assert started.returncode == 0, started.stderr
    assert started.stdout.splitlines() == [
        "first paint: Opening your journal…", "loaded: ", "then: TodayView", "loaded: ",
    ]


def test_what_the_window_starts_gets_no_frozen_bundle_variable(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """xdg-open and the browser are started by Qt with the process's environment."""
    import os

    from PySide6.QtCore import QProcess
    from PySide6.QtWidgets import QApplication

    bundle = tmp_path / "_internal"
    bundle.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setenv("QT_PLUGIN_PATH", str(bundle / "PySide6" / "Qt" / "plugins"))
    monkeypatch.delenv("PYINSTALLER_RESET_ENVIRONMENT", raising=False)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(QApplication, "exec", lambda _self: 0)
    assert app_module.run_gui(demo=True) == 0
    child = QProcess()
    child.start(sys.executable, ["-c", "import os; print(os.environ.get('QT_PLUGIN_PATH'))"])
    assert child.waitForFinished(60_000)
    assert bytes(child.readAllStandardOutput().data()).decode().strip() == "None"
    assert "QT_PLUGIN_PATH" not in os.environ
