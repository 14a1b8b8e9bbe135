"""Page 1 of the clinician report as plain values: the summary a clinician reads in a minute.

Frozen dataclasses of strings, numbers and dates (no entries, no numpy, no Qt): the
period, sessions, mood against the baseline, the questionnaires, the boosters, side
effects, blood pressure and PHQ-9 item 9, each with the definition it used, and
:meth:`Summary.key_figures`, the block at the top of the page. The PDF's page 1 and the
Appointment screen (``reports/summary_html.py``) are both written from a
:class:`Summary`, so the paper and the screen cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ketajournal.domain import blood_pressure as bp
from ketajournal.domain.dates import format_date, format_range
from ketajournal.domain.wording import and_list
from ketajournal.language import gettext as _
from ketajournal.language import ngettext, pgettext
from ketajournal.reports.definitions import (
    medications_definition,
    safety_definition,
    sessions_definition,
    side_effect_definition,
)
from ketajournal.reports.numbers import format_mood, format_percent, format_signed, verdict

#: Page 1 names at most this many medication changes; the detail pages list them all.
PAGE_ONE_MEDICATION_CHANGES = 4


#: Page 1 shows the durability of this many recent booster cycles.
RECENT_BOOSTER_CYCLES = 6
#: "Mood now": the mean of the daily moods over the last this many days of the period.
RECENT_MOOD_DAYS = 14

_NAME = "<instrument>"



@dataclass(frozen=True)
class Period:
    """The days the report covers, inclusive, and how they were chosen."""

    start: date
    end: date
    #: "all data", "chosen dates" or "since the last appointment".
    basis: str
    #: One sentence saying how the period was chosen, with its dates.
    definition: str

    @property
    def label(self) -> str:
        """``12 Dec 2024 – 27 Nov 2026``."""
        return format_range(self.start, self.end)

    @property
    def days(self) -> int:
        """Number of calendar days in the period."""
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        """True when ``day`` is inside the period."""
        return self.start <= day <= self.end


@dataclass(frozen=True)
class SessionLine:
    """One session on page 1: its day, phase, route and dose."""

    day: date
    phase: str
    route: str
    dose_mg: float | None


@dataclass(frozen=True)
class SessionsSummary:
    """How many sessions there were in the period, and when."""

    count: int
    induction_count: int
    booster_count: int
    sessions: tuple[SessionLine, ...]
    definition: str = field(default_factory=sessions_definition)


@dataclass(frozen=True)
class MoodSummary:
    """Mood at the end of the period against the baseline level B of the booster analysis."""

    recent_start: date
    recent_end: date
    recent_mean: float | None
    recent_days_with_data: int
    baseline_level: float | None
    #: The days B is the mean over (S₀−14 … S₀−1), when there is a first session.
    baseline_start: date | None
    baseline_end: date | None
    definitions: tuple[str, ...]
    notes: tuple[str, ...] = ()

    @property
    def difference(self) -> float | None:
        """Recent mean − B, when both are defined."""
        if self.recent_mean is None or self.baseline_level is None:
            return None
        return self.recent_mean - self.baseline_level


@dataclass(frozen=True)
class Score:
    """One questionnaire total, its day and band."""

    day: date
    total: int
    band: str


@dataclass(frozen=True)
class MeasureSummary:
    """Baseline vs latest of one questionnaire (from ``clinical.measure_status``)."""

    instrument_id: str
    short_title: str
    max_total: int
    baseline: Score | None
    #: "automatic" (the last before the first session) or "user" (picked in Settings).
    baseline_source: str | None
    latest: Score | None
    change_percent: float | None
    response: bool | None
    remission: bool | None
    remission_threshold: int
    #: (key, text) pairs from ``clinical.measure_status``: baseline, change, response,
    #: remission, scoring.
    definitions: tuple[tuple[str, str], ...]
    notes: tuple[str, ...] = ()
    #: Why response and remission cannot be assessed (None when they can).
    not_assessable: str | None = None

    def verdict(self, value: bool | None) -> str:
        """``yes``, ``no`` or ``not assessable (reason)``, as on every screen."""
        return verdict(value, self.not_assessable)

    def definition(self, key: str) -> str:
        """One definition by key (empty when there is none)."""
        return next((text for k, text in self.definitions if k == key), "")


@dataclass(frozen=True)
class CycleLine:
    """How long one booster held (``label`` is ``"14 days"`` or ``"≥ 9 days"``)."""

    session_day: date
    dose_mg: float | None
    durability_days: int | None
    censored: bool
    label: str
    #: The durability without its unit (``14``, ``≥ 9``, ``3–9``), or the label if none.
    short_label: str
    #: The medication changes during the cycle, in words ("" when none): said beside the
    #: durability, never as its cause.
    medication_note: str = ""


@dataclass(frozen=True)
class BoosterSummary:
    """Durability of the recent boosters, the tolerance sentence, the next-due estimate."""

    threshold: float | None
    #: "automatic" (B + (P − B) / 2) or "user" (set by the patient).
    threshold_source: str | None
    baseline_level: float | None
    post_induction_level: float | None
    #: The last up to 6 booster cycles up to the end of the period, oldest first.
    recent_cycles: tuple[CycleLine, ...]
    tolerance_signal: bool
    tolerance_sentence: str
    next_due: date | None
    next_due_basis: str
    needs: str | None
    #: Short definitions for page 1 (durability with T's numbers, tolerance, next due).
    short_definitions: tuple[str, ...]
    #: The booster analysis's full definitions, in words.
    definitions: tuple[str, ...]
    #: The day the report was made: a next-due date before it is marked as past.
    today: date | None = None

    @property
    def next_due_past(self) -> bool:
        """True when the estimated date is before the day the report was made."""
        return self.next_due is not None and self.today is not None and self.next_due < self.today

    @property
    def next_due_question(self) -> str:
        """The estimate phrased as what it is: a question for the clinician."""
        if self.next_due is None:
            return _("No estimate. {basis}").format(basis=self.next_due_basis)
        if self.next_due_past:
            return _(
                "The estimate, {day}, is already past on the report date. (Estimate: {basis}.)"
            ).format(day=format_date(self.next_due), basis=self.next_due_basis)
        return _("Is a booster around {day} right? (Estimate: {basis}.)").format(
            day=format_date(self.next_due), basis=self.next_due_basis)


@dataclass(frozen=True)
class SideEffectLine:
    """One side-effect category in the period."""

    label: str
    count: int
    worst_severity: int
    red_flag: bool
    first_day: date
    last_day: date


@dataclass(frozen=True)
class BloodPressureLine:
    """Blood pressure before and after one session, and the rise (after − before)."""

    day: date
    phase: str
    before: tuple[int, int] | None
    after: tuple[int, int] | None

    #: Further readings (before leaving), when recorded.
    later: tuple[tuple[int, int] | None, ...] = ()

    @property
    def rise(self) -> tuple[int, int] | None:
        """(systolic, diastolic) after − before, when both readings exist."""
        return bp.rise(self.before, self.after)

    @property
    def flags(self) -> tuple[str, ...]:
        """The rules this session's readings meet (``domain.blood_pressure.bp_flags``)."""
        return bp.bp_flags(self.before, self.after, self.later)

    @property
    def marked(self) -> bool:
        """True when any blood-pressure rule fired (see :attr:`flags`)."""
        return bool(self.flags)


