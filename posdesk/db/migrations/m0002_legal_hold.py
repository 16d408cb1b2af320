"""Migration 2: a legal-hold flag on recordings, so retention never purges a disputed clip."""
from __future__ import annotations

from peewee import BooleanField, Database
from playhouse.migrate import SchemaMigrator, migrate

VERSION = 2
NAME = "legal_hold"


def up(db: Database, migrator: SchemaMigrator) -> None:
    migrate(migrator.add_column("recording", "legal_hold", BooleanField(default=False)))
