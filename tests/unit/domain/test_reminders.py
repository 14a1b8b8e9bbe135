"""The reminder rules against a fake clock, with hand-computed expectations."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from ketajournal.domain.models import Route
from ketajournal.domain.reminders import (
    ESKETAMINE_NOTE,
    HINT,
    MIN_GAP,
    Kind,
    Logged,
    LoggedSession,
    Notice,
    Outcome,
    ReminderEvent,
    ReminderSettings,
    Snooze,
    decide,
    due_now,
    snooze_until,
)
from ketajournal.domain.schedules import PlannedItem, PlannedSession
from ketajournal.domain.validation import ValidationError

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
MOOD_ON = ReminderSettings(mood_enabled=True, questionnaires_enabled=False)
ONLY_CHECK_INS = ReminderSettings(questionnaires_enabled=False, sessions_enabled=False)
GENERIC_BODIES = {
    "Time to log your mood", "Time for your check-in", "A questionnaire is due",
    "Appointment tomorrow", "Appointment in 1 hour",
}


def at(text: str, zone: ZoneInfo = BERLIN) -> datetime:
    """A wall-clock time in ``zone``: ``at("2026-01-05 20:00")``."""
    return datetime.fromisoformat(text).replace(tzinfo=zone)


def sent(notice: Notice, when: datetime) -> ReminderEvent:
    return ReminderEvent(notice.key, notice.kind, Outcome.SENT, when)


class Simulation:
    """A notifier loop over a fake clock: calls decide, sends, records SENT."""

    def __init__(self, settings: ReminderSettings, logged: Logged | None = None,
                 planned: Sequence[PlannedItem] = (), zone: ZoneInfo = BERLIN) -> None:
        self.settings, self.planned, self.zone = settings, planned, zone
        self.logged = logged if logged is not None else Logged()
        self.history: list[ReminderEvent] = []
        self.sent: list[tuple[datetime, Notice]] = []

    def tick(self, now: datetime) -> Notice | None:
        decision = decide(self.settings, self.logged, self.planned, self.history, now, self.zone)
        if decision.notice is not None:
            self.history.append(sent(decision.notice, now))
            self.sent.append((now, decision.notice))
        return decision.notice

    def every(self, start: datetime, end: datetime, step: timedelta) -> None:
        now = start.astimezone(UTC)
        while now < end:
            self.tick(now.astimezone(self.zone))
            now += step


# -- the daily mood reminder -------------------------------------------------------------


def test_mood_reminder_is_off_by_default_and_nothing_wakes_us() -> None:
    decision = decide(ReminderSettings(questionnaires_enabled=False), Logged(), (), [],
                      at("2026-01-05 20:00"), BERLIN)
    assert decision.notice is None
    assert decision.wake_at is None


def test_mood_reminder_at_its_time_with_generic_text_and_actions() -> None:
    early = decide(MOOD_ON, Logged(), (), [], at("2026-01-05 19:59"), BERLIN)
    assert early.notice is None
    assert early.wake_at == at("2026-01-05 20:00")
    notice = decide(MOOD_ON, Logged(), (), [], at("2026-01-05 20:00"), BERLIN).notice
    assert notice is not None
    assert (notice.kind, notice.key, notice.target) == (Kind.MOOD, "mood:2026-01-05", "mood")
    assert (notice.title, notice.body) == ("ketajournal", "Time to log your mood")
    assert [a.label for a in notice.actions] == ["Log mood", "Snooze 1 h", "This evening"]
    assert [a.id for a in notice.actions] == ["open", "snooze-1h", "snooze-evening"]


def test_no_mood_reminder_when_a_mood_was_logged_that_day() -> None:
    logged = Logged(latest_mood_at=at("2026-01-05 08:15"))
    decision = decide(MOOD_ON, logged, (), [], at("2026-01-05 20:00"), BERLIN)
    assert decision.notice is None
    assert decision.wake_at == at("2026-01-06 20:00")
    # Yesterday's entry does not count for today.
    late = Logged(latest_mood_at=at("2026-01-04 23:59"))
    assert decide(MOOD_ON, late, (), [], at("2026-01-05 20:00"), BERLIN).notice is not None


def test_custom_mood_time_and_once_a_day() -> None:
    settings = ReminderSettings(mood_enabled=True, mood_time=time(9, 30),
                                questionnaires_enabled=False)
    sim = Simulation(settings)
    sim.every(at("2026-01-05 00:00"), at("2026-01-07 00:00"), timedelta(minutes=5))
    assert [when for when, _ in sim.sent] == [at("2026-01-05 09:30"), at("2026-01-06 09:30")]


def test_laptop_asleep_over_the_reminder_fires_once_on_wake() -> None:
    sim = Simulation(MOOD_ON)
    sim.tick(at("2026-01-05 19:00"))  # last look before the lid closed
    for minute in range(0, 60, 5):  # woke at 23:10, the timer and a resume check race
        sim.tick(at(f"2026-01-05 23:{10 + minute // 10:02d}"))
    assert [(when, n.key) for when, n in sim.sent] == [(at("2026-01-05 23:10"), "mood:2026-01-05")]


def test_asleep_for_days_sends_only_what_is_still_open() -> None:
    session = LoggedSession(1, at("2026-01-05 10:00"))
    sim = Simulation(ReminderSettings(mood_enabled=True, questionnaires_enabled=False),
                     Logged(sessions=(session,)))
    sim.tick(at("2026-01-05 12:00"))
    # Asleep until Thursday 11:00: the 24 h window closed; the 3-day one opened at 10:00.
    sim.every(at("2026-01-08 11:00"), at("2026-01-08 11:20"), timedelta(minutes=1))
    assert [(when, n.key) for when, n in sim.sent] == [
        (at("2026-01-08 11:00"), "check-in:1:72h")
    ]
    # The mood reminder still comes at 20:00 that day (the check-in did not log a mood).
    sim.every(at("2026-01-08 11:20"), at("2026-01-09 00:00"), timedelta(minutes=10))
    assert [n.key for _, n in sim.sent] == ["check-in:1:72h", "mood:2026-01-08"]


@pytest.mark.parametrize(
    ("zone", "day", "utc"),
    [
        (BERLIN, "2026-03-29", "2026-03-29T18:00:00+00:00"),  # spring forward, CEST +2
        (BERLIN, "2026-10-25", "2026-10-25T19:00:00+00:00"),  # fall back, CET +1
        (NEW_YORK, "2026-03-08", "2026-03-09T00:00:00+00:00"),  # spring forward, EDT −4
        (NEW_YORK, "2026-11-01", "2026-11-02T01:00:00+00:00"),  # fall back, EST −5
    ],
)
def test_dst_day_fires_once_at_20_local(zone: ZoneInfo, day: str, utc: str) -> None:
    sim = Simulation(MOOD_ON, zone=zone)
    start = datetime.fromisoformat(day).replace(tzinfo=zone)
    morning = decide(MOOD_ON, Logged(), (), [], start + timedelta(hours=1), zone)
    assert morning.wake_at is not None
    assert morning.wake_at.astimezone(UTC).isoformat() == utc
    sim.every(start, start + timedelta(hours=25), timedelta(minutes=5))
    assert len(sim.sent) == 1
    when, notice = sim.sent[0]
    assert when.astimezone(UTC).isoformat() == utc
    assert when.astimezone(zone).strftime("%Y-%m-%d %H:%M") == f"{day} 20:00"
    assert notice.key == f"mood:{day}"


# -- check-ins after a session -----------------------------------------------------------


def test_check_in_windows_after_a_session() -> None:
    session = LoggedSession(4, at("2026-01-05 10:00"))
    logged = Logged(sessions=(session,))
    before = decide(ONLY_CHECK_INS, logged, (), [], at("2026-01-06 09:59"), BERLIN)
    assert before.notice is None
    assert before.wake_at == at("2026-01-06 10:00")
    notice = decide(ONLY_CHECK_INS, logged, (), [], at("2026-01-06 10:00"), BERLIN).notice
    assert notice is not None
    assert (notice.key, notice.body, notice.target) == (
        "check-in:4:24h", "Time for your check-in", "mood"
    )
    assert notice.since == at("2026-01-06 10:00")
    # Still open (and unsent) the next morning: the 24 h window lasts until 3 days.
    late = decide(ONLY_CHECK_INS, logged, (), [], at("2026-01-07 09:00"), BERLIN).notice
    assert late is not None and late.key == "check-in:4:24h"
    # Sent once → not again; the next wake is when the 3-day window opens.
    history = [sent(notice, at("2026-01-06 10:00"))]
    again = decide(ONLY_CHECK_INS, logged, (), history, at("2026-01-07 09:00"), BERLIN)
    assert again.notice is None
    assert again.wake_at == at("2026-01-08 10:00")
    seven = decide(ONLY_CHECK_INS, logged, (), history, at("2026-01-12 10:00"), BERLIN).notice
    assert seven is not None and seven.key == "check-in:4:7d"
    assert decide(ONLY_CHECK_INS, logged, (), history, at("2026-01-13 10:00"),
                  BERLIN).notice is None  # the 7-day window lasts one day


def test_a_mood_logged_in_the_window_answers_the_check_in() -> None:
    session = LoggedSession(4, at("2026-01-05 10:00"))
    answered = Logged(latest_mood_at=at("2026-01-06 12:00"), sessions=(session,))
    assert decide(ONLY_CHECK_INS, answered, (), [], at("2026-01-06 13:00"), BERLIN).notice is None
    # A mood logged before the window opened does not.
    early = Logged(latest_mood_at=at("2026-01-06 09:00"), sessions=(session,))
    assert decide(ONLY_CHECK_INS, early, (), [], at("2026-01-06 13:00"), BERLIN).notice is not None
    # ...and the 3-day check-in comes back when its window opens.
    later = decide(ONLY_CHECK_INS, answered, (), [], at("2026-01-08 10:00"), BERLIN).notice
    assert later is not None and later.key == "check-in:4:72h"


def test_detailed_check_in_text_only_when_opted_in_and_unlocked() -> None:
    session = LoggedSession(4, at("2026-01-05 10:00"))
    logged = Logged(sessions=(session,))
    detailed = ReminderSettings(questionnaires_enabled=False, detailed_text=True)
    notice = decide(detailed, logged, (), [], at("2026-01-06 10:00"), BERLIN).notice
    assert notice is not None
    assert notice.body == "Check-in 24 hours after your session of Mon 05 Jan: how is your mood?"
    locked = decide(detailed, logged, (), [], at("2026-01-06 10:00"), BERLIN, locked=True)
    assert locked.notice is not None and locked.notice.body == "Time for your check-in"


# -- one at a time, priorities -----------------------------------------------------------


def test_one_at_a_time_highest_priority_first_then_a_gap() -> None:
    # A session at 20:00 on Monday: its 24 h check-in and the mood reminder both open
    # at 20:00 on Tuesday.
    session = LoggedSession(2, at("2026-01-05 20:00"))
    sim = Simulation(MOOD_ON, Logged(sessions=(session,)))
    first = sim.tick(at("2026-01-06 20:00"))
    assert first is not None and first.kind is Kind.CHECK_IN
    blocked = decide(MOOD_ON, sim.logged, (), sim.history, at("2026-01-06 20:10"), BERLIN)
    assert blocked.notice is None
    assert blocked.wake_at == at("2026-01-06 20:00") + MIN_GAP
    second = sim.tick(at("2026-01-06 20:30"))
    assert second is not None and second.kind is Kind.MOOD
    assert sim.tick(at("2026-01-06 21:30")) is None


def test_due_now_lists_everything_missing_regardless_of_history() -> None:
    session = LoggedSession(2, at("2026-01-05 20:00"))
    settings = ReminderSettings(mood_enabled=True)
    logged = Logged(sessions=(session,), questionnaires={"phq9": at("2026-01-01 09:00"),
                                                          "gad7": None})
    items = due_now(settings, logged, (), at("2026-01-06 20:00"), BERLIN)
    assert [n.key for n in items] == [
        "check-in:2:24h", "mood:2026-01-06", "questionnaire:gad7:2026-01-06",
    ]
    detailed = due_now(ReminderSettings(mood_enabled=True, detailed_text=True), logged, (),
                       at("2026-01-16 20:00"), BERLIN)
    assert [n.body for n in detailed] == [
        "No mood logged today: how are you feeling?",
        "GAD-7: not filled yet.",
        "PHQ-9 is due (last filled 01 Jan).",
    ]


def test_questionnaire_due_after_the_interval_at_the_daily_time() -> None:
    settings = ReminderSettings(questionnaire_interval_days=14, check_ins_enabled=False)
    logged = Logged(questionnaires={"phq9": at("2026-01-01 20:30")})
    # 15 Jan 20:00 is 13 days 23.5 h later: not yet.
    not_yet = decide(settings, logged, (), [], at("2026-01-15 20:00"), BERLIN)
    assert not_yet.notice is None
    assert not_yet.wake_at == at("2026-01-16 20:00")
    notice = decide(settings, logged, (), [], at("2026-01-16 20:00"), BERLIN).notice
    assert notice is not None
    assert (notice.key, notice.body, notice.target) == (
        "questionnaire:phq9:2026-01-16", "A questionnaire is due", "questionnaire:phq9"
    )
    assert notice.actions[0].label == "Fill in"


# -- back-off ----------------------------------------------------------------------------


def _ignore_days(sim: Simulation, first: date, days: int) -> list[tuple[str, bool]]:
    """Run ``days`` days; return (day, hint) for each notice sent."""
    start = datetime.combine(first, time(0), BERLIN)
    sim.every(start, start + timedelta(days=days), timedelta(minutes=30))
    return [(when.date().isoformat(), n.hint) for when, n in sim.sent]


def test_ignored_three_days_running_then_every_other_day_with_a_hint_once() -> None:
    sim = Simulation(MOOD_ON)
    assert _ignore_days(sim, date(2026, 1, 5), 9) == [
        ("2026-01-05", False), ("2026-01-06", False), ("2026-01-07", False),
        ("2026-01-09", True), ("2026-01-11", False), ("2026-01-13", False),
    ]
    hinted = next(n for _, n in sim.sent if n.hint)
    assert hinted.body == f"Time to log your mood\n{HINT}"


def test_answering_a_reminder_ends_the_back_off() -> None:
    sim = Simulation(MOOD_ON)
    _ignore_days(sim, date(2026, 1, 5), 5)  # sent 5, 6, 7, 9
    last = sim.sent[-1][1]
    sim.history.append(ReminderEvent(last.key, last.kind, Outcome.OPENED,
                                     at("2026-01-09 20:05")))
    sim.sent.clear()
    assert _ignore_days(sim, date(2026, 1, 10), 2) == [("2026-01-10", False),
                                                     ("2026-01-11", False)]


def test_a_day_with_nothing_missing_ends_the_back_off() -> None:
    sim = Simulation(MOOD_ON)
    _ignore_days(sim, date(2026, 1, 5), 5)  # sent 5, 6, 7, 9 (back-off on)
    sim.sent.clear()
    sim.logged = Logged(latest_mood_at=at("2026-01-11 12:00"))  # 11th: logged, nothing sent
    _ignore_days(sim, date(2026, 1, 10), 2)
    assert sim.sent == []
    sim.logged = Logged(latest_mood_at=at("2026-01-11 12:00"))
    assert _ignore_days(sim, date(2026, 1, 12), 2) == [("2026-01-12", False),
                                                     ("2026-01-13", False)]


def test_the_hint_comes_once_even_with_two_reminders_of_a_kind_that_day() -> None:
    settings = ReminderSettings(check_ins_enabled=False, sessions_enabled=False)
    sim = Simulation(settings, Logged(questionnaires={"phq9": None, "gad7": None}))
    assert _ignore_days(sim, date(2026, 1, 5), 5) == [
        ("2026-01-05", False), ("2026-01-05", False), ("2026-01-06", False),
        ("2026-01-06", False), ("2026-01-07", False), ("2026-01-07", False),
        ("2026-01-09", True), ("2026-01-09", False),
    ]
    assert [when.strftime("%H:%M") for when, _ in sim.sent[-2:]] == ["20:00", "20:30"]


def test_dismissing_counts_as_ignoring_for_the_back_off() -> None:
    history = [
        ReminderEvent(f"mood:2026-01-0{d}", Kind.MOOD, outcome, at(f"2026-01-0{d} 20:0{i}"))
        for d in (5, 6, 7)
        for i, outcome in enumerate((Outcome.SENT, Outcome.DISMISSED))
    ]
    assert decide(MOOD_ON, Logged(), (), history, at("2026-01-08 20:00"), BERLIN).notice is None
    notice = decide(MOOD_ON, Logged(), (), history, at("2026-01-09 20:00"), BERLIN).notice
    assert notice is not None and notice.hint


# -- snooze ------------------------------------------------------------------------------


def test_snooze_until() -> None:
    assert snooze_until(at("2026-01-05 14:00"), Snooze.HOUR, BERLIN) == at("2026-01-05 15:00")
    assert snooze_until(at("2026-01-05 14:00"), "evening", BERLIN) == at("2026-01-05 20:00")
    assert snooze_until(at("2026-01-05 19:30"), "evening", BERLIN) == at("2026-01-05 20:30")
    assert snooze_until(at("2026-01-05 21:00"), "evening", BERLIN) == at("2026-01-05 22:00")
    # On the spring-forward day "this evening" is 20:00 summer time.
    evening = snooze_until(at("2026-03-29 10:00"), "evening", BERLIN)
    assert evening.astimezone(UTC) == datetime(2026, 3, 29, 18, 0, tzinfo=UTC)


def test_a_snoozed_reminder_comes_back_once() -> None:
    sim = Simulation(MOOD_ON)
    first = sim.tick(at("2026-01-05 20:00"))
    assert first is not None
    until = snooze_until(at("2026-01-05 20:02"), Snooze.HOUR, BERLIN)
    sim.history.append(ReminderEvent(first.key, first.kind, Outcome.SNOOZED,
                                     at("2026-01-05 20:02"), until))
    waiting = decide(MOOD_ON, Logged(), (), sim.history, at("2026-01-05 20:30"), BERLIN)
    assert waiting.notice is None
    assert waiting.wake_at == at("2026-01-05 21:02")
    sim.every(at("2026-01-05 20:30"), at("2026-01-06 00:00"), timedelta(minutes=1))
    assert [when for when, _ in sim.sent] == [at("2026-01-05 20:00"), at("2026-01-05 21:02")]


# -- planned sessions --------------------------------------------------------------------


def _plan(when: str, route: Route = Route.NASAL, ident: int = 7) -> PlannedItem:
    return PlannedItem(ident, PlannedSession(at=at(when), route=route, dose_mg=56,
                                             clinic="North clinic"))


SESSIONS_ONLY = ReminderSettings(questionnaires_enabled=False, check_ins_enabled=False)


def test_esketamine_evening_before_and_an_hour_before() -> None:
    sim = Simulation(SESSIONS_ONLY, planned=[_plan("2026-01-08 10:00")])
    sim.every(at("2026-01-07 00:00"), at("2026-01-08 12:00"), timedelta(minutes=5))
    assert [(when, n.kind, n.body) for when, n in sim.sent] == [
        (at("2026-01-07 20:00"), Kind.SESSION_EVENING, f"Appointment tomorrow\n{ESKETAMINE_NOTE}"),
        (at("2026-01-08 09:00"), Kind.SESSION_SOON, "Appointment in 1 hour"),
    ]
    assert "esketamine" not in ESKETAMINE_NOTE.lower()
    assert "driving" in ESKETAMINE_NOTE and "ride home" in ESKETAMINE_NOTE
    assert sim.sent[0][1].target == "planned"


def test_detailed_appointment_text_and_no_note_for_iv() -> None:
    detailed = ReminderSettings(questionnaires_enabled=False, check_ins_enabled=False,
                                detailed_text=True)
    nasal = decide(detailed, Logged(), [_plan("2026-01-08 10:00")], [],
                   at("2026-01-07 20:00"), BERLIN).notice
    assert nasal is not None
    assert nasal.body == ("Esketamine nasal spray tomorrow at 10:00 (North clinic), 56 mg "
                          f"planned.\n{ESKETAMINE_NOTE}")
    iv = decide(detailed, Logged(), [_plan("2026-01-08 10:00", Route.IV)], [],
                at("2026-01-07 20:00"), BERLIN).notice
    assert iv is not None
    assert iv.body == "IV infusion tomorrow at 10:00 (North clinic), 56 mg planned."


def test_a_moved_session_moves_its_reminders() -> None:
    sim = Simulation(SESSIONS_ONLY, planned=[_plan("2026-01-08 10:00")])
    sim.every(at("2026-01-07 19:00"), at("2026-01-07 21:00"), timedelta(minutes=5))
    assert [when for when, _ in sim.sent] == [at("2026-01-07 20:00")]
    sim.planned = [_plan("2026-01-09 10:00")]  # moved to Friday, same id
    sim.every(at("2026-01-07 21:00"), at("2026-01-09 12:00"), timedelta(minutes=5))
    assert [(when, n.kind) for when, n in sim.sent] == [
        (at("2026-01-07 20:00"), Kind.SESSION_EVENING),
        (at("2026-01-08 20:00"), Kind.SESSION_EVENING),
        (at("2026-01-09 09:00"), Kind.SESSION_SOON),
    ]


def test_the_hour_before_reminder_is_not_held_back_by_the_gap() -> None:
    planned = [_plan("2026-01-08 10:00")]
    history = [ReminderEvent("mood:2026-01-08", Kind.MOOD, Outcome.SENT, at("2026-01-08 08:50"))]
    notice = decide(SESSIONS_ONLY, Logged(), planned, history, at("2026-01-08 09:00"),
                    BERLIN).notice
    assert notice is not None and notice.kind is Kind.SESSION_SOON


def test_a_planned_session_far_ahead_wakes_us_for_its_evening_before() -> None:
    decision = decide(SESSIONS_ONLY, Logged(), [_plan("2026-01-20 10:00")], [],
                      at("2026-01-07 12:00"), BERLIN)
    assert decision.wake_at == at("2026-01-19 20:00")


def test_every_generic_notice_holds_nothing_from_the_journal() -> None:
    session = LoggedSession(2, at("2026-01-05 10:00"))
    settings = ReminderSettings(mood_enabled=True)
    sim = Simulation(settings, Logged(sessions=(session,), questionnaires={"phq9": None}),
                     planned=[_plan("2026-01-09 10:00"), _plan("2026-01-12 09:00", Route.IV, 8)])
    sim.every(at("2026-01-05 00:00"), at("2026-01-13 00:00"), timedelta(minutes=10))
    assert len(sim.sent) >= 8
    for _, notice in sim.sent:
        first, *rest = notice.body.split("\n")
        assert first in GENERIC_BODIES
        assert set(rest) <= {ESKETAMINE_NOTE, HINT}
        assert notice.title == "ketajournal"


def test_validation() -> None:
    with pytest.raises(ValidationError) as caught:
        ReminderSettings(questionnaire_interval_days=0)
    assert caught.value.field == "questionnaire_interval_days"
    assert "1 to 365" in str(caught.value)
    with pytest.raises(ValidationError) as lead:
        ReminderSettings(session_lead=timedelta(days=1))
    assert lead.value.field == "session_lead"
    with pytest.raises(ValidationError) as naive:
        decide(MOOD_ON, Logged(), (), [], datetime(2026, 1, 5, 20), BERLIN)
    assert naive.value.field == "now"


def test_the_core_writes_the_notifications_in_the_language_in_use() -> None:
    """The generic and the detailed (opted-in) texts come out in the chosen language."""
    from ketajournal import language

    language.use("de")
    sim = Simulation(SESSIONS_ONLY, planned=[_plan("2026-01-08 10:00", Route.IV)])
    sim.every(at("2026-01-07 00:00"), at("2026-01-08 12:00"), timedelta(minutes=5))
    assert [n.body for _when, n in sim.sent] == ["Termin morgen", "Termin in 1 Stunde"]
    detailed = ReminderSettings(questionnaires_enabled=False, check_ins_enabled=False,
                                detailed_text=True)
    language.use("es")
    iv = decide(detailed, Logged(), [_plan("2026-01-08 10:00", Route.IV)], [],
                at("2026-01-07 20:00"), BERLIN).notice
    assert iv is not None and "mañana a las 10:00 (North clinic)" in iv.body
    assert "tomorrow" not in iv.body


def test_a_detailed_dose_is_written_with_the_locales_decimal_sign() -> None:
    from ketajournal import language
    from ketajournal.domain import locales

    detailed = ReminderSettings(questionnaires_enabled=False, check_ins_enabled=False,
                                detailed_text=True)
    half = PlannedItem(7, PlannedSession(at=at("2026-01-08 10:00"), route=Route.IV,
                                         dose_mg=17.5, clinic="North clinic"))
    language.use("de")
    locales.follow("de")
    try:
        notice = decide(detailed, Logged(), [half], [], at("2026-01-07 20:00"), BERLIN).notice
        assert notice is not None and "17,5 mg" in notice.body
    finally:
        locales.use(None)
    notice = decide(detailed, Logged(), [half], [], at("2026-01-07 20:00"), BERLIN).notice
    assert notice is not None and "17.5 mg" in notice.body
