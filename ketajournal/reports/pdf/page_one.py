"""Page 1 of the PDF: the key figures, then sessions, mood and questionnaires, PHQ-9 item 9,
boosters, side effects and blood pressure, each with its definitions."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ketajournal.domain.dates import format_date, format_short_date
from ketajournal.language import N_, ngettext, pgettext
from ketajournal.language import gettext as _
from ketajournal.reports.numbers import (
    NOT_ASSESSABLE,
    format_dose,
    format_mood,
    format_percent,
    format_signed,
)
from ketajournal.reports.pdf.look import (
    FLAG_BG,
    FRAME_WIDTH,
    GRID,
    KEY_BG,
    MUTED,
    RED,
    SANS_BOLD,
    TABLE_SIZE,
    Definition,
    definition_block,
    escaped,
    grid_table,
    heading,
    markup,
    para,
)
from ketajournal.reports.summary import (
    RECENT_MOOD_DAYS,
    BloodPressureLine,
    Score,
    SessionLine,
    Summary,
)


def page_one(summary: Summary) -> list[Flowable]:
    """The flowables of page 1: the key figures, then each section with its definitions."""
    period = summary.period
    out: list[Flowable] = [
        para(_("Summary: {period}").format(period=period.label), "h1"),
        para(ngettext("{definition} {n} day.", "{definition} {n} days.", period.days).format(
            definition=period.definition, n=period.days), "small"),
        Spacer(1, 5),
        _key_figures(summary),
    ]
    # A section's heading and figures stay on one page; its definitions may run on.
    for section in (_sessions_section, _measures_section, _safety_section, _boosters_section,
                    _side_effects_section, _blood_pressure_section):
        flowables = section(summary)
        split = len(flowables)
        while split and isinstance(flowables[split - 1], Definition):
            split -= 1
        out.append(KeepTogether(flowables[:split]))
        out.extend(flowables[split:])
    return out


def _key_figures(summary: Summary) -> Table:
    rows = []
    flagged = []
    for i, figure in enumerate(summary.key_figures()):
        style = "cell_flag" if figure.flag else "cell"
        rows.append([para(figure.label, "cell_bold"), para(figure.value, style)])
        if figure.flag:
            flagged.append(i)
    table = Table(rows, colWidths=[46 * mm, FRAME_WIDTH - 46 * mm], hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, -1), KEY_BG),
        ("BOX", (0, 0), (-1, -1), 0.8, GRID),
        ("LINEBELOW", (0, 0), (-1, -2), 0.3, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
    ]
    for i in flagged:
        commands.append(("BACKGROUND", (0, i), (-1, i), FLAG_BG))
        commands.append(("LINEBEFORE", (0, i), (0, i), 3, RED))
    table.setStyle(TableStyle(commands))
    return table


def _heading_width(text: str) -> float:
    """The width a table heading needs on one line (bold, with the cell's padding)."""
    return float(pdfmetrics.stringWidth(text, SANS_BOLD, TABLE_SIZE)) + 9


def _dates_by_phase(sessions: Sequence[SessionLine]) -> list[Flowable]:
    out: list[Flowable] = []
    for phase in ("Induction", "Booster"):
        of_phase = [s for s in sessions if s.phase == phase]
        if not of_phase:
            continue
        doses = {s.dose_mg for s in of_phase}
        routes = {s.route for s in of_phase}
        same_dose = len(doses) == 1
        dates = ", ".join(
            _session_date(s, i, of_phase) + ("" if same_dose else f" ({format_dose(s.dose_mg)})")
            for i, s in enumerate(of_phase)
        )
        how = ", ".join(sorted(_(route) for route in routes))
        if same_dose:
            how += _(", {dose} each").format(dose=format_dose(next(iter(doses))))
        shown = _(phase)
        end = "" if dates.endswith(".") else "."  # "23. Nov." ends the sentence itself
        out.append(
            markup(f"<b>{escaped(shown)} ({len(of_phase)})</b> — {escaped(how)}: "
                   f"{escaped(dates)}{end}")
        )
    return out


def _session_date(session: SessionLine, index: int, sessions: Sequence[SessionLine]) -> str:
    """Dates without the year, except the first one and the first of each new year."""
    new_year = index == 0 or sessions[index - 1].day.year != session.day.year
    return format_short_date(session.day, year=new_year)


def _sessions_section(summary: Summary) -> list[Flowable]:
    s = summary.sessions
    out: list[Flowable] = [heading(_("Sessions in the period: {count}").format(count=s.count))]
    if not s.sessions:
        out.append(para(_("No session was logged in this period.")))
    out.extend(_dates_by_phase(s.sessions))
    out.extend(definition_block([s.definition]))
    return out


def _score_text(score: Score | None) -> str:
    if score is None:
        return _("none")
    return f"{score.total} {pgettext('severity', score.band)} ({format_date(score.day)})"


def _measures_section(summary: Summary) -> list[Flowable]:
    mood = summary.mood
    out: list[Flowable] = [heading(_("Mood and questionnaires: baseline vs now"))]
    rows: list[list[Any]] = [
        ["", _("Baseline"), _("Now (latest)"), _("Change"), _("Response"), _("Remission")]
    ]
    base = (_("undefined") if mood.baseline_level is None
            else f"B = {format_mood(mood.baseline_level)}")
    if mood.baseline_start and mood.baseline_end and mood.baseline_level is not None:
        base += f" ({format_short_date(mood.baseline_start)} – {format_date(mood.baseline_end)})"
    recent = _("no entries") if mood.recent_mean is None else format_mood(mood.recent_mean)
    rows.append([
        para(_("Mood (0–10)"), "cell_bold"),
        para(base, "cell"),
        para(_("{recent} (mean of the last {n} days)").format(recent=recent, n=RECENT_MOOD_DAYS),
             "cell"),
        "—" if mood.difference is None else format_signed(mood.difference),
        "", "",
    ])
    for m in summary.measures:
        change = "—" if m.change_percent is None else format_percent(m.change_percent)
        rows.append(
            [
                para(f"{m.short_title} (0–{m.max_total})", "cell_bold"),
                para(_score_text(m.baseline), "cell"),
                para(_score_text(m.latest), "cell"),
                change,
                *((para(_(NOT_ASSESSABLE), "cell"), para(_(NOT_ASSESSABLE), "cell"))
                  if m.not_assessable else (
                    m.verdict(m.response),
                    f"{m.verdict(m.remission)} (< {m.remission_threshold})")),
            ]
        )
    widths = [28 * mm, 41 * mm, 41 * mm, 16 * mm, 25 * mm]
    widths.append(FRAME_WIDTH - sum(widths))
    # A longer heading ("Veränderung") widens its column at the cost of the two text ones.
    for column in (3, 4, 5):
        extra = max(0.0, _heading_width(rows[0][column]) - widths[column])
        widths[column] += extra
        widths[1] -= extra / 2
        widths[2] -= extra / 2
    out.append(grid_table(rows, widths, align_right_from=3))
    notes = [n for m in summary.measures for n in m.notes]
    notes.extend(
        _("{instrument} response and remission: {verdict}.").format(
            instrument=m.short_title, verdict=m.verdict(None))
        for m in summary.measures if m.not_assessable and m.latest is not None
    )
    out.extend(definition_block([*mood.definitions, *mood.notes]))
    out.extend(definition_block([*summary.measure_definitions(), *notes]))
    return out


NEXT_DUE_QUESTION = N_("Next booster due? A question for the clinician:")


def _boosters_section(summary: Summary) -> list[Flowable]:
    b = summary.boosters
    out: list[Flowable] = [heading(_("Boosters: how long each held"))]
    if b.recent_cycles:
        header = [_("Booster of")] + [
            format_short_date(c.session_day, year=True) for c in b.recent_cycles
        ]
        dose = [_("Dose")] + [format_dose(c.dose_mg) for c in b.recent_cycles]
        held = [_("Held")] + [c.label for c in b.recent_cycles]
        first = max(22 * mm, _heading_width(header[0]))
        rest = (FRAME_WIDTH - first) / len(b.recent_cycles)
        table = grid_table([header, dose, held], [first] + [rest] * len(b.recent_cycles))
        table.setStyle(TableStyle([("FONT", (0, 0), (0, -1), SANS_BOLD, TABLE_SIZE),
                                   ("FONT", (1, 2), (-1, 2), SANS_BOLD, TABLE_SIZE)]))
        out.append(table)
        for cycle in b.recent_cycles:
            if cycle.medication_note:
                out.append(para(
                    _("Booster of {day} (held {held}): {note}.").format(
                        day=format_date(cycle.session_day), held=cycle.label,
                        note=cycle.medication_note), "small"))
        out.append(Spacer(1, 3))
    elif b.needs:
        out.append(para(_("Not enough data for the booster analysis: needs {what}.").format(
            what=b.needs)))
    out.append(
        markup(f"<b>{escaped(_(NEXT_DUE_QUESTION))}</b> "
               f"{escaped(b.next_due_question)}")
    )
    shown = len(b.recent_cycles)
    out.extend(definition_block([
        *([] if not shown else [
            _("Shown: the latest booster cycle up to the end of the period (it may still be "
              "running).") if shown == 1 else
            _("Shown: the last {n} booster cycles up to the end of the period, oldest first "
              "(the latest may still be running).").format(n=shown)]),
        *b.short_definitions,
    ]))
    return out


def _side_effects_section(summary: Summary) -> list[Flowable]:
    out: list[Flowable] = [heading(_("Side effects in the period"))]
    if not summary.side_effects:
        out.append(para(_("None logged in this period.")))
    else:
        rows: list[list[Any]] = [[_("Side effect"), _("Times"), _("Worst severity (0–10)"),
                                  _("First – last")]]
        flagged = []
        for i, line in enumerate(summary.side_effects, start=1):
            label = _("RED FLAG — {label}").format(label=_(line.label)) if line.red_flag \
                else _(line.label)
            rows.append([
                para(label, "cell_flag" if line.red_flag else "cell"),
                str(line.count),
                str(line.worst_severity),
                f"{format_date(line.first_day)} – {format_date(line.last_day)}"
                if line.first_day != line.last_day else format_date(line.first_day),
            ])
            if line.red_flag:
                flagged.append(i)
        widths = [62 * mm, 15 * mm, 44 * mm]
        widths.append(FRAME_WIDTH - sum(widths))
        for column in (1, 2, 3):  # a longer heading widens its column, narrowing the first
            extra = max(0.0, _heading_width(rows[0][column]) - widths[column])
            widths[column] += extra
            widths[0] -= extra
        out.append(grid_table(rows, widths, flagged=flagged, align_right_from=1, align_right_to=2))
    out.extend(definition_block([summary.side_effect_definition]))
    return out


def bp_text(reading: tuple[int, int] | None) -> str:
    """A blood pressure reading, ``128/84``, or ``—``."""
    return "—" if reading is None else f"{reading[0]}/{reading[1]}"


def rise_text(line: BloodPressureLine, *, mark: str | None = None) -> str:
    """The rise after − before, ``+12/+4``, with ``mark`` (`` marked``) when it is marked;
    ``—`` without both."""
    mark = _(" marked") if mark is None else mark
    rise = line.rise
    if rise is None:
        return "—"
    text = f"{format_signed(rise[0], 0)}/{format_signed(rise[1], 0)}"
    return f"{text}{mark}" if line.marked else text


_BP_PAD = 3.0


def _blood_pressure_section(summary: Summary) -> list[Flowable]:
    out: list[Flowable] = [heading(_("Blood pressure at sessions (mmHg)"))]
    bp_head = [pgettext("blood pressure", "Session"), _("Before"), _("After"), _("Rise")]
    lines = summary.blood_pressure
    if not any(line.before or line.after for line in lines):
        out.append(para(_("No blood pressure reading at a session in this period.")))
        out.extend(definition_block([summary.blood_pressure_definition]))
        return out
    cells = [
        [format_date(line.day), bp_text(line.before), bp_text(line.after),
         rise_text(line, mark=" *")]
        for line in lines
    ]
    # Side by side in up to three blocks, as many as fit, so 30 sessions take 10 rows.
    natural = [
        max(pdfmetrics.stringWidth(row[c], SANS_BOLD, 9) for row in [bp_head, *cells])
        + 2 * _BP_PAD + 1
        for c in range(4)
    ]
    blocks = 1
    for candidate in (3, 2):
        if len(lines) > 4 * (candidate - 1) and candidate * sum(natural) <= FRAME_WIDTH:
            blocks = candidate
            break
    per_block = math.ceil(len(lines) / blocks)
    rows: list[list[str]] = [bp_head * blocks]
    marked: list[tuple[int, int]] = []
    for r in range(per_block):
        row: list[str] = []
        for b in range(blocks):
            index = b * per_block + r
            if index < len(lines):
                row += cells[index]
                if lines[index].marked:
                    marked.append((b * 4, r + 1))
            else:
                row += ["", "", "", ""]
        rows.append(row)
    spare = (FRAME_WIDTH - blocks * sum(natural)) / (blocks * 4)
    widths = [w + min(spare, 12) for w in natural] * blocks
    table = grid_table(rows, widths)
    commands: list[tuple[Any, ...]] = [("FONTSIZE", (0, 0), (-1, -1), 9),
                                       ("LEFTPADDING", (0, 0), (-1, -1), _BP_PAD),
                                       ("RIGHTPADDING", (0, 0), (-1, -1), _BP_PAD)]
    for b in range(1, blocks):
        commands.append(("LINEBEFORE", (b * 4, 0), (b * 4, -1), 1.2, MUTED))
    for col, row_index in marked:
        commands.append(("TEXTCOLOR", (col, row_index), (col + 3, row_index), RED))
        commands.append(("FONT", (col, row_index), (col + 3, row_index), SANS_BOLD, 9))
        commands.append(("BACKGROUND", (col, row_index), (col + 3, row_index), FLAG_BG))
    table.setStyle(TableStyle(commands))
    out.append(table)
    for line in summary.marked_blood_pressure:
        leaving = "".join(_(", {reading} before leaving").format(reading=bp_text(r))
                          for r in line.later if r)
        out.append(para(
            _("* {day}: {before} before, {after} after{leaving} — {flags}.").format(
                day=format_date(line.day), before=bp_text(line.before),
                after=bp_text(line.after), leaving=leaving,
                flags=_(" and ").join(line.flags)), "flag"))
    out.extend(definition_block([summary.blood_pressure_definition]))
    return out


def _safety_section(summary: Summary) -> list[Flowable]:
    out: list[Flowable] = [heading(_("PHQ-9 item 9 (thoughts of death or self-harm)"))]
    checked = summary.safety_checked
    if not checked:
        out.append(para(_("No PHQ-9 was filled in this period.")))
    elif not summary.safety:
        if checked == 1:
            none = _("None above 0 in this period: item 9 was 0 on the PHQ-9 filled in it.")
        elif checked == 2:
            none = _("None above 0 in this period: item 9 was 0 on both PHQ-9s filled in it.")
        else:
            none = _("None above 0 in this period: item 9 was 0 on all {n} PHQ-9s filled in "
                     "it.").format(n=checked)
        out.append(para(none))
    for line in summary.safety:
        out.append(
            para(
                _("{day}: item 9 answered {answer} (“{label}”); PHQ-9 total {total}.").format(
                    day=format_date(line.day), answer=line.answer, label=line.answer_label,
                    total=line.total),
                "flag",
            )
        )
    out.extend(definition_block([summary.safety_definition]))
    return out
