"""Tags and the patient's factors in the JSON and CSV exports, written and read back (pure codecs).

docs/export-json.md and docs/export-csv.md document the shapes. In the JSON export a
mood entry carries its ``tags`` and the document a ``factors`` list, each factor with
its daily values nested; the CSV folder has ``mood_tag.csv`` (one row per tag of a mood
entry), ``factor.csv`` and ``factor_value.csv`` (one row per factor and day). Reading
checks every value as one typed in (``domain.tags``); a bad one raises
:class:`ValidationError` naming the field.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ketajournal.domain.tags import (
    FactorDefinition,
    check_factor_value,
    check_tags,
    factor_kind,
    parse_factor_value,
    value_text,
)
from ketajournal.domain.validation import ValidationError, check_int
from ketajournal.language import gettext as _
from ketajournal.platform.files import atomic_text_writer
from ketajournal.reports.csv_export import LINE_TERMINATOR, escape_text, unescape_text
from ketajournal.reports.medication_formats import LocatedError

#: The keys of one factor in the JSON export, and of one of its daily values.
JSON_KEYS = ("id", "name", "kind", "values")
JSON_VALUE_KEYS = ("day", "value")
#: The CSV files and their columns.
TAG_FILE = "mood_tag.csv"
TAG_COLUMNS = ("mood_id", "tag")
FACTOR_FILE = "factor.csv"
FACTOR_COLUMNS = ("id", "name", "kind")
FACTOR_VALUE_FILE = "factor_value.csv"
FACTOR_VALUE_COLUMNS = ("factor_id", "day", "value")
#: Ids as the entries' (a positive whole number).
_ID_RANGE = (1, 2**63 - 1)


@dataclass(frozen=True)
class ExportedFactor:
    """A factor as an export holds it: its definition (with its exported id) and its
    values, one per day in day order."""

    definition: FactorDefinition
    values: tuple[tuple[date, int], ...] = ()


def factor_to_json(factor: ExportedFactor) -> dict[str, Any]:
    """One factor as the JSON export writes it (a yes/no value as 1 or 0)."""
    return {
        "id": factor.definition.id,
        "name": factor.definition.name,
        "kind": factor.definition.kind.value,
        "values": [{"day": day.isoformat(), "value": value} for day, value in factor.values],
    }


def factor_from_json(item: object) -> ExportedFactor:
    """A factor read back from the JSON export (checked like one defined and rated here)."""
    if not isinstance(item, dict):
        raise ValidationError("factor", _("must be an object"))
    _keys("factor", item, JSON_KEYS)
    values = item["values"]
    if not isinstance(values, list):
        raise ValidationError("values", _("must be a list"))
    for value in values:
        if not isinstance(value, dict):
            raise ValidationError("values", _("must be a list of objects"))
        _keys("values", value, JSON_VALUE_KEYS)
    return _factor(item["id"], item["name"], item["kind"],
                   [(v["day"], v["value"]) for v in values])


def tags_from_json(value: object) -> tuple[str, ...]:
    """A mood entry's ``tags`` read back: a list of texts, checked as typed tags."""
    if not isinstance(value, list) or not all(isinstance(tag, str) for tag in value):
        raise ValidationError("tags", _("must be a list of texts"))
    return check_tags("tags", value)


def _factor(
    factor_id: object, name: object, kind: object, values: Sequence[tuple[object, object]]
) -> ExportedFactor:
    source_id = check_int("id", factor_id, *_ID_RANGE)
    if not isinstance(name, str):
        raise ValidationError("name", _("must be a text"))
    definition = FactorDefinition(name, factor_kind("kind", kind), source_id)
    days = [_day("day", day) for day, _ in values]
    if days != sorted(set(days)):
        raise ValidationError("day", _("must be one value per day, in day order"))
    checked = tuple(
        (day, check_factor_value("value", definition.kind, value))
        for day, (_, value) in zip(days, values, strict=True)
    )
    return ExportedFactor(definition, checked)


def _keys(what: str, item: Mapping[str, Any], expected: Sequence[str]) -> None:
    missing = [k for k in expected if k not in item]
    if missing:
        raise ValidationError(missing[0], _("is missing"))
    if any(k not in expected for k in item):
        raise ValidationError(what, _("has a key that is not one of: {expected}").format(
            expected=', '.join(expected)))


def _day(field: str, value: object) -> date:
    if not isinstance(value, str):
        raise ValidationError(field, _("must be a date (YYYY-MM-DD)"))
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(field, _("must be a date (YYYY-MM-DD)")) from None


