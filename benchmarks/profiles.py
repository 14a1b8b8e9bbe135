"""Where the time goes: profiles behind the figures that miss their targets.

    .venv/bin/python -m benchmarks.profiles imports  [--home DIR --keyring FILE]
    .venv/bin/python -m benchmarks.profiles startup  [--home DIR --keyring FILE] [--stress]
    .venv/bin/python -m benchmarks.profiles chart    [--stress] [--range all]
    .venv/bin/python -m benchmarks.profiles save     [--home DIR --keyring FILE]
    .venv/bin/python -m benchmarks.profiles pdf      [--home DIR --keyring FILE]
    .venv/bin/python -m benchmarks.profiles whatif   [--home DIR --keyring FILE] [--stress]

* ``imports``: ``python -X importtime`` of a real start (``ketajournal --home H`` up to
  the first paint), summed by top-level package (self time) and the heaviest
  import chains.
* ``startup``: the start in one process, phase by phase in wall time (Qt import,
  QApplication, app imports, journal open and backup, each view's constructor,
  show → first paint), then a cProfile of the window construction. ``--stress``
  uses the cached 1M-row journal.
* ``chart``: cProfile of the Trends chart's pan/zoom steps (10-year series, or the
  1M-row one with ``--stress``).
* ``save``: cProfile of ``TodayView.save_mood`` in the full window.
* ``pdf``: cProfile of the 1-year clinician PDF (model + writer).
* ``whatif``: P1 as it is, against P1 with the four tabs not shown at start replaced by
  empty widgets (what building them on first show would give), and with the booster
  domain not imported either, and with numpy not importable at all (sqlite_utils
  imports it at import time) — stubs injected in the child, the app unchanged;
  interleaved with the bare floor. Gives the seconds lazy tabs and imports would save.

Without ``--home`` a 10-year demo journal is built in a temporary folder. Window
profiles run on Qt's offscreen platform.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks import startup as startup_probe
from benchmarks import stress
from benchmarks.common import PYTHON, Home, build_demo_home, child_env

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def top(profile: cProfile.Profile, limit: int = 35, sort: str = "cumulative",
        pattern: str = "") -> str:
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).strip_dirs().sort_stats(sort)
    if pattern:
        stats.print_stats(pattern, limit)
    else:
        stats.print_stats(limit)
    return out.getvalue()


@contextmanager
def phase(name: str, phases: dict[str, float]) -> Iterator[None]:
    start = time.perf_counter()
    yield
    phases[name] = phases.get(name, 0.0) + time.perf_counter() - start


# -- imports -----------------------------------------------------------------------------


def imports(home: Home) -> None:
    env = child_env("offscreen", home)
    result = subprocess.run(
        [PYTHON, "-X", "importtime", "-c", startup_probe.APP, "window", "--home",
         str(home.path)],
        env=env, capture_output=True, text=True, timeout=120,
    )
    rows = []
    for line in result.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if match:
            rows.append((int(match[1]), int(match[2]), len(match[3]) // 2, match[4]))
    by_package: dict[str, int] = defaultdict(int)
    for self_us, _cum, _depth, name in rows:
        package = name.split(".")[0]
        if package == "ketajournal":
            package = ".".join(name.split(".")[:2])
        by_package[package] += self_us
    total = sum(by_package.values())
    print(f"import time of a start up to the first paint: {total / 1000:.0f} ms "
          "(self times summed; -X importtime adds some overhead)")
    print(f"{'package (ketajournal by sub-package)':44} {'ms':>7}")
    for package, us in sorted(by_package.items(), key=lambda kv: -kv[1])[:25]:
        print(f"{package:44} {us / 1000:7.1f}")
    print("\nheaviest imports by cumulative time (top level of each chain):")
    for _self, cum, depth, name in sorted(rows, key=lambda r: -r[1])[:40]:
        if depth <= 2:
            print(f"  {'  ' * depth}{name:50} {cum / 1000:7.1f} ms")


# -- startup -----------------------------------------------------------------------------


def startup(home: Home) -> None:
    phases: dict[str, float] = {}
    t0 = time.perf_counter()
    with phase("import PySide6.QtWidgets", phases):
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QApplication
    with phase("QApplication()", phases):
        app = QApplication.instance() or QApplication(sys.argv[:1])
    with phase("import ketajournal (cli, app, ui)", phases):
        import ketajournal.cli  # noqa: F401 - what the entry point imports first
        from ketajournal.platform.paths import JournalPaths
        from ketajournal.services.opening import open_or_create
        from ketajournal.ui import main_window
        from ketajournal.ui.controller import JournalController
        from ketajournal.ui.resources import icon
    with phase("window icon", phases):
        app.setWindowIcon(icon())
    from benchmarks.common import JsonFileKeyStore
    from ketajournal.services.opening import open_checked

    # As app.run_gui does: the cheap checks only; the full check and the daily backup
    # run in a thread after the first paint (timed last, below).
    with phase("open, cheap checks (open_checked, verify=False)", phases):
        journal = open_checked(
            JournalPaths(home.path), JsonFileKeyStore(home.keyring), verify=False
        ).journal
    import importlib

    views = {"TodayView": "today"}  # the other screens are built when first shown
    originals: dict[str, Any] = {}
    for name, module in views.items():
        cls = getattr(importlib.import_module(f"ketajournal.ui.{module}"), name)
        originals[name] = cls.__init__

        def timed(self: Any, *args: Any, __name: str = name, **kwargs: Any) -> None:
            with phase(f"  {__name}()", phases):
                originals[__name](self, *args, **kwargs)

        cls.__init__ = timed
    profile = cProfile.Profile()
    with phase("MainWindow() (menus, Today, placeholder tabs)", phases):
        window = main_window.MainWindow(JournalController(journal))
    for name, module in views.items():
        getattr(importlib.import_module(f"ketajournal.ui.{module}"), name).__init__ = (
            originals[name]
        )
    profile_window = not os.environ.get("BENCH_NO_CPROFILE")

    painted: list[float] = []

    class Probe(QObject):
        def eventFilter(self, obj: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint and obj is window and not painted:
                painted.append(time.perf_counter())
            return False

    probe = Probe()
    app.installEventFilter(probe)
    with phase("show → first paint", phases):
        shown = time.perf_counter()
        window.show()
        while not painted and time.perf_counter() - shown < 60:
            app.processEvents()
        app.processEvents()
    total = time.perf_counter() - t0
    from ketajournal.services import maintenance

    with phase("after the first paint, in a thread: full check + daily backup", phases):
        maintenance.after_open(*maintenance.after_open_work(journal))
    print(f"start, in one process (offscreen; no interpreter start-up): {total:.3f} s")
    for name, seconds in phases.items():
        print(f"  {name:48} {seconds * 1000:9.1f} ms")
    window.close()
    if profile_window:
        journal2 = open_or_create(JournalPaths(home.path), JsonFileKeyStore(home.keyring)).journal
        profile.enable()
        window2 = main_window.MainWindow(JournalController(journal2))
        profile.disable()
        print("\ncProfile of a second MainWindow() on the same journal (imports warm):")
        print(top(profile, 45))
        window2.close()
        journal2.close()
    journal.close()


# -- chart -------------------------------------------------------------------------------


def chart(series_path: Path, preset: str) -> None:
    import pickle

    from PySide6.QtWidgets import QApplication

    from benchmarks.chart import PaintWatch
    from ketajournal.charts.trends import TrendsChart

    app = QApplication.instance() or QApplication(sys.argv[:1])
    series = pickle.loads(series_path.read_bytes())
    widget = TrendsChart()
    widget.resize(1100, 600)
    first = cProfile.Profile()
    first.enable()
    widget.set_series(series)
    widget.show()
    watch = PaintWatch(app, widget.plot.viewport())
    watch.wait(0)
    first.disable()
    print("cProfile: set_series + show + first paint (90-day view):")
    print(top(first, 30))
    widget.set_range_preset(preset)
    watch.settle()
    view = widget.plot.getPlotItem().getViewBox()
    profile = cProfile.Profile()
    steps = 16
    start = time.perf_counter()
    for step in range(steps):
        (x0, x1), _ = view.viewRange()
        dx = 0.1 * (x1 - x0) * (1 if step % 2 else -1)
        seen = watch.count
        profile.enable()
        view.setXRange(x0 + dx, x1 + dx, padding=0)
        watch.wait(seen)
        profile.disable()
    per_step = (time.perf_counter() - start) / steps * 1000
    print(f"cProfile: {steps} pan steps at '{preset}' ({series.mood_x.size} daily points), "
          f"{per_step:.1f} ms a step with the profiler on:")
    print(top(profile, 40))
    print(top(profile, 25, sort="tottime"))


# -- save --------------------------------------------------------------------------------


def save(home: Home) -> None:
    from PySide6.QtWidgets import QApplication

    from ketajournal.ui.controller import JournalController
    from ketajournal.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        copy = home.copy_to(Path(folder), backups=False)
        journal = copy.open()
        window = MainWindow(JournalController(journal))
        window.show()
        app.processEvents()
        profile = cProfile.Profile()
        saves = 20
        start = time.perf_counter()
        for i in range(saves):
            profile.enable()
            window.today.save_mood(i % 11)
            profile.disable()
            app.processEvents()
        per = (time.perf_counter() - start) / saves * 1000
        print(f"cProfile of {saves} × TodayView.save_mood in the full window "
              f"({per:.0f} ms each with the profiler on):")
        print(top(profile, 40))
        window.close()
        journal.close()


# -- pdf ---------------------------------------------------------------------------------


def pdf(home: Home) -> None:
    from benchmarks.report_pdf import one_year
    from ketajournal.reports.pdf import write_pdf

    journal = home.open()
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "report.pdf"
        write_pdf(one_year(journal), target)  # warm fonts
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(5):
            report = one_year(journal)
            write_pdf(report, target)
        profile.disable()
    journal.close()
    print("cProfile of 5 × (one_year report model + write_pdf), 10-year journal:")
    print(top(profile, 45))
    print(top(profile, 25, sort="tottime"))


# -- what if ----------------------------------------------------------------------------

LAZY_TABS = """
import types as _types
from PySide6.QtCore import Signal as _Signal
from PySide6.QtWidgets import QWidget as _QWidget

