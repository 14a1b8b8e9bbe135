"""Stress journals for P5: 1,000,000 rows (mostly mood entries) and a 1,000-row twin.

Built fast, directly through storage: the journal is created the normal way
(``open_or_create``: header, key in the keyring file, schema), then every row goes
in with ``executemany`` in one transaction. Rows are spread evenly over ``days``
days ending today: mood entries (with anxiety, energy and sleep on most), a session
every 21 days (the first six induction, then boosters) each with a side effect, a
psychotherapy event every week, an appointment every 8 weeks, and a PHQ-9 and a
GAD-7 every 14 days (PHQ-9 item 9 always 0: no safety flags, which Today would list
one by one); moods fill the rest up to the row count.

The 1M journal spans 9,800 days (about 27 years, from early 2000 — the earliest
time the domain accepts — to today; ~100 moods a day), so its daily-mean chart
has 9,800 points: a 10-year span would aggregate to the same 3,650 points as P4.

Built journals are cached in ``bench-results/stress-<rows>/`` (with their keyring
file) and reused while the cache's ``meta.json`` matches :data:`FORMAT`.

    .venv/bin/python -m benchmarks.stress [--rows 1000000] [--days 20000]
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import shutil
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.common import RESULTS, Home, JsonFileKeyStore

#: Bump when the generator changes, so cached journals are rebuilt.
FORMAT = 3
STRESS_ROWS, STRESS_DAYS = 1_000_000, 9_800
SMALL_ROWS, SMALL_DAYS = 1_000, 600

_COMMON = ("at", "day", "ts", "note")


def _stamp(ts: float) -> tuple[str, str, float]:
    at = datetime.fromtimestamp(ts, UTC)
    return at.isoformat(), at.date().isoformat(), ts


def generate(rows: int, days: int, end: datetime, seed: int = 11) -> dict[str, list[tuple]]:
    """Rows per table (tuples in column order of :data:`COLUMNS`), ``rows`` in total."""
    rng = random.Random(seed)
    start = (end - timedelta(days=days - 1)).replace(hour=0, minute=0, second=0, microsecond=0)
    t0 = start.timestamp()
    out: dict[str, list[tuple]] = {t: [] for t in COLUMNS}
    for day in range(days):
        base = t0 + day * 86_400
        if day % 21 == 10:
            phase = "induction" if len(out["sessions"]) < 6 else "booster"
            out["sessions"].append((*_stamp(base + 10 * 3600), "", "iv", phase, 36.0, 72.0,
                                    "Stress Clinic", 5, 128, 82, 135, 85))
            out["side_effects"].append((*_stamp(base + 14 * 3600), "", "nausea", "", 3, 60,
                                        len(out["sessions"])))
        if day % 7 == 3:
            out["events"].append((*_stamp(base + 17 * 3600), "", "psychotherapy"))
        if day % 56 == 27:
            out["events"].append((*_stamp(base + 16 * 3600), "Review.", "appointment"))
        if day % 14 == 13:
            out["assessments"].append((*_stamp(base + 19 * 3600), "", "phq9",
                                       json.dumps([*(rng.randint(0, 2) for _ in range(8)), 0]), 1,
                                       None))
            out["assessments"].append((*_stamp(base + 19 * 3600 + 300), "", "gad7",
                                       json.dumps([rng.randint(0, 2) for _ in range(7)]), None,
                                       None))
    others = sum(len(v) for v in out.values())
    moods = rows - others
    if moods < 1:
        raise ValueError(f"{rows} rows over {days} days leave no room for mood entries")
    step = days * 86_400 / moods
    level = 5.0
    for i in range(moods):
        ts = t0 + (i + 0.5) * step
        level = min(10.0, max(0.0, level + rng.uniform(-0.3, 0.3)))
        mood = round(level)
        extras = i % 5 != 0
        out["mood_entries"].append((
            *_stamp(ts), "", mood,
            rng.randint(0, 10) if extras else None,
            rng.randint(0, 10) if extras else None,
            round(rng.uniform(4, 9) * 2) / 2 if extras else None,
        ))
    return out


COLUMNS: dict[str, tuple[str, ...]] = {
    "mood_entries": (*_COMMON, "mood", "anxiety", "energy", "sleep_hours"),
    "sessions": (*_COMMON, "route", "phase", "dose_mg", "weight_kg", "clinic", "dissociation",
                 "bp_before_systolic", "bp_before_diastolic", "bp_after_systolic",
                 "bp_after_diastolic"),
    "side_effects": (*_COMMON, "category", "other_text", "severity", "duration_minutes",
                     "session_id"),
    "events": (*_COMMON, "kind"),
    "assessments": (*_COMMON, "instrument", "answers", "difficulty", "safety_acknowledged_at"),
}


def build(folder: Path, rows: int, days: int) -> dict[str, Any]:
    """Create the journal at ``folder``/home and fill it; returns timings and counts."""
    from ketajournal.platform.paths import JournalPaths
    from ketajournal.services.opening import open_or_create
    from ketajournal.storage.connection import transaction

    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    home = Home(folder / "home", folder / "keyring.json")
    started = time.perf_counter()
    journal = open_or_create(JournalPaths(home.path), JsonFileKeyStore(home.keyring)).journal
    data = generate(rows, days, journal.now())
    generated = time.perf_counter()
    db = journal._db  # a benchmark may go under the service: one bulk transaction
    with transaction(db):
        for table, values in data.items():
            columns = COLUMNS[table]
            marks = ", ".join("?" for _ in columns)
            db.conn.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values
            )
    journal.close()
    meta = {
        "format": FORMAT, "rows": rows, "days": days,
        "counts": {table: len(values) for table, values in data.items()},
        "built_on": datetime.now().astimezone().isoformat(timespec="seconds"),
        "generate_s": generated - started, "insert_s": time.perf_counter() - generated,
    }
    (folder / "meta.json").write_text(json.dumps(meta, indent=2))
    return meta


def cached(rows: int, days: int, *, log: Any = print) -> tuple[Home, dict[str, Any]]:
    """The stress journal of ``rows`` rows, built once into ``bench-results/``."""
    folder = RESULTS / f"stress-{rows}"
    meta_file = folder / "meta.json"
    meta: dict[str, Any] = {}
    if meta_file.exists():
        meta = json.loads(meta_file.read_text())
    if meta.get("format") != FORMAT or meta.get("rows") != rows or meta.get("days") != days:
        log(f"building the {rows:,}-row stress journal in {folder} (once) …")
        meta = build(folder, rows, days)
        log(f"  built in {meta['generate_s'] + meta['insert_s']:.1f} s")
    return Home(folder / "home", folder / "keyring.json"), meta


def cached_series(home: Home, *, log: Any = print) -> tuple[Path, dict[str, Any]]:
    """The Trends series of a stress journal, pickled beside it (built once).

    Also records how long the app's way of getting it takes (per-day totals in SQL,
    the other kinds' entries, then ``build_trend_series_from_days``), as TrendsView does.
    """
    folder = home.path.parent
    target, meta_file = folder / "trend-series-v2.pkl", folder / "trend-series-v2.json"
    if target.exists() and meta_file.exists():
        return target, json.loads(meta_file.read_text())
    from ketajournal.domain.series import build_trend_series_from_days

    log(f"building the Trends series of {folder.name} (once) …")
    journal = home.open()
    try:
        t0 = time.perf_counter()
        days, sessions = journal.daily_mood_totals(), journal.sessions()
        effects, assessments = journal.side_effects(), journal.assessments()
        t1 = time.perf_counter()
        series = build_trend_series_from_days(days, sessions, effects, assessments)
        t2 = time.perf_counter()
    finally:
        journal.close()
    target.write_bytes(pickle.dumps(series))
    meta = {"load_entries_s": t1 - t0, "build_series_s": t2 - t1, "points": int(series.mood_x.size)}
    meta_file.write_text(json.dumps(meta))
    return target, meta


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=STRESS_ROWS)
    parser.add_argument("--days", type=int, default=STRESS_DAYS)
    args = parser.parse_args()
    home, meta = cached(args.rows, args.days)
    print(home.path, json.dumps(meta))


if __name__ == "__main__":
    main()
