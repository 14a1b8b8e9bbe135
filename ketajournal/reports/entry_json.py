"""Entries and planned sessions as the JSON export writes them (pure; docs/export-json.md).

``plan list --json`` writes planned sessions the same way, and the importers' tests
build their files with these.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from enum import StrEnum
from typing import Any

from ketajournal.domain.models import BloodPressure, Entry
from ketajournal.domain.schedules import PlannedItem
from ketajournal.domain.timeutil import local_day, to_iso


def planned_to_json(item: PlannedItem) -> dict[str, Any]:
    """One planned session as ``plan list --json`` and the JSON export write it."""
    plan = item.session
    return {
        "id": item.id,
        "at": to_iso(plan.at),
        "route": plan.route.value,
        "phase": plan.phase.value,
        "dose_mg": plan.dose_mg,
        "clinic": plan.clinic,
        "note": plan.note,
        "status": item.status.value,
        "session_id": item.session_id,
        "template": item.template,
    }


def entry_to_json(entry: Entry) -> dict[str, Any]:
    """One entry as it appears in the JSON export (docs/export-json.md)."""
    data: dict[str, Any] = {
        "id": entry.id, "at": to_iso(entry.at), "day": local_day(entry.at).isoformat()
    }
    for field in dataclasses.fields(entry):
        if field.name in ("id", "at"):
            continue
        value = getattr(entry, field.name)
        if isinstance(value, BloodPressure):
            value = {"systolic": value.systolic, "diastolic": value.diastolic}
        elif isinstance(value, StrEnum):
            value = value.value
        elif isinstance(value, datetime):
            value = to_iso(value)
        elif isinstance(value, tuple):
            value = list(value)
        data[field.name] = value
    return data


__all__ = ["entry_to_json", "planned_to_json"]
