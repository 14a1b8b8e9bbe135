"""Boosters tab: how long each session's effect on mood lasted, and what to ask about it.

Shows the booster analysis of the whole journal (``services.clinical.booster_analysis``):
the response curves, durability per cycle, the tolerance sentence, the next-due
estimate phrased as a question for the clinician, and the threshold T with how it was
found. Every number on screen says how it was computed; the definitions sit below.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ketajournal.charts.boosters import ResponseCurvesChart
from ketajournal.domain.booster_analysis import medication_note
from ketajournal.domain.boosters import BoosterAnalysis
from ketajournal.domain.dates import format_date_with_weekday
from ketajournal.domain.locales import number
from ketajournal.domain.models import SCORE_RANGE
from ketajournal.domain.response_curves import cycle_label, response_curves
from ketajournal.domain.series import medication_mark
from ketajournal.errors import KnownError
from ketajournal.platform.clock import local_zone
from ketajournal.services import plans
from ketajournal.services.clinical import booster_analysis
from ketajournal.services.settings import Settings
from ketajournal.translation import core, noop, translate, translator
from ketajournal.ui.appearance import set_style
from ketajournal.ui.controller import JournalController
from ketajournal.ui.view import JournalView

#: Kinds whose change alters the analysis.
BOOSTER_KINDS = frozenset({"mood", "session", "settings", "medication"})  # settings: T
THRESHOLD_SETTING = "booster.threshold"
COLUMNS = (
    noop("Boosters", "Date"), noop("Boosters", "Phase"), noop("Boosters", "Dose (mg)"),
    noop("Boosters", "Held"), noop("Boosters", "Medication change"),
)
HELD_COLUMN = COLUMNS.index("Held")
#: What changed in the cycle, short ("Lorazepam started"); the tooltip says it in full.
MEDICATION_COLUMN = COLUMNS.index("Medication change")
#: The threshold T is a daily mood level, on the mood scale.
_LOW, _HIGH = SCORE_RANGE
#: Where the threshold editor starts when there is no threshold yet.
DEFAULT_EDITOR_THRESHOLD = 5.0
#: Height of the strip that holds the definitions (they scroll inside it).
DEFINITIONS_HEIGHT = 96

_SMALL_GREY = "color: $small_print; font-size: 8.5pt;"
_SIGNAL_STYLE = "border-left: 4px solid $booster_alert; padding-left: 6px;"
_PLAIN_STYLE = "border-left: 4px solid $rule; padding-left: 6px;"

tr = translator("Boosters")


def threshold_sentence(analysis: BoosterAnalysis) -> str:
    """How T was found, with its numbers; or what the analysis needs instead."""
    t = analysis.threshold
    if t is None:
        needs = analysis.needs or tr("a threshold")
        return tr("Threshold T: not available yet. Needs {needs}.").format(needs=needs)
    if analysis.threshold_source == "automatic":
        b, p = analysis.baseline_level, analysis.post_induction_level
        assert b is not None and p is not None
        text = tr("Threshold T = {t} (automatic: B + (P − B) / 2, B = {b}, P = {p})").format(
            t=number(f"{t:.2f}"), b=number(f"{b:.2f}"), p=number(f"{p:.2f}"))
    else:
        text = tr("Threshold T = {t} (set by you)").format(t=number(f"{t:.2f}"))
    if analysis.needs:
        text += tr(". Needs {needs}.").format(needs=analysis.needs)
    return text


def next_due_sentence(analysis: BoosterAnalysis, today: date | None = None) -> str:
    """The next-due estimate as a question for the clinician, with how it was found.

    An estimate before ``today`` is said to be past.
    """
    if analysis.next_due is None:
        return tr("Next booster: no estimate yet. {basis}").format(basis=analysis.next_due_basis)
    if today is not None and analysis.next_due < today:
        return tr("The estimated date for the next booster, {day}, is already past. "
                  "A question for your clinician. ({basis})").format(
            day=format_date_with_weekday(analysis.next_due), basis=analysis.next_due_basis)
    return tr("A question for your clinician: is the next booster due around {day}? "
              "({basis})").format(
        day=format_date_with_weekday(analysis.next_due), basis=analysis.next_due_basis)


def definitions_text(analysis: BoosterAnalysis) -> str:
    """The definitions behind every number on the screen, one per line."""
    return tr("How these numbers are computed.") + " " + "\n".join(
        analysis.definitions.values())


def _label(accessible_name: str, *, style: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(accessible_name)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if style:
        set_style(label, style)
    return label


class BoostersView(JournalView):
    """The booster analysis of the journal, refreshed whenever moods or sessions change.

    While the view is hidden a change only marks it stale; the analysis runs again when
    the view is next shown.
    """

    KINDS = BOOSTER_KINDS

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.analysis: BoosterAnalysis | None = None

        self.chart = ResponseCurvesChart()
        self.chart.setMinimumSize(420, 280)

        self.threshold_label = _label(tr("Threshold"))
        self.threshold_button = QPushButton(tr("Thre&shold…"))
        self.threshold_button.setCheckable(True)
        self.threshold_button.setAccessibleName(tr("Change the threshold T"))
        self.threshold_button.setToolTip(
            tr("Choose an automatic threshold or set your own ({low}–{high})").format(
                low=_LOW, high=_HIGH)
        )
        self.threshold_button.toggled.connect(self._show_editor)
        self.threshold_editor = self._build_editor()

        self.tolerance_label = _label(tr("Tolerance"))
        self.next_due_label = _label(tr("Next booster"))
        self.table = self._build_table()
        self.definitions_label = _label(tr("Definitions"), style=_SMALL_GREY)
        self.definitions_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        top = QHBoxLayout()
        top.addWidget(self.chart, 3)
        side = QVBoxLayout()
        threshold_row = QHBoxLayout()
        threshold_row.addWidget(self.threshold_label, 1)
        threshold_row.addWidget(self.threshold_button, 0, Qt.AlignmentFlag.AlignTop)
        side.addLayout(threshold_row)
        side.addWidget(self.threshold_editor)
        side.addWidget(self.tolerance_label)
        side.addWidget(self.next_due_label)
        self.plan_it_button = QPushButton(tr("Plan &it"))
        self.plan_it_button.setAccessibleName(tr("Plan the next booster on the estimated date"))
        self.plan_it_button.setToolTip(
            tr("Adds a planned session on that date (at the time of your last session), noted "
            "as a question for your clinician. Edit → Undo takes it back.")
        )
        self.plan_it_button.clicked.connect(self.plan_next_due)
        self.plan_it_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.plan_it_status = _label(tr("Planned from the estimate"))
        self.plan_it_status.hide()
        plan_row = QHBoxLayout()
        plan_row.addWidget(self.plan_it_button)
        plan_row.addWidget(self.plan_it_status, 1)
        side.addLayout(plan_row)
        caption = QLabel(tr("&Cycles, newest first:"))
        caption.setBuddy(self.table)
        side.addWidget(caption)
        side.addWidget(self.table, 1)
        top.addLayout(side, 2)
        layout.addLayout(top, 1)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(rule)
        # The definitions scroll in a strip of their own so the chart keeps its room.
        self.definitions_area = QScrollArea()
        self.definitions_area.setWidget(self.definitions_label)
        self.definitions_area.setWidgetResizable(True)
        self.definitions_area.setFrameShape(QFrame.Shape.NoFrame)
        self.definitions_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.definitions_area.setMaximumHeight(DEFINITIONS_HEIGHT)
        self.definitions_area.setAccessibleName(tr("Definitions"))
        layout.addWidget(self.definitions_area)
        self.refresh()

    # -- construction ------------------------------------------------------------------
    def _build_editor(self) -> QWidget:
        editor = QWidget()
        editor.setAccessibleName(tr("Threshold editor"))
        row = QHBoxLayout(editor)
        row.setContentsMargins(0, 0, 0, 0)
        self.automatic_checkbox = QCheckBox(tr("&Automatic"))
        self.automatic_checkbox.setAccessibleName(tr("Automatic threshold"))
        self.automatic_checkbox.setToolTip(tr("T = B + (P − B) / 2, from your own mood entries"))
        self.threshold_spin = QDoubleSpinBox()
        self.threshold_spin.setRange(_LOW, _HIGH)
        self.threshold_spin.setSingleStep(0.1)
        self.threshold_spin.setDecimals(1)
        self.threshold_spin.setAccessibleName(
            tr("Threshold T, daily mood from {low} to {high}").format(low=_LOW, high=_HIGH))
        self.threshold_spin.setToolTip(
            tr("Daily mood {low}–{high} ({high} = best) that counts as still holding").format(
                low=_LOW, high=_HIGH)
        )
        self.apply_button = QPushButton(tr("Appl&y"))
        self.apply_button.setAccessibleName(tr("Apply threshold"))
        self.threshold_error = _label(tr("Threshold error"), style="color: $booster_alert;")
        self.threshold_error.hide()
        self.automatic_checkbox.toggled.connect(
            lambda automatic: self.threshold_spin.setEnabled(not automatic)
        )
        self.apply_button.clicked.connect(self.apply_threshold)
        self.threshold_spin.lineEdit().returnPressed.connect(self.apply_threshold)
        row.addWidget(self.automatic_checkbox)
        row.addWidget(QLabel(tr("or T =")))
        row.addWidget(self.threshold_spin)
        row.addWidget(self.apply_button)
        row.addWidget(self.threshold_error, 1)
        editor.hide()
        return editor

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, len(COLUMNS))
        table.setHorizontalHeaderLabels([translate("Boosters", c) for c in COLUMNS])
        table.setAccessibleName(tr("Booster cycles"))
        table.setAccessibleDescription(
            tr("One row per session, newest first: date, phase, dose, how many days the "
            "effect held (durability) and any medication change during the cycle.")
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The day is read whole (a German one is longer); the medication change, short
        # and told in full by its tooltip, takes what room is left.
        header.setSectionResizeMode(MEDICATION_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # its title too, if need be
        title = table.horizontalHeaderItem(MEDICATION_COLUMN)
        if title is not None:
            title.setToolTip(title.text())
        return table

    # -- refresh -----------------------------------------------------------------------
    def rebuild(self) -> None:
        """Run the booster analysis on the journal and show it."""
        self.show_analysis(booster_analysis(self.controller.journal))

    def show_analysis(self, analysis: BoosterAnalysis) -> None:
        """Show ``analysis`` in the chart, the table and the sentences."""
        self.analysis = analysis
        self.chart.set_analysis(response_curves(analysis))
        self._fill_table(analysis)
        self.threshold_label.setText(threshold_sentence(analysis))
        self.tolerance_label.setText(analysis.tolerance.sentence)
        set_style(
            self.tolerance_label,
            _SIGNAL_STYLE if analysis.tolerance.signal else _PLAIN_STYLE
        )
        today = self.controller.journal.now().date()
        self.next_due_label.setText(next_due_sentence(analysis, today))
        self.plan_it_button.setVisible(
            analysis.next_due is not None and analysis.next_due >= today
        )
        self.plan_it_status.hide()
        self.definitions_label.setText(definitions_text(analysis))
        for label in (
            self.threshold_label,
            self.tolerance_label,
            self.next_due_label,
            self.definitions_label,
        ):
            label.setAccessibleDescription(label.text())

    def plan_next_due(self) -> None:
        """Plan a booster on the estimated date: one click, undoable, never automatic."""
        if self.analysis is None or self.analysis.next_due is None:
            return
        day = self.analysis.next_due
        session = plans.from_estimate(self.controller.journal, day, local_zone())
        try:
            self.controller.plan(lambda p: p.add(session), "Plan the next booster")
        except KnownError as error:
            self.plan_it_status.setText(str(error))
        else:
            self.plan_it_status.setText(
                tr("Planned for {day}, {time}: see Plan (Edit → Undo takes it back).").format(
                    day=format_date_with_weekday(day), time=f"{session.at:%H:%M}")
            )
        self.plan_it_status.show()

    def _fill_table(self, analysis: BoosterAnalysis) -> None:
        cycles = list(reversed(analysis.cycles))
        held_tip = "\n".join(
            analysis.definitions[key] for key in ("durability", "censored", "durability_range")
        )
        self.table.setRowCount(len(cycles))
        for row, cycle in enumerate(cycles):
            dose = cycle.session.dose_mg
            cells = (
                format_date_with_weekday(cycle.session.day),
                core(cycle.session.phase.label),
                "—" if dose is None else number(f"{dose:g}"),
                cycle.label,
                "; ".join(medication_mark(m) for m in cycle.medication_changes),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                tip = {HELD_COLUMN: held_tip, MEDICATION_COLUMN: medication_note(cycle)}
                item.setToolTip(tip.get(column) or cycle_label(cycle))
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                        if column in (2, HELD_COLUMN)
                        else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)

    def medication_labels(self) -> list[str]:
        """The medication-change column, top to bottom (newest first)."""
        items = (self.table.item(row, MEDICATION_COLUMN) for row in range(self.table.rowCount()))
        return [item.text() if item is not None else "" for item in items]

    def held_labels(self) -> list[str]:
        """The Held column, top to bottom (newest first)."""
        items = (self.table.item(row, HELD_COLUMN) for row in range(self.table.rowCount()))
        return [item.text() if item is not None else "" for item in items]

    # -- threshold ---------------------------------------------------------------------
    def _show_editor(self, shown: bool) -> None:
        self.threshold_editor.setVisible(shown)
        self.threshold_error.hide()
        if not shown:
            return
        analysis = self.analysis
        automatic = analysis is None or analysis.threshold_source != "user"
        value = DEFAULT_EDITOR_THRESHOLD
        if analysis is not None and analysis.threshold is not None:
            value = round(analysis.threshold, 1)
        self.threshold_spin.setValue(value)
        self.automatic_checkbox.setChecked(automatic)
        self.threshold_spin.setEnabled(not automatic)
        self.automatic_checkbox.setFocus()

    def apply_threshold(self) -> None:
        """Save the threshold chosen in the editor (automatic or a number) and refresh."""
        automatic = self.automatic_checkbox.isChecked()
        value = None if automatic else round(self.threshold_spin.value(), 1)
        try:
            Settings(self.controller.journal).set(THRESHOLD_SETTING, value)
        except KnownError as error:
            self.threshold_error.setText(str(error))
            self.threshold_error.show()
            return
        # Every view that uses T (this one, Today's due list, Appointment) hears of it.
        self.controller.notify(self.controller.settings_changed())
        self.threshold_button.setChecked(False)
        self.threshold_button.setFocus()


__all__ = ["BOOSTER_KINDS", "BoostersView", "next_due_sentence", "threshold_sentence"]
