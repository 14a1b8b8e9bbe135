"""Fill in a questionnaire (any instrument in ``INSTRUMENTS``), fully from the keyboard.

All questions are on one page. Typing 0–3 answers the current question and moves
to the next; arrows, Tab and Space work as usual. The running total and band are
shown as answers come in. When the instrument's safety item (PHQ-9 item 9) is
answered above 0, the crisis resources appear at once in a window of their own
that never blocks answering or saving.

Only the dialog's own words and the severity band's name (as the PDF and the other
screens write it) are translated: the items, their answers and the recall period stay
in the instrument's validated English until an official translation is at hand
(docs/translation.md), and a line says so in another language.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ketajournal.domain.instruments import AnswerOption, Instrument
from ketajournal.domain.models import Assessment
from ketajournal.domain.timeutil import as_logged
from ketajournal.errors import KnownError
from ketajournal.services import clinical
from ketajournal.translation import band_text, noop, severity, translate, translator
from ketajournal.ui.appearance import set_style
from ketajournal.ui.controller import JournalController
from ketajournal.ui.fields import TimeEdit

tr = translator("Questionnaire")
#: Shown in another language above the questions, which stay in validated English.
ENGLISH_NOTE = noop("Questionnaire",
                    "The questionnaire is shown in English, its validated version.")


def answers_box(assessment: Assessment, parent: QWidget) -> QMessageBox:
    """A filled-in questionnaire, item by item, opened over ``parent``. Answers are a
    record of that moment: to correct one, delete it (Timeline) and fill it in again."""
    instrument = assessment.instrument
    lines = [
        f"{item.number}. {item.text}: {instrument.option_label(answer)} ({answer})"
        for item, answer in zip(instrument.items, assessment.answers, strict=True)
    ]
    box = QMessageBox(
        QMessageBox.Icon.Information,
        instrument.short_title,
        tr("{summary}, {when}.").format(summary=assessment.summary,
                                        when=as_logged(assessment.at)),
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setInformativeText(
        tr("To correct it, delete it in the Timeline and fill the questionnaire in again.")
    )
    box.setDetailedText("\n".join(lines))
    box.open()
    return box


class CrisisDialog(QDialog):
    """Crisis resources; modeless, so it never stands between the user and saving."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("You are not alone"))
        self.setModal(False)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName(tr("Crisis resources"))
        self.text.setStyleSheet("font-size: 14px;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(520, 300)


class _Question(QWidget):
    """One item: its text and one radio button per answer."""

    answered = Signal(int, int)  # item number, value

    def __init__(self, number: int, text: str, options: tuple[AnswerOption, ...]) -> None:
        super().__init__()
        self.number = number
        self.group = QButtonGroup(self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 6, 0, 6)
        label = QLabel(f"{number}. {text}")
        label.setWordWrap(True)
        grid.addWidget(label, 0, 0, 1, len(options))
        self.buttons: list[QRadioButton] = []
        for column, option in enumerate(options):
            button = QRadioButton(f"{option.value}  {option.label}")
            button.setAccessibleName(tr("Question {number}: {answer} ({value})").format(
                number=number, answer=option.label, value=option.value))
            self.group.addButton(button, option.value)
            grid.addWidget(button, 1, column)
            self.buttons.append(button)
        self.group.idClicked.connect(lambda value: self.answered.emit(self.number, value))

    def value(self) -> int | None:
        """The chosen value, or None."""
        checked = self.group.checkedId()
        return None if checked < 0 else checked

    def choose(self, value: int) -> None:
        """Select ``value`` as if clicked."""
        button = self.group.button(value)
        if button is not None:
            button.setChecked(True)
            button.setFocus()
            self.answered.emit(self.number, value)


class QuestionnaireDialog(QDialog):
    """A questionnaire on one page; saves through the controller."""

    def __init__(
        self, controller: JournalController, questionnaire: Instrument,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.instrument = questionnaire
        self.saved: Assessment | None = None
        self.crisis: CrisisDialog | None = None
        self.setWindowTitle(questionnaire.title)
        self.resize(760, 720)

        recall = QLabel(questionnaire.recall)
        recall.setWordWrap(True)
        recall.setStyleSheet("font-weight: 600; font-size: 14px;")
        low, high = questionnaire.answer_range
        hint = QLabel(tr("Type {low}–{high} to answer and move to the next question, or "
                         "click.").format(low=low, high=high))
        set_style(hint, "color: $hint_text;")
        self.english = QLabel(translate("Questionnaire", ENGLISH_NOTE))
        self.english.setWordWrap(True)
        set_style(self.english, "color: $hint_text;")
        # Said only when the window speaks another language (the note has a translation).
        self.english.setVisible(self.english.text() != ENGLISH_NOTE)
        self.when = TimeEdit(tr("When filled in"))
        self.when.set_time(controller.now())

        body = QWidget()
        body_layout = QVBoxLayout(body)
        self.questions: list[_Question] = []
        for item in questionnaire.items:
            question = _Question(item.number, item.text, questionnaire.options)
            question.answered.connect(self._answered)
            for button in question.buttons:
                button.installEventFilter(self)
            body_layout.addWidget(question)
            self.questions.append(question)
        self.extra: _Question | None = None
        if questionnaire.extra is not None:
            self.extra = _Question(0, questionnaire.extra.text, questionnaire.extra.options)
            self.extra.layout().itemAt(0).widget().setText(  # type: ignore[union-attr]
                tr("{question} (not scored)").format(question=questionnaire.extra.text)
            )
            for button in self.extra.buttons:
                button.installEventFilter(self)
            body_layout.addWidget(self.extra)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)

        self.total = QLabel("")
        self.total.setAccessibleName(tr("Total and band"))
        self.total.setStyleSheet("font-size: 14px; font-weight: 600;")
        self.error = QLabel("")
        set_style(self.error, "color: $danger;")
        self.error.setWordWrap(True)
        self.licence = QLabel(questionnaire.licence)
        self.licence.setWordWrap(True)
        set_style(self.licence, "color: $licence_text; font-size: 10px;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.english)
        layout.addWidget(recall)
        layout.addWidget(hint)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.error)
        layout.addWidget(self.when)
        layout.addWidget(self.buttons)
        layout.addWidget(self.licence)
        self._update_total()
        self.questions[0].buttons[0].setFocus()

    def _all_questions(self) -> list[_Question]:
        return self.questions + ([self.extra] if self.extra else [])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Digits answer the question that has focus and move on."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
                for position, question in enumerate(self._all_questions()):
                    if watched in question.buttons:
                        self.type_answer(position, key - Qt.Key.Key_0)
                        return True
        return super().eventFilter(watched, event)

    def type_answer(self, position: int, value: int) -> None:
        """Answer question at ``position`` (0-based, extra question last) and go on."""
        questions = self._all_questions()
        question = questions[position]
        if question.group.button(value) is None:
            return
        question.choose(value)
        if position + 1 < len(questions):
            following = questions[position + 1]
            checked = following.group.checkedButton()
            (checked or following.buttons[0]).setFocus()
        else:
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setFocus()

    def answers(self) -> list[int | None]:
        """The scored answers so far (None where unanswered)."""
        return [q.value() for q in self.questions]

    def _answered(self, number: int, value: int) -> None:
        self._update_total()
        safety = self.instrument.safety_item
        if number == safety and value > 0:
            self.show_crisis_resources()

    def show_crisis_resources(self) -> None:
        """Open (or raise) the crisis window, without blocking anything."""
        if self.crisis is None:
            self.crisis = CrisisDialog(clinical.crisis_message(self.controller.journal), self)
        self.crisis.show()
        self.crisis.raise_()

    def _update_total(self) -> None:
        answers = self.answers()
        done = [a for a in answers if a is not None]
        if len(done) == len(answers):
            total = sum(done)
            band = self.instrument.band(total)
            self.total.setText(tr("{title} total {total} of {most}: {band} ({range}).").format(
                title=self.instrument.short_title, total=total, most=self.instrument.max_total,
                band=severity(band.label), range=band_text(band)))
        else:
            self.total.setText(tr("{done} of {count} answered; total so far {total}.").format(
                done=len(done), count=len(answers), total=sum(done)))

    def accept(self) -> None:
        """Save when every scored question is answered; stay open otherwise."""
        answers = self.answers()
        missing = [q.number for q, a in zip(self.questions, answers, strict=True) if a is None]
        if missing:
            self.error.setText(tr("Please answer question(s) {numbers}.", n=len(missing))
                               .format(numbers=", ".join(map(str, missing))))
            self.questions[missing[0] - 1].buttons[0].setFocus()
            return
        try:
            entry = Assessment(
                at=self.when.time(),
                instrument_id=self.instrument.id,
                answers=tuple(a for a in answers if a is not None),
                difficulty=self.extra.value() if self.extra else None,
            )
            saved = self.controller.log(entry)
        except KnownError as error:
            self.error.setText(str(error))
            return
        assert isinstance(saved, Assessment)
        self.saved = saved
        super().accept()
