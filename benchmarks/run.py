"""The benchmark suite of issue 7: every figure against a floor measured in the same run.

    .venv/bin/python -m benchmarks.run [--quick] [--only P1,P3] [--json out.json]
                                       [--platform auto|xcb|offscreen]

Builds a 10-year demo journal (``ketajournal demo --days 3650``) in a temporary home
whose key is in a JSON keyring file (the tests' ``FileKeyring``), and the P5 stress
journals (cached in ``bench-results/``), then measures P1–P7 (docs/performance.md
says what each one is). For each figure: the median of several runs (p95 where the
issue says so), interleaved with its floor; the floor; the ratio; the target; met.
Prints a Markdown table and writes JSON (default ``bench-results/latest.json``).

Window figures need a display: with none, the suite re-runs itself under
``xvfb-run -a`` when that exists (one X server for the whole run), else it uses Qt's
offscreen platform. The JSON and the table say which.
"""

from __future__ import annotations

import argparse
import json
import os
import platform as host
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks import startup, stress
from benchmarks.common import (
    PYTHON,
    RESULTS,
    ROOT,
    Figure,
    Home,
    build_demo_home,
    child_env,
    median,
    percentile,
    run_worker,
    table,
)

FIGURE_IDS = ("P1", "P2", "P3", "P4", "P5", "P6", "P7")
UNDER_XVFB = "BENCH_UNDER_XVFB"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Suite:
    """Runs the selected groups and collects their figures."""

    def __init__(self, quick: bool, platform: str, work: Path) -> None:
        self.quick = quick
        self.platform = platform
        self.work = work
        self.figures: list[Figure] = []
        self.info: dict[str, Any] = {}
        self._home: Home | None = None

    def n(self, quick: int, full: int) -> int:
        return quick if self.quick else full

    # -- fixtures --------------------------------------------------------------------
    @property
    def home(self) -> Home:
        """The 10-year demo journal (built once per run), with today's backups taken."""
        if self._home is None:
            log("building the 10-year demo journal …")
            t = time.perf_counter()
            home = build_demo_home(self.work / "ten-years")
            built = time.perf_counter() - t
            from ketajournal.services.backups import automatic_backup

            journal = home.open()
            try:
                counts = journal.counts()
                t = time.perf_counter()
                automatic_backup(journal)  # so that the measured starts take none
                backup = time.perf_counter() - t
            finally:
                journal.close()
            self.info["ten_year_journal"] = {
                "counts": counts, "build_s": built, "daily_and_weekly_backup_s": backup,
                "bytes": (home.path / "journal.db").stat().st_size,
            }
            log(f"  {sum(counts.values())} entries {counts}; built in {built:.1f} s, "
                f"today's backups {backup:.2f} s")
            self._home = home
        return self._home

    def env(self, home: Home | None = None, **extra: str) -> dict[str, str]:
        tmp = self.work / "tmp"
        tmp.mkdir(exist_ok=True)
        return child_env(self.platform, home, TMPDIR=str(tmp), **extra)

    # -- P1, P2 ----------------------------------------------------------------------
    def startup(self) -> None:
        home = self.home
        # An installed package has its bytecode compiled at install; a checkout run with
        # PYTHONDONTWRITEBYTECODE=1 would compile every module of ours at every start.
        import compileall

        compileall.compile_dir(ROOT / "ketajournal", quiet=1)
        # The children's keyring backend is tests.support.keyrings: compiled too, or each
        # start would compile it (and tests/__init__) and add that to Today ready.
        compileall.compile_dir(ROOT / "tests" / "support", quiet=1)
        compileall.compile_file(ROOT / "tests" / "__init__.py", quiet=1)
        env = self.env(home)
        args = ["--home", str(home.path)]
        modes = ("bare", "window", "trends")
        log("P1/P2: cold starts (bare window / main window / Trends chart), interleaved …")
        for mode in modes:  # warm the file cache for all
            startup.measure(mode, env, args)
        runs: dict[str, list[dict[str, float]]] = {mode: [] for mode in modes}
        rounds = self.n(3, 7)
        for r in range(rounds):
            for mode in modes[r % 3:] + modes[:r % 3]:  # rotate the order too
                runs[mode].append(startup.measure(mode, env, args))
        first_day: list[float] = []
        for r in range(self.n(1, 3)):  # a copy without today's backups: the first start
            copy = home.copy_to(self.work / f"first-of-day-{r}", backups=False)
            first_day.append(startup.measure("window", self.env(copy),
                                             ["--home", str(copy.path)])["today"])
            runs["bare"].append(startup.measure("bare", env, args))
        bare = [x["ready"] for x in runs["bare"]]
        self.info["startup_runs"] = runs
        window = [x["ready"] for x in runs["window"]]
        today = [x["today"] for x in runs["window"]]
        # Each start's ratio to the floor measured next to it, then their median: the
        # load of a shared machine drifts less within one round than across the run.
        rounds_of = list(zip(runs["window"], runs["bare"], strict=False))
        paired_window = median([w["ready"] / b["ready"] for w, b in rounds_of])
        paired_today = median([w["today"] / b["ready"] for w, b in rounds_of])
        # CPU time (all threads) at the same moments: what the start costs, without the
        # waits a machine shared with other jobs adds to wall time.
        cpu_window = median([w["paint_cpu"] / b["paint_cpu"] for w, b in rounds_of])
        cpu_today = median([w["today_cpu"] / b["paint_cpu"] for w, b in rounds_of])
        self.info["startup_cpu_ratios"] = {"window": cpu_window, "today": cpu_today}
        self.figures += [
            Figure("P1", "cold start → window painted + 1 loop turn (10-year journal)",
                   "s", median(window), median(bare), max_ratio=1.5, runs=window,
                   floor_runs=bare,
                   notes="floor: bare QApplication + QWidget shown (same probe); the window "
                   "paints \"Opening your journal…\" before it opens the journal; heavy "
                   f"modules loaded by then: {', '.join(runs['window'][-1]['loaded']) or 'none'}"
                   f"; median of the ratios to the floor of the same round: {paired_window:.2f}×"
                   f"; in CPU time: {cpu_window:.2f}×"),
            Figure("P1", "cold start → Today painted + 1 loop turn (ready for input)", "s",
                   median(today), median(bare), max_ratio=2.5, runs=today, floor_runs=bare,
                   notes="the journal opened, Today built and drawn; median of the ratios to "
                   f"the floor of the same round: {paired_today:.2f}×; in CPU time: "
                   f"{cpu_today:.2f}×"),
            Figure("P1", "cold start → Trends chart painted + 1 loop turn", "s",
                   median([x["today"] for x in runs["trends"]]), median(bare), max_ratio=3,
                   runs=[x["today"] for x in runs["trends"]], floor_runs=bare,
                   notes="the Trends tab is made current when the screens are shown"),
            Figure("P1", "first start of the day (takes the daily + weekly backups)", "s",
                   median(first_day), median(bare), runs=first_day, floor_runs=bare,
                   notes="informational: Today ready on a copy of the home without today's "
                   "backups"),
            Figure("P2", "RSS at start (Today ready)", "MiB",
                   median([x["rss_mib"] for x in runs["window"]]),
                   median([x["rss_mib"] for x in runs["bare"]]), max_ratio=2,
                   runs=[x["rss_mib"] for x in runs["window"]],
                   floor_runs=[x["rss_mib"] for x in runs["bare"]],
                   notes="VmRSS read in the child at the P1 moment; peak (VmHWM) "
                   f"{median([x['hwm_mib'] for x in runs['window']]):.1f} MiB"),
            Figure("P2", "RSS at start, Trends chart shown", "MiB",
                   median([x["rss_mib"] for x in runs["trends"]]),
                   median([x["rss_mib"] for x in runs["bare"]]),
                   runs=[x["rss_mib"] for x in runs["trends"]], notes="informational"),
        ]

    # -- P3 --------------------------------------------------------------------------
    def save(self) -> None:
        home = self.home
        saves = self.n(40, 200)
        log(f"P3: {saves} saves from TodayView.save_mood, interleaved with raw commits …")
        data = run_worker("save", ["--home", str(home.path), "--keyring", str(home.keyring),
                                   "--saves", str(saves)],
                          self.env(home, QT_QPA_PLATFORM="offscreen"), timeout=1800)
        commit, shown, raw = data["commit_ms"], data["shown_ms"], data["raw_ms"]
        self.figures += [
            Figure("P3", f"save → committed write, p95 of {saves}", "ms",
                   percentile(commit, 95), percentile(raw, 95), max_ratio=5, max_value=16,
                   statistic="p95", runs=commit, floor_runs=raw,
                   notes="floor: raw BEGIN IMMEDIATE/INSERT/COMMIT on sqlcipher3, same key and "
                   f"pragmas; medians {median(commit):.2f} vs {median(raw):.2f} ms"),
            Figure("P3", f"save → 'Saved' shown (every view refreshed), p95 of {saves}", "ms",
                   percentile(shown, 95), percentile(raw, 95), statistic="p95", runs=shown,
                   floor_runs=raw,
                   notes="informational: what the patient waits for; save_mood returns only "
                   f"after every view's refresh on changed; median {median(shown):.1f} ms"),
        ]

    # -- P4 --------------------------------------------------------------------------
    def _charts(self, series: Path, kinds: tuple[str, str], runs: int,
                ranges: str) -> dict[str, list[dict[str, Any]]]:
        results: dict[str, list[dict[str, Any]]] = {k: [] for k in kinds}
        env = self.env()
        for r in range(runs):
            for kind in kinds if r % 2 == 0 else kinds[::-1]:
                results[kind].append(run_worker(
                    "chart", ["--series", str(series), "--kind", kind, "--ranges", ranges,
                              "--steps", str(self.n(12, 24))], env, timeout=300))
        return results

    def _series(self, home: Home, name: str) -> Path:
        import pickle

        from ketajournal.domain.series import build_trend_series_from_days

        target = self.work / f"{name}.pkl"
        journal = home.open()
        try:
            t = time.perf_counter()
            series = build_trend_series_from_days(  # as TrendsView builds it
                journal.daily_mood_totals(), journal.sessions(), journal.side_effects(),
                journal.assessments())
            self.info[f"{name}_series_s"] = time.perf_counter() - t
        finally:
            journal.close()
        target.write_bytes(pickle.dumps(series))
        return target

    def chart(self) -> None:
        series = self._series(self.home, "ten-year-trends")
        log("P4: Trends chart vs bare PlotWidget, first paint and pan/zoom …")
        res = self._charts(series, ("chart", "bare"), self.n(3, 5), "90d,all")
        self.info["p4_runs"] = res

        def first(kind: str) -> list[float]:
            return [r["first_paint_ms"] for r in res[kind]]

        def pan(kind: str, preset: str) -> list[float]:
            return [median(r["panzoom_ms"][preset]) for r in res[kind]]

        self.figures += [
            Figure("P4", "Trends chart first paint, 10 years", "ms", median(first("chart")),
                   median(first("bare")), max_ratio=1.5, runs=first("chart"),
                   floor_runs=first("bare"),
                   notes="widget created → set_series → shown → plot viewport painted; floor: "
                   "bare PlotWidget with the same arrays, same size and range (90 days). "
                   f"Building the series from the journal (not included): "
                   f"{self.info['ten-year-trends_series_s'] * 1000:.0f} ms"),
            Figure("P4", "pan/zoom repaint, 90-day view", "ms", median(pan("chart", "90d")),
                   median(pan("bare", "90d")), max_value=16, runs=pan("chart", "90d"),
                   floor_runs=pan("bare", "90d"),
                   notes="setXRange (±10 % pan, ×0.8/×1.25 zoom) → viewport painted; median "
                   "step per run"),
            Figure("P4", "pan/zoom repaint, all 10 years", "ms", median(pan("chart", "all")),
                   median(pan("bare", "all")), max_value=16, runs=pan("chart", "all"),
                   floor_runs=pan("bare", "all")),
        ]

    # -- P5 --------------------------------------------------------------------------
    def stress(self) -> None:
        big, big_meta = stress.cached(stress.STRESS_ROWS, stress.STRESS_DAYS, log=log)
        small, _ = stress.cached(stress.SMALL_ROWS, stress.SMALL_DAYS, log=log)
        series, series_meta = stress.cached_series(big, log=log)
        self.info["stress"] = {"meta": big_meta, "series": series_meta}
        from ketajournal.services.backups import automatic_backup

        for home in (small, big):  # today's backups, so the measured starts take none
            journal = home.open()
            try:
                t = time.perf_counter()
                made = automatic_backup(journal).made
                self.info[f"backup_{home.path.parent.name}_s"] = (
                    time.perf_counter() - t if made else None)
            finally:
                journal.close()

        log("P5: database open only, 1M vs 1k rows …")
        opened: dict[str, list[float]] = {"small": [], "big": []}
        for _ in range(self.n(5, 11)):
            for name, home in (("small", small), ("big", big)):
                t = time.perf_counter()
                home.open().close()
                opened[name].append(time.perf_counter() - t)

        # The app opens with the cheap checks only (header, key, page 1, schema) and runs
        # the full integrity and foreign-key checks in a thread after the first paint.
        from benchmarks.common import JsonFileKeyStore
        from ketajournal.platform.paths import JournalPaths
        from ketajournal.services.opening import open_checked

        checked: dict[str, list[float]] = {"small": [], "big": []}
        full_check: dict[str, list[float]] = {"small": [], "big": []}
        for _ in range(self.n(1, 3)):
            for name, home in (("small", small), ("big", big)):
                t = time.perf_counter()
                journal = open_checked(JournalPaths(home.path), JsonFileKeyStore(home.keyring),
                                       create=False, verify=False).journal
                checked[name].append(time.perf_counter() - t)
                t = time.perf_counter()
                journal.check()
                full_check[name].append(time.perf_counter() - t)
                journal.close()

        timeout = self.n(60, 600)
        log(f"P5: app start on the 1M-row journal vs the 1k-row one (timeout {timeout} s) …")
        starts: dict[str, list[float]] = {"small": [], "big": []}
        timed_out = False
        startup.measure("window", self.env(small), ["--home", str(small.path)])
        for _ in range(self.n(1, 3)):
            for name, home in (("small", small), ("big", big)):
                if name == "big" and timed_out:
                    continue
                try:
                    starts[name].append(startup.measure(
                        "window", self.env(home), ["--home", str(home.path)],
                        timeout=timeout)["today"])
                except subprocess.TimeoutExpired:
                    timed_out = True
        big_start = median(starts["big"]) if starts["big"] else float(timeout)

        log("P5: chart repaint on the 1M-row journal vs pyqtgraph's downsampled floor …")
        res = self._charts(series, ("chart", "floor"), self.n(2, 3), "all,90d")
        self.info["p5_chart_runs"] = res

        def pan(kind: str, preset: str) -> list[float]:
            return [median(r["panzoom_ms"][preset]) for r in res[kind]]

        first = {k: [r["first_paint_ms"] for r in res[k]] for k in res}
        points = series_meta["points"]
        self.figures += [
            Figure("P5", "open 1M-row journal → Today ready", "s", big_start,
                   median(starts["small"]), max_ratio=1.5, runs=starts["big"],
                   floor_runs=starts["small"], lower_bound=timed_out,
                   notes=f"floor: the same start on a 1,000-row journal; "
                   f"{'timed out at ' + str(timeout) + ' s; ' if timed_out else ''}"
                   f"building the Trends series as TrendsView does (per-day totals in SQL): "
                   f"{series_meta['load_entries_s'] + series_meta['build_series_s']:.2f} s"),
            Figure("P5", "database open only (open_journal), 1M vs 1k rows", "ms",
                   median(opened["big"]) * 1000, median(opened["small"]) * 1000,
                   runs=[x * 1000 for x in opened["big"]],
                   floor_runs=[x * 1000 for x in opened["small"]],
                   notes="informational: key check, pragmas, schema version — no scans"),
            Figure("P5", "open as the app does (open_checked, cheap checks), 1M vs 1k", "ms",
                   median(checked["big"]) * 1000, median(checked["small"]) * 1000,
                   runs=[x * 1000 for x in checked["big"]],
                   floor_runs=[x * 1000 for x in checked["small"]],
                   notes="informational: header, key against page 1, schema version"),
            Figure("P5", "full check after the first paint, in a thread, 1M vs 1k", "ms",
                   median(full_check["big"]) * 1000, median(full_check["small"]) * 1000,
                   runs=[x * 1000 for x in full_check["big"]],
                   floor_runs=[x * 1000 for x in full_check["small"]],
                   notes="informational: cipher_integrity_check + integrity_check + "
                   "foreign_key_check, which read every page (services/maintenance.py)"),
            Figure("P5", f"chart pan/zoom repaint, 1M rows, all data ({points:,} days)", "ms",
                   median(pan("chart", "all")), median(pan("floor", "all")), max_ratio=1.2,
                   runs=pan("chart", "all"), floor_runs=pan("floor", "all"),
                   notes="floor: bare PlotWidget, same arrays, peak downsampling + clipToView"),
            Figure("P5", "chart pan/zoom repaint, 1M rows, 90-day view", "ms",
                   median(pan("chart", "90d")), median(pan("floor", "90d")),
                   runs=pan("chart", "90d"), floor_runs=pan("floor", "90d"),
                   notes="informational"),
            Figure("P5", "chart first paint, 1M rows", "ms", median(first["chart"]),
                   median(first["floor"]), runs=first["chart"], floor_runs=first["floor"],
                   notes="informational"),
        ]

    # -- P6 --------------------------------------------------------------------------
    def pdf(self) -> None:
        from benchmarks.report_pdf import bare_reportlab, one_year, table_rows, timed
        from ketajournal.reports.pdf import write_pdf

        log("P6: the 1-year clinician PDF of the 10-year journal vs bare ReportLab …")
        journal = self.home.open()
        target = self.work / "report.pdf"
        try:
            report = one_year(journal)
            tables = table_rows(report)
            write_pdf(report, target)  # warm fonts and imports once for all
            bare_reportlab(tables)
            floor: list[float] = []
            model: list[float] = []
            writer: list[float] = []
            whole: list[float] = []
            for _ in range(self.n(3, 7)):
                floor.append(timed(lambda: bare_reportlab(tables)))
                model.append(timed(lambda: one_year(journal)))
                writer.append(timed(lambda: write_pdf(report, target)))
                whole.append(timed(lambda: write_pdf(one_year(journal), target)))
            pages = write_pdf(report, target)
        finally:
            journal.close()
        rows = sum(len(t) - 1 for t in tables)
        self.figures += [
            Figure("P6", f"1-year clinician PDF ({pages} pages), journal → file", "s",
                   median(whole), median(floor), max_ratio=1.5, max_value=1.0, runs=whole,
                   floor_runs=floor,
                   notes=f"floor: bare ReportLab, the same {rows} detail-table rows "
                   "(benchmarks/report_pdf.py)"),
            Figure("P6", "  of which: report model (journal → Report)", "s", median(model),
                   median(floor), runs=model, notes="informational"),
            Figure("P6", "  of which: PDF writer (Report → file)", "s", median(writer),
                   median(floor), runs=writer, notes="informational"),
        ]

    # -- P7 --------------------------------------------------------------------------
    def boosters(self) -> None:
        from ketajournal.domain.booster_analysis import analyse_boosters
        from ketajournal.domain.boosters import SessionPoint, daily_mood
        from ketajournal.services.clinical import booster_analysis
        from ketajournal.services.settings import Settings

        log("P7: the booster analysis of the 10-year journal …")
        journal = self.home.open()
        try:
            conn = journal._db.conn

            def raw() -> None:
                conn.execute("SELECT at, ts, mood FROM mood_entries ORDER BY ts, id").fetchall()
                conn.execute("SELECT * FROM sessions ORDER BY ts, id").fetchall()

            mood = daily_mood(journal.moods())
            points = [SessionPoint.from_session(s) for s in journal.sessions()]
            threshold = Settings(journal).get("booster.threshold")
            full: list[float] = []
            floor: list[float] = []
            pure: list[float] = []
            booster_analysis(journal)
            for _ in range(self.n(7, 21)):
                full.append(_ms(lambda: booster_analysis(journal)))
                floor.append(_ms(raw))
                pure.append(_ms(lambda: analyse_boosters(mood, points, threshold=threshold)))
            cycles = len(booster_analysis(journal).cycles)
        finally:
            journal.close()
        self.figures += [
            Figure("P7", f"booster analysis, 10 years ({cycles} cycles), journal → analysis",
                   "ms", median(full), median(floor), max_value=50, runs=full,
                   floor_runs=floor,
                   notes="services.clinical.booster_analysis; floor: fetching the same rows "
                   "raw (SELECT … fetchall)"),
            Figure("P7", "  of which: analyse_boosters on loaded data (pure)", "ms",
                   median(pure), median(floor), runs=pure, notes="informational"),
        ]


