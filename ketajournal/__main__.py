"""Run ketajournal with ``python -m ketajournal``."""

from __future__ import annotations

import sys

from ketajournal.cli import main

sys.exit(main())
