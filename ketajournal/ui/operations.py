"""The window's file operations: export, import, back up to a file, restore from a file.

Each asks for its file (unless given one), runs as one job of the controller's
:class:`~ketajournal.ui.tasks.JournalJobs` (off the UI thread, with progress,
drafts paused, a lock held back until it ends, one kind of failure message) and
says what it did in the status bar. The services each needs are imported when it
is used, not when the window opens.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtWidgets import QFileDialog, QMessageBox, QStatusBar, QWidget

from ketajournal.translation import translator

if TYPE_CHECKING:
    from ketajournal.platform.keystore import KeyStore
    from ketajournal.services.exchange import ImportResult
    from ketajournal.services.journal import Journal
    from ketajournal.ui.controller import JournalController

tr = translator("Operations")


class FileHost(Protocol):
    """What the file operations need from the window they run in (the main window)."""

    keys: KeyStore | None

    @property
    def open_controller(self) -> JournalController: ...

    @property
    def can_restore(self) -> bool: ...

    def statusBar(self) -> QStatusBar: ...

    def lock(self) -> None: ...

    def try_unlock(self, secret: str) -> None: ...


class FileOperations:
    """File → Export / Import / Back up / Restore, for ``window``'s open journal.

    ``widget`` parents the dialogs; ``window`` is the same object seen through
    :class:`FileHost`, so this module does not import the main window.
    """

    def __init__(self, widget: QWidget, window: FileHost) -> None:
        self.widget = widget
        self.window = window
        #: The last import-from-another-app dialog opened (tests drive it).
        self.app_import_dialog: QWidget | None = None

    def _save_target(self, title: str, suggested: str, pattern: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self.widget, title, str(Path.home() / suggested), pattern
        )
        return Path(name) if name else None

    def _run(
        self, label: str, work: Callable[[Journal], Any], finished: Callable[[Any], None]
    ) -> None:
        self.window.open_controller.jobs.run(self.widget, label, work, finished)

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def export_json(self, target: Path | None = None) -> None:
        """Export every entry as JSON to a file the user picks."""
        target = target or self._save_target(
            tr("Export journal as JSON"), "ketajournal-export.json", "JSON (*.json)"
        )
        if target is None:
            return
        self._run(
            tr("Exporting…"), lambda journal: journal.export_json(target),
            lambda counts: self._status(tr("Exported %n entry(s) to {file}.", n=sum(
                counts.values())).format(file=target.name)),
        )

    def export_csv(self, folder: Path | None = None) -> None:
        """Export one CSV file per kind into a folder the user picks."""
        if folder is None:
            name = QFileDialog.getExistingDirectory(
                self.widget, tr("Export CSV files into folder"))
            folder = Path(name) if name else None
        if folder is None:
            return
        from ketajournal.services import exchange

        self._run(
            tr("Exporting…"), lambda journal: exchange.export_csv(journal, folder),
            lambda counts: self._status(
                tr("Exported %n entry(s)", n=sum(counts.values()))
                + tr(" to %n CSV file(s).", n=len(counts))
            ),
        )

    def export_fhir(self, target: Path | None = None) -> None:
        """Export a FHIR R4 Bundle to a file the user picks."""
        target = target or self._save_target(
            tr("Export as FHIR R4 bundle"), "ketajournal-fhir.json", "FHIR JSON (*.json)"
        )
        if target is None:
            return
        from ketajournal.services import exchange

        self._run(
            tr("Exporting…"), lambda journal: exchange.export_fhir(journal, target),
            lambda count: self._status(tr("Exported %n FHIR resource(s) to {file}.", n=count)
                                       .format(file=target.name)),
        )

    def import_entries(self, source: Path | None = None, *, folder: bool = False) -> None:
        """Import our own JSON or CSV: all or nothing, after a backup."""
        if source is None:
            if folder:
                name = QFileDialog.getExistingDirectory(
                    self.widget, tr("Import a CSV export folder"))
            else:
                name, _ = QFileDialog.getOpenFileName(
                    self.widget, tr("Import a ketajournal export"), str(Path.home()),
                    "ketajournal export (*.json *.csv)",
                )
            source = Path(name) if name else None
        if source is None:
            return
        from ketajournal.services import exchange

        def finished(result: ImportResult) -> None:
            self.window.open_controller.notify(result.change)
            QMessageBox.information(self.widget, tr("Import finished"), result.summary())

        self._run(
            tr("Importing…"),
            lambda journal: exchange.import_batch(journal, exchange.read_import(source)),
            finished,
        )

    def import_from_app(self, source: Path | None = None) -> None:
        """Import another app's export (Daylio, eMoods, Bearable, any CSV) after a preview."""
        from ketajournal.ui.import_dialog import AppImportDialog

        dialog = AppImportDialog(
            self.window.open_controller, self.widget,
            on_done=lambda result: QMessageBox.information(
                self.widget, tr("Import finished"), result.summary()
            ),
        )
        if source is not None:
            dialog.set_file(source)
        dialog.open()
        self.app_import_dialog = dialog

    def back_up_to_file(self, target: Path | None = None) -> None:
        """Write one portable, encrypted backup file (it opens with the recovery key)."""
        target = target or self._save_target(
            tr("Back up to a file"), f"ketajournal-backup-{date.today():%Y-%m-%d}.zip",
            "ketajournal backup (*.zip)",
        )
        if target is None:
            return
        from ketajournal.services import portable

        self._run(
            tr("Backing up…"), lambda journal: portable.write_portable_backup(journal, target),
            lambda made: self._status(
                tr("Backed up %n entry(s) to {file} (encrypted).", n=made.total)
                .format(file=target.name)
            ),
        )

    def restore_from_file(self, source: Path | None = None) -> None:
        """Restore a backup file: checked first; after a Yes it replaces this journal,
        which is moved to backups/before-restore-<date>/."""
        window = self.window
        if not window.can_restore:
            return
        if source is None:
            name, _ = QFileDialog.getOpenFileName(
                self.widget, tr("Restore from a backup file"), str(Path.home()),
                "ketajournal backup (*.zip *.db);;All files (*)",
            )
            source = Path(name) if name else None
        if source is None:
            return
        paths = window.open_controller.journal.paths
        assert window.keys is not None
        from ketajournal.ui.security import RestoreFromFile

        RestoreFromFile(
            self.widget, paths, window.keys,
            close_journal=window.lock, reopen=window.try_unlock,
        ).start(source)
