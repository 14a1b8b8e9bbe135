"""File → Import from another app…: format and file, mapping, preview, then the import.

Step by step in one dialog: choose the format (Daylio, eMoods, Bearable, any CSV) and
the file; for Daylio score each mood label (defaults and the scores remembered from
earlier imports filled in; a label nobody scored yet must be chosen), for a CSV map
its columns; **Preview** reads the whole file and matches it against the journal
(``services.app_import.preview``: counts, exact duplicates, the first rows);
**Import** runs ``import_parsed`` off the UI thread through ``JournalJobs`` (a
verified backup, then one transaction) and routes the change to the screens.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ketajournal.domain.dates import format_date
from ketajournal.domain.models import SCORE_RANGE
from ketajournal.errors import KnownError
from ketajournal.palette import screen
from ketajournal.services import app_import
from ketajournal.services.app_import import AppImportResult, ImportOptions, ImportPreview
from ketajournal.services.imports import daylio
from ketajournal.services.imports.common import read_table, safe_name
from ketajournal.services.imports.generic import ColumnMapping
from ketajournal.translation import core, noop, translate, translator
from ketajournal.ui.controller import JournalController

#: Rows the preview table shows.
PREVIEW_ROWS = 20
PREVIEW_COLUMNS = (noop("Import", "Date"), noop("Import", "Time"), noop("Import", "Mood"),
                   noop("Import", "Tags"), noop("Import", "Note"))
DELIMITERS = ((noop("Import", "Comma (,)"), ","), (noop("Import", "Semicolon (;)"), ";"),
              (noop("Import", "Tab"), "\t"))
_NONE = noop("Import", "(none)")

tr = translator("Import")


class LabelScores(QTableWidget):
    """Daylio's mood labels, each with its 0–10 score (a new label starts unchosen)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels((tr("Mood label in the file"),
                                        tr("Score (0 worst, 10 best)")))
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.verticalHeader().hide()
        self.setAccessibleName(tr("Mood labels and their scores"))

    def set_labels(self, labels: tuple[str, ...], known: dict[str, int]) -> None:
        """One row per label; ``known`` scores (by :func:`daylio.mood_key`) filled in."""
        self.setRowCount(len(labels))
        low, high = SCORE_RANGE
        for row, label in enumerate(labels):
            item = QTableWidgetItem(label)
            self.setItem(row, 0, item)
            spin = QSpinBox()
            spin.setRange(low - 1, high)
            spin.setSpecialValueText(tr("choose…"))
            spin.setAccessibleName(tr("Score of the mood label {label}").format(label=label))
            spin.setValue(known.get(daylio.mood_key(label), low - 1))
            self.setCellWidget(row, 1, spin)

    def scores(self) -> dict[str, int]:
        """The chosen scores by label (labels still unchosen are left out)."""
        chosen: dict[str, int] = {}
        for row in range(self.rowCount()):
            spin = self.cellWidget(row, 1)
            item = self.item(row, 0)
            if isinstance(spin, QSpinBox) and item is not None and spin.value() >= 0:
                chosen[item.text()] = spin.value()
        return chosen

    def unchosen(self) -> list[str]:
        """Labels without a score yet."""
        chosen = self.scores()
        return [
            item.text() for row in range(self.rowCount())
            if (item := self.item(row, 0)) is not None and item.text() not in chosen
        ]


