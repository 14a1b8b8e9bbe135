"""Storage: the SQLCipher-encrypted SQLite journal, its migrations and repositories.

Importing this package imports nothing: sqlite-utils is imported (lightly, without
numpy, dateutil's parser or its plugin hooks) by :mod:`ketajournal.storage.handle` at
the journal's first write or migration, not when the journal is opened and read
(docs/performance.md).
"""
