"""Timeline: every entry in one table, newest first; filter, search notes, edit, delete.

The table is a real :class:`QAbstractTableModel` over domain entries, behind a
filter proxy (kind and note search). Deleting asks nothing: Edit → Undo (or
Ctrl+Z) brings the entry back under its old id.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
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

from ketajournal.domain.dates import format_date_time
from ketajournal.domain.locales import number
from ketajournal.domain.models import (
    KIND_LABELS,
    Assessment,
    Entry,
    Event,
    MoodEntry,
    Session,
    SideEffect,
)
from ketajournal.domain.timeutil import as_logged
from ketajournal.errors import KnownError
from ketajournal.palette import screen
from ketajournal.services.journal import Change, Journal
from ketajournal.translation import core, noop, translate, translator
from ketajournal.ui.controller import JournalController
from ketajournal.ui.view import JournalView

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex
TimelineKey = tuple[float, int, int]
#: Rows read per page (and at first).
PAGE_SIZE = 200
#: A change touching more entries than this (an import) reloads instead of patching rows.
MAX_TARGETED_IDS = 50

tr = translator("Timeline")


def summarize(entry: Entry) -> str:
    """One line describing an entry's values (not its note)."""
    if isinstance(entry, MoodEntry):
        parts = [tr("Mood {score}/10").format(score=entry.mood)]
        if entry.anxiety is not None:
            parts.append(tr("anxiety {score}/10").format(score=entry.anxiety))
        if entry.energy is not None:
            parts.append(tr("energy {score}/10").format(score=entry.energy))
        if entry.sleep_hours is not None:
            parts.append(tr("slept {hours} h").format(hours=number(f"{entry.sleep_hours:g}")))
        return ", ".join(parts)
    if isinstance(entry, Session):
        parts = [f"{core(entry.phase.label)}: {core(entry.route.label)}"]
        if entry.dose_mg is not None:
            per_kg = entry.dose_mg_per_kg
            parts.append(number(f"{entry.dose_mg:g}") + " mg"
                         + (f" ({number(f'{per_kg:.2f}')} mg/kg)" if per_kg else ""))
        if entry.dissociation is not None:
            parts.append(tr("dissociation {score}/10").format(score=entry.dissociation))
        if entry.bp_before or entry.bp_after or entry.bp_leaving:
            leaving = tr(" → {bp} leaving").format(bp=entry.bp_leaving) \
                if entry.bp_leaving else ""
            parts.append(tr("BP {before} → {after}").format(
                before=entry.bp_before or "–", after=entry.bp_after or "–") + leaving)
        for value, text in ((entry.heart_rate, tr("HR {} bpm")), (entry.spo2, "SpO₂ {} %"),
                            (entry.observation_minutes, tr("observed {} min")),
                            (entry.moaas, "MOAA/S {}")):
            if value is not None:
                parts.append(text.format(value))
        if entry.clinic:
            parts.append(entry.clinic)
        return ", ".join(parts)
    if isinstance(entry, SideEffect):
        text = tr("{label}, severity {score}/10").format(label=core(entry.label),
                                                          score=entry.severity)
        if entry.duration_minutes:
            text += tr(", {minutes} min").format(minutes=entry.duration_minutes)
        if entry.is_red_flag:
            text = tr("RED FLAG — {text}").format(text=text)
        return text
    if isinstance(entry, Event):
        return core(entry.event_kind.label)
    if isinstance(entry, Assessment):
        text = entry.summary
        item = entry.instrument.safety_item
        if entry.safety_flag and item is not None:
            text += tr("; question {number} answered above 0").format(number=item)
        return text
    return ""


