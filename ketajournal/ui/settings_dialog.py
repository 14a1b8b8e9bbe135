"""Settings: reminders, crisis resources, language, colours, thresholds, baselines.

Every control writes through :class:`ketajournal.services.settings.Settings`, which
validates and names the setting when a value is refused. The booster threshold T
lives on the Boosters screen, next to the numbers it changes. The key, the
passphrase, the recovery key and auto-lock are in the Security dialog
(:mod:`ketajournal.ui.security`), opened from here; sync has its section
(:mod:`ketajournal.ui.sync`). "Start at login" writes or
removes the system's autostart entry (:mod:`ketajournal.platform.autostart`) when
the dialog is saved. A new language (``ui.language``) takes effect at the next start:
the screens and menus are built in one language, and a window half in each is worse
than a line saying when the change applies.
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
from ketajournal.translation import core, noop, translate, translator
from ketajournal.ui.appearance import set_style
from ketajournal.ui.controller import JournalController
from ketajournal.ui.security import SecurityDialog
from ketajournal.ui.sync import SyncScheduler, SyncSection

tr = translator("Settings")

#: How the colour schemes of :data:`~ketajournal.palette.SCHEMES` read in the dialog.
SCHEME_NAMES = (noop("Settings", "As the system (light or dark)"), noop("Settings", "Light"),
                noop("Settings", "Dark"))
#: How the paper choices of :data:`~ketajournal.services.settings.PAPERS` read.
PAPER_NAMES = (noop("Settings", "From my locale (US Letter in the US and Canada, else A4)"),
               "A4", noop("Settings", "US Letter"))
#: The window's languages (``ui.language``), each named in itself; None: the system's.
LANGUAGE_NAMES = (("system", None), ("en", "English"), ("de", "Deutsch"), ("es", "Español"))


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
        self.setWindowTitle(tr("Settings"))
        self.controller = controller
        self.keys = keys
        self.settings = Settings(controller.journal)
        form = QFormLayout()
        self._add_reminders(form)

        self.country = QComboBox()
        self.country.setAccessibleName(tr("Crisis resources for country"))
        for code in CRISIS_RESOURCES:
            self.country.addItem(core(COUNTRY_NAMES.get(code, code)), code)
        stored = country_code(self.settings.get("safety.crisis_country"))
        self.country.setCurrentIndex(self.country.findData(stored))
        form.addRow(tr("Crisis resources &for"), self.country)
        self.crisis_text = QPlainTextEdit(self.settings.get("safety.crisis_text"))
        self.crisis_text.setTabChangesFocus(True)
        self.crisis_text.setPlaceholderText(
            tr("Optional: your own numbers and contacts, one per line (replaces the list above)")
        )
        self.crisis_text.setAccessibleName(tr("Your own crisis resources"))
        self.crisis_text.setFixedHeight(70)
        form.addRow(tr("&Your own resources"), self.crisis_text)

        self._add_language(form)
        self.color_scheme = QComboBox()
        self.color_scheme.setAccessibleName(tr("Colour scheme"))
        for text, scheme in zip(SCHEME_NAMES, SCHEMES, strict=True):
            self.color_scheme.addItem(translate("Settings", text), scheme)
        self.color_scheme.setCurrentIndex(
            max(0, self.color_scheme.findData(self.settings.get("appearance.color_scheme")))
        )
        form.addRow(tr("C&olours"), self.color_scheme)
        self.paper = QComboBox()
        self.paper.setAccessibleName(tr("Paper of the clinician PDF"))
        for text, paper in zip(PAPER_NAMES, PAPERS, strict=True):
            self.paper.addItem(translate("Settings", text), paper)
        self.paper.setCurrentIndex(max(0, self.paper.findData(self.settings.get("report.paper"))))
        form.addRow(tr("PDF &paper"), self.paper)

        self.interval = QSpinBox()
        self.interval.setRange(1, 365)
        self.interval.setSuffix(tr(" days"))
        self.interval.setValue(self.settings.get("clinical.questionnaire_interval_days"))
        self.interval.setAccessibleName(tr("Questionnaires due every"))
        form.addRow(tr("Questionnaires &due every"), self.interval)

        self.remission: dict[str, QSpinBox] = {}
        self.baseline: dict[str, QComboBox] = {}
        for instrument_id, questionnaire in INSTRUMENTS.items():
            spin = QSpinBox()
            spin.setRange(1, questionnaire.max_total)
            spin.setValue(self.settings.get(f"clinical.remission_threshold.{instrument_id}"))
            title = questionnaire.short_title
            spin.setPrefix(tr("total below "))
            spin.setAccessibleName(tr("{title} remission threshold").format(title=title))
            form.addRow(tr("{title} remission").format(title=title), spin)
            self.remission[instrument_id] = spin
            combo = QComboBox()
            combo.setAccessibleName(tr("{title} baseline").format(title=title))
            combo.addItem(tr("Automatic: the last one before the first session"), None)
            for assessment in controller.journal.assessments(instrument_id):
                day = format_short_date(assessment.at.date(), year=True, padded=True)
                combo.addItem(tr("{day}: total {total}").format(day=day, total=assessment.total),
                              assessment.id)
            chosen = self.settings.get(f"clinical.baseline.{instrument_id}")
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
            form.addRow(tr("{title} baseline").format(title=title), combo)
            self.baseline[instrument_id] = combo

        note = QLabel(tr("The booster threshold T is set on the Boosters screen."))
        set_style(note, "color: $hint_text;")
        self.security_button = QPushButton(tr("Se&curity: passphrase, recovery key, auto-lock…"))
        self.security_button.setAccessibleName(tr("Open the security settings"))
        self.security_button.clicked.connect(self.open_security)
        if keys is None:
            self.security_button.setEnabled(False)
            self.security_button.setToolTip(tr("Not available for the demo journal."))
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
        heading = QLabel(tr("Reminders"))
        heading.setStyleSheet("font-weight: 600;")
        form.addRow(heading)
        self.mood_reminder = QCheckBox(tr("Remind me to log my &mood every day at"))
        self.mood_reminder.setAccessibleName(tr("Daily mood reminder"))
        self.mood_reminder.setToolTip(tr("Only on days when no mood was logged by then."))
        self.mood_reminder.setChecked(self.settings.get("reminders.mood"))
        self.mood_time = QTimeEdit()
        self.mood_time.setDisplayFormat("HH:mm")
        self.mood_time.setAccessibleName(tr("Daily mood reminder time"))
        self.mood_time.setTime(QTime.fromString(self.settings.get("reminders.mood_time"), "HH:mm"))
        self.mood_time.setEnabled(self.mood_reminder.isChecked())
        self.mood_reminder.toggled.connect(self.mood_time.setEnabled)
        time_row = QHBoxLayout()
        time_row.addWidget(self.mood_time)
        time_row.addStretch(1)
        form.addRow(self.mood_reminder, time_row)
        self.session_reminders = QCheckBox(
            tr("&Remind me of planned sessions: the evening before, and")
        )
        self.session_reminders.setAccessibleName(tr("Appointment reminders"))
        self.session_reminders.setToolTip(
            tr("At 20:00 the day before and some hours before each session still planned.")
        )
        self.session_reminders.setChecked(self.settings.get("reminders.sessions"))
        self.session_lead = QSpinBox()
        self.session_lead.setRange(1, 12)
        self.session_lead.setSuffix(tr(" h before"))
        self.session_lead.setAccessibleName(tr("Hours before a planned session"))
        self.session_lead.setValue(self.settings.get("reminders.session_lead_hours"))
        self.session_lead.setEnabled(self.session_reminders.isChecked())
        self.session_reminders.toggled.connect(self.session_lead.setEnabled)
        lead_row = QHBoxLayout()
        lead_row.addWidget(self.session_lead)
        lead_row.addStretch(1)
        form.addRow(self.session_reminders, lead_row)
        self.detailed_text = QCheckBox(
            tr("Show de&tails in notifications (session dates, questionnaire names)")
        )
        self.detailed_text.setAccessibleName(tr("Detailed notification text"))
        self.detailed_text.setToolTip(
            tr("Off: notifications say only \"Time to log your mood\" and the like, "
               "safe on a lock screen or over your shoulder.")
        )
        self.detailed_text.setChecked(self.settings.get("reminders.detailed_text"))
        form.addRow(self.detailed_text)
        self.background = QCheckBox(
            tr("&Keep running in the background when the window is closed"))
        self.background.setAccessibleName(tr("Keep running in the background"))
        self.background.setToolTip(
            tr("Reminders come while the window is closed; a tray icon (where your desktop "
               "has one) and the notifications bring it back.")
        )
        self.background.setChecked(self.settings.get("reminders.background"))
        form.addRow(self.background)
        self.start_at_login = QCheckBox(tr("Start in the background when I &log in"))
        self.start_at_login.setAccessibleName(tr("Start at login"))
        self.start_at_login.setChecked(autostart.is_enabled())
        if self.keys is None:
            self.start_at_login.setEnabled(False)
            self.start_at_login.setToolTip(tr("Not available for the demo journal."))
        form.addRow(self.start_at_login)
        note = QLabel(tr("Check-ins after a session and questionnaires are reminded when due."))
        set_style(note, "color: $hint_text;")
        form.addRow(note)

    def _add_language(self, form: QFormLayout) -> None:
        self.language = QComboBox()
        self.language.setAccessibleName(tr("Language of the window"))
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name or tr("System default"), code)
        saved = self.settings.get("ui.language")
        self.language.setCurrentIndex(max(0, self.language.findData(saved)))
        form.addRow(tr("Lan&guage"), self.language)
        # The screens are built in the language chosen when the journal opens, and the
        # menus in the one it started with: switching live would leave the window
        # speaking two languages, so the choice waits for the next start.
        self.language_note = QLabel(
            tr("The new language takes effect when you next open ketajournal.")
        )
        self.language_note.setWordWrap(True)
        self.language_note.setAccessibleName(tr("When the new language takes effect"))
        set_style(self.language_note, "color: $hint_text;")
        self.language_note.setVisible(False)
        self.language.currentIndexChanged.connect(
            lambda: self.language_note.setVisible(self.language.currentData() != saved)
        )
        form.addRow(self.language_note)

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
            "ui.language": self.language.currentData(),
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
            self.error.setText(tr("Start at login could not be changed: {reason}.").format(
                reason=error.strerror or error))
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
