"""Synthetic exports of other apps for tests: no real person's data, every value by rule."""

from __future__ import annotations

from datetime import date, timedelta

#: The first day of :func:`daylio_history`.
HISTORY_START = date(2025, 1, 1)
#: 18 months of days.
HISTORY_DAYS = 546
#: The patient's own score for the custom label; Daylio's defaults score the rest.
CUSTOM_LABEL = "tired but ok"
HISTORY_SCORES = {CUSTOM_LABEL: 4, "good": 7, "meh": 5}


def slept_well(i: int) -> bool:
    """Day ``i`` of the history had the activity "good sleep" (two days in three)."""
    return i % 3 != 1


def history_label(i: int) -> str:
    """Day ``i``'s mood: the custom label every 7th day, else good after good sleep."""
    if i % 7 == 0:
        return CUSTOM_LABEL
    return "good" if slept_well(i) else "meh"


def history_score(i: int) -> int:
    """Day ``i``'s mood as 0-10 (through :data:`HISTORY_SCORES`)."""
    return HISTORY_SCORES[history_label(i)]


def daylio_history(first: date = HISTORY_START, days: int = HISTORY_DAYS) -> bytes:
    """A Daylio export of ``days`` days, one entry a day at 20:00, newest first.

    Activities: "good sleep" or "bad sleep" (:func:`slept_well`) and "work"; a note
    on every 30th day.
    """
    lines = ["full_date,date,weekday,time,mood,activities,note_title,note"]
    for i in reversed(range(days)):
        day = first + timedelta(days=i)
        sleep = "good sleep" if slept_well(i) else "bad sleep"
        note = "a synthetic note" if i % 30 == 0 else ""
        lines.append(f"{day.isoformat()},x,y,20:00,{history_label(i)},{sleep} | work,,{note}")
    return ("\n".join(lines) + "\n").encode("utf-8")
