"""Today: log the mood in one click or one keystroke; log a session, side effect, event.

Clicking a number (or typing it while the row has focus; "1" then "0" for ten)
saves a mood entry at once, together with whatever optional fields and note are
filled in. "Saved" appears only after the write committed; Undo is right there.

It is one piece: the mood row, its draft, the tags, the Due and attention boxes and
the next planned session all refresh from one ``changed`` signal and one clock, and
the first-click guarantees (nothing lost before "Saved") span them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ketajournal.domain.dates import format_date_with_weekday, format_short_date
from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.models import SCORE_RANGE, SLEEP_RANGE, Assessment, MoodEntry
from ketajournal.domain.schedules import PlannedItem
from ketajournal.domain.tags import check_tags
from ketajournal.errors import KnownError
from ketajournal.reports.numbers import format_signed
from ketajournal.services import clinical, reminders
from ketajournal.services.drafts import describe_form
from ketajournal.services.journal import Change
from ketajournal.services.plans import Overdue, Plans, PlanWrite
from ketajournal.translation import severity, translator
from ketajournal.ui.announce import LiveLabel, announce
from ketajournal.ui.appearance import set_style
from ketajournal.ui.controller import JournalController
from ketajournal.ui.dialogs import note_edit
from ketajournal.ui.drafts import FormDraft, set_widget_value, typed_at
from ketajournal.ui.fields import (
    OptionalFloatSpin,
    OptionalIntSpin,
    TimeEdit,
    scale_label,
    scale_name,
)

#: How long after typing "1" we wait for a "0" (to mean ten).
TEN_WINDOW_MS = 600
#: The mood scale: worst and best.
WORST, BEST = SCORE_RANGE

tr = translator("Today")


class MoodRow(QWidget):
    """Eleven buttons 0–10. Emits ``chosen(score)`` on click or keystroke."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        layout = QHBoxLayout(self)
        layout.setSpacing(6)
        self.buttons: list[QPushButton] = []
        for score in range(WORST, BEST + 1):
            button = QPushButton(str(score))
            button.setMinimumSize(48, 48)
            button.setAccessibleName(
                tr("Save mood {score} of {best}").format(score=score, best=BEST))
            button.setToolTip(tr("Save mood {score} ({worst} = worst, {best} = best)").format(
                score=score, worst=WORST, best=BEST))
            button.installEventFilter(self)
            self.group.addButton(button, score)
            layout.addWidget(button)
            self.buttons.append(button)
        self.group.idClicked.connect(self.chosen.emit)
        self._pending_one = QTimer(self)
        self._pending_one.setSingleShot(True)
        self._pending_one.setInterval(TEN_WINDOW_MS)
        self._pending_one.timeout.connect(lambda: self.chosen.emit(1))
        self._middle = len(self.buttons) // 2
        self.setFocusProxy(self.buttons[self._middle])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Digits choose a score; arrows move along the row."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
                self.type_digit(key - Qt.Key.Key_0)
                return True
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                index = self.buttons.index(watched) if watched in self.buttons else self._middle
                step = -1 if key == Qt.Key.Key_Left else 1
                self.buttons[max(0, min(len(self.buttons) - 1, index + step))].setFocus()
                return True
        return super().eventFilter(watched, event)

    def type_digit(self, digit: int) -> None:
        """Handle one typed digit ("1" waits briefly for a "0" to make ten)."""
        if self._pending_one.isActive():
            self._pending_one.stop()
            if digit == 0:
                self.chosen.emit(10)
                return
            self.chosen.emit(1)
        if digit == 1:
            self._pending_one.start()
        else:
            self.chosen.emit(digit)


def _on(at: datetime, *, weekday: bool = False) -> str:
    """The day of an entry as logged, with its year: ``01 Dec 2026``."""
    return format_short_date(at.date(), year=True, weekday=weekday, padded=True)


