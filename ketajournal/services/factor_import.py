"""The tags and factors of an import: read from our JSON or CSV export, matched, added.

Read and checked before anything is written, like the entries
(:mod:`.import_reading`). Tags travel with their mood entries (an entry skipped as a
duplicate is skipped with its tags). A factor is matched to the journal's by name
(ignoring case): a day's value the journal already holds is skipped and counted; a
different value for that day, a factor of the same name rated another way, or more
factors than a journal may define refuses the import, naming where. The new
definitions and values are saved in the import's one transaction
(:func:`ketajournal.services.exchange.import_batch`, through
:meth:`Journal.insert_imported_factors`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ketajournal.domain.tags import MAX_FACTORS, FactorDefinition
from ketajournal.domain.validation import ValidationError
from ketajournal.language import gettext as _
from ketajournal.reports import csv_export
from ketajournal.reports.factor_formats import (
    FACTOR_COLUMNS,
    FACTOR_FILE,
    FACTOR_VALUE_COLUMNS,
    FACTOR_VALUE_FILE,
    TAG_COLUMNS,
    TAG_FILE,
    ExportedFactor,
    factor_from_json,
    factors_from_csv,
    tags_from_csv,
)
from ketajournal.reports.medication_formats import LocatedError
from ketajournal.services.import_reading import ImportRecord
from ketajournal.services.imports.common import ImportRejectedError, rejected
from ketajournal.services.medication_import import read_csv_rows

#: Where each factor was read (``export.json: factors[0]``), and the factor.
LocatedFactor = tuple[str, ExportedFactor]


@dataclass(frozen=True)
class FactorPlan:
    """What an import does to the patient's factors."""

    #: Definitions the journal does not have yet (without ids).
    to_define: tuple[FactorDefinition, ...] = ()
    #: Values to store: (factor key, day, value).
    values: tuple[tuple[str, date, int], ...] = ()
    #: Values the journal already holds, skipped.
    skipped: int = 0


def factors_from_json(items: object, display: str) -> tuple[LocatedFactor, ...]:
    """The factors of a JSON export's ``factors`` value as read (``display``: the file's
    name), each checked; the first bad one refuses the import."""
    if not isinstance(items, list):
        raise ImportRejectedError(display, "factors", _("must be a list"))
    found = []
    for index, item in enumerate(items):
        location = f"{display}: factors[{index}]"
        try:
            found.append((location, factor_from_json(item)))
        except ValidationError as error:
            raise rejected(location, error) from None
    _check_unique(found)
    return tuple(found)


def read_folder_factors(folder: Path) -> tuple[LocatedFactor, ...]:
    """The factors in a CSV export folder (``factor.csv`` and ``factor_value.csv`` go
    together; a folder with neither, from before factors travelled, has none)."""
    factors, values = folder / FACTOR_FILE, folder / FACTOR_VALUE_FILE
    if not factors.is_file() and not values.is_file():
        return ()
    for path in (factors, values):
        if not path.is_file():
            raise ImportRejectedError(
                path.name, "", _("is missing: {factor_file} and "
                                 "{factor_value_file} go together").format(
                    factor_file=FACTOR_FILE, factor_value_file=FACTOR_VALUE_FILE))
    try:
        found = factors_from_csv(read_csv_rows(factors, FACTOR_COLUMNS),
                                 read_csv_rows(values, FACTOR_VALUE_COLUMNS))
    except LocatedError as error:
        raise rejected(error.location, error.error) from None
    _check_unique(found)
    return tuple(found)


def with_folder_tags(folder: Path, records: Sequence[ImportRecord]) -> list[ImportRecord]:
    """``records`` (a CSV export folder's) with the tags of ``mood_tag.csv``, if it is there.

    Refuses a tag row whose ``mood_id`` is not a row of ``mood.csv``.
    """
    path = folder / TAG_FILE
    if not path.is_file():
        return list(records)
    try:
        tags = tags_from_csv(read_csv_rows(path, TAG_COLUMNS))
    except LocatedError as error:
        raise rejected(error.location, error.error) from None
    moods = {r.source_id for r in records if r.kind == "mood"}
    unknown = sorted(set(tags) - moods)
    if unknown:
        raise ImportRejectedError(TAG_FILE, "mood_id", _("must be the id of a row of "
                                    "{mood}").format(mood=csv_export.file_name('mood')))
    return [
        dataclasses.replace(r, tags=tags[r.source_id])
        if r.kind == "mood" and r.source_id in tags else r
        for r in records
    ]


def _check_unique(found: Sequence[LocatedFactor]) -> None:
    ids: set[int | None] = set()
    keys: set[str] = set()
    for location, factor in found:
        if factor.definition.id in ids:
            raise ImportRejectedError(location, "id", _("is used by an earlier factor"))
        if factor.definition.key in keys:
            raise ImportRejectedError(location, "name", _("is the name of an earlier factor"))
        ids.add(factor.definition.id)
        keys.add(factor.definition.key)


def plan_factors(
    existing: Sequence[FactorDefinition],
    existing_values: Mapping[int, Mapping[date, int]],
    found: Sequence[LocatedFactor],
    today: date,
) -> FactorPlan:
    """Match ``found`` against the journal's factors (``existing`` with their values by
    factor id); refuse a conflict, a value after ``today`` or too many factors."""
    by_key = {f.key: f for f in existing}
    to_define: list[FactorDefinition] = []
    values: list[tuple[str, date, int]] = []
    skipped = 0
    for location, factor in found:
        definition = factor.definition
        old = by_key.get(definition.key)
        held: Mapping[date, int] = {}
        if old is None:
            to_define.append(dataclasses.replace(definition, id=None))
        elif old.kind is not definition.kind:
            raise ImportRejectedError(location, "kind", _("differs from the factor of the same "
                                        "name in the journal (rated another way)"))
        else:
            assert old.id is not None
            held = existing_values.get(old.id, {})
        for day, value in factor.values:
            if day > today:
                raise ImportRejectedError(location, "day", _("must not be in the future"))
            if day in held:
                if held[day] != value:
                    raise ImportRejectedError(
                        location, "value", _("on {isoformat} differs from the value the "
                          "journal holds for that day").format(isoformat=day.isoformat()))
                skipped += 1
                continue
            values.append((definition.key, day, value))
    if len(existing) + len(to_define) > MAX_FACTORS:
        raise ImportRejectedError("factors", "factor",
                                  _("at most {max_factors} factors can be defined "
                                    "in a journal").format(max_factors=MAX_FACTORS))
    return FactorPlan(tuple(to_define), tuple(values), skipped)


__all__ = [
    "FactorPlan",
    "LocatedFactor",
    "factors_from_json",
    "plan_factors",
    "read_folder_factors",
    "with_folder_tags",
]
