"""Persistence: SQLite in WAL mode, owned by one writer thread."""
