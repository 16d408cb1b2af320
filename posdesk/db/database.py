"""Opening the lane's database: bind the model proxy, set pragmas, migrate.

Called once by the composition root; tests call it on a file in a temporary directory.
"""
from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from peewee import Database, DatabaseError, OperationalError, PeeweeException

from .errors import DatabaseUnavailable, NotTheLanesDatabase
from .migrations import upgrade
from .models import ReceiptCounter, db
from .sqlite import BUSY_TIMEOUT_MS, sqlite_database

log = logging.getLogger(__name__)


def open_database(path: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS,
                  check_integrity: bool = False) -> Database:
    """Open (creating if needed) the SQLite database at `path`, migrate it, and bind the models.
    `busy_timeout_ms` bounds how long a write waits for another writer before failing;
    `check_integrity` runs SQLite's full integrity check before anything is written.

    Raises `DatabaseUnavailable` naming the file when it cannot be created, opened or migrated,
    and `NotTheLanesDatabase` when the file is there but is no sound database: an empty
    (0-byte) file would otherwise pass for a brand-new lane and hand out receipt numbers
    that were printed before.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DatabaseUnavailable(f"cannot create the folder for {path}: {e}") from e
    if path.exists() and path.stat().st_size == 0:
        raise NotTheLanesDatabase(f"{path} is empty (0 bytes), so it is not this lane's database: "
                                  "restore it from a backup (a new lane starts without the file)")
    database = sqlite_database(path, busy_timeout_ms)
    try:
        database.connect()
    except DatabaseError as e:  # "file is not a database": the pragmas are the first reads
        raise NotTheLanesDatabase(f"{path} is not a readable database ({e}): restore it "
                                  "from a backup") from e
    except PeeweeException as e:
        raise DatabaseUnavailable(f"cannot open database {path}: {e}") from e
    if check_integrity:
        _check_integrity(database, path)
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


def _check_integrity(database: Database, path: Path) -> None:
    try:
        problems = [row[0] for row in database.execute_sql("PRAGMA integrity_check").fetchall()]
    except (DatabaseError, OperationalError, sqlite3.DatabaseError) as e:  # rows are read raw
        database.close()
        raise NotTheLanesDatabase(f"{path} failed its integrity check ({e}): restore it from a backup") from e
    if problems != ["ok"]:
        database.close()
        shown = "; ".join(problems[:3]) + (f" (and {len(problems) - 3} more)" if len(problems) > 3 else "")
        raise NotTheLanesDatabase(f"{path} failed its integrity check: {shown}; nothing was "
                                  "changed: restore it from a backup")


def check_lane(lane: str) -> None:
    """Refuse a database that holds another lane's sales and none of `lane`'s: a file copied
    from the next till would continue that till's receipt numbers and evidence chain."""
    found = sorted({row.lane for row in ReceiptCounter.select(ReceiptCounter.lane)})
    if found and lane not in found:
        path = getattr(db.obj, "database", "the database")
        raise NotTheLanesDatabase(f"{path} belongs to lane {', '.join(found)}, not to this lane "
                                  f"({lane}): check lane.id or the data directory")
