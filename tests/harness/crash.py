"""Crash-safety harness: kill writers with SIGKILL at random moments, then prove nothing was lost.

Each round starts a few writer processes (:mod:`tests.harness.writer`) on one
journal. They use the real code path — ``open_journal`` with the file-backed test
keyring, ``Journal.log`` / ``update`` / ``log_all``, ``exchange.import_path``,
``services.backups`` — and print an entry's id and content fingerprint only after
the call returned, that is after COMMIT. The harness reads those lines and kills
each writer with SIGKILL: after a random delay, right after its k-th
acknowledgement, or in the middle of a backup or an import. In *migration* rounds
the journal is a fresh copy of a fixture at an old schema version
(``tests/fixtures/journals``), so the kill often lands while it is being backed
up and migrated.

After every round, with every writer dead, it checks:

* the file as the kill left it: ``PRAGMA integrity_check`` and foreign keys are
  ok, and a journal killed during its migration is at the old version with the old
  tables (still usable by the old version) or at the current one — nothing between;
* the journal opens through ``open_journal`` (migrating it if needed);
* every acknowledged entry is there with its id and exactly its content; every
  other entry is one a writer announced (INTENT) with exactly that content; a batch
  or import that was not acknowledged is there completely or not at all; the
  fixture's own entries are unchanged;
* every backup in ``<home>/backups`` opens with the key and passes its integrity
  check and row counts (``verify_backup``).

Writers are forked from this process by default (an interpreter start per kill
would make 1,000 kills take many minutes); ``--exec`` starts each with
``python -m tests.harness.writer`` instead. Run::

    python -m tests.harness.crash --kills 1000

The exit status is 0 only when no acknowledged entry was lost and every check
held; ``--json`` prints the figures as JSON.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import random
import re
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
KEYRING_BACKEND = "tests.support.keyrings.FileKeyring"

#: How a writer's death is chosen (weights), for work rounds.
STRATEGIES = {"time": 40, "after-ack": 30, "in-backup": 15, "in-import": 15}
MIGRATION_SHARE = 0.25
#: Share of rounds whose write-ahead log is then damaged, on a copy (see _check_damaged_log).
WAL_DAMAGE_SHARE = 0.3
#: How the copy's log is damaged (weights).
WAL_DAMAGES = {"flip-frame": 50, "cut": 35, "flip-header": 15}
ROUNDS_PER_HOME = 6
MAX_DELAY_S = 0.08
MIGRATION_DELAY_S = 0.04
EXEC_STARTUP_S = 0.25
GIVE_UP_S = 5.0
_MARK = re.compile(r"^\[(c\d+\.\d+)#(\d+)\]")


def _use_file_keyring(path: Path) -> None:
    """Point this process (and every writer it starts) at the file-backed test keyring."""
    os.environ["PYTHON_KEYRING_BACKEND"] = KEYRING_BACKEND
    os.environ["KETAJOURNAL_TEST_KEYRING"] = str(path)
    import keyring

    from tests.support.keyrings import FileKeyring

    keyring.set_keyring(FileKeyring())


# -- what the writers said ----------------------------------------------------------------


@dataclass
class Expected:
    """What one entry (``token#i``) may look like in the journal."""

    fingerprints: set[str]
    required: bool = False
    entry_id: int | None = None
    kind: str | None = None


@dataclass
class Model:
    """Everything the writers announced and acknowledged for one journal home."""

    entries: dict[str, Expected] = field(default_factory=dict)
    batches: dict[str, int] = field(default_factory=dict)
    acknowledged_batches: set[str] = field(default_factory=set)
    pending_updates: dict[str, str] = field(default_factory=dict)
    backups: list[str] = field(default_factory=list)
    #: Fixture rows (migration rounds): table → id → row digest.
    fixture: dict[str, dict[str, str]] = field(default_factory=dict)
    fixture_version: int | None = None

    def feed(self, line: str, stats: Stats) -> None:
        """Apply one line of a writer's output."""
        word, _, rest = line.partition(" ")
        if word == "INTENT":
            token, fps = rest.split(" ", 1)
            prints = fps.split(",")
            self.batches[token] = len(prints)
            for index, fp in enumerate(prints):
                self.entries[f"{token}#{index}"] = Expected({fp})
        elif word == "ACK":
            token, ids = rest.split(" ", 1)
            self.acknowledged_batches.add(token)
            pairs = ids.split(",")
            if len(pairs) != self.batches[token]:
                raise HarnessError(f"ACK of {token} names {len(pairs)} entries")
            for index, pair in enumerate(pairs):
                kind, entry_id = pair.split(":")
                expected = self.entries[f"{token}#{index}"]
                expected.required = True
                if kind != "?":  # imports add kind by kind: ids not in file order
                    expected.kind, expected.entry_id = kind, int(entry_id)
            stats.acknowledged += len(pairs)
        elif word == "UINTENT":
            name, fp = rest.split(" ")
            self.entries[name].fingerprints.add(fp)
            self.pending_updates[name] = fp
        elif word == "UACK":
            fp = self.pending_updates.pop(rest)
            self.entries[rest].fingerprints = {fp}
            stats.acknowledged_updates += 1
        elif word == "BACKUP":
            self.backups.append(rest)
            stats.acknowledged_backups += 1
        elif word == "REFUSED":
            op, _, message = rest.partition(" ")
            # File names carry a time stamp: keep the message's shape only.
            stats.refused[f"{op}: " + re.sub(r"\.?[\w-]+\.db[.\w]*", "<file>", message)] += 1
        elif word not in ("OPENED", "BEGIN", "DONE", "ERROR"):
            raise HarnessError(f"unknown line from a writer: {line[:80]!r}")


class HarnessError(Exception):
    """The harness itself went wrong (not a finding about the journal)."""


@dataclass
class Stats:
    """The figures of a campaign."""

    kills: int = 0
    rounds: int = 0
    migration_rounds: int = 0
    writers: int = 0
    exec_mode: bool = False
    kills_during: Counter[str] = field(default_factory=Counter)
    strategies: Counter[str] = field(default_factory=Counter)
    acknowledged: int = 0
    acknowledged_updates: int = 0
    acknowledged_backups: int = 0
    committed_unacknowledged: int = 0
    rolled_back_unacknowledged: int = 0
    migrations_left_at_old_version: int = 0
    migrations_completed_before_kill: int = 0
    backups_verified: int = 0
    unfinished_backup_files: int = 0
    lost: int = 0
    changed: int = 0
    partial_batches: int = 0
    unknown_rows: int = 0
    integrity_failures: int = 0
    open_failures: int = 0
    backup_failures: int = 0
    writer_errors: int = 0
    #: Rounds whose log was damaged on a copy: reported as damage, opened with every
    #: acknowledged entry, or opened with acknowledged entries missing (a failure).
    wal_damaged: Counter[str] = field(default_factory=Counter)
    wal_damage_reported: int = 0
    wal_damage_harmless: int = 0
    lost_unreported: int = 0
    #: Logs found damaged right after a kill (storage/wal.py): with synchronous=FULL a
    #: false alarm or a real loss, a failure either way; the journal is then opened
    #: with what its log replays (as restore --accept-damaged-log would) and compared.
    damaged_logs_after_kill: int = 0
    #: Backups and imports refused with a message (nothing written), by message.
    refused: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failures(self) -> int:
        """Findings that mean the journal was not crash-safe."""
        return (self.lost + self.changed + self.partial_batches + self.unknown_rows
                + self.integrity_failures + self.open_failures + self.backup_failures
                + self.writer_errors + self.lost_unreported + self.damaged_logs_after_kill)

    @property
    def ok(self) -> bool:
        """True when every check held after every kill."""
        return self.failures == 0

    def problem(self, text: str) -> None:
        if len(self.problems) < 50:
            self.problems.append(text)

    def as_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["kills_during"] = dict(sorted(self.kills_during.items()))
        data["strategies"] = dict(sorted(self.strategies.items()))
        data["refused"] = dict(self.refused.most_common())
        data["wal_damaged"] = dict(sorted(self.wal_damaged.items()))
        data["failures"] = self.failures
        data["ok"] = self.ok
        return data

    def summary(self) -> str:
        during = ", ".join(f"{k} {n}" for k, n in sorted(self.kills_during.items()))
        lines = [
            f"kills run                        {self.kills} ({self.rounds} rounds of "
            f"{self.writers} writers, {self.migration_rounds} on a journal being migrated; "
            f"{'exec' if self.exec_mode else 'fork'} mode) in {self.seconds:.1f} s",
            f"killed during                    {during}",
            f"acknowledged entries             {self.acknowledged} "
            f"(+ {self.acknowledged_updates} edits, {self.acknowledged_backups} backups)",
            f"acknowledged entries lost        {self.lost}",
            f"entries changed or half-written  {self.changed}",
            f"partial batches or imports       {self.partial_batches}",
            f"rows nobody wrote                {self.unknown_rows}",
            f"integrity failures               {self.integrity_failures}",
            f"journals that did not open       {self.open_failures}",
            f"backups verified / failed        {self.backups_verified} / {self.backup_failures}",
            f"writer errors                    {self.writer_errors}",
            f"backups/imports refused          {sum(self.refused.values())} (with a message, "
            "nothing written)",
            *(f"    {n} x {message}" for message, n in self.refused.most_common(5)),
            f"migrations killed: left at old version {self.migrations_left_at_old_version}, "
            f"completed {self.migrations_completed_before_kill}",
            f"in flight at the kill: committed {self.committed_unacknowledged}, "
            f"rolled back {self.rolled_back_unacknowledged} (neither was acknowledged)",
            f"unfinished backup temp files left by kills: {self.unfinished_backup_files}",
            f"logs damaged after a kill        {sum(self.wal_damaged.values())} "
            f"({', '.join(f'{k} {n}' for k, n in sorted(self.wal_damaged.items()))}): "
            f"reported {self.wal_damage_reported}, opened with every acknowledged entry "
            f"{self.wal_damage_harmless}, acknowledged entries lost unreported "
            f"{self.lost_unreported}",
            f"logs found damaged right after a kill {self.damaged_logs_after_kill}",
        ]
        lines += [f"PROBLEM: {p}" for p in self.problems]
        lines.append("OK" if self.ok else f"FAILED: {self.failures} findings")
        return "\n".join(lines)


# -- writer processes ------------------------------------------------------------------------


@dataclass
class Child:
    """One running writer and what the harness knows of it."""

    number: int
    pid: int
    fd: int
    strategy: str
    kill_at: float | None
    ack_target: int = 0
    process: subprocess.Popen[bytes] | None = None
    buffer: bytes = b""
    acks: int = 0
    in_flight: str = "open"
    killed: bool = False
    eof: bool = False
    errors: list[str] = field(default_factory=list)


def _fork_writer(home: Path, number: int, seed: int, workdir: Path) -> tuple[int, int]:
    from tests.harness.writer import run_child, stdout_emitter

    read_fd, write_fd = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the writer
        code = 0
        try:
            os.close(read_fd)
            os.dup2(write_fd, 1)
            os.close(write_fd)
            run_child(home, number, seed, workdir, stdout_emitter(1))
        except BaseException as error:
            with contextlib.suppress(BaseException):
                import traceback

                where = " < ".join(f"{Path(f.filename).name}:{f.lineno}" for f in
                                   reversed(traceback.extract_tb(error.__traceback__)[-4:]))
                stdout_emitter(1)(f"ERROR {type(error).__name__}: {str(error)[:300]} at {where}")
            code = 3
        os._exit(code)
    os.close(write_fd)
    return pid, read_fd


def _exec_writer(
    home: Path, number: int, seed: int, workdir: Path
) -> tuple[subprocess.Popen[bytes], int]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.harness.writer", str(home), "--child", str(number),
         "--seed", str(seed), "--workdir", str(workdir)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=ROOT,
    )
    assert process.stdout is not None
    return process, process.stdout.fileno()


