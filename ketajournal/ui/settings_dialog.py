"""Settings: crisis resources, remission thresholds, baselines, reminder interval.

Every control writes through :class:`ketajournal.services.settings.Settings`, which
validates and names the setting when a value is refused. The booster threshold T
lives on the Boosters screen, next to the numbers it changes. The key, the
passphrase, the recovery key and auto-lock are in the Security dialog
(:mod:`ketajournal.ui.security`), opened from here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.safety import COUNTRY_NAMES, CRISIS_RESOURCES, country_code
from ketajournal.errors import KnownError
from ketajournal.palette import SCREEN
from ketajournal.platform.keystore import KeyStore
from ketajournal.services.settings import Settings
from ketajournal.ui.controller import JournalController
from ketajournal.ui.security import SecurityDialog


class SettingsDialog(QDialog):
    """Edit the journal's settings; Save stores them all in one go.

    ``keys`` is where the journal's key is kept; without it (the demo journal)
    the Security button is off.
    """

    def __init__(
        self,
        controller: JournalController,
        parent: QWidget | None = None,
        *,
        keys: KeyStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.controller = controller
        self.keys = keys
        self.settings = Settings(controller.journal)
        form = QFormLayout()

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
                combo.addItem(f"{assessment.at:%d %b %Y}: total {assessment.total}",
                              assessment.id)
            chosen = self.settings.get(f"clinical.baseline.{instrument_id}")
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
            form.addRow(f"{questionnaire.short_title} baseline", combo)
            self.baseline[instrument_id] = combo

        note = QLabel("The booster threshold T is set on the Boosters screen.")
        note.setStyleSheet(f"color: {SCREEN.hint_text};")
        self.security_button = QPushButton("Se&curity: passphrase, recovery key, auto-lock…")
        self.security_button.setAccessibleName("Open the security settings")
        self.security_button.clicked.connect(self.open_security)
        if keys is None:
            self.security_button.setEnabled(False)
            self.security_button.setToolTip("Not available for the demo journal.")
        self.error = QLabel("")
        self.error.setStyleSheet(f"color: {SCREEN.danger};")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.security_button)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

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
            "clinical.questionnaire_interval_days": self.interval.value(),
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
        try:
            self.settings.set_many(self.values())
        except KnownError as error:
            self.error.setText(str(error))
            return
        self.controller.notify(self.controller.settings_changed())
        super().accept()
