"""The Trends chart's data as a table: day, mood, 7-day mean, sessions, newest first.

The chart's text alternative (as Boosters lists its cycles): a read-only table
model over :func:`ketajournal.domain.trend_table.trend_rows`, reached from the
keyboard by the Trends screen's "Show the data as a table" button.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ketajournal.domain.series import TrendSeries
from ketajournal.domain.trend_table import COLUMNS, TrendRow, describe_row, trend_rows
from ketajournal.translation import core, translator

Index = QModelIndex | QPersistentModelIndex

tr = translator("TrendTable")



def _headers() -> tuple[str, ...]:
    """The domain's :data:`COLUMNS`, in the reader's language."""
    shown = (tr("Day"), tr("Mood"), tr("7-day mean"), tr("Sessions"))
    assert len(shown) == len(COLUMNS)
    return shown


class TrendTableModel(QAbstractTableModel):
    """The rows of a :class:`TrendSeries`, one per day with a mood or a session."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[TrendRow, ...] = ()

    def set_series(self, series: TrendSeries) -> None:
        """Show the days of ``series``."""
        self.beginResetModel()
        self._rows = trend_rows(series)
        self.endResetModel()

    def row_at(self, row: int) -> TrendRow:
        """The day shown in ``row``."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells(row)[index.column()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # A cell read alone still says which day and which column it is.
            if index.column() == 0:
                return describe_row(row)
            value = self._cells(row)[index.column()] or tr("none")
            return tr("{column}: {value}").format(column=_headers()[index.column()], value=value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (1, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _cells(row: TrendRow) -> tuple[str, ...]:
        """The row's cells, its sessions' phases in the reader's language."""
        day, mood, mean, _sessions = row.cells()
        return day, mood, mean, ", ".join(core(phase.label) for phase in row.sessions)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _headers()[section]
        return None


def trend_table_view(model: TrendTableModel) -> QTableView:
    """A read-only, row-selecting view of ``model`` that Tab leaves (arrows move in it)."""
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(tr("Chart data: one row per day"))
    table.setAccessibleDescription(
        tr("The Trends chart as a table, newest day first: daily mood, its 7-day mean and "
        "the sessions of that day.")
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    for column in range(len(COLUMNS) - 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


__all__ = ["TrendTableModel", "trend_table_view"]
