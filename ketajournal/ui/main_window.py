"""The main window: Today, Timeline and Trends tabs, menus, undo.

The window title never shows journal content. Views are wired to the
controller's ``changed`` signal; this class only routes requests (open a
dialog, switch tab) between them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from ketajournal import APP_TITLE, __version__
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.models import (
    RED_FLAG_ADVICE,
    Entry,
    Event,
    Session,
    SideEffect,
    SideEffectCategory,
)
from ketajournal.errors import KnownError
from ketajournal.services import clinical
from ketajournal.ui.boosters import BoostersView
from ketajournal.ui.controller import JournalController
from ketajournal.ui.dialogs import EntryDialog, SideEffectDialog, current, entry_dialog
from ketajournal.ui.questionnaire import CrisisDialog, QuestionnaireDialog
from ketajournal.ui.settings_dialog import SettingsDialog
from ketajournal.ui.timeline import TimelineView
from ketajournal.ui.today import TodayView
from ketajournal.ui.trends import TrendsView


class MainWindow(QMainWindow):
    """Today / Timeline / Trends, with File, Edit, View and Help menus."""

    def __init__(
        self, controller: JournalController, *, demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        controller.setParent(self)  # the window owns the controller and its undo stack
        self.setWindowTitle(f"{APP_TITLE} — demo journal" if demo else APP_TITLE)
        self.resize(1100, 720)
        self.today = TodayView(controller)
        self.timeline = TimelineView(controller)
        self.trends = TrendsView(controller)
        self.boosters = BoostersView(controller)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Screens")
        self.tabs.addTab(self.today, "&Today")
        self.tabs.addTab(self.timeline, "Time&line")
        self.tabs.addTab(self.trends, "T&rends")
        self.tabs.addTab(self.boosters, "&Boosters")
        self.setCentralWidget(self.tabs)

        self.today.session_button.clicked.connect(lambda: self.new_entry(Session.kind))
        self.today.side_effect_button.clicked.connect(lambda: self.new_entry(SideEffect.kind))
        self.today.event_button.clicked.connect(lambda: self.new_entry(Event.kind))
        self.timeline.edit_requested.connect(self.edit_entry)
        self.today.questionnaire_requested.connect(self.fill_questionnaire)
        self.today.crisis_requested.connect(self.show_crisis_resources)
        self.crisis: CrisisDialog | None = None
        self._build_menus()
        controller.undo_stack.indexChanged.connect(self._show_undo_state)
        self.statusBar().showMessage("Your journal is encrypted and stays on this computer.")
        if demo:
            self.tabs.setCurrentWidget(self.trends)  # a newcomer sees the chart at once
        else:
            self.today.mood_row.setFocus()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.export_action = QAction("Export as &JSON…", self)
        self.export_action.triggered.connect(self.export_json)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self.controller.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.controller.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)

        log_menu = self.menuBar().addMenu("&Log")
        for text, kind, shortcut in (
            ("&Session…", Session.kind, "Ctrl+Shift+S"),
            ("Side &effect…", SideEffect.kind, "Ctrl+Shift+E"),
            ("E&vent…", Event.kind, "Ctrl+Shift+V"),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _checked=False, k=kind: self.new_entry(k))
            log_menu.addAction(action)

        log_menu.addSeparator()
        for questionnaire in INSTRUMENTS.values():
            action = QAction(f"{questionnaire.short_title} questionnaire…", self)
            action.triggered.connect(
                lambda _checked=False, i=questionnaire.id: self.fill_questionnaire(i)
            )
            log_menu.addAction(action)

        settings_action = QAction("&Settings…", self)
        settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        settings_action.triggered.connect(self.edit_settings)
        edit_menu.addSeparator()
        edit_menu.addAction(settings_action)

        view_menu = self.menuBar().addMenu("&View")
        for number, name in enumerate(("Today", "Timeline", "Trends", "Boosters")):
            action = QAction(name, self)
            action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(lambda _checked=False, n=number: self.tabs.setCurrentIndex(n))
            view_menu.addAction(action)

        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About ketajournal", self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def _show_undo_state(self, _index: int) -> None:
        stack = self.controller.undo_stack
        if stack.canRedo() and not stack.canUndo():
            self.today.undo_button.hide()

    # -- entries --------------------------------------------------------------------------
    def dialog_for(self, kind: str, existing: Entry | None = None) -> EntryDialog:
        """The form for a new entry of ``kind`` or for editing ``existing``."""
        return entry_dialog(self.controller, kind, existing, self)

    def new_entry(self, kind: str) -> None:
        """Open the form for a new entry; it saves itself on Save."""
        dialog = self.dialog_for(kind)
        if dialog.exec() and kind == SideEffect.kind:
            self._warn_red_flag(dialog)
        if dialog.result():
            self.statusBar().showMessage("Saved.", 5000)

    def edit_entry(self, entry: Entry) -> None:
        """Open the form to edit ``entry``."""
        dialog = self.dialog_for(entry.kind, entry)
        if dialog.exec():
            self.statusBar().showMessage("Changes saved.", 5000)

    def questionnaire_dialog(self, instrument_id: str) -> QuestionnaireDialog:
        """The form for one questionnaire."""
        return QuestionnaireDialog(self.controller, INSTRUMENTS[instrument_id], self)

    def fill_questionnaire(self, instrument_id: str) -> None:
        """Open a questionnaire; it saves itself and shows the result."""
        dialog = self.questionnaire_dialog(instrument_id)
        if dialog.exec() and dialog.saved is not None:
            self.statusBar().showMessage(f"Saved: {dialog.saved.summary}.", 10000)

    def show_crisis_resources(self) -> None:
        """The crisis resources, in a window that blocks nothing."""
        if self.crisis is None:
            self.crisis = CrisisDialog(clinical.crisis_message(self.controller.journal), self)
        self.crisis.show()
        self.crisis.raise_()

    def edit_settings(self) -> None:
        """Open the settings."""
        SettingsDialog(self.controller, self).exec()

    def _warn_red_flag(self, dialog: EntryDialog) -> None:
        if not isinstance(dialog, SideEffectDialog):
            return
        category = current(dialog.category, SideEffectCategory)
        if category.is_red_flag:
            QMessageBox.warning(self, "Red flag", f"{category.label}: {RED_FLAG_ADVICE}")

    # -- file -----------------------------------------------------------------------------
    def export_json(self) -> None:
        """Export every entry as JSON to a file the user picks."""
        name, _ = QFileDialog.getSaveFileName(
            self, "Export journal as JSON", str(Path.home() / "ketajournal-export.json"),
            "JSON (*.json)",
        )
        if not name:
            return
        try:
            counts = self.controller.journal.export_json(Path(name))
        except (KnownError, OSError) as error:
            QMessageBox.warning(self, "Export failed", _safe_error(error))
            return
        self.statusBar().showMessage(f"Exported {sum(counts.values())} entries.", 8000)

    def about(self) -> None:
        """Version and the privacy promise."""
        QMessageBox.about(
            self,
            f"About {APP_TITLE}",
            f"{APP_TITLE} {__version__}\n\nA private journal for ketamine and esketamine "
            "therapy. Your journal is encrypted and stays on this computer; nothing is sent "
            "anywhere. No clinician is monitoring it.",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        """Nothing to save: every entry is committed when it is logged."""
        event.accept()


def _safe_error(error: Exception) -> str:
    if isinstance(error, KnownError):
        return str(error)
    reason = getattr(error, "strerror", None) or type(error).__name__
    return f"The file could not be written ({reason})."
