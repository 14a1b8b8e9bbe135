"""Test set-up for every folder: a headless Qt platform, Hypothesis profiles, the gui marker.

The tree mirrors the package: ``tests/unit/<layer>/test_<module>.py`` (pure, no files),
``tests/integration/<layer>/…`` (real encrypted files, subprocesses) and
``tests/gui/<layer>/…`` (real widgets, offscreen). Shared fixtures (the in-memory
keyring, the fixed clock, a journal, the window) live in :mod:`tests.support.fixtures`;
the set-ups several test files share in :mod:`tests.support.trend_charts` and
:mod:`tests.support.demo_reports` (registered below).
"""

from __future__ import annotations

import os

# Before anything imports Qt: no display in tests, ever.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("KETAJOURNAL_HOME", None)
os.environ.pop("KETAJOURNAL_PASSWORD_FILE", None)
# The journal's English whatever the developer's locale (the CLI and Qt read these);
# tests of other locales set their own. No colour scheme forced either.
os.environ["LC_ALL"] = "C.UTF-8"
os.environ.pop("LANGUAGE", None)  # gettext's list would outrank LC_ALL in language.choose
os.environ.pop("KETAJOURNAL_LANGUAGE", None)
os.environ.pop("KETAJOURNAL_COLOR_SCHEME", None)

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

pytest_plugins = [
    "tests.support.fixtures", "tests.support.trend_charts", "tests.support.demo_reports"
]

# Hypothesis: the default profile (100 examples per target) runs in CI;
# HYPOTHESIS_PROFILE=deep runs 10,000 per target (docs/reliability.md).
hypothesis_settings.register_profile(
    "deep",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that use Qt fixtures are marked ``gui`` so ``-m "not gui"`` runs the core alone."""
    for item in items:
        names = getattr(item, "fixturenames", ())
        if {"qtbot", "qapp", "window"} & set(names):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def qapp(qapp: object) -> object:
    """pytest-qt's application, speaking the window's English (its plural forms included)."""
    from ketajournal import translation

    translation.install("en")
    return qapp
