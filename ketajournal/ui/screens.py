"""The window's screens as one table, and the tab widget that builds each on first use.

:data:`SCREENS` names every screen once: its tab title (with its mnemonic), the
class that draws it and the View-menu shortcut. Today is built with the window;
the others read the whole journal (Timeline pages, the charts need pyqtgraph and
numpy, Appointment the report model), so :class:`ScreenTabs` shows a placeholder
and imports and builds a screen only when it is first shown or asked for.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from ketajournal.translation import noop, translate, translator

if TYPE_CHECKING:  # the menus read SCREENS before the first paint, without the journal's side
    from ketajournal.ui.controller import JournalController
    from ketajournal.ui.view import JournalView

tr = translator("Screens")


@dataclass(frozen=True)
class Screen:
    """One tab of the window."""

    name: str
    #: The tab's title, with its mnemonic.
    title: str
    #: ``module:Class`` of a screen built on first use; None for Today, built at once.
    view: str | None
    #: The View menu's shortcut to it.
    shortcut: str

    @property
    def shown_title(self) -> str:
        """The tab's title in the reader's language."""
        return translate("Screens", self.title)

    @property
    def menu_text(self) -> str:
        """The name in the View menu (the title without its mnemonic)."""
        return self.shown_title.replace("&", "")


SCREENS = (
    Screen("today", noop("Screens", "&Today"), None, "Ctrl+1"),
    Screen("timeline", noop("Screens", "Ti&meline"),
           "ketajournal.ui.timeline:TimelineView", "Ctrl+2"),
    Screen("trends", noop("Screens", "T&rends"),
           "ketajournal.ui.trends:TrendsView", "Ctrl+3"),
    Screen("boosters", noop("Screens", "&Boosters"),
           "ketajournal.ui.boosters:BoostersView", "Ctrl+4"),
    Screen("appointment", noop("Screens", "A&ppointment"),
           "ketajournal.ui.appointment:AppointmentView", "Ctrl+5"),
    Screen("plan", noop("Screens", "Plan"),
           "ketajournal.ui.plan:PlanView", "Ctrl+6"),
    Screen("medications", noop("Screens", "Medications"),
           "ketajournal.ui.medications:MedicationsView", "Ctrl+7"),
    Screen("year", noop("Screens", "Year"),
           "ketajournal.ui.year:YearView", "Ctrl+8"),
    Screen("factors", noop("Screens", "Factors"),
           "ketajournal.ui.factors:FactorsView", "Ctrl+9"),
)


class ScreenTabs(QTabWidget):
    """The screens of :data:`SCREENS` as tabs; Today given, the others built when first used."""

    #: A screen was just built (the window wires its requests).
    built = Signal(object)  # JournalView

    def __init__(
        self, controller: JournalController, today: QWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Screens"))
        self._controller = controller
        self._views: dict[str, JournalView] = {}
        for screen in SCREENS:
            self.addTab(today if screen.view is None else QWidget(), screen.shown_title)
        self.currentChanged.connect(self._build)

    def _build(self, index: int) -> None:
        if 0 <= index < len(SCREENS) and SCREENS[index].view is not None:
            self.view(SCREENS[index].name)

    def view(self, name: str) -> JournalView:
        """The screen ``name`` (timeline, trends, boosters, appointment, medications), built on
        first use."""
        built = self._views.get(name)
        if built is not None:
            return built
        index = next((i for i, s in enumerate(SCREENS) if s.name == name and s.view), None)
        if index is None:
            raise KeyError(name)
        screen = SCREENS[index]
        assert screen.view is not None
        # The screen's module is imported here, on first use: none of it is needed to
        # log a mood.
        from ketajournal.ui.view import JournalView

        module, _, class_name = screen.view.partition(":")
        widget = getattr(importlib.import_module(module), class_name)(self._controller)
        assert isinstance(widget, JournalView)
        self._views[name] = widget
        placeholder = self.widget(index)
        current = self.currentIndex()
        self.blockSignals(True)
        self.removeTab(index)
        self.insertTab(index, widget, screen.shown_title)
        self.setCurrentIndex(current)
        self.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()
        self.built.emit(widget)
        return widget
