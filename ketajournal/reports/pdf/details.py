"""The PDF's detail pages: every session, medication change, questionnaire, side effect and
event of the period, and the patient's notes when they chose to include them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ketajournal.domain.dates import format_date, format_short_date
from ketajournal.domain.models import EventKind
from ketajournal.language import gettext as _
from ketajournal.language import pgettext
from ketajournal.reports.definitions import attribution, questionnaire_language_note
from ketajournal.reports.model import AssessmentRow, NoteRow, Report
from ketajournal.reports.pdf.look import (
    FRAME_WIDTH,
    definition_paragraphs,
    escaped,
    grid_table,
    heading,
    markup,
    para,
)
from ketajournal.reports.pdf.page_one import bp_text, rise_text


def detail_pages(report: Report) -> list[Flowable]:
    """The detail tables of the period: sessions, questionnaires, side effects, events, notes."""
    d = report.details
    out: list[Flowable] = [para(_("Details of the period"), "h1")]
    out.extend(_section_table(
        _("Sessions"), d.sessions, _session_rows,
        [_("Date"), _("Time"), _("Phase"), _("Route"), _("Dose"), "mg/kg", _("Dissoc."),
         _("Before"), _("After"), _("Rise")],
        [25 * mm, 12 * mm, 19 * mm, 23 * mm, 16 * mm, 14 * mm, 16 * mm, 17 * mm, 17 * mm],
        [_("Dissoc.: the patient's rating of dissociation during the session, 0–10. "
           "Before, after: blood pressure in mmHg; rise = after − before. Flagged (red, *): "
           "pre-dose above 140/90, any reading ≥ 180/110, or a rise ≥ 40/25 — page 1 names "
           "the rule.")],
        flag=lambda row: row.bp.marked,
        bold_flags=False,
    ))
    recorded = [r for r in d.sessions if r.has_record]
    if recorded:
        out.extend(_section_table(
            _("Session record (from the clinic)"), recorded, _record_rows,
            [_("Date"), _("Before leaving"), _("Heart rate"), "SpO₂", _("Observation"),
             "MOAA/S"],
            [25 * mm, 30 * mm, 25 * mm, 20 * mm, 30 * mm],
            [_("The esketamine label's session record where given: blood pressure before "
               "leaving (mmHg), heart rate (bpm), oxygen saturation, minutes from dosing until "
               "ready to leave, and the clinic's sedation rating MOAA/S (5 = responds readily "
               "to name … 0 = no response).")],
            flag=lambda row: row.bp.marked,
            bold_flags=False,
        ))
    medications = report.summary.medications
    if medications is not None and medications.any_recorded:
        out.extend(_section_table(
            _("Medication changes"), medications.changes, _medication_rows,
            [_("Date"), _("Medication"), _("Class"), _("Change"), _("Dose")],
            [25 * mm, 34 * mm, 40 * mm, 26 * mm],
            [_("Every start, dose change and stop of a medication in the period, as the "
               "patient recorded them; the dose is the one taken from that day (a stop has "
               "none). A medication is not taken on the day it was stopped.")],
            flag=lambda row: False,
        ))
    out.extend(_questionnaires_section(d.assessments))
    out.extend(_section_table(
        _("Side effects"), d.side_effects, _side_effect_rows,
        [_("Date"), _("Time"), _("Side effect"), _("Severity"), _("Duration"),
         _("After session of")],
        [25 * mm, 12 * mm, 58 * mm, 19 * mm, 20 * mm],
        [_("Severity: the patient's rating, 0–10. Red flags (blood in urine) in red.")],
        flag=lambda row: row.red_flag,
    ))
    out.extend(_events_section(report))
    if d.notes is not None:
        out.extend(_notes_section(d.notes, d.notes_definition))
    return out


def _section_table(
    title: str,
    items: Sequence[Any],
    to_rows: Callable[[Sequence[Any]], list[list[Any]]],
    header: list[str],
    widths: list[float],
    definitions: list[str],
    flag: Callable[[Any], bool],
    bold_flags: bool = True,
) -> list[Flowable]:
    out: list[Flowable] = [heading(f"{title} ({len(items)})")]
    out.extend(definition_paragraphs(definitions))
    out.append(Spacer(1, 2))
    if not items:
        out.append(para(_("None in this period.")))
        return out
    widths = [*widths, FRAME_WIDTH - sum(widths)]
    flagged = [i for i, item in enumerate(items, start=1) if flag(item)]
    out.append(
        grid_table([header, *to_rows(items)], widths, flagged=flagged, bold_flags=bold_flags)
    )
    return out


def _medication_rows(rows: Sequence[Any]) -> list[list[Any]]:
    return [
        [format_date(r.day), para(r.name, "cell"), para(_(r.class_label), "cell"),
         {"start": _("started"), "change": _("dose changed"), "stop": _("stopped")}[r.action],
         para("—" if r.action == "stop" else r.dose, "cell")]
        for r in rows
    ]


def _session_rows(rows: Sequence[Any]) -> list[list[Any]]:
    return [
        [
            format_date(r.day), r.time, _(r.phase),
            para(_(r.route), "cell_red" if r.bp.marked else "cell"),
            "—" if r.dose_mg is None else f"{r.dose_mg:g} mg",
            "—" if r.dose_mg_per_kg is None else f"{r.dose_mg_per_kg:.2f}",
            "—" if r.dissociation is None else str(r.dissociation),
            bp_text(r.bp.before), bp_text(r.bp.after), rise_text(r.bp, mark=" *"),
        ]
        for r in rows
    ]


def _record_rows(rows: Sequence[Any]) -> list[list[Any]]:
    def maybe(value: int | None, unit: str = "") -> str:
        return "—" if value is None else f"{value}{unit}"

    return [
        [
            format_date(r.day),
            bp_text(r.bp.later[0] if r.bp.later else None),
            maybe(r.heart_rate, " bpm"), maybe(r.spo2, " %"),
            maybe(r.observation_minutes, " min"), maybe(r.moaas),
        ]
        for r in rows
    ]


def _questionnaires_section(rows: Sequence[AssessmentRow]) -> list[Flowable]:
    """One line per day: each questionnaire's total and band side by side, then item 9."""
    out: list[Flowable] = [heading(_("Questionnaires ({n})").format(n=len(rows)))]
    out.extend(definition_paragraphs([
        _("Total: the sum of the item answers (PHQ-9 0–27, GAD-7 0–21; higher = more "
          "symptoms). Bands — PHQ-9: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately "
          "severe, 20–27 severe; GAD-7: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe. "
          "Item 9 (PHQ-9): 0 not at all, 1 several days, 2 more than half the days, 3 nearly "
          "every day; above 0 in red. Under the band: the answer to the form's difficulty "
          "question (“how difficult have these problems made it …”), recorded, not scored."),
        questionnaire_language_note(),
        attribution(),
    ]))
    out.append(Spacer(1, 2))
    if not rows:
        out.append(para(_("None in this period.")))
        return out
    instruments = list(dict.fromkeys(r.instrument for r in rows))
    with_item9 = {r.instrument for r in rows if r.item9 is not None}
    header = [_("Date")]
    for name in instruments:
        header += [name, _("Band")] + ([_("Item 9")] if name in with_item9 else [])
    lines: list[tuple[date, dict[str, AssessmentRow]]] = []
    for r in rows:
        if lines and lines[-1][0] == r.day and r.instrument not in lines[-1][1]:
            lines[-1][1][r.instrument] = r
        else:
            lines.append((r.day, {r.instrument: r}))
    table_rows: list[list[Any]] = [header]
    flagged: list[int] = []
    for i, (day, by_name) in enumerate(lines, start=1):
        row: list[Any] = [format_date(day)]
        for name in instruments:
            found = by_name.get(name)
            row += ["", ""] if found is None else [
                f"{found.total} / {found.max_total}",
                para(pgettext("severity", found.band)
                     + (f"; {found.difficulty.lower()}" if found.difficulty else ""),
                     "cell"),
            ]
            if name in with_item9:
                item9 = None if found is None else found.item9
                row.append("" if item9 is None else str(item9) + (_(" — FLAG") if item9 else ""))
                if item9:
                    flagged.append(i)
        table_rows.append(row)
    first = 26 * mm
    per = (FRAME_WIDTH - first) / len(instruments)
    widths = [first]
    for name in instruments:
        item = 21 * mm if name in with_item9 else 0
        widths += [17 * mm, per - 17 * mm - item] + ([item] if item else [])
    out.append(grid_table(table_rows, widths, flagged=flagged))
    return out


