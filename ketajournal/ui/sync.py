"""Sync in the window: in the background after saves, at start and on a timer; its settings.

:class:`SyncScheduler` (owned by the window) syncs the open journal through
:func:`ketajournal.services.sync.sync_at`, on a connection of its own in a worker
thread, so saving never waits for the folder: a few seconds after the last change
(debounced), when another computer's files arrive in the folder (a
``QFileSystemWatcher`` on the folder and the other computers' sub-folders; this
computer's own is left out, or its own writes would wake it), when the journal is
opened, and every few minutes. What comes in is
announced like any other change, so the screens refresh themselves; the status line
says "Synced with 2 computers, 1 min ago" or what is wrong. :class:`SyncSection` is
the Settings dialog's part: link a folder, see the status, sync now, and the computers
in the folder (:mod:`ketajournal.ui.sync_computers`: last seen, remove one).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ketajournal.errors import KnownError
from ketajournal.translation import translator
from ketajournal.ui.sync_computers import ComputerList
from ketajournal.ui.tasks import finish_quietly, run_quietly

if TYPE_CHECKING:  # the window makes the scheduler before its first paint, without these
    from ketajournal.services import sync
    from ketajournal.services.journal import Change
    from ketajournal.ui.controller import JournalController

#: Wait this long after the last change before syncing (a burst of saves is one sync).
tr = translator("Sync")

DEBOUNCE_MS = 5_000
#: Sync this often while the journal is open, to take in the other computers' changes.
EVERY_MS = 5 * 60_000


class SyncScheduler(QObject):
    """Runs one background sync at a time for the attached journal, when it is linked."""

    status_changed = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        *,
        debounce_ms: int = DEBOUNCE_MS,
        every_ms: int = EVERY_MS,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._controller: JournalController | None = None
        self._thread: QThread | None = None
        self._again = False
        self._announcing = False
        # Read once (and after linking): timers never ask a journal that is not linked.
        self._linked = False
        #: The last line shown ("Synced with 1 computer, just now", or a problem).
        self.status = ""
        #: What the last sync did (tests, the Settings dialog).
        self.last_report: sync.SyncReport | None = None
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(debounce_ms)
        self._soon.timeout.connect(self.sync_now)
        self._every = QTimer(self)
        self._every.setInterval(every_ms)
        self._every.timeout.connect(self.sync_now)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._folder_changed)

    @property
    def pending(self) -> bool:
        """True while a sync is waiting for its debounce."""
        return self._soon.isActive()

    def attach(self, controller: JournalController) -> None:
        """Sync ``controller``'s journal from now on (at once, if it is linked)."""
        self._controller = controller
        controller.changed.connect(self._journal_changed)
        self.relink()

    def relink(self) -> None:
        """Read again whether the journal is linked to a folder; if so, sync at once and
        from now on."""
        from ketajournal.services import sync

        controller = self._controller
        self._linked = controller is not None and (
            sync.linked_folder(controller.journal) is not None
        )
        self._unwatch()
        if self._linked:
            self._every.start()
            self._watch()
            self.sync_now()
        else:
            self._every.stop()

    @property
    def watched(self) -> list[str]:
        """The folders watched for the other computers' files."""
        return self._watcher.directories()

    def _watch(self) -> None:
        """Watch the folder and every other computer's sub-folder (new ones included)."""
        from ketajournal.services import sync

        controller = self._controller
        if controller is None:
            return
        folder = sync.linked_folder(controller.journal)
        if folder is None or not folder.is_dir():
            return
        own = sync.device_id(controller.journal)
        wanted = [str(folder)] + [
            str(p) for p in sorted(folder.iterdir()) if p.is_dir() and p.name != own
        ]
        missing = [p for p in wanted if p not in self._watcher.directories()]
        if missing:
            self._watcher.addPaths(missing)

    def _unwatch(self) -> None:
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())

    def _folder_changed(self, _path: str) -> None:
        if self._linked and not self._announcing:
            self._watch()  # a computer that joined since: its sub-folder too
            self._soon.start()

    def detach(self) -> None:
        """Stop syncing (locking, closing): a sync under way finishes first."""
        self._soon.stop()
        self._every.stop()
        self._unwatch()
        finish_quietly(self._thread)
        self._thread = None
        self._controller = None
        self._linked = False

    def _journal_changed(self, _change: Change) -> None:
        if self._linked and not self._announcing:
            self._soon.start()

    def sync_now(self) -> None:
        """Sync now in the background (or right after the sync under way)."""
        from ketajournal.services import sync

        controller = self._controller
        if controller is None or not self._linked:
            return
        self._soon.stop()
        if self._thread is not None:
            self._again = True
            return
        journal = controller.journal
        paths, key = journal.paths, journal.data_key
        self._thread = run_quietly(self._parent, lambda: sync.sync_at(paths, key), self._done)

    def _done(self, report: sync.SyncReport | None, error: BaseException | None) -> None:
        from ketajournal.services import sync

        self._thread = None
        controller = self._controller
        if error is not None:
            if not isinstance(error, KnownError | OSError):
                raise error  # a bug: the crash handler reports it
            self._show(tr("Sync: {error}").format(error=error) if isinstance(error, KnownError)
                       else tr("Sync: the folder could not be used ({reason}).").format(
                           reason=error.strerror or error))
        elif report is not None:
            self.last_report = report
            if controller is not None and report.changed.kinds:
                self._announcing = True  # taken in, not typed here: no new sync for it
                try:
                    controller.notify(report.changed)
                finally:
                    self._announcing = False
            if report.rejected:
                self._show(tr("Sync waited: {reason}").format(reason=report.rejected[0]))
            elif controller is not None:
                line = sync.status_line(controller.journal)
                if report.former_id is not None:
                    line += (" Another copy of this journal wrote under this computer's sync "
                             "id, so it took a new one and sent everything again.")
                self._show(line)
        if self._again and controller is not None:
            self._again = False
            self.sync_now()

    def _show(self, line: str) -> None:
        self.status = line
        self.status_changed.emit(line)


