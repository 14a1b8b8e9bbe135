"""Shared pieces of the benchmark suite: figures, statistics, journals, child processes.

Every figure is a ratio against a floor measured in the same run, interleaved with
it, so that a noisy machine (other jobs, thermal drift) hits both alike. A figure
holds the raw runs of both sides; the table shows medians (or p95 where the issue
says so), the ratio and the target.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
PYTHON = sys.executable
#: The test keyring backend (keys in a JSON file) that child processes use.
KEYRING_BACKEND = "tests.support.keyrings.FileKeyring"
KEYRING_SERVICE = "org.ketajournal.KetaJournal"
TEN_YEARS_DAYS = 3650


# -- statistics --------------------------------------------------------------------------


def median(values: Sequence[float]) -> float:
    """The median (NaN for no values)."""
    return float(statistics.median(values)) if values else math.nan


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0–100), linear between closest ranks (numpy's default)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100.0
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


# -- figures -----------------------------------------------------------------------------


@dataclass
class Figure:
    """One row of the table.

    ``value`` and ``floor`` are in ``unit``; ``max_ratio`` and ``max_value`` are the
    targets (None: no such target). A figure without any target is informational.
    ``value=None`` means the measurement did not finish (see ``notes``).
    """

    id: str
    title: str
    unit: str
    value: float | None
    floor: float | None = None
    max_ratio: float | None = None
    max_value: float | None = None
    statistic: str = "median"
    runs: list[float] = field(default_factory=list)
    floor_runs: list[float] = field(default_factory=list)
    notes: str = ""
    lower_bound: bool = False  # value is only known to exceed ``value`` (timed out)

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.floor:
            return None
        return self.value / self.floor

    @property
    def target(self) -> str:
        parts = []
        if self.max_ratio is not None:
            parts.append(f"≤ {self.max_ratio:g}×")
        if self.max_value is not None:
            parts.append(f"≤ {_fmt(self.max_value, self.unit)}")
        return " and ".join(parts) if parts else "(info)"

    @property
    def met(self) -> bool | None:
        if self.max_ratio is None and self.max_value is None:
            return None
        if self.value is None:
            return False
        ok = True
        if self.max_ratio is not None:
            ratio = self.ratio
            ok = ok and ratio is not None and ratio <= self.max_ratio
        if self.max_value is not None:
            ok = ok and self.value <= self.max_value
        return ok and not self.lower_bound

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(ratio=self.ratio, target=self.target, met=self.met)
        return data


def _fmt(value: float | None, unit: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if unit == "s":
        return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"
    if unit == "ms":
        return f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms"
    if unit == "MiB":
        return f"{value:.1f} MiB"
    return f"{value:g} {unit}"


def table(figures: Sequence[Figure]) -> str:
    """The figures as a Markdown table (also readable in a terminal)."""
    lines = [
        "| figure | value | floor | ratio | target | met |",
        "|---|---:|---:|---:|---|:-:|",
    ]
    for f in figures:
        value = ("> " if f.lower_bound else "") + _fmt(f.value, f.unit)
        if f.statistic != "median":
            value += f" ({f.statistic})"
        ratio = "—" if f.ratio is None else ("> " if f.lower_bound else "") + f"{f.ratio:.2f}×"
        met = {True: "yes", False: "**no**", None: "–"}[f.met]
        lines.append(
            f"| {f.id} {f.title} | {value} | {_fmt(f.floor, f.unit)} | {ratio} | {f.target} "
            f"| {met} |"
        )
    return "\n".join(lines)


# -- keys and journals -------------------------------------------------------------------


class JsonFileKeyStore:
    """A ``KeyStore`` over the JSON file the test ``FileKeyring`` reads.

    The runner opens journals in-process with it, and child processes find the same
    keys through ``PYTHON_KEYRING_BACKEND`` (see :func:`child_env`). Synthetic
    journals only: the keys are in clear in the file.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def _load(self) -> dict[str, str]:
        try:
            return dict(json.loads(self.path.read_text()))
        except FileNotFoundError:
            return {}

    @staticmethod
    def _name(journal_id: str) -> str:
        return f"{KEYRING_SERVICE}\njournal-{journal_id}"

    def get(self, journal_id: str) -> bytes | None:
        value = self._load().get(self._name(journal_id))
        return None if value is None else bytes.fromhex(value)

    def put(self, journal_id: str, key: bytes) -> None:
        data = self._load()
        data[self._name(journal_id)] = key.hex()
        self.path.write_text(json.dumps(data))

    def delete(self, journal_id: str, key: bytes | None = None) -> None:
        data = self._load()
        data.pop(self._name(journal_id), None)
        self.path.write_text(json.dumps(data))

    def key_of(self, home: Path) -> bytes:
        """The key of the journal at ``home`` (by the id in its header and the folder)."""
        from ketajournal.platform.keystore import keyring_entry

        header = json.loads((home / "journal.header").read_text())
        key = self.get(keyring_entry(home, str(header["journal_id"])))
        if key is None:
            raise RuntimeError(f"no key for the journal at {home}")
        return key


