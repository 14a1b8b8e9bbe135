"""The base of the screens that follow the journal: refresh on a change, or when next shown.

Timeline, Trends, Boosters and Appointment each read the journal to show it. A
write reaches them as the controller's ``changed`` signal; a screen that is shown
refreshes at once, a hidden one only marks itself stale and refreshes when it is
next shown, so a save pays only for what is on screen. Each screen says which
change kinds concern it (:attr:`JournalView.KINDS`) and how it rebuilds
(:meth:`JournalView.rebuild`); this class holds the rest once.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from ketajournal.services.journal import Change
from ketajournal.ui.controller import JournalController


class JournalView(QWidget):
    """A screen over the open journal, kept up to date through the controller's changes.

    Subclasses set :attr:`KINDS` and implement :meth:`rebuild`; a screen that can
    bring itself up to date more cheaply than a rebuild (Timeline patches the rows a
    change touched) overrides :meth:`apply`.
    """

    #: The change kinds that alter what the screen shows; None: every change.
    KINDS: ClassVar[frozenset[str] | None] = None

    #: The screen asks for an entry's form (the window opens the dialog).
    edit_requested = Signal(object)  # Entry
    #: The screen asks for the session form filled from a planned session (Plan).
    log_from_plan_requested = Signal(object)  # PlannedItem

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._stale = False
        controller.changed.connect(self.on_change)

    @property
    def stale(self) -> bool:
        """True when the journal changed while the screen was hidden (refreshed on show)."""
        return self._stale

    def rebuild(self) -> None:
        """Read the journal and show it again (each screen says how)."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Bring the screen up to date with the journal now."""
        self._stale = False
        self.rebuild()

    def catch_up(self) -> None:
        """Refresh if changes came while the screen was hidden."""
        if self._stale:
            self.refresh()

    def concerns(self, change: Change) -> bool:
        """Whether ``change`` alters what the screen shows."""
        return self.KINDS is None or bool(change.kinds & self.KINDS)

    def on_change(self, change: Change) -> None:
        """Apply a change that concerns the screen; while hidden, only mark it stale."""
        if not self.concerns(change):
            return
        if not self.isVisible():
            self._stale = True
            return
        self.apply(change)

    def apply(self, change: Change) -> None:
        """Bring a shown screen up to date with ``change`` (by default: refresh)."""
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Catch up with the changes made while hidden, before the first paint."""
        self.catch_up()
        super().showEvent(event)
