"""Security in the window: the Security dialog, the secret prompt, restoring backups.

* :class:`SecurityDialog` shows how the key is kept (``key_status``) and changes
  it: passphrase mode on, a new passphrase, back to the keyring, a new recovery
  key (shown once in :class:`~ketajournal.ui.recovery.RecoveryKeyDialog`), and the
  auto-lock minutes. Every key change is a service call that writes and
  verifies the header before anything else is removed (docs/security.md).
* :func:`ask_secret` is the small prompt for the recovery key or passphrase.
* :class:`RestoreFromFile` is File → Restore from a backup file…: the backup is
  checked in the background while the journal stays open; only after the user
  confirms is the journal closed, the backup put in place, and the window
  unlocked on it.
* :func:`offer_backup_restore` asks "Your journal file is damaged … Restore the
  backup from <date>?" and restores it.

Nothing here shows a passphrase, a key or entry text in a message.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ketajournal import APP_TITLE
from ketajournal.domain.dates import format_date_time
from ketajournal.errors import KnownError
from ketajournal.platform.crypto import RecoveryCode
from ketajournal.platform.keystore import KeyStore, clear_text_warning
from ketajournal.platform.paths import JournalPaths, SetAside
from ketajournal.services import keys as key_service
from ketajournal.services.damage import JournalDamagedError
from ketajournal.services.keys import (
    MIN_PASSPHRASE_LENGTH,
    NeedsSecretError,
    WrongSecretError,
    key_status,
)
from ketajournal.services.repair import restore_from_home_backup
from ketajournal.services.restore import (
    PreparedRestore,
    finish_restore,
    older_secrets,
    prepare_restore,
)
from ketajournal.services.settings import SETTINGS, Settings
from ketajournal.translation import translator
from ketajournal.ui.appearance import set_style
from ketajournal.ui.controller import JournalController
from ketajournal.ui.recovery import RecoveryKeyDialog
from ketajournal.ui.tasks import run_task

tr = translator("Security")

AUTO_LOCK = "security.auto_lock_minutes"
ERROR_STYLE = "color: $danger;"


# -- small questions (module functions, so tests can answer them) ---------------------


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """A Yes/No question; No is the default."""
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(parent, title, text, buttons.Yes | buttons.No, buttons.No)
    return answer == buttons.Yes


def tell(parent: QWidget | None, title: str, text: str, *, problem: bool = False) -> None:
    """An information (or warning) message."""
    if problem:
        QMessageBox.warning(parent, title, text)
    else:
        QMessageBox.information(parent, title, text)


class SecretDialog(QDialog):
    """Asks for the recovery key or the passphrase; the text is never shown."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Recovery key or passphrase"))
        text = QLabel(message)
        text.setWordWrap(True)
        text.setAccessibleName(tr("Why the recovery key or passphrase is needed"))
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(tr("Passphrase or recovery key"))
        self.secret.setAccessibleName(tr("Passphrase or recovery key"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.secret.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t)))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.secret)
        layout.addWidget(buttons)
        self.resize(520, 160)

    def text(self) -> str:
        """What was typed."""
        return self.secret.text()


def ask_secret(parent: QWidget | None, message: str) -> str | None:
    """Ask for the recovery key or passphrase; None if the user cancels."""
    dialog = SecretDialog(message, parent)
    try:
        if dialog.exec() and dialog.text():
            return dialog.text()
        return None
    finally:
        dialog.secret.clear()
        dialog.deleteLater()


# -- the Security dialog --------------------------------------------------------------