class SyncSection(QWidget):
    """The Settings dialog's sync part: the status line, link a folder, sync now."""

    def __init__(
        self,
        controller: JournalController,
        scheduler: SyncScheduler | None = None,
        parent: QWidget | None = None,
        *,
        choose_folder: Callable[[QWidget], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.scheduler = scheduler
        self._choose = choose_folder or _choose_folder
        heading = QLabel(tr("Sync with your other computers"))
        heading.setStyleSheet("font-weight: 600;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(tr("Sync status"))
        self.setup_button = QPushButton(tr("Set &up sync…"))
        self.setup_button.setAccessibleName(tr("Choose a folder you sync to link this journal"))
        self.setup_button.clicked.connect(self.choose_and_link)
        self.sync_button = QPushButton(tr("Sync &now"))
        self.sync_button.clicked.connect(self.sync_now)
        buttons = QHBoxLayout()
        buttons.addWidget(self.setup_button)
        buttons.addWidget(self.sync_button)
        buttons.addStretch(1)
        self.computers = ComputerList(controller, self, after_removal=self._removed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(self.computers)
        if scheduler is not None:
            scheduler.status_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, _line: str = "") -> None:
        """Show where the journal syncs and how recently."""
        from ketajournal.services import sync

        journal = self.controller.journal
        folder = sync.linked_folder(journal)
        if folder is None:
            self.status.setText(tr(
                "Not set up. Choose a folder you already sync between your computers "
                "(Syncthing, Nextcloud, Dropbox, a USB stick); only encrypted files go there."
            ))
        else:
            lines = [
                tr("{status}\nFolder: {folder}").format(
                    status=sync.status_line(journal), folder=folder),
                *sync.quiet_notes(journal),
            ]
            self.status.setText("\n".join(lines))
        self.setup_button.setText(tr("C&hange the sync folder…") if folder
                                  else tr("Set &up sync…"))
        self.sync_button.setEnabled(folder is not None and self.scheduler is not None)
        self.computers.refresh()

    def _removed(self) -> None:
        self.refresh()
        if self.scheduler is not None:
            self.scheduler.relink()  # syncs at once, with the new key

    def choose_and_link(self) -> None:
        """Ask for a folder and link the journal to it; then sync."""
        from ketajournal.services import sync

        chosen = self._choose(self)
        if not chosen:
            return
        try:
            sync.setup(self.controller.journal, Path(chosen))
        except KnownError as error:
            self.status.setText(str(error))
            return
        self.refresh()
        if self.scheduler is not None:
            self.scheduler.relink()  # syncs at once

    def sync_now(self) -> None:
        """Sync at once (in the background)."""
        if self.scheduler is not None:
            self.scheduler.sync_now()


def _choose_folder(parent: QWidget) -> str:
    return QFileDialog.getExistingDirectory(parent, tr("Choose the folder to sync through"))
