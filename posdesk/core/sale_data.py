"""How a sale's values are written into journal event data, and read back.

Journal data holds JSON types only (see `core.journal`): money as integer minor units,
quantities and percents as decimal strings. Both directions live here, so the stored format
is visible in one place; the sale's commands write with these functions and its ledger reads
with them.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from .journal import JournalKind
from .lines import Line, Payment, PaymentStatus, Tender
from .money import Currency, Money
from .tax import TaxRate

#: The event that journals each answer a card payment can get (PENDING is no answer).
PAYMENT_RESULT_KINDS: dict[PaymentStatus, JournalKind] = {
    PaymentStatus.APPROVED: JournalKind.PAYMENT_APPROVED,
    PaymentStatus.DECLINED: JournalKind.PAYMENT_DECLINED,
    PaymentStatus.ABORTED: JournalKind.PAYMENT_ABORTED,
    PaymentStatus.UNKNOWN: JournalKind.PAYMENT_UNKNOWN,
    PaymentStatus.REVERSED: JournalKind.PAYMENT_REVERSED,
}


def amount_from_data(value: int | str, cur: Currency) -> Money:
    return Money.from_minor(int(value), cur)


def tax_data(t: TaxRate) -> dict[str, str]:
    return {"code": t.code, "percent": str(t.percent), "name": t.name}


def tax_from_data(d: dict[str, str]) -> TaxRate:
    return TaxRate(d["code"], Decimal(d["percent"]), d.get("name", ""))


def line_data(*, line_id: int, product_id: int | None, sku: str, name: str, unit_price: Money,
              quantity: Decimal, unit: str, tax: TaxRate, category: str, source: str,
              returns_line: int | None = None) -> dict[str, Any]:
    """The data of a `line_added` event; `returns_line` only on a return's line."""
    data: dict[str, Any] = {
        "line_id": line_id, "product_id": product_id, "sku": sku, "name": name,
        "unit_price": unit_price.minor, "quantity": str(quantity), "unit": unit,
        "tax": tax_data(tax), "category": category, "source": source,
    }
    if returns_line is not None:
        data["returns_line"] = returns_line
    return data


def line_from_data(d: dict[str, Any], cur: Currency) -> Line:
    return Line(
        id=d["line_id"], product_id=d["product_id"], sku=d["sku"], name=d["name"],
        unit_price=amount_from_data(d["unit_price"], cur), quantity=Decimal(d["quantity"]),
        tax=tax_from_data(d["tax"]), unit=d.get("unit", ""), category=d.get("category", ""),
        returns_line=d.get("returns_line"))


def cash_data(*, payment_id: str, tendered: Money, applied: Money, change: Money,
              rounding: Money) -> dict[str, Any]:
    """The data of a `cash_paid` event; `rounding` is what cash rounding added to the sale."""
    return {"payment_id": payment_id, "tendered": tendered.minor, "applied": applied.minor,
            "change": change.minor, "rounding": rounding.minor}


def cash_payment_from_data(d: dict[str, Any], cur: Currency) -> Payment:
    return Payment(d["payment_id"], Tender.CASH, amount_from_data(d["applied"], cur),
                   PaymentStatus.APPROVED, tendered=amount_from_data(d["tendered"], cur),
                   change=amount_from_data(d["change"], cur))


def card_start_data(*, payment_id: str, amount: Money,
                    details: dict[str, Any] | None) -> dict[str, Any]:
    """The data of a `payment_started` event: what is about to go to the terminal."""
    return {"payment_id": payment_id, "tender": Tender.CARD.value, "amount": amount.minor,
            **(details or {})}


def started_payment_from_data(d: dict[str, Any], cur: Currency) -> Payment:
    return Payment(d["payment_id"], Tender(d["tender"]), amount_from_data(d["amount"], cur),
                   PaymentStatus.PENDING)


def payment_details(d: dict[str, Any]) -> dict[str, Any]:
    """What a terminal's answer event says about the payment, without its id."""
    return {k: v for k, v in d.items() if k != "payment_id"}
