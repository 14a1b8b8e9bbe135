"""Page 1 of the clinician report as HTML, for the Appointment screen.

The same :class:`~ketajournal.reports.model.Summary` the PDF's first page is
written from, so the screen and the paper can never disagree. Pure: returns a
string (Qt's rich-text subset: tables, headings, colour), no Qt import.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from html import escape

from ketajournal.domain.dates import format_date
from ketajournal.language import gettext as _
from ketajournal.language import pgettext
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


def _score(total: int, band: str, day: date) -> str:
    return f"{total} {pgettext('severity', band)} ({format_date(day)})"


def _span(first: date, last: date) -> str:
    return format_date(first) if first == last else f"{format_date(first)} – {format_date(last)}"


def summary_html(summary: Summary) -> str:
    """The one-minute summary: key figures first, then each section with its definitions.

    In the language in use, with the PDF's own headings and words (its catalogue texts).
    """
    parts = [
        f"<h2>{_e(_('Summary: {period}').format(period=summary.period.label))}</h2>",
        f"<p style='color:{screen().definition_text}'>{_e(summary.period.definition)}</p>",
        _table(
            ("", ""),
            ((f.label, f.value) for f in summary.key_figures()),
            (f.flag for f in summary.key_figures()),
        ),
    ]

    sessions = summary.sessions
    parts.append(f"<h3>{_e(_('Sessions in the period: {count}').format(count=sessions.count))}"
                 "</h3>")
    if sessions.sessions:
        parts.append(
            _table(
                (_("Date"), _("Phase"), _("Route"), _("Dose")),
                (
                    (format_date(s.day), _(s.phase), _(s.route), format_dose(s.dose_mg))
                    for s in sessions.sessions
                ),
            )
        )
    parts.append(_definitions([sessions.definition]))

    parts.append(f"<h3>{_e(_('Mood and questionnaires: baseline vs now'))}</h3>")
    rows = []
    for m in summary.measures:
        rows.append(
            (
                m.short_title,
                "–" if m.baseline is None
                else _score(m.baseline.total, m.baseline.band, m.baseline.day),
                "–" if m.latest is None
                else _score(m.latest.total, m.latest.band, m.latest.day),
                "–" if m.change_percent is None else format_percent(m.change_percent),
                m.verdict(m.response),
                m.verdict(m.remission),
            )
        )
    parts.append(_table(
        ("", _("Baseline"), _("Now (latest)"), _("Change"), _("Response"), _("Remission")), rows
    ))
    mood = summary.mood
    notes = [n for m in summary.measures for n in m.notes]
    parts.append(_definitions(
        [*mood.definitions, *mood.notes, *summary.measure_definitions(), *notes]
    ))

    boosters = summary.boosters
    parts.append(f"<h3>{_e(_('Boosters: how long each held'))}</h3>")
    if boosters.recent_cycles:
        parts.append(
            _table(
                (_("Booster of"), _("Dose"), _("Held")),
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

    parts.append(f"<h3>{_e(_('Side effects in the period'))}</h3>")
    if summary.side_effects:
        parts.append(
            _table(
                (_("Side effect"), _("Times"), _("Worst severity (0–10)"), _("First – last")),
                (
                    (
                        _("RED FLAG — {label}").format(label=_(s.label)) if s.red_flag
                        else _(s.label),
                        str(s.count),
                        str(s.worst_severity),
                        _span(s.first_day, s.last_day),
                    )
                    for s in summary.side_effects
                ),
                (s.red_flag for s in summary.side_effects),
            )
        )
    else:
        parts.append(f"<p>{_e(_('None logged in this period.'))}</p>")
    parts.append(_definitions([summary.side_effect_definition]))

    parts.append(f"<h3>{_e(_('Blood pressure at sessions (mmHg)'))}</h3>")
    measured = [line for line in summary.blood_pressure if line.before or line.after]
    if measured:
        parts.append(
            _table(
                (pgettext("blood pressure", "Session"), _("Before"), _("After"), _("Rise"), ""),
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
        parts.append(
            f"<p>{_e(_('No blood pressure reading at a session in this period.'))}</p>"
        )
    parts.append(_definitions([summary.blood_pressure_definition]))

    parts.append(f"<h3>{_e(_('PHQ-9 item 9 (thoughts of death or self-harm)'))}</h3>")
    colour = screen().danger if summary.safety else "inherit"  # an answer above 0: red
    parts.extend(f"<p style='color:{colour}'>{_e(line)}</p>" for line in _safety(summary))
    parts.append(_definitions([summary.safety_definition]))
    return "\n".join(parts)


def _safety(summary: Summary) -> list[str]:
    """Item 9 above 0, one line each, or what was checked (as on the PDF's page 1)."""
    checked = summary.safety_checked
    if not checked:
        return [_("No PHQ-9 was filled in this period.")]
    if not summary.safety:
        if checked == 1:
            return [_("None above 0 in this period: item 9 was 0 on the PHQ-9 filled in it.")]
        if checked == 2:
            return [_("None above 0 in this period: item 9 was 0 on both PHQ-9s filled in it.")]
        return [_("None above 0 in this period: item 9 was 0 on all {n} PHQ-9s filled in "
                  "it.").format(n=checked)]
    return [
        _("{day}: item 9 answered {answer} (“{label}”); PHQ-9 total {total}.").format(
            day=format_date(line.day), answer=line.answer, label=line.answer_label,
            total=line.total)
        for line in summary.safety
    ]