class ColumnChoices(QGroupBox):
    """Which column of a CSV file is the date, the mood, the time and the note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Columns of the CSV file"), parent)
        self.delimiter = QComboBox()
        for name, value in DELIMITERS:
            self.delimiter.addItem(translate("Import", name), value)
        self.date_column = QComboBox()
        self.date_format = QLineEdit("%Y-%m-%d")
        self.date_format.setToolTip(tr("strptime codes: %d day, %m month, %Y year, %H:%M time"))
        self.mood_column = QComboBox()
        self.scale_min = QDoubleSpinBox()
        self.scale_max = QDoubleSpinBox()
        for spin, start in ((self.scale_min, 1.0), (self.scale_max, 5.0)):
            spin.setRange(-1000, 1000)
            spin.setDecimals(1)
            spin.setValue(start)
        self.lower_is_better = QCheckBox(tr("The lowest value is the best mood"))
        self.time_column = QComboBox()
        self.note_column = QComboBox()
        names = ((tr("Se&parator"), self.delimiter), (tr("&Date column"), self.date_column),
                 (tr("Date &format"), self.date_format),
                 (tr("&Mood column"), self.mood_column),
                 (tr("Time column"), self.time_column), (tr("Note column"), self.note_column))
        form = QFormLayout(self)
        for label, widget in names:
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        scale = QHBoxLayout()
        scale.addWidget(self.scale_min)
        scale.addWidget(QLabel(tr("to")))
        scale.addWidget(self.scale_max)
        self.scale_min.setAccessibleName(tr("Lowest value of the mood scale"))
        self.scale_max.setAccessibleName(tr("Highest value of the mood scale"))
        scale_label = QLabel(tr("Mood &scale"))
        scale_label.setBuddy(self.scale_min)
        form.addRow(scale_label, scale)
        form.addRow("", self.lower_is_better)

    def set_header(self, header: tuple[str, ...]) -> None:
        """Offer the file's columns (guessing date and mood by their names)."""
        for box, optional in ((self.date_column, False), (self.mood_column, False),
                              (self.time_column, True), (self.note_column, True)):
            box.clear()
            if optional:
                box.addItem(translate("Import", _NONE), None)
            for name in header:
                box.addItem(safe_name(name) if safe_name(name) == name else name, name)
        for box, words in ((self.date_column, ("date", "datum", "day")),
                           (self.mood_column, ("mood", "stimmung", "score")),
                           (self.time_column, ("time", "uhrzeit")),
                           (self.note_column, ("note", "notiz", "notes"))):
            for index in range(box.count()):
                if str(box.itemData(index) or "").strip().casefold() in words:
                    box.setCurrentIndex(index)
                    break

    def mapping(self) -> ColumnMapping:
        """The mapping as chosen (checked when the file is read)."""
        return ColumnMapping(
            date_column=str(self.date_column.currentData() or ""),
            date_format=self.date_format.text(),
            mood_column=str(self.mood_column.currentData() or ""),
            scale_min=self.scale_min.value(),
            scale_max=self.scale_max.value(),
            higher_is_better=not self.lower_is_better.isChecked(),
            time_column=self.time_column.currentData(),
            note_column=self.note_column.currentData(),
            delimiter=str(self.delimiter.currentData()),
        )