@dataclass(frozen=True)
class SafetyLine:
    """A PHQ-9 whose item 9 was answered above 0."""

    day: date
    answer: int
    answer_label: str
    total: int


@dataclass(frozen=True)
class MedicationLine:
    """A medication taken on the last day of the period, with the dose in force."""

    name: str
    class_label: str
    dose: str
    dose_mg: float | None
    since: date

    @property
    def text(self) -> str:
        """``Sertraline 100 mg once a day (Antidepressant (SSRI))``."""
        return f"{self.name} {self.dose} — {_(self.class_label)}"


@dataclass(frozen=True)
class MedicationChange:
    """A start, dose change or stop in the period (``text``: ``lorazepam started (1 mg)``)."""

    day: date
    name: str
    class_label: str
    action: str
    dose: str
    dose_mg: float | None
    text: str


@dataclass(frozen=True)
class MedicationSummary:
    """The medication list on the last day of the period, and its changes in the period."""

    on: date
    taken: tuple[MedicationLine, ...]
    changes: tuple[MedicationChange, ...]
    #: True when the journal has any medication at all (else: none recorded).
    any_recorded: bool
    definition: str = field(default_factory=medications_definition)

    @property
    def page_one_text(self) -> str:
        """The block of page 1: what is taken, then the changes in the period (short)."""
        if not self.any_recorded:
            return _("none recorded in the journal")
        taken = "; ".join(line.text for line in self.taken) or _("none taken")
        if not self.changes:
            return _("{taken}. No change in the period").format(taken=taken)
        shown = self.changes[:PAGE_ONE_MEDICATION_CHANGES]
        listed = "; ".join(f"{format_date(c.day)} {c.text}" for c in shown)
        more = len(self.changes) - len(shown)
        rest = _("; and {more} more (Medication changes, in the details)").format(
            more=more) if more else ""
        changes = len(self.changes)
        return ngettext("{taken}. {n} change in the period: {listed}{rest}",
                        "{taken}. {n} changes in the period: {listed}{rest}", changes).format(
            taken=taken, n=changes, listed=listed, rest=rest)


