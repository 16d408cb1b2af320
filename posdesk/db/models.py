"""Today's tables, as peewee models bound to the unbound `db` proxy.

Money columns are integer minor units (`*_minor`) in the currency of their sale, shift or
store; quantities and tax percents are decimal strings; timestamps are UTC ISO text
(`fields.UtcDateTimeField`). Nothing here is SQLite-specific, so a database URL can later
select PostgreSQL. Schema changes go through `migrations/`, never through these classes.
"""
from __future__ import annotations

from peewee import (AutoField, BigIntegerField, BooleanField, DatabaseProxy, ForeignKeyField,
                    IntegerField, Model, TextField)

from .fields import JsonField, UtcDateTimeField

#: Bound by `database.open_database`; every model below uses it.
db = DatabaseProxy()


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class SchemaVersion(BaseModel):
    version = IntegerField(primary_key=True)
    name = TextField()
    applied_utc = UtcDateTimeField()


class Store(BaseModel):
    name = TextField()
    address = TextField(default="")
    tax_id = TextField(default="")
    currency = TextField()
    tax_mode = TextField()


class Lane(BaseModel):
    code = TextField(unique=True)
    store = ForeignKeyField(Store, null=True, on_delete="SET NULL")


class User(BaseModel):
    name = TextField(unique=True)
    role = TextField()
    pin_hash = TextField()
    pin_salt = TextField()
    #: KDF parameters per row ("scrypt", n, r, p) so they can be raised later user by user.
    kdf = TextField()
    kdf_n = IntegerField()
    kdf_r = IntegerField()
    kdf_p = IntegerField()
    failed_tries = IntegerField(default=0)
    locked = BooleanField(default=False)
    active = BooleanField(default=True)
    created_utc = UtcDateTimeField()
    #: Another user had the same PIN when this one was set (allowed with name + PIN login,
    #: refused by PIN-only login). Stays set until this user's PIN is changed.
    pin_shared = BooleanField(default=False)


class TaxRateRow(BaseModel):
    code = TextField(unique=True)
    percent = TextField()
    name = TextField(default="")

    class Meta:
        table_name = "tax_rate"


class Product(BaseModel):
    sku = TextField(unique=True)
    plu = TextField(null=True, unique=True)
    name = TextField()
    #: `name` case-folded, for case-insensitive search that also works on PostgreSQL.
    name_key = TextField(index=True)
    price_minor = BigIntegerField()
    tax_code = ForeignKeyField(TaxRateRow, field="code", column_name="tax_code",
                               on_update="CASCADE")
    category = TextField(default="")
    unit = TextField(default="")
    min_age = IntegerField(default=0)
    active = BooleanField(default=True)


class Barcode(BaseModel):
    #: Normalised GTIN (UPC-A kept as its 13-digit EAN form).
    code = TextField(primary_key=True)
    product = ForeignKeyField(Product, backref="barcode_rows", on_delete="CASCADE", index=True)


class Shift(BaseModel):
    lane = TextField(index=True)
    user = TextField()
    currency = TextField()
    opened_utc = UtcDateTimeField()
    closed_utc = UtcDateTimeField(null=True)
    closed_by = TextField(null=True)
    float_minor = BigIntegerField()
    counted_minor = BigIntegerField(null=True)
    #: "open" or "closed"; a closed shift has had its Z report.
    state = TextField(default="open")


class CashMovement(BaseModel):
    shift = ForeignKeyField(Shift, backref="movements", on_delete="CASCADE")
    #: "in" or "out".
    direction = TextField()
    amount_minor = BigIntegerField()
    reason = TextField(default="")
    user = TextField()
    utc = UtcDateTimeField()


class Sale(BaseModel):
    id = TextField(primary_key=True)
    lane = TextField()
    kind = TextField()
    state = TextField()
    cashier = TextField()
    started_utc = UtcDateTimeField()
    ended_utc = UtcDateTimeField(null=True)
    #: Gapless per lane; NULL until the sale completes.
    receipt_no = IntegerField(null=True)
    currency = TextField()
    tax_mode = TextField()
    subtotal_minor = BigIntegerField(default=0)
    discount_minor = BigIntegerField(default=0)
    total_minor = BigIntegerField(default=0)
    rounding_minor = BigIntegerField(default=0)
    change_minor = BigIntegerField(default=0)
    original_receipt = TextField(null=True)
    original_sale = ForeignKeyField("self", null=True, backref="returns", on_delete="SET NULL")
    shift = ForeignKeyField(Shift, null=True, backref="sales", on_delete="SET NULL")

    class Meta:
        indexes = ((("lane", "receipt_no"), True), (("lane", "state"), False),
                   (("started_utc",), False))