class TimelineModel(QAbstractTableModel):
    """Entries newest first, a page at a time; columns When, Kind, Details, Note.

    The rows are read from the journal in pages of :data:`PAGE_SIZE` (keyset
    pagination, newest first); a view asks for the next page through
    :meth:`canFetchMore` / :meth:`fetchMore` when it scrolls to the end. The kind
    filter and the note search are applied by the query, so a match on any page is
    found. A change inserts, moves or removes only the rows it touched.
    """

    HEADERS = (noop("Timeline", "When"), noop("Timeline", "Kind"),
               noop("Timeline", "Details"), noop("Timeline", "Note"))

    def __init__(self, journal: Callable[[], Journal] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._entries: list[Entry] = []
        self._keys: list[TimelineKey] = []  # negated keys: ascending as rows go down
        self._more = False
        self._kind: str | None = None
        self._text = ""

    # -- loading -------------------------------------------------------------------------
    def set_entries(self, entries: list[Entry]) -> None:
        """Replace the rows with ``entries`` (given oldest first, shown newest first)."""
        self.beginResetModel()
        self._entries = list(reversed(entries))
        self._keys = [_negated(e) for e in self._entries]
        self._more = False
        self.endResetModel()

    def reload(self, at_least: int = 0) -> None:
        """Read the newest page again (or as many rows as ``at_least``, to keep a scroll)."""
        limit = max(PAGE_SIZE, at_least)
        entries = self._read(None, limit)
        self.beginResetModel()
        self._entries = entries
        self._keys = [_negated(e) for e in entries]
        self._more = len(entries) == limit
        self.endResetModel()

    def set_filter(self, kind: str | None, text: str) -> None:
        """Show only ``kind`` (None: all) and notes containing ``text`` (any case)."""
        text = text.strip()
        if (kind, text) != (self._kind, self._text):
            self._kind, self._text = kind, text
            self.reload()

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        page = self._read(self._entries[-1] if self._entries else None, PAGE_SIZE)
        self._more = len(page) == PAGE_SIZE
        if page:
            first = len(self._entries)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._entries.extend(page)
            self._keys.extend(_negated(e) for e in page)
            self.endInsertRows()

    def fetch_until(self, entry: Entry) -> None:
        """Read pages until the place of ``entry`` is loaded."""
        key = _negated(entry)
        while self._more and (not self._keys or self._keys[-1] < key):
            self.fetchMore()

    def _read(self, after: Entry | None, limit: int) -> list[Entry]:
        if self._journal is None:
            return []
        kinds = (self._kind,) if self._kind is not None else tuple(KIND_LABELS)
        return self._journal().newest_first(
            kinds, after=after, limit=limit, note_contains=self._text
        )

    # -- changes -------------------------------------------------------------------------
    def apply(self, change: Change) -> None:
        """Bring the rows up to date with one write: only the entries it touched."""
        kinds = [kind for kind in change.kinds if kind in KIND_LABELS]
        if not kinds:
            return
        if self._journal is None or not change.ids or len(change.ids) > MAX_TARGETED_IDS:
            self.reload(len(self._entries))
            return
        journal = self._journal()
        for kind in kinds:
            for entry_id in change.ids:
                self._update(kind, entry_id, journal.get(kind, entry_id))

    def _accepts(self, entry: Entry) -> bool:
        if self._kind is not None and entry.kind != self._kind:
            return False
        return not self._text or self._text.casefold() in entry.note.casefold()

    def _update(self, kind: str, entry_id: int, entry: Entry | None) -> None:
        row = self.row_of(kind, entry_id)
        if entry is not None and not self._accepts(entry):
            entry = None
        if row is not None:
            if entry is not None and self._fits(row, entry):
                self._entries[row] = entry
                self._keys[row] = _negated(entry)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
                return
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._entries[row]
            del self._keys[row]
            self.endRemoveRows()
        if entry is None:
            return
        key = _negated(entry)
        if self._more and self._keys and key > self._keys[-1]:
            return  # it belongs on a page not read yet
        row = bisect_left(self._keys, key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._entries.insert(row, entry)
        self._keys.insert(row, key)
        self.endInsertRows()

    def _fits(self, row: int, entry: Entry) -> bool:
        key = _negated(entry)
        return (row == 0 or self._keys[row - 1] < key) and (
            row + 1 == len(self._keys) or key < self._keys[row + 1]
        )

    # -- reading -------------------------------------------------------------------------
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
            return translate("Timeline", self.HEADERS[section])
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
                return as_logged(entry.at)
            if column == 1:
                return core(KIND_LABELS[entry.kind])
            if column == 2:
                return summarize(entry)
            if role == Qt.ItemDataRole.DisplayRole:
                return entry.note.replace("\n", " ")
            return entry.note
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and isinstance(entry, SideEffect)
            and entry.is_red_flag
        ):
            return QColor(screen().danger)
        return None


def _negated(entry: Entry) -> TimelineKey:
    ts, rank, entry_id = Journal.timeline_key(entry)
    return (-ts, -rank, -entry_id)


class TimelineFilter(QIdentityProxyModel):
    """The kind filter and the note search (case-insensitive), done by the model's query."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind: str | None = None
        self._text = ""

    def _model(self) -> TimelineModel:
        model = self.sourceModel()
        assert isinstance(model, TimelineModel)
        return model

    def set_kind(self, kind: str | None) -> None:
        """Show only ``kind`` (None: all kinds)."""
        self._kind = kind
        self._model().set_filter(self._kind, self._text)

    def set_text(self, text: str) -> None:
        """Show only entries whose note contains ``text``."""
        self._text = text
        self._model().set_filter(self._kind, self._text)


#: One time per weekday and month, to size the When column for the widest of them.
_SAMPLE_TIMES = [datetime(2026, month, day, 23, 59)
                 for month in range(1, 13) for day in range(1, 8)]


class TimelineView(JournalView):
    """The Timeline tab: a shown Timeline patches the rows a change touched."""

    KINDS = frozenset(KIND_LABELS)

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self._model = TimelineModel(lambda: self.controller.journal, self)
        self._proxy = TimelineFilter(self)
        self._proxy.setSourceModel(self._model)

        self.kind_filter = QComboBox()
        self.kind_filter.addItem(tr("All kinds"), None)
        for kind, label in KIND_LABELS.items():
            self.kind_filter.addItem(core(label), kind)
        self.kind_filter.setAccessibleName(tr("Show kind"))
        self.kind_filter.currentIndexChanged.connect(
            lambda: self._proxy.set_kind(self.kind_filter.currentData())
        )
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search in notes"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Search in notes"))
        self.search.textChanged.connect(self._proxy.set_text)
        self.edit_button = QPushButton(tr("Ed&it…"))
        self.edit_button.setAccessibleName(tr("Edit the selected entry"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(tr("&Delete"))
        self.delete_button.setAccessibleName(tr("Delete the selected entry"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.message = QLabel("")
        self.message.setAccessibleName(tr("Timeline message"))

        bar = QHBoxLayout()
        show_label = QLabel(tr("&Show:"))
        show_label.setBuddy(self.kind_filter)
        bar.addWidget(show_label)
        bar.addWidget(self.kind_filter)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)

        self.table = QTableView()
        self.table.setModel(self._proxy)
        self.table.setAccessibleName(tr("All entries, newest first"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Widths from the font, not from the rows: sizing to contents reads every row.
        metrics = self.table.fontMetrics()
        padding = 3 * metrics.averageCharWidth()
        widths = (
            # Room for the offset that as_logged adds to a time logged in another zone.
            max(metrics.horizontalAdvance(f"{format_date_time(day, padded=True)} (UTC−12:00)")
                for day in _SAMPLE_TIMES),
            max(metrics.horizontalAdvance(core(label)) for label in KIND_LABELS.values()),
        )
        for column, width in enumerate(widths):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width + padding)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 420)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        # Their What's This is the line Help → Keyboard shortcuts shows.
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected)
        delete.setWhatsThis(tr("Timeline → Delete the selected entry"))
        edit = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.edit_selected)
        edit.setWhatsThis(tr("Timeline → Edit the selected entry"))

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        self.refresh()

    @property
    def model(self) -> TimelineModel:
        """The rows, brought up to date first if changes came while the view was hidden."""
        self.catch_up()
        return self._model

    @property
    def proxy(self) -> TimelineFilter:
        """The filtered rows the table shows (up to date, like :attr:`model`)."""
        self.catch_up()
        return self._proxy

    def rebuild(self) -> None:
        """Reload the rows read so far, keeping the selected entry selected."""
        selected = self.selected_entry()
        self._model.reload(self._model.rowCount())
        if selected is not None and selected.id is not None:
            self.select(selected.kind, selected.id)

    def apply(self, change: Change) -> None:
        """Patch the rows the change touched, keeping the selected entry selected."""
        self.catch_up()
        selected = self.selected_entry()
        self._model.apply(change)
        now = self.selected_entry()
        if (
            selected is not None
            and selected.id is not None
            and (now is None or (now.kind, now.id) != (selected.kind, selected.id))
        ):
            self.select(selected.kind, selected.id)  # it moved (or was deleted: no-op)

    def select(self, kind: str, entry_id: int) -> bool:
        """Select the row of an entry (if it passes the filter), reading pages up to it."""
        row = self._model.row_of(kind, entry_id)
        if row is None:
            entry = self.controller.journal.get(kind, entry_id)
            if entry is None:
                return False
            self._model.fetch_until(entry)
            row = self._model.row_of(kind, entry_id)
        if row is None:
            return False
        index = self._proxy.mapFromSource(self._model.index(row, 0))
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
        entry = self._proxy.data(rows[0], ENTRY_ROLE)
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
            tr("{kind} deleted. Edit → Undo (Ctrl+Z) brings it back.").format(
                kind=core(KIND_LABELS[entry.kind]))
        )
        if self._proxy.rowCount():
            self.table.selectRow(min(row, self._proxy.rowCount() - 1))
