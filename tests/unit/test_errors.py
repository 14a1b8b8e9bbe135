"""A known error: a message safe to show, and the exit code the CLI returns for it."""

from __future__ import annotations

import pytest

from ketajournal.domain.validation import ValidationError
from ketajournal.errors import KnownError


def test_a_known_error_keeps_its_message_and_exit_code() -> None:
    error = KnownError("The journal folder is not writable.")
    assert str(error) == error.message == "The journal folder is not writable."
    assert error.exit_code == 1
    with pytest.raises(KnownError, match="not writable"):
        raise error


def test_a_subclass_may_choose_its_own_exit_code() -> None:
    error = ValidationError("mood", "must be a whole number from 0 to 10")
    assert isinstance(error, KnownError)
    assert error.exit_code == 2
    assert str(error) == "mood: must be a whole number from 0 to 10"