def _side_effect_rows(rows: Sequence[Any]) -> list[list[Any]]:
    return [
        [
            format_date(r.day), r.time,
            para(_("RED FLAG — {label}").format(label=_(r.label)) if r.red_flag else _(r.label),
               "cell_flag" if r.red_flag else "cell"),
            str(r.severity),
            "—" if r.duration_minutes is None else _("{minutes} min").format(
                minutes=r.duration_minutes),
            "—" if r.after_session is None else format_date(r.after_session),
        ]
        for r in rows
    ]


def _notes_section(notes: Sequence[NoteRow], definition: str) -> list[Flowable]:
    """Each note as a paragraph (a note may be pages long, which no table row can be)."""
    out: list[Flowable] = [heading(_("Patient notes ({n})").format(n=len(notes)))]
    out.extend(definition_paragraphs([definition]))
    out.append(Spacer(1, 2))
    if not notes:
        out.append(para(_("None in this period.")))
    for note in notes:
        when = f"{format_date(note.day)} {note.time} · {note.kind}"
        text = "<br/>".join(escaped(line) for line in note.text.splitlines())
        out.append(markup(f"<b>{escaped(when)}</b> — {text}", "note"))
    return out


#: Roughly how many dates fill the Dates cell of a whole page.
_DATES_PER_PAGE = 400
#: Rare, clinically weighty events first; the weekly therapy sessions last.
_EVENT_ORDER = {
    kind.label: i for i, kind in enumerate((
        EventKind.MEDICATION_CHANGE, EventKind.APPOINTMENT, EventKind.LIFE_EVENT,
        EventKind.INTEGRATION, EventKind.PSYCHOTHERAPY,
    ))
}


