"""Timeline: every entry in one table, newest first; filter, search notes, edit, delete.

The table is a real :class:`QAbstractTableModel` over domain entries, behind a
filter proxy (kind and note search). Deleting asks nothing: Edit → Undo (or
Ctrl+Z) brings the entry back under its old id.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ketajournal.domain.models import (
    KIND_LABELS,
    Entry,
    Event,
    MoodEntry,
    Session,
    SideEffect,
)
from ketajournal.errors import KnownError
from ketajournal.services.journal import Change
from ketajournal.ui.controller import JournalController

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


def summarize(entry: Entry) -> str:
    """One line describing an entry's values (not its note)."""
    if isinstance(entry, MoodEntry):
        parts = [f"Mood {entry.mood}/10"]
        if entry.anxiety is not None:
            parts.append(f"anxiety {entry.anxiety}/10")
        if entry.energy is not None:
            parts.append(f"energy {entry.energy}/10")
        if entry.sleep_hours is not None:
            parts.append(f"slept {entry.sleep_hours:g} h")
        return ", ".join(parts)
    if isinstance(entry, Session):
        parts = [f"{entry.phase.label}: {entry.route.label}"]
        if entry.dose_mg is not None:
            per_kg = entry.dose_mg_per_kg
            parts.append(f"{entry.dose_mg:g} mg" + (f" ({per_kg:.2f} mg/kg)" if per_kg else ""))
        if entry.dissociation is not None:
            parts.append(f"dissociation {entry.dissociation}/10")
        if entry.bp_before or entry.bp_after:
            parts.append(f"BP {entry.bp_before or '–'} → {entry.bp_after or '–'}")
        if entry.clinic:
            parts.append(entry.clinic)
        return ", ".join(parts)
    if isinstance(entry, SideEffect):
        text = f"{entry.label}, severity {entry.severity}/10"
        if entry.duration_minutes:
            text += f", {entry.duration_minutes} min"
        if entry.category.is_red_flag:
            text = "RED FLAG — " + text
        return text
    if isinstance(entry, Event):
        return entry.event_kind.label
    return ""


class TimelineModel(QAbstractTableModel):
    """Entries newest first; columns When, Kind, Details, Note."""

    HEADERS = ("When", "Kind", "Details", "Note")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []

    def set_entries(self, entries: list[Entry]) -> None:
        """Replace the rows (given oldest first, shown newest first)."""
        self.beginResetModel()
        self._entries = list(reversed(entries))
        self.endResetModel()

    def entry(self, row: int) -> Entry:
        """The entry shown in ``row``."""
        return self._entries[row]

    def row_of(self, kind: str, entry_id: int) -> int | None:
        """The row showing an entry, if any."""
        for row, entry in enumerate(self._entries):
            if entry.kind == kind and entry.id == entry_id:
                return row
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role == ENTRY_ROLE:
            return entry
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == 0:
                return f"{entry.at.astimezone():%a %d %b %Y  %H:%M}"
            if column == 1:
                return KIND_LABELS[entry.kind]
            if column == 2:
                return summarize(entry)
            if role == Qt.ItemDataRole.DisplayRole:
                return entry.note.replace("\n", " ")
            return entry.note
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and isinstance(entry, SideEffect)
            and entry.category.is_red_flag
        ):
            return QColor("#b00020")
        return None


class TimelineFilter(QSortFilterProxyModel):
    """Filter by kind and by text in the note (case-insensitive)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind: str | None = None
        self._text = ""

    def set_kind(self, kind: str | None) -> None:
        """Show only ``kind`` (None: all kinds)."""
        self.beginFilterChange()
        self._kind = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        """Show only entries whose note contains ``text``."""
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, TimelineModel)
        entry = model.entry(source_row)
        if self._kind is not None and entry.kind != self._kind:
            return False
        return not self._text or self._text in entry.note.casefold()


class TimelineView(QWidget):
    """The Timeline tab."""

    edit_requested = Signal(object)  # Entry

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        controller.changed.connect(self.on_change)
        self.model = TimelineModel(self)
        self.proxy = TimelineFilter(self)
        self.proxy.setSourceModel(self.model)

        self.kind_filter = QComboBox()
        self.kind_filter.addItem("All kinds", None)
        for kind, label in KIND_LABELS.items():
            self.kind_filter.addItem(label, kind)
        self.kind_filter.setAccessibleName("Show kind")
        self.kind_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_kind(self.kind_filter.currentData())
        )
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search in notes")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search in notes")
        self.search.textChanged.connect(self.proxy.set_text)
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.setAccessibleName("Edit the selected entry")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton("&Delete")
        self.delete_button.setAccessibleName("Delete the selected entry")
        self.delete_button.clicked.connect(self.delete_selected)
        self.message = QLabel("")
        self.message.setAccessibleName("Timeline message")

        bar = QHBoxLayout()
        show_label = QLabel("&Show:")
        show_label.setBuddy(self.kind_filter)
        bar.addWidget(show_label)
        bar.addWidget(self.kind_filter)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("All entries, newest first")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 420)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.edit_selected)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        """Reload the entries, keeping the selected one selected."""
        selected = self.selected_entry()
        self.model.set_entries(self.controller.journal.all_entries())
        if selected is not None and selected.id is not None:
            self.select(selected.kind, selected.id)

    def on_change(self, change: Change) -> None:
        """Any change can add, move or remove rows: reload."""
        self.refresh()

    def select(self, kind: str, entry_id: int) -> bool:
        """Select the row of an entry (if it passes the filter)."""
        row = self.model.row_of(kind, entry_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def selected_entry(self) -> Entry | None:
        """The entry in the selected row, if any."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        entry = self.proxy.data(rows[0], ENTRY_ROLE)
        return entry if isinstance(entry, Entry) else None

    def edit_selected(self) -> None:
        """Open the selected entry's form (the main window handles the dialog)."""
        entry = self.selected_entry()
        if entry is not None:
            self.edit_requested.emit(entry)

    def delete_selected(self) -> None:
        """Delete the selected entry (undo with Ctrl+Z)."""
        entry = self.selected_entry()
        if entry is None:
            return
        row = self.table.currentIndex().row()
        try:
            self.controller.delete(entry)
        except KnownError as error:
            self.message.setText(str(error))
            return
        self.message.setText(
            f"{KIND_LABELS[entry.kind]} deleted. Edit → Undo (Ctrl+Z) brings it back."
        )
        if self.proxy.rowCount():
            self.table.selectRow(min(row, self.proxy.rowCount() - 1))
