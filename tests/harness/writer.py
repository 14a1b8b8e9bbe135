"""A writer process for the crash harness: the real code path, reporting only after COMMIT.

It opens the journal with :func:`ketajournal.services.opening.open_journal` (the
key from the keyring named by ``PYTHON_KEYRING_BACKEND`` — the harness uses the
file-backed test keyring) and then writes forever: single entries
(:meth:`Journal.log`), edits (:meth:`Journal.update`), batches
(:meth:`Journal.log_all`), imports of JSON exports
(:func:`ketajournal.services.exchange.import_path`, which backs up first) and
backups (:mod:`ketajournal.services.backups`), until it is killed.

Every line it prints to stdout is one of::

    OPENED                              the journal is open (migrated if it was old)
    BEGIN <op>                          an operation starts (for the kill statistics)
    INTENT <token> <fp>,<fp>,...        about to add entries <token>#0, #1, ... (not saved yet)
    ACK <token> <kind>:<id>,...         they were added: the call returned after COMMIT
    UINTENT <token>#<i> <fp>            about to change entry <token>#<i> to content <fp>
    UACK <token>#<i>                    the change returned after COMMIT
    BACKUP <file name>                  a verified backup was written
    REFUSED <op> <message>              a backup or import was refused with a message
    DONE <op>                           the operation returned

Each entry's note starts with ``[<token>#<i>]``, so the checker finds every row's
origin; ``<fp>`` is :func:`fingerprint` of the entry's content (every field but
its id, the session link given by the linked session's token). A line is written
only after the call it reports on returned: the checker holds the journal to
every ACK and accepts anything in an INTENT as "may or may not be there".

Run alone (as the harness's ``--exec`` mode does)::

    PYTHON_KEYRING_BACKEND=tests.support.keyrings.FileKeyring \\
    KETAJOURNAL_TEST_KEYRING=keyring.json python -m tests.harness.writer HOME --child 1
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import random
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta, timezone
from enum import StrEnum
from pathlib import Path
from typing import Any

from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.models import (
    Assessment,
    BloodPressure,
    Entry,
    Event,
    EventKind,
    MoodEntry,
    Phase,
    Route,
    Session,
    SideEffect,
    SideEffectCategory,
)
from ketajournal.domain.timeutil import local_day, to_iso
from ketajournal.errors import KnownError
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import backups, exchange, import_matching
from ketajournal.services.journal import EXPORT_FORMAT, EXPORT_VERSION, Journal
from ketajournal.services.opening import open_journal
from ketajournal.storage.migrations import SCHEMA_VERSION

#: Operations and how often a writer picks each.
OPERATIONS: dict[str, int] = {"log": 55, "update": 10, "batch": 15, "import": 8, "backup": 12}
NO_LINK = "-"
_BASE = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)
_ZONES = [timezone(timedelta(hours=h, minutes=m)) for h, m in ((0, 0), (1, 0), (-5, 0), (5, 30))]


def fingerprint(entry: Entry, link: str = NO_LINK) -> str:
    """A short hash of everything an entry says but its id; ``link`` names its session."""
    parts = [*import_matching.entry_key(entry, ignore_link=True), link]
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def marker(token: str, index: int) -> str:
    """The note prefix that names an entry's origin."""
    return f"[{token}#{index}]"


