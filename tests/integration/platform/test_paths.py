"""No output lands on a journal's own files or in its home, however the path is spelled.

Every command that writes a file (each export, ``backup -o``, the clinician PDF) is run
against real files with targets that reach the journal directly, through ``..``, through a
symbolic link and through a hard link; the journal's files must stay byte for byte.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from ketajournal.cli import main
from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths, OutputInJournalHomeError
from ketajournal.services import exchange, portable
from ketajournal.services.opening import open_journal

COMMANDS = {
    "json": ("export", "json"),
    "fhir": ("export", "fhir"),
    "pdf": ("export", "pdf"),
    "csv": ("export", "csv"),
    "backup": ("backup",),
}


def state(paths: JournalPaths) -> dict[str, str]:
    """Every file in the home, with its content digest."""
    return {
        str(p.relative_to(paths.home)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(paths.home.rglob("*")) if p.is_file()
    }


@pytest.fixture
def made(tmp_path: Path) -> JournalPaths:
    paths = JournalPaths(tmp_path / "home")
    assert main(["--home", str(paths.home), "log", "mood", "6", "--note", "private"]) == 0
    assert main(["--home", str(paths.home), "backup", "-o", str(tmp_path / "outside.zip")]) == 0
    (paths.backups).mkdir(exist_ok=True)
    return paths


def targets(paths: JournalPaths, tmp_path: Path) -> dict[str, Path]:
    link = tmp_path / "elsewhere"
    if not link.exists():
        link.symlink_to(paths.home)
    pointer = tmp_path / "pointer.json"
    if not pointer.exists():
        pointer.symlink_to(paths.header)
    return {
        "database": paths.database,
        "header": paths.header,
        "wal": paths.sidecars[0],
        "lock": paths.instance_lock,
        "dotdot": paths.home / ".." / paths.home.name / "journal.db",
        "symlinked folder": link / "journal.header",
        "symlinked file": pointer,
        "backups": paths.backups / "export.json",
        "new file in home": paths.home / "export.json",
        "the home itself": paths.home,
    }


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_no_command_writes_onto_the_journal_or_into_its_home(
    made: JournalPaths, tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = state(made)
    for name, target in targets(made, tmp_path).items():
        code = main(["--home", str(made.home), *COMMANDS[command], "-o", str(target)])
        err = capsys.readouterr().err
        assert code != 0, f"{command} -o <{name}> was accepted"
        assert "inside the journal's folder" in err or "is a folder" in err, (name, err)
        assert state(made) == before, f"{command} -o <{name}> changed the home"
    assert main(["--home", str(made.home), "check"]) == 0


def test_a_hard_link_to_the_journal_outside_its_home_is_refused(
    made: JournalPaths, tmp_path: Path
) -> None:
    twin = tmp_path / "twin.json"
    os.link(made.header, twin)
    before = state(made)
    with pytest.raises(OutputInJournalHomeError):
        made.check_output(twin)
    assert main(["--home", str(made.home), "export", "json", "-o", str(twin)]) != 0
    assert state(made) == before


def test_the_services_refuse_too_for_the_window(made: JournalPaths, tmp_path: Path) -> None:
    journal = open_journal(made, KeyringKeyStore(), create=False)
    before = state(made)
    try:
        for call in (
            lambda: journal.export_json(made.header),
            lambda: exchange.export_fhir(journal, made.database),
            lambda: exchange.export_csv(journal, made.backups / "csv"),
            lambda: portable.write_portable_backup(journal, made.home / "b.zip"),
        ):
            with pytest.raises(OutputInJournalHomeError):
                call()
    finally:
        journal.close()
    after = state(made)
    assert {k: v for k, v in after.items() if "-wal" not in k and "-shm" not in k} == {
        k: v for k, v in before.items() if "-wal" not in k and "-shm" not in k
    }


def test_outputs_beside_the_home_are_fine(made: JournalPaths, tmp_path: Path) -> None:
    sibling = tmp_path / "home-exports"
    sibling.mkdir()
    made.check_output(sibling / "export.json")
    made.check_output(tmp_path / "home.json")
    assert main(["--home", str(made.home), "export", "json", "-o", str(sibling / "e.json")]) == 0
