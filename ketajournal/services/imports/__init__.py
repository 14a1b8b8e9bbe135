"""Readers for other apps' exports (Daylio, eMoods, Bearable, any CSV): files in, entries out.

Each reader is pure: it reads one file, validates every row, and returns a
:class:`~ketajournal.services.imports.common.ParsedImport` (mood entries with
their tags, plus medications where the format has them) or raises
:class:`~ketajournal.services.imports.common.ImportRejectedError` naming the file,
line and field. Nothing is written anywhere; matching against the journal, the
backup and the transaction belong to the import use case. See docs/import.md.
"""
