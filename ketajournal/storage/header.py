"""The journal header: a small non-secret file beside the database.

It names the journal (a random id) so its key can be found in the keyring, and
says which format the files are in. It holds no key and no health data. A
journal database without its header is never opened or replaced silently.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from ketajournal.errors import KnownError
from ketajournal.platform.files import write_text_atomic

FORMAT = "ketajournal-header"
VERSION = 1


class HeaderError(KnownError):
    """The header is missing or unreadable."""


@dataclass(frozen=True)
class JournalHeader:
    """What the header says about its journal."""

    journal_id: str

    @classmethod
    def new(cls) -> JournalHeader:
        """A header for a new journal, with a fresh random id."""
        return cls(journal_id=uuid.uuid4().hex)


def read_header(path: Path) -> JournalHeader:
    """Read the header at ``path``; :class:`HeaderError` if it is missing or damaged."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise HeaderError(
            f"The journal header {path} is missing, so the journal's key cannot be found. "
            "Nothing was changed; restore the header from a backup."
        ) from None
    except (OSError, ValueError):
        raise HeaderError(
            f"The journal header {path} cannot be read. Nothing was changed."
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise HeaderError(f"{path} is not a ketajournal header. Nothing was changed.")
    if not isinstance(data.get("version"), int) or data["version"] > VERSION:
        raise HeaderError(
            f"The journal header {path} is from a newer ketajournal. Update ketajournal to open it."
        )
    journal_id = data.get("journal_id")
    if not isinstance(journal_id, str) or not journal_id:
        raise HeaderError(f"The journal header {path} is damaged. Nothing was changed.")
    return JournalHeader(journal_id=journal_id)


def write_header(path: Path, header: JournalHeader) -> None:
    """Write the header atomically, owner-only."""
    payload = {"format": FORMAT, "version": VERSION, "journal_id": header.journal_id}
    write_text_atomic(path, json.dumps(payload, indent=2) + "\n")
