"""The readers of other apps' exports, on fixtures written from the published formats.

Every expectation is worked out by hand from the fixture (tests/fixtures/imports/)
and the mapping rules of docs/import.md.
"""

from __future__ import annotations

import codecs
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from ketajournal.domain import boosters, factors
from ketajournal.domain.models import Phase
from ketajournal.errors import KnownError
from ketajournal.services.imports import bearable, common, daylio, emoods, generic
from ketajournal.services.imports.common import ImportFileError, MedicationRecord
from tests.support.paths import FIXTURES

IMPORT_FIXTURES = FIXTURES / "imports"
ZONE = timezone(timedelta(hours=1))


def at(day: str, clock: str = "12:00") -> datetime:
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=ZONE)


def refused(error: pytest.ExceptionInfo[ImportFileError], where: str, field: str) -> str:
    message = str(error.value)
    assert isinstance(error.value, KnownError)
    assert message.startswith(f"{where}: {field}" if field else where), message
    assert message.endswith("Nothing was imported."), message
    return message


# -- Daylio ----------------------------------------------------------------------------------


def test_daylio_fixture_reads_every_row_with_mapped_moods_tags_and_notes() -> None:
    result = daylio.read_daylio(
        IMPORT_FIXTURES / "daylio.csv", {"Tired but OK": 4}, zone=ZONE
    )
    got = [(i.entry.at, i.entry.mood, i.tags, i.entry.note, i.location) for i in result.entries]
    assert got == [
        (at("2026-03-03", "21:40"), 7, ("walk", "friends", "good sleep"), "Dinner with A.",
         "daylio.csv line 2"),
        # 8:05 AM; the quoted note spans two lines, so the next row starts on line 5.
        (at("2026-03-03", "08:05"), 5, ("work",), "Morning\n\nSlept badly,\nwoke at 5",
         "daylio.csv line 3"),
        (at("2026-03-02", "19:30"), 9, ("exercise", "friends"), "", "daylio.csv line 5"),
        (at("2026-03-01", "10:00"), 3, (), "Tired", "daylio.csv line 6"),
        # A formula-looking note is text, kept exactly.
        (at("2026-02-28", "23:15"), 1, ("alcohol", "work"), "=not a formula, just text",
         "daylio.csv line 7"),
        (at("2026-02-27", "12:00"), 4, ("walk",), "", "daylio.csv line 8"),
    ]
    assert result.tags == ("walk", "friends", "good sleep", "work", "exercise", "alcohol")
    assert result.medications == ()


def test_daylio_defaults_are_the_middles_of_five_equal_fifths() -> None:
    assert daylio.DEFAULT_MOOD_SCORES == {"rad": 9, "good": 7, "meh": 5, "bad": 3, "awful": 1}
    middles = [round(10 * (i + 0.5) / 5) for i in range(5)]
    assert sorted(daylio.DEFAULT_MOOD_SCORES.values()) == middles


def test_daylio_unmapped_labels_are_listed_not_guessed_and_nothing_is_returned() -> None:
    with pytest.raises(daylio.UnmappedMoodsError) as error:
        daylio.read_daylio(IMPORT_FIXTURES / "daylio.csv", zone=ZONE)
    assert error.value.labels == ("tired but ok",)
    message = refused(error, "daylio.csv", "mood")
    assert "1 mood label has no score" in message
    assert "tired" not in message  # a label may be personal: counted, not shown


def test_daylio_labels_for_the_mapping_dialog_in_order_of_appearance() -> None:
    assert daylio.mood_labels(IMPORT_FIXTURES / "daylio.csv") == (
        "good", "meh", "Rad", "bad", "awful", "tired but ok",
    )


def test_daylio_mapping_overrides_a_default_and_is_checked() -> None:
    result = daylio.read_daylio(
        IMPORT_FIXTURES / "daylio.csv", {"RAD": 10, "tired but ok": 4}, zone=ZONE
    )
    assert result.entries[2].entry.mood == 10
    with pytest.raises(ImportFileError) as error:
        daylio.read_daylio(IMPORT_FIXTURES / "daylio.csv", {"tired but ok": 11}, zone=ZONE)
    assert "from 0 to 10" in refused(error, "the mood mapping", "")


