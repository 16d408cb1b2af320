"""One line of plain text per journal event: what the clip's subtitle track shows and the
viewer lists beside the picture ("2 × Milk 1.98").

The clip is evidence for a third party, so these lines are in the store's data as it was
(product names as in the catalog), not in the viewer's language.
"""
from __future__ import annotations

from decimal import Decimal

from .journal import JournalEvent
from .money import Currency, Money


def _m(minor: object, cur: Currency) -> str:
    return str(Money.from_minor(int(minor), cur))  # type: ignore[arg-type]


def _qty(text: str) -> str:
    q = Decimal(text)
    return str(q.normalize()) if q == q.to_integral_value() else str(q)


def describe(event: JournalEvent, cur: Currency) -> str | None:
    """The event as one line, or None for events that show nothing on the picture."""
    d = event.data
    k = event.kind
    if k == "sale_started":
        return f"Sale started, cashier {d['cashier']}" + (
            f", return of receipt {d['original_receipt']}" if d.get("original_receipt") else "")
    if k == "line_added":
        qty = Decimal(d["quantity"])
        amount = Money.from_minor(int(d["unit_price"]), cur).times(qty)
        unit = f" {d['unit']}" if d.get("unit") else ""
        return f"{_qty(d['quantity'])}{unit} × {d['name']} {amount}"
    if k == "quantity_changed":
        return f"Line {d['line_id']}: quantity {_qty(d['old'])} → {_qty(d['quantity'])}"
    if k == "line_voided":
        return f"Line {d['line_id']} voided (approved by {d.get('approved_by') or '-'})"
    if k == "price_overridden":
        return f"Line {d['line_id']}: price {_m(d['old'], cur)} → {_m(d['price'], cur)}"
    if k in ("line_discounted", "sale_discounted"):
        value = f"{d['value']}%" if d["kind"] == "percent" else _m(Decimal(d["value"]), cur)
        target = f"Line {d['line_id']}" if k == "line_discounted" else "Sale"
        return f"{target}: discount {value}"
    if k == "tendering_started":
        return f"Total {_m(d['total'], cur)}"
    if k == "cash_paid":
        return f"Cash {_m(d['tendered'], cur)}, change {_m(d['change'], cur)}"
    if k == "payment_started":
        return f"Card payment {_m(d['amount'], cur)} sent to terminal"
    if k.startswith("payment_"):
        pan = f" {d['masked_pan']}" if d.get("masked_pan") else ""
        return f"Card payment {k.removeprefix('payment_')}{pan}"
    if k == "sale_completed":
        return f"Sale completed, receipt {d['receipt_no']}"
    if k == "sale_voided":
        return "Sale voided"
    if k in ("sale_suspended", "sale_resumed", "drawer_opened", "age_confirmed", "recording_gap",
             "recording_without_sound", "frames_dropped", "recording_stopped",
             "clock_behind_evidence"):
        return k.replace("_", " ").capitalize()
    return None
