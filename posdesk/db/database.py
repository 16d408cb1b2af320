"""Opening the lane's database: bind the model proxy, set pragmas, migrate.

Called once by the composition root; tests call it on a file in a temporary directory.
"""
from __future__ import annotations

import logging
from pathlib import Path

from peewee import Database, PeeweeException

from .errors import DatabaseUnavailable
from .migrations import upgrade
from .models import db
from .sqlite import BUSY_TIMEOUT_MS, sqlite_database

log = logging.getLogger(__name__)


def open_database(path: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Database:
    """Open (creating if needed) the SQLite database at `path`, migrate it, and bind the models.
    `busy_timeout_ms` bounds how long a write waits for another writer before failing.

    Raises `DatabaseUnavailable` naming the file when it cannot be created, opened or migrated.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DatabaseUnavailable(f"cannot create the folder for {path}: {e}") from e
    database = sqlite_database(path, busy_timeout_ms)
    try:
        database.connect()
    except PeeweeException as e:
        raise DatabaseUnavailable(f"cannot open database {path}: {e}") from e
    db.initialize(database)
    try:
        applied = upgrade(database)
    except Exception:
        close_database()
        raise
    if applied:
        log.info("database %s migrated: %s", path, ", ".join(applied))
    return database


def close_database() -> None:
    """Close this thread's connection and unbind the models (safe to call twice)."""
    database = db.obj
    if database is None:
        return
    if not database.is_closed():
        database.close()
    db.initialize(None)
