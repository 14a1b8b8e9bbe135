"""``ketajournal import``: our own exports and, with ``--from``, other apps' (real files)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketajournal.cli import main
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services import import_reading
from ketajournal.services.app_import import MOOD_LABELS_SETTING
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal
from tests.support.paths import FIXTURES
from tests.support.pipes import fed_fifo

IMPORT_FIXTURES = FIXTURES / "imports"
DAYLIO = str(IMPORT_FIXTURES / "daylio.csv")


def run(home: Path, *args: str) -> int:
    return main(["--home", str(home), *args])


def opened(home: Path) -> Journal:
    return open_journal(JournalPaths(home), KeyringKeyStore(), create=False)


def counts(home: Path) -> dict[str, int]:
    journal = opened(home)
    try:
        return journal.counts()
    finally:
        journal.close()


def test_import_of_a_pipe_stops_at_the_cap_with_a_sentence(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert run(home, "demo", "--days", "3") == 0
    before = counts(home)
    monkeypatch.setattr(import_reading, "MAX_IMPORT_BYTES", 1024 * 1024)
    monkeypatch.setattr(import_reading, "MAX_JSON_IMPORT_BYTES", 1024 * 1024)  # read as JSON
    capsys.readouterr()
    feeder = fed_fifo(tmp_path / "pipe", 4 * 1024 * 1024)
    assert run(home, "import", str(tmp_path / "pipe")) == 2
    err = capsys.readouterr().err
    assert "pipe: is larger than 1 MB, far more than a journal export" in err
    assert "Traceback" not in err
    assert feeder.finish() < 2 * 1024 * 1024  # read stopped at the cap, not at the end
    assert counts(home) == before


def test_unmapped_daylio_labels_are_named_with_how_to_map_them_and_nothing_is_made(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "import", "--from", "daylio", DAYLIO) == 2
    err = capsys.readouterr().err
    assert "1 Daylio mood label has no score from 0 to 10 yet: 'tired but ok'" in err
    assert '--map "tired but ok"=6' in err and "Nothing was imported." in err
    assert not JournalPaths(home).database.exists()


def test_a_dry_run_previews_counts_and_rows_and_writes_nothing(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "import", "--from", "daylio", DAYLIO, "--map", "tired but ok=4",
               "--dry-run") == 0
    out = capsys.readouterr().out
    assert "6 mood entries read from daylio.csv: 6 new, 0 exact duplicates to skip." in out
    assert "2026-03-03 21:40  mood 7  tags: walk, friends, good sleep  (note)" in out
    assert not JournalPaths(home).database.exists()


def test_daylio_imports_once_with_tags_after_a_backup_and_remembers_the_mapping(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "import", "--from", "daylio", DAYLIO, "--map", "Tired but OK=4") == 0
    out = capsys.readouterr().out
    assert "Imported 6 mood entries; skipped 0 exact duplicates." in out
    assert "Backup taken before the import:" in out
    journal = opened(home)
    try:
        moods = journal.moods()
        assert [m.mood for m in moods] == [4, 1, 3, 9, 5, 7]  # oldest first
        assert journal.tags_of([moods[-1].id or 0]) == {
            moods[-1].id: ("friends", "good sleep", "walk")
        }
        assert journal.setting(MOOD_LABELS_SETTING) == {"tired but ok": 4}
    finally:
        journal.close()
    # Again, without --map: the remembered score is used, every row is a duplicate.
    assert run(home, "import", "--from", "daylio", DAYLIO) == 0
    assert "Imported 0 mood entries; skipped 6 exact duplicates." in capsys.readouterr().out
    assert counts(home)["mood"] == 6


def test_a_dry_run_on_a_journal_counts_its_duplicates(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "import", "--from", "daylio", DAYLIO, "--map", "tired but ok=4") == 0
    capsys.readouterr()
    assert run(home, "import", "--from", "daylio", DAYLIO, "--dry-run") == 0
    assert "6 new" not in (out := capsys.readouterr().out)
    assert "0 new, 6 exact duplicates to skip." in out


def test_emoods_medications_go_into_the_medication_list(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "import", "--from", "emoods", str(IMPORT_FIXTURES / "emoods.csv")) == 0
    out = capsys.readouterr().out
    assert "Imported 4 mood entries; skipped 0 exact duplicates; 1 row of the file not used." \
        in out
    assert "Added 2 medication courses to the medication list (0 already in it)." in out


def test_a_generic_csv_through_the_column_options(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(
        home, "import", "--from", "csv", str(IMPORT_FIXTURES / "generic.csv"),
        "--date-column", "Datum", "--date-format", "%d.%m.%Y", "--mood-column", "Stimmung",
        "--scale", "1-5", "--lower-is-better", "--time-column", "Uhrzeit",
        "--note-column", "Notiz", "--delimiter", "semicolon",
    ) == 0
    assert "Imported 4 mood entries" in capsys.readouterr().out
    journal = opened(home)
    try:
        assert [m.mood for m in journal.moods()] == [8, 3, 10, 5]
    finally:
        journal.close()


def test_bearable_with_its_scale(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(home, "import", "--from", "bearable", str(IMPORT_FIXTURES / "bearable.csv"),
               "--scale", "1-5") == 0
    assert "Imported 3 mood entries" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "fitbit", DAYLIO], "from: must be one of: daylio, emoods, bearable, csv"),
        (["--from", "daylio", DAYLIO, "--map", "meh"], "map: must be written LABEL=SCORE"),
        (["--from", "daylio", DAYLIO, "--map", "meh=11"],
         "map: the score must be a whole number from 0 to 10"),
        (["--from", "csv", DAYLIO], "date-column: is needed with --from csv"),
        (["--from", "csv", DAYLIO, "--date-column", "a", "--mood-column", "b", "--scale", "5-1"],
         "scale: the top must be above the bottom"),
        (["--from", "csv", DAYLIO, "--date-column", "a", "--mood-column", "b", "--scale", "x"],
         "scale: must be written LOW-HIGH, e.g. 1-5"),
        (["--from", "emoods", DAYLIO, "--map", "a=1"], "map: is only for --from daylio"),
        (["--from", "daylio", DAYLIO, "--delimiter", "tab"], "delimiter: is only for --from csv"),
        ([DAYLIO, "--dry-run"], "dry-run: is only for import --from"),
        (["--from", "csv", DAYLIO, "--date-column", "a", "--mood-column", "b", "--scale", "1-5",
          "--delimiter", "pipe"], "delimiter: must be one of: comma, semicolon, tab"),
    ],
)
def test_bad_options_exit_2_naming_the_field(
    home: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert run(home, "import", *args) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not JournalPaths(home).database.exists()


def test_a_bad_row_names_file_line_and_field_and_nothing_is_imported(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "daylio.csv"
    bad.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2026-03-03,x,y,21:40,good,,,\n2026-03-02,x,y,25:99,good,,,\n", encoding="utf-8",
    )
    assert run(home, "import", "--from", "daylio", str(bad)) == 2
    assert "daylio.csv line 3: time: must be a time of day" in capsys.readouterr().err
    assert not JournalPaths(home).database.exists()
