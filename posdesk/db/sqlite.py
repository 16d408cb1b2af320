"""SQLite specifics: the pragmas a till needs and the connection that applies them.

WAL lets the GUI read while the writer thread writes; `synchronous=FULL` because a sale that
the customer has paid must survive a power cut; foreign keys are off by default in SQLite.
"""
from __future__ import annotations

from pathlib import Path

from peewee import SqliteDatabase

#: How long a connection waits for another writer before failing with "database is locked".
BUSY_TIMEOUT_MS: int = 5000

#: Applied by peewee on every new connection (each thread has its own).
PRAGMAS: dict[str, object] = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": BUSY_TIMEOUT_MS,
}


def sqlite_database(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> SqliteDatabase:
    """An unopened SQLite database on `path` with the till's pragmas."""
    pragmas = {**PRAGMAS, "busy_timeout": busy_timeout_ms}
    return SqliteDatabase(str(path), pragmas=pragmas, timeout=busy_timeout_ms / 1000)
