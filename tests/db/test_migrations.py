from types import SimpleNamespace

import pytest
from peewee import TextField, Model

from posdesk.db import migrations
from posdesk.db.database import close_database, open_database
from posdesk.db.errors import MigrationFailed
from posdesk.db.migrations import current_version, upgrade
from posdesk.db.models import ALL_MODELS


def test_migrations_create_every_table_on_an_empty_file_in_wal_mode(db_path):
    db = open_database(db_path)
    try:
        assert db_path.exists()
        assert current_version(db) == len(migrations.MIGRATIONS)
        assert set(db.get_tables()) >= {m._meta.table_name for m in ALL_MODELS}
        assert db.execute_sql("pragma journal_mode").fetchone()[0] == "wal"
        assert db.execute_sql("pragma foreign_keys").fetchone()[0] == 1
        assert db.execute_sql("pragma synchronous").fetchone()[0] == 2  # FULL
    finally:
        close_database()


def test_upgrade_is_idempotent_and_reopening_applies_nothing(db_path):
    db = open_database(db_path)
    assert upgrade(db) == []
    close_database()
    db = open_database(db_path)
    try:
        assert upgrade(db) == []
        assert db.execute_sql("select count(*) from schema_version").fetchone()[0] == len(migrations.MIGRATIONS)
    finally:
        close_database()


def test_today_models_match_the_migrated_columns(database):
    for model in ALL_MODELS:
        stored = {c.name for c in database.get_columns(model._meta.table_name)}
        assert stored == {f.column_name for f in model._meta.sorted_fields}, model.__name__


def test_a_failing_migration_leaves_the_schema_as_it_was(database, monkeypatch):
    class Half(Model):
        name = TextField()

        class Meta:
            table_name = "half_done"

    def up(db, migrator):
        with db.bind_ctx([Half]):
            db.create_tables([Half])
        raise RuntimeError("disk on fire")

    broken = SimpleNamespace(VERSION=99, NAME="broken", up=up)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + (broken,))
    with pytest.raises(MigrationFailed, match="0099_broken"):
        upgrade(database)
    assert "half_done" not in database.get_tables()
    assert current_version(database) == len(migrations.MIGRATIONS) - 1
