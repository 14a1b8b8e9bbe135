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
from ketajournal.domain import locales
from ketajournal.errors import KnownError
from ketajournal.platform.child_env import clean_for_children
from ketajournal.platform.instance import InstanceLock, acquire_instance_lock
from ketajournal.platform.paths import JournalPaths, resolve_home
from ketajournal.translation import translator

if TYPE_CHECKING:
    # Imported after the window's first paint: the keyring, cryptography, SQLCipher and
    # sqlite-utils behind these are most of a start's imports (docs/performance.md).
    from ketajournal.platform.keystore import KeyringKeyStore
    from ketajournal.platform.notify import EventCallback, Notifier
    from ketajournal.services.journal import Journal
    from ketajournal.services.opening import OpenedJournal
    from ketajournal.ui.background import InstanceServer
    from ketajournal.ui.main_window import MainWindow

log = logging.getLogger(__name__)

tr = translator("App")


def cannot_open_title() -> str:
    """The title of the box that says why the journal cannot be opened."""
    return tr("{app} cannot open your journal").format(app=APP_TITLE)

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
    from ketajournal.platform.keystore import MemoryKeyStore
    from ketajournal.services import demo as demo_data
    from ketajournal.services.opening import open_journal

    folder = Path(tempfile.mkdtemp(prefix="ketajournal-demo-"))
    journal = open_journal(JournalPaths(folder / "journal"), MemoryKeyStore())
    data = demo_data.generate(journal.now())
    demo_data.save(journal, data)
    return journal, folder


