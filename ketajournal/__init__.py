"""ketajournal: a private, local-first journal for ketamine and esketamine therapy.

Importing this package has no side effects; the composition roots are
:mod:`ketajournal.cli` (commands) and :mod:`ketajournal.app` (the window).
"""

from __future__ import annotations

__version__ = "0.1.0"

APP_ID = "org.ketajournal.KetaJournal"
APP_NAME = "ketajournal"
APP_TITLE = "KetaJournal"
