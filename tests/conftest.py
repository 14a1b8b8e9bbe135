"""Shared fixtures: a headless Qt platform, an in-memory keyring, a fixed clock, a home."""

from __future__ import annotations

import os

# Before anything imports Qt: no display in tests, ever.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("KETAJOURNAL_HOME", None)
os.environ.pop("KETAJOURNAL_PASSWORD_FILE", None)

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import keyring
import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from ketajournal.platform.keystore import KeyringKeyStore
from ketajournal.platform.paths import JournalPaths
from ketajournal.services.journal import Journal
from ketajournal.services.opening import open_journal
from tests.support.keyrings import MemoryKeyring

# Hypothesis: the default profile (100 examples per target) runs in CI;
# HYPOTHESIS_PROFILE=deep runs 10,000 per target (docs/reliability.md).
hypothesis_settings.register_profile(
    "deep",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

#: "Now" in tests: a fixed Friday evening, UTC+1.
NOW = datetime(2026, 11, 27, 21, 0, tzinfo=timezone(timedelta(hours=1)))


class FixedClock:
    """A clock that says what the test wants; ``advance`` moves it."""

    def __init__(self, now: datetime = NOW) -> None:
        self.current = now

    def __call__(self) -> datetime:
        return self.current

    def advance(self, delta: timedelta) -> None:
        self.current += delta


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that use Qt fixtures are marked ``gui`` so ``-m "not gui"`` runs the core alone."""
    for item in items:
        names = getattr(item, "fixturenames", ())
        if {"qtbot", "qapp"} & set(names):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test runs against a fresh in-memory keyring, never the machine's."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def paths(home: Path) -> JournalPaths:
    return JournalPaths(home)


@pytest.fixture
def journal(paths: JournalPaths, clock: FixedClock) -> Iterator[Journal]:
    """A new, empty, encrypted journal in ``tmp_path``."""
    j = open_journal(paths, KeyringKeyStore(), clock=clock)
    yield j
    j.close()
