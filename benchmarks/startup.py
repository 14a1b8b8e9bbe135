"""Cold start to a painted, interactive window, against a bare PySide6 window.

Both sides are measured the same way: wall clock from spawning the process to the
first paint of its main window, plus one turn of the event loop after it
("interactive": a zero-timer posted from the paint has run, so the first frame is
complete and input would be handled). The child reports the time, its resident
memory (VmRSS from /proc/self/status) at that moment, and which window it painted.
An app-wide event filter in the child does this; the app itself is unchanged.

Modes of the child:

* ``bare``: ``QApplication`` + ``QWidget`` (1100×720) shown — the floor;
* ``window``: ``ketajournal --home H`` (or ``--demo``): the first paint of its main
  window (shown before the journal is opened: "Opening your journal…"), then the
  first paint of Today, the screen ready for input;
* ``trends``: the same, but the Trends tab is made current when the screens are
  shown, and the second time is the first paint of the Trends chart (its PlotWidget).

Standalone (the suite, ``python -m benchmarks.run``, uses these functions):

    .venv/bin/python benchmarks/startup.py [--runs 7] [--home DIR]

Without ``--home`` the app runs with ``--demo`` (a 2-year journal generated at every
start). Uses the display it finds (run it under ``xvfb-run -a``); without one, Qt's
offscreen platform. Prints a table; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from typing import Any

PROBE = textwrap.dedent(
    """
    import json, sys, time
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    MODE = sys.argv[1]
    HEAVY = ("numpy", "pyqtgraph", "reportlab", "sqlite_utils", "sqlcipher3", "keyring",
             "cryptography", "desktop_notifier", "ketajournal.services.journal")

    def memory():
        found = {}
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    name, value = line.split(":", 1)
                    found[name] = int(value.split()[0])
        return found

    class Probe(QObject):
        stamps = {}
        cpu = {}
        target = None
        window = ""
        loaded = []

        def stamp(self, name, then=None):
            if name not in self.stamps:
                self.stamps[name] = time.time()
                self.cpu[name] = time.process_time()
                QTimer.singleShot(0, lambda: self.turned(name, then))

        def turned(self, name, then):
            self.stamps[name + "_ready"] = time.time()
            if then is not None:
                then()

        def eventFilter(self, obj, event):
            kind = event.type()
            name = type(obj).__name__
            if kind == QEvent.Type.Show and name == "ScreenTabs" and MODE == "trends":
                window = obj.window()
                obj.setCurrentWidget(window.trends)
                self.target = window.trends.chart.plot.viewport()
            elif kind == QEvent.Type.Paint:
                if "window" not in self.stamps and getattr(obj, "isWindow", lambda: False)():
                    self.window = type(obj.window()).__name__
                    self.loaded = [m for m in HEAVY if m in sys.modules]
                    self.stamp("window", self.done if MODE == "bare" else None)
                elif MODE == "window" and name == "ScreenTabs":
                    self.stamp("today", self.done)
                elif MODE == "trends" and self.target is not None and obj is self.target:
                    self.stamp("today", self.done)
            return False

        def done(self):
            mem = memory()
            stamps = dict(self.stamps)
            cpu = dict(self.cpu)
            if MODE == "bare":
                stamps["today"], stamps["today_ready"] = stamps["window"], stamps["window_ready"]
                cpu["today"] = cpu["window"]
            print("PROBE " + json.dumps({
                "painted": stamps["window"], "ready": stamps["window_ready"],
                "today_painted": stamps["today"], "today_ready": stamps["today_ready"],
                "window_cpu": cpu["window"], "today_cpu": cpu["today"],
                "window": self.window, "rss_kib": mem.get("VmRSS"), "hwm_kib": mem.get("VmHWM"),
                "loaded": self.loaded,
            }), flush=True)
            app = QApplication.instance()
            app.removeEventFilter(self)
            app.exit(0)

    app = QApplication(sys.argv[:1])
    probe = Probe()
    app.installEventFilter(probe)
    """
)

BARE = PROBE + textwrap.dedent(
    """
    from PySide6.QtWidgets import QWidget
    w = QWidget(); w.resize(1100, 720); w.show()
    app.exec()
    """
)

APP_MAIN = textwrap.dedent(
    """
    from ketajournal.cli import main
    main(sys.argv[2:])
    """
)
APP = PROBE + APP_MAIN


def measure(mode: str, env: dict[str, str], app_args: list[str] | None = None,
            timeout: float = 120, preamble: str = "") -> dict[str, Any]:
    """Spawn one child; return seconds to paint and to ready, RSS in MiB, the window.

    ``paint``/``ready``: the first paint of the window (and one loop turn after it),
    which the app shows before it opens the journal; ``today``: one loop turn after
    the first paint of Today (``window`` mode), of the Trends chart (``trends``), or
    ``ready`` (``bare``), i.e. the screen ready for input. ``paint_cpu``/``today_cpu``:
    the child's CPU time (``time.process_time``, all its threads) at those two paints,
    steadier than wall time on a shared machine. ``loaded``: which heavy modules were
    imported at the window's first paint.

    ``preamble`` is code run in the app child before ketajournal is imported (the
    "what if" experiments of ``benchmarks.profiles``). Raises
    :class:`subprocess.TimeoutExpired` when the child is not ready in time.
    """
    code = BARE if mode == "bare" else PROBE + preamble + APP_MAIN
    argv = [sys.executable, "-c", code, mode, *(app_args or [])]
    start = time.time()
    result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=timeout)
    for line in result.stdout.splitlines():
        if line.startswith("PROBE "):
            data = json.loads(line[len("PROBE "):])
            expected = "QWidget" if mode == "bare" else "MainWindow"
            if data["window"] != expected:
                raise RuntimeError(f"first window painted was {data['window']}, not {expected}")
            return {
                "paint": data["painted"] - start,
                "ready": data["ready"] - start,
                "today": data["today_ready"] - start,
                "paint_cpu": data["window_cpu"],
                "today_cpu": data["today_cpu"],
                "rss_mib": data["rss_kib"] / 1024,
                "hwm_mib": data["hwm_kib"] / 1024,
                "loaded": data["loaded"],
            }
    raise RuntimeError(f"no paint reported (exit {result.returncode}): {result.stderr[-800:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--home", help="start ketajournal --home DIR instead of --demo")
    args = parser.parse_args()
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["TMPDIR"] = tempfile.mkdtemp()
    app_args = ["--home", args.home] if args.home else ["--demo"]
    modes = ("bare", "window", "trends")
    for mode in modes:  # warm the file cache once for all
        measure(mode, env, app_args)
    runs: dict[str, list[dict[str, Any]]] = {mode: [] for mode in modes}
    for _ in range(args.runs):  # interleaved, so drift hits all alike
        for mode in modes:
            runs[mode].append(measure(mode, env, app_args))
    platform = env.get("QT_QPA_PLATFORM") or ("xcb" if env.get("DISPLAY") else "wayland")
    floor = statistics.median(r["ready"] for r in runs["bare"])
    print(f"platform: {platform}, runs: {args.runs}, median of each; app: {' '.join(app_args)}")
    print(f"{'figure':52} {'seconds':>8} {'ratio':>7} {'RSS MiB':>8}")
    for mode, key, name in (
        ("bare", "ready", "bare PySide6 QApplication + QWidget (floor)"),
        ("window", "ready", "ketajournal: window painted + 1 loop turn"),
        ("window", "today", "ketajournal: Today painted + 1 loop turn (ready)"),
        ("trends", "today", "ketajournal: Trends chart painted + 1 loop turn"),
    ):
        value = statistics.median(r[key] for r in runs[mode])
        rss = statistics.median(r["rss_mib"] for r in runs[mode])
        print(f"{name:52} {value:8.3f} {value / floor:6.2f}x {rss:8.1f}")

if __name__ == "__main__":
    main()
