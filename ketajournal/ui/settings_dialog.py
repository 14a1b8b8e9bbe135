"""Settings: reminders, crisis resources, colours, remission thresholds, baselines.

Every control writes through :class:`ketajournal.services.settings.Settings`, which
validates and names the setting when a value is refused. The booster threshold T
lives on the Boosters screen, next to the numbers it changes. The key, the
passphrase, the recovery key and auto-lock are in the Security dialog
(:mod:`ketajournal.ui.security`), opened from here; sync has its section
(:mod:`ketajournal.ui.sync`). "Start at login" writes or
removes the system's autostart entry (:mod:`ketajournal.platform.autostart`) when
the dialog is saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ketajournal.domain.dates import format_short_date
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.safety import COUNTRY_NAMES, CRISIS_RESOURCES, country_code
from ketajournal.errors import KnownError
from ketajournal.palette import SCHEMES
from ketajournal.platform import autostart
from ketajournal.platform.keystore import KeyStore
from ketajournal.services.settings import PAPERS, Settings
from ketajournal.ui.appearance import set_style
from ketajournal.ui.controller import JournalController
from ketajournal.ui.security import SecurityDialog
from ketajournal.ui.sync import SyncScheduler, SyncSection

#: How the colour schemes of :data:`~ketajournal.palette.SCHEMES` read in the dialog.
SCHEME_NAMES = ("As the system (light or dark)", "Light", "Dark")
#: How the paper choices of :data:`~ketajournal.services.settings.PAPERS` read.
PAPER_NAMES = ("From my locale (US Letter in the US and Canada, else A4)", "A4", "US Letter")


class SettingsDialog(QDialog):
    """Edit the journal's settings; Save stores them all in one go.

    ``keys`` is where the journal's key is kept; without it (the demo journal)
    the Security button is off, and so is start at login.
    """

    def __init__(
        self,
        controller: JournalController,
        parent: QWidget | None = None,
        *,
        keys: KeyStore | None = None,
        sync: SyncScheduler | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.controller = controller
        self.keys = keys
        self.settings = Settings(controller.journal)
        form = QFormLayout()
        self._add_reminders(form)

        self.country = QComboBox()
        self.country.setAccessibleName("Crisis resources for country")
        for code in CRISIS_RESOURCES:
            self.country.addItem(COUNTRY_NAMES.get(code, code), code)
        stored = country_code(self.settings.get("safety.crisis_country"))
        self.country.setCurrentIndex(self.country.findData(stored))
        form.addRow("Crisis resources &for", self.country)
        self.crisis_text = QPlainTextEdit(self.settings.get("safety.crisis_text"))
        self.crisis_text.setTabChangesFocus(True)
        self.crisis_text.setPlaceholderText(
            "Optional: your own numbers and contacts, one per line (replaces the list above)"
        )
        self.crisis_text.setAccessibleName("Your own crisis resources")
        self.crisis_text.setFixedHeight(70)
        form.addRow("&Your own resources", self.crisis_text)

        self.color_scheme = QComboBox()
        self.color_scheme.setAccessibleName("Colour scheme")
        for text, scheme in zip(SCHEME_NAMES, SCHEMES, strict=True):
            self.color_scheme.addItem(text, scheme)
        self.color_scheme.setCurrentIndex(
            max(0, self.color_scheme.findData(self.settings.get("appearance.color_scheme")))
        )
        form.addRow("C&olours", self.color_scheme)
        self.paper = QComboBox()
        self.paper.setAccessibleName("Paper of the clinician PDF")
        for text, paper in zip(PAPER_NAMES, PAPERS, strict=True):
            self.paper.addItem(text, paper)
        self.paper.setCurrentIndex(max(0, self.paper.findData(self.settings.get("report.paper"))))
        form.addRow("PDF &paper", self.paper)

        self.interval = QSpinBox()
        self.interval.setRange(1, 365)
        self.interval.setSuffix(" days")
        self.interval.setValue(self.settings.get("clinical.questionnaire_interval_days"))
        self.interval.setAccessibleName("Questionnaires due every")
        form.addRow("Questionnaires &due every", self.interval)

        self.remission: dict[str, QSpinBox] = {}
        self.baseline: dict[str, QComboBox] = {}
        for instrument_id, questionnaire in INSTRUMENTS.items():
            spin = QSpinBox()
            spin.setRange(1, questionnaire.max_total)
            spin.setValue(self.settings.get(f"clinical.remission_threshold.{instrument_id}"))
            spin.setPrefix("total below ")
            spin.setAccessibleName(f"{questionnaire.short_title} remission threshold")
            form.addRow(f"{questionnaire.short_title} remission", spin)
            self.remission[instrument_id] = spin
            combo = QComboBox()
            combo.setAccessibleName(f"{questionnaire.short_title} baseline")
            combo.addItem("Automatic: the last one before the first session", None)
            for assessment in controller.journal.assessments(instrument_id):
                combo.addItem(f"{format_short_date(assessment.at.date(), year=True, padded=True)}: "
                             f"total {assessment.total}",
                              assessment.id)
            chosen = self.settings.get(f"clinical.baseline.{instrument_id}")
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
            form.addRow(f"{questionnaire.short_title} baseline", combo)
            self.baseline[instrument_id] = combo

        note = QLabel("The booster threshold T is set on the Boosters screen.")
        set_style(note, "color: $hint_text;")
        self.security_button = QPushButton("Se&curity: passphrase, recovery key, auto-lock…")
        self.security_button.setAccessibleName("Open the security settings")
        self.security_button.clicked.connect(self.open_security)
        if keys is None:
            self.security_button.setEnabled(False)
            self.security_button.setToolTip("Not available for the demo journal.")
        self.error = QLabel("")
        set_style(self.error, "color: $danger;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        #: The sync part (not for the demo journal, which has no ``sync``).
        self.sync_section = None if sync is None else SyncSection(controller, sync, self)
        if self.sync_section is not None:
            layout.addWidget(self.sync_section)
        layout.addWidget(self.security_button)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _add_reminders(self, form: QFormLayout) -> None:
        heading = QLabel("Reminders")
        heading.setStyleSheet("font-weight: 600;")
        form.addRow(heading)
        self.mood_reminder = QCheckBox("Remind me to log my &mood every day at")
        self.mood_reminder.setAccessibleName("Daily mood reminder")
        self.mood_reminder.setToolTip("Only on days when no mood was logged by then.")
        self.mood_reminder.setChecked(self.settings.get("reminders.mood"))
        self.mood_time = QTimeEdit()
        self.mood_time.setDisplayFormat("HH:mm")
        self.mood_time.setAccessibleName("Daily mood reminder time")
        self.mood_time.setTime(QTime.fromString(self.settings.get("reminders.mood_time"), "HH:mm"))
        self.mood_time.setEnabled(self.mood_reminder.isChecked())
        self.mood_reminder.toggled.connect(self.mood_time.setEnabled)
        time_row = QHBoxLayout()
        time_row.addWidget(self.mood_time)
        time_row.addStretch(1)
        form.addRow(self.mood_reminder, time_row)
        self.session_reminders = QCheckBox(
            "&Remind me of planned sessions: the evening before, and"
        )
        self.session_reminders.setAccessibleName("Appointment reminders")
        self.session_reminders.setToolTip(
            "At 20:00 the day before and some hours before each session still planned."
        )
        self.session_reminders.setChecked(self.settings.get("reminders.sessions"))
        self.session_lead = QSpinBox()
        self.session_lead.setRange(1, 12)
        self.session_lead.setSuffix(" h before")
        self.session_lead.setAccessibleName("Hours before a planned session")
        self.session_lead.setValue(self.settings.get("reminders.session_lead_hours"))
        self.session_lead.setEnabled(self.session_reminders.isChecked())
        self.session_reminders.toggled.connect(self.session_lead.setEnabled)
        lead_row = QHBoxLayout()
        lead_row.addWidget(self.session_lead)
        lead_row.addStretch(1)
        form.addRow(self.session_reminders, lead_row)
        self.detailed_text = QCheckBox(
            "Show de&tails in notifications (session dates, questionnaire names)"
        )
        self.detailed_text.setAccessibleName("Detailed notification text")
        self.detailed_text.setToolTip(
            "Off: notifications say only \"Time to log your mood\" and the like, "
            "safe on a lock screen or over your shoulder."
        )
        self.detailed_text.setChecked(self.settings.get("reminders.detailed_text"))
        form.addRow(self.detailed_text)
        self.background = QCheckBox("&Keep running in the background when the window is closed")
        self.background.setAccessibleName("Keep running in the background")
        self.background.setToolTip(
            "Reminders come while the window is closed; a tray icon (where your desktop "
            "has one) and the notifications bring it back."
        )
        self.background.setChecked(self.settings.get("reminders.background"))
        form.addRow(self.background)
        self.start_at_login = QCheckBox("Start in the background when I &log in")
        self.start_at_login.setAccessibleName("Start at login")
        self.start_at_login.setChecked(autostart.is_enabled())
        if self.keys is None:
            self.start_at_login.setEnabled(False)
            self.start_at_login.setToolTip("Not available for the demo journal.")
        form.addRow(self.start_at_login)
        note = QLabel("Check-ins after a session and questionnaires are reminded when due.")
        set_style(note, "color: $hint_text;")
        form.addRow(note)

    def security_dialog(self) -> SecurityDialog:
        """The Security dialog for this journal (needs ``keys``)."""
        if self.keys is None:
            raise RuntimeError("no key store: security settings are off for the demo journal")
        return SecurityDialog(self.controller, self.keys, self)

    def open_security(self) -> None:
        """Open the Security dialog; its changes apply at once."""
        dialog = self.security_dialog()
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def values(self) -> dict[str, Any]:
        """What the form would store, by setting key."""
        values: dict[str, Any] = {
            "safety.crisis_country": self.country.currentData(),
            "safety.crisis_text": self.crisis_text.toPlainText(),
            "appearance.color_scheme": self.color_scheme.currentData(),
            "report.paper": self.paper.currentData(),
            "clinical.questionnaire_interval_days": self.interval.value(),
            "reminders.mood": self.mood_reminder.isChecked(),
            "reminders.mood_time": self.mood_time.time().toString("HH:mm"),
            "reminders.sessions": self.session_reminders.isChecked(),
            "reminders.session_lead_hours": self.session_lead.value(),
            "reminders.detailed_text": self.detailed_text.isChecked(),
            "reminders.background": self.background.isChecked(),
            "reminders.start_at_login": self.start_at_login.isChecked(),
        }
        for instrument_id in INSTRUMENTS:
            values[f"clinical.remission_threshold.{instrument_id}"] = (
                self.remission[instrument_id].value()
            )
            baseline = self.baseline[instrument_id].currentData()
            values[f"clinical.baseline.{instrument_id}"] = baseline
        return values

    def accept(self) -> None:
        """Store every value; on a refusal keep the dialog open with the message."""
        values = self.values()
        try:
            self.settings.set_many(values)
        except KnownError as error:
            self.error.setText(str(error))
            return
        try:
            self._apply_start_at_login(values["reminders.start_at_login"])
        except OSError as error:
            self.error.setText(f"Start at login could not be changed: {error.strerror or error}.")
            self.controller.notify(self.controller.settings_changed())
            return
        self.controller.notify(self.controller.settings_changed())
        super().accept()

    def _apply_start_at_login(self, wanted: bool) -> None:
        if not self.start_at_login.isEnabled() or wanted == autostart.is_enabled():
            return
        if wanted:
            autostart.enable(autostart.app_command())
        else:
            autostart.disable()