def write_tag_factor_csv(
    folder: Path, tags: Mapping[int, Sequence[str]], factors: Iterable[ExportedFactor]
) -> dict[str, int]:
    """Write ``mood_tag.csv``, ``factor.csv`` and ``factor_value.csv``; row counts."""
    tag_rows = 0
    with atomic_text_writer(folder / TAG_FILE) as handle:
        writer = csv.writer(handle, lineterminator=LINE_TERMINATOR)
        writer.writerow(TAG_COLUMNS)
        for mood_id in sorted(tags):
            for tag in tags[mood_id]:
                writer.writerow([str(mood_id), escape_text(tag)])
                tag_rows += 1
    ordered = sorted(factors, key=lambda f: f.definition.id or 0)
    with atomic_text_writer(folder / FACTOR_FILE) as handle:
        writer = csv.writer(handle, lineterminator=LINE_TERMINATOR)
        writer.writerow(FACTOR_COLUMNS)
        for factor in ordered:
            writer.writerow([str(factor.definition.id), escape_text(factor.definition.name),
                             factor.definition.kind.value])
    value_rows = 0
    with atomic_text_writer(folder / FACTOR_VALUE_FILE) as handle:
        writer = csv.writer(handle, lineterminator=LINE_TERMINATOR)
        writer.writerow(FACTOR_VALUE_COLUMNS)
        for factor in ordered:
            for day, value in factor.values:
                writer.writerow([str(factor.definition.id), day.isoformat(),
                                 value_text(factor.definition.kind, value)])
                value_rows += 1
    return {"mood_tag": tag_rows, "factor": len(ordered), "factor_value": value_rows}


def tags_from_csv(rows: Sequence[tuple[str, Mapping[str, str]]]) -> dict[int, tuple[str, ...]]:
    """Each mood entry's tags (by its id in ``mood.csv``) from the rows of ``mood_tag.csv``.

    Raises :class:`LocatedError` with the row's location.
    """
    found: dict[int, list[str]] = {}
    for location, row in rows:
        try:
            mood_id = check_int("mood_id", _int(row["mood_id"]), *_ID_RANGE)
            found.setdefault(mood_id, []).append(unescape_text(row["tag"]))
            check_tags("tag", found[mood_id])
        except ValidationError as error:
            raise LocatedError(location, error) from None
    return {mood_id: check_tags("tag", names) for mood_id, names in found.items()}


def factors_from_csv(
    factors: Sequence[tuple[str, Mapping[str, str]]],
    values: Sequence[tuple[str, Mapping[str, str]]],
) -> list[tuple[str, ExportedFactor]]:
    """Factors from the rows of the two files, each with where its row is.

    A value is ``yes``/``no`` for a yes/no factor, 0–10 for a scale. Raises
    :class:`LocatedError` with the location of the row.
    """
    by_id: dict[int, list[tuple[str, str, str]]] = {}
    for location, row in values:
        try:
            factor_id = check_int("factor_id", _int(row["factor_id"]), *_ID_RANGE)
            _day("day", row["day"])
        except ValidationError as error:
            raise LocatedError(location, error) from None
        by_id.setdefault(factor_id, []).append((location, row["day"], row["value"]))
    found = []
    for location, row in factors:
        try:
            factor_id = check_int("id", _int(row["id"]), *_ID_RANGE)
            kind = factor_kind("kind", row["kind"].strip())
        except ValidationError as error:
            raise LocatedError(location, error) from None
        parsed: list[tuple[object, object]] = []
        for value_location, day, text in by_id.pop(factor_id, []):
            try:
                parsed.append((day, parse_factor_value("value", kind, text)))
            except ValidationError as error:
                raise LocatedError(value_location, error) from None
        try:
            factor = _factor(factor_id, unescape_text(row["name"]), kind.value, parsed)
        except ValidationError as error:
            raise LocatedError(location, error) from None
        found.append((location, factor))
    if by_id:
        raise LocatedError(FACTOR_VALUE_FILE, ValidationError(
            "factor_id", f"must be the id of a row of {FACTOR_FILE}"))
    return found


def _int(cell: str) -> object:
    text = cell.strip()
    try:
        return int(text)
    except ValueError:
        return text


__all__ = [
    "FACTOR_FILE",
    "FACTOR_VALUE_FILE",
    "TAG_FILE",
    "ExportedFactor",
    "factor_from_json",
    "factor_to_json",
    "factors_from_csv",
    "tags_from_csv",
    "tags_from_json",
    "write_tag_factor_csv",
]