@dataclass(frozen=True)
class Home:
    """A journal home and the keyring file that holds its key."""

    path: Path
    keyring: Path

    def copy_to(self, folder: Path, *, backups: bool = True) -> Home:
        """A copy of the journal (same id and key) in ``folder``/home."""
        target = folder / "home"
        ignore = None if backups else shutil.ignore_patterns("backups")
        shutil.copytree(self.path, target, ignore=ignore)
        # Keyring entries are bound to the journal's folder (platform.keystore.keyring_entry):
        # the copy gets its own entry with the same key, or it would start locked.
        from ketajournal.platform.keystore import keyring_entry

        old, new = (keyring_entry(h, "").partition("@")[2] for h in (self.path, target))
        keys = json.loads(self.keyring.read_text())
        keys.update({name[: -len(old)] + new: value for name, value in keys.items()
                     if name.endswith("@" + old)})
        self.keyring.write_text(json.dumps(keys))
        return Home(target, self.keyring)

    def open(self) -> Any:
        """Open the journal in this process (a :class:`Journal`)."""
        from ketajournal.platform.paths import JournalPaths
        from ketajournal.services.opening import open_journal

        return open_journal(JournalPaths(self.path), JsonFileKeyStore(self.keyring),
                            create=False)


def child_env(platform: str, home: Home | None = None, **extra: str) -> dict[str, str]:
    """The environment of a measured child: our keyring, Qt platform, no stray home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KETAJOURNAL_")}
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p
    )
    env["PYTHON_KEYRING_BACKEND"] = KEYRING_BACKEND
    if home is not None:
        env["KETAJOURNAL_TEST_KEYRING"] = str(home.keyring)
    if platform == "offscreen":
        env["QT_QPA_PLATFORM"] = "offscreen"
    else:
        env.pop("QT_QPA_PLATFORM", None)
    env.update(extra)
    return env


def build_demo_home(folder: Path, days: int = TEN_YEARS_DAYS) -> Home:
    """A journal home filled by ``ketajournal demo --days N`` (as a user would)."""
    folder.mkdir(parents=True, exist_ok=True)
    home = Home(folder / "home", folder / "keyring.json")
    env = child_env("offscreen", home)
    subprocess.run(
        [PYTHON, "-m", "ketajournal", "demo", "--home", str(home.path), "--days", str(days)],
        env=env, check=True, capture_output=True, text=True, timeout=600,
    )
    return home


def run_worker(module: str, args: Sequence[str], env: dict[str, str],
               timeout: float = 600) -> dict[str, Any]:
    """Run ``python -m benchmarks.<module> args`` and return the JSON it printed last."""
    result = subprocess.run(
        [PYTHON, "-m", f"benchmarks.{module}", *args], env=env, capture_output=True,
        text=True, timeout=timeout, cwd=ROOT,
    )
    for line in reversed(result.stdout.splitlines()):
        if line.startswith("RESULT "):
            data: dict[str, Any] = json.loads(line[len("RESULT "):])
            return data
    raise RuntimeError(
        f"benchmarks.{module} {' '.join(args)} failed (exit {result.returncode}):\n"
        f"{result.stderr[-2000:]}"
    )


def emit(data: dict[str, Any]) -> None:
    """How a worker hands its result to the runner."""
    print("RESULT " + json.dumps(data), flush=True)


def clock() -> float:
    """Monotonic seconds."""
    return time.perf_counter()