def test_daylio_bad_time_names_file_line_and_field_without_the_value() -> None:
    data = (
        b"full_date,date,weekday,time,mood,activities,note_title,note\n"
        b"2026-03-03,March 3,Tuesday,25:99,good,,,secret note\n"
    )
    with pytest.raises(ImportFileError) as error:
        daylio.read_daylio(Path("export.csv"), data=data, zone=ZONE)
    message = refused(error, "export.csv line 2", "time")
    assert "25:99" not in message and "secret" not in message


def test_daylio_missing_column_is_named() -> None:
    data = b"full_date,date,weekday,time,activities\n2026-03-03,x,y,10:00,\n"
    with pytest.raises(ImportFileError) as error:
        daylio.read_daylio(Path("export.csv"), data=data)
    assert "missing column(s): mood" in refused(error, "export.csv line 1", "")


def test_daylio_year_out_of_range_is_refused() -> None:
    data = (
        b"full_date,date,weekday,time,mood,activities,note_title,note\n"
        b"1999-12-31,x,y,10:00,good,,,\n"
    )
    with pytest.raises(ImportFileError) as error:
        daylio.read_daylio(Path("export.csv"), data=data)
    assert "between the years 2000 and 2100" in refused(error, "export.csv line 2", "full_date")


# -- eMoods ----------------------------------------------------------------------------------


def test_emoods_fixture_maps_ratings_by_the_documented_rule() -> None:
    result = emoods.read_emoods(IMPORT_FIXTURES / "emoods.csv", zone=ZONE)
    got = [
        (i.entry.at, i.entry.mood, i.entry.anxiety, i.entry.sleep_hours, i.tags, i.entry.note)
        for i in result.entries
    ]
    assert got == [
        (at("2026-01-10"), 3, 7, 6.5, ("irritability: mild",), "Hard day at work"),
        (at("2026-01-11"), 7, 3, 7.5, (), ""),
        (at("2026-01-12"), 10, 0, 8.0, ("elevated mood: mild",), "Better, went for a walk"),
        (at("2026-01-13"), 0, 10, 4.0, ("irritability: moderate",), ""),
    ]
    assert result.skipped == {"days without a depressed-mood rating": 1}
    assert [(m.name, m.dose, m.day, m.location) for m in result.medications] == [
        ("Sertraline", "100 mg", date(2026, 1, 10), "emoods.csv line 2"),
        ("Lorazepam", "0.5 mg", date(2026, 1, 10), "emoods.csv line 2"),
        ("Sertraline", "100 mg", date(2026, 1, 11), "emoods.csv line 3"),
        ("Sertraline", "100mg", date(2026, 1, 12), "emoods.csv line 4"),
        ("Sertraline", "100 mg", date(2026, 1, 14), "emoods.csv line 6"),
    ]


def test_emoods_tables_are_the_formulas() -> None:
    for rating in range(4):
        assert emoods.DEPRESSION_TO_MOOD[rating] == common.round_half_up(10 - rating * 10 / 3)
        assert emoods.ANXIETY_TO_SCORE[rating] == common.round_half_up(rating * 10 / 3)


def test_emoods_rating_words_and_bad_ratings() -> None:
    assert [emoods.rating("x", w) for w in ("None", "mild", "MODERATE", "severe", "")] == [
        0, 1, 2, 3, None,
    ]
    for bad in ("4", "1.5", "-1", "=1+1", "nan"):
        with pytest.raises(KnownError):
            emoods.rating("depressed", bad)


def test_emoods_medication_cells() -> None:
    day = date(2026, 1, 1)
    meds = emoods.medications("Lithium 900 mg, Vitamin D3 1000 IU|Melatonin\nQuetiapine 12,5 mg",
                              day, "f line 2")
    assert meds == [
        MedicationRecord("Lithium", "900 mg", day, "f line 2"),
        MedicationRecord("Vitamin D3", "1000 IU", day, "f line 2"),
        MedicationRecord("Melatonin", "", day, "f line 2"),
        MedicationRecord("Quetiapine", "12,5 mg", day, "f line 2"),
    ]


