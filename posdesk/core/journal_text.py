"""One line of plain text per journal event: what the clip's subtitle track shows and the
viewer lists beside the picture ("2 × Milk 1.98").

The clip is evidence for a third party, so these lines are in the store's data as it was
(product names as in the catalog), not in the viewer's language.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable, Mapping

from .journal import JournalEvent, JournalKind
from .lines import DiscountKind
from .money import Currency, Money

#: Turns an event's data into its line, or None when the event shows nothing on the picture.
Describer = Callable[[dict[str, Any], Currency], str | None]


def _m(minor: object, cur: Currency) -> str:
    # Journal data is JSON: an amount is an int of minor units (a float would lose cents).
    if not isinstance(minor, int | str):
        raise TypeError(f"journal amount {minor!r} is not in minor units")
    return str(Money.from_minor(int(minor), cur))


def _qty(text: str) -> str:
    q = Decimal(text)
    return str(q.normalize()) if q == q.to_integral_value() else str(q)


def _sale_started(d: dict[str, Any], cur: Currency) -> str:
    return f"Sale started, cashier {d['cashier']}" + (
        f", return of receipt {d['original_receipt']}" if d.get("original_receipt") else "")


def _line_added(d: dict[str, Any], cur: Currency) -> str:
    qty = Decimal(d["quantity"])
    amount = Money.from_minor(int(d["unit_price"]), cur).times(qty)
    unit = f" {d['unit']}" if d.get("unit") else ""
    return f"{_qty(d['quantity'])}{unit} × {d['name']} {amount}"


def _discount(target: Callable[[dict[str, Any]], str]) -> Describer:
    def describe_discount(d: dict[str, Any], cur: Currency) -> str:
        value = f"{d['value']}%" if d["kind"] == DiscountKind.PERCENT.value else _m(d["value"], cur)
        return f"{target(d)}: discount {value}"
    return describe_discount


def _card_result(kind: JournalKind) -> Describer:
    outcome = kind.removeprefix("payment_")

    def describe_result(d: dict[str, Any], cur: Currency) -> str:
        pan = f" {d['masked_pan']}" if d.get("masked_pan") else ""
        return f"Card payment {outcome}{pan}"
    return describe_result


def _kind_name(kind: JournalKind) -> Describer:
    """The kind itself as words ("Recording gap"): for events whose data adds nothing."""
    text = kind.replace("_", " ").capitalize()
    return lambda d, cur: text


def _nothing(d: dict[str, Any], cur: Currency) -> None:
    return None


#: Every journal kind and its line; tests check that none is missing.
DESCRIBERS: Mapping[JournalKind, Describer] = {
    JournalKind.SALE_STARTED: _sale_started,
    JournalKind.LINE_ADDED: _line_added,
    JournalKind.QUANTITY_CHANGED:
        lambda d, cur: f"Line {d['line_id']}: quantity {_qty(d['old'])} → {_qty(d['quantity'])}",
    JournalKind.LINE_VOIDED:
        lambda d, cur: f"Line {d['line_id']} voided (approved by {d.get('approved_by') or '-'})",
    JournalKind.PRICE_OVERRIDDEN:
        lambda d, cur: f"Line {d['line_id']}: price {_m(d['old'], cur)} → {_m(d['price'], cur)}",
    JournalKind.LINE_DISCOUNTED: _discount(lambda d: f"Line {d['line_id']}"),
    JournalKind.SALE_DISCOUNTED: _discount(lambda d: "Sale"),
    JournalKind.TENDERING_STARTED: lambda d, cur: f"Total {_m(d['total'], cur)}",
    JournalKind.CASH_PAID:
        lambda d, cur: f"Cash {_m(d['tendered'], cur)}, change {_m(d['change'], cur)}",
    JournalKind.PAYMENT_STARTED:
        lambda d, cur: f"Card payment {_m(d['amount'], cur)} sent to terminal",
    **{kind: _card_result(kind) for kind in (
        JournalKind.PAYMENT_APPROVED, JournalKind.PAYMENT_DECLINED, JournalKind.PAYMENT_ABORTED,
        JournalKind.PAYMENT_UNKNOWN, JournalKind.PAYMENT_REVERSED)},
    JournalKind.SALE_COMPLETED: lambda d, cur: f"Sale completed, receipt {d['receipt_no']}",
    JournalKind.SALE_VOIDED: lambda d, cur: "Sale voided",
    **{kind: _kind_name(kind) for kind in (
        JournalKind.SALE_SUSPENDED, JournalKind.SALE_RESUMED, JournalKind.DRAWER_OPENED,
        JournalKind.AGE_CONFIRMED, JournalKind.RECORDING_GAP, JournalKind.RECORDING_WITHOUT_SOUND,
        JournalKind.FRAMES_DROPPED, JournalKind.RECORDING_STOPPED,
        JournalKind.CLOCK_BEHIND_EVIDENCE)},
    # Steps with no meaning on the picture: going back from the tender screen, the
    # receipt printer's outcome, a sale taken up again after a restart.
    **{kind: _nothing for kind in (
        JournalKind.TENDERING_CANCELLED, JournalKind.RECEIPT_PRINTED,
        JournalKind.RECEIPT_NOT_PRINTED, JournalKind.SALE_RECOVERED)},
}


def describe(event: JournalEvent, cur: Currency) -> str | None:
    """The event as one line, or None for events that show nothing on the picture (and for
    a kind this version does not know: the viewer shows the kind itself)."""
    try:
        kind = JournalKind(event.kind)
    except ValueError:
        return None
    return DESCRIBERS[kind](event.data, cur)
