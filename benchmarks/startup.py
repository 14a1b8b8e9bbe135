"""Cold start to a painted window: ``ketajournal --demo`` against a bare PySide6 window.

Both are measured the same way: wall clock from spawning the process to the first
paint event of its top-level window (reported by the child), median of N runs,
with the floor (the bare QApplication + QWidget) measured in the same run.

    .venv/bin/python benchmarks/startup.py [--runs 7]

Uses the display it finds (run it under ``xvfb-run -a`` for a real X11 window); on
no display it uses Qt's offscreen platform. Prints a table; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time

PAINT_PROBE = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and getattr(obj, "isWindow", lambda: False)():
                print(f"PAINTED {time.time():.6f}", flush=True)
                QTimer.singleShot(0, lambda: QApplication.instance().exit(0))
                QApplication.instance().removeEventFilter(self)
            return False

    app = QApplication(sys.argv[:1])
    probe = FirstPaint()
    app.installEventFilter(probe)
    """
)

BARE = PAINT_PROBE + textwrap.dedent(
    """
    from PySide6.QtWidgets import QWidget
    w = QWidget(); w.resize(1100, 720); w.show()
    app.exec()
    """
)

APP = PAINT_PROBE + textwrap.dedent(
    """
    from ketajournal.cli import main
    main(["--demo"])
    """
)


def measure(code: str, env: dict[str, str]) -> float:
    start = time.time()
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, timeout=120)
    for line in result.stdout.splitlines():
        if line.startswith("PAINTED "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no paint reported (exit {result.returncode}): {result.stderr[-500:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["TMPDIR"] = tempfile.mkdtemp()
    measure(BARE, env)  # warm the file cache once for both
    measure(APP, env)
    bare, app = [], []
    for _ in range(args.runs):  # interleaved, so drift hits both alike
        bare.append(measure(BARE, env))
        app.append(measure(APP, env))
    floor, ours = statistics.median(bare), statistics.median(app)
    platform = env.get("QT_QPA_PLATFORM") or ("xcb" if env.get("DISPLAY") else "wayland")
    print(f"platform: {platform}, runs: {args.runs}, median of each")
    print(f"{'figure':42} {'seconds':>8}")
    print(f"{'bare PySide6 QApplication + QWidget (floor)':42} {floor:8.3f}")
    print(f"{'ketajournal --demo (2-year demo journal)':42} {ours:8.3f}")
    print(f"{'ratio':42} {ours / floor:8.2f}x")


if __name__ == "__main__":
    main()
