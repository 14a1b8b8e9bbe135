"""The CSV export format: one UTF-8 file per kind with a header, deterministic, documented."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from pathlib import Path

from ketajournal.reports import csv_export
from ketajournal.services import exchange
from ketajournal.services.journal import Journal
from ketajournal.storage.repository import KINDS
from tests.support.paths import ROOT


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8"), newline="")))


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_csv_export_writes_one_utf8_file_per_kind_with_a_header(
    demo_journal: Journal, tmp_path: Path
) -> None:
    counts = exchange.export_csv(demo_journal, tmp_path / "out")
    assert counts == demo_journal.entry_counts()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [f"{kind}.csv" for kind in KINDS] + ["medication.csv", "medication_dose.csv",
                                             "mood_tag.csv", "factor.csv", "factor_value.csv"]
    )
    for kind in KINDS:
        rows = read_csv(tmp_path / "out" / f"{kind}.csv")
        assert len(rows) == counts[kind]
        assert tuple(rows[0]) == csv_export.COLUMNS[kind]
        assert [int(r["id"]) for r in rows] == sorted(int(r["id"]) for r in rows)
        for row in rows:
            at = datetime.fromisoformat(row["at"])
            assert at.utcoffset() is not None
            assert row["day"] == at.date().isoformat()


def test_csv_export_is_deterministic(demo_journal: Journal, tmp_path: Path) -> None:
    exchange.export_csv(demo_journal, tmp_path / "a")
    exchange.export_csv(demo_journal, tmp_path / "b")
    assert files(tmp_path / "a") == files(tmp_path / "b")


def test_csv_blood_pressure_is_four_columns_and_answers_one_with_a_total(
    demo_journal: Journal, tmp_path: Path
) -> None:
    exchange.export_csv(demo_journal, tmp_path / "out")
    first = demo_journal.sessions()[0]
    row = read_csv(tmp_path / "out" / "session.csv")[0]
    assert first.bp_before is not None and first.bp_after is not None
    assert (row["bp_before_systolic"], row["bp_before_diastolic"]) == (
        str(first.bp_before.systolic), str(first.bp_before.diastolic))
    assert (row["bp_after_systolic"], row["bp_after_diastolic"]) == (
        str(first.bp_after.systolic), str(first.bp_after.diastolic))
    for row, assessment in zip(
        read_csv(tmp_path / "out" / "assessment.csv"),
        sorted(demo_journal.assessments(), key=lambda a: a.id or 0),
        strict=True,
    ):
        assert row["answers"] == ",".join(map(str, assessment.answers))
        assert int(row["total"]) == assessment.total == sum(assessment.answers)


def test_every_csv_column_is_documented() -> None:
    doc = (ROOT / "docs" / "export-csv.md").read_text(encoding="utf-8")
    for kind, columns in csv_export.COLUMNS.items():
        section = doc.split(f"## `{kind}.csv`", 1)[1].split("\n## ", 1)[0]
        documented = re.findall(r"^\| `([a-z0-9_]+)` \|", section, flags=re.MULTILINE)
        assert tuple(documented) == columns, kind
