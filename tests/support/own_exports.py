"""Our own export files, written by hand for the import tests: the JSON document's shell,
CSV rows as an export writes them, a folder's files; the time the examples use."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

#: The zone the hand-written examples are logged in, and their first time.
PLUS_ONE = timezone(timedelta(hours=1))
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=PLUS_ONE)


def export_of(entries: dict[str, list[Any]]) -> dict[str, Any]:
    """A JSON export (format version 1, schema 2) holding ``entries`` by kind."""
    return {"format": "ketajournal-export", "version": 1, "schema_version": 2,
            "entries": entries}


def write_rows(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """Write a CSV file as an export does: UTF-8, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")


def files(folder: Path) -> dict[str, bytes]:
    """Every file of ``folder`` by name, with its bytes (to compare two exports)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}
