"""Numbered schema migrations and the runner that applies them.

Each migration is a module `mNNNN_name.py` with `VERSION`, `NAME` and `up(db, migrator)`. It
declares frozen copies of the models it touches (never today's `models`), so an old migration
keeps doing what it did when it was written. Each runs in its own transaction together with
its `schema_version` row: a failed migration leaves the schema exactly as it was.
"""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from types import ModuleType

from peewee import Database, DatabaseProxy, IntegerField, Model, TextField
from playhouse.migrate import SchemaMigrator

from ..errors import MigrationFailed
from . import m0001_initial, m0002_legal_hold, m0003_sale_facts, m0004_pin_shared

log = logging.getLogger(__name__)

#: Every migration in the order it must run; append, never reorder or edit.
MIGRATIONS: tuple[ModuleType, ...] = (m0001_initial, m0002_legal_hold, m0003_sale_facts,
                                      m0004_pin_shared)


class _SchemaVersion(Model):
    """The runner's own frozen view of `schema_version`."""

    version = IntegerField(primary_key=True)
    name = TextField()
    applied_utc = TextField()

    class Meta:
        table_name = "schema_version"


def _real(db: Database | DatabaseProxy) -> Database:
    return db.obj if isinstance(db, DatabaseProxy) else db


def current_version(db: Database | DatabaseProxy) -> int:
    """The highest applied migration, 0 for an empty database."""
    real = _real(db)
    with real.bind_ctx([_SchemaVersion]):
        if not _SchemaVersion.table_exists():
            return 0
        return _SchemaVersion.select().order_by(_SchemaVersion.version.desc()).scalar() or 0


def upgrade(db: Database | DatabaseProxy) -> list[str]:
    """Apply every pending migration in order; return the names applied (empty when current)."""
    real = _real(db)
    applied: list[str] = []
    with real.bind_ctx([_SchemaVersion]):
        real.create_tables([_SchemaVersion], safe=True)
        done = {v for (v,) in _SchemaVersion.select(_SchemaVersion.version).tuples()}
        migrator = SchemaMigrator.from_database(real)
        for module in MIGRATIONS:
            if module.VERSION in done:
                continue
            name = f"{module.VERSION:04d}_{module.NAME}"
            try:
                with real.atomic():
                    module.up(real, migrator)
                    _SchemaVersion.create(version=module.VERSION, name=module.NAME,
                                          applied_utc=datetime.now(timezone.utc).isoformat())
            except Exception as e:
                raise MigrationFailed(f"migration {name} failed on {real.database}: {e}") from e
            log.info("applied migration %s", name)
            applied.append(name)
    return applied
