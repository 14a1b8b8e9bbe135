"""Forms to log or edit an entry of each kind.

A dialog builds a domain entry from its fields and hands it to ``save``; if
validation or the write fails, the message (naming the field) is shown in the
dialog, the focus goes to that field, and everything typed stays in the form.
The dialog closes only after ``save`` returned, i.e. after the commit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from enum import StrEnum
from typing import TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ketajournal.domain.locales import number
from ketajournal.domain.models import (
    DOSE_MG_RANGE,
    DURATION_MIN_RANGE,
    HEART_RATE_RANGE,
    MOAAS_RANGE,
    OBSERVATION_MIN_RANGE,
    RED_FLAG_ADVICE,
    SCORE_RANGE,
    SLEEP_RANGE,
    SPO2_RANGE,
    WEIGHT_KG_RANGE,
    Entry,
    Event,
    EventKind,
    MoodEntry,
    Phase,
    Route,
    Session,
    SideEffect,
    SideEffectCategory,
)
from ketajournal.domain.schedules import PlannedItem
from ketajournal.domain.timeutil import as_logged
from ketajournal.domain.validation import ValidationError
from ketajournal.errors import KnownError
from ketajournal.services.drafts import Drafts, form_id
from ketajournal.translation import core, translator
from ketajournal.ui.appearance import set_style
from ketajournal.ui.controller import JournalController
from ketajournal.ui.drafts import FormDraft, typed_at
from ketajournal.ui.fields import (
    BloodPressureEdit,
    OptionalFloatSpin,
    OptionalIntSpin,
    TimeEdit,
    scale_label,
    scale_name,
)

SaveFn = Callable[[Entry], None]

tr = translator("Dialogs")


def note_edit(name: str = "") -> QPlainTextEdit:
    """A short multi-line note box; Tab moves on instead of typing a tab (``name``: its
    accessible name, "Note" by default)."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(tr("Optional note (private; only in reports if you choose)"))
    edit.setAccessibleName(name or tr("Note"))
    edit.setFixedHeight(72)
    return edit


def combo(items: Sequence[tuple[str, object]], name: str) -> QComboBox:
    """A combo box of (label, value) pairs."""
    box = QComboBox()
    for label, value in items:
        box.addItem(label, value)
    box.setAccessibleName(name)
    return box


E = TypeVar("E", bound=StrEnum)


def current(box: QComboBox, enum: type[E]) -> E:
    """The selected enum member (Qt hands StrEnum data back as plain str)."""
    return enum(box.currentData())


def select(box: QComboBox, value: object) -> None:
    """Select the item whose data is ``value``."""
    index = box.findData(value)
    if index >= 0:
        box.setCurrentIndex(index)