class Campaign:
    """Rounds of writers and kills, with the checks after each."""

    def __init__(self, root: Path, *, writers: int, seed: int, exec_mode: bool,
                 migration_share: float = MIGRATION_SHARE,
                 power: Callable[[str], None] | None = None,
                 keyring_file: Path | None = None,
                 wal_damage_share: float = WAL_DAMAGE_SHARE) -> None:
        self.root = root
        self.wal_damage_share = wal_damage_share
        #: With a lossy file system under ``root`` (tests/harness/powerloss.py): called
        #: with "sync" when a round's journal is set up and "cut" once its writers are
        #: killed, so each kill is also a power cut that drops every unsynced write.
        self.power = power
        self.writers = writers
        self.rng = random.Random(seed)
        self.exec_mode = exec_mode
        self.migration_share = migration_share
        self.stats = Stats(writers=writers, exec_mode=exec_mode)
        self.children = 0
        self.homes = 0
        self.home: Path | None = None
        self.model = Model()
        self.key = b""
        self.rounds_in_home = 0
        self.verified_backups: set[tuple[str, int, int]] = set()
        self.part_files: set[str] = set()
        self.workdir = root / "imports"
        self.workdir.mkdir(parents=True, exist_ok=True)
        _use_file_keyring(keyring_file or root / "keyring.json")

    # -- homes --
    def _new_home(self, fixture_version: int | None) -> None:
        from ketajournal.platform.keystore import SERVICE, KeyringKeyStore
        from ketajournal.platform.paths import JournalPaths
        from ketajournal.services.keys import unlock_key
        from ketajournal.services.opening import open_journal
        from tests.fixtures.make_journals import TEST_KEY_HEX, fixture_dir

        if self.home is not None and self.stats.ok:
            shutil.rmtree(self.home, ignore_errors=True)  # keep a failing one to look at
        self.homes += 1
        home = self.root / f"home-{self.homes}"
        self.model = Model()
        self.verified_backups = set()
        self.rounds_in_home = 0
        if fixture_version is None:
            open_journal(JournalPaths(home), KeyringKeyStore()).close()
        else:
            import keyring

            source = fixture_dir(fixture_version)
            home.mkdir(mode=0o700)
            for name in ("journal.db", "journal.header"):
                shutil.copyfile(source / name, home / name)
                (home / name).chmod(0o600)
            manifest = json.loads((source / "manifest.json").read_text("utf-8"))
            keyring.set_password(SERVICE, f"journal-{manifest['journal_id']}", TEST_KEY_HEX)
            self.model.fixture = manifest["entries"]
            self.model.fixture_version = fixture_version
        self.key = unlock_key(JournalPaths(home), KeyringKeyStore())
        self.home = home

    # -- one round --
    def run_round(self) -> None:
        from ketajournal.storage.migrations import SCHEMA_VERSION
        from tests.fixtures.make_journals import fixture_versions

        old = [v for v in fixture_versions() if v < SCHEMA_VERSION]
        migrating = bool(old) and self.rng.random() < self.migration_share
        if migrating:
            self._new_home(self.rng.choice(old))
            self.stats.migration_rounds += 1
        elif self.home is None or self.model.fixture_version is not None or (
            self.rounds_in_home >= ROUNDS_PER_HOME
        ):
            self._new_home(None)
        assert self.home is not None
        self.rounds_in_home += 1
        self.stats.rounds += 1
        if self.power is not None:
            self.power("sync")  # the set-up copies are not what is being tested
        children = [self._start(migrating) for _ in range(self.writers)]
        self._watch(children)
        if self.power is not None:
            self.power("cut")
        self._check(migrating)

    def _start(self, migrating: bool) -> Child:
        assert self.home is not None
        self.children += 1
        number, seed = self.children, self.rng.randrange(2**32)
        startup = EXEC_STARTUP_S if self.exec_mode else 0.0
        if migrating:
            strategy = "migration"
            delay: float | None = startup + self.rng.uniform(0, MIGRATION_DELAY_S)
        else:
            strategy = self.rng.choices(list(STRATEGIES), list(STRATEGIES.values()))[0]
            delay = startup + self.rng.uniform(0, MAX_DELAY_S) if strategy == "time" else None
        self.stats.strategies[strategy] += 1
        now = time.monotonic()
        if self.exec_mode:
            process, fd = _exec_writer(self.home, number, seed, self.workdir)
            pid = process.pid
        else:
            process = None
            pid, fd = _fork_writer(self.home, number, seed, self.workdir)
        os.set_blocking(fd, False)
        return Child(number, pid, fd, strategy,
                     None if delay is None else now + delay,
                     ack_target=self.rng.randint(1, 12), process=process)

    def _kill(self, child: Child) -> None:
        if child.killed:
            return
        child.killed = True
        if child.eof:
            return  # it had already ended on its own (an error, reported below)
        with contextlib.suppress(ProcessLookupError):
            os.kill(child.pid, signal.SIGKILL)
        self.stats.kills += 1
        self.stats.kills_during[child.in_flight] += 1

    def _line(self, child: Child, line: str) -> None:
        word, _, rest = line.partition(" ")
        if word == "ERROR":
            child.errors.append(rest)
            return
        self.model.feed(line, self.stats)
        if word == "OPENED":
            child.in_flight = "idle"
        elif word == "BEGIN":
            child.in_flight = rest
            if (child.strategy == "in-backup" and rest == "backup") or (
                child.strategy == "in-import" and rest == "import"
            ):
                child.kill_at = time.monotonic() + self.rng.uniform(0, 0.01)
        elif word == "DONE":
            child.in_flight = "idle"
        elif word in ("ACK", "UACK"):
            child.acks += 1
            if child.strategy == "after-ack" and child.acks >= child.ack_target:
                child.kill_at = time.monotonic() + self.rng.uniform(0, 0.002)

    def _read(self, child: Child) -> None:
        while True:
            try:
                data = os.read(child.fd, 65536)
            except BlockingIOError:
                return
            if not data:
                child.eof = True
                return
            child.buffer += data
            *lines, child.buffer = child.buffer.split(b"\n")
            for raw in lines:
                self._line(child, raw.decode("utf-8", "replace"))

    def _watch(self, children: list[Child]) -> None:
        selector = selectors.DefaultSelector()
        for child in children:
            selector.register(child.fd, selectors.EVENT_READ, child)
        give_up = time.monotonic() + GIVE_UP_S + (EXEC_STARTUP_S * 4 if self.exec_mode else 0)
        while not all(c.killed for c in children):
            now = time.monotonic()
            for child in children:
                if not child.killed and (
                    child.eof or now >= give_up
                    or (child.kill_at is not None and now >= child.kill_at)
                ):
                    if child.kill_at is None and not child.eof:
                        child.strategy += " (gave up waiting)"
                    self._kill(child)
            deadlines = [c.kill_at for c in children if not c.killed and c.kill_at is not None]
            timeout = max(0.0, min([*deadlines, give_up]) - time.monotonic())
            for key, _ in selector.select(timeout):
                self._read(key.data)
        # Every line written before a writer died is in its pipe: read to the end.
        for child in children:
            while not child.eof:
                selector_ready = selectors.DefaultSelector()
                selector_ready.register(child.fd, selectors.EVENT_READ)
                selector_ready.select(1.0)
                selector_ready.close()
                self._read(child)
            selector.unregister(child.fd)
            if child.process is not None:
                child.process.wait()
                child.process.stdout.close()  # type: ignore[union-attr]
            else:
                os.waitpid(child.pid, 0)
                os.close(child.fd)
            for error in child.errors:
                self.stats.writer_errors += 1
                self.stats.problem(f"writer c{child.number} failed: {error}")
        selector.close()

    # -- the checks --
    def _check(self, migrating: bool) -> None:
        assert self.home is not None
        if self.rng.random() < self.wal_damage_share:
            self._check_damaged_log()
        self._check_file_as_left(migrating)
        self._check_journal()
        self._check_backups()

    def _check_file_as_left(self, migrating: bool) -> None:
        """The file exactly as the kill left it, before anything opens it through the app."""
        from ketajournal.storage.connection import (
            WalDamagedError,
            connect,
            integrity_problems,
            schema_version,
        )
        from ketajournal.storage.database import pending_migrations
        from ketajournal.storage.handle import JournalDatabase
        from ketajournal.storage.migrations import SCHEMA_VERSION

        assert self.home is not None
        try:
            conn = connect(self.home / "journal.db", self.key)
        except WalDamagedError as error:
            self.stats.damaged_logs_after_kill += 1
            self.stats.problem(f"{self.home.name} after a kill: {error.report.reason}")
            conn = connect(self.home / "journal.db", self.key, check_log=False)
        db = JournalDatabase(conn)
        try:
            problems = integrity_problems(db)
            if problems:
                self.stats.integrity_failures += 1
                self.stats.problem(f"{self.home.name} after a kill: {problems[:3]}")
            if migrating:
                version = schema_version(db)
                pending = pending_migrations(db)
                if version == SCHEMA_VERSION and not pending:
                    self.stats.migrations_completed_before_kill += 1
                elif version == self.model.fixture_version and len(pending) == (
                    SCHEMA_VERSION - version
                ) and _tables(db) == _fixture_tables(version):
                    self.stats.migrations_left_at_old_version += 1
                else:
                    self.stats.integrity_failures += 1
                    self.stats.problem(
                        f"{self.home.name}: half-migrated (version {version}, pending {pending})"
                    )
        finally:
            db.close()

    def _check_damaged_log(self) -> None:
        """Damage the log of a copy of the home as the kill left it; any loss must be reported.

        The copy (journal file, log, index, header) is opened through ``open_checked``,
        as every command and the window open a journal: it must either report damage,
        or open with every acknowledged entry in it.
        """
        from ketajournal.platform.keystore import KeyringKeyStore, keyring_entry
        from ketajournal.platform.paths import JournalPaths
        from ketajournal.services.damage import JournalDamagedError
        from ketajournal.services.opening import open_checked
        from ketajournal.storage.header import read_header

        assert self.home is not None
        source = JournalPaths(self.home)
        wal = source.sidecars[0]
        if not wal.is_file() or wal.stat().st_size <= 32:
            self.stats.wal_damaged["no log to damage"] += 1
            return
        copy = JournalPaths(self.root / "damaged-log")
        shutil.rmtree(copy.home, ignore_errors=True)
        copy.home.mkdir(mode=0o700)
        for path in (*source.database_files, source.header):
            if path.is_file():
                shutil.copyfile(path, copy.home / path.name)
        # The keyring entry is bound to the folder: the copy gets the key under its own.
        keys = KeyringKeyStore()
        journal_id = read_header(source.header).journal_id
        key = keys.get(keyring_entry(source.home, journal_id))
        keys.delete(keyring_entry(copy.home, journal_id))
        if key is not None:
            keys.put(keyring_entry(copy.home, journal_id), key)
        how = self.rng.choices(list(WAL_DAMAGES), weights=list(WAL_DAMAGES.values()))[0]
        target = copy.sidecars[0]
        data = bytearray(target.read_bytes())
        if how == "cut":
            del data[self.rng.randrange(0, len(data)):]
        else:
            where = self.rng.randrange(0, 24) if how == "flip-header" else (
                self.rng.randrange(32, len(data)))
            data[where] ^= 1 << self.rng.randrange(8)
        target.write_bytes(bytes(data))
        self.stats.wal_damaged[how] += 1
        try:
            opened = open_checked(copy, keys, create=False, add_recovery_key=False)
        except JournalDamagedError:
            self.stats.wal_damage_reported += 1
            return
        try:
            found = self._found(opened.journal)
        finally:
            opened.journal.close()
        missing = [n for n, e in self.model.entries.items() if e.required and n not in found]
        if missing:
            self.stats.lost_unreported += len(missing)
            self.stats.problem(f"{self.home.name}, log damaged ({how}): {len(missing)} "
                               f"acknowledged entries gone unreported, e.g. {missing[0]}")
        else:
            self.stats.wal_damage_harmless += 1

    def _found(self, journal: Any) -> dict[str, tuple[str, int, str]]:
        """The writers' entries in ``journal``: marker → (kind, id, fingerprint)."""
        from ketajournal.domain.models import Session, SideEffect
        from ketajournal.storage.repository import KINDS
        from tests.harness.writer import NO_LINK, fingerprint

        found: dict[str, tuple[str, int, str]] = {}
        entries = {kind: journal.entries(kind) for kind in KINDS}  # each row validated
        session_marks = {
            s.id: m.group(0)[1:-1] if (m := _MARK.match(s.note)) else NO_LINK
            for s in entries[Session.kind]
        }
        for kind in KINDS:
            for entry in entries[kind]:
                match = _MARK.match(entry.note)
                if match is None:
                    continue  # a fixture's own entry: compared by digest in _check_journal
                name = f"{match.group(1)}#{match.group(2)}"
                link = NO_LINK
                if isinstance(entry, SideEffect) and entry.session_id is not None:
                    link = session_marks.get(entry.session_id, f"?{entry.session_id}")
                if name in found:
                    self.stats.unknown_rows += 1
                    self.stats.problem(f"{name} is in the journal twice")
                assert entry.id is not None
                found[name] = (kind, entry.id, fingerprint(entry, link))
        return found

    def _check_journal(self) -> None:
        from ketajournal.platform.keystore import KeyringKeyStore
        from ketajournal.platform.paths import JournalPaths
        from ketajournal.services.opening import open_journal
        from tests.fixtures.make_journals import fixture_columns, row_digest, selected_columns

        assert self.home is not None
        stats, model = self.stats, self.model
        try:
            journal = open_journal(JournalPaths(self.home), KeyringKeyStore(), create=False)
        except Exception as error:
            stats.open_failures += 1
            stats.problem(f"{self.home.name} does not open: {type(error).__name__}: {error}")
            return
        try:
            health = journal.check()
            if not health.ok:
                stats.integrity_failures += 1
                stats.problem(f"{self.home.name}: {health.problems[:3]}")
            compare(model, stats, self._found(journal))
            if model.fixture:
                db = journal._db
                # The fixture's own columns: a later migration's added ones are not its.
                old = fixture_columns(model.fixture_version) if model.fixture_version else None
                for table, digests in model.fixture.items():
                    rows = {str(r["id"]): row_digest(r) for r in db.query(
                        f"SELECT {selected_columns(old, table)} FROM {table} "
                        "WHERE note NOT LIKE '[c%'")}
                    for entry_id, digest in digests.items():
                        if rows.get(entry_id) != digest:
                            stats.lost += 1
                            stats.problem(f"fixture {table} {entry_id} lost or changed")
        finally:
            journal.close()

    def _check_backups(self) -> None:
        from ketajournal.storage.backup import BackupError, verify_backup

        assert self.home is not None
        folder = self.home / "backups"
        if not folder.is_dir():
            return
        self.part_files.update(str(p) for p in folder.glob(".*.part"))
        self.stats.unfinished_backup_files = len(self.part_files)
        for path in sorted(folder.glob("*.db")):
            status = path.stat()
            ident = (path.name, status.st_mtime_ns, status.st_size)
            if ident in self.verified_backups:
                continue
            try:
                verify_backup(path, self.key)
            except BackupError as error:
                self.stats.backup_failures += 1
                self.stats.problem(f"backup {path.name}: {error}")
            else:
                self.stats.backups_verified += 1
            self.verified_backups.add(ident)