class EntryMaker:
    """Random but valid entries of every kind, each marked with its token."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def time(self) -> datetime:
        minutes = self.rng.randrange(0, 200 * 24 * 60)
        return (_BASE + timedelta(minutes=minutes)).astimezone(self.rng.choice(_ZONES))

    def note(self, mark: str) -> str:
        size = self.rng.choice((0, 0, 10, 40, 300, 3000))  # some spill into overflow pages
        body = "".join(self.rng.choice("abcdefgh ijk'\"é🙂\n") for _ in range(size))
        return f"{mark} {body}"

    def entry(self, mark: str, kind: str | None = None, session_id: int | None = None) -> Entry:
        rng = self.rng
        kind = kind or rng.choice(("mood", "mood", "mood", "session", "side_effect", "event",
                                   "assessment"))
        at, note = self.time(), self.note(mark)
        maybe = lambda low, high: rng.choice((None, rng.randint(low, high)))  # noqa: E731
        if kind == "mood":
            return MoodEntry(at=at, note=note, mood=rng.randint(0, 10), anxiety=maybe(0, 10),
                             energy=maybe(0, 10),
                             sleep_hours=rng.choice((None, round(rng.uniform(0, 24), 2))))
        if kind == "session":
            bp = lambda: rng.choice(  # noqa: E731
                (None, BloodPressure(rng.randint(120, 200), rng.randint(50, 110))))
            return Session(at=at, note=note, route=rng.choice(list(Route)),
                           phase=rng.choice(list(Phase)),
                           dose_mg=rng.choice((None, round(rng.uniform(1, 200), 1))),
                           weight_kg=rng.choice((None, round(rng.uniform(40, 150), 1))),
                           clinic=rng.choice(("", "Clinic A", "Nord 'b'")),
                           dissociation=maybe(0, 10), bp_before=bp(), bp_after=bp())
        if kind == "side_effect":
            category = rng.choice(list(SideEffectCategory))
            other = "tingling" if category is SideEffectCategory.OTHER else ""
            return SideEffect(at=at, note=note, category=category, severity=rng.randint(0, 10),
                              other_text=other, duration_minutes=maybe(1, 600),
                              session_id=session_id)
        if kind == "event":
            return Event(at=at, note=note, event_kind=rng.choice(list(EventKind)))
        instrument = INSTRUMENTS[rng.choice(sorted(INSTRUMENTS))]
        answers = tuple(rng.randint(0, 3) for _ in instrument.items)
        difficulty = rng.randint(0, 3) if instrument.extra is not None else None
        return Assessment(at=at, note=note, instrument_id=instrument.id, answers=answers,
                          difficulty=difficulty)

    def edited(self, entry: Entry, mark: str) -> Entry:
        """The same entry (same id, same marker) with other content."""
        changes: dict[str, Any] = {"note": self.note(mark), "at": self.time()}
        if isinstance(entry, MoodEntry):
            changes["mood"] = self.rng.randint(0, 10)
        return dataclasses.replace(entry, **changes)


def export_item(entry: Entry, source_id: int, session_source: int | None) -> dict[str, Any]:
    """``entry`` as an item of a JSON export (docs/export-json.md)."""
    data: dict[str, Any] = {"id": source_id, "at": to_iso(entry.at),
                            "day": local_day(entry.at).isoformat()}
    for field in dataclasses.fields(entry):
        if field.name in ("id", "at"):
            continue
        value = getattr(entry, field.name)
        if field.name == "session_id":
            value = session_source
        elif isinstance(value, BloodPressure):
            value = {"systolic": value.systolic, "diastolic": value.diastolic}
        elif isinstance(value, StrEnum):
            value = value.value
        elif isinstance(value, datetime):
            value = to_iso(value)
        elif isinstance(value, tuple):
            value = list(value)
        data[field.name] = value
    return data


@dataclasses.dataclass
class Writer:
    """One writer: what it has saved, so it can edit its own entries and link sessions."""

    journal: Journal
    child: int
    rng: random.Random
    emit: Callable[[str], None]
    workdir: Path
    seq: int = 0
    #: Acknowledged entries: marker → (token#i, entry with id, link token).
    saved: dict[str, tuple[Entry, str]] = dataclasses.field(default_factory=dict)
    last_session: tuple[int, str] | None = None

    def token(self) -> str:
        self.seq += 1
        return f"c{self.child}.{self.seq}"

    def run(self, operations: int | None = None) -> None:
        names, weights = list(OPERATIONS), list(OPERATIONS.values())
        done = 0
        while operations is None or done < operations:
            op = self.rng.choices(names, weights)[0]
            self.emit(f"BEGIN {op}")
            try:
                getattr(self, f"op_{op}")()
            except KnownError as error:
                if op not in ("backup", "import"):
                    raise  # a write the user would see fail: the harness reports it
                # Refused with a message, nothing written (the checker holds it to that).
                self.emit(f"REFUSED {op} " + " ".join(str(error).split())[:200])
            self.emit(f"DONE {op}")
            done += 1

    def _intent(self, token: str, items: Sequence[tuple[Entry, str]]) -> None:
        self.emit(f"INTENT {token} " + ",".join(fingerprint(e, link) for e, link in items))

    def op_log(self) -> None:
        token = self.token()
        maker = EntryMaker(self.rng)
        kind = self.rng.choice(("mood", "mood", "session", "side_effect", "event", "assessment"))
        link = NO_LINK
        session_id = None
        if kind == "side_effect" and self.last_session and self.rng.random() < 0.7:
            session_id, link = self.last_session
        entry = maker.entry(marker(token, 0), kind, session_id)
        self._intent(token, [(entry, link)])
        saved, _ = self.journal.log(entry)
        assert saved.id is not None
        self.emit(f"ACK {token} {saved.kind}:{saved.id}")
        self.saved[f"{token}#0"] = (saved, link)
        if isinstance(saved, Session):
            self.last_session = (saved.id, f"{token}#0")

    def op_update(self) -> None:
        if not self.saved:
            return self.op_log()
        name = self.rng.choice(sorted(self.saved))
        entry, link = self.saved[name]
        token, index = name.split("#")
        edited = EntryMaker(self.rng).edited(entry, marker(token, int(index)))
        self.emit(f"UINTENT {name} {fingerprint(edited, link)}")
        self.journal.update(edited)
        self.emit(f"UACK {name}")
        self.saved[name] = (edited, link)
        return None

    def _batch(self, size: int) -> tuple[str, list[Entry], dict[int, int], list[str]]:
        token = self.token()
        maker = EntryMaker(self.rng)
        entries: list[Entry] = []
        session_of: dict[int, int] = {}
        links: list[str] = []
        sessions: list[int] = []
        for index in range(size):
            entry = maker.entry(marker(token, index))
            link = NO_LINK
            if isinstance(entry, SideEffect) and sessions:
                session_of[index] = self.rng.choice(sessions)
                link = f"{token}#{session_of[index]}"
            if isinstance(entry, Session):
                sessions.append(index)
            entries.append(entry)
            links.append(link)
        return token, entries, session_of, links

    def op_batch(self) -> None:
        token, entries, session_of, links = self._batch(self.rng.randint(2, 40))
        self._intent(token, list(zip(entries, links, strict=True)))
        change = self.journal.log_all(entries, session_of)
        self.emit(f"ACK {token} " + ",".join(
            f"{e.kind}:{i}" for e, i in zip(entries, change.ids, strict=True)))

    def op_import(self) -> None:
        token, entries, session_of, links = self._batch(self.rng.randint(1, 30))
        document: dict[str, Any] = {
            "format": EXPORT_FORMAT, "version": EXPORT_VERSION,
            "schema_version": SCHEMA_VERSION, "entries": {},
        }
        for index, entry in enumerate(entries):
            source = session_of.get(index)
            document["entries"].setdefault(entry.kind, []).append(
                export_item(entry, index + 1, None if source is None else source + 1))
        source = self.workdir / f"{token}.json"
        source.write_text(json.dumps(document), encoding="utf-8")
        self._intent(token, list(zip(entries, links, strict=True)))
        result = exchange.import_path(self.journal, source)
        if result.total_added != len(entries):
            raise AssertionError(f"import added {result.total_added} of {len(entries)}")
        # An import adds kind by kind, so its ids are not in the file's order: the
        # checker finds the entries by their markers.
        self.emit(f"ACK {token} " + ",".join(f"?:{i}" for i in result.change.ids))
        source.unlink()

    def op_backup(self) -> None:
        if self.rng.random() < 0.2:
            made = backups.automatic_backup(self.journal).made
        else:
            made = (backups.backup_before(self.journal, "crash"),)
        for path in made:
            self.emit(f"BACKUP {path.name}")


def run_child(home: Path, child: int, seed: int, workdir: Path,
              emit: Callable[[str], None], operations: int | None = None) -> None:
    """Open the journal at ``home`` and write until killed (or ``operations`` are done)."""
    journal = open_journal(JournalPaths(home), KeyringKeyStore(), create=False)
    emit("OPENED")
    try:
        Writer(journal, child, random.Random(seed), emit, workdir).run(operations)
    finally:
        journal.close()


def stdout_emitter(fd: int = 1) -> Callable[[str], None]:
    """Write whole lines to ``fd`` (stdout) with one unbuffered ``write`` each."""

    def emit(line: str) -> None:
        data = (line + "\n").encode("utf-8")
        while data:
            data = data[os.write(fd, data):]

    return emit


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m tests.harness.writer HOME --child N [--seed S] [--operations N]``."""
    parser = argparse.ArgumentParser(prog="python -m tests.harness.writer")
    parser.add_argument("home", type=Path)
    parser.add_argument("--child", type=int, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--operations", type=int, help="stop after N (default: until killed)")
    args = parser.parse_args(argv)
    os.umask(0o077)
    workdir = args.workdir or args.home.parent
    run_child(args.home, args.child, args.seed, workdir, stdout_emitter(), args.operations)
    return 0


if __name__ == "__main__":
    sys.exit(main())
