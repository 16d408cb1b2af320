"""The database's own health, for the installer's self-test: schema version and integrity."""
from __future__ import annotations

from dataclasses import dataclass

from .migrations import MIGRATIONS, current_version
from .models import db


@dataclass(frozen=True)
class DatabaseHealth:
    version: int
    latest: int
    #: SQLite's `quick_check` verdict: "ok", or the first problem it found.
    integrity: str

    @property
    def ok(self) -> bool:
        return self.version == self.latest and self.integrity == "ok"


def database_health() -> DatabaseHealth:
    """Check the open database (`open_database` first). `quick_check` reads every page
    but skips the index cross-checks, so it stays fast on a year of sales."""
    row = db.execute_sql("PRAGMA quick_check(1)").fetchone()
    latest = max(m.VERSION for m in MIGRATIONS)
    return DatabaseHealth(current_version(db), latest, str(row[0]) if row else "no answer")
