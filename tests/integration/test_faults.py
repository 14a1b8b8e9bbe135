"""Resource faults and two programs at once: a full disk, a read-only journal, a second window.

A full disk is simulated with ``PRAGMA max_page_count`` (SQLite then fails the
write with SQLITE_FULL exactly as on a full filesystem), a read-only journal with
``PRAGMA query_only`` and — for real — with a 0400 file opened by a user that is
not root (root may write anyway). In each case the write is refused with
:class:`WriteFailedError` and a message, and nothing already saved changes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ketajournal.domain.models import Event, EventKind, MoodEntry, Phase, Route, Session
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import backups, exchange
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal
from ketajournal.storage.connection import WriteFailedError
from ketajournal.ui.dialogs import SessionDialog
from ketajournal.ui.main_window import MainWindow
from tests.support.clock import NOW, FixedClock
from tests.support.paths import ROOT
from tests.support.unprivileged import unprivileged_python

BIG_NOTE = "n" * 12_000  # needs overflow pages: never fits in what a full page has left


def fill_disk(journal: Journal) -> None:
    """From now on the journal cannot grow by a single page, like a full disk."""
    db = journal._db
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")


def make_read_only(journal: Journal) -> None:
    journal._db.execute("PRAGMA query_only = ON")


def saved_state(journal: Journal) -> str:
    return json.dumps(journal.export_document(), sort_keys=True)


@pytest.fixture
def used(journal: Journal, clock: FixedClock) -> Journal:
    """A journal with a few entries of each kind already saved."""
    for days in range(5):
        journal.log(MoodEntry(at=NOW - timedelta(days=days), mood=days + 3, note=f"day {days}"))
    journal.log(Session(at=NOW - timedelta(days=2), route=Route.IV, phase=Phase.INDUCTION,
                        dose_mg=35))
    journal.log(Event(at=NOW - timedelta(days=1), event_kind=EventKind.PSYCHOTHERAPY))
    return journal


# -- disk full ---------------------------------------------------------------------------


def test_disk_full_refuses_the_entry_with_a_message_and_changes_nothing(used: Journal) -> None:
    before = saved_state(used)
    fill_disk(used)
    with pytest.raises(WriteFailedError, match="the disk is full") as raised:
        used.log(MoodEntry(at=NOW, mood=7, note=BIG_NOTE))
    assert "Nothing already saved was changed" in str(raised.value)
    assert BIG_NOTE not in str(raised.value)  # never echo what was typed
    assert saved_state(used) == before
    assert used.check().ok
    # Space again: the same entry saves.
    used._db.execute("PRAGMA max_page_count = 1073741823")
    saved, _ = used.log(MoodEntry(at=NOW, mood=7, note=BIG_NOTE))
    assert used.get("mood", saved.id or 0) == saved


def test_disk_full_during_a_batch_writes_none_of_it(used: Journal) -> None:
    before = saved_state(used)
    fill_disk(used)
    batch = [MoodEntry(at=NOW - timedelta(minutes=i), mood=5, note=f"{i} {BIG_NOTE}")
             for i in range(20)]
    with pytest.raises(WriteFailedError, match="disk is full"):
        used.log_all(batch)
    assert saved_state(used) == before


def test_disk_full_during_an_edit_keeps_the_saved_version(used: Journal) -> None:
    (first, *_) = used.moods()
    before = saved_state(used)
    fill_disk(used)
    with pytest.raises(WriteFailedError, match="disk is full"):
        used.update(MoodEntry(id=first.id, at=first.at, mood=1, note=BIG_NOTE))
    assert saved_state(used) == before


def test_disk_full_during_an_import_imports_nothing(used: Journal, tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    other = open_journal(JournalPaths(tmp_path / "other"), KeyringKeyStore(),
                         clock=FixedClock())
    try:
        other.log_all([MoodEntry(at=NOW - timedelta(hours=i), mood=4, note=f"{i} {BIG_NOTE}")
                       for i in range(10)])
        other.export_json(export)
    finally:
        other.close()
    before = saved_state(used)
    fill_disk(used)
    with pytest.raises(WriteFailedError, match="disk is full"):
        exchange.import_path(used, export)
    assert saved_state(used) == before


# -- read-only ---------------------------------------------------------------------------


def test_read_only_journal_refuses_writes_with_a_message(used: Journal) -> None:
    before = saved_state(used)
    make_read_only(used)
    with pytest.raises(WriteFailedError, match="the journal is read-only"):
        used.log(MoodEntry(at=NOW, mood=7, note="typed"))
    with pytest.raises(WriteFailedError, match="read-only"):
        used.set_setting("clinical.questionnaire_interval_days", 7)
    assert saved_state(used) == before
    assert used.moods()  # reading still works


_READ_ONLY_SCRIPT = textwrap.dedent("""
    import json, os, sys
    from datetime import datetime, timezone
    from pathlib import Path
    import keyring
    from tests.support.keyrings import MemoryKeyring
    keyring.set_keyring(MemoryKeyring())
    from ketajournal.domain.models import MoodEntry
    from ketajournal.platform.keystore import KeyringKeyStore
    from ketajournal.platform.paths import JournalPaths
    from ketajournal.services.opening import open_journal
    from ketajournal.storage.connection import WriteFailedError
    paths = JournalPaths(Path(sys.argv[1]))
    at = datetime(2025, 1, 1, tzinfo=timezone.utc)
    journal = open_journal(paths, KeyringKeyStore())
    journal.log(MoodEntry(at=at, mood=5, note="saved before"))
    journal.close()
    os.chmod(paths.database, 0o400)
    journal = open_journal(paths, KeyringKeyStore())  # a fresh connection
    try:
        journal.log(MoodEntry(at=at, mood=6, note="typed"))
        message = None
    except WriteFailedError as error:
        message = str(error)
    notes = [m.note for m in journal.moods()]
    journal.close()
    print(json.dumps({"message": message, "notes": notes}))
