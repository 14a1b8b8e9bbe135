"""The Plan screen: planned sessions, upcoming and past; add one, plan from a template,
mark done or missed, remove — each undoable.

A template shows its list first: the patient can change any time in it, or leave a
session out, before anything is saved. Nothing here plans on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ketajournal.domain import schedules
from ketajournal.domain.dates import format_date_with_weekday
from ketajournal.domain.locales import number
from ketajournal.domain.models import DOSE_MG_RANGE, Phase, Route
from ketajournal.domain.schedules import PlannedItem, PlannedSession, Template
from ketajournal.errors import KnownError
from ketajournal.palette import screen
from ketajournal.platform.clock import local_zone
from ketajournal.services import plans as plan_service
from ketajournal.services.journal import Change
from ketajournal.services.plans import Plans, PlanWrite
from ketajournal.translation import core, translator
from ketajournal.ui.controller import JournalController
from ketajournal.ui.dialogs import combo, current, note_edit
from ketajournal.ui.fields import OptionalFloatSpin, TimeEdit, day_format
from ketajournal.ui.view import JournalView

PlanWriteFn = Callable[[Plans], tuple[PlanWrite, Change]]

tr = translator("Plan")


def _when(at: datetime) -> str:
    return f"{format_date_with_weekday(at.date())}, {at:%H:%M}"


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class PlanView(JournalView):
    """Upcoming and past planned sessions, with the actions on them."""

    KINDS = frozenset({"planned", "session"})

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        heading = QLabel(tr("Planned sessions"))
        heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        hint = QLabel(tr("Your own plan, to be reminded and to compare with what happened: "
                      "the clinic's schedule decides. Edit → Undo takes back any change here."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {screen().hint_text};")

        self.add_button = QPushButton(tr("&Add…"))
        self.add_button.setAccessibleName(tr("Plan one session"))
        self.add_button.clicked.connect(self.add_one)
        self.template_button = QPushButton(tr("Fr&om a template…"))
        self.template_button.setAccessibleName(tr("Plan sessions from a template"))
        self.template_button.clicked.connect(self.add_from_template)
        self.change_button = QPushButton(tr("&Change…"))
        self.change_button.setAccessibleName(tr("Change or move the selected planned session"))
        self.change_button.clicked.connect(self.change_selected)
        self.done_button = QPushButton(tr("It happene&d…"))
        self.done_button.setAccessibleName(tr("Mark the selected session done"))
        self.done_button.clicked.connect(self.mark_done)
        self.missed_button = QPushButton(tr("Mi&ssed"))
        self.missed_button.setAccessibleName(tr("Mark the selected session missed"))
        self.missed_button.clicked.connect(
            lambda: self._on_selected(lambda i: (lambda p: p.missed(i.id)), "Mark missed")
        )
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.setAccessibleName(tr("Remove the selected planned session"))
        self.remove_button.clicked.connect(
            lambda: self._on_selected(lambda i: (lambda p: p.remove(i.id)),
                                      "Remove planned session")
        )
        self.undo_button = QPushButton(tr("&Undo"))
        self.undo_button.setAccessibleName(tr("Undo the last change"))
        self.undo_button.clicked.connect(controller.undo_stack.undo)
        self.undo_button.hide()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.template_button, self.change_button,
                       self.done_button,
                       self.missed_button, self.remove_button, self.undo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.status = QLabel("")
        self.status.setAccessibleName(tr("Plan status"))
        self.status.setWordWrap(True)

        self.upcoming = _table([tr("When"), tr("Route"), tr("Phase"), tr("Planned dose"),
                                tr("Clinic"), tr("Note")],
                               tr("Upcoming planned sessions"))
        self.past = _table([tr("When"), tr("Route"), tr("Phase"), tr("What happened"),
                            tr("Clinic")],
                           tr("Past planned sessions"))
        self.upcoming.itemSelectionChanged.connect(lambda: self._only_one(self.upcoming))
        self.past.itemSelectionChanged.connect(lambda: self._only_one(self.past))
        self.empty = QLabel(tr("Nothing planned. Add a session, or plan a series from a template "
                            "(IV or IM induction, esketamine per its label, or your own)."))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {screen().hint_text};")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.empty)
        layout.addWidget(QLabel(tr("Upcoming")))
        layout.addWidget(self.upcoming, 2)
        layout.addWidget(QLabel(tr("Past")))
        layout.addWidget(self.past, 1)
        self._rows: dict[int, list[PlannedItem]] = {}
        self.refresh()

    # -- showing -------------------------------------------------------------------------
    def rebuild(self) -> None:
        """Read the planned sessions and fill both tables."""
        plans = self.controller.plans
        upcoming, past = plans.upcoming(), list(reversed(plans.past()))
        self._fill(self.upcoming, upcoming, lambda i: [
            _when(i.session.at), core(i.session.route.label), core(i.session.phase.label),
            "" if i.session.dose_mg is None else number(f"{i.session.dose_mg:g}") + " mg",
            i.session.clinic, i.session.note,
        ])
        self._fill(self.past, past, lambda i: [
            _when(i.session.at), core(i.session.route.label), core(i.session.phase.label),
            tr("Not confirmed yet") if i.is_open else core(i.status.label), i.session.clinic,
        ])
        self.empty.setVisible(not upcoming and not past)

    def _fill(self, table: QTableWidget, items: list[PlannedItem],
              cells: Callable[[PlannedItem], list[str]]) -> None:
        table.setRowCount(len(items))
        for row, item in enumerate(items):
            for column, text in enumerate(cells(item)):
                table.setItem(row, column, QTableWidgetItem(text))
        self._rows[id(table)] = items

    def _only_one(self, table: QTableWidget) -> None:
        if not table.selectedItems():
            return
        other = self.past if table is self.upcoming else self.upcoming
        other.blockSignals(True)
        other.clearSelection()
        other.blockSignals(False)

    def selected(self) -> PlannedItem | None:
        """The planned session selected in either table."""
        for table in (self.upcoming, self.past):
            rows = table.selectionModel().selectedRows()
            if rows:
                return self._rows.get(id(table), [])[rows[0].row()]
        return None

    def select(self, item_id: int) -> None:
        """Select the planned session ``item_id`` (tests, and after adding)."""
        for table in (self.upcoming, self.past):
            for row, item in enumerate(self._rows.get(id(table), [])):
                if item.id == item_id:
                    table.selectRow(row)
                    return

    # -- writing -------------------------------------------------------------------------
    def write(self, write: PlanWriteFn, text: str) -> PlanWrite | None:
        """Run one undoable write; show its error instead when it fails."""
        try:
            done = self.controller.plan(write, text)
        except KnownError as error:
            self.status.setStyleSheet(f"color: {screen().danger};")
            self.status.setText(str(error))
            return None
        self.status.setStyleSheet(f"color: {screen().success};")
        self.status.setText(f"{text}: done.")
        self.undo_button.show()
        return done

    def _on_selected(self, make: Callable[[PlannedItem], PlanWriteFn], text: str) -> None:
        item = self.selected()
        if item is None:
            self.status.setStyleSheet(f"color: {screen().danger};")
            self.status.setText(tr("Select a planned session first."))
            return
        self.write(make(item), text)

    def mark_done(self) -> None:
        """It happened: link the session logged that day, or open the session form."""
        item = self.selected()
        if item is None:
            self._on_selected(lambda i: (lambda p: p.done(i.id)), "Mark done")
            return
        late = next((o for o in self.controller.plans.overdue() if o.item.id == item.id), None)
        if late is not None and late.match is None:
            self.log_from_plan_requested.emit(item)
            return
        self.write(lambda p: p.done(item.id), "Mark done")

    def add_one(self) -> None:
        """Plan one session in a small form."""
        dialog = PlannedSessionDialog(self.controller, self)
        if dialog.exec():
            self.undo_button.show()

    def change_selected(self) -> PlannedSessionDialog | None:
        """Change (or move) the selected session while it is still planned."""
        item = self.selected()
        if item is None or not item.is_open:
            self.status.setStyleSheet(f"color: {screen().danger};")
            self.status.setText(tr("Select a session that is still planned first."))
            return None
        dialog = PlannedSessionDialog(self.controller, self, item.session,
                                      tr("Change a planned session"), item_id=item.id)
        dialog.open()
        dialog.accepted.connect(self.undo_button.show)
        return dialog

    def add_from_template(self) -> None:
        """Plan a series from a template, after seeing (and editing) its list."""
        dialog = TemplateDialog(self.controller, self)
        if dialog.exec():
            self.undo_button.show()


class PlannedSessionDialog(QDialog):
    """Plan one session: when, route, phase, and optionally dose, clinic and note."""

    def __init__(self, controller: JournalController, parent: QWidget | None = None,
                 initial: PlannedSession | None = None, text: str = "",
                 *, item_id: int | None = None) -> None:
        super().__init__(parent)
        text = text or tr("Plan a session")
        self.setWindowTitle(text)
        self.controller = controller
        self._text = text
        #: The planned session changed on Save (None: Save adds a new one).
        self.item_id = item_id
        last = controller.journal.last_session()
        self.when = TimeEdit(tr("When"))
        self.route = combo([(core(r.label), r) for r in Route], tr("Route"))
        self.phase = combo([(core(p.label), p) for p in Phase], tr("Phase"))
        self.dose = OptionalFloatSpin(*DOSE_MG_RANGE, 0.5, tr("Planned dose in milligrams"))
        self.dose.setSuffix(" mg")
        self.clinic = QLineEdit()
        self.clinic.setAccessibleName(tr("Clinic"))
        self.note = note_edit()
        start = initial or (PlannedSession(at=controller.now(), route=last.route,
                                           clinic=last.clinic, phase=Phase.BOOSTER)
                            if last is not None else None)
        self.when.set_time(controller.now() if start is None else start.at)
        if start is not None:
            self.route.setCurrentIndex(self.route.findData(start.route))
            self.phase.setCurrentIndex(self.phase.findData(start.phase))
            self.dose.set_optional(start.dose_mg)
            self.clinic.setText(start.clinic)
            self.note.setPlainText(start.note)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {screen().danger};")
        self.error.hide()
        form = QFormLayout()
        form.addRow(tr("&When"), self.when)
        form.addRow(tr("&Route"), self.route)
        form.addRow(tr("&Phase"), self.phase)
        form.addRow(tr("Planned &dose"), self.dose)
        form.addRow(tr("&Clinic"), self.clinic)
        form.addRow(tr("&Note"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def planned(self) -> PlannedSession:
        """The session the form describes; raises ValidationError."""
        return PlannedSession(at=self.when.time(), route=current(self.route, Route),
                              dose_mg=self.dose.optional(), clinic=self.clinic.text(),
                              note=self.note.toPlainText(), phase=current(self.phase, Phase))

    def accept(self) -> None:
        """Save; stay open with the message when a value is refused."""
        try:
            session = self.planned()
            item_id = self.item_id
            if item_id is None:
                self.controller.plan(lambda p: p.add(session), self._text)
            else:
                self.controller.plan(lambda p: p.change(item_id, lambda _old: session),
                                     self._text)
        except KnownError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        super().accept()


class TemplateDialog(QDialog):
    """Plan a series from a template: choose, preview, edit any time, then save."""

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Plan from a template"))
        self.controller = controller
        self.template = combo([(core(t.label), t) for t in Template], tr("Template"))
        today = controller.now().date()
        self.start = QDateEdit(QDate(today.year, today.month, today.day))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat(day_format())
        self.start.setAccessibleName(tr("Start date"))
        self.usual_time = QTimeEdit(QTime(10, 0))
        self.usual_time.setDisplayFormat("HH:mm")
        self.usual_time.setAccessibleName(tr("Usual time"))
        self.weekdays = QLineEdit()
        self.weekdays.setAccessibleName(tr("Weekdays"))
        self.weekdays.setPlaceholderText(tr("the template's own (e.g. mon,wed,fri)"))
        self.maintenance = combo([(tr("weekly"), "weekly"), (tr("every 2 weeks"), "biweekly")],
                                 tr("Maintenance after week 8"))
        self.weeks = QSpinBox()
        self.weeks.setRange(0, schedules.MAX_MAINTENANCE_WEEKS)
        self.weeks.setValue(schedules.ESKETAMINE_DEFAULT_WEEKS)
        self.weeks.setAccessibleName(tr("Weeks of maintenance"))
        self.count = QSpinBox()
        self.count.setRange(1, schedules.MAX_CUSTOM_COUNT)
        self.count.setValue(6)
        self.count.setAccessibleName(tr("Number of sessions"))
        self.every = QSpinBox()
        self.every.setRange(1, 365)
        self.every.setValue(7)
        self.every.setAccessibleName(tr("Every"))
        self.unit = combo([(tr("days"), "days"), (tr("weeks"), "weeks")], tr("Unit"))
        self.route = combo([(core(r.label), r) for r in Route], tr("Route"))
        self.clinic = QLineEdit()
        self.clinic.setAccessibleName(tr("Clinic"))
        every_row = QHBoxLayout()
        every_row.addWidget(self.every)
        every_row.addWidget(self.unit)
        form = QFormLayout()
        form.addRow(tr("&Template"), self.template)
        form.addRow(tr("&Start on or after"), self.start)
        form.addRow(tr("Usual t&ime"), self.usual_time)
        form.addRow(tr("&Weekdays"), self.weekdays)
        form.addRow(tr("Esketamine after week &8"), self.maintenance)
        form.addRow(tr("Esketamine weeks of maintenance"), self.weeks)
        form.addRow(tr("IM or custom: how &many"), self.count)
        every_label = QLabel(tr("Custom: e&very"))  # a row of two: its mnemonic needs a buddy
        every_label.setBuddy(self.every)
        form.addRow(every_label, every_row)
        form.addRow(tr("Custom: &route"), self.route)
        form.addRow(tr("&Clinic"), self.clinic)
        self.preview_button = QPushButton(tr("&Preview"))
        self.preview_button.clicked.connect(self.preview)
        self.list = QTableWidget(0, 4)
        self.list.setHorizontalHeaderLabels([tr("Plan"), tr("When"), tr("Route"), tr("Phase")])
        self.list.setAccessibleName(tr("The planned sessions to save"))
        self.list.verticalHeader().hide()
        self.list.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.setMinimumHeight(220)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {screen().danger};")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview_button)
        layout.addWidget(QLabel(tr("Change any time, or untick a session to leave it out:")))
        layout.addWidget(self.list)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._sessions: list[PlannedSession] = []
        self._times: list[TimeEdit] = []
        self._ticks: list[QCheckBox] = []

    def preview(self) -> None:
        """Fill the list from the template (nothing is saved yet)."""
        start = self.start.date().toPython()
        usual = self.usual_time.time().toPython()
        assert isinstance(start, date) and isinstance(usual, time)
        try:
            sessions = plan_service.template_sessions(
                current(self.template, Template), start, usual, local_zone(),
                weekdays=self.weekdays.text().strip() or None,
                maintenance=self.maintenance.currentData(), weeks=self.weeks.value(),
                count=self.count.value(), every=self.every.value(),
                unit=self.unit.currentData(), route=current(self.route, Route),
                clinic=self.clinic.text(),
            )
        except KnownError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.error.hide()
        self._sessions = sessions
        self._times, self._ticks = [], []
        self.list.setRowCount(len(sessions))
        for row, session in enumerate(sessions):
            tick = QCheckBox()
            tick.setChecked(True)
            tick.setAccessibleName(tr("Plan session {number}").format(number=row + 1))
            when = TimeEdit(tr("Time of session {number}").format(number=row + 1))
            when.set_time(session.at)
            self.list.setCellWidget(row, 0, tick)
            self.list.setCellWidget(row, 1, when)
            self.list.setItem(row, 2, QTableWidgetItem(core(session.route.label)))
            self.list.setItem(row, 3, QTableWidgetItem(core(session.phase.label)))
            self._ticks.append(tick)
            self._times.append(when)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(bool(sessions))

    def chosen(self) -> list[PlannedSession]:
        """The previewed sessions still ticked, at the times shown."""
        return [
            PlannedSession(at=when.time(), route=s.route, dose_mg=s.dose_mg, clinic=s.clinic,
                           note=s.note, phase=s.phase)
            for s, when, tick in zip(self._sessions, self._times, self._ticks, strict=True)
            if tick.isChecked()
        ]

    def accept(self) -> None:
        """Save the ticked sessions in one undoable step."""
        template = current(self.template, Template).value
        try:
            sessions = self.chosen()
            self.controller.plan(lambda p: p.add_all(sessions, template),
                                 f"Plan {len(sessions)} sessions")
        except KnownError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        super().accept()

