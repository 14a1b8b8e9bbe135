"""Errors the user can understand and act on, as opposed to bugs.

A :class:`KnownError` carries a message written for the patient. It never
contains entry text or values from the journal, so it can be shown in a dialog,
printed by the CLI or logged. Anything else that escapes is a bug and reaches the
crash handler, which shows no message text at all.
"""

from __future__ import annotations


class KnownError(Exception):
    """An environment or input problem with a message safe to show the user."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
