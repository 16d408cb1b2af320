"""Migration 4: a flag on users whose PIN another user also has (name + PIN login allows it;
PIN-only login must know before it is switched on)."""
from __future__ import annotations

from peewee import BooleanField, Database
from playhouse.migrate import SchemaMigrator, migrate

VERSION = 4
NAME = "pin_shared"


def up(db: Database, migrator: SchemaMigrator) -> None:
    migrate(migrator.add_column("user", "pin_shared", BooleanField(default=False)))