def _ms(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


GROUPS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("P7",), "boosters"),
    (("P6",), "pdf"),
    (("P3",), "save"),
    (("P1", "P2"), "startup"),
    (("P4",), "chart"),
    (("P5",), "stress"),
)


def revision() -> str:
    """The code measured: ``git describe --always --dirty`` of the tree, if any.

    ``BENCH_CODE_REVISION`` overrides it (a tree exported with ``git archive``).
    """
    if os.environ.get("BENCH_CODE_REVISION"):
        return os.environ["BENCH_CODE_REVISION"]
    try:
        result = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT,
                                capture_output=True, text=True, timeout=10)
    except OSError:
        return "unknown"
    return result.stdout.strip() or "unknown (not a git checkout)"


def choose_platform(requested: str, argv: list[str]) -> str:
    """The Qt platform for window figures; may re-run the suite under xvfb-run."""
    if requested != "auto":
        return requested
    if os.environ.get(UNDER_XVFB):
        return "xvfb"
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return "display"
    if shutil.which("xvfb-run"):
        log("no display: re-running under xvfb-run -a …")
        env = dict(os.environ, **{UNDER_XVFB: "1"})
        command = ["xvfb-run", "-a", "-s", "-screen 0 1920x1200x24", PYTHON, "-m",
                   "benchmarks.run", *argv]
        sys.stdout.flush()
        os.execvpe("xvfb-run", command, env)
    return "offscreen"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--quick", action="store_true", help="fewer runs (about 3 minutes)")
    parser.add_argument("--only", metavar="P1,P3", help="only these figures (P1 … P7)")
    parser.add_argument("--json", type=Path, default=RESULTS / "latest.json",
                        help="where to write the results (default bench-results/latest.json)")
    parser.add_argument("--platform", choices=("auto", "xcb", "offscreen"), default="auto",
                        help="Qt platform of the window figures (auto: the display, else "
                        "xvfb-run, else offscreen)")
    args = parser.parse_args(argv)
    selected = set(FIGURE_IDS)
    if args.only:
        selected = {x.strip().upper() for x in args.only.split(",") if x.strip()}
        unknown = selected - set(FIGURE_IDS)
        if unknown:
            parser.error(f"unknown figure {', '.join(sorted(unknown))}; one of P1 … P7")
    platform = choose_platform(args.platform, argv)
    code = revision()
    started = time.perf_counter()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="ketajournal-bench-") as folder:
        suite = Suite(args.quick, "offscreen" if platform == "offscreen" else "xcb",
                      Path(folder))
        for ids, method in GROUPS:
            if selected & set(ids):
                getattr(suite, method)()
    figures = [f for f in suite.figures if f.id in selected]
    order = {fid: i for i, fid in enumerate(FIGURE_IDS)}
    figures.sort(key=lambda f: order[f.id])
    elapsed = time.perf_counter() - started
    qt_platform = {"xvfb": "xcb under xvfb-run", "display": "the session's display",
                   "xcb": "xcb (the given DISPLAY)", "offscreen": "offscreen"}[platform]
    header = (
        f"ketajournal benchmarks — {datetime.now().astimezone():%Y-%m-%d %H:%M %z}, code "
        f"{code}, "
        f"{'quick' if args.quick else 'full'} run in {elapsed:.0f} s; window figures on "
        f"{qt_platform}; {os.cpu_count()} CPUs, load average "
        f"{load_before[0]:.2f} → {os.getloadavg()[0]:.2f}"
    )
    print(header)
    print()
    print(table(figures))
    print()
    for f in figures:
        if f.notes:
            print(f"- {f.id} {f.title.strip()}: {f.notes}")
    document = {
        "suite": "ketajournal benchmarks (issue 7)",
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "code": code,
        "quick": args.quick,
        "selected": sorted(selected),
        "platform": qt_platform,
        "machine": {
            "cpus": os.cpu_count(), "python": sys.version.split()[0],
            "system": host.platform(), "load_average_before": load_before,
            "load_average_after": os.getloadavg(),
        },
        "elapsed_s": elapsed,
        "figures": [f.as_json() for f in figures],
        "info": suite.info,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(document, indent=2, default=str) + "\n")
    log(f"wrote {args.json}")
    return 0  # a measurement, not a test: targets missed are in the table and the JSON


if __name__ == "__main__":
    sys.exit(main())