class SaleLine(BaseModel):
    sale = ForeignKeyField(Sale, backref="line_rows", on_delete="CASCADE")
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
    #: After the line's own discount.
    amount_minor = BigIntegerField()
    #: After the line's share of the sale discount too: what the customer paid for it.
    net_amount_minor = BigIntegerField()
    original_price_minor = BigIntegerField(null=True)
    voided = BooleanField(default=False)
    returns_line = IntegerField(null=True)

    class Meta:
        indexes = ((("sale", "line_id"), True),)


class SaleTax(BaseModel):
    sale = ForeignKeyField(Sale, backref="tax_rows", on_delete="CASCADE")
    code = TextField()
    percent = TextField()
    name = TextField(default="")
    net_minor = BigIntegerField()
    tax_minor = BigIntegerField()
    gross_minor = BigIntegerField()

    class Meta:
        indexes = ((("sale", "code"), True),)


class Payment(BaseModel):
    sale = ForeignKeyField(Sale, backref="payment_rows", on_delete="CASCADE")
    payment_id = TextField(unique=True)
    tender = TextField()
    amount_minor = BigIntegerField()
    status = TextField()
    tendered_minor = BigIntegerField(null=True)
    change_minor = BigIntegerField(null=True)
    #: Terminal answer with card numbers masked (see `sale_rows.masked`).
    details = JsonField(default=dict)


class JournalEventRow(BaseModel):
    sale = ForeignKeyField(Sale, backref="event_rows", on_delete="CASCADE")
    seq = IntegerField()
    kind = TextField()
    utc = UtcDateTimeField()
    mono_ns = BigIntegerField()
    data = JsonField()

    class Meta:
        table_name = "journal_event"
        indexes = ((("sale", "seq"), True),)


class ReceiptCounter(BaseModel):
    lane = TextField(primary_key=True)
    last_no = IntegerField()


class AuditLog(BaseModel):
    id = AutoField()
    utc = UtcDateTimeField(index=True)
    user = TextField()
    action = TextField()
    details = JsonField(default=dict)


class Recording(BaseModel):
    sale = ForeignKeyField(Sale, backref="recordings", on_delete="CASCADE")
    #: Relative to the data directory, so the directory can move.
    clip_path = TextField()
    manifest_path = TextField(null=True)
    size = BigIntegerField(default=0)
    sha256 = TextField(null=True)
    status = TextField()
    duration_ms = BigIntegerField(null=True)
    key_ids = JsonField(default=list)
    #: A disputed sale's clip is kept whatever its age.
    legal_hold = BooleanField(default=False)
    created_utc = UtcDateTimeField()
    updated_utc = UtcDateTimeField()


class SaleFacts(BaseModel):
    """What the viewer's search reads of a finished sale besides its row, extracted once
    from its journal and payments (see `db/sale_facts.py`)."""

    sale = ForeignKeyField(Sale, primary_key=True, on_delete="CASCADE")
    #: Tenders of the approved payments, sorted, comma-separated ("card,cash").
    tenders = TextField(default="")
    #: Mark values (`core.sale_marks.Mark`), comma-separated, in journal order, unique.
    marks = TextField(default="")


class SaleMark(BaseModel):
    """One exception mark of a sale and the journal event that set it."""

    sale = ForeignKeyField(Sale, on_delete="CASCADE", index=True)
    mark = TextField()
    seq = IntegerField(null=True)
    #: The sale's start, copied so marks are searched by time without touching `sale`.
    started_utc = UtcDateTimeField()

    class Meta:
        # Covering (with the sale) so the newest marked sales come from the index alone.
        indexes = ((("mark", "started_utc", "sale"), False),)


#: Every model, parents before children (creation order).
ALL_MODELS: tuple[type[BaseModel], ...] = (
    SchemaVersion, Store, Lane, User, TaxRateRow, Product, Barcode, Shift, CashMovement, Sale,
    SaleLine, SaleTax, Payment, JournalEventRow, ReceiptCounter, AuditLog, Recording,
    SaleFacts, SaleMark)
