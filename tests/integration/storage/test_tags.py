"""Tags on mood entries and the patient's factors, stored in a real encrypted journal."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from ketajournal.domain.models import MoodEntry
from ketajournal.domain.tags import MAX_FACTORS, FactorKind
from ketajournal.domain.validation import ValidationError
from ketajournal.platform.keystore import SERVICE, KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.journal import FACTOR_CHANGE, TAG_CHANGE, Journal
from ketajournal.services.opening import open_journal
from tests.fixtures.make_journals import TEST_KEY_HEX, fixture_dir, fixture_versions
from tests.support.clock import NOW
from tests.support.keyrings import MemoryKeyring


def mood(journal: Journal, days_ago: int, score: int = 5) -> int:
    entry, _ = journal.log(MoodEntry(at=NOW - timedelta(days=days_ago), mood=score))
    assert entry.id is not None
    return entry.id


def test_tags_are_stored_once_ignoring_case_and_read_back(journal: Journal) -> None:
    first, second = mood(journal, 1), mood(journal, 0)
    change = journal.set_tags(first, ["Walk", " family ", "walk"])
    journal.set_tags(second, ["WALK"])
    assert TAG_CHANGE in change.kinds and change.ids == (first,)
    assert journal.tags_of([first, second]) == {first: ("Walk", "family"), second: ("Walk",)}
    assert journal.tag_names() == ["Walk", "family"]  # most used first
    by_day = journal.tags_by_day()
    assert by_day[(NOW - timedelta(days=1)).date()] == {"Walk", "family"}


def test_tags_of_a_missing_entry_are_refused(journal: Journal) -> None:
    with pytest.raises(ValidationError, match="no mood entry with id 99"):
        journal.set_tags(99, ["walk"])


def test_a_deleted_mood_takes_its_tags_and_undo_puts_them_back(journal: Journal) -> None:
    entry_id = mood(journal, 0)
    journal.set_tags(entry_id, ["walk", "friends"])
    deleted, _ = journal.delete("mood", entry_id)
    assert journal.tags_of([entry_id]) == {}
    journal.undelete(deleted)
    assert journal.tags_of([entry_id]) == {entry_id: ("friends", "walk")}


def test_log_all_saves_tags_with_their_entries_in_one_transaction(journal: Journal) -> None:
    entries = [MoodEntry(at=NOW - timedelta(hours=2), mood=6), MoodEntry(at=NOW, mood=7)]
    change = journal.log_all(entries, tags={1: ["gym"]})
    assert TAG_CHANGE in change.kinds
    assert journal.tags_of(change.ids) == {change.ids[1]: ("gym",)}
    with pytest.raises(ValidationError, match=r"^tags: must not contain control characters$"):
        journal.log_all([MoodEntry(at=NOW, mood=1)], tags={0: ["bell\x07"]})
    assert journal.counts()["mood"] == 2  # nothing of the refused batch


def test_factors_are_defined_once_and_their_values_kept_per_day(journal: Journal) -> None:
    factor, change = journal.define_factor("Alcohol", FactorKind.YESNO)
    journal.define_factor("Exercise", FactorKind.SCALE)
    assert FACTOR_CHANGE in change.kinds and factor.id is not None
    with pytest.raises(ValidationError, match=r"^name: is already a factor$"):
        journal.define_factor("alcohol", FactorKind.SCALE)
    today = NOW.date()
    journal.set_factor_value("alcohol", today, 1)
    journal.set_factor_value("Exercise", today - timedelta(days=1), 7)
    journal.set_factor_value("Exercise", today - timedelta(days=1), 8)  # replaces
    values = journal.factor_values()
    assert values[factor.id] == {today: 1}
    assert list(values[factor.id + 1].values()) == [8]
    journal.set_factor_value("alcohol", today, None)
    assert journal.factor_values_on(today) == {}
    assert [f.name for f in journal.factor_definitions()] == ["Alcohol", "Exercise"]


def test_factor_values_are_checked_by_kind_and_day(journal: Journal) -> None:
    journal.define_factor("Alcohol", FactorKind.YESNO)
    with pytest.raises(ValidationError, match=r"^value: must be yes or no$"):
        journal.set_factor_value("Alcohol", NOW.date(), 2)
    with pytest.raises(ValidationError, match=r"^day: must not be in the future$"):
        journal.set_factor_value("Alcohol", NOW.date() + timedelta(days=2), 1)
    with pytest.raises(ValidationError, match=r"^factor: is not defined yet \(define it first\)$"):
        journal.set_factor_value("Coffee", NOW.date(), 1)


def test_only_a_few_factors_can_be_defined(journal: Journal) -> None:
    for index in range(MAX_FACTORS):
        journal.define_factor(f"f{index}", FactorKind.YESNO)
    with pytest.raises(ValidationError, match=r"^factor: at most 10 factors can be defined$"):
        journal.define_factor("one more", FactorKind.YESNO)


def test_removing_a_factor_removes_its_values(journal: Journal) -> None:
    journal.define_factor("Alcohol", FactorKind.YESNO)
    journal.set_factor_value("Alcohol", date(2026, 1, 1), 1)
    journal.remove_factor("ALCOHOL")
    assert journal.factor_definitions() == [] and journal.factor_values() == {}


def test_the_last_fixture_before_tags_migrates_with_its_rows_and_the_new_tables(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    # Schema 5 is the last without tags and factors (newer fixtures hold some).
    version = 5
    assert version in fixture_versions()
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    for name in ("journal.db", "journal.header"):
        shutil.copyfile(fixture_dir(version) / name, home / name)
    manifest = json.loads((fixture_dir(version) / "manifest.json").read_text("utf-8"))
    memory_keyring.set_password(SERVICE, f"journal-{manifest['journal_id']}", TEST_KEY_HEX)
    journal = open_journal(JournalPaths(home), KeyringKeyStore(), create=False)
    try:
        assert journal.counts()["mood"] == len(manifest["entries"]["mood_entries"])
        assert journal.tag_names() == [] and journal.factor_definitions() == []
        moods = journal.moods()
        assert moods and moods[0].id is not None
        journal.set_tags(moods[0].id, ["walk"])
        assert journal.tags_of([moods[0].id]) == {moods[0].id: ("walk",)}
    finally:
        journal.close()
