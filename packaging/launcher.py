"""The frozen app's entry script: what ``python -m ketajournal`` does, for PyInstaller.

PyInstaller needs a script, not a module name; this one stays valid whatever shape the
CLI takes, as long as ``ketajournal.cli.main`` is the entry point.
"""

from __future__ import annotations

import sys

from ketajournal.cli import main

if __name__ == "__main__":
    sys.exit(main())
