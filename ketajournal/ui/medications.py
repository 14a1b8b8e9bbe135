"""The Medications screen: what is taken today, every change, and the start/change/stop form.

Every write goes through :meth:`JournalController.medication`, so Edit → Undo takes it
back like an entry. The rules (what may start, what is being taken on a day, the ranges)
are the domain's; a refusal is shown in the form, which keeps what was typed.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ketajournal.domain.dates import format_date
from ketajournal.domain.locales import number
from ketajournal.domain.medications import (
    COMMON_MEDICATIONS,
    MAX_DOSE_TEXT_CHARS,
    MAX_NAME_CHARS,
    MEDICATION_DOSE_MG_RANGE,
    MedicationClass,
    StepAction,
    default_class,
)
from ketajournal.domain.validation import ValidationError
from ketajournal.errors import KnownError
from ketajournal.palette import screen
from ketajournal.services.medications import KIND, MedicationEdit, MedicationList
from ketajournal.translation import core, noop, translate, translator
from ketajournal.ui.controller import JournalController
from ketajournal.ui.fields import OptionalFloatSpin, day_format
from ketajournal.ui.view import JournalView

CURRENT_COLUMNS = (
    noop("Medications", "Medication"), noop("Medications", "Class"), noop("Medications", "Dose"),
    noop("Medications", "mg"), noop("Medications", "Since"), noop("Medications", "How often"),
)
HISTORY_COLUMNS = (
    noop("Medications", "Date"), noop("Medications", "Medication"), noop("Medications", "Class"),
    noop("Medications", "Change"), noop("Medications", "Dose"),
)
_CHANGE_WORDS = {StepAction.START: noop("Medications", "started"),
                 StepAction.CHANGE: noop("Medications", "dose changed"),
                 StepAction.STOP: "stopped"}
DEFINITION = noop(
    "Medications",
    "As you record them: a dose change applies from its day; a medication is not taken on "
    "the day it is stopped. The Boosters screen and the clinician report show each change "
    "beside the boosters it overlaps — side by side, never as a cause."
)
_TITLES = {"start": noop("Medications", "Start a medication"),
           "change": noop("Medications", "Change a medication's dose"),
           "stop": noop("Medications", "Stop a medication")}

tr = translator("Medications")


def _table(columns: tuple[str, ...], name: str, description: str) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels([translate("Medications", c) for c in columns])
    table.setAccessibleName(name)
    table.setAccessibleDescription(description)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def _cell(text: str, course_id: int | None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setData(Qt.ItemDataRole.UserRole, course_id)
    return item


def _mg(value: float | None) -> str:
    return "—" if value is None else number(f"{value:g}")


class MedicationDialog(QDialog):
    """The form of a start, a dose change or a stop; saves through the controller."""

    def __init__(
        self,
        controller: JournalController,
        action: str,
        *,
        name: str = "",
        taken: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Medications", _TITLES[action]))
        self.setMinimumWidth(440)
        self.controller = controller
        self.action = action
        self.saved: MedicationEdit | None = None
        today = controller.medications.today()
        form = QFormLayout()

        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.setAccessibleName(tr("Medication name"))
        names = sorted(COMMON_MEDICATIONS) if action == "start" else sorted(taken or [])
        self.name.addItems(names)
        self.name.setCurrentIndex(-1)
        self.name.setEditText(name)
        edit = self.name.lineEdit()
        assert edit is not None
        edit.setMaxLength(MAX_NAME_CHARS)
        edit.setPlaceholderText(tr("e.g. sertraline (pick or type)"))
        completer = QCompleter(names, self.name)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name.setCompleter(completer)
        form.addRow(tr("&Name"), self.name)

        self.medication_class = QComboBox()
        self.medication_class.setAccessibleName(tr("Class"))
        for member in MedicationClass:
            self.medication_class.addItem(core(member.label), member.value)
        self.medication_class.setCurrentIndex(
            self.medication_class.findData(MedicationClass.OTHER.value))
        self.name.currentTextChanged.connect(self._class_from_name)

        self.dose = QLineEdit()
        self.dose.setAccessibleName(tr("Dose"))
        self.dose.setMaxLength(MAX_DOSE_TEXT_CHARS)
        self.dose.setPlaceholderText(tr("as prescribed, e.g. 50 mg once a day"))
        low, high = MEDICATION_DOSE_MG_RANGE
        self.dose_mg = OptionalFloatSpin(low, high, 0.05, tr("Dose in mg"))
        self.dose_mg.setSuffix(" mg")
        self.frequency = QLineEdit()
        self.frequency.setAccessibleName(tr("How often"))
        self.frequency.setMaxLength(MAX_DOSE_TEXT_CHARS)
        self.note = QLineEdit()
        self.note.setAccessibleName(tr("Note"))
        if action == "start":
            form.addRow(tr("&Class"), self.medication_class)
        if action != "stop":
            form.addRow(tr("&Dose"), self.dose)
            form.addRow(tr("Dose in &mg"), self.dose_mg)
        if action == "start":
            form.addRow(tr("How &often"), self.frequency)
            form.addRow(tr("N&ote"), self.note)

        self.day = QDateEdit()
        self.day.setAccessibleName(tr("Date"))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(day_format())
        self.day.setMaximumDate(_qdate(today + timedelta(days=1)))
        self.day.setDate(_qdate(today))
        form.addRow({"start": tr("&Started on"), "change": tr("New dose &from"),
                     "stop": tr("&Stopped on")}[action], self.day)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {screen().danger};")
        self.error.setAccessibleName(tr("Error message"))
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._fields: dict[str, QWidget] = {
            "name": self.name, "class": self.medication_class, "dose": self.dose,
            "dose_mg": self.dose_mg, "frequency": self.frequency, "note": self.note,
            "at": self.day,
        }

    def _class_from_name(self, text: str) -> None:
        if self.action == "start" and text.strip():
            found = default_class(text)
            self.medication_class.setCurrentIndex(self.medication_class.findData(found.value))

    def chosen_day(self) -> date:
        """The date in the form."""
        chosen = self.day.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def _write(self, meds: MedicationList) -> MedicationEdit:
        name, day = self.name.currentText(), self.chosen_day()
        if self.action == "start":
            return meds.start(
                name, self.dose.text(), dose_mg=self.dose_mg.optional(),
                medication_class=self.medication_class.currentData(), day=day,
                frequency=self.frequency.text(), note=self.note.text())
        if self.action == "change":
            return meds.change(name, self.dose.text(), dose_mg=self.dose_mg.optional(), day=day)
        return meds.stop(name, day=day)

    def accept(self) -> None:
        """Save; stay open with the message (and what was typed) when it is refused."""
        try:
            self.saved = self.controller.medication(self._write)
        except KnownError as error:
            self.error.setText(str(error))
            self.error.show()
            if isinstance(error, ValidationError) and error.field in self._fields:
                self._fields[error.field].setFocus()
            return
        super().accept()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class MedicationsView(JournalView):
    """Current medications, their history, and the buttons that change them."""

    KINDS = frozenset({KIND})

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.dialog: MedicationDialog | None = None
        buttons = QHBoxLayout()
        self.start_button = QPushButton(tr("&Start a medication…"))
        self.change_button = QPushButton(tr("Change d&ose…"))
        self.stop_button = QPushButton(tr("Stop ta&king…"))
        self.delete_button = QPushButton(tr("&Delete this medication"))
        self.delete_button.setToolTip(
            tr("Delete the selected medication with all its doses (Edit → Undo brings it back)."))
        for button, slot in ((self.start_button, lambda: self.open_form("start")),
                             (self.change_button, lambda: self.open_form("change")),
                             (self.stop_button, lambda: self.open_form("stop")),
                             (self.delete_button, self.delete_selected)):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.current_heading = QLabel()
        self.current_heading.setStyleSheet("font-weight: bold;")
        self.current = _table(CURRENT_COLUMNS, tr("Medications taken today"),
                              tr("One row per medication taken today, with its dose."))
        self.current.itemSelectionChanged.connect(self._update_buttons)
        history_heading = QLabel(tr("Every start, dose change and stop (newest first)"))
        history_heading.setStyleSheet("font-weight: bold;")
        self.history = _table(HISTORY_COLUMNS, tr("Medication history"),
                              tr("Every start, dose change and stop, newest first."))
        self.history.itemSelectionChanged.connect(self._update_buttons)
        definition = QLabel(translate("Medications", DEFINITION))
        definition.setWordWrap(True)
        definition.setStyleSheet(f"color: {screen().definition_text}; font-size: 8.5pt;")

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.current_heading)
        layout.addWidget(self.current, 1)
        layout.addWidget(history_heading)
        layout.addWidget(self.history, 2)
        layout.addWidget(definition)
        self.refresh()

    # -- refresh -----------------------------------------------------------------------
    def rebuild(self) -> None:
        """Read the medication list and show it."""
        meds = self.controller.medications
        taken = meds.current()
        self.current_heading.setText(
            tr("Taken today ({day})").format(day=format_date(meds.today())) if taken
            else tr("Taken today: none recorded"))
        self.current.setRowCount(len(taken))
        for row, (course, step) in enumerate(taken):
            cells = (course.name, core(course.medication_class.label), step.dose_text,
                     _mg(step.dose_mg), format_date(step.day), course.frequency)
            for column, text in enumerate(cells):
                self.current.setItem(row, column, _cell(text, course.id))
        steps = sorted(((s, c) for c in meds.history() for s in c.steps),
                       key=lambda pair: (pair[0].day, pair[0].action is StepAction.STOP),
                       reverse=True)
        self.history.setRowCount(len(steps))
        for row, (step, course) in enumerate(steps):
            dose = "" if step.action is StepAction.STOP else (
                step.dose_text
                + ("" if step.dose_mg is None else f" ({number(f'{step.dose_mg:g}')} mg)"))
            row_cells = (format_date(step.day), course.name, core(course.medication_class.label),
                         translate("Medications", _CHANGE_WORDS[step.action]), dose)
            for column, text in enumerate(row_cells):
                self.history.setItem(row, column, _cell(text, course.id))
        self._update_buttons()

    def _selected_course(self, table: QTableWidget) -> int | None:
        items = table.selectedItems()
        return None if not items else items[0].data(Qt.ItemDataRole.UserRole)

    def _update_buttons(self) -> None:
        any_taken = self.current.rowCount() > 0
        self.change_button.setEnabled(any_taken)
        self.stop_button.setEnabled(any_taken)
        self.delete_button.setEnabled(
            self._selected_course(self.history) is not None
            or self._selected_course(self.current) is not None)

    # -- actions -----------------------------------------------------------------------
    def taken_names(self) -> list[str]:
        """The names of the medications taken today, as shown."""
        return [c.name for c, _ in self.controller.medications.current()]

    def open_form(self, action: str, *, show: bool = True) -> MedicationDialog:
        """Open the start, change or stop form (for the selected medication, if any)."""
        name = ""
        selected = self._selected_course(self.current)
        if action != "start" and selected is not None:
            course = self.controller.medications.get(selected)
            name = course.name if course is not None else ""
        elif action != "start" and len(self.taken_names()) == 1:
            name = self.taken_names()[0]
        self.dialog = MedicationDialog(self.controller, action, name=name,
                                       taken=self.taken_names(), parent=self)
        if show:
            self.dialog.open()
        return self.dialog

    def delete_selected(self) -> None:
        """Delete the selected medication with its doses (undoable)."""
        course_id = (self._selected_course(self.history)
                     or self._selected_course(self.current))
        if course_id is not None:
            self.controller.medication(lambda meds: meds.delete(course_id))

    def history_rows(self) -> list[list[str]]:
        """The history table's cells, top to bottom."""
        return _rows(self.history)

    def current_rows(self) -> list[list[str]]:
        """The current table's cells, top to bottom."""
        return _rows(self.current)


def _rows(table: QTableWidget) -> list[list[str]]:
    return [
        [(item.text() if (item := table.item(r, c)) is not None else "")
         for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


__all__ = ["CURRENT_COLUMNS", "HISTORY_COLUMNS", "MedicationDialog", "MedicationsView"]
