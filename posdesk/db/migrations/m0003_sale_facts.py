"""Migration 3: what the manager's search needs to stay fast on a million sales.

The exception marks and tenders of each finished sale (extracted once from its journal),
and indexes for the filters a manager combines with a time range.
"""
from __future__ import annotations

from peewee import Database, ForeignKeyField, IntegerField, Model, TextField
from playhouse.migrate import SchemaMigrator


VERSION = 3
NAME = "sale_facts"


class _Base(Model):
    class Meta:
        legacy_table_names = False


class Sale(_Base):
    id = TextField(primary_key=True)


class SaleFacts(_Base):
    sale = ForeignKeyField(Sale, primary_key=True, on_delete="CASCADE")
    tenders = TextField(default="")
    marks = TextField(default="")


class SaleMark(_Base):
    sale = ForeignKeyField(Sale, on_delete="CASCADE", index=True)
    mark = TextField()
    seq = IntegerField(null=True)
    started_utc = TextField()

    class Meta:
        # Covering (with the sale) so the newest marked sales come from the index alone.
        indexes = ((("mark", "started_utc", "sale"), False),)


#: (index name, table, columns) of the search filters.
_INDEXES = (
    ("sale_lane_started", "sale", ("lane", "started_utc")),
    ("sale_cashier_started", "sale", ("cashier", "started_utc")),
    ("sale_total", "sale", ("total_minor",)),
    # Covering: "does this sale have that product" is answered from the index alone.
    ("sale_line_sale_sku", "sale_line", ("sale_id", "sku")),
    ("payment_tender_sale", "payment", ("tender", "sale_id")),
    ("recording_status_sale", "recording", ("status", "sale_id")),
)


def up(db: Database, migrator: SchemaMigrator) -> None:
    with db.bind_ctx([Sale, SaleFacts, SaleMark]):
        db.create_tables([SaleFacts, SaleMark])
    for name, table, columns in _INDEXES:
        db.execute_sql(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" '
                       f'({", ".join(chr(34) + c + chr(34) for c in columns)})')
