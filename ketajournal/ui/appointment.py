"""Appointment: what a patient reads the evening before — page 1 of the clinician PDF.

The screen shows the same summary the PDF's first page is written from, for
"since the last appointment" (the last event of kind appointment) or a chosen
period, and exports the PDF with a file dialog, a progress indicator and an
option to open it when done.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ketajournal.errors import KnownError
from ketajournal.reports.model import Report
from ketajournal.reports.summary_html import summary_html
from ketajournal.services.reports import build_report, report_paper
from ketajournal.translation import translator
from ketajournal.ui.controller import JournalController
from ketajournal.ui.fields import day_format
from ketajournal.ui.tasks import report_failure
from ketajournal.ui.view import JournalView

tr = translator("Appointment")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class AppointmentView(JournalView):
    """The one-minute summary for a period, and the PDF export.

    Any entry (and the threshold T, a setting) can change the summary, so every
    change concerns it.
    """

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.since_last = QRadioButton(tr("Since the last &appointment"))
        self.since_last.setAccessibleName(tr("Period: since the last appointment"))
        self.chosen = QRadioButton(tr("Fr&om"))
        self.chosen.setAccessibleName(tr("Period: chosen dates"))
        group = QButtonGroup(self)
        group.addButton(self.since_last)
        group.addButton(self.chosen)
        today = controller.now().date()
        self.start = QDateEdit(_qdate(today.replace(day=1)))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat(day_format())
        self.start.setAccessibleName(tr("First day of the period"))
        self.end = QDateEdit(_qdate(today))
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat(day_format())
        self.end.setAccessibleName(tr("Last day of the period"))
        self.since_last.setChecked(True)
        for signal in (self.since_last.toggled, self.start.dateChanged, self.end.dateChanged):
            signal.connect(lambda *_: self.refresh())

        self.include_notes = QCheckBox(tr("Include my &notes in the PDF"))
        self.include_notes.setAccessibleName(tr("Include my notes in the PDF"))
        self.year_page = QCheckBox(tr("Add a &year-in-pixels page"))
        self.year_page.setAccessibleName(
            tr("Add a year-in-pixels page to the PDF: one square per day coloured by mood"))
        self.year_page.setToolTip(tr("One page per calendar year of the period: every day's "
                                     "mean mood as a coloured square, sessions ringed."))
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("Optional name for the report"))
        self.name.setAccessibleName(tr("Optional name printed on the report"))
        self.open_when_done = QCheckBox(tr("Open when &done"))
        self.open_when_done.setChecked(True)
        self.open_when_done.setAccessibleName(tr("Open the PDF when it is written"))
        self.export_button = QPushButton(tr("E&xport PDF for my clinician…"))
        self.export_button.setAccessibleName(tr("Export the clinician PDF"))
        self.export_button.clicked.connect(lambda: self.export_pdf())

        self.browser = QTextBrowser()
        self.browser.setAccessibleName(tr("Summary for the appointment"))
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(tr("Appointment message"))

        period = QHBoxLayout()
        period.addWidget(QLabel(tr("Period:")))
        period.addWidget(self.since_last)
        period.addSpacing(16)
        period.addWidget(self.chosen)
        period.addWidget(self.start)
        period.addWidget(QLabel(tr("to")))
        period.addWidget(self.end)
        period.addStretch(1)
        export = QHBoxLayout()
        export.addWidget(self.include_notes)
        export.addWidget(self.year_page)
        export.addWidget(self.name, 1)
        export.addWidget(self.open_when_done)
        export.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(self.message)
        layout.addWidget(self.browser, 1)
        layout.addLayout(export)
        self._shown: Report | None = None
        self.refresh()

    @property
    def report(self) -> Report | None:
        """The report whose summary is shown (None when there is none), up to date."""
        self.catch_up()
        return self._shown

    def _report(
        self, *, include_notes: bool = False, name: str | None = None, year_page: bool = False
    ) -> Report:
        journal = self.controller.journal
        if self.since_last.isChecked():
            return build_report(journal, None, None, include_notes=include_notes, name=name,
                                since_last_appointment=True, year_page=year_page)
        return build_report(journal, _pydate(self.start.date()), _pydate(self.end.date()),
                            include_notes=include_notes, name=name,
                            since_last_appointment=False, year_page=year_page)

    def rebuild(self) -> None:
        """Rebuild the summary for the chosen period."""
        try:
            self._shown = self._report()
        except KnownError as error:
            self._shown = None
            self.message.setText(str(error))
            self.browser.clear()
            return
        self.message.setText("")
        self.browser.setHtml(summary_html(self._shown.summary))

    def changeEvent(self, event: QEvent) -> None:
        """A new colour scheme: the summary is written again in its colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._shown is not None:
            self.browser.setHtml(summary_html(self._shown.summary))

    def export_pdf(self, target: Path | None = None) -> None:
        """Write the clinician PDF for the shown period (in the background)."""
        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self, tr("Export the clinician PDF"),
                str(Path.home() / "treatment-summary.pdf"), tr("PDF (*.pdf)"),
            )
            target = Path(name) if name else None
        if target is None:
            return
        try:
            self.controller.journal.check_output(target)
            report = self._report(include_notes=self.include_notes.isChecked(),
                                  name=self.name.text(),
                                  year_page=self.year_page.isChecked())
        except KnownError as error:
            report_failure(self, tr("Export failed"), error)
            return
        from ketajournal.reports.pdf import write_pdf  # ReportLab only when exporting

        def done(pages: int) -> None:
            self.message.setText(tr("Wrote a PDF of %n page(s): {name}.", n=pages).format(
                name=target.name))
            if self.open_when_done.isChecked():
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

        self.controller.jobs.run(
            self, tr("Writing the PDF…"),
            lambda journal: write_pdf(report, target, report_paper(journal)), done,
            failure_title=tr("Export failed"),
        )
