"""The Security dialog, the secret prompt and restoring from the window (pytest-qt).

Methods are called directly instead of running modal dialogs; questions are
answered by replacing ``ui.security.ask_yes_no`` / ``ask_secret`` / ``tell``.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from ketajournal.domain.models import MoodEntry
from ketajournal.platform import crypto
from ketajournal.platform.crypto import Argon2Params, RecoveryCode
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import keys as key_service
from ketajournal.services.backups import automatic_backup
from ketajournal.services.damage import JournalDamagedError
from ketajournal.services.journal import Change, Journal
from ketajournal.services.keys import key_from_secret, key_status
from ketajournal.services.opening import open_checked, open_journal, open_or_create
from ketajournal.services.portable import write_portable_backup
from ketajournal.services.settings import Settings
from ketajournal.storage.header import read_header
from ketajournal.ui import security, tasks
from ketajournal.ui.controller import JournalController
from ketajournal.ui.security import RestoreFromFile, SecretDialog, SecurityDialog
from tests.support.fixtures import open_window
from tests.support.keyrings import MemoryKeyring

PASSPHRASE = "correct horse battery staple"
NEW_PASSPHRASE = "a brand new long passphrase"
SENTINEL = "SENTINEL-security-41c7"


@pytest.fixture(autouse=True)
def fast_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "ARGON2_DEFAULT", Argon2Params(memory_kib=8, iterations=1, lanes=1))


@pytest.fixture(autouse=True)
def synchronous_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tasks, "SYNCHRONOUS", True)


@dataclass
class Answers:
    """What the dialogs were asked and told, and how the tests answer."""

    yes: bool = True
    secret: str | None = None
    questions: list[str] = field(default_factory=list)
    told: list[tuple[str, bool]] = field(default_factory=list)
    asked_secret: list[str] = field(default_factory=list)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    given = Answers()

    def ask_yes_no(_parent: object, _title: str, text: str) -> bool:
        given.questions.append(text)
        return given.yes

    def ask_secret(_parent: object, message: str) -> str | None:
        given.asked_secret.append(message)
        secret, given.secret = given.secret, None  # answer once, then cancel
        return secret

    def tell(_parent: object, _title: str, text: str, *, problem: bool = False) -> None:
        given.told.append((text, problem))

    monkeypatch.setattr(security, "ask_yes_no", ask_yes_no)
    monkeypatch.setattr(security, "ask_secret", ask_secret)
    monkeypatch.setattr(security, "tell", tell)
    return given


@dataclass
class Opened:
    journal: Journal
    code: RecoveryCode
    paths: JournalPaths


@pytest.fixture
def opened(paths: JournalPaths, clock) -> Iterator[Opened]:
    result = open_or_create(paths, KeyringKeyStore(), clock=clock)
    assert result.new_recovery_code is not None
    result.journal.log(MoodEntry(at=clock() - timedelta(hours=1), mood=4, note=SENTINEL))
    yield Opened(result.journal, result.new_recovery_code, paths)
    with contextlib.suppress(Exception):  # already closed by a restore
        result.journal.close()


@pytest.fixture
def dialog(qtbot: QtBot, opened: Opened) -> SecurityDialog:
    window = SecurityDialog(JournalController(opened.journal), KeyringKeyStore())
    qtbot.addWidget(window)
    return window


def shown_text(dialog: SecurityDialog) -> str:
    parts = [label.text() for label in dialog.findChildren(QLabel)]
    parts += [edit.text() for edit in dialog.findChildren(QLineEdit)]
    return "\n".join(parts)


def type_new(dialog: SecurityDialog, new: str, again: str | None = None) -> None:
    dialog.new_passphrase.setText(new)
    dialog.repeat_passphrase.setText(new if again is None else again)


def test_the_dialog_shows_keyring_mode_and_offers_a_passphrase(dialog: SecurityDialog) -> None:
    assert "Keyring mode" in dialog.status.text()
    assert dialog.enable_button.isVisibleTo(dialog)
    assert not dialog.change_button.isVisibleTo(dialog)
    assert not dialog.disable_button.isVisibleTo(dialog)
    assert not dialog.current_passphrase.isVisibleTo(dialog)
    assert "was made on 2026-11-27" in dialog.recovery_status.text()
    for edit in (dialog.new_passphrase, dialog.repeat_passphrase, dialog.current_passphrase):
        assert edit.echoMode() == QLineEdit.EchoMode.Password


def test_a_short_or_mismatched_passphrase_is_refused_with_its_minimum(
    dialog: SecurityDialog, opened: Opened, answers: Answers
) -> None:
    header = opened.paths.header.read_bytes()
    type_new(dialog, "short")
    assert "At least 10 characters (5 so far)" in dialog.passphrase_message.text()
    assert dialog.enable_passphrase() is False
    assert "at least 10 characters" in dialog.error.text()
    type_new(dialog, PASSPHRASE, PASSPHRASE + "x")
    assert "not the same" in dialog.passphrase_message.text()
    assert dialog.enable_passphrase() is False
    assert "not the same" in dialog.error.text()
    assert answers.questions == []  # refused before asking anything
    assert opened.paths.header.read_bytes() == header


def test_turning_passphrase_mode_on_drops_the_keyring_copy(
    dialog: SecurityDialog, opened: Opened, answers: Answers, memory_keyring: MemoryKeyring,
    clock,
) -> None:
    type_new(dialog, PASSPHRASE)
    assert "match" in dialog.passphrase_message.text()
    answers.yes = False
    assert dialog.enable_passphrase() is False  # "Continue?" — No: nothing changes
    assert not key_status(opened.paths).passphrase_mode
    answers.yes = True
    assert dialog.enable_passphrase() is True
    assert key_status(opened.paths).passphrase_mode
    assert memory_keyring.passwords == {}
    assert "Passphrase mode" in dialog.status.text()
    assert dialog.change_button.isVisibleTo(dialog) and dialog.disable_button.isVisibleTo(dialog)
    assert dialog.new_passphrase.text() == "" and dialog.repeat_passphrase.text() == ""
    assert PASSPHRASE not in shown_text(dialog)
    journal = open_journal(opened.paths, KeyringKeyStore(), PASSPHRASE, create=False, clock=clock)
    journal.close()


def test_changing_the_passphrase_needs_the_current_one(
    dialog: SecurityDialog, opened: Opened, answers: Answers
) -> None:
    type_new(dialog, PASSPHRASE)
    assert dialog.enable_passphrase()
    type_new(dialog, NEW_PASSPHRASE)
    assert dialog.change_passphrase() is False
    assert "current passphrase" in dialog.error.text()
    dialog.current_passphrase.setText("not the passphrase")
    type_new(dialog, NEW_PASSPHRASE)
    assert dialog.change_passphrase() is False
    assert "does not open this journal" in dialog.error.text()
    dialog.current_passphrase.setText(PASSPHRASE)
    type_new(dialog, NEW_PASSPHRASE)
    assert dialog.change_passphrase() is True
    header = read_header(opened.paths.header)
    key_from_secret(header, NEW_PASSPHRASE)
    with pytest.raises(Exception, match="does not open"):
        key_from_secret(header, PASSPHRASE)
    assert dialog.current_passphrase.text() == ""
    assert NEW_PASSPHRASE not in shown_text(dialog)


def test_switching_back_to_the_keyring(
    dialog: SecurityDialog, opened: Opened, answers: Answers, memory_keyring: MemoryKeyring
) -> None:
    type_new(dialog, PASSPHRASE)
    assert dialog.enable_passphrase()
    assert dialog.disable_passphrase() is True
    assert not key_status(opened.paths).passphrase_mode
    assert len(memory_keyring.passwords) == 1
    assert "Keyring mode" in dialog.status.text()
    assert dialog.enable_button.isVisibleTo(dialog)


def test_a_new_recovery_key_is_shown_once_and_retires_the_old_one(
    dialog: SecurityDialog, opened: Opened, answers: Answers
) -> None:
    shown: list[RecoveryCode] = []
    dialog.show_recovery_key = shown.append
    answers.yes = False
    assert dialog.new_recovery_key() is None and shown == []
    answers.yes = True
    code = dialog.new_recovery_key()
    assert code is not None and shown == [code]
    header = read_header(opened.paths.header)
    key_from_secret(header, str(code))
    with pytest.raises(Exception, match="does not open"):
        key_from_secret(header, str(opened.code))
    assert str(code) not in shown_text(dialog)  # only the confirming dialog shows it


def test_auto_lock_minutes_are_stored_on_close_and_announced(
    qtbot: QtBot, opened: Opened
) -> None:
    controller = JournalController(opened.journal)
    window = SecurityDialog(controller, KeyringKeyStore())
    qtbot.addWidget(window)
    assert window.auto_lock.value() == 15
    assert window.auto_lock.specialValueText() == "Off"
    changes: list[Change] = []
    controller.changed.connect(changes.append)
    window.auto_lock.setValue(0)
    window.reject()  # the Close button
    assert Settings(opened.journal).get("security.auto_lock_minutes") == 0
    assert [c.kinds for c in changes] == [frozenset({"settings"})]
    assert window.save_auto_lock() is False  # unchanged: nothing written again


def test_the_secret_prompt_hides_what_is_typed(qtbot: QtBot) -> None:
    prompt = SecretDialog("The system keyring holds no key for this journal.")
    qtbot.addWidget(prompt)
    assert prompt.secret.echoMode() == QLineEdit.EchoMode.Password
    assert not prompt.ok_button.isEnabled()
    prompt.secret.setText("K7QF")
    assert prompt.ok_button.isEnabled() and prompt.text() == "K7QF"


# -- restoring from the window --------------------------------------------------------


@dataclass
class FakeWindow:
    """What RestoreFromFile needs from the main window: close and reopen the journal."""

    opened: Opened
    events: list[str] = field(default_factory=list)
    reopened: Journal | None = None

    def close_journal(self) -> None:
        self.events.append("closed")
        self.opened.journal.close()

    def reopen(self, secret: str) -> None:
        self.events.append("reopened")
        self.reopened = open_checked(
            self.opened.paths, KeyringKeyStore(), secret or None, create=False
        ).journal


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_restore_from_a_file_checks_first_asks_then_swaps_and_reopens(
    qtbot: QtBot, opened: Opened, answers: Answers, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    backup = tmp_path / "backup.zip"
    write_portable_backup(opened.journal, backup)
    opened.journal.log(MoodEntry(at=opened.journal.now(), mood=9))  # after the backup
    memory_keyring.passwords.clear()  # the keyring lost the key: a secret is needed
    fake = FakeWindow(opened)
    parent = SecretDialog("parent")
    qtbot.addWidget(parent)
    flow = RestoreFromFile(parent, opened.paths, KeyringKeyStore(),
                           close_journal=fake.close_journal, reopen=fake.reopen)

    flow.start(backup)  # asks for a secret; the user cancels
    assert len(answers.asked_secret) == 1 and fake.events == []

    answers.secret = str(opened.code)
    answers.yes = False
    flow.start(backup)  # checked with the recovery key, then "Restore it?" — No
    assert fake.events == [] and "holds 1 entry;" in answers.questions[-1]
    assert not [p for p in opened.paths.home.iterdir() if p.name.startswith(".restore-")]

    answers.secret = str(opened.code)
    answers.yes = True
    flow.start(backup)
    assert fake.events == ["closed", "reopened"]
    assert fake.reopened is not None
    try:
        assert [m.mood for m in fake.reopened.moods()] == [4]
    finally:
        fake.reopened.close()
    (aside,) = (opened.paths.home / "backups").glob("before-restore-*")
    moved = open_journal(JournalPaths(aside), KeyringKeyStore(), str(opened.code), create=False)
    try:  # the replaced journal is whole, with the entry made after the backup
        assert sorted(m.mood for m in moved.moods()) == [4, 9]
    finally:
        moved.close()
    text, problem = answers.told[-1]
    assert not problem and "Restored 1 entry" in text and SENTINEL not in text
    assert len(memory_keyring.passwords) == 1  # the key is back in the keyring


def test_a_wrong_secret_for_the_backup_asks_again_and_changes_nothing(
    qtbot: QtBot, opened: Opened, answers: Answers, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    backup = tmp_path / "backup.zip"
    write_portable_backup(opened.journal, backup)
    memory_keyring.passwords.clear()
    fake = FakeWindow(opened)
    parent = SecretDialog("parent")
    qtbot.addWidget(parent)
    flow = RestoreFromFile(parent, opened.paths, KeyringKeyStore(),
                           close_journal=fake.close_journal, reopen=fake.reopen)
    answers.secret = "not the recovery key"
    flow.start(backup)
    assert len(answers.asked_secret) == 2
    assert "does not open this backup" in answers.asked_secret[1]
    assert fake.events == [] and answers.questions == []


def test_the_damaged_journal_question_restores_only_on_yes(
    qtbot: QtBot, opened: Opened, answers: Answers, tmp_path: Path, clock
) -> None:
    automatic_backup(opened.journal)
    opened.journal.close()
    with opened.paths.database.open("r+b") as handle:
        handle.write(b"\0" * 4096)  # page 1 gone
    damaged = digest(opened.paths.database)
    with pytest.raises(JournalDamagedError) as info:
        open_checked(opened.paths, KeyringKeyStore(), clock=clock)
    answers.yes = False
    assert security.offer_backup_restore(None, info.value, KeyringKeyStore()) is False
    assert "Restore the backup from" in answers.questions[-1]
    assert "is damaged" in answers.questions[-1]
    assert digest(opened.paths.database) == damaged
    answers.yes = True
    assert security.offer_backup_restore(None, info.value, KeyringKeyStore()) is True
    assert "Restored" in answers.told[-1][0]
    again = open_checked(opened.paths, KeyringKeyStore(), clock=clock)
    try:
        assert [m.note for m in again.journal.moods()] == [SENTINEL]
    finally:
        again.journal.close()


# -- the window (once the main_window.py / app.py code from the issue 5 reply is in) ---


def _window_has_restore() -> bool:
    from ketajournal.ui.operations import FileOperations

    return hasattr(FileOperations, "restore_from_file")


needs_window = pytest.mark.skipif(
    not _window_has_restore(), reason="main_window.py does not have the backup actions yet"
)


@pytest.fixture
def window(qtbot: QtBot, opened: Opened, clock) -> Iterator[object]:
    def unlock(secret: str) -> Journal:
        return open_checked(opened.paths, KeyringKeyStore(), secret or None, create=False,
                            clock=clock).journal

    win = open_window(qtbot, opened.journal, unlock=unlock, keys=KeyringKeyStore())
    yield win
    if win.controller is not None:
        win.controller.journal.close()


@needs_window
def test_the_file_menu_backs_up_and_restores_and_the_demo_has_neither(
    qtbot: QtBot, window, opened: Opened, answers: Answers, tmp_path: Path
) -> None:
    from ketajournal.ui.main_window import MainWindow

    menus = window.menus
    assert menus.backup_file_action.isEnabled() and menus.restore_file_action.isEnabled()
    target = tmp_path / "backup.zip"
    window.files.back_up_to_file(target)
    assert target.exists() and "Backed up" in window.statusBar().currentMessage()
    window.controller.log(MoodEntry(at=opened.journal.now(), mood=9))  # after the backup
    window.files.restore_from_file(target)
    assert "Restored" in answers.told[-1][0]
    assert window.controller is not None  # unlocked again, on the restored journal
    assert [m.mood for m in window.controller.journal.moods()] == [4]
    demo = MainWindow(JournalController(window.controller.journal), demo=True)
    qtbot.addWidget(demo)
    assert not demo.menus.backup_file_action.isEnabled()
    assert not demo.menus.restore_file_action.isEnabled()


@needs_window
def test_locking_with_commands_on_the_undo_stack_raises_nothing(
    qtbot: QtBot, window, opened: Opened
) -> None:
    window.controller.log(MoodEntry(at=opened.journal.now(), mood=6))
    assert window.controller.undo_stack.count() == 1
    window.lock()
    assert window.controller is None


@needs_window
def test_a_new_auto_lock_time_takes_effect_at_once(window, opened: Opened) -> None:
    assert window.idle.timer.interval() == 15 * 60_000 and window.idle.timer.isActive()
    dialog = SecurityDialog(window.controller, KeyringKeyStore(), window)
    dialog.auto_lock.setValue(2)
    dialog.reject()
    assert window.idle.timer.interval() == 2 * 60_000 and window.idle.timer.isActive()
    dialog = SecurityDialog(window.controller, KeyringKeyStore(), window)
    dialog.auto_lock.setValue(0)
    dialog.reject()
    assert not window.idle.timer.isActive()


def test_the_app_offers_the_backup_for_a_damaged_journal_at_start(
    qtbot: QtBot, opened: Opened, answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from PySide6.QtWidgets import QApplication, QMessageBox

    from ketajournal import app

    automatic_backup(opened.journal)
    opened.journal.close()
    with opened.paths.database.open("r+b") as handle:
        handle.write(b"\0" * 4096)
    damaged = digest(opened.paths.database)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(QApplication, "exec", lambda _self: 0)
    critical: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: critical.append(text))
    answers.yes = False
    assert app.run_gui(str(opened.paths.home)) == 1
    assert "is damaged" in critical[-1] and digest(opened.paths.database) == damaged
    answers.yes = True
    assert app.run_gui(str(opened.paths.home)) == 0
    assert "Restored" in answers.told[-1][0]
    (aside,) = (opened.paths.home / "backups").glob("damaged-*")
    assert digest(aside / "journal.db") == damaged


def test_the_recovery_key_page_is_never_saved_inside_the_journal_home(
    qtbot: QtBot, journal: Journal, tmp_path: Path
) -> None:
    from ketajournal.ui.recovery import RecoveryKeyDialog

    dialog = RecoveryKeyDialog(crypto.new_recovery_code(), home=journal.paths)
    qtbot.addWidget(dialog)
    inside = journal.paths.home / "recovery-key.pdf"
    assert not dialog.save_pdf(inside)
    assert not inside.exists() and "inside the journal's folder" in dialog.message.text()
    outside = tmp_path / "recovery-key.pdf"
    assert dialog.save_pdf(outside) and outside.stat().st_size > 0


def test_security_shows_a_warning_when_the_chosen_keyring_keeps_keys_in_clear(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import keyring

    plaintext = pytest.importorskip("keyrings.alt.file")
    from ketajournal.ui.security import SecurityDialog

    calm = SecurityDialog(JournalController(journal), KeyringKeyStore())
    qtbot.addWidget(calm)
    assert calm.keyring_warning.isHidden()
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    keyring.set_keyring(plaintext.PlaintextKeyring())  # the conftest puts its own back
    warned = SecurityDialog(JournalController(journal), KeyringKeyStore())
    qtbot.addWidget(warned)
    assert not warned.keyring_warning.isHidden()
    assert "plain file" in warned.keyring_warning.text()


def test_restoring_an_older_backup_offers_to_keep_the_current_recovery_key(
    qtbot: QtBot, opened: Opened, answers: Answers, tmp_path: Path
) -> None:
    backup = tmp_path / "backup.zip"
    write_portable_backup(opened.journal, backup)
    new_code = key_service.rotate_recovery_key(opened.journal)
    fake = FakeWindow(opened)
    parent = SecretDialog("parent")
    qtbot.addWidget(parent)
    flow = RestoreFromFile(parent, opened.paths, KeyringKeyStore(),
                           close_journal=fake.close_journal, reopen=fake.reopen)
    answers.yes = True
    flow.start(backup)  # "Restore it?" Yes, then "Keep your current recovery key?" Yes
    assert "older than your journal's current recovery key" in answers.questions[-1]
    assert fake.reopened is not None
    fake.reopened.close()
    header = read_header(opened.paths.header)
    assert key_service.key_from_secret(header, str(new_code))
    with pytest.raises(key_service.WrongSecretError):
        key_service.key_from_secret(header, str(opened.code))
    assert "keeps the current recovery key" in answers.told[-1][0]