def test_emoods_other_date_format() -> None:
    data = b"Date,Depressed,Anxiety\n1/13/2026,1,\n"
    result = emoods.read_emoods(Path("e.csv"), data=data, zone=ZONE, date_format="%m/%d/%Y")
    assert result.entries[0].entry.at == at("2026-01-13")
    with pytest.raises(ImportFileError) as error:
        emoods.read_emoods(Path("e.csv"), data=data, zone=ZONE)
    refused(error, "e.csv line 2", "date")


def test_emoods_sleep_out_of_range_names_the_line() -> None:
    data = b"DATE,DEPRESSED_MOOD,SLEEP\n2026-01-10,1,30\n"
    with pytest.raises(ImportFileError) as error:
        emoods.read_emoods(Path("e.csv"), data=data)
    assert "from 0 to 24 hours" in refused(error, "e.csv line 2", "sleep_hours")


# -- Bearable --------------------------------------------------------------------------------


def test_bearable_fixture_moods_with_the_days_factors_sleep_energy_and_note() -> None:
    result = bearable.read_bearable(IMPORT_FIXTURES / "bearable.csv", zone=ZONE)
    got = [
        (i.entry.at, i.entry.mood, i.entry.energy, i.entry.sleep_hours, i.tags, i.entry.note,
         i.location)
        for i in result.entries
    ]
    factors = ("Walk", "Friends", "Caffeine")
    assert got == [
        # mood 4 on 1–5: 10 × 3/4 = 7.5 → 8; energy 3 → 5.
        (at("2026-02-01", "09:00"), 8, 5, 7.5, factors, "Lunch with my sister",
         "bearable.csv line 2"),
        # mood 2: 10 × 1/4 = 2.5 → 3 (half up); the note only on the day's first entry.
        (at("2026-02-01", "18:00"), 3, 5, 7.5, factors, "", "bearable.csv line 3"),
        (at("2026-02-02", "13:00"), 10, None, None, (), "", "bearable.csv line 9"),
    ]
    assert result.skipped == {"rows of other categories": 2, "days without a mood rating": 1}
    assert [(m.name, m.dose, m.day) for m in result.medications] == [
        ("Sertraline", "100mg", date(2026, 2, 1)),
        ("Vitamin D3", "1000 IU", date(2026, 2, 1)),
    ]


def test_bearable_rating_above_the_scale_is_refused_not_squeezed() -> None:
    data = (
        b"date formatted,date,weekday,time of day,category,rating/amount,detail,notes\n"
        b"2026-02-01,x,y,am,Mood,8,,\n"
    )
    with pytest.raises(ImportFileError) as error:
        bearable.read_bearable(Path("b.csv"), data=data)
    assert "from 1 to 5" in refused(error, "b.csv line 2", "rating/amount")
    wide = bearable.read_bearable(Path("b.csv"), data=data, mood_scale=(0, 10))
    assert wide.entries[0].entry.mood == 8


def test_bearable_unknown_time_of_day_is_refused() -> None:
    data = (
        b"date formatted,date,weekday,time of day,category,rating/amount,detail,notes\n"
        b"2026-02-01,x,y,teatime,Mood,3,,\n"
    )
    with pytest.raises(ImportFileError) as error:
        bearable.read_bearable(Path("b.csv"), data=data)
    refused(error, "b.csv line 2", "time of day")


# -- generic ---------------------------------------------------------------------------------


MAPPING = generic.ColumnMapping(
    date_column="Datum", date_format="%d.%m.%Y", mood_column="Stimmung",
    scale_min=1, scale_max=5, higher_is_better=False,
    time_column="Uhrzeit", note_column="Notiz", delimiter=";",
)


def test_generic_fixture_with_a_reversed_scale() -> None:
    result = generic.read_generic(IMPORT_FIXTURES / "generic.csv", MAPPING, zone=ZONE)
    got = [(i.entry.at, i.entry.mood, i.entry.note) for i in result.entries]
    assert got == [
        # 1 = best on 1–5: 2 → 10 × (1 − 1/4) = 7.5 → 8; 4 → 2.5 → 3; 1 → 10; 3 → 5.
        (at("2026-03-14", "09:30"), 8, "schlecht geschlafen"),
        (at("2026-03-14", "21:00"), 3, ""),
        (at("2026-03-15", "12:00"), 10, ""),
        (at("2026-03-16", "18:45"), 5, "Spaziergang; danach besser"),
    ]