class EntryDialog(QDialog):
    """Base: a form, an inline error line, Save / Cancel."""

    def __init__(
        self, title: str, save: SaveFn, existing: Entry | None, now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._save = save
        self.existing = existing
        self.draft: FormDraft | None = None
        self.restored = QLabel()
        self.restored.setWordWrap(True)
        set_style(self.restored, "color: $info;")
        self.restored.setAccessibleName(tr("Restored draft"))
        self.restored.hide()
        self.form = QFormLayout()
        self.when = TimeEdit(tr("When"))
        self.when.set_time(existing.at if existing else now)
        self.form.addRow(tr("&When"), self.when)
        self.error = QLabel()
        self.error.setWordWrap(True)
        set_style(self.error, "color: $danger;")
        self.error.setAccessibleName(tr("Error message"))
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.restored)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._field_widgets: dict[str, QWidget] = {"at": self.when}

    def showEvent(self, event: QShowEvent) -> None:
        """A new entry starts on its first field (the time is usually "now")."""
        super().showEvent(event)
        if self.existing is None and self.form.rowCount() > 1:
            item = self.form.itemAt(1, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setFocus()

    def register(self, field: str, widget: QWidget) -> None:
        """Remember which widget edits ``field`` so an error can focus it."""
        self._field_widgets[field] = widget

    def build(self) -> Entry:
        """Make the entry from the fields; raises ValidationError."""
        raise NotImplementedError

    def keep_drafts(self, drafts: Drafts, kind: str) -> None:
        """Keep this form's fields as a draft while it is open, and fill it from one kept
        earlier (a crash, a lock, or the window closed with the form open)."""
        entry_id = self.existing.id if self.existing is not None else None
        self.draft = FormDraft(drafts, form_id(kind, entry_id), self._field_widgets, parent=self)
        kept = self.draft.restore()
        if kept is not None:
            self.restored.setText(tr(
                "Restored what you typed on {when}. "
                "It is not saved yet: Save keeps it, Cancel discards it.").format(
                    when=typed_at(kept.saved_at)))
            self.restored.show()

    def keep_draft_and_close(self) -> None:
        """Close without discarding: the draft is written now (the journal is locking)."""
        if self.draft is not None:
            self.draft.stop()
        super().reject()

    def accept(self) -> None:
        """Validate and save; stay open with the message if that fails."""
        try:
            entry = self.build()
            if self.existing is not None:
                entry = entry.with_id(self.existing.id)
            self._save(entry)
        except KnownError as error:
            self.show_error(error)
            if self.draft is not None:
                self.draft.keep_now()  # not saved: what was typed must survive a crash too
            return
        if self.draft is not None:
            self.draft.discard()
            self.draft.active = False
        super().accept()

    def reject(self) -> None:
        """Cancel: the patient chose to discard what the form holds."""
        if self.draft is not None and self.draft.active:
            self.draft.discard()
            self.draft.active = False
        super().reject()

    def show_error(self, error: KnownError) -> None:
        """Show the message and focus the field it names."""
        self.error.setText(str(error))
        self.error.show()
        if isinstance(error, ValidationError):
            root = error.field.split()[0]
            widget = self._field_widgets.get(root)
            if widget is not None:
                widget.setFocus()


class MoodDialog(EntryDialog):
    """Edit a mood entry (new ones are logged from Today in one click)."""

    def __init__(
        self, save: SaveFn, existing: MoodEntry | None, now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Mood"), save, existing, now, parent)
        self.mood = QSpinBox()
        self.mood.setRange(*SCORE_RANGE)
        self.mood.setAccessibleName(scale_name(tr("Mood"), tr("worst"), tr("best")))
        self.anxiety = OptionalIntSpin(*SCORE_RANGE,
                                       scale_name(tr("Anxiety"), tr("none"), tr("worst")))
        self.energy = OptionalIntSpin(*SCORE_RANGE,
                                      scale_name(tr("Energy"), tr("none"), tr("most")))
        self.sleep = OptionalFloatSpin(*SLEEP_RANGE, 0.5, tr("Sleep in hours"))
        self.note = note_edit()
        self.form.addRow(scale_label(tr("&Mood"), tr("worst"), tr("best")), self.mood)
        self.form.addRow(scale_label(tr("&Anxiety"), tr("none"), tr("worst")), self.anxiety)
        self.form.addRow(scale_label(tr("&Energy"), tr("none"), tr("most")), self.energy)
        self.form.addRow(tr("&Sleep (hours)"), self.sleep)
        self.form.addRow(tr("&Note"), self.note)
        for field, widget in (("mood", self.mood), ("anxiety", self.anxiety),
                              ("energy", self.energy), ("sleep_hours", self.sleep),
                              ("note", self.note)):
            self.register(field, widget)
        if existing is not None:
            self.mood.setValue(existing.mood)
            self.anxiety.set_optional(existing.anxiety)
            self.energy.set_optional(existing.energy)
            self.sleep.set_optional(existing.sleep_hours)
            self.note.setPlainText(existing.note)

    def build(self) -> Entry:
        return MoodEntry(
            at=self.when.time(),
            mood=self.mood.value(),
            anxiety=self.anxiety.optional(),
            energy=self.energy.optional(),
            sleep_hours=self.sleep.optional(),
            note=self.note.toPlainText(),
        )


class SessionDialog(EntryDialog):
    """Log or edit a treatment session."""

    def __init__(
        self, save: SaveFn, existing: Session | None, now: datetime,
        previous: Session | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Treatment session"), save, existing, now, parent)
        template = existing or previous
        self.route = combo([(core(r.label), r) for r in Route], tr("Route"))
        self.phase = combo([(core(p.label), p) for p in Phase], tr("Phase"))
        self.dose = OptionalFloatSpin(*DOSE_MG_RANGE, 0.5, tr("Dose in milligrams"))
        self.dose.setSuffix(" mg")
        self.weight = OptionalFloatSpin(*WEIGHT_KG_RANGE, 0.5, tr("Body weight in kilograms"))
        self.weight.setSuffix(" kg")
        self.per_kg = QLabel("")
        self.per_kg.setAccessibleName(tr("Dose per kilogram"))
        self.clinic = QLineEdit()
        self.clinic.setAccessibleName(tr("Clinic"))
        self.dissociation = OptionalIntSpin(
            *SCORE_RANGE, scale_name(tr("Dissociation"), tr("none"), tr("most"))
        )
        self.bp_before = BloodPressureEdit(tr("Blood pressure before"))
        self.bp_after = BloodPressureEdit(tr("Blood pressure after"))
        # The rest of the label's session record: all optional (an IV patient may skip it).
        self.bp_leaving = BloodPressureEdit(tr("Blood pressure before leaving"))
        self.heart_rate = OptionalIntSpin(*HEART_RATE_RANGE,
                                          tr("Heart rate in beats per minute"))
        self.heart_rate.setSuffix(" bpm")
        self.spo2 = OptionalIntSpin(*SPO2_RANGE, tr("Oxygen saturation in percent"))
        self.spo2.setSuffix(" %")
        self.observation = OptionalIntSpin(
            *OBSERVATION_MIN_RANGE, tr("Minutes of observation until ready to leave")
        )
        self.observation.setSuffix(" min")
        self.moaas = OptionalIntSpin(
            *MOAAS_RANGE, tr("The clinic's sedation rating, MOAA/S, 0 no response to 5 alert")
        )
        self.note = note_edit()
        self.form.addRow(tr("&Route"), self.route)
        self.form.addRow(tr("&Phase"), self.phase)
        self.form.addRow(tr("&Dose"), self.dose)
        self.form.addRow(tr("Body wei&ght"), self.weight)
        self.form.addRow("", self.per_kg)
        self.form.addRow(tr("&Clinic"), self.clinic)
        self.form.addRow(scale_label(tr("D&issociation"), tr("none"), tr("most")),
                         self.dissociation)
        self.form.addRow(tr("Blood pressure &before"), self.bp_before)
        self.form.addRow(tr("Blood pressure &after (~40 min)"), self.bp_after)
        self.form.addRow(tr("Blood pressure before &leaving"), self.bp_leaving)
        self.form.addRow(tr("&Heart rate"), self.heart_rate)
        self.form.addRow(tr("Sp&O₂"), self.spo2)
        self.form.addRow(tr("Ob&servation until ready to leave"), self.observation)
        self.form.addRow(tr("Clinic's sedation rating (&MOAA/S, 0–5)"), self.moaas)
        self.form.addRow(tr("&Note"), self.note)
        for field, widget in (("route", self.route), ("phase", self.phase), ("dose_mg", self.dose),
                              ("weight_kg", self.weight), ("clinic", self.clinic),
                              ("dissociation", self.dissociation),
                              ("bp_before", self.bp_before), ("bp_after", self.bp_after),
                              ("bp_leaving", self.bp_leaving), ("heart_rate", self.heart_rate),
                              ("spo2", self.spo2), ("observation_minutes", self.observation),
                              ("moaas", self.moaas), ("note", self.note)):
            self.register(field, widget)
        if template is not None:
            select(self.route, template.route)
            select(self.phase, template.phase)
            self.dose.set_optional(template.dose_mg)
            self.weight.set_optional(template.weight_kg)
            self.clinic.setText(template.clinic)
        if existing is not None:
            self.dissociation.set_optional(existing.dissociation)
            self.bp_before.set_reading(existing.bp_before)
            self.bp_after.set_reading(existing.bp_after)
            self.bp_leaving.set_reading(existing.bp_leaving)
            self.heart_rate.set_optional(existing.heart_rate)
            self.spo2.set_optional(existing.spo2)
            self.observation.set_optional(existing.observation_minutes)
            self.moaas.set_optional(existing.moaas)
            self.note.setPlainText(existing.note)
        self.dose.valueChanged.connect(self._update_per_kg)
        self.weight.valueChanged.connect(self._update_per_kg)
        self._update_per_kg()

    def _update_per_kg(self) -> None:
        dose, weight = self.dose.optional(), self.weight.optional()
        self.per_kg.setText(f"= {number(f'{dose / weight:.2f}')} mg/kg" if dose and weight
                            else "")

    def build(self) -> Entry:
        return Session(
            at=self.when.time(),
            route=current(self.route, Route),
            phase=current(self.phase, Phase),
            dose_mg=self.dose.optional(),
            weight_kg=self.weight.optional(),
            clinic=self.clinic.text().strip(),
            dissociation=self.dissociation.optional(),
            bp_before=self.bp_before.reading("bp_before"),
            bp_after=self.bp_after.reading("bp_after"),
            bp_leaving=self.bp_leaving.reading("bp_leaving"),
            heart_rate=self.heart_rate.optional(),
            spo2=self.spo2.optional(),
            observation_minutes=self.observation.optional(),
            moaas=self.moaas.optional(),
            note=self.note.toPlainText(),
        )


class SideEffectDialog(EntryDialog):
    """Log or edit a side effect; warns about red flags."""

    def __init__(
        self, save: SaveFn, existing: SideEffect | None, now: datetime,
        sessions: Sequence[Session], default_session: Callable[[datetime], Session | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Side effect"), save, existing, now, parent)
        self._default_session = default_session
        self.category = combo([(core(c.label), c) for c in SideEffectCategory], tr("Side effect"))
        self.other = QLineEdit()
        self.other.setAccessibleName(tr("What it was (for Other)"))
        self.other.setPlaceholderText(tr("What was it?"))
        self.severity = QSpinBox()
        self.severity.setRange(*SCORE_RANGE)
        self.severity.setValue(3)
        self.severity.setAccessibleName(scale_name(tr("Severity"), tr("none"), tr("worst")))
        self.duration = OptionalIntSpin(*DURATION_MIN_RANGE, tr("Duration in minutes"))
        self.duration.setSuffix(" min")
        self.session = QComboBox()
        self.session.setAccessibleName(tr("Session it follows"))
        self.session.addItem(tr("Not linked to a session"), None)
        for s in reversed(sessions):
            self.session.addItem(
                f"{as_logged(s.at)} — {core(s.phase.label)}, {core(s.route.label)}", s.id
            )
        self.red_flag = QLabel(RED_FLAG_ADVICE)
        self.red_flag.setWordWrap(True)
        set_style(self.red_flag, "color: $danger; font-weight: bold;")
        self.red_flag.setAccessibleName(tr("Red flag warning"))
        self.note = note_edit()
        self.form.addRow(tr("&Side effect"), self.category)
        self.form.addRow(tr("&Other"), self.other)
        self.form.addRow("", self.red_flag)
        self.form.addRow(scale_label(tr("Se&verity"), "", tr("worst")), self.severity)
        self.form.addRow(tr("&Duration"), self.duration)
        self.form.addRow(tr("After s&ession"), self.session)
        self.form.addRow(tr("&Note"), self.note)
        for field, widget in (("category", self.category), ("other_text", self.other),
                              ("severity", self.severity), ("duration_minutes", self.duration),
                              ("session_id", self.session), ("note", self.note)):
            self.register(field, widget)
        if existing is not None:
            select(self.category, existing.category)
            self.other.setText(existing.other_text)
            self.severity.setValue(existing.severity)
            self.duration.set_optional(existing.duration_minutes)
            select(self.session, existing.session_id)
            self.note.setPlainText(existing.note)
        else:
            self._link_default()
            self.when.dateTimeChanged.connect(self._link_default)
        self.category.currentIndexChanged.connect(self._category_changed)
        self.severity.valueChanged.connect(self._category_changed)
        self._category_changed()

    def _link_default(self) -> None:
        session = self._default_session(self.when.time())
        select(self.session, session.id if session else None)

    def _category_changed(self) -> None:
        category = current(self.category, SideEffectCategory)
        self.other.setEnabled(category is SideEffectCategory.OTHER)
        self.red_flag.setText(category.red_flag_advice)
        self.red_flag.setVisible(category.red_flag_at(self.severity.value()))

    def build(self) -> Entry:
        category = current(self.category, SideEffectCategory)
        return SideEffect(
            at=self.when.time(),
            category=category,
            other_text=self.other.text().strip() if category is SideEffectCategory.OTHER else "",
            severity=self.severity.value(),
            duration_minutes=self.duration.optional(),
            session_id=self.session.currentData(),
            note=self.note.toPlainText(),
        )


class EventDialog(EntryDialog):
    """Log or edit an event: therapy, medication change, appointment, life event."""

    def __init__(
        self, save: SaveFn, existing: Event | None, now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Event"), save, existing, now, parent)
        self.kind = combo([(core(k.label), k) for k in EventKind], tr("Kind of event"))
        self.note = note_edit()
        self.form.addRow(tr("&Kind"), self.kind)
        self.form.addRow(tr("&Note"), self.note)
        self.register("event_kind", self.kind)
        self.register("note", self.note)
        if existing is not None:
            select(self.kind, existing.event_kind)
            self.note.setPlainText(existing.note)

    def build(self) -> Entry:
        return Event(at=self.when.time(), event_kind=current(self.kind, EventKind),
                     note=self.note.toPlainText())


def entry_dialog(
    controller: JournalController, kind: str, existing: Entry | None = None,
    parent: QWidget | None = None,
) -> EntryDialog:
    """The dialog that logs a new entry of ``kind``, or edits ``existing``."""
    save: SaveFn = controller.update if existing is not None else controller.log  # type: ignore[assignment]
    journal = controller.journal
    now = controller.now()
    dialog: EntryDialog
    if kind == MoodEntry.kind:
        dialog = MoodDialog(save, existing, now, parent)  # type: ignore[arg-type]
    elif kind == Session.kind:
        dialog = SessionDialog(save, existing, now, journal.last_session(), parent)  # type: ignore[arg-type]
    elif kind == SideEffect.kind:
        dialog = SideEffectDialog(
            save, existing, now, journal.sessions()[-50:], journal.default_session_for, parent  # type: ignore[arg-type]
        )
    elif kind == Event.kind:
        dialog = EventDialog(save, existing, now, parent)  # type: ignore[arg-type]
    else:
        raise ValueError(kind)
    dialog.keep_drafts(controller.drafts, kind)
    return dialog


def session_from_plan_dialog(
    controller: JournalController, item: PlannedItem, parent: QWidget | None = None
) -> EntryDialog:
    """The session form filled from a planned session (its time, route, phase, dose and
    clinic); saving logs the session and marks the plan done, linked to it."""

    def save(entry: Entry) -> None:
        saved = controller.log(entry)
        assert saved.id is not None
        session_id = saved.id
        controller.plan(lambda plans: plans.done(item.id, session_id),
                        "Mark planned session done")

    plan = item.session
    previous = Session(at=plan.at, route=plan.route, phase=plan.phase, dose_mg=plan.dose_mg,
                       clinic=plan.clinic)
    dialog = SessionDialog(save, None, plan.at, previous, parent)
    dialog.keep_drafts(controller.drafts, Session.kind)
    return dialog