class SecurityDialog(QDialog):
    """How the journal's key is kept, and the changes a patient can make to it.

    Key changes apply at once (each has its button); the auto-lock minutes are
    stored when the dialog closes. ``show_recovery_key`` shows a new code (the
    confirming dialog by default; tests replace it).
    """

    def __init__(
        self,
        controller: JournalController,
        keys: KeyStore,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Security"))
        self.controller = controller
        self.keys = keys
        self.settings = Settings(controller.journal)
        self.show_recovery_key: Callable[[RecoveryCode], Any] = self._show_recovery_key
        self.paths = controller.journal.paths

        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(tr("How the key is kept"))
        key_box = QGroupBox(tr("Key"))
        key_layout = QVBoxLayout(key_box)
        key_layout.addWidget(self.status)
        #: Shown when the keyring the user chose keeps the key in a plain file.
        self.keyring_warning = QLabel("")
        self.keyring_warning.setWordWrap(True)
        self.keyring_warning.setAccessibleName(tr("Keyring warning"))
        warning = clear_text_warning()
        self.keyring_warning.setText(
            tr("Warning: {warning}.").format(warning=warning) if warning else "")
        self.keyring_warning.setVisible(bool(warning))
        key_layout.addWidget(self.keyring_warning)

        self.current_passphrase = self._password(tr("Current passphrase or recovery key"))
        self.new_passphrase = self._password(tr("New passphrase"))
        self.repeat_passphrase = self._password(tr("New passphrase again"))
        for edit in (self.new_passphrase, self.repeat_passphrase):
            edit.textChanged.connect(self._hint)
        form = self._passphrase_form = QFormLayout()
        form.addRow(tr("C&urrent passphrase or recovery key"), self.current_passphrase)
        form.addRow(tr("&New passphrase"), self.new_passphrase)
        form.addRow(tr("&Again"), self.repeat_passphrase)
        self.passphrase_message = QLabel("")
        self.passphrase_message.setWordWrap(True)
        self.passphrase_message.setAccessibleName(tr("Passphrase message"))
        self.enable_button = QPushButton(tr("Use this &passphrase"))
        self.enable_button.clicked.connect(self.enable_passphrase)
        self.change_button = QPushButton(tr("&Change the passphrase"))
        self.change_button.clicked.connect(self.change_passphrase)
        self.disable_button = QPushButton(
            tr("Stop using a passphrase: keep the key in the &keyring"))
        self.disable_button.clicked.connect(self.disable_passphrase)
        self.passphrase_intro = QLabel("")
        self.passphrase_intro.setWordWrap(True)
        passphrase_box = QGroupBox(tr("Passphrase"))
        passphrase_layout = QVBoxLayout(passphrase_box)
        passphrase_layout.addWidget(self.passphrase_intro)
        passphrase_layout.addLayout(form)
        passphrase_layout.addWidget(self.passphrase_message)
        row = QHBoxLayout()
        row.addWidget(self.enable_button)
        row.addWidget(self.change_button)
        row.addStretch(1)
        row.addWidget(self.disable_button)
        passphrase_layout.addLayout(row)

        self.recovery_status = QLabel("")
        self.recovery_status.setWordWrap(True)
        self.rotate_button = QPushButton(tr("Make a new &recovery key…"))
        self.rotate_button.clicked.connect(self.new_recovery_key)
        recovery_box = QGroupBox(tr("Recovery key"))
        recovery_layout = QHBoxLayout(recovery_box)
        recovery_layout.addWidget(self.recovery_status, 1)
        recovery_layout.addWidget(self.rotate_button)

        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(0, 24 * 60)
        self.auto_lock.setSuffix(tr(" minutes"))
        self.auto_lock.setSpecialValueText(tr("Off"))
        self.auto_lock.setAccessibleName(tr("Lock after this many idle minutes (0 = off)"))
        self.auto_lock.setToolTip(SETTINGS[AUTO_LOCK].text())
        self.auto_lock.setValue(int(self.settings.get(AUTO_LOCK)))
        lock_box = QGroupBox(tr("Locking"))
        lock_form = QFormLayout(lock_box)
        lock_form.addRow(tr("&Lock after idle"), self.auto_lock)

        self.error = QLabel("")
        self.error.setWordWrap(True)
        set_style(self.error, ERROR_STYLE)
        self.error.setAccessibleName(tr("Security message"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (key_box, passphrase_box, recovery_box, lock_box, self.error):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.resize(640, 520)
        self.refresh()

    @staticmethod
    def _password(name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(name)
        return edit

    # -- state --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the key status and the controls that apply to it."""
        try:
            status = key_status(self.paths)
        except KnownError as error:
            self.status.setText(str(error))
            for widget in (self.enable_button, self.change_button, self.disable_button,
                           self.rotate_button):
                widget.setEnabled(False)
            self._fit()
            return
        self.passphrase_mode = status.passphrase_mode
        if status.passphrase_mode:
            cost = status.argon2
            detail = "" if cost is None else tr(
                " (Argon2id, {mib} MiB, %n pass(es))", n=cost.iterations
            ).format(mib=cost.memory_kib // 1024)
            self.status.setText(
                tr("Passphrase mode: the key is not in the system keyring. ketajournal asks "
                   "for your passphrase{detail} or your recovery key when it starts and after "
                   "it locks.").format(detail=detail)
            )
            self.passphrase_intro.setText(
                tr("To change the passphrase, type the current one (or the recovery key) and "
                   "the new one twice.")
            )
        else:
            self.status.setText(
                tr("Keyring mode: the key is kept in your system keyring, so the journal opens "
                   "without a question while you are logged in. Programs running as you can "
                   "read the keyring; a passphrase keeps the journal closed to them.")
            )
            self.passphrase_intro.setText(
                tr("A passphrase of at least %n character(s) (a few unrelated words) replaces "
                   "the keyring: the journal then opens only with it or with the recovery key.",
                   n=MIN_PASSPHRASE_LENGTH)
            )
        self.current_passphrase.setVisible(status.passphrase_mode)
        label = self._passphrase_form.labelForField(self.current_passphrase)
        if label is not None:
            label.setVisible(status.passphrase_mode)
        self.enable_button.setVisible(not status.passphrase_mode)
        self.change_button.setVisible(status.passphrase_mode)
        self.disable_button.setVisible(status.passphrase_mode)
        self.enable_button.setEnabled(status.has_recovery_key)
        self.rotate_button.setEnabled(True)
        if status.has_recovery_key:
            made = (tr(" on {day}").format(day=status.recovery_created)
                    if status.recovery_created else "")
            self.recovery_status.setText(
                tr("Your recovery key was made{made}. A new one replaces it: the old one stops "
                   "opening the journal (backups made before keep it).").format(made=made)
            )
        else:
            self.recovery_status.setText(
                tr("This journal has no recovery key yet. Make one now: it is the way back if "
                   "the keyring or the passphrase is lost.")
            )
        self._hint()
        self._fit()

    def _fit(self) -> None:
        """Grow to the height the wrapped texts need (German, a keyring warning)."""
        needed = self.heightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _hint(self) -> None:
        new, again = self.new_passphrase.text(), self.repeat_passphrase.text()
        if not new and not again:
            self.passphrase_message.setText("")
        elif len(new) < MIN_PASSPHRASE_LENGTH:
            self.passphrase_message.setText(
                tr("At least %n character(s) ({typed} so far).", n=MIN_PASSPHRASE_LENGTH)
                .format(typed=len(new))
            )
        elif again and new != again:
            self.passphrase_message.setText(tr("The two passphrases are not the same yet."))
        elif new == again:
            self.passphrase_message.setText(tr("The passphrases match."))
        else:
            self.passphrase_message.setText(tr("Type the new passphrase again."))

    def _new_passphrase(self) -> str | None:
        """The new passphrase if both fields agree and it is long enough; else say why."""
        new, again = self.new_passphrase.text(), self.repeat_passphrase.text()
        try:
            key_service.check_passphrase(new)
        except KnownError as error:
            self.error.setText(str(error))
            return None
        if new != again:
            self.error.setText(tr("The two passphrases are not the same. Nothing was changed."))
            return None
        return new

    def _clear_fields(self) -> None:
        for edit in (self.current_passphrase, self.new_passphrase, self.repeat_passphrase):
            edit.clear()

    def _run(self, work: Callable[[], Any], done: str) -> bool:
        """Run a key change with a busy cursor (Argon2id takes a moment); report the outcome."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            work()
        except KnownError as error:
            self.error.setText(str(error))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.error.setText("")
        self._clear_fields()
        self.refresh()
        self.passphrase_message.setText(done)
        return True

    # -- actions ------------------------------------------------------------------------
    def enable_passphrase(self) -> bool:
        """Switch to passphrase mode with the typed passphrase (after a confirmation)."""
        passphrase = self._new_passphrase()
        if passphrase is None:
            return False
        if not ask_yes_no(
            self,
            tr("Use a passphrase?"),
            tr("From now on the journal opens only with this passphrase or with your recovery "
               "key; the key is removed from the system keyring. If you lose both, nobody can "
               "open the journal. Continue?"),
        ):
            return False
        journal = self.controller.journal
        return self._run(
            lambda: key_service.enable_passphrase(journal, self.keys, passphrase),
            tr("Passphrase mode is on. The key is no longer in the system keyring."),
        )

    def change_passphrase(self) -> bool:
        """Replace the passphrase; needs the current passphrase or the recovery key."""
        current = self.current_passphrase.text()
        if not current:
            self.error.setText(
                tr("Type your current passphrase or your recovery key first. Nothing was "
                   "changed.")
            )
            return False
        passphrase = self._new_passphrase()
        if passphrase is None:
            return False
        journal = self.controller.journal
        return self._run(
            lambda: key_service.change_passphrase(journal, passphrase, current=current),
            tr("The passphrase was changed. The old one no longer opens the journal."),
        )

    def disable_passphrase(self) -> bool:
        """Go back to keyring mode (after a confirmation)."""
        if not ask_yes_no(
            self,
            tr("Keep the key in the keyring?"),
            tr("The key goes back into your system keyring and the passphrase stops opening "
               "the journal; it then opens without a question while you are logged in. "
               "Continue?"),
        ):
            return False
        journal = self.controller.journal
        return self._run(
            lambda: key_service.disable_passphrase(journal, self.keys),
            tr("The key is in the system keyring again; the passphrase no longer opens the "
               "journal."),
        )

    def new_recovery_key(self) -> RecoveryCode | None:
        """Make a new recovery key (after a confirmation) and show it once."""
        if not ask_yes_no(
            self,
            tr("Make a new recovery key?"),
            tr("Your current recovery key will stop opening this journal (backups made before "
               "keep opening with it). The new one is shown once: have paper ready. Continue?"),
        ):
            return None
        made: list[RecoveryCode] = []
        journal = self.controller.journal
        if not self._run(lambda: made.append(key_service.rotate_recovery_key(journal)), ""):
            return None
        self.show_recovery_key(made[0])
        self.passphrase_message.setText("")
        return made[0]

    def _show_recovery_key(self, code: RecoveryCode) -> None:
        RecoveryKeyDialog(code, self, home=self.controller.journal.paths).exec()

    def save_auto_lock(self) -> bool:
        """Store the auto-lock minutes if they changed; the window restarts its idle timer."""
        value = self.auto_lock.value()
        if value == self.settings.get(AUTO_LOCK):
            return False
        try:
            self.settings.set(AUTO_LOCK, value)
        except KnownError as error:
            self.error.setText(str(error))
            return False
        self.controller.notify(self.controller.settings_changed())
        return True

    def done(self, result: int) -> None:
        """Closing stores the auto-lock minutes and forgets every typed secret."""
        self.save_auto_lock()
        self._clear_fields()
        super().done(result)


# -- restoring a backup file ----------------------------------------------------------


class RestoreFromFile(QObject):
    """File → Restore from a backup file…, with progress and a confirmation.

    ``close_journal`` closes the open journal and clears the views (the
    window's lock); ``reopen(secret)`` opens the journal at the home again
    (``""``: the keyring), as unlocking does. The backup is checked while the
    journal stays open; nothing is moved until the user confirms.
    """

    def __init__(
        self,
        parent: QWidget,
        paths: JournalPaths,
        keys: KeyStore,
        *,
        close_journal: Callable[[], None],
        reopen: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self.window = parent
        self.paths = paths
        self.keys = keys
        self.close_journal = close_journal
        self.reopen = reopen

    def start(self, source: Path, secret: str | None = None) -> None:
        """Check ``source`` in the background, then continue in :meth:`checked`."""
        run_task(
            self.window,
            tr("Checking the backup…"),
            lambda: prepare_restore(self.paths, source, self.keys, secret, force=True),
            lambda prepared, error: self.checked(source, secret, prepared, error),
        )

    def checked(
        self,
        source: Path,
        secret: str | None,
        prepared: PreparedRestore | None,
        error: BaseException | None,
    ) -> None:
        """Ask for a secret if needed; else confirm, swap the files and reopen."""
        if isinstance(error, NeedsSecretError | WrongSecretError):
            typed = ask_secret(self.window, str(error))
            if typed:
                self.start(source, typed)
            return
        if isinstance(error, KnownError | OSError):
            tell(self.window, tr("Restore failed"), _safe_error(error), problem=True)
            return
        if error is not None:
            raise error
        assert prepared is not None
        question = tr(
            "The backup was made {made} and holds %n entry(s); it opens with its key and "
            "passed its integrity check.\n\n"
            "Restoring it closes your journal and moves its files to {folder} (nothing is "
            "deleted); the backup takes their place. Entries made since the backup will only "
            "be in the moved files. Restore it?", n=prepared.total,
        ).format(made=format_date_time(prepared.made.astimezone()),
                 folder=self.paths.set_aside_pattern(SetAside.BEFORE_RESTORE))
        if not ask_yes_no(self.window, tr("Restore this backup?"), question):
            prepared.discard()
            return
        older = older_secrets(self.paths, prepared.header)
        keep = older is not None and ask_yes_no(self.window, *_keep_question(older))
        self.close_journal()
        try:
            result = finish_restore(prepared, self.keys, force=True, keep_current_secrets=keep)
        except (KnownError, OSError) as failure:
            tell(self.window, tr("Restore failed"), _safe_error(failure), problem=True)
            self.reopen("")
            return
        # The secret opened the backup; re-wrapped under the current ones it may not open
        # the restored journal: the keyring, or else the unlock prompt, does.
        self.reopen("" if result.kept_secrets else secret or "")
        tell(self.window, tr("Backup restored"), result.summary())


def offer_backup_restore(
    parent: QWidget | None, error: JournalDamagedError, keys: KeyStore
) -> bool:
    """Ask whether to restore the backup ``error`` offers, and restore it; True if done.

    Nothing happens without a Yes: the damaged files stay as they are.
    """
    offer = error.offer
    if offer is None:
        return False
    question = tr("{problem}\n\nRestore the backup from {made}?").format(
        problem=error, made=format_date_time(offer.made.astimezone()))
    if not ask_yes_no(parent, tr("{app}: your journal is damaged").format(app=APP_TITLE),
                      question):
        return False
    try:
        result = restore_from_home_backup(error.paths, offer.backup, offer.key, keys=keys)
    except (KnownError, OSError) as failure:
        tell(parent, tr("{app}: restore failed").format(app=APP_TITLE), _safe_error(failure),
             problem=True)
        return False
    tell(parent, tr("{app}: backup restored").format(app=APP_TITLE), result.summary())
    return True


def _safe_error(error: BaseException) -> str:
    if isinstance(error, KnownError):
        return str(error)
    reason = getattr(error, "strerror", None) or type(error).__name__
    return tr("The files could not be read or written ({reason}). Nothing was changed.").format(
        reason=reason)


def _keep_question(older: str) -> tuple[str, str]:
    """Whether to keep the newer ``older`` secrets (``older_secrets``): title and text."""
    detail = tr("Yes: the backup is re-wrapped under them, and a key you replaced since stays "
                "revoked.\nNo: the restored journal opens with the recovery key and passphrase "
                "it had when the backup was made.")
    questions = {
        "recovery key": (tr("Keep your current recovery key?"), tr(
            "This backup is older than your journal's current recovery key. Keep the current "
            "recovery key for the restored journal?")),
        "passphrase": (tr("Keep your current passphrase?"), tr(
            "This backup is older than your journal's current passphrase. Keep the current "
            "passphrase for the restored journal?")),
    }
    title, text = questions.get(older) or (
        tr("Keep your current recovery key and passphrase?"),
        tr("This backup is older than your journal's current recovery key and passphrase. "
           "Keep them for the restored journal?"))
    return title, f"{text}\n\n{detail}"
