"""The main window's menu bar: File, Edit, Log, View, Help, built from what the window routes.

The menus only name actions and their shortcuts; every action calls the window (seen
through :class:`MenuHost`, so this module does not import the window back). The
actions that depend on an open journal are listed in :attr:`Menus.journal_actions` so
that locking can switch them off at once.

Built in two steps at a start: :func:`menu_bar` names the five menus for the window's
first frame (so the bar does not shift later), :func:`fill_menus` adds their actions
after the first paint, or when a menu is opened before that (docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from ketajournal.translation import translator

#: Help → Crisis resources: always available, locked or not.
CRISIS_SHORTCUT = "Ctrl+Shift+H"

if TYPE_CHECKING:
    from ketajournal.ui.controller import JournalController
    from ketajournal.ui.operations import FileOperations
    from ketajournal.ui.screens import Screen

tr = translator("Menus")


class MenuHost(Protocol):
    """What the menus route to: the main window."""

    files: FileOperations

    @property
    def open_controller(self) -> JournalController: ...

    def export_pdf(self) -> None: ...

    def lock(self) -> None: ...

    def quit_app(self) -> None: ...

    def new_entry(self, kind: str) -> None: ...

    def fill_questionnaire(self, instrument_id: str) -> None: ...

    def edit_settings(self) -> None: ...

    def show_tab(self, index: int) -> None: ...

    def about(self) -> None: ...

    def show_keyboard_shortcuts(self) -> object: ...

    def show_crisis_resources(self) -> None: ...


@dataclass
class Menus:
    """The actions other parts of the window enable, disable or trigger."""

    export_pdf_action: QAction
    export_action: QAction
    export_csv_action: QAction
    export_fhir_action: QAction
    import_action: QAction
    import_folder_action: QAction
    import_app_action: QAction
    backup_file_action: QAction
    restore_file_action: QAction
    lock_action: QAction
    undo_action: QAction
    redo_action: QAction
    crisis_action: QAction
    #: Switched off while the journal is locked.
    journal_actions: list[QAction] = field(default_factory=list)
    #: Every menu's and action's text, written again in the language now installed.
    texts: list[tuple[QAction, Callable[[], str]]] = field(default_factory=list)

    def retranslate(self) -> None:
        """Name every menu and action again in the installed language."""
        for action, text in self.texts:
            action.setText(text())


@dataclass
class MenuBar:
    """The five menus of the bar, named and still empty until :func:`fill_menus`."""

    file: QMenu
    edit: QMenu
    log: QMenu
    view: QMenu
    help: QMenu
    #: Each menu's title, written again in the language now installed.
    texts: list[tuple[QAction, Callable[[], str]]] = field(default_factory=list)

    @property
    def journal_menus(self) -> tuple[QAction, ...]:
        """The menus switched off while no journal is open (Log, View)."""
        return self.log.menuAction(), self.view.menuAction()

    def retranslate(self) -> None:
        """Name every menu again in the installed language."""
        for action, text in self.texts:
            action.setText(text())


def menu_bar(bar: QMenuBar) -> MenuBar:
    """Name the five menus on ``bar`` (titles only: the window's first frame)."""
    texts: list[tuple[QAction, Callable[[], str]]] = []

    def add_menu(text: Callable[[], str]) -> QMenu:
        menu = bar.addMenu(text())
        texts.append((menu.menuAction(), text))
        return menu

    return MenuBar(
        file=add_menu(lambda: tr("&File")), edit=add_menu(lambda: tr("&Edit")),
        log=add_menu(lambda: tr("&Log")), view=add_menu(lambda: tr("&View")),
        help=add_menu(lambda: tr("&Help")), texts=texts,
    )


class ShortcutWatch(QObject):
    """Fills the menus at the first key that may be a shortcut, when it comes before they
    are filled: a shortcut typed while the journal opens still works when Qt delivers it."""

    def __init__(self, fill: Callable[[], object], parent: QObject) -> None:
        super().__init__(parent)
        self._fill = fill
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt asks whether a key is a shortcut before it looks in its table: fill it now."""
        if event.type() == QEvent.Type.ShortcutOverride:
            self.stop()
            self._fill()
        return False

    def stop(self) -> None:
        """No longer watch (the menus are filled)."""
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def add_action(
    owner: QWidget, menu: QMenu, text: str | Callable[[], str], slot: Callable[[], object],
    shortcut: str | QKeySequence.StandardKey | None = None,
) -> QAction:
    """A menu entry that calls ``slot`` (the checked flag of ``triggered`` is dropped);
    ``text`` is the text, or how to write it (:meth:`Menus.retranslate`)."""
    action = QAction(text() if callable(text) else text, owner)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def _menu_text(screen: Screen) -> str:
    return screen.menu_text


def fill_menus(window: MenuHost, owner: QWidget, bar: MenuBar) -> Menus:
    """Fill the menus of ``bar`` (:func:`menu_bar`) with ``window``'s actions; ``owner``
    (the same window) parents the actions."""
    from ketajournal.domain.instruments import INSTRUMENTS
    from ketajournal.domain.models import Event, Session, SideEffect
    from ketajournal.ui.screens import SCREENS

    files, keys = window.files, QKeySequence.StandardKey
    texts: list[tuple[QAction, Callable[[], str]]] = list(bar.texts)

    def add(
        menu: QMenu, text: Callable[[], str], slot: Callable[[], object],
        shortcut: str | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = add_action(owner, menu, text, slot, shortcut)
        texts.append((action, text))
        return action

    file_menu = bar.file
    export_pdf = add(file_menu, lambda: tr("Export clinician &PDF…"), window.export_pdf,
                     "Ctrl+P")
    export_json = add(file_menu, lambda: tr("Export as &JSON…"), files.export_json)
    export_csv = add(file_menu, lambda: tr("Export as &CSV files…"), files.export_csv)
    export_fhir = add(file_menu, lambda: tr("Export as &FHIR bundle…"), files.export_fhir)
    file_menu.addSeparator()
    import_file = add(file_menu, lambda: tr("&Import from a JSON or CSV file…"),
                      files.import_entries)
    import_folder = add(file_menu, lambda: tr("Import from a CSV &folder…"),
                        lambda: files.import_entries(folder=True))
    import_app = add(file_menu, lambda: tr("Import from &another app…"), files.import_from_app)
    file_menu.addSeparator()
    backup_file = add(file_menu, lambda: tr("&Back up to a file…"), files.back_up_to_file)
    restore_file = add(file_menu, lambda: tr("&Restore from a backup file…"),
                       files.restore_from_file)
    file_menu.addSeparator()
    lock = add(file_menu, lambda: tr("&Lock"), window.lock, "Ctrl+L")
    file_menu.addSeparator()
    add(file_menu, lambda: tr("&Quit"), window.quit_app, keys.Quit)

    edit_menu = bar.edit
    undo = add(edit_menu, lambda: tr("&Undo"),
               lambda: window.open_controller.undo_stack.undo(), keys.Undo)
    redo = add(edit_menu, lambda: tr("&Redo"),
               lambda: window.open_controller.undo_stack.redo(), keys.Redo)

    log_menu = bar.log
    entry_texts: tuple[tuple[Callable[[], str], str, str], ...] = (
        (lambda: tr("&Session…"), Session.kind, "Ctrl+Shift+S"),
        (lambda: tr("Side &effect…"), SideEffect.kind, "Ctrl+Shift+E"),
        (lambda: tr("E&vent…"), Event.kind, "Ctrl+Shift+V"),
    )
    for text, kind, shortcut in entry_texts:
        add(log_menu, text, partial(window.new_entry, kind), shortcut)
    log_menu.addSeparator()
    for questionnaire in INSTRUMENTS.values():
        add(
            log_menu,
            partial(lambda title: tr("{title} questionnaire…").format(title=title),
                    questionnaire.short_title),
            partial(window.fill_questionnaire, questionnaire.id),
        )

    edit_menu.addSeparator()
    settings = add(edit_menu, lambda: tr("&Settings…"), window.edit_settings, keys.Preferences)

    view_menu = bar.view
    for number, screen in enumerate(SCREENS):
        add(view_menu, partial(_menu_text, screen), partial(window.show_tab, number),
            screen.shortcut)

    help_menu = bar.help
    # Always available, locked or not: the list of the chosen country, else the
    # international one.
    crisis = add(help_menu, lambda: tr("&Crisis resources…"), window.show_crisis_resources,
                 CRISIS_SHORTCUT)
    add(
        help_menu, lambda: tr("&Keyboard shortcuts…"), window.show_keyboard_shortcuts,
        keys.HelpContents,
    )
    add(help_menu, lambda: tr("&About ketajournal"), window.about)

    return Menus(
        export_pdf_action=export_pdf, export_action=export_json,
        export_csv_action=export_csv, export_fhir_action=export_fhir,
        import_action=import_file, import_folder_action=import_folder,
        import_app_action=import_app,
        backup_file_action=backup_file, restore_file_action=restore_file,
        lock_action=lock, undo_action=undo, redo_action=redo, crisis_action=crisis,
        journal_actions=[
            export_pdf, export_json, export_csv, export_fhir, import_file, import_folder,
            import_app,
            log_menu.menuAction(), settings, view_menu.menuAction(),
        ],
        texts=texts,
    )
