"""Unsaved form text that survives a crash: kept in the (encrypted) journal until saved.

A form (Today's note and details, a new or edited entry's dialog) hands its fields
to :meth:`Drafts.keep` a moment after each change; saving the entry or discarding
the form calls :meth:`Drafts.discard`. If the app dies in between, the next start
finds the draft and the form gets its text back. Drafts live in the journal file,
so they are encrypted like the entries and go nowhere else: no temp file, no log,
no export. Keeping a draft never stands in the way of typing: a failed write is
reported to the caller as False, not raised.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import sqlcipher3

from ketajournal.domain.models import KIND_LABELS
from ketajournal.services.journal import Journal
from ketajournal.storage.connection import WriteFailedError
from ketajournal.storage.drafts import DraftRepository, StoredDraft

log = logging.getLogger(__name__)

#: A kept draft: ``form``, ``data`` (the form's fields) and ``saved_at``.
Draft = StoredDraft

_FORM = re.compile(r"^(today|new:[a-z_]+|edit:[a-z_]+:\d+)$")


def form_id(kind: str | None = None, entry_id: int | None = None) -> str:
    """The draft name of a form: ``today``, ``new:<kind>`` or ``edit:<kind>:<id>``."""
    if kind is None:
        return "today"
    return f"new:{kind}" if entry_id is None else f"edit:{kind}:{entry_id}"


def describe_form(form: str) -> str:
    """What a draft is, in words: "A new side effect", "Changes to a session"."""
    if form == "today":
        return "Today's mood note"
    parts = form.split(":")
    label = KIND_LABELS.get(parts[1], parts[1]).lower() if len(parts) > 1 else form
    return f"A new {label}" if parts[0] == "new" else f"Changes to a {label}"


class Drafts:
    """The drafts of one open journal."""

    def __init__(self, journal: Journal) -> None:
        self._repo = DraftRepository(journal._db)  # same connection: one writer
        self._now = journal.now
        self._paused = 0

    def pause(self) -> None:
        """Write nothing until :meth:`resume`: another thread is using the connection."""
        self._paused += 1

    def resume(self) -> None:
        """Undo one :meth:`pause`."""
        self._paused = max(0, self._paused - 1)

    @property
    def paused(self) -> bool:
        """True while a background task owns the connection (writes are refused)."""
        return self._paused > 0

    def keep(self, form: str, data: dict[str, Any]) -> bool:
        """Store the form's current fields; False if the write failed (disk full, read-only)."""
        if not _FORM.match(form):
            raise ValueError("not a form name")
        if self.paused:
            return False
        try:
            self._repo.put(form, data, self._now())
        except (WriteFailedError, sqlcipher3.ProgrammingError) as error:  # full, or closed
            log.warning("draft not kept: %s", type(error).__name__)
            return False
        return True

    def get(self, form: str) -> Draft | None:
        """The kept draft of ``form``, or None."""
        return self._repo.get(form)

    def pending(self) -> list[Draft]:
        """Every kept draft, oldest first (what a crashed session left)."""
        return self._repo.all()

    def discard(self, form: str) -> bool:
        """Forget the draft of ``form`` (after a save or when the user discards it)."""
        if self.paused:
            return False
        try:
            self._repo.delete(form)
        except (WriteFailedError, sqlcipher3.ProgrammingError) as error:
            log.warning("draft not discarded: %s", type(error).__name__)
            return False
        return True
