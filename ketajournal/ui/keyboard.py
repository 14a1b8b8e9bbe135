"""The keyboard map: Alt-key mnemonics that must not clash, and Help → Keyboard shortcuts.

A mnemonic (``&File``: Alt+F) is live while its widget is on screen: the menu
bar's titles and the tabs always, a button or a buddied label only on the shown
screen or dialog. :func:`mnemonic_clashes` finds two live mnemonics on one key, which
Qt resolves by cycling focus instead of acting (Alt+F then focused a button on Today
instead of opening File); the tests walk every screen and dialog with it.
:class:`KeyboardShortcutsDialog` lists every shortcut from the window's actions
themselves, so the list cannot drift from what the keys do.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ketajournal.translation import translator

tr = translator("Keyboard")

def mnemonic(text: str) -> str | None:
    """The mnemonic letter of ``text`` (upper case), or None; ``&&`` is a literal ``&``."""
    index = 0
    while (index := text.find("&", index)) != -1 and index + 1 < len(text):
        following = text[index + 1]
        if following != "&":
            return following.upper()
        index += 2
    return None


def _shown(widget: QWidget, top: QWidget) -> bool:
    """Visible within ``top`` (on its shown screen), and enabled or not does not matter:
    a disabled button still takes its key from the others' cycle."""
    return widget.isVisibleTo(top)


def live_mnemonics(top: QWidget) -> dict[str, list[str]]:
    """Each mnemonic key live in ``top`` and what owns it ("menu File", "button Save", …).

    The menu bar's titles and every tab's title count always; buttons, group boxes
    and labels with a buddy only while shown within ``top``.
    """
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str, owner: str) -> None:
        key = mnemonic(text)
        if key is not None:
            found[key].append(f"{owner} {text.replace('&', '')!r}")

    for bar in top.findChildren(QMenuBar):
        for action in bar.actions():
            if action.isVisible():
                add(action.text(), "menu")
    for tabs in top.findChildren(QTabWidget):
        if _shown(tabs, top):
            for index in range(tabs.count()):
                add(tabs.tabText(index), "tab")
    for button in top.findChildren(QAbstractButton):
        if _shown(button, top) and not isinstance(button.parent(), QTabWidget):
            add(button.text(), "button")
    for box in top.findChildren(QGroupBox):
        if _shown(box, top) and box.isCheckable():
            add(box.title(), "group")
    for label in top.findChildren(QLabel):
        if _shown(label, top) and label.buddy() is not None:
            add(label.text(), "label")
    return dict(found)


def mnemonic_clashes(top: QWidget) -> dict[str, list[str]]:
    """The live mnemonics of ``top`` that more than one widget claims."""
    return {key: owners for key, owners in live_mnemonics(top).items() if len(owners) > 1}


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do) for every action of ``window`` that has a shortcut, menu
    by menu in menu order, then the actions outside the menus (as "Today: …")."""
    rows: list[tuple[str, str]] = []
    seen: set[int] = set()

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                sub = action.menu()
                assert isinstance(sub, QMenu)
                walk(sub, f"{path} → {action.text().replace('&', '')}")
                continue
            seen.add(id(action))
            for sequence in action.shortcuts():
                rows.append((
                    sequence.toString(QKeySequence.SequenceFormat.NativeText),
                    f"{path} → {action.text().replace('&', '')}",
                ))

    for bar in window.findChildren(QMenuBar):
        for action in bar.actions():
            menu = action.menu()
            if isinstance(menu, QMenu):
                walk(menu, action.text().replace("&", ""))
    for action in window.findChildren(QAction):
        if id(action) in seen or not action.shortcuts():
            continue
        name = action.toolTip() or action.text().replace("&", "")
        for sequence in action.shortcuts():
            rows.append((sequence.toString(QKeySequence.SequenceFormat.NativeText), name))
    for shortcut in window.findChildren(QShortcut):
        if shortcut.isEnabled() and not shortcut.key().isEmpty():
            rows.append((
                shortcut.key().toString(QKeySequence.SequenceFormat.NativeText),
                shortcut.whatsThis() or tr("(undescribed)"),
            ))
    return rows


class KeyboardShortcutsDialog(QDialog):
    """Help → Keyboard shortcuts: every shortcut of the window, read from its actions."""

    def __init__(self, rows: Iterable[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        entries = list(rows)
        intro = QLabel(tr(
            "Every menu, screen and form works from the keyboard: Alt with the underlined "
            "letter opens a menu or presses a button, Tab moves between fields, and on "
            "Today a number key saves your mood."
        ))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(entries), 2)
        self.table.setAccessibleName(tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([tr("Keys"), tr("What they do")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        for row, (keys, action) in enumerate(entries):
            for column, text in enumerate((keys, action)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def rows(self) -> list[tuple[str, str]]:
        """What the table lists, row by row."""
        rows = []
        for row in range(self.table.rowCount()):
            keys, action = self.table.item(row, 0), self.table.item(row, 1)
            assert keys is not None and action is not None
            rows.append((keys.text(), action.text()))
        return rows


__all__ = [
    "KeyboardShortcutsDialog",
    "live_mnemonics",
    "mnemonic",
    "mnemonic_clashes",
    "shortcut_rows",
]
