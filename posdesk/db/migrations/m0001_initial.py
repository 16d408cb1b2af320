"""Migration 1: the first schema. Frozen copies of the tables as they were at version 1."""
from __future__ import annotations

from peewee import (AutoField, BigIntegerField, BooleanField, Database, ForeignKeyField,
                    IntegerField, Model, TextField)
from playhouse.migrate import SchemaMigrator

VERSION = 1
NAME = "initial"


class _Base(Model):
    class Meta:
        legacy_table_names = False


class Store(_Base):
    name = TextField()
    address = TextField(default="")
    tax_id = TextField(default="")
    currency = TextField()
    tax_mode = TextField()


class Lane(_Base):
    code = TextField(unique=True)
    store = ForeignKeyField(Store, null=True, on_delete="SET NULL")


class User(_Base):
    name = TextField(unique=True)
    role = TextField()
    pin_hash = TextField()
    pin_salt = TextField()
    kdf = TextField()
    kdf_n = IntegerField()
    kdf_r = IntegerField()
    kdf_p = IntegerField()
    failed_tries = IntegerField(default=0)
    locked = BooleanField(default=False)
    active = BooleanField(default=True)
    created_utc = TextField()


class TaxRateRow(_Base):
    code = TextField(unique=True)
    percent = TextField()
    name = TextField(default="")

    class Meta:
        table_name = "tax_rate"


class Product(_Base):
    sku = TextField(unique=True)
    plu = TextField(null=True, unique=True)
    name = TextField()
    name_key = TextField(index=True)
    price_minor = BigIntegerField()
    tax_code = ForeignKeyField(TaxRateRow, field="code", column_name="tax_code",
                               on_update="CASCADE")
    category = TextField(default="")
    unit = TextField(default="")
    min_age = IntegerField(default=0)
    active = BooleanField(default=True)


class Barcode(_Base):
    code = TextField(primary_key=True)
    product = ForeignKeyField(Product, on_delete="CASCADE", index=True)


class Shift(_Base):
    lane = TextField(index=True)
    user = TextField()
    currency = TextField()
    opened_utc = TextField()
    closed_utc = TextField(null=True)
    closed_by = TextField(null=True)
    float_minor = BigIntegerField()
    counted_minor = BigIntegerField(null=True)
    state = TextField(default="open")


class CashMovement(_Base):
    shift = ForeignKeyField(Shift, on_delete="CASCADE")
    direction = TextField()
    amount_minor = BigIntegerField()
    reason = TextField(default="")
    user = TextField()
    utc = TextField()


class Sale(_Base):
    id = TextField(primary_key=True)
    lane = TextField()
    kind = TextField()
    state = TextField()
    cashier = TextField()
    started_utc = TextField()
    ended_utc = TextField(null=True)
    receipt_no = IntegerField(null=True)
    currency = TextField()
    tax_mode = TextField()
    subtotal_minor = BigIntegerField(default=0)
    discount_minor = BigIntegerField(default=0)
    total_minor = BigIntegerField(default=0)
    rounding_minor = BigIntegerField(default=0)
    change_minor = BigIntegerField(default=0)
    original_receipt = TextField(null=True)
    original_sale = ForeignKeyField("self", null=True, on_delete="SET NULL")
    shift = ForeignKeyField(Shift, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("lane", "receipt_no"), True), (("lane", "state"), False),
                   (("started_utc",), False))


class SaleLine(_Base):
    sale = ForeignKeyField(Sale, on_delete="CASCADE")
    line_id = IntegerField()
    product_id = IntegerField(null=True)
    sku = TextField()
    name = TextField()
    unit_price_minor = BigIntegerField()
    quantity = TextField()
    unit = TextField(default="")
    category = TextField(default="")
    tax_code = TextField()
    tax_percent = TextField()
    tax_name = TextField(default="")
    discount_minor = BigIntegerField(default=0)
    amount_minor = BigIntegerField()
    net_amount_minor = BigIntegerField()
    original_price_minor = BigIntegerField(null=True)
    voided = BooleanField(default=False)
    returns_line = IntegerField(null=True)

    class Meta:
        indexes = ((("sale", "line_id"), True),)


class SaleTax(_Base):
    sale = ForeignKeyField(Sale, on_delete="CASCADE")
    code = TextField()
    percent = TextField()
    name = TextField(default="")
    net_minor = BigIntegerField()
    tax_minor = BigIntegerField()
    gross_minor = BigIntegerField()

    class Meta:
        indexes = ((("sale", "code"), True),)


class Payment(_Base):
    sale = ForeignKeyField(Sale, on_delete="CASCADE")
    payment_id = TextField(unique=True)
    tender = TextField()
    amount_minor = BigIntegerField()
    status = TextField()
    tendered_minor = BigIntegerField(null=True)
    change_minor = BigIntegerField(null=True)
    details = TextField(default="{}")


class JournalEventRow(_Base):
    sale = ForeignKeyField(Sale, on_delete="CASCADE")
    seq = IntegerField()
    kind = TextField()
    utc = TextField()
    mono_ns = BigIntegerField()
    data = TextField()

    class Meta:
        table_name = "journal_event"
        indexes = ((("sale", "seq"), True),)


class ReceiptCounter(_Base):
    lane = TextField(primary_key=True)
    last_no = IntegerField()


class AuditLog(_Base):
    id = AutoField()
    utc = TextField(index=True)
    user = TextField()
    action = TextField()
    details = TextField(default="{}")


class Recording(_Base):
    sale = ForeignKeyField(Sale, on_delete="CASCADE")
    clip_path = TextField()
    manifest_path = TextField(null=True)
    size = BigIntegerField(default=0)
    sha256 = TextField(null=True)
    status = TextField()
    duration_ms = BigIntegerField(null=True)
    key_ids = TextField(default="[]")
    created_utc = TextField()
    updated_utc = TextField()


_TABLES = (Store, Lane, User, TaxRateRow, Product, Barcode, Shift, CashMovement, Sale,
           SaleLine, SaleTax, Payment, JournalEventRow, ReceiptCounter, AuditLog, Recording)


def up(db: Database, migrator: SchemaMigrator) -> None:
    with db.bind_ctx(_TABLES):
        db.create_tables(_TABLES)
