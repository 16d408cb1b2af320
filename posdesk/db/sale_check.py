"""Do a lane's stored sale rows say what its journals say?

The journal is what the evidence chain signs; the sale, line and payment rows are what
`sales list`, reports and returns read. Someone who edits a row (`UPDATE sale SET
total_minor = 99`) leaves the signed journal alone, so replaying the journal and comparing
finds the edit. Rows are loaded in a few bulk queries: verify runs over every sale.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterable

from posdesk.core.clock import SystemClock
from posdesk.core.journal import JournalEvent
from posdesk.core.sale import Sale

from . import sale_rows
from .models import JournalEventRow, Payment, ReceiptCounter, SaleLine
from .models import Sale as SaleRow

log = logging.getLogger(__name__)

#: Sale row columns that follow from the journal (`ended_utc` depends on later notes).
SALE_COLUMNS = ("state", "subtotal_minor", "discount_minor", "total_minor", "rounding_minor",
                "change_minor")
#: Query size for bulk loads (SQLite's variable limit is 32766).
CHUNK = 900


@dataclass(frozen=True)
class ReplayedSale:
    """A sale as its signed journal prefix replays, and where the rows differ from it."""

    sale_id: str
    receipt_no: int | None
    difference: str | None


def lane_journals(lane: str) -> dict[str, list[JournalEvent]]:
    """Every journal of the lane's sales, by sale, in one query (verify reads them all)."""
    query = (JournalEventRow.select(JournalEventRow.sale, JournalEventRow.seq,
                                    JournalEventRow.kind, JournalEventRow.utc,
                                    JournalEventRow.mono_ns, JournalEventRow.data)
             .join(SaleRow).where(SaleRow.lane == lane)
             .order_by(JournalEventRow.sale, JournalEventRow.seq).tuples())
    journals: dict[str, list[JournalEvent]] = defaultdict(list)
    for sale_id, seq, kind, utc, mono_ns, data in query:
        journals[sale_id].append(JournalEvent(seq, kind, utc, mono_ns, data))
    return journals


def check_sales(signed: dict[str, int],
                journals: dict[str, list[JournalEvent]]) -> list[ReplayedSale]:
    """Replay the first `signed[sale_id]` events of each sale's journal (from `journals`,
    as `lane_journals` loads them) and compare the sale's rows with the result.

    A sale missing from the database comes back with a difference saying so, unless its
    signed journal is empty (the lane died before the first event reached the database).
    """
    ids = list(signed)
    lines = _grouped(ids, SaleLine, SaleLine.line_id)
    payments = _grouped(ids, Payment, Payment.id)
    rows: dict[str, SaleRow] = {}
    for chunk in _chunks(ids):
        rows.update({r.id: r for r in SaleRow.select().where(SaleRow.id.in_(chunk))})
    clock = SystemClock()
    out = []
    for sale_id in ids:
        journal = journals.get(sale_id, [])[:signed[sale_id]]
        row = rows.get(sale_id)
        if row is None and signed[sale_id] == 0:
            # Signed with no journal at all: the lane died after the clip opened and before
            # the sale's first event reached the database. Nothing was kept, nothing is lost.
            continue
        if row is None:
            out.append(ReplayedSale(sale_id, None, "the sale row is gone"))
            continue
        try:
            sale = Sale.replay(journal, clock)
        except Exception as e:  # noqa: BLE001 - any journal that does not replay is a finding
            out.append(ReplayedSale(sale_id, row.receipt_no, f"the journal does not replay: {e}"))
            continue
        receipt = int(sale.receipt_no) if sale.receipt_no is not None else None
        out.append(ReplayedSale(sale_id, receipt, _difference(sale, row, lines[sale_id],
                                                              payments[sale_id], journal)))
    return out


def last_receipt(lane: str) -> int:
    """The highest receipt number the lane's rows or counter know."""
    counter = ReceiptCounter.select(ReceiptCounter.last_no).where(ReceiptCounter.lane == lane).scalar()
    highest = SaleRow.select(SaleRow.receipt_no).where(SaleRow.lane == lane) \
        .order_by(SaleRow.receipt_no.desc()).limit(1).scalar()
    return max(counter or 0, highest or 0)


def lanes_in_database() -> list[str]:
    return [lane for (lane,) in SaleRow.select(SaleRow.lane).distinct().tuples()]


def _difference(sale: Sale, row: SaleRow, lines: list[dict[str, Any]],
                payments: list[dict[str, Any]],
                journal: list[JournalEvent]) -> str | None:
    if not journal:
        return "the database holds none of the signed journal events"
    expected = sale_rows.sale_fields(sale)
    for column in SALE_COLUMNS:
        if getattr(row, column) != expected[column]:
            return (f"sale.{column} is {getattr(row, column)!r} in the database, "
                    f"{expected[column]!r} by the signed journal")
    if receipt := (int(sale.receipt_no) if sale.receipt_no is not None else None):
        if row.receipt_no != receipt:
            return f"sale.receipt_no is {row.receipt_no!r}, {receipt} by the signed journal"
    return (_rows_differ("sale_line", lines, sale_rows.line_rows(sale), "line_id")
            or _rows_differ("payment", payments, sale_rows.payment_rows(sale), "payment_id"))


def _rows_differ(table: str, stored: list[Any], expected: list[dict[str, Any]],
                 key: str) -> str | None:
    have = {r[key]: r for r in stored}
    want = {e[key]: e for e in expected}
    if set(have) != set(want):
        return f"{table} rows {sorted(have)} in the database, {sorted(want)} by the signed journal"
    for k, fields in want.items():
        for column, value in fields.items():
            if column == "sale":
                continue
            stored_value = have[k][column]
            if stored_value != value:
                return (f"{table} {k}: {column} is {stored_value!r} in the database, "
                        f"{value!r} by the signed journal")
    return None


def _grouped(ids: list[str], model: Any, order: Any) -> dict[str, list[Any]]:
    groups: dict[str, list[Any]] = defaultdict(list)
    for chunk in _chunks(ids):
        for r in model.select().where(model.sale.in_(chunk)).order_by(model.sale, order).dicts():
            groups[r["sale"]].append(r)
    return groups


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]
