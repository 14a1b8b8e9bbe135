"""Factors tab: what else moves mood, with honest intervals, and your own daily factors.

The comparisons come from ``services.mood_factors.factor_report`` (the same list
``ketajournal factors`` prints): one row per factor and lag with enough days, ranked
by the interval's lower bound, the sentence that never claims a cause, and the
definition. Below, the factors the patient follows: today's value of each, and a
small form to start following one (at most ten).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
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

from ketajournal.domain.factors import describe
from ketajournal.domain.locales import number
from ketajournal.domain.tags import FACTOR_SCALE_RANGE, FactorDefinition, FactorKind
from ketajournal.domain.timeutil import local_day
from ketajournal.errors import KnownError
from ketajournal.palette import screen
from ketajournal.services.mood_factors import factor_report
from ketajournal.translation import noop, translate, translator
from ketajournal.ui.controller import JournalController
from ketajournal.ui.fields import OptionalIntSpin
from ketajournal.ui.view import JournalView

#: Kinds whose change alters the comparisons or the factors.
FACTOR_KINDS = frozenset({"mood", "session", "event", "tag", "factor"})
COLUMNS = (
    noop("Factors", "Compared"), noop("Factors", "Difference"),
    noop("Factors", "95 % interval"), noop("Factors", "Days with vs without"),
)

tr = translator("Factors")


def _signed(value: float) -> str:
    text = number(f"{value:+.1f}")
    return text.replace("-", "−")


class FactorsView(JournalView):
    """The ranked comparisons and the patient's own factors."""

    KINDS = FACTOR_KINDS

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        intro = QLabel(
            tr("Mood on days with and without each factor, compared only between days the "
            "same time after a session. Strongest evidence first. These are associations, "
            "not proof of a cause.")
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("Factors", c) for c in COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(tr("Factors compared, strongest evidence first"))
        self.table.itemSelectionChanged.connect(self._show_sentence)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setAccessibleName(tr("What the selected comparison says"))
        self.waiting = QLabel()
        self.waiting.setWordWrap(True)
        self.waiting.setStyleSheet(f"color: {screen().hint_text};")
        self.definition = QLabel()
        self.definition.setWordWrap(True)
        self.definition.setStyleSheet(f"color: {screen().definition_text}; font-size: 11px;")

        self.own_box = QGroupBox(tr("Your factors: today's values"))
        self.own_form = QFormLayout()
        self.controls: dict[str, QCheckBox | OptionalIntSpin] = {}
        self.save_button = QPushButton(tr("&Save today's values"))
        self.save_button.clicked.connect(self.save_today)
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(tr("e.g. alcohol, exercise, therapy homework"))
        self.new_name.setAccessibleName(tr("Name of a new factor"))
        self.new_kind = QComboBox()
        self.new_kind.addItem(tr("yes or no"), FactorKind.YESNO.value)
        self.new_kind.addItem(tr("0 to 10"), FactorKind.SCALE.value)
        self.new_kind.setAccessibleName(tr("How the new factor is rated"))
        add = QPushButton(tr("Follo&w"))
        add.clicked.connect(self.define)
        define_row = QHBoxLayout()
        define_row.addWidget(self.new_name, 1)
        define_row.addWidget(self.new_kind)
        define_row.addWidget(add)
        self.own_status = QLabel()
        self.own_status.setWordWrap(True)
        own = QVBoxLayout(self.own_box)
        own.addLayout(self.own_form)
        own.addWidget(self.save_button)
        own.addLayout(define_row)
        own.addWidget(self.own_status)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.sentence)
        layout.addWidget(self.waiting)
        layout.addWidget(self.definition)
        layout.addWidget(self.own_box)
        self.shown: list[str] = []
        self.refresh()

    def rebuild(self) -> None:
        """Compare again and re-read the factors and today's values."""
        report = factor_report(self.controller.journal)
        self.table.setRowCount(len(report.shown))
        self.shown = [describe(effect) for effect in report.shown]
        for row, effect in enumerate(report.shown):
            assert effect.difference is not None
            assert effect.low is not None and effect.high is not None
            cells = (
                effect.factor.phrase(effect.lag),
                _signed(effect.difference),
                tr("{low} to {high}").format(low=_signed(effect.low),
                                             high=_signed(effect.high)),
                tr("{with_factor} vs {without}").format(with_factor=effect.days_with,
                                                        without=effect.days_without),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        lines = report.lines()
        waiting = [line for line in lines if line.startswith(("Not enough", "No mood"))]
        self.waiting.setText(" ".join(waiting))
        self.definition.setText(report.definition)
        if self.shown:
            self.table.selectRow(0)
        else:
            self.sentence.setText("")
        self._rebuild_own()

    def _show_sentence(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.shown):
            self.sentence.setText(self.shown[rows[0].row()])

    def _rebuild_own(self) -> None:
        while self.own_form.rowCount():
            self.own_form.removeRow(0)
        self.controls.clear()
        journal = self.controller.journal
        today = journal.factor_values_on(local_day(self.controller.now()))
        factors = journal.factor_definitions()
        for factor in factors:
            assert factor.id is not None
            value = today.get(factor.id)
            control: QCheckBox | OptionalIntSpin
            if factor.kind is FactorKind.YESNO:
                control = QCheckBox(tr("yes"))
                control.setChecked(bool(value))
                control.setAccessibleName(tr("{factor} today").format(factor=factor.name))
            else:
                control = OptionalIntSpin(*FACTOR_SCALE_RANGE, tr("{factor} today (0 to 10)")
                                          .format(factor=factor.name))
                control.set_optional(value)
            self.controls[factor.name] = control
            self.own_form.addRow(factor.name, control)
        self.save_button.setVisible(bool(factors))

    def save_today(self) -> None:
        """Store today's value of every factor (a yes/no left unticked is "no")."""
        journal = self.controller.journal
        today = local_day(self.controller.now())
        try:
            for name, control in self.controls.items():
                value = (int(control.isChecked()) if isinstance(control, QCheckBox)
                         else control.optional())
                change = journal.set_factor_value(name, today, value)
            self.own_status.setText(tr("Saved today's values."))
            self.own_status.setStyleSheet(f"color: {screen().success};")
        except KnownError as error:
            self.own_status.setText(str(error))
            self.own_status.setStyleSheet(f"color: {screen().danger};")
            return
        if self.controls:
            self.controller.notify(change)

    def define(self) -> None:
        """Start following the factor named in the form."""
        try:
            kind = FactorKind(str(self.new_kind.currentData()))
            FactorDefinition(self.new_name.text(), kind)  # checks the name first
            _, change = self.controller.journal.define_factor(self.new_name.text(), kind)
        except KnownError as error:
            self.own_status.setText(str(error))
            self.own_status.setStyleSheet(f"color: {screen().danger};")
            return
        self.new_name.clear()
        self.own_status.setText("")
        self.controller.notify(change)
