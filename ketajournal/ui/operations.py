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
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QMessageBox

if TYPE_CHECKING:
    from ketajournal.services.exchange import ImportResult
    from ketajournal.services.journal import Journal
    from ketajournal.ui.main_window import MainWindow


class FileOperations:
    """File → Export / Import / Back up / Restore, for ``window``'s open journal."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def _save_target(self, title: str, suggested: str, pattern: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, title, str(Path.home() / suggested), pattern
        )
        return Path(name) if name else None

    def _run(
        self, label: str, work: Callable[[Journal], Any], finished: Callable[[Any], None]
    ) -> None:
        self.window.open_controller.jobs.run(self.window, label, work, finished)

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def export_pdf(self) -> None:
        """Show the Appointment screen and export its period as the clinician PDF."""
        if self.window.tabs is not None:
            self.window.tabs.setCurrentWidget(self.window.appointment)
            self.window.appointment.export_pdf()

    def export_json(self, target: Path | None = None) -> None:
        """Export every entry as JSON to a file the user picks."""
        target = target or self._save_target(
            "Export journal as JSON", "ketajournal-export.json", "JSON (*.json)"
        )
        if target is None:
            return
        self._run(
            "Exporting…", lambda journal: journal.export_json(target),
            lambda counts: self._status(
                f"Exported {sum(counts.values())} entries to {target.name}."
            ),
        )

    def export_csv(self, folder: Path | None = None) -> None:
        """Export one CSV file per kind into a folder the user picks."""
        if folder is None:
            name = QFileDialog.getExistingDirectory(self.window, "Export CSV files into folder")
            folder = Path(name) if name else None
        if folder is None:
            return
        from ketajournal.services import exchange

        self._run(
            "Exporting…", lambda journal: exchange.export_csv(journal, folder),
            lambda counts: self._status(
                f"Exported {sum(counts.values())} entries to {len(counts)} CSV files."
            ),
        )

    def export_fhir(self, target: Path | None = None) -> None:
        """Export a FHIR R4 Bundle to a file the user picks."""
        target = target or self._save_target(
            "Export as FHIR R4 bundle", "ketajournal-fhir.json", "FHIR JSON (*.json)"
        )
        if target is None:
            return
        from ketajournal.services import exchange

        self._run(
            "Exporting…", lambda journal: exchange.export_fhir(journal, target),
            lambda count: self._status(f"Exported {count} FHIR resources to {target.name}."),
        )

    def import_entries(self, source: Path | None = None, *, folder: bool = False) -> None:
        """Import our own JSON or CSV: all or nothing, after a backup."""
        if source is None:
            if folder:
                name = QFileDialog.getExistingDirectory(self.window, "Import a CSV export folder")
            else:
                name, _ = QFileDialog.getOpenFileName(
                    self.window, "Import a ketajournal export", str(Path.home()),
                    "ketajournal export (*.json *.csv)",
                )
            source = Path(name) if name else None
        if source is None:
            return
        from ketajournal.services import exchange

        def finished(result: ImportResult) -> None:
            self.window.open_controller.notify(result.change)
            QMessageBox.information(self.window, "Import finished", result.summary())

        self._run(
            "Importing…",
            lambda journal: exchange.import_batch(journal, exchange.read_import(source)),
            finished,
        )

    def back_up_to_file(self, target: Path | None = None) -> None:
        """Write one portable, encrypted backup file (it opens with the recovery key)."""
        target = target or self._save_target(
            "Back up to a file", f"ketajournal-backup-{date.today():%Y-%m-%d}.zip",
            "ketajournal backup (*.zip)",
        )
        if target is None:
            return
        from ketajournal.services import portable

        self._run(
            "Backing up…", lambda journal: portable.write_portable_backup(journal, target),
            lambda made: self._status(
                f"Backed up {made.total} entries to {target.name} (encrypted)."
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
                window, "Restore from a backup file", str(Path.home()),
                "ketajournal backup (*.zip *.db);;All files (*)",
            )
            source = Path(name) if name else None
        if source is None:
            return
        paths = window.open_controller.journal.paths
        assert window.keys is not None
        from ketajournal.ui.security import RestoreFromFile

        RestoreFromFile(
            window, paths, window.keys,
            close_journal=window.lock, reopen=window.try_unlock,
        ).start(source)
