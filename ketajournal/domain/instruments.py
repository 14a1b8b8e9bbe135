"""Questionnaires as data: items and their exact wording, answers, scoring, bands.

An :class:`Instrument` is everything the app needs to show, score and report a
questionnaire. The UI, the CLI and the reports read these objects and never name a
questionnaire in code, so another instrument is one more entry in
:data:`INSTRUMENTS` (once its licence for software use is confirmed; BDI-II is
licensed and must not be added).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ketajournal.domain.validation import ValidationError, whole_number_rule
from ketajournal.language import N_, NP_
from ketajournal.language import gettext as _


@dataclass(frozen=True)
class AnswerOption:
    """One answer: its value and its label."""

    value: int
    label: str


@dataclass(frozen=True)
class Item:
    """One question, with its exact wording."""

    number: int
    text: str


@dataclass(frozen=True)
class Band:
    """A severity band: totals ``low``..``high`` inclusive."""

    low: int
    high: int
    label: str

    def __str__(self) -> str:
        return f"{self.low}–{self.high} {self.label}"


@dataclass(frozen=True)
class ExtraQuestion:
    """A question that is recorded but not scored (PHQ-9's difficulty question)."""

    id: str
    text: str
    options: tuple[AnswerOption, ...]

    @property
    def answer_range(self) -> tuple[int, int]:
        """The lowest and highest answer."""
        return _answer_range(self.options)


@dataclass(frozen=True)
class Instrument:
    """A validated questionnaire; the total is the sum of the scored items."""

    id: str
    title: str
    short_title: str
    recall: str
    items: tuple[Item, ...]
    options: tuple[AnswerOption, ...]
    bands: tuple[Band, ...]
    licence: str
    scoring: str
    extra: ExtraQuestion | None = None
    #: The item whose answer above 0 must show crisis resources (PHQ-9 item 9).
    safety_item: int | None = None

    @property
    def max_total(self) -> int:
        """The highest possible total."""
        return len(self.items) * self.answer_range[1]

    @property
    def answer_range(self) -> tuple[int, int]:
        """The lowest and highest answer to a scored item."""
        return _answer_range(self.options)

    def check_answers(self, answers: Sequence[object]) -> tuple[int, ...]:
        """Validate a full set of answers; :class:`ValidationError` names what is wrong."""
        values = {o.value for o in self.options}
        low, high = self.answer_range
        if len(answers) != len(self.items):
            raise ValidationError(
                "answers",
                _("{instrument} needs exactly {count} answers, each a whole number from "
                  "{low} to {high}").format(instrument=self.short_title, count=len(self.items),
                                            low=low, high=high),
            )
        checked = []
        for item, answer in zip(self.items, answers, strict=True):
            if isinstance(answer, bool) or not isinstance(answer, int) or answer not in values:
                raise ValidationError(f"answers item {item.number}", whole_number_rule(low, high))
            checked.append(answer)
        return tuple(checked)

    def check_extra(self, value: object) -> int | None:
        """Validate the unscored extra answer (None: not answered)."""
        if value is None:
            return None
        if self.extra is None:
            raise ValidationError("difficulty", _("{instrument} has no such question").format(
                instrument=self.short_title))
        values = [o.value for o in self.extra.options]
        if isinstance(value, bool) or not isinstance(value, int) or value not in values:
            raise ValidationError("difficulty", whole_number_rule(*self.extra.answer_range))
        return value

    def total(self, answers: Sequence[int]) -> int:
        """The total score (sum of the scored items)."""
        return sum(self.check_answers(answers))

    def band(self, total: int) -> Band:
        """The severity band a total falls in."""
        for band in self.bands:
            if band.low <= total <= band.high:
                return band
        raise ValidationError("total", _("must be from 0 to {max_total}").format(
            max_total=self.max_total))

    def option_label(self, value: int) -> str:
        """The label of an answer value."""
        return next(o.label for o in self.options if o.value == value)


def _answer_range(options: Sequence[AnswerOption]) -> tuple[int, int]:
    values = [o.value for o in options]
    return min(values), max(values)


FREQUENCY = (
    AnswerOption(0, "Not at all"),
    AnswerOption(1, "Several days"),
    AnswerOption(2, "More than half the days"),
    AnswerOption(3, "Nearly every day"),
)

PFIZER_LICENCE = (
    "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
    "with an educational grant from Pfizer Inc. No permission required to reproduce, "
    "translate, display or distribute."
)

#: The difficulty question printed under both the PHQ-9 and the GAD-7 (recorded, not scored).
DIFFICULTY = ExtraQuestion(
    id="difficulty",
    text="If you checked off any problems, how difficult have these problems made it for "
    "you to do your work, take care of things at home, or get along with other people?",
    options=(
        AnswerOption(0, "Not difficult at all"),
        AnswerOption(1, "Somewhat difficult"),
        AnswerOption(2, "Very difficult"),
        AnswerOption(3, "Extremely difficult"),
    ),
)

PHQ9 = Instrument(
    id="phq9",
    title="Patient Health Questionnaire (PHQ-9)",
    short_title="PHQ-9",
    recall="Over the last 2 weeks, how often have you been bothered by any of the "
    "following problems?",
    items=tuple(
        Item(n, text)
        for n, text in enumerate(
            (
                "Little interest or pleasure in doing things",
                "Feeling down, depressed, or hopeless",
                "Trouble falling or staying asleep, or sleeping too much",
                "Feeling tired or having little energy",
                "Poor appetite or overeating",
                "Feeling bad about yourself — or that you are a failure or have let "
                "yourself or your family down",
                "Trouble concentrating on things, such as reading the newspaper or "
                "watching television",
                "Moving or speaking so slowly that other people could have noticed? Or the "
                "opposite — being so fidgety or restless that you have been moving around "
                "a lot more than usual",
                "Thoughts that you would be better off dead or of hurting yourself in some way",
            ),
            start=1,
        )
    ),
    options=FREQUENCY,
    bands=(
        Band(0, 4, NP_("severity", "minimal")),
        Band(5, 9, NP_("severity", "mild")),
        Band(10, 14, NP_("severity", "moderate")),
        Band(15, 19, NP_("severity", "moderately severe")),
        Band(20, 27, NP_("severity", "severe")),
    ),
    licence=PFIZER_LICENCE,
    scoring=N_(
        "Total = sum of items 1–9 (0–27). The difficulty question is recorded, not scored."),
    extra=DIFFICULTY,
    safety_item=9,
)

GAD7 = Instrument(
    id="gad7",
    title="Generalized Anxiety Disorder scale (GAD-7)",
    short_title="GAD-7",
    recall="Over the last 2 weeks, how often have you been bothered by the following problems?",
    items=tuple(
        Item(n, text)
        for n, text in enumerate(
            (
                "Feeling nervous, anxious, or on edge",
                "Not being able to stop or control worrying",
                "Worrying too much about different things",
                "Trouble relaxing",
                "Being so restless that it is hard to sit still",
                "Becoming easily annoyed or irritable",
                "Feeling afraid, as if something awful might happen",
            ),
            start=1,
        )
    ),
    options=FREQUENCY,
    bands=(
        Band(0, 4, NP_("severity", "minimal")),
        Band(5, 9, NP_("severity", "mild")),
        Band(10, 14, NP_("severity", "moderate")),
        Band(15, 21, NP_("severity", "severe")),
    ),
    licence=PFIZER_LICENCE,
    scoring=N_(
        "Total = sum of items 1–7 (0–21). The difficulty question is recorded, not scored."),
    extra=DIFFICULTY,
)

#: Every instrument the app ships, by id. Order is display order.
INSTRUMENTS: dict[str, Instrument] = {i.id: i for i in (PHQ9, GAD7)}


def instrument(instrument_id: str) -> Instrument:
    """The instrument with ``instrument_id``; :class:`ValidationError` if unknown."""
    try:
        return INSTRUMENTS[instrument_id]
    except KeyError:
        raise ValidationError(
            "instrument", _("must be one of: {choices}").format(choices=", ".join(INSTRUMENTS))
        ) from None