def describe_status(status: clinical.MeasureStatus) -> str:
    """One line: baseline → latest, change, response, remission."""
    title = status.short_title
    if status.latest is None:
        return tr("{title}: none filled yet.").format(title=title)
    latest = tr("latest {total} ({band}, {day})").format(
        total=status.latest.total, band=severity(status.latest.band), day=_on(status.latest.at))
    if status.baseline is None:
        return tr("{title}: {latest}; no baseline.").format(title=title, latest=latest)
    baseline = (tr("{day}, your pick") if status.baseline_source == "user" else "{day}").format(
        day=_on(status.baseline.at))
    text = tr("{title}: baseline {total} ({baseline}) → {latest}").format(
        title=title, total=status.baseline.total, baseline=baseline, latest=latest)
    if status.change_percent is not None:
        text += tr(", change {percent} %").format(percent=format_signed(status.change_percent, 0))
    if status.not_assessable is not None:
        return tr("{text}; response and remission {verdict}.").format(
            text=text, verdict=status.verdict(None))
    return tr("{text}, response {response}, remission {remission}.").format(
        text=text, response=status.verdict(status.response),
        remission=status.verdict(status.remission))


class TodayView(QWidget):
    """The first screen: mood in one click, optional details, quick buttons."""

    questionnaire_requested = Signal(str)  # instrument id
    crisis_requested = Signal()
    draft_requested = Signal(str)  # the form id of a kept draft to continue
    #: "Yes, it happened" for a planned session with no session logged that day: the
    #: window opens the session form filled from the plan.
    plan_done_requested = Signal(object)  # PlannedItem

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        controller.changed.connect(self.on_change)

        question = QLabel(tr("How is your mood right now?"))
        question.setStyleSheet("font-size: 18px; font-weight: 600;")
        hint = QLabel(tr("Click a number or type it to save it. {worst} = worst, {best} = best.")
                      .format(worst=WORST, best=BEST))
        set_style(hint, "color: $hint_text;")
        self.mood_row = MoodRow()
        self.mood_row.chosen.connect(self.save_mood)
        ends = QHBoxLayout()
        ends.addWidget(QLabel(tr("{worst}  worst").format(worst=WORST)))
        ends.addStretch(1)
        ends.addWidget(QLabel(tr("best  {best}").format(best=BEST)))

        self.note = note_edit(tr("Note for this mood entry"))
        self.details_toggle = QToolButton()
        self.details_toggle.setText(tr("More details (anxiety, energy, sleep, time, tags)"))
        self.details_toggle.setCheckable(True)
        self.details_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.details_toggle.setAccessibleName(tr("Show more details"))
        self.details_toggle.toggled.connect(self._toggle_details)
        self.details = QGroupBox()
        form = QFormLayout(self.details)
        self.anxiety = OptionalIntSpin(
            *SCORE_RANGE, scale_name(tr("Anxiety"), tr("none"), tr("worst")))
        self.energy = OptionalIntSpin(
            *SCORE_RANGE, scale_name(tr("Energy"), tr("none"), tr("most")))
        self.sleep = OptionalFloatSpin(*SLEEP_RANGE, 0.5, tr("Sleep last night in hours"))
        self.when = TimeEdit(tr("Time of this mood entry"))
        self.when.set_time(controller.now())
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(tr("e.g. walk, friends (separated by commas)"))
        self.tags.setAccessibleName(tr("Tags of this mood entry, separated by commas"))
        self.tag_completer = TagCompleter(self.tags)
        form.addRow(scale_label(tr("An&xiety"), tr("none"), tr("worst")), self.anxiety)
        form.addRow(scale_label(tr("Ener&gy"), tr("none"), tr("most")), self.energy)
        form.addRow(tr("Sleep last night (h&ours)"), self.sleep)
        form.addRow(tr("T&ime"), self.when)
        form.addRow(tr("Tags (&keywords)"), self.tags)
        self.details.hide()

        self.status = LiveLabel("")
        self.status.setAccessibleName(tr("Save status"))
        self.undo_button = QPushButton(tr("&Undo"))
        self.undo_button.setAccessibleName(tr("Undo the last save"))
        self.undo_button.clicked.connect(controller.undo_stack.undo)
        self.undo_button.hide()
        status_row = QHBoxLayout()
        status_row.addWidget(self.status)
        status_row.addWidget(self.undo_button)
        status_row.addStretch(1)

        self.session_button = QPushButton(tr("Log a &session…"))
        self.side_effect_button = QPushButton(tr("Log a si&de effect…"))
        self.event_button = QPushButton(tr("Log &an event…"))
        for button, name in ((self.session_button, tr("Log a treatment session")),
                             (self.side_effect_button, tr("Log a side effect")),
                             (self.event_button, tr("Log an event"))):
            button.setAccessibleName(name)
        quick = QHBoxLayout()
        quick.addWidget(self.session_button)
        quick.addWidget(self.side_effect_button)
        quick.addWidget(self.event_button)
        quick.addStretch(1)

        self.summary = QLabel("")
        self.summary.setAccessibleName(tr("Today so far"))
        set_style(self.summary, "color: $hint_text;")
        self.next_session = QLabel("")
        self.next_session.setAccessibleName(tr("Next planned session"))
        self.next_session.setStyleSheet("font-weight: 600;")

        self.planned_box = QGroupBox(tr("Did your session happen?"))
        self.planned_box.setAccessibleName(tr("Planned sessions whose time has passed"))
        self.planned_layout = QVBoxLayout(self.planned_box)
        # The question comes once a session should be over, also while Today stays open:
        # look again at the next end (at least hourly: a computer may sleep meanwhile).
        self._planned_check = QTimer(self)
        self._planned_check.setSingleShot(True)
        self._planned_check.timeout.connect(self._refresh_planned)

        questionnaires = QHBoxLayout()
        self.questionnaire_buttons: dict[str, QPushButton] = {}
        for instrument_id, questionnaire in INSTRUMENTS.items():
            button = QPushButton(tr("Fill in {title}…").format(title=questionnaire.short_title))
            button.setAccessibleName(tr("Fill in the {title}").format(
                title=questionnaire.title))
            button.clicked.connect(
                lambda _checked=False, i=instrument_id: self.questionnaire_requested.emit(i)
            )
            questionnaires.addWidget(button)
            self.questionnaire_buttons[instrument_id] = button
        questionnaires.addStretch(1)

        self.drafts_box = QGroupBox(tr("Not saved yet"))
        self.drafts_box.setAccessibleName(tr("Unsaved forms"))
        self.drafts_layout = QVBoxLayout(self.drafts_box)

        #: What each box last listed, so that only new lines are announced.
        self._box_lines: dict[str, list[str]] = {}
        self.flags_box = QGroupBox(tr("Needs your attention"))
        set_style(self.flags_box, "QGroupBox { color: $danger; font-weight: 600; }")
        self.flags_layout = QVBoxLayout(self.flags_box)
        self.due_box = QGroupBox(tr("Due"))
        self.due_layout = QVBoxLayout(self.due_box)
        self.progress_box = QGroupBox(tr("Questionnaires: baseline and now"))
        progress_layout = QVBoxLayout(self.progress_box)
        self.progress_labels: dict[str, QLabel] = {}
        for instrument_id in INSTRUMENTS:
            label = QLabel("")
            label.setWordWrap(True)
            label.setAccessibleName(tr("{title} progress").format(
                title=INSTRUMENTS[instrument_id].short_title))
            progress_layout.addWidget(label)
            self.progress_labels[instrument_id] = label
        self.definitions = QLabel("")
        self.definitions.setWordWrap(True)
        set_style(self.definitions, "color: $definition_text; font-size: 11px;")
        progress_layout.addWidget(self.definitions)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(question)
        layout.addWidget(hint)
        layout.addWidget(self.mood_row)
        layout.addLayout(ends)
        note_label = QLabel(tr("&Note (optional):"))
        note_label.setBuddy(self.note)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        layout.addWidget(self.details_toggle)
        layout.addWidget(self.details)
        layout.addLayout(status_row)
        layout.addSpacing(16)
        layout.addLayout(quick)
        layout.addLayout(questionnaires)
        layout.addWidget(self.summary)
        layout.addWidget(self.next_session)
        layout.addWidget(self.planned_box)
        layout.addWidget(self.drafts_box)
        layout.addWidget(self.flags_box)
        layout.addWidget(self.due_box)
        layout.addWidget(self.progress_box)
        layout.addStretch(1)
        self.setTabOrder(self.mood_row.buttons[-1], self.note)
        # The note and details survive a crash or a lock as a draft, with the time when
        # the details (and so the time) were open: a back-dated entry stays back-dated.
        # The time and the open details alone make no draft.
        self.draft = FormDraft(
            controller.drafts, "today",
            {"note": self.note, "anxiety": self.anxiety, "energy": self.energy,
             "sleep_hours": self.sleep, "at": self.when, "tags": self.tags,
             "details": self.details_toggle},
            incidental=("at", "details"),
            parent=self,
        )
        self._restore_draft()
        self.refresh()
        self.refresh_drafts()

    def _restore_draft(self) -> None:
        kept = self.draft.restore()
        if kept is None:
            return
        details = kept.data.get("details") is True or any(
            kept.data.get(name) not in (None, "")
            for name in ("anxiety", "energy", "sleep_hours", "tags")
        )
        if details:
            self.details_toggle.setChecked(True)  # this sets the time to now ...
            if kept.data.get("details") is True and isinstance(kept.data.get("at"), str):
                self.draft.active = False  # ... so put the kept time back
                set_widget_value(self.when, kept.data["at"])
                self.draft.active = True
        set_style(self.status, "color: $info;")
        self.status.setText(
            tr("Restored what you typed on {when}; choose your mood to save it.").format(
                when=typed_at(kept.saved_at))
        )

    def refresh_drafts(self) -> None:
        """List the forms left unsaved (by a crash, a lock or closing the window)."""
        _clear(self.drafts_layout)
        pending = [d for d in self.controller.drafts.pending() if d.form != "today"]
        for kept in pending:
            row = QHBoxLayout()
            when = kept.saved_at.astimezone()
            text = QLabel(tr("{form}, typed on {when}.").format(
                form=describe_form(kept.form), when=typed_at(when)))
            text.setWordWrap(True)
            go = QPushButton(tr("Continue…"))
            go.setAccessibleName(tr("Continue: {form}").format(form=describe_form(kept.form)))
            go.clicked.connect(lambda _c=False, f=kept.form: self.draft_requested.emit(f))
            drop = QPushButton(tr("Discard"))
            drop.setAccessibleName(tr("Discard: {form}").format(form=describe_form(kept.form)))
            drop.clicked.connect(lambda _c=False, f=kept.form: self._discard_draft(f))
            row.addWidget(text, 1)
            row.addWidget(go)
            row.addWidget(drop)
            holder = QWidget()
            holder.setLayout(row)
            self.drafts_layout.addWidget(holder)
        self.drafts_box.setVisible(bool(pending))

    def _discard_draft(self, form: str) -> None:
        self.controller.drafts.discard(form)
        self.refresh_drafts()

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        if shown:
            self.when.set_time(self.controller.now())

    def save_mood(self, score: int) -> None:
        """Save a mood entry now; keep the form as typed if that fails."""
        at = self.when.time() if self.details.isVisible() else self.controller.now()
        try:
            tags = check_tags("tags", self.tags.text().split(","))
            entry = MoodEntry(
                at=at,
                mood=score,
                anxiety=self.anxiety.optional(),
                energy=self.energy.optional(),
                sleep_hours=self.sleep.optional(),
                note=self.note.toPlainText(),
            )
            saved = self.controller.log(entry)
            if tags and saved.id is not None:
                self.controller.notify(self.controller.journal.set_tags(saved.id, tags))
        except KnownError as error:
            self.status.setText(str(error))
            set_style(self.status, "color: $danger;")
            self.undo_button.hide()
            self.draft.keep_now()  # not saved: what was typed must survive a crash too
            return
        set_style(self.status, "color: $success; font-weight: 600;")
        self.status.setText(tr("Saved at {time}.").format(time=f"{saved.at.astimezone():%H:%M}"))
        self.undo_button.show()
        self.note.clear()
        self.anxiety.set_optional(None)
        self.energy.set_optional(None)
        self.sleep.set_optional(None)
        self.tags.clear()
        self.when.set_time(self.controller.now())
        self.draft.discard()
        self.draft.rebase()

    def on_change(self, change: Change) -> None:
        """Keep the day's summary, reminders, flags and progress current."""
        self.refresh()

    def refresh(self) -> None:
        """Re-read everything this screen shows."""
        self.tag_completer.set_tags(self.controller.journal.tag_names())
        self._refresh_summary()
        self._refresh_planned()
        self._refresh_flags()
        self._refresh_due()
        self._refresh_progress()

    def _refresh_flags(self) -> None:
        _clear(self.flags_layout)
        flags = clinical.safety_flags(self.controller.journal, unacknowledged_only=True)
        sentences = []
        for assessment in flags:
            item = assessment.instrument.safety_item or 0
            answer = assessment.instrument.option_label(assessment.answers[item - 1])
            text = QLabel(
                tr("On {day} you answered {title} question {item} (thoughts that you would "
                   "be better off dead or of hurting yourself) with “{answer}”. "
                   "Help is available.").format(
                    day=_on(assessment.at, weekday=True),
                    title=assessment.instrument.short_title, item=item, answer=answer)
            )
            text.setWordWrap(True)
            text.setAccessibleName(tr("Safety answer"))
            sentences.append(text.text())
            show = QPushButton(tr("Show crisis resources"))
            show.setAccessibleName(tr("Show crisis resources"))
            show.clicked.connect(self.crisis_requested.emit)
            done = QPushButton(tr("Acknowledge"))
            done.setAccessibleName(tr("Acknowledge this answer (it stays in reports)"))
            done.setToolTip(tr("Hides this here; the answer stays flagged in your reports."))
            done.clicked.connect(lambda _c=False, a=assessment: self._acknowledge(a))
            row = QHBoxLayout()
            row.addWidget(text, 1)
            row.addWidget(show)
            row.addWidget(done)
            self.flags_layout.addLayout(row)
        self.flags_box.setVisible(bool(flags))
        self._announce_box(self.flags_box, sentences)

    def _announce_box(self, box: QGroupBox, lines: list[str]) -> None:
        """Read a box out when what it lists changed (new items only, not a refresh)."""
        said = self._box_lines.get(box.title(), [])
        self._box_lines[box.title()] = lines
        new = [line for line in lines if line not in said]
        if new:
            announce(box, f"{box.title()}: " + "; ".join(new),
                     assertive=box is self.flags_box)

    def _acknowledge(self, assessment: Assessment) -> None:
        try:
            change = clinical.acknowledge_safety_flag(self.controller.journal, assessment)
        except KnownError as error:
            self.status.setText(str(error))
            return
        self.controller.notify(change)

    def _refresh_due(self) -> None:
        _clear(self.due_layout)
        items = clinical.due_items(self.controller.journal)
        for item in items:
            row = QHBoxLayout()
            label = QLabel(item.text)
            label.setAccessibleName(tr("Due"))
            row.addWidget(label, 1)
            if item.instrument_id is not None:
                fill = QPushButton(tr("Fill in…"))
                fill.setAccessibleName(tr("Fill in {title}").format(
                    title=INSTRUMENTS[item.instrument_id].short_title))
                fill.clicked.connect(
                    lambda _c=False, i=item.instrument_id: self.questionnaire_requested.emit(i)
                )
                row.addWidget(fill)
            dismiss = QPushButton(tr("Dismiss"))
            dismiss.setAccessibleName(tr("Dismiss: {item}").format(item=item.text))
            dismiss.clicked.connect(lambda _c=False, i=item: self._dismiss(i))
            row.addWidget(dismiss)
            self.due_layout.addLayout(row)
        self.due_box.setVisible(bool(items))
        self._announce_box(self.due_box, [item.text for item in items])

    def _dismiss(self, item: clinical.DueItem) -> None:
        try:
            reminders.dismiss_due(self.controller.journal, item)
        except KnownError as error:
            self.status.setText(str(error))
            return
        self._refresh_due()

    def _refresh_planned(self) -> None:
        plans = self.controller.plans
        upcoming = plans.next_session()
        if upcoming is None:
            self.next_session.clear()
        else:
            self.next_session.setText(
                tr("Next session: {when}").format(when=describe_planned(upcoming)))
        self.next_session.setVisible(upcoming is not None)
        _clear(self.planned_layout)
        # Not while the patient may still be in the chair: only once the session should
        # be over (its start plus the route's length, domain.schedules.SESSION_LENGTH).
        overdue = plans.to_ask_about()
        end = plans.next_end()
        if end is None:
            self._planned_check.stop()
        else:
            wait = (end - self.controller.journal.now()).total_seconds()
            self._planned_check.start(int(min(max(wait, 0.0), 3600.0) * 1000) + 1000)
        for late in overdue:
            row = QHBoxLayout()
            text = QLabel(tr("Planned for {when}.").format(when=describe_planned(late.item)))
            text.setWordWrap(True)
            text.setAccessibleName(tr("Planned session"))
            yes = QPushButton(tr("Yes, link the session logged that day") if late.match is not None
                              else tr("Yes, log it…"))
            yes.setAccessibleName(tr("It happened"))
            yes.clicked.connect(lambda _c=False, o=late: self._planned_happened(o))
            no = QPushButton(tr("No, it was missed"))
            no.setAccessibleName(tr("It was missed"))
            no.clicked.connect(lambda _c=False, i=late.item.id: self._planned_missed(i))
            row.addWidget(text, 1)
            row.addWidget(yes)
            row.addWidget(no)
            self.planned_layout.addLayout(row)
        self.planned_box.setVisible(bool(overdue))

    def _planned_happened(self, late: Overdue) -> None:
        if late.match is None:
            self.plan_done_requested.emit(late.item)
            return
        self._plan_write(lambda plans: plans.done(late.item.id), tr("Mark planned session done"))

    def _planned_missed(self, item_id: int) -> None:
        self._plan_write(lambda plans: plans.missed(item_id), tr("Mark planned session missed"))

    def _plan_write(self, write: Callable[[Plans], tuple[PlanWrite, Change]], text: str) -> None:
        try:
            self.controller.plan(write, text)
        except KnownError as error:
            set_style(self.status, "color: $danger;")
            self.status.setText(str(error))

    def _refresh_progress(self) -> None:
        thresholds = []
        for instrument_id, label in self.progress_labels.items():
            status = clinical.measure_status(self.controller.journal, instrument_id)
            label.setText(describe_status(status) + "".join(f" {n}" for n in status.notes))
            thresholds.append(tr("{threshold} on {title}").format(
                threshold=status.remission_threshold, title=status.short_title))
        self.definitions.setText(
            tr("Baseline: the last one before your first treatment session, unless you picked "
               "one in Settings. Change = (latest − baseline) ÷ baseline. Response: latest "
               "total at least 50 % lower than baseline. Remission: latest total below "
               "{thresholds}.").format(thresholds=tr(" and ").join(thresholds))
        )

    def _refresh_summary(self) -> None:
        today = self.controller.now().date()  # the clock's day; entries count on their logged day
        moods = self.controller.journal.entries_on_days(MoodEntry.kind, today, today)
        if moods:
            self.summary.setText(tr("Today so far: %n mood entry(s).", n=len(moods)))
        else:
            self.summary.setText(tr("Nothing logged yet today."))


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma from the tags used so far."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__([], edit)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._edit = edit
        edit.setCompleter(self)

    def set_tags(self, names: list[str]) -> None:
        """The tags to offer, most used first."""
        model = self.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(names)

    def splitPath(self, path: str) -> list[str]:
        """Only the tag after the last comma is completed."""
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        """The text with its last tag replaced by the chosen one."""
        head = self._edit.text().rsplit(",", 1)
        chosen = str(index.data())
        return f"{head[0]}, {chosen}" if len(head) == 2 else chosen


def describe_planned(item: PlannedItem) -> str:
    """A planned session in one line: "Thu 10 Dec 2026, 10:00 at Clinic A"."""
    plan = item.session
    day, time = format_date_with_weekday(plan.at.date()), f"{plan.at:%H:%M}"
    if plan.clinic:
        return tr("{day}, {time} at {clinic}").format(day=day, time=time, clinic=plan.clinic)
    return tr("{day}, {time}").format(day=day, time=time)


def _clear(layout: QLayout) -> None:
    """Remove and delete every widget and sub-layout of ``layout``."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            widget.setParent(None)  # gone from the view now, deleted later
            widget.deleteLater()
        elif inner is not None:
            _clear(inner)