def compare(model: Model, stats: Stats, found: dict[str, tuple[str, int, str]]) -> None:
    """Hold the journal's entries (marker → kind, id, fingerprint) to what the writers said.

    Afterwards the model holds what is now in the journal: an entry committed
    without its acknowledgement must stay, one that was rolled back must never
    appear.
    """
    for name in found.keys() - model.entries.keys():
        stats.unknown_rows += 1
        stats.problem(f"{name} is in the journal but no writer announced it")
    for name, expected in list(model.entries.items()):
        here = found.get(name)
        if here is None:
            if expected.required:
                stats.lost += 1
                stats.problem(f"acknowledged entry {name} is missing")
            else:  # announced, never committed: it must never appear later
                stats.rolled_back_unacknowledged += 1
                del model.entries[name]
            continue
        kind, entry_id, fp = here
        if fp not in expected.fingerprints:
            stats.changed += 1
            stats.problem(f"{name} has content nobody wrote")
        if expected.entry_id is not None and (kind, entry_id) != (
            expected.kind, expected.entry_id
        ):
            stats.changed += 1
            stats.problem(f"{name} moved from {expected.kind} {expected.entry_id}")
        if not expected.required:
            stats.committed_unacknowledged += 1
        # From now on it is in the journal: it must stay exactly so.
        expected.required = True
        expected.fingerprints = {fp}
        expected.kind, expected.entry_id = kind, entry_id
    model.pending_updates.clear()
    for token, size in list(model.batches.items()):
        present = sum(f"{token}#{i}" in found for i in range(size))
        if present not in (0, size):
            stats.partial_batches += 1
            stats.problem(f"batch {token}: {present} of {size} entries present")
        del model.batches[token]


