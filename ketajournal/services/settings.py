"""Settings, declared once: key, type, default, allowed values and a description.

Values live inside the encrypted journal (some, like the threshold T or a chosen
baseline, say something about the patient). Reading an unset key gives its
default; writing validates and names the setting and its allowed values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ketajournal.domain.instruments import INSTRUMENTS
from ketajournal.domain.models import ENTRY_ID_RANGE, SCORE_RANGE
from ketajournal.domain.safety import CRISIS_RESOURCES, country_code
from ketajournal.domain.validation import (
    ValidationError,
    check_number,
    check_text,
    whole_number_rule,
)
from ketajournal.language import CHOICES, N_
from ketajournal.language import gettext as _
from ketajournal.palette import SCHEMES
from ketajournal.services.journal import Journal

#: The Settings' choices of paper for the clinician PDF ("auto": from the locale).
PAPERS = ("auto", "a4", "letter")


@dataclass(frozen=True)
class Setting:
    """One setting: its default, what it means, and how a value is checked."""

    key: str
    default: Any
    #: What it means, in English (marked for the catalogue); :meth:`text` translates it.
    description: str
    check: Callable[[str, Any], Any]
    #: Values the description names (``{instrument}``).
    values: Mapping[str, str] = field(default_factory=dict)

    def text(self) -> str:
        """The description in the language in use."""
        return _(self.description).format(**self.values)


def _threshold(key: str, value: Any) -> Any:
    if value is None or value == "auto":
        return None
    return check_number(key, value, *SCORE_RANGE)  # T is a daily mood level


def _whole(low: int, high: int) -> Callable[[str, Any], Any]:
    def check(key: str, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValidationError(key, whole_number_rule(low, high))
        return value

    return check


def _optional_id(key: str, value: Any) -> Any:
    if value is None or value == "auto":
        return None
    return _whole(*ENTRY_ID_RANGE)(key, value)


def _country(key: str, value: Any) -> Any:
    code = country_code(value) if isinstance(value, str) else value
    if not isinstance(code, str) or code not in CRISIS_RESOURCES:
        raise ValidationError(key, _("must be one of: {choices}").format(
            choices=', '.join(CRISIS_RESOURCES)))
    return code


def _scheme(key: str, value: Any) -> Any:
    if value not in SCHEMES:
        raise ValidationError(key, _("must be one of: {choices}").format(
            choices=', '.join(SCHEMES)))
    return value


def _language(key: str, value: Any) -> Any:
    if value not in CHOICES:
        raise ValidationError(key, _("must be one of: {choices}").format(
            choices=', '.join(CHOICES)))
    return value


def _paper(key: str, value: Any) -> Any:
    if value not in PAPERS:
        raise ValidationError(key, _("must be one of: {choices}").format(choices=', '.join(PAPERS)))
    return value


def _text(key: str, value: Any) -> Any:
    return check_text(key, value, 2000)


def _switch(key: str, value: Any) -> Any:
    if not isinstance(value, bool):
        raise ValidationError(key, _("must be true or false"))
    return value


def _wall_clock(key: str, value: Any) -> Any:
    """A time of day as ``HH:MM`` (24-hour clock)."""
    rule = "must be a time from 00:00 to 23:59, as HH:MM"
    if not isinstance(value, str) or len(value) != 5 or value[2] != ":":
        raise ValidationError(key, rule)
    hours, minutes = value[:2], value[3:]
    if not (hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60):
        raise ValidationError(key, rule)
    return value


def _history(key: str, value: Any) -> Any:
    # The reminder service writes this list and prunes it; only its shape is checked here.
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValidationError(key, _("must be a list of reminder events"))
    return value[-2000:]


def _mood_labels(key: str, value: Any) -> Any:
    # Daylio mood label (as daylio.mood_key compares it) -> whole score 0-10. The importer
    # is imported here, when this setting is read or written, not with the settings.
    from ketajournal.services.imports.daylio import MAX_MOOD_LABELS, mood_key

    low, high = SCORE_RANGE
    rule = f"must map each mood label to a whole number from {low} to {high}"
    if not isinstance(value, dict) or len(value) > MAX_MOOD_LABELS:
        raise ValidationError(key, rule)
    checked: dict[str, int] = {}
    for label, score in value.items():
        if (
            not isinstance(label, str) or not label.strip() or len(label) > 100
            or isinstance(score, bool) or not isinstance(score, int)
            or not SCORE_RANGE[0] <= score <= SCORE_RANGE[1]
        ):
            raise ValidationError(key, rule)
        checked[mood_key(label)] = score
    return checked


def _dismissed(key: str, value: Any) -> Any:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationError(key, _("must be a list of texts"))
    return value[-500:]


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in [
        Setting(
            "booster.threshold",
            None,
            N_("Threshold T for booster durability: automatic (B + (P − B) / 2) or a mood "
               "value from 0 to 10 that you and your clinician chose."),
            _threshold,
        ),
        *(
            Setting(
                f"clinical.remission_threshold.{i}",
                5,
                N_("Remission on {instrument}: latest total below this number."),
                _whole(1, INSTRUMENTS[i].max_total),
                {"instrument": INSTRUMENTS[i].short_title},
            )
            for i in INSTRUMENTS
        ),
        *(
            Setting(
                f"clinical.baseline.{i}",
                None,
                N_("The {instrument} used as baseline: automatic (the last one before the "
                   "first session) or the id of one you picked."),
                _optional_id,
                {"instrument": INSTRUMENTS[i].short_title},
            )
            for i in INSTRUMENTS
        ),
        Setting(
            "clinical.questionnaire_interval_days",
            14,
            N_("How often PHQ-9 and GAD-7 are due, in days."),
            _whole(1, 365),
        ),
        Setting(
            "safety.crisis_country",
            "international",
            N_("Which crisis resources to show when PHQ-9 item 9 is answered above 0."),
            _country,
        ),
        Setting(
            "safety.crisis_text",
            "",
            N_("Your own crisis resources (one per line); replaces the country's list when "
               "set."),
            _text,
        ),
        Setting(
            "security.auto_lock_minutes",
            15,
            N_("Lock the window after this many idle minutes (0 = never)."),
            _whole(0, 24 * 60),
        ),
        Setting(
            "imports.mood_labels",
            {},
            N_("The 0-10 score of each Daylio mood label you confirmed when importing, "
               "offered again at the next import."),
            _mood_labels,
        ),
        Setting(
            "appearance.color_scheme",
            "system",
            N_("Colours of the window: follow the system's light or dark scheme (system), or "
               "always light or dark."),
            _scheme,
        ),
        Setting(
            "ui.language",
            "system",
            N_("Language of the window: the system's (system), English (en), German (de) or "
               "Spanish (es). The PHQ-9 and GAD-7 stay in English until their official "
               "translations are in."),
            _language,
        ),
        Setting(
            "report.paper",
            "auto",
            N_("Paper of the clinician PDF: auto (US Letter in the US and Canada, A4 "
               "elsewhere, from your locale), a4 or letter."),
            _paper,
        ),
        Setting("due.dismissed", [], N_("Reminders you dismissed (kept by key)."), _dismissed),
        Setting(
            "reminders.mood",
            False,
            N_("Daily mood reminder: a notification at the time below when no mood was "
               "logged that day (off until you turn it on)."),
            _switch,
        ),
        Setting("reminders.mood_time", "20:00",
                N_("When the daily mood reminder comes (HH:MM)."), _wall_clock),
        Setting(
            "reminders.sessions",
            False,
            N_("Appointment reminders: the evening before a planned session (at 20:00) and "
               "some hours before it (below), while it is still planned (off until you turn "
               "them on)."),
            _switch,
        ),
        Setting(
            "reminders.session_lead_hours",
            1,
            N_("How many hours before a planned session the second appointment reminder "
               "comes (1 to 12)."),
            _whole(1, 12),
        ),
        Setting(
            "reminders.detailed_text",
            False,
            N_("Detailed notification text (session dates, questionnaire names). Off: the text "
               "says only \"Time to log your mood\" and the like, safe on a lock screen."),
            _switch,
        ),
        Setting(
            "reminders.background",
            False,
            N_("Keep running in the background when the window is closed, so reminders come."),
            _switch,
        ),
        Setting(
            "reminders.start_at_login",
            False,
            N_("Start ketajournal in the background when you log in (for reminders)."),
            _switch,
        ),
        Setting(
            "reminders.history",
            [],
            N_("What happened to each reminder (sent, opened, dismissed, snoozed), for "
               "sending each once and backing off; kept for 30 days."),
            _history,
        ),
    ]
}


class Settings:
    """Typed access to the settings stored in one journal."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def get(self, key: str) -> Any:
        """The stored value, or the declared default."""
        setting = self._declared(key)
        return self._journal.setting(key, setting.default)

    def set(self, key: str, value: Any) -> Any:
        """Validate and store ``value``; returns what was stored."""
        setting = self._declared(key)
        checked = setting.check(key, value)
        self._journal.set_setting(key, checked)
        return checked

    def set_many(self, values: dict[str, Any]) -> None:
        """Validate every value first, then store them all in one transaction."""
        checked = {key: self._declared(key).check(key, value) for key, value in values.items()}
        self._journal.set_settings(checked)

    @staticmethod
    def _declared(key: str) -> Setting:
        try:
            return SETTINGS[key]
        except KeyError:
            raise ValidationError("setting", _("must be one of: {choices}").format(
                choices=', '.join(SETTINGS))) from None
