"""Composition root of the desktop app: paths, unlock, journal, window.

Only this module (and the CLI) knows every layer. It opens the journal through
the services, builds the window around a :class:`JournalController`, and turns
environment problems (no display, no keyring, a journal that cannot be opened)
into a plain message instead of a traceback. Unexpected errors reach a crash
dialog that shows the error type and where it happened, never message text
(which could contain journal content).
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from ketajournal import APP_ID, APP_NAME, APP_TITLE, __version__
from ketajournal.errors import KnownError
from ketajournal.platform.crypto import RecoveryCode
from ketajournal.platform.keystore import KeyringKeyStore, MemoryKeyStore
from ketajournal.platform.paths import JournalPaths, resolve_home
from ketajournal.services import demo as demo_data
from ketajournal.services.damage import JournalDamagedError
from ketajournal.services.journal import Journal
from ketajournal.services.keys import NeedsSecretError
from ketajournal.services.opening import OpenedJournal, open_checked, open_journal
from ketajournal.services.plans import Plans
from ketajournal.storage.instance import InstanceLock, acquire_instance_lock

if TYPE_CHECKING:
    from ketajournal.platform.notify import EventCallback, Notifier

log = logging.getLogger(__name__)

NO_DISPLAY_MESSAGE = (
    "ketajournal is a desktop app and found no display to open its window on "
    "(neither DISPLAY nor WAYLAND_DISPLAY is set). Start it from a graphical session. "
    "The commands (ketajournal log, check, export, ...) work without a display."
)


def display_problem(env: dict[str, str] | os._Environ[str] = os.environ) -> str | None:
    """Why no window can be shown here, or None.

    Without a display Qt aborts with a misleading message about libxcb-cursor0;
    this says what is actually wrong.
    """
    if sys.platform.startswith("linux") and not env.get("QT_QPA_PLATFORM"):
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            return NO_DISPLAY_MESSAGE
    return None


def open_demo_journal() -> tuple[Journal, Path]:
    """A fresh demo journal in a private temporary folder, keyed in memory only."""
    folder = Path(tempfile.mkdtemp(prefix="ketajournal-demo-"))
    journal = open_journal(JournalPaths(folder / "journal"), MemoryKeyStore())
    data = demo_data.generate(journal.now())
    journal.log_all(data.entries, data.session_of)
    if data.planned:
        Plans(journal).add_all(data.planned)
    return journal, folder


def run_gui(home: str | None = None, *, demo: bool = False, background: bool = False) -> int:
    """Open the window; returns the process exit code.

    With ``background`` (start at login) the window stays hidden and reminders run
    until a notification, the tray or a second start brings it forward. When the
    app already runs on this journal, a second start brings that window forward and
    returns 0.
    """
    problem = display_problem()
    if problem:  # the CLI says so before calling; this guards other callers
        log.error("%s", problem)
        return 1

    from PySide6.QtWidgets import QApplication, QMessageBox

    from ketajournal.ui.background import PING, SHOW, InstanceServer, hand_over, server_name
    from ketajournal.ui.controller import JournalController
    from ketajournal.ui.main_window import MainWindow
    from ketajournal.ui.recovery import RecoveryKeyDialog
    from ketajournal.ui.reminders import ask_about_reminders
    from ketajournal.ui.security import offer_backup_restore

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    from ketajournal.ui.resources import icon

    app.setWindowIcon(icon())
    sys.excepthook = _crash_handler

    paths = JournalPaths(resolve_home(home))
    keys = KeyringKeyStore()
    # One window per journal: a second start hands over to the running app (which
    # comes forward) before it opens anything, or is refused when that app does not
    # answer. The operating system drops the lock when this process ends, even on a crash.
    instance: InstanceLock | None = None
    if not demo:
        try:
            instance = acquire_instance_lock(paths.home)
        except KnownError as error:
            if hand_over(server_name(paths.home), PING if background else SHOW):
                return 0
            QMessageBox.warning(None, f"{APP_TITLE} cannot open your journal", str(error))
            return 1

    def open_or_repair(secret: str | None, *, create: bool, verify: bool) -> OpenedJournal:
        """Open and check the journal; if it is damaged, offer the newest verified backup.

        Without ``verify`` only the cheap checks run here (header, key, page 1, schema);
        the window runs the full check in the background once it is shown.
        """
        for _ in range(2):  # the restored backup is opened and checked again
            try:
                return open_checked(paths, keys, secret, create=create, verify=verify)
            except JournalDamagedError as error:
                if not offer_backup_restore(None, error, keys):
                    raise  # declined: the message says what happened; nothing was changed
        return open_checked(paths, keys, secret, create=create, verify=verify)

    def unlock(secret: str) -> Journal:
        # The lock screen passes "" to mean: try the keyring again. Unlocking is also
        # how a journal the background check found damaged is reopened, so it runs the
        # full check before anything is shown.
        opened = open_or_repair(secret or None, create=False, verify=True)
        if opened.new_recovery_code is not None:  # an old journal got its first one
            RecoveryKeyDialog(opened.new_recovery_code, None, home=paths).exec()
        return opened.journal

    demo_folder: Path | None = None
    journal: Journal | None = None
    new_code: RecoveryCode | None = None
    opened_new = False  # this start created the journal
    locked_because: str | None = None
    try:
        if demo:
            journal, demo_folder = open_demo_journal()
        else:
            try:
                opened = open_or_repair(None, create=True, verify=False)
            except NeedsSecretError as error:
                locked_because = str(error)  # start locked; the lock screen asks
            else:
                journal, new_code = opened.journal, opened.new_recovery_code
                opened_new = opened.created
    except KnownError as error:
        QMessageBox.critical(None, f"{APP_TITLE} cannot open your journal", str(error))
        if instance is not None:
            instance.release()
        return 1
    window = MainWindow(
        JournalController(journal) if journal is not None else None,
        demo=demo,
        unlock=None if demo else unlock,
        keys=None if demo else keys,
        check_after_open=not demo,  # the full check and today's backup, after the first paint
        notifier=None if demo else _notifier,  # the demo patient sends no reminders
    )
    if locked_because is not None:
        window.lock_screen.ask_for_secret(True, locked_because)
    # The window may be hidden (in the background): the app ends when it closes for good.
    app.setQuitOnLastWindowClosed(False)
    window.closed_for_good.connect(app.quit)
    server: InstanceServer | None = None
    if instance is not None:
        server = InstanceServer(server_name(paths.home), window)
        server.show_requested.connect(window.bring_forward)
    try:
        if not background or new_code is not None:
            window.show()
        if new_code is not None:
            RecoveryKeyDialog(new_code, window, home=paths).exec()
            if opened_new and window.controller is not None:
                # A first run: the daily reminder is off until the patient asks for it.
                ask_about_reminders(window, window.controller)
        return app.exec()
    finally:
        if server is not None:
            server.close()
        if window.controller is not None:
            window.controller.journal.close()
        if demo_folder is not None:
            shutil.rmtree(demo_folder, ignore_errors=True)
        if instance is not None:
            instance.release()


def _notifier(on_event: EventCallback) -> Notifier:
    """The system notifications, for the reminders (imported only for the window)."""
    from ketajournal.platform.notify import Notifier

    return Notifier(on_event)


def _crash_handler(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    """Report a bug without its message: only the type and the code location."""
    frames = traceback.extract_tb(tb)
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "unknown"
    log.error("unexpected %s at %s", kind.__name__, where)
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is not None:
            QMessageBox.critical(
                None,
                f"{APP_TITLE}: unexpected error",
                f"Something went wrong inside ketajournal ({kind.__name__} at {where}).\n\n"
                "Everything you saved before is safe: each entry is written when you log it. "
                "This report contains no journal content.",
            )
    except Exception:  # noqa: S110 - the crash handler must never raise
        pass
