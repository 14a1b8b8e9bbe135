"""Where things are, for tests in any folder: the repository root and the fixtures."""

from __future__ import annotations

from pathlib import Path

#: The repository root (the folder holding ketajournal/, tests/, docs/).
ROOT = Path(__file__).resolve().parents[2]
#: Fixture files: journals of each schema version, other apps' exports.
FIXTURES = ROOT / "tests" / "fixtures"