def _events_section(report: Report) -> list[Flowable]:
    events = report.details.events
    out: list[Flowable] = [heading(_("Events ({n})").format(n=len(events)))]
    out.extend(definition_paragraphs([
        _("Psychotherapy, integration sessions, medication changes, appointments and life "
          "events the patient logged, by kind (what each was about: see Patient notes).")
        if report.include_notes else
        _("Psychotherapy, integration sessions, medication changes, appointments and life "
          "events the patient logged, by kind; their notes are not included.")
    ]))
    out.append(Spacer(1, 2))
    if not events:
        out.append(para(_("None in this period.")))
        return out
    kinds: dict[str, list[date]] = {}
    for event in sorted(events, key=lambda e: _EVENT_ORDER.get(e.kind, len(_EVENT_ORDER))):
        kinds.setdefault(event.kind, []).append(event.day)
    rows: list[list[Any]] = [[_("Kind"), _("Times"), _("Dates")]]
    for kind, days in kinds.items():
        listed = ", ".join(
            format_short_date(d, year=i == 0 or days[i - 1].year != d.year)
            for i, d in enumerate(days)
        )
        rows.append([para(_(kind), "cell"), str(len(days)), para(listed, "cell")])
    table = grid_table(rows, [36 * mm, 14 * mm, FRAME_WIDTH - 50 * mm])
    if max(len(days) for days in kinds.values()) > _DATES_PER_PAGE:
        table.splitInRow = 1  # decades of weekly therapy: one row taller than a page
    out.append(table)
    return out
