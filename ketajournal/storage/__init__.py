"""Storage: the SQLCipher-encrypted SQLite journal, its migrations and repositories."""
