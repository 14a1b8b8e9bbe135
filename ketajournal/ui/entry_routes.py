"""The main window's routes to the forms: entries, drafts, questionnaires, crisis resources.

:class:`EntryRoutes` is the base of :class:`~ketajournal.ui.main_window.MainWindow`:
each route opens one form over the open journal (or the crisis resources, also while
locked) and says in the status line what was saved. The window's start, locking, menus
and screens stay in :mod:`ketajournal.ui.main_window`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

from ketajournal.ui import window_texts as texts

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from ketajournal.domain.models import Assessment, Entry
    from ketajournal.domain.schedules import PlannedItem
    from ketajournal.ui.controller import JournalController
    from ketajournal.ui.dialogs import EntryDialog
    from ketajournal.ui.questionnaire import CrisisDialog, QuestionnaireDialog
    from ketajournal.ui.today import TodayView


class EntryRoutes(QMainWindow):
    """The window's routes to a form; the window sets the attributes below."""

    #: The open journal's controller (None while locked or opening).
    controller: JournalController | None
    #: The crisis resources' window, once shown.
    crisis: CrisisDialog | None
    #: The window's status messages.
    status_line: texts.StatusLine
    #: The Today screen (present while a journal is attached).
    today: TodayView

    @property
    def open_controller(self) -> JournalController:
        """The controller of the open journal (actions that need one are disabled when locked)."""
        if self.controller is None:
            raise RuntimeError("the journal is locked")
        return self.controller

    def dialog_for(self, kind: str, existing: Entry | None = None) -> EntryDialog:
        """The form for a new entry of ``kind`` or for editing ``existing``."""
        from ketajournal.ui.dialogs import entry_dialog
        return entry_dialog(self.open_controller, kind, existing, self)

    def new_entry(self, kind: str) -> None:
        """Open the form for a new entry; it saves itself on Save."""
        from ketajournal.domain.models import SideEffect

        dialog = self.dialog_for(kind)
        if dialog.exec() and kind == SideEffect.kind:
            self._warn_red_flag(dialog)
        if dialog.result():
            self.status_line.show(texts.SAVED, 5000)
        self._drafts_may_have_changed()

    def log_from_plan(self, item: PlannedItem) -> EntryDialog:
        """Open the session form filled from a planned session; saving marks it done."""
        from ketajournal.ui.dialogs import session_from_plan_dialog

        dialog = session_from_plan_dialog(self.open_controller, item, self)
        dialog.finished.connect(lambda _r: self._drafts_may_have_changed())
        dialog.accepted.connect(lambda: self.status_line.show(texts.SAVED, 5000))
        dialog.open()
        return dialog

    def edit_entry(self, entry: Entry) -> None:
        """Open the form to edit ``entry`` (a questionnaire is shown, not edited)."""
        from ketajournal.domain.models import Assessment

        if isinstance(entry, Assessment):
            self.show_answers(entry)
            return
        dialog = self.dialog_for(entry.kind, entry)
        if dialog.exec():
            self.status_line.show(texts.CHANGES_SAVED, 5000)
        self._drafts_may_have_changed()

    def show_answers(self, assessment: Assessment) -> QMessageBox:
        """A filled-in questionnaire, item by item (:func:`questionnaire.answers_box`)."""
        from ketajournal.ui.questionnaire import answers_box

        return answers_box(assessment, self)

    def continue_draft(self, form: str) -> None:
        """Reopen the form a kept draft belongs to; it fills itself from the draft."""
        from ketajournal.domain.models import Event, Session, SideEffect

        controller = self.open_controller
        action, _, rest = form.partition(":")
        kind, _, entry_id = rest.partition(":")
        if action == "new" and kind in {Session.kind, SideEffect.kind, Event.kind, "mood"}:
            self.new_entry(kind)
            return
        existing = controller.journal.get(kind, int(entry_id)) if entry_id.isdigit() else None
        if action == "edit" and existing is not None:
            self.edit_entry(existing)
            return
        # The entry was deleted since (or the draft is of an unknown form): nothing to continue.
        controller.drafts.discard(form)
        self.status_line.show(texts.DRAFT_GONE, 8000)
        self._drafts_may_have_changed()

    def _drafts_may_have_changed(self) -> None:
        if self.controller is not None and "today" in self.__dict__:
            self.today.refresh_drafts()

    def questionnaire_dialog(self, instrument_id: str) -> QuestionnaireDialog:
        """The form for one questionnaire."""
        from ketajournal.domain.instruments import INSTRUMENTS
        from ketajournal.ui.questionnaire import QuestionnaireDialog

        return QuestionnaireDialog(self.open_controller, INSTRUMENTS[instrument_id], self)

    def open_questionnaire(self, instrument_id: str) -> QuestionnaireDialog:
        """Open a questionnaire without waiting for it (from a reminder)."""
        dialog = self.questionnaire_dialog(instrument_id)

        def done(_result: int) -> None:
            if dialog.saved is not None:
                self.status_line.show(texts.SAVED_SUMMARY, 10000, summary=dialog.saved.summary)
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def fill_questionnaire(self, instrument_id: str) -> None:
        """Open a questionnaire; it saves itself and shows the result."""
        dialog = self.questionnaire_dialog(instrument_id)
        if dialog.exec() and dialog.saved is not None:
            self.status_line.show(texts.SAVED_SUMMARY, 10000, summary=dialog.saved.summary)

    def show_crisis_resources(self) -> None:
        """The crisis resources, in a window that blocks nothing (also while locked)."""
        from ketajournal.ui.questionnaire import CrisisDialog

        if self.controller is None:
            from ketajournal.domain.safety import crisis_text

            message = crisis_text()
        else:
            from ketajournal.services import clinical

            message = clinical.crisis_message(self.controller.journal)
        if self.crisis is None:
            self.crisis = CrisisDialog(message, self)
        self.crisis.text.setText(message)
        self.crisis.show()
        self.crisis.raise_()

    def _warn_red_flag(self, dialog: EntryDialog) -> None:
        from ketajournal.domain.models import SideEffectCategory
        from ketajournal.ui.dialogs import SideEffectDialog, current

        if not isinstance(dialog, SideEffectDialog):
            return
        category = current(dialog.category, SideEffectCategory)
        if category.red_flag_at(dialog.severity.value()):
            texts.red_flag(self, category.label, category.red_flag_advice)
