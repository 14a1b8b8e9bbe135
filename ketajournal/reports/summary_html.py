"""Page 1 of the clinician report as HTML, for the Appointment screen.

The same :class:`~ketajournal.reports.model.Summary` the PDF's first page is
written from, so the screen and the paper can never disagree. Pure: returns a
string (Qt's rich-text subset: tables, headings, colour), no Qt import.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from ketajournal.domain.dates import format_date
from ketajournal.palette import screen
from ketajournal.reports.numbers import format_dose, format_percent
from ketajournal.reports.summary import Summary

# The Appointment screen shows this: in the window's colours now (palette.screen()).


def _e(text: object) -> str:
    return escape(str(text))


def _definitions(lines: Iterable[str]) -> str:
    items = "".join(f"<li>{_e(line)}</li>" for line in lines if line)
    if not items:
        return ""
    return f'<ul style="color:{screen().definition_text}; font-size:small">{items}</ul>'


def _table(header: Iterable[str], rows: Iterable[Iterable[str]], red: Iterable[bool] = ()) -> str:
    flags = list(red)
    titles = list(header)
    head = (
        "<tr>" + "".join(f"<th align='left'>{_e(h)}</th>" for h in titles) + "</tr>"
        if any(titles) else ""
    )
    body = []
    for index, row in enumerate(rows):
        colour = f" style='color:{screen().danger}'" if index < len(flags) and flags[index] else ""
        body.append(f"<tr{colour}>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>")
    return (
        "<table cellspacing='0' cellpadding='3' border='1' style='border-collapse:collapse'>"
        f"{head}{''.join(body)}</table>"
    )


def summary_html(summary: Summary) -> str:
    """The one-minute summary: key figures first, then each section with its definitions."""
    parts = [
        f"<h2>Summary for {_e(summary.period.label)}</h2>",
        f"<p style='color:{screen().definition_text}'>{_e(summary.period.definition)}</p>",
        "<h3>Key figures</h3>",
        _table(
            ("", ""),
            ((f.label, f.value) for f in summary.key_figures()),
            (f.flag for f in summary.key_figures()),
        ),
    ]

    sessions = summary.sessions
    parts.append(f"<h3>Sessions: {sessions.count}</h3>")
    if sessions.sessions:
        parts.append(
            _table(
                ("Date", "Phase", "Route", "Dose"),
                (
                    (format_date(s.day), s.phase, s.route, format_dose(s.dose_mg))
                    for s in sessions.sessions
                ),
            )
        )
    parts.append(_definitions([sessions.definition]))

    mood = summary.mood
    parts.append("<h3>Mood</h3>")
    parts.append(_definitions([*mood.definitions, *mood.notes]))

    parts.append("<h3>Questionnaires</h3>")
    rows = []
    for m in summary.measures:
        rows.append(
            (
                m.short_title,
                "–" if m.baseline is None
                else f"{m.baseline.total} ({m.baseline.band}, {format_date(m.baseline.day)})",
                "–" if m.latest is None
                else f"{m.latest.total} ({m.latest.band}, {format_date(m.latest.day)})",
                "–" if m.change_percent is None else format_percent(m.change_percent),
                m.verdict(m.response),
                m.verdict(m.remission),
            )
        )
    parts.append(
        _table(("", "Baseline", "Latest", "Change", "Response", "Remission"), rows)
    )
    notes = [n for m in summary.measures for n in m.notes]
    parts.append(_definitions([*summary.measure_definitions(), *notes]))

    boosters = summary.boosters
    parts.append("<h3>Boosters</h3>")
    if boosters.recent_cycles:
        parts.append(
            _table(
                ("Booster", "Dose", "Held"),
                (
                    (format_date(c.session_day), format_dose(c.dose_mg), c.label)
                    for c in boosters.recent_cycles
                ),
            )
        )
    colour = screen().danger if boosters.tolerance_signal else "inherit"
    parts.append(f"<p style='color:{colour}'>{_e(boosters.tolerance_sentence)}</p>")
    parts.append(f"<p><b>{_e(boosters.next_due_question)}</b></p>")
    parts.append(_definitions(boosters.short_definitions))

    parts.append("<h3>Side effects</h3>")
    if summary.side_effects:
        parts.append(
            _table(
                ("Side effect", "Reports", "Worst severity (0–10)", "First", "Last"),
                (
                    (
                        ("RED FLAG — " if s.red_flag else "") + s.label,
                        str(s.count),
                        str(s.worst_severity),
                        format_date(s.first_day),
                        format_date(s.last_day),
                    )
                    for s in summary.side_effects
                ),
                (s.red_flag for s in summary.side_effects),
            )
        )
    else:
        parts.append("<p>None logged in this period.</p>")
    parts.append(_definitions([summary.side_effect_definition]))

    parts.append("<h3>Blood pressure around sessions</h3>")
    measured = [line for line in summary.blood_pressure if line.before or line.after]
    if measured:
        parts.append(
            _table(
                ("Session", "Before", "After", "Rise", "Flag"),
                (
                    (
                        format_date(line.day),
                        f"{line.before[0]}/{line.before[1]}" if line.before else "–",
                        f"{line.after[0]}/{line.after[1]}" if line.after else "–",
                        f"{line.rise[0]:+d}/{line.rise[1]:+d}" if line.rise else "–",
                        "; ".join(line.flags) or "–",
                    )
                    for line in measured
                ),
                (line.marked for line in measured),
            )
        )
    else:
        parts.append("<p>No blood pressure reading at a session in this period.</p>")
    parts.append(_definitions([summary.blood_pressure_definition]))

    parts.append("<h3>PHQ-9 item 9 (thoughts of death or self-harm)</h3>")
    if summary.safety:
        parts.append(
            _table(
                ("Date", "Answer", "PHQ-9 total"),
                (
                    (format_date(s.day), f"{s.answer} ({s.answer_label})", str(s.total))
                    for s in summary.safety
                ),
                (True for _ in summary.safety),
            )
        )
    else:
        parts.append("<p>No answer above 0 in this period.</p>")
    parts.append(_definitions([summary.safety_definition]))
    return "\n".join(parts)
