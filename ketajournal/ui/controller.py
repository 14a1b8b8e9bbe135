"""The UI's single door to the journal service, with undo.

Every write goes through a :class:`QUndoCommand`, so Edit → Undo reverses a
log, an edit or a delete. Each command emits the service's :class:`Change`
on :attr:`JournalController.changed`; views refresh from that signal and never
poll the database or reach into each other.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ketajournal.domain.models import Entry
from ketajournal.services.drafts import Drafts
from ketajournal.services.journal import Change, Deleted, Journal
from ketajournal.services.medications import MedicationEdit, MedicationList
from ketajournal.services.plans import Plans, PlanWrite
from ketajournal.translation import noop, translate
from ketajournal.ui.tasks import JournalJobs

#: Edit → Undo's name of each write, by entry kind (whole phrases: a language may put
#: the verb after the noun, as German does).
UNDO_TEXTS = {
    "log": {
        "mood": noop("Controller", "Log mood"),
        "session": noop("Controller", "Log session"),
        "side_effect": noop("Controller", "Log side effect"),
        "event": noop("Controller", "Log event"),
        "assessment": noop("Controller", "Log questionnaire"),
    },
    "edit": {
        "mood": noop("Controller", "Edit mood"),
        "session": noop("Controller", "Edit session"),
        "side_effect": noop("Controller", "Edit side effect"),
        "event": noop("Controller", "Edit event"),
        "assessment": noop("Controller", "Edit questionnaire"),
    },
    "delete": {
        "mood": noop("Controller", "Delete mood"),
        "session": noop("Controller", "Delete session"),
        "side_effect": noop("Controller", "Delete side effect"),
        "event": noop("Controller", "Delete event"),
        "assessment": noop("Controller", "Delete questionnaire"),
    },
}


class JournalController(QObject):
    """Owns the open journal for the window, and the undo stack."""

    changed = Signal(object)  # Change

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.undo_stack = QUndoStack(self)
        #: Unsaved form text, kept in the journal until saved or discarded.
        self.drafts = Drafts(journal)
        #: Work on the journal's connection off the UI thread (exports, import, backup).
        self.jobs = JournalJobs(journal, self.drafts, self)
        #: The medication list (start, change, stop: through :meth:`medication`).
        self.medications = MedicationList(journal)
        #: The planned sessions (their writes go through :meth:`plan`, for undo).
        self.plans = Plans(journal)

    def now(self) -> datetime:
        """The service clock."""
        return self.journal.now()

    # Writes: each raises KnownError (nothing saved) or returns after COMMIT.
    def log(self, entry: Entry) -> Entry:
        """Save a new entry (undoable); returns it with its id."""
        saved, change = self.journal.log(entry)
        self.undo_stack.push(_LogCommand(self, saved))
        self.changed.emit(change)
        return saved

    def update(self, entry: Entry) -> None:
        """Replace a saved entry (undoable)."""
        assert entry.id is not None
        old = self.journal.get(entry.kind, entry.id)
        change = self.journal.update(entry)
        if old is not None:
            self.undo_stack.push(_EditCommand(self, old, entry))
        self.changed.emit(change)

    def delete(self, entry: Entry) -> None:
        """Delete a saved entry (undoable)."""
        assert entry.id is not None
        deleted, change = self.journal.delete(entry.kind, entry.id)
        self.undo_stack.push(_DeleteCommand(self, deleted))
        self.changed.emit(change)

    def medication(self, write: Callable[[MedicationList], MedicationEdit]) -> MedicationEdit:
        """Start, change or stop a medication (undoable): ``write`` calls the list once."""
        edit = write(self.medications)
        self.undo_stack.push(_MedicationCommand(self, edit))
        self.changed.emit(edit.change)
        return edit
    def plan(self, write: Callable[[Plans], tuple[PlanWrite, Change]], text: str) -> PlanWrite:
        """Run one write of the planned sessions (undoable, named ``text`` in Edit → Undo)."""
        done, change = write(self.plans)
        self.undo_stack.push(_PlanCommand(self, done, text))
        self.changed.emit(change)
        return done

    @staticmethod
    def settings_changed() -> Change:
        """The change record for "settings changed" (views re-read what depends on them)."""
        return Change(frozenset({"settings"}))

    def notify(self, change: Change) -> None:
        """Tell the views about a change made by an undo command."""
        self.changed.emit(change)


class _Command(QUndoCommand):
    """A command whose first redo() already happened (it is pushed after the write)."""

    def __init__(self, controller: JournalController, text: str) -> None:
        super().__init__(text)
        self.controller = controller
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False  # push() calls redo(): the write already happened
            return
        self.controller.notify(self.apply())

    def undo(self) -> None:
        self.controller.notify(self.revert())

    def apply(self) -> Change:
        raise NotImplementedError

    def revert(self) -> Change:
        raise NotImplementedError


def _text(verb: str, entry: Entry) -> str:
    return translate("Controller", UNDO_TEXTS[verb][entry.kind])


class _LogCommand(_Command):
    def __init__(self, controller: JournalController, entry: Entry) -> None:
        super().__init__(controller, _text("log", entry))
        self.entry = entry
        self.deleted: Deleted | None = None

    def revert(self) -> Change:
        assert self.entry.id is not None
        self.deleted, change = self.controller.journal.delete(self.entry.kind, self.entry.id)
        return change

    def apply(self) -> Change:
        assert self.deleted is not None
        return self.controller.journal.undelete(self.deleted)


class _EditCommand(_Command):
    def __init__(self, controller: JournalController, old: Entry, new: Entry) -> None:
        super().__init__(controller, _text("edit", new))
        self.old, self.new = old, new

    def revert(self) -> Change:
        return self.controller.journal.update(self.old)

    def apply(self) -> Change:
        return self.controller.journal.update(self.new)


class _DeleteCommand(_Command):
    def __init__(self, controller: JournalController, deleted: Deleted) -> None:
        super().__init__(controller, _text("delete", deleted.entry))
        self.deleted = deleted

    def revert(self) -> Change:
        return self.controller.journal.undelete(self.deleted)

    def apply(self) -> Change:
        entry = self.deleted.entry
        assert entry.id is not None
        self.deleted, change = self.controller.journal.delete(entry.kind, entry.id)
        return change


class _MedicationCommand(_Command):
    def __init__(self, controller: JournalController, edit: MedicationEdit) -> None:
        super().__init__(controller, edit.text)
        self.edit = edit

    def revert(self) -> Change:
        return self.controller.medications.undo(self.edit)

    def apply(self) -> Change:
        return self.controller.medications.redo(self.edit)


class _PlanCommand(_Command):
    def __init__(self, controller: JournalController, write: PlanWrite, text: str) -> None:
        super().__init__(controller, text)
        self.write = write

    def revert(self) -> Change:
        return self.controller.plans.undo(self.write)

    def apply(self) -> Change:
        return self.controller.plans.redo(self.write)