""")


def test_a_0400_journal_opens_for_reading_and_refuses_writes_with_a_message() -> None:
    user = unprivileged_python(("keyring", "tests.support.keyrings",
                                "ketajournal.services.opening"))
    try:
        result = user.run("-c", _READ_ONLY_SCRIPT, str(user.folder / "home"))
        assert result.returncode == 0, result.stderr
        found = json.loads(result.stdout)
    finally:
        shutil.rmtree(user.folder, ignore_errors=True)
    assert "the journal is read-only" in found["message"]
    assert "Nothing already saved was changed" in found["message"]
    assert found["notes"] == ["saved before"]


# -- the window keeps what was typed -------------------------------------------------------


@pytest.fixture
def window_journal(used: Journal) -> Journal:
    return used

@pytest.mark.parametrize(
    ("fault", "message"), [(fill_disk, "the disk is full"), (make_read_only, "read-only")]
)
def test_today_keeps_the_typed_entry_and_says_why_when_saving_fails(
    qtbot: QtBot, window: MainWindow, used: Journal, fault: Callable[[Journal], None],
    message: str,
) -> None:
    before = saved_state(used)
    fault(used)
    today = window.today
    today.note.setPlainText(BIG_NOTE)
    today.mood_row.buttons[7].setFocus()
    qtbot.keyClick(today.mood_row.buttons[7], Qt.Key.Key_7)
    assert message in today.status.text()
    assert "Nothing already saved was changed" in today.status.text()
    assert not today.undo_button.isVisible()
    assert today.note.toPlainText() == BIG_NOTE  # still there to save again
    assert saved_state(used) == before


def test_a_session_dialog_stays_open_with_its_fields_when_the_disk_is_full(
    window: MainWindow, used: Journal
) -> None:
    before = saved_state(used)
    fill_disk(used)
    dialog = window.dialog_for("session")
    assert isinstance(dialog, SessionDialog)
    dialog.dose.set_optional(42)
    dialog.note.setPlainText(BIG_NOTE)
    dialog.accept()
    assert dialog.result() != 1
    assert "the disk is full" in dialog.error.text()
    assert dialog.note.toPlainText() == BIG_NOTE and dialog.dose.optional() == 42
    assert saved_state(used) == before


# -- two programs at once -----------------------------------------------------------------


_CONCURRENT_WRITER = textwrap.dedent("""
    import sys
    from ketajournal.cli import main
    home, process, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    for i in range(count):
        code = main(["--home", home, "log", "mood", str(i % 11), "--note", f"p{process}-{i}"])
        if code != 0:
            sys.exit(code)