@dataclass(frozen=True)
class KeyFigure:
    """One line of the key-figures block: a label, its value, and whether it is a flag."""

    label: str
    value: str
    flag: bool = False


@dataclass(frozen=True)
class Summary:
    """Page 1: everything the clinician reads in a minute, with its definitions."""

    period: Period
    sessions: SessionsSummary
    mood: MoodSummary
    measures: tuple[MeasureSummary, ...]
    boosters: BoosterSummary
    side_effects: tuple[SideEffectLine, ...]
    blood_pressure: tuple[BloodPressureLine, ...]
    safety: tuple[SafetyLine, ...]
    #: How many questionnaires with a safety item (PHQ-9) were filled in the period.
    safety_checked: int
    #: The medication list (None: not part of this summary).
    medications: MedicationSummary | None = None
    #: The next session the patient has planned after the report is made, in one line
    #: (None: none planned, or a period that ends before today).
    next_planned: str | None = None
    side_effect_definition: str = field(default_factory=side_effect_definition)
    blood_pressure_definition: str = field(default_factory=bp.definition)
    safety_definition: str = field(default_factory=safety_definition)

    def measure_definitions(self) -> tuple[str, ...]:
        """The questionnaires' definitions, each said once when they agree.

        Baseline, change, response and remission read the same for every instrument
        except for its name (unless their dates or thresholds differ), so they are
        merged: "the last PHQ-9 / GAD-7 before …".
        """
        out: list[str] = []
        measures = [m for m in self.measures if m.definitions]
        if not measures:
            return ()
        names = " / ".join(m.short_title for m in measures)
        for key in ("baseline", "change", "response", "remission"):
            texts = [m.definition(key) for m in measures]
            generic = {
                t.replace(m.short_title, _NAME) for t, m in zip(texts, measures, strict=True)
            }
            if len(generic) == 1:
                out.append(generic.pop().replace(_NAME, names))
            else:
                out.extend(t for t in texts if t)
        return tuple(t for t in out if t)

    @property
    def red_flags(self) -> tuple[SideEffectLine, ...]:
        """The side-effect categories in the period that are red flags."""
        return tuple(line for line in self.side_effects if line.red_flag)

    @property
    def marked_blood_pressure(self) -> tuple[BloodPressureLine, ...]:
        """The sessions whose blood pressure is flagged by any rule."""
        return tuple(line for line in self.blood_pressure if line.marked)

    def key_figures(self) -> tuple[KeyFigure, ...]:
        """The compact block at the top of page 1, in reading order."""
        figures = [self._sessions_figure()]
        if self.medications is not None:
            figures.append(KeyFigure(
                _("Medications on {day}").format(day=format_date(self.medications.on)),
                self.medications.page_one_text))
        figures.append(self._mood_figure())
        figures.extend(_measure_figure(m) for m in self.measures)
        figures.extend(self._booster_figures())
        figures.extend(
            [self._side_effect_figure(), self._blood_pressure_figure(), self._safety_figure()]
        )
        return tuple(figures)

    def _sessions_figure(self) -> KeyFigure:
        s = self.sessions
        return KeyFigure(
            _("Sessions in period"),
            _("{count} ({induction} induction, {booster} booster)").format(
                count=s.count, induction=s.induction_count, booster=s.booster_count),
        )

    def _mood_figure(self) -> KeyFigure:
        m = self.mood
        days = m.recent_days_with_data
        recent = (
            _("no entries") if m.recent_mean is None
            else ngettext("{mood} ({n} day with an entry)", "{mood} ({n} days with an entry)",
                          days).format(mood=format_mood(m.recent_mean), n=days)
        )
        base = (
            _("baseline B undefined")
            if m.baseline_level is None
            else _("baseline B {level}").format(level=format_mood(m.baseline_level))
        )
        diff = "" if m.difference is None else _(", difference {change}").format(
            change=format_signed(m.difference))
        return KeyFigure(
            _("Mood, last {n} days").format(n=RECENT_MOOD_DAYS),
            _("{recent} vs {baseline}{difference} (scale 0–10, 10 = best)").format(
                recent=recent, baseline=base, difference=diff),
        )

    def _booster_figures(self) -> list[KeyFigure]:
        b = self.boosters
        n = len(b.recent_cycles)
        if n:
            if n > 1 and all(c.durability_days is not None for c in b.recent_cycles):
                held = _("{list} days").format(
                    list=", ".join(c.short_label for c in b.recent_cycles))
            else:  # each with its own unit: "12 days, no data", "1 day"
                held = ", ".join(c.label for c in b.recent_cycles)
            label = ngettext("Last booster held", "Last {n} boosters held", n).format(n=n)
            order = "" if n == 1 else _(" (oldest first)")
            changed = [format_date(c.session_day) for c in b.recent_cycles
                       if c.medication_note]
            if changed:
                order += _("; a medication changed during the cycle of {days}").format(
                    days=and_list(changed))
            figures = [KeyFigure(label, held + order)]
        else:
            value = _("needs {what}").format(what=b.needs) if b.needs else _(
                "no booster cycles yet")
            figures = [KeyFigure(_("Boosters held"), value)]
        figures.append(KeyFigure(_("Tolerance pattern"), b.tolerance_sentence,
                                 b.tolerance_signal))
        if b.next_due is None:
            due = _("no estimate")
        elif b.next_due_past:
            due = _("{day} (past) — a question for the clinician").format(
                day=format_date(b.next_due))
        else:
            due = _("{day} — a question for the clinician").format(day=format_date(b.next_due))
        figures.append(KeyFigure(_("Next booster due?"), due))
        if self.next_planned is not None:
            figures.append(KeyFigure(_("Next planned session"), self.next_planned))
        return figures

    def _side_effect_figure(self) -> KeyFigure:
        reports = sum(line.count for line in self.side_effects)
        flags = self.red_flags
        if flags:
            what = "; ".join(
                _("{label} ×{count} (worst {worst}/10)").format(
                    label=_(f.label), count=f.count, worst=f.worst_severity) for f in flags
            )
            in_all = ngettext("{n} side-effect report in all", "{n} side-effect reports in all",
                              reports).format(n=reports)
            return KeyFigure(
                _("Side effects"),
                _("RED FLAG: {what} — the patient is told to contact the clinic ({in_all})"
                  ).format(what=what, in_all=in_all),
                True,
            )
        categories = len(self.side_effects)
        return KeyFigure(
            _("Side effects"),
            ngettext("{n} report", "{n} reports", reports).format(n=reports) + " "
            + ngettext("in {n} category; no red flags", "in {n} categories; no red flags",
                       categories).format(n=categories),
        )

    def _blood_pressure_figure(self) -> KeyFigure:
        marked = self.marked_blood_pressure
        measured = sum(1 for line in self.blood_pressure if line.before or line.after)
        if marked:
            and_word = _(" and ")
            which = "; ".join(
                f"{format_date(line.day)}: {and_word.join(line.flags)}" for line in marked
            )
            return KeyFigure(
                _("Blood pressure"),
                ngettext("FLAGGED at {n} session — {which}", "FLAGGED at {n} sessions — {which}",
                         len(marked)).format(n=len(marked), which=which),
                True,
            )
        if not measured:
            return KeyFigure(_("Blood pressure"), _("no reading at a session in this period"))
        return KeyFigure(
            _("Blood pressure"),
            ngettext("no flag ({n} session with a reading: none {pre_dose}, none ≥ {high}, "
                     "no {rise})",
                     "no flag ({n} sessions with a reading: none {pre_dose}, none ≥ {high}, "
                     "no {rise})", measured).format(
                n=measured, pre_dose=bp.rule_pre_dose(),
                high=f"{bp.HIGH_READING_MMHG[0]}/{bp.HIGH_READING_MMHG[1]}",
                rise=bp.rule_rise()),
        )

    def _safety_figure(self) -> KeyFigure:
        if not self.safety_checked:
            return KeyFigure(_("PHQ-9 item 9"), _("no PHQ-9 filled in this period"))
        if not self.safety:
            return KeyFigure(
                _("PHQ-9 item 9"),
                ngettext("none above 0 in this period ({n} PHQ-9 filled)",
                         "none above 0 in this period ({n} PHQ-9s filled)",
                         self.safety_checked).format(n=self.safety_checked),
            )
        days = ", ".join(format_date(line.day) for line in self.safety)
        return KeyFigure(_("PHQ-9 item 9"), _("ABOVE 0 on {days}").format(days=days), True)