def run_gui(home: str | None = None, *, demo: bool = False, background: bool = False) -> int:
    """Open the window; returns the process exit code.

    The window is shown and painted first ("Opening your journal…"); only then are
    the keyring, the storage and the journal's screens imported and the journal
    opened, so the window appears as fast as a bare one (docs/performance.md).
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

    from ketajournal.ui import import_hook

    import_hook.speed_up()  # before the window's modules are imported
    from ketajournal.ui.first_paint import show_and_wait_for_paint
    from ketajournal.ui.main_window import MainWindow
    from ketajournal.ui.resources import icon

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    from PySide6.QtCore import QLocale

    from ketajournal import translation

    # The window's language, and our dates and numbers in the locale Qt's own widgets
    # use: one language per screen.
    translation.use(translation.start_language())
    locales.use(QLocale().name())
    app.setWindowIcon(icon())
    # Qt has read its plugin folders: what the app starts (xdg-open, the browser) gets
    # the system's environment, not the frozen bundle's.
    clean_for_children()
    sys.excepthook = _crash_handler

    paths = JournalPaths(resolve_home(home))
    # One window per journal: a second start hands over to the running app (which
    # comes forward) before it opens anything, or is refused when that app does not
    # answer. The operating system drops the lock when this process ends, even on a crash.
    instance: InstanceLock | None = None
    if not demo:
        try:
            instance = acquire_instance_lock(paths.home)
        except KnownError as error:
            from ketajournal.ui.background import PING, SHOW, hand_over, server_name

            if hand_over(server_name(paths.home), PING if background else SHOW):
                return 0
            QMessageBox.warning(None, cannot_open_title(), str(error))
            return 1

    opener = _Opener(paths)
    window = MainWindow(
        None,
        demo=demo,
        unlock=None if demo else opener.unlock,
        check_after_open=not demo,  # the full check and today's backup, after the first paint
        notifier=None if demo else _notifier,  # the demo patient sends no reminders
        opening=True,
        schedule_file=None if demo else paths.reminder_schedule,
    )
    # The window may be hidden (in the background): the app ends when it closes for good.
    app.setQuitOnLastWindowClosed(False)
    window.closed_for_good.connect(app.quit)
    demo_folder: Path | None = None
    servers: list[InstanceServer] = []

    def listen() -> None:
        if instance is not None and instance.held:  # not after the app has ended
            servers.append(_listen(window, paths))

    # A second start is handed over to this window through a local socket, made once
    # Today has painted (QtNetwork is not needed before); until then the instance lock
    # refuses it, and the second start waits for the socket (ui.background.hand_over).
    window.after_start(listen)
    try:
        if not background:
            show_and_wait_for_paint(window)
        try:
            if demo:
                journal, demo_folder = open_demo_journal()
                _attach(window, journal)
                opened = None
            else:
                opened = opener.first_open(window)
        except KnownError as error:
            QMessageBox.critical(window, cannot_open_title(), str(error))
            window.hide()
            return 1
        if opened is not None and opened.new_recovery_code is not None:
            _first_run(window, opened, paths)
        return app.exec()
    finally:
        for server in servers:
            server.close()
        if window.controller is not None:
            window.controller.journal.close()
        if demo_folder is not None:
            shutil.rmtree(demo_folder, ignore_errors=True)
        if instance is not None:
            instance.release()


class _Opener:
    """Opens the journal of ``paths`` for the window: at start and on every unlock."""

    def __init__(self, paths: JournalPaths) -> None:
        self.paths = paths
        self._keys: KeyringKeyStore | None = None

    @property
    def keys(self) -> KeyringKeyStore:
        """The system keyring, imported and made on first use (after the first paint)."""
        if self._keys is None:
            from ketajournal.platform.keystore import KeyringKeyStore

            self._keys = KeyringKeyStore(self.paths)
        return self._keys

    def open_or_repair(self, secret: str | None, *, create: bool, verify: bool) -> OpenedJournal:
        """Open and check the journal; if it is damaged, offer the newest verified backup.

        Without ``verify`` only the cheap checks run here (header, key, page 1, schema);
        the window runs the full check in the background once it is shown.
        """
        from ketajournal.services.damage import JournalDamagedError
        from ketajournal.services.opening import open_checked

        for _ in range(2):  # the restored backup is opened and checked again
            try:
                return open_checked(self.paths, self.keys, secret, create=create, verify=verify)
            except JournalDamagedError as error:
                from ketajournal.ui.security import offer_backup_restore  # only when damaged

                if not offer_backup_restore(None, error, self.keys):
                    raise  # declined: the message says what happened; nothing was changed
        return open_checked(self.paths, self.keys, secret, create=create, verify=verify)

    def unlock(self, secret: str) -> Journal:
        """The lock screen's unlock: ``""`` means try the keyring again.

        Unlocking is also how a journal the background check found damaged is
        reopened, so it runs the full check before anything is shown.
        """
        from ketajournal.ui.recovery import RecoveryKeyDialog

        opened = self.open_or_repair(secret or None, create=False, verify=True)
        if opened.new_recovery_code is not None:  # an old journal got its first one
            RecoveryKeyDialog(opened.new_recovery_code, None, home=self.paths).exec()
        return opened.journal

    def first_open(self, window: MainWindow) -> OpenedJournal | None:
        """Open (or create) the journal for a start and attach it to ``window``.

        None when it needs a passphrase or recovery key: the window then asks for it.
        """
        from ketajournal.services.keys import NeedsSecretError

        window.keys = self.keys
        if not any(p.exists() for p in self.paths.journal_files):
            # A first run: a new journal, or the one kept on another computer (docs/sync.md).
            # Both keep the key in the keyring: one that cannot be used is said at once
            # (a read of an entry that is not there: nothing is created).
            self.keys.get("0" * 32)
            window.welcome(lambda: self.start_new(window), self.join)
            return None
        try:
            opened = self.open_or_repair(None, create=True, verify=False)
        except NeedsSecretError as error:
            window.ask_to_unlock(str(error))  # start locked; the lock screen asks
            return None
        _attach(window, opened.journal)
        return opened

    def start_new(self, window: MainWindow) -> None:
        """The welcome page's "Start a new journal": create it, show its recovery key."""
        from PySide6.QtWidgets import QMessageBox

        from ketajournal.services.keys import NeedsSecretError

        try:
            opened = self.open_or_repair(None, create=True, verify=False)
        except NeedsSecretError as error:
            window.ask_to_unlock(str(error))
            return
        except KnownError as error:
            QMessageBox.critical(window, cannot_open_title(), str(error))
            return
        _attach(window, opened.journal)
        if opened.new_recovery_code is not None:
            _first_run(window, opened, self.paths)

    def join(self, folder: Path, secret: str) -> Journal:
        """The welcome page's join: this computer's journal made from the sync folder
        (run off the UI thread by the join dialog)."""
        from ketajournal.services import sync_join
        from ketajournal.services.opening import open_checked

        def opened(paths: JournalPaths) -> Journal:
            return open_checked(paths, self.keys, secret, create=False).journal

        return sync_join.join(self.paths, self.keys, folder, secret, open_journal=opened)


def _listen(window: MainWindow, paths: JournalPaths) -> InstanceServer:
    """The socket a second start of the app on this journal talks to: it brings
    ``window`` forward."""
    from ketajournal.ui.background import InstanceServer, server_name

    server = InstanceServer(server_name(paths.home), window)
    server.show_requested.connect(window.bring_forward)
    return server


def _attach(window: MainWindow, journal: Journal) -> None:
    from ketajournal.ui.controller import JournalController

    window.attach(JournalController(journal))


def _first_run(window: MainWindow, opened: OpenedJournal, paths: JournalPaths) -> None:
    """A new recovery key: shown in the window (also a background start), then reminders."""
    from ketajournal.ui.recovery import RecoveryKeyDialog
    from ketajournal.ui.reminders import ask_about_reminders

    assert opened.new_recovery_code is not None
    window.show()
    RecoveryKeyDialog(opened.new_recovery_code, window, home=paths).exec()
    if opened.created and window.controller is not None:
        # A first run: the daily reminder is off until the patient asks for it.
        ask_about_reminders(window, window.controller)


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
                tr("{app}: unexpected error").format(app=APP_TITLE),
                tr("Something went wrong inside ketajournal ({kind} at {where}).\n\n"
                   "Everything you saved before is safe: each entry is written when you log "
                   "it. This report contains no journal content.").format(
                    kind=kind.__name__, where=where),
            )
    except Exception:  # noqa: S110 - the crash handler must never raise
        pass