""")


@pytest.mark.slow
def test_four_command_lines_logging_at_once_lose_nothing_and_corrupt_nothing(
    tmp_path: Path,
) -> None:
    """4 processes x 50 ``ketajournal log`` calls at once: 200 entries, each reported once."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KETAJOURNAL")}
    env.update(PYTHONPATH=str(ROOT), PYTHON_KEYRING_BACKEND="tests.support.keyrings.FileKeyring",
               KETAJOURNAL_TEST_KEYRING=str(tmp_path / "keyring.json"))
    home = tmp_path / "home"
    created = subprocess.run(
        [sys.executable, "-m", "ketajournal", "--home", str(home), "log", "event", "life-event",
         "--note", "first run"], env=env, capture_output=True, text=True, timeout=60)
    assert created.returncode == 0, created.stderr
    writers = [
        subprocess.Popen([sys.executable, "-c", _CONCURRENT_WRITER, str(home), str(p), "50"],
                         env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
        for p in range(4)
    ]
    outputs = [w.communicate(timeout=120) for w in writers]
    for writer, (_, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
    reported = [int(line.split()[3]) for out, _ in outputs for line in out.splitlines()
                if line.startswith("Saved mood entry")]
    assert len(reported) == 200 and len(set(reported)) == 200
    export = tmp_path / "export.json"
    for command in (["check"], ["export", "json", "-o", str(export)]):
        done = subprocess.run([sys.executable, "-m", "ketajournal", *command, "--home", str(home)],
                              env=env, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
    moods = json.loads(export.read_text(encoding="utf-8"))["entries"]["mood"]
    assert sorted(m["id"] for m in moods) == sorted(reported)
    assert {m["note"] for m in moods} == {f"p{p}-{i}" for p in range(4) for i in range(50)}


@pytest.mark.slow
def test_two_first_runs_at_once_make_one_journal_and_lose_nothing() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tests.harness.first_run", "--trials", "12", "--processes", "4"],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    totals = json.loads(result.stdout.strip().splitlines()[-1])
    assert totals == {"trials": 12, "writer_failures": 0, "unopenable": 0, "lost": 0}


# -- ketajournal check --deep ----------------------------------------------------------------


def _cli_has_deep_check() -> bool:
    from ketajournal.cli import build_parser

    return "--deep" in build_parser().format_help() or any(
        "--deep" in sub.format_help()
        for action in build_parser()._actions
        if isinstance(action, argparse._SubParsersAction)
        for name, sub in action.choices.items()
        if name == "check"
    )


@pytest.mark.skipif(not _cli_has_deep_check(), reason="cli.py has no check --deep yet")
def test_check_deep_on_the_command_line(
    used: Journal, paths: JournalPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    from ketajournal.cli import main

    backups.take_backup(used, "daily-20261127")
    home = str(paths.home)
    assert main(["check", "--home", home, "--deep"]) == 0
    out = capsys.readouterr().out
    assert "integrity    ok" in out and "backup       ok" in out and "first deep check" in out
    assert main(["check", "--home", home, "--accept-counts"]) == 2
    assert "accept-counts: goes with --deep" in capsys.readouterr().err
    for mood in used.moods():
        used.delete("mood", mood.id or 0)
    assert main(["check", "--home", home, "--deep"]) == 1
    assert "SUDDEN DROP: mood 5 -> 0" in capsys.readouterr().out
    assert main(["check", "--home", home, "--deep", "--accept-counts"]) == 0