def test_generic_date_format_with_time_and_no_time_column() -> None:
    data = b"when,score\n2026-03-14 07:15,6.5\n"
    mapping = generic.ColumnMapping(
        date_column="when", date_format="%Y-%m-%d %H:%M", mood_column="score",
        scale_min=0, scale_max=10,
    )
    result = generic.read_generic(Path("g.csv"), mapping, data=data, zone=ZONE)
    assert [(i.entry.at, i.entry.mood) for i in result.entries] == [
        (at("2026-03-14", "07:15"), 7),
    ]


def test_generic_mapping_is_checked_before_the_file() -> None:
    bad = [
        generic.ColumnMapping("d", "%Y-%m-%d", "m", 5, 5),
        generic.ColumnMapping("d", "no codes", "m", 0, 10),
        generic.ColumnMapping("d", "%Y-%j", "m", 0, 10),
        generic.ColumnMapping("d", "%Y-%m-%d", "d", 0, 10),
        generic.ColumnMapping("d", "%Y-%m-%d", "m", 0, 10, delimiter="x"),
    ]
    for mapping in bad:
        with pytest.raises(ImportFileError) as error:
            generic.read_generic(Path("missing.csv"), mapping)
        refused(error, "the column mapping", error.value.field)


def test_generic_missing_column_and_mood_off_the_scale() -> None:
    data = b"when,score\n2026-03-14,11\n"
    mapping = generic.ColumnMapping("when", "%Y-%m-%d", "mood", 0, 10)
    with pytest.raises(ImportFileError) as error:
        generic.read_generic(Path("g.csv"), mapping, data=data)
    assert "has no column named mood" in refused(error, "g.csv line 1", "")
    mapping = generic.ColumnMapping("when", "%Y-%m-%d", "score", 0, 10)
    with pytest.raises(ImportFileError) as error:
        generic.read_generic(Path("g.csv"), mapping, data=data)
    assert "11" not in refused(error, "g.csv line 2", "mood")


# -- common: files, encodings, numbers, times ------------------------------------------------


def test_encodings_utf8_bom_and_utf16_are_read_latin1_is_refused_with_its_line() -> None:
    text = "full_date,date,weekday,time,mood,activities,note_title,note\n" \
           "2026-03-03,x,y,10:00,good,Café,,Grüße\n"
    for data in (
        codecs.BOM_UTF8 + text.encode(),
        text.encode("utf-16"),  # with its byte-order mark
    ):
        result = daylio.read_daylio(Path("d.csv"), data=data, zone=ZONE)
        assert result.entries[0].tags == ("Café",)
        assert result.entries[0].entry.note == "Grüße"
    with pytest.raises(ImportFileError) as error:
        daylio.read_daylio(Path("d.csv"), data=text.encode("latin-1"))
    assert "not UTF-8" in refused(error, "d.csv line 2", "")


def test_file_problems_are_named(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError) as error:
        daylio.read_daylio(tmp_path / "none.csv")
    assert "does not exist" in refused(error, "none.csv", "")
    with pytest.raises(ImportFileError) as error:
        daylio.read_daylio(tmp_path)
    refused(error, tmp_path.name, "")
    big = tmp_path / "big.csv"
    with big.open("wb") as handle:
        handle.truncate(common.MAX_FILE_BYTES + 1)
    with pytest.raises(ImportFileError) as error:
        daylio.read_daylio(big)
    assert "larger than 64 MB" in refused(error, "big.csv", "")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ImportFileError) as error:
        daylio.read_daylio(empty)
    refused(error, "empty.csv line 1", "")


def test_table_shape_errors() -> None:
    cases = [
        (b"a,b\n1,2,3\n", "d.csv line 2", "has 3 cells where the header has 2"),
        (b"a,A\n1,2\n", "d.csv line 1", "names a column twice"),
        (b"a,\n1,2\n", "d.csv line 1", "a column without a name"),
        (b"a,b\n", "d.csv", "no rows"),
        (b'a,b\n"1,2\n', "d.csv line 2", "not valid CSV"),
        (b"a,b\n1,\x002\n", "d.csv line 2", "NUL character"),
        ("a,b\n1,2\n".encode("utf-16-le"), "d.csv line 1", "NUL character"),
    ]
    for data, where, reason in cases:
        with pytest.raises(ImportFileError) as error:
            common.read_table(Path("d.csv"), data=data)
        assert reason in refused(error, where, ""), data