def run_campaign(
    kills: int,
    *,
    writers: int = 2,
    seed: int = 1,
    root: Path | None = None,
    exec_mode: bool = False,
    migration_share: float = MIGRATION_SHARE,
    time_limit: float | None = None,
    power: Callable[[str], None] | None = None,
    keyring_file: Path | None = None,
    wal_damage_share: float = WAL_DAMAGE_SHARE,
) -> Stats:
    """Run rounds until ``kills`` writers were killed (or ``time_limit`` seconds passed)."""
    started = time.monotonic()
    with _workspace(root) as folder:
        campaign = Campaign(folder, writers=writers, seed=seed, exec_mode=exec_mode,
                            migration_share=migration_share, power=power,
                            keyring_file=keyring_file, wal_damage_share=wal_damage_share)
        while campaign.stats.kills < kills:
            campaign.run_round()
            if time_limit is not None and time.monotonic() - started > time_limit:
                campaign.stats.problem(f"stopped at the time limit of {time_limit:.0f} s")
                break
        campaign.stats.seconds = time.monotonic() - started
        if not campaign.stats.ok:
            campaign.stats.problem(f"journals kept for inspection in {folder}")
        return campaign.stats


@contextlib.contextmanager
def _workspace(root: Path | None) -> Iterator[Path]:
    if root is not None:
        root.mkdir(parents=True, exist_ok=True)
        yield root
        return
    folder = Path(tempfile.mkdtemp(prefix="ketajournal-crash-"))
    failed = True
    try:
        yield folder
        failed = False
    finally:
        if not failed:
            shutil.rmtree(folder, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m tests.harness.crash --kills 1000``."""
    parser = argparse.ArgumentParser(prog="python -m tests.harness.crash", description=__doc__
                                     .split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=1000, help="writers to kill (1000)")
    parser.add_argument("--writers", type=int, default=2, help="concurrent writers per round (2)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: random)")
    parser.add_argument("--exec", dest="exec_mode", action="store_true",
                        help="start each writer with python -m tests.harness.writer, not fork")
    parser.add_argument("--migration-share", type=float, default=MIGRATION_SHARE,
                        help="share of rounds on a journal being migrated (0.25)")
    parser.add_argument("--wal-damage-share", type=float, default=WAL_DAMAGE_SHARE,
                        help="share of rounds whose log is then damaged, on a copy (0.3)")
    parser.add_argument("--dir", type=Path, help="work here and keep the journals")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if os.name != "posix":
        parser.error("the harness needs POSIX signals (SIGKILL)")
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
    os.umask(0o077)
    stats = run_campaign(args.kills, writers=args.writers, seed=seed, root=args.dir,
                         exec_mode=args.exec_mode, migration_share=args.migration_share,
                         wal_damage_share=args.wal_damage_share)
    if args.json:
        print(json.dumps({"seed": seed, **stats.as_dict()}, indent=2))
    else:
        print(f"seed {seed}")
        print(stats.summary())
    return 0 if stats.ok else 1


def _tables(db: Any) -> set[str]:
    return {name for name in db.sqlite_utils.table_names() if not name.startswith("sqlite_")}


def _fixture_tables(version: int) -> set[str]:
    """The tables the fixture of ``version`` had: none of a later migration's may exist."""
    from tests.fixtures.make_journals import fixture_dir

    manifest = json.loads((fixture_dir(version) / "manifest.json").read_text("utf-8"))
    return set(manifest["counts"])


if __name__ == "__main__":
    sys.exit(main())