class AppImportDialog(QDialog):
    """Import another app's export into the open journal, after a preview."""

    def __init__(
        self,
        controller: JournalController,
        parent: QWidget | None = None,
        *,
        on_done: Callable[[AppImportResult], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Import from another app"))
        self.setMinimumWidth(640)
        self.controller = controller
        self.on_done = on_done
        self.plan: ImportPreview | None = None
        self.outcome: AppImportResult | None = None

        self.source = QComboBox()
        for key, name in app_import.SOURCES.items():
            self.source.addItem(core(name), key)
        self.source.setAccessibleName(tr("Format of the file"))
        self.path = QLineEdit()
        self.path.setAccessibleName(tr("File to import"))
        choose = QPushButton(tr("C&hoose…"))
        choose.clicked.connect(self._choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(choose)
        top = QFormLayout()
        top.addRow(tr("F&ormat"), self.source)
        file_label = QLabel(tr("&File"))
        file_label.setBuddy(self.path)
        top.addRow(file_label, file_row)

        self.labels_box = QGroupBox(tr("Daylio mood labels: a score for each"))
        self.labels = LabelScores()
        labels_layout = QVBoxLayout(self.labels_box)
        explain = QLabel(
            tr("Daylio's five moods have defaults (rad 9, good 7, meh 5, bad 3, awful 1); "
            "your own labels need a score. Your choices are remembered.")
        )
        explain.setWordWrap(True)
        labels_layout.addWidget(explain)
        labels_layout.addWidget(self.labels)
        self.columns = ColumnChoices()
        self.columns.delimiter.currentIndexChanged.connect(self._read_header)

        self.preview_button = QPushButton(tr("&Preview"))
        self.preview_button.clicked.connect(self.preview)
        self.status = QLabel(tr("Choose the format and the file, then Preview."))
        self.status.setWordWrap(True)
        self.status.setAccessibleName(tr("Import status"))
        self.table = QTableWidget(0, len(PREVIEW_COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("Import", c) for c in PREVIEW_COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch
        )
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(tr("The first new entries"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.labels_box)
        layout.addWidget(self.columns)
        row = QHBoxLayout()
        row.addWidget(self.preview_button)
        row.addWidget(self.status, 1)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

        self.source.currentIndexChanged.connect(self._source_changed)
        self.path.editingFinished.connect(self._file_changed)
        self._source_changed()

    # -- choosing -----------------------------------------------------------------------
    @property
    def source_key(self) -> str:
        """The chosen format (a key of ``app_import.SOURCES``)."""
        return str(self.source.currentData())

    def set_source(self, key: str) -> None:
        """Choose the format ``key``."""
        self.source.setCurrentIndex(self.source.findData(key))

    def set_file(self, path: Path) -> None:
        """Choose the file and read what the mapping step needs from it."""
        self.path.setText(str(path))
        self._file_changed()

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Choose the exported file"), str(Path.home()),
            tr("CSV files (*.csv *.txt)")
        )
        if name:
            self.set_file(Path(name))

    def _source_changed(self) -> None:
        self.labels_box.setVisible(self.source_key == "daylio")
        self.columns.setVisible(self.source_key == "csv")
        self._file_changed()

    def _file_changed(self) -> None:
        self._invalidate()
        if not self.path.text().strip():
            return
        try:
            if self.source_key == "daylio":
                labels = daylio.mood_labels(Path(self.path.text()).expanduser())
                known = {daylio.mood_key(k): v for k, v in daylio.DEFAULT_MOOD_SCORES.items()}
                known.update(app_import.remembered_scores(self.controller.journal))
                self.labels.set_labels(labels, known)
            elif self.source_key == "csv":
                self._read_header()
        except KnownError as error:
            self._say(str(error), screen().danger)

    def _read_header(self) -> None:
        if self.source_key != "csv" or not self.path.text().strip():
            return
        self._invalidate()
        try:
            table = read_table(Path(self.path.text()).expanduser(),
                               delimiter=str(self.columns.delimiter.currentData()))
        except KnownError as error:
            self._say(str(error), screen().danger)
            return
        self.columns.set_header(table.header)

    def options(self) -> ImportOptions:
        """The options as chosen in the dialog."""
        return ImportOptions(
            self.source_key,
            mood_scores=self.labels.scores() if self.source_key == "daylio" else {},
            columns=self.columns.mapping() if self.source_key == "csv" else None,
        )

    # -- preview and import ------------------------------------------------------------
    def _invalidate(self) -> None:
        self.plan = None
        self.import_button.setEnabled(False)
        self.table.setRowCount(0)

    def _say(self, text: str, colour: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {colour};")

    def preview(self) -> None:
        """Read the whole file and show what would be imported; enable Import if any."""
        self._invalidate()
        if self.source_key == "daylio" and self.labels.unchosen():
            missing = len(self.labels.unchosen())
            self._say(tr("Choose a score for %n mood label(s) first.", n=missing),
                      screen().danger)
            return
        try:
            parsed = app_import.read_file(Path(self.path.text()).expanduser(), self.options())
            plan = app_import.preview(self.controller.journal, parsed)
        except KnownError as error:
            self._say(str(error), screen().danger)
            return
        self.plan = plan
        self._say(" ".join(plan.lines()), screen().info)
        rows = plan.new[:PREVIEW_ROWS]
        self.table.setRowCount(len(rows))
        for row, item in enumerate(rows):
            entry = item.entry
            cells = (format_date(entry.at.date()), f"{entry.at:%H:%M}", str(entry.mood),
                     ", ".join(item.tags), tr("yes") if entry.note else "")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.import_button.setEnabled(bool(plan.new))

    def run_import(self) -> None:
        """Import what the preview showed, off the UI thread, then close."""
        if self.plan is None:
            return
        parsed = self.plan.parsed
        remember = self.labels.scores() if self.source_key == "daylio" else None
        self.import_button.setEnabled(False)

        def finished(result: AppImportResult) -> None:
            self.outcome = result
            self.controller.notify(result.change)
            if self.on_done is not None:
                self.on_done(result)
            self.accept()

        self.controller.jobs.run(
            self, "Importing…",
            lambda journal: app_import.import_parsed(journal, parsed, remember=remember),
            finished,
        )