def test_a_huge_cell_is_refused_by_its_column() -> None:
    data = b"a,note\n1," + b"x" * (common.MAX_CELL_CHARS + 1) + b"\n"
    with pytest.raises(ImportFileError) as error:
        common.read_table(Path("d.csv"), data=data)
    assert "longer than 20,000" in refused(error, "d.csv line 2", "note")


def test_numbers_clocks_and_rounding() -> None:
    assert common.parse_number("x", " 7,5 ") == 7.5
    assert common.parse_number("x", "") is None
    for bad in ("=1", "nan", "inf", "1e400", "7 h", "--1", "0x10"):
        with pytest.raises(KnownError):
            common.parse_number("x", bad)
    assert common.parse_clock("t", "8:30 PM") == time(20, 30)
    assert common.parse_clock("t", "12:05 a.m.") == time(0, 5)
    assert common.parse_clock("t", "12:05 pm") == time(12, 5)
    assert common.parse_clock("t", "23:59:59") == time(23, 59, 59)
    for bad in ("24:00", "13:00 PM", "0:10 AM", "9", "noon"):
        with pytest.raises(KnownError):
            common.parse_clock("t", bad)
    assert [common.round_half_up(x) for x in (2.5, 3.5, 7.49, 0.0)] == [3, 4, 7, 0]
    assert common.rescale("m", 3, 1, 5, higher_is_better=True) == 5
    assert common.rescale("m", 1, 1, 5, higher_is_better=False) == 10


def test_tags_are_trimmed_deduplicated_ignoring_case_and_checked() -> None:
    assert common.unique(["Walk", "walk", "Friends", "", "WALK"]) == ("Walk", "Friends")
    assert common.clean_tag("t", "  good   sleep ") == "good sleep"
    with pytest.raises(KnownError):
        common.clean_tag("t", "x" * (common.MAX_TAG_CHARS + 1))
    with pytest.raises(KnownError):
        common.clean_tag("t", "bell\x07")


# -- a new patient's history, end to end (pure) ------------------------------------------------


def test_eighteen_months_of_daylio_give_the_baseline_and_a_factor_with_an_interval() -> None:
    first = date(2025, 1, 1)

    def label(i: int) -> str:
        return "tired but ok" if i % 7 == 0 else "good" if i % 4 < 2 else "meh"

    score = {"tired but ok": 4, "good": 7, "meh": 5}
    lines = ["full_date,date,weekday,time,mood,activities,note_title,note"]
    for i in reversed(range(546)):  # 18 months, newest first as Daylio writes them
        d = first + timedelta(days=i)
        walk = "walk | work" if i % 4 < 2 else "work"
        lines.append(f"{d.isoformat()},x,y,20:00,{label(i)},{walk},,")
    data = ("\n".join(lines) + "\n").encode()
    result = daylio.read_daylio(Path("daylio.csv"), {"Tired but OK": 4}, zone=ZONE, data=data)
    assert len(result.entries) == 546

    daily = boosters.daily_mood([item.entry for item in result.entries])
    session_day = first + timedelta(days=500)
    session = boosters.SessionPoint(
        at=datetime.combine(session_day, time(10)).replace(tzinfo=ZONE),
        day=session_day, phase=Phase.INDUCTION,
    )
    analysis = boosters.analyse_boosters(daily, [session])
    # B: the mean over days 486 … 499, worked out from the labels directly.
    expected = sum(score[label(i)] for i in range(486, 500)) / 14
    assert analysis.baseline_level == pytest.approx(expected)

    tags = {item.entry.at.date(): item.tags for item in result.entries}
    walk = next(f for f in factors.tag_factors(tags) if f.key == "tag:walk")
    effect = factors.factor_effect(daily, walk, session_days=[session_day])
    # Walks on days with i % 4 < 2: 274 of the 546 days, 272 without. The session
    # day (i = 500, a walk) is alone in its band, so it compares nothing: 273 vs 272.
    assert (effect.days_with, effect.days_without) == (273, 272)
    assert effect.low is not None and effect.low > 0  # walking days were better days
    assert factors.describe(effect).startswith("On days with walk your mood was 1.")
