"""Turning a core `Sale` and its journal into rows, and rows back into core values.

Pure mapping, no queries: `sales.py` decides when rows are written. Card data is masked on
the way in (only the last four digits of anything that looks like a card number survive),
because a till's database is not a place for PANs.
"""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from posdesk.core.card_numbers import mask_card_numbers
from posdesk.core.journal import JournalEvent, JournalKind
from posdesk.core.money import Money, currency
from posdesk.core.sale import OriginalLine, Sale, SaleState
from posdesk.core.tax import TaxRate

from .models import JournalEventRow, SaleLine

#: Journal events that change the stored state of a sale on their own.
STATE_EVENTS: dict[str, SaleState] = {
    JournalKind.TENDERING_STARTED: SaleState.TENDERING,
    JournalKind.TENDERING_CANCELLED: SaleState.OPEN,
    JournalKind.SALE_SUSPENDED: SaleState.SUSPENDED,
    JournalKind.SALE_RESUMED: SaleState.OPEN,
    JournalKind.SALE_VOIDED: SaleState.VOIDED,
}
#: Journal events after which a sale is finished and must not be offered for resuming.
FINISHING_EVENTS: frozenset[str] = frozenset({JournalKind.SALE_COMPLETED, JournalKind.SALE_VOIDED})


def masked(value: Any) -> Any:
    """`value` with every card-number-like digit run reduced to its last four digits."""
    if isinstance(value, dict):
        return {k: masked(v) for k, v in value.items()}
    if isinstance(value, list):
        return [masked(v) for v in value]
    if isinstance(value, str):
        return mask_card_numbers(value)
    return value


def event_fields(sale_id: str, event: JournalEvent) -> dict[str, Any]:
    return {"sale": sale_id, "seq": event.seq, "kind": event.kind, "utc": event.utc,
            "mono_ns": event.mono_ns, "data": event.data}


def event_from_row(row: JournalEventRow) -> JournalEvent:
    return JournalEvent(row.seq, row.kind, row.utc, row.mono_ns, row.data)


def started_fields(sale_id: str, event: JournalEvent) -> dict[str, Any]:
    """The sale row a `sale_started` event opens."""
    d = event.data
    return {"id": sale_id, "lane": d["lane"], "kind": d["kind"], "state": SaleState.OPEN.value,
            "cashier": d["cashier"], "started_utc": event.utc, "currency": d["currency"],
            "tax_mode": d["tax_mode"], "original_receipt": d.get("original_receipt")}


def sale_fields(sale: Sale) -> dict[str, Any]:
    """State and totals of the sale row."""
    totals = sale.totals()
    ended: datetime | None = sale.events[-1].utc if sale.finished and sale.events else None
    return {"state": sale.state.value, "cashier": sale.cashier, "ended_utc": ended,
            "subtotal_minor": totals.subtotal.minor,
            "discount_minor": (totals.line_discounts + totals.sale_discount).minor,
            "total_minor": totals.total.minor, "rounding_minor": sale.rounding.minor,
            "change_minor": sale.change.minor}


def line_rows(sale: Sale) -> list[dict[str, Any]]:
    """Every line, voided ones too; `net_amount` includes the line's share of the sale
    discount, spread exactly as `core.lines.compute_totals` spreads it."""
    totals = sale.totals()
    active = sale.active_lines
    shares = totals.sale_discount.allocate([abs(ln.amount.amount) for ln in active]) if active else []
    share_of = {ln.id: s for ln, s in zip(active, shares, strict=True)}
    rows = []
    for ln in sale.lines:
        net = ln.amount - share_of[ln.id] if ln.id in share_of else Money.zero(sale.currency)
        rows.append({
            "sale": sale.id, "line_id": ln.id, "product_id": ln.product_id, "sku": ln.sku,
            "name": ln.name, "unit_price_minor": ln.unit_price.minor, "quantity": str(ln.quantity),
            "unit": ln.unit, "category": ln.category, "tax_code": ln.tax.code,
            "tax_percent": str(ln.tax.percent), "tax_name": ln.tax.name,
            "discount_minor": ln.discount_amount.minor, "amount_minor": ln.amount.minor,
            "net_amount_minor": net.minor,
            "original_price_minor": ln.original_price.minor if ln.original_price else None,
            "voided": ln.voided, "returns_line": ln.returns_line})
    return rows


def tax_rows(sale: Sale) -> list[dict[str, Any]]:
    return [{"sale": sale.id, "code": r.rate.code, "percent": str(r.rate.percent),
             "name": r.rate.name, "net_minor": r.net.minor, "tax_minor": r.tax.minor,
             "gross_minor": r.gross.minor} for r in sale.totals().taxes]


def payment_rows(sale: Sale) -> list[dict[str, Any]]:
    return [{"sale": sale.id, "payment_id": p.id, "tender": p.tender.value,
             "amount_minor": p.amount.minor, "status": p.status.value,
             "tendered_minor": p.tendered.minor if p.tendered else None,
             "change_minor": p.change.minor if p.change else None,
             "details": masked(p.details)} for p in sale.payments]


def original_line(row: SaleLine, cur_code: str, returned: Decimal) -> OriginalLine:
    cur = currency(cur_code)
    return OriginalLine(
        line_id=row.line_id, product_id=row.product_id, sku=row.sku, name=row.name,
        unit_price=Money.from_minor(row.unit_price_minor, cur), quantity=Decimal(row.quantity),
        returned=returned, tax=TaxRate(row.tax_code, Decimal(row.tax_percent), row.tax_name),
        net_amount=Money.from_minor(row.net_amount_minor, cur), unit=row.unit)


def parse_receipt(text: str | int, lane: str | None) -> tuple[str | None, int] | None:
    """`42` (on `lane`, or any lane with None) or `L2-42` (lane L2) → (lane, number)."""
    text = str(text).strip()
    if text.isdigit():
        return lane, int(text)
    head, sep, tail = text.rpartition("-")
    if sep and head and tail.isdigit():
        return head, int(tail)
    return None