def _measure_figure(m: MeasureSummary) -> KeyFigure:
    if m.latest is None:
        return KeyFigure(m.short_title, _("not filled"))
    base = _("no baseline") if m.baseline is None else _("baseline {total}").format(
        total=m.baseline.total)
    change = "" if m.change_percent is None else f": {format_percent(m.change_percent)}"
    if m.not_assessable is not None:
        outcome = _("response and remission {verdict}").format(verdict=m.verdict(None))
    else:
        outcome = _("response {response}, remission {remission}").format(
            response=m.verdict(m.response), remission=m.verdict(m.remission))
    return KeyFigure(m.short_title, _("{baseline}, now {total} ({band}){change}; {outcome}").format(
        baseline=base, total=m.latest.total, band=pgettext("severity", m.latest.band),
        change=change, outcome=outcome))



__all__ = [
    "RECENT_BOOSTER_CYCLES",
    "RECENT_MOOD_DAYS",
    "BloodPressureLine",
    "BoosterSummary",
    "CycleLine",
    "KeyFigure",
    "MeasureSummary",
    "MedicationChange",
    "MedicationLine",
    "MedicationSummary",
    "MoodSummary",
    "Period",
    "SafetyLine",
    "Score",
    "SessionLine",
    "SessionsSummary",
    "SideEffectLine",
    "Summary",
]