class _NotBuiltYet(_QWidget):
    edit_requested = _Signal(object)

    def __init__(self, controller, parent=None):
        super().__init__(parent)

for _module, _name in (("ketajournal.ui.timeline", "TimelineView"),
                       ("ketajournal.ui.trends", "TrendsView"),
                       ("ketajournal.ui.boosters", "BoostersView"),
                       ("ketajournal.ui.appointment", "AppointmentView")):
    _stub = _types.ModuleType(_module)
    setattr(_stub, _name, type(_name, (_NotBuiltYet,), {}))
    sys.modules[_module] = _stub
"""

LAZY_BOOSTERS = """
_stub = _types.ModuleType("ketajournal.domain.boosters")
for _name in ("BoosterAnalysis", "SessionPoint", "analyse_boosters", "daily_mood", "Cycle"):
    setattr(_stub, _name, None)
sys.modules["ketajournal.domain.boosters"] = _stub
"""


NO_NUMPY = """
sys.modules["numpy"] = None  # sqlite_utils.db: try: import numpy — now an ImportError
"""


def whatif(home: Home, runs: int, timeout: float) -> None:
    from benchmarks.common import median

    env = child_env(os.environ.get("BENCH_PLATFORM", "offscreen"), home)
    args = ["--home", str(home.path)]
    variants: dict[str, tuple[str, str]] = {
        "as it is": ("window", ""),
        "lazy tabs (only Today built at start)": ("window", LAZY_TABS),
        "lazy tabs + booster domain not imported": ("window", LAZY_TABS + LAZY_BOOSTERS),
        "… + no numpy at all (sqlite_utils imports it)": (
            "window", LAZY_TABS + LAZY_BOOSTERS + NO_NUMPY),
        "Trends drawn: as it is": ("trends", ""),
        "Trends drawn: lazy tabs but Trends (Today + Trends built)": (
            "trends", LAZY_TABS.replace('("ketajournal.ui.trends", "TrendsView"),', "")),
    }
    results: dict[str, list[dict[str, Any]]] = {"bare": [], **{v: [] for v in variants}}
    for _ in range(runs):
        results["bare"].append(startup_probe.measure("bare", env, args))
        for name, (mode, preamble) in variants.items():
            results[name].append(startup_probe.measure(mode, env, args, timeout=timeout,
                                                       preamble=preamble))
    floor = median([r["ready"] for r in results["bare"]])
    print(f"P1 what-if on {home.path} ({runs} interleaved runs, platform "
          f"{env.get('QT_QPA_PLATFORM', 'display')}):")
    print(f"{'variant':52} {'ready s':>8} {'ratio':>7} {'RSS MiB':>8}  heavy modules loaded")
    for name, rows in results.items():
        ready = median([r["ready"] for r in rows])
        rss = median([r["rss_mib"] for r in rows])
        print(f"{name:52} {ready:8.3f} {ready / floor:6.2f}x {rss:8.1f}  "
              f"{', '.join(rows[-1].get('loaded', []))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("imports", "startup", "chart", "save", "pdf", "whatif"))
    parser.add_argument("--runs", type=int, default=5, help="whatif: interleaved runs")
    parser.add_argument("--home", type=Path)
    parser.add_argument("--keyring", type=Path)
    parser.add_argument("--stress", action="store_true", help="use the 1M-row journal")
    parser.add_argument("--range", default="all", help="chart preset for pan steps")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        home: Home
        if args.stress:
            home, _ = stress.cached(stress.STRESS_ROWS, stress.STRESS_DAYS)
        elif args.home:
            home = Home(args.home, args.keyring or args.home.parent / "keyring.json")
        else:
            home = build_demo_home(Path(folder) / "ten-years")
        actions: dict[str, Callable[[], None]] = {
            "imports": lambda: imports(home),
            "startup": lambda: startup(home),
            "save": lambda: save(home),
            "pdf": lambda: pdf(home),
            "whatif": lambda: whatif(home, args.runs, 900 if args.stress else 120),
            "chart": lambda: chart(_series(home, Path(folder)), args.range),
        }
        actions[args.what]()


def _series(home: Home, folder: Path) -> Path:
    import pickle

    from ketajournal.domain.series import build_trend_series

    if home.path.parent.name.startswith("stress-"):
        return stress.cached_series(home)[0]
    journal = home.open()
    series = build_trend_series(journal.moods(), journal.sessions(), journal.side_effects(),
                                journal.assessments())
    journal.close()
    target = folder / "series.pkl"
    target.write_bytes(pickle.dumps(series))
    return target


if __name__ == "__main__":
    main()
