"""A sale's state as its journal says it is: what `apply` builds from events alone.

`SaleLedger.apply` is the only code that changes a sale's state. It looks the event's kind
up in one table with a handler for every `JournalKind`, so a kind added to the enum without
a handler fails the tests, and an event of a kind this version does not know is refused
(`UnknownJournalKind`) instead of being skipped: a skipped event could rebuild a sale that
differs from the one the customer paid for.
"""
from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import Any, Callable, Mapping

from .errors import DomainError
from .i18n import QT_TRANSLATE_NOOP
from .journal import NOTE_KINDS, JournalEvent, JournalKind, journal_kind
from .lines import Discount, Line, Payment, PaymentStatus, Totals, compute_totals
from .money import Currency, Money, currency
from .permissions import Role
from .sale_data import (
    PAYMENT_RESULT_KINDS,
    cash_payment_from_data,
    line_from_data,
    amount_from_data,
    payment_details,
    started_payment_from_data,
)
from .tax import TaxMode


class SaleState(Enum):
    OPEN = "open"
    TENDERING = "tendering"
    COMPLETED = "completed"
    VOIDED = "voided"
    SUSPENDED = "suspended"


class SaleKind(Enum):
    SALE = "sale"
    RETURN = "return"


class SaleLedger:
    """The state of one sale and the values derived from it, changed only by `apply`."""

    def __init__(self) -> None:
        self.id = ""
        self.lane = ""
        self.cashier = ""
        self.cashier_role = Role.CASHIER
        self.currency: Currency = currency("EUR")
        self.tax_mode = TaxMode.INCLUSIVE
        self.kind = SaleKind.SALE
        self.original_receipt: str | None = None
        self.state = SaleState.OPEN
        self.lines: list[Line] = []
        self.sale_discount: Discount | None = None
        self.payments: list[Payment] = []
        self.rounding = Money.zero(self.currency)
        self.receipt_no: str | None = None

    def apply(self, event: JournalEvent) -> None:
        """Change the state as `event` says; raises `UnknownJournalKind` for a kind this
        version does not know."""
        _HANDLERS[journal_kind(event)](self, event.data)

    # -- derived ---------------------------------------------------------------------------
    @property
    def active_lines(self) -> list[Line]:
        return [ln for ln in self.lines if not ln.voided]

    def totals(self) -> Totals:
        return compute_totals(self.lines, self.sale_discount, self.tax_mode, self.currency)

    @property
    def total(self) -> Money:
        return self.totals().total

    @property
    def paid(self) -> Money:
        return Money.sum((p.amount for p in self.payments if p.counts), self.currency)

    @property
    def remaining(self) -> Money:
        """What is still to pay (negative on a return: still to pay out)."""
        return self.total + self.rounding - self.paid

    @property
    def change(self) -> Money:
        return Money.sum((p.change for p in self.payments if p.counts and p.change), self.currency)

    @property
    def open_payments(self) -> list[Payment]:
        return [p for p in self.payments if p.open]

    @property
    def finished(self) -> bool:
        return self.state in (SaleState.COMPLETED, SaleState.VOIDED)

    def line(self, line_id: int) -> Line:
        for ln in self.lines:
            if ln.id == line_id:
                return ln
        raise DomainError(f"no line {line_id}", QT_TRANSLATE_NOOP("Domain", "No such line."))

    def payment(self, payment_id: str) -> Payment:
        for p in self.payments:
            if p.id == payment_id:
                return p
        raise DomainError(f"no payment {payment_id}", QT_TRANSLATE_NOOP("Domain", "No such payment."))

    # -- handlers: one per kind, each reading only the event's data ----------------------
    def _on_sale_started(self, d: dict[str, Any]) -> None:
        self.id, self.lane, self.cashier = d["sale_id"], d["lane"], d["cashier"]
        self.cashier_role = Role(d["role"])
        self.currency = currency(d["currency"])
        self.tax_mode = TaxMode(d["tax_mode"])
        self.kind = SaleKind(d["kind"])
        self.original_receipt = d.get("original_receipt")
        self.rounding = Money.zero(self.currency)

    def _on_line_added(self, d: dict[str, Any]) -> None:
        self.lines.append(line_from_data(d, self.currency))

    def _on_quantity_changed(self, d: dict[str, Any]) -> None:
        self.line(d["line_id"]).quantity = Decimal(d["quantity"])

    def _on_line_voided(self, d: dict[str, Any]) -> None:
        self.line(d["line_id"]).voided = True

    def _on_price_overridden(self, d: dict[str, Any]) -> None:
        ln = self.line(d["line_id"])
        if ln.original_price is None:
            ln.original_price = ln.unit_price
        ln.unit_price = amount_from_data(d["price"], self.currency)

    def _on_line_discounted(self, d: dict[str, Any]) -> None:
        self.line(d["line_id"]).discount = Discount.from_data(d)

    def _on_sale_discounted(self, d: dict[str, Any]) -> None:
        self.sale_discount = Discount.from_data(d)

    def _on_tendering_started(self, d: dict[str, Any]) -> None:
        self.state = SaleState.TENDERING

    def _on_tendering_cancelled(self, d: dict[str, Any]) -> None:
        self.state = SaleState.OPEN

    def _on_cash_paid(self, d: dict[str, Any]) -> None:
        self.payments.append(cash_payment_from_data(d, self.currency))
        self.rounding = self.rounding + amount_from_data(d["rounding"], self.currency)

    def _on_payment_started(self, d: dict[str, Any]) -> None:
        self.payments.append(started_payment_from_data(d, self.currency))

    def _on_payment_result(self, d: dict[str, Any], status: PaymentStatus) -> None:
        p = self.payment(d["payment_id"])
        p.status = status
        p.details = payment_details(d)

    def _on_sale_completed(self, d: dict[str, Any]) -> None:
        self.state = SaleState.COMPLETED
        self.receipt_no = d["receipt_no"]

    def _on_sale_voided(self, d: dict[str, Any]) -> None:
        self.state = SaleState.VOIDED

    def _on_sale_suspended(self, d: dict[str, Any]) -> None:
        self.state = SaleState.SUSPENDED

    def _on_sale_resumed(self, d: dict[str, Any]) -> None:
        self.state = SaleState.OPEN
        self.cashier = d.get("cashier", self.cashier)


Handler = Callable[[SaleLedger, dict[str, Any]], None]


def _unchanged(ledger: SaleLedger, d: dict[str, Any]) -> None:
    """Evidence only: the event is kept in the journal and changes no state."""


def _payment_result(status: PaymentStatus) -> Handler:
    def handle(ledger: SaleLedger, d: dict[str, Any]) -> None:
        ledger._on_payment_result(d, status)
    return handle


#: Every journal kind and how it changes a sale; tests check no kind is missing.
_HANDLERS: Mapping[JournalKind, Handler] = {
    JournalKind.SALE_STARTED: SaleLedger._on_sale_started,
    JournalKind.AGE_CONFIRMED: _unchanged,
    JournalKind.LINE_ADDED: SaleLedger._on_line_added,
    JournalKind.QUANTITY_CHANGED: SaleLedger._on_quantity_changed,
    JournalKind.LINE_VOIDED: SaleLedger._on_line_voided,
    JournalKind.PRICE_OVERRIDDEN: SaleLedger._on_price_overridden,
    JournalKind.LINE_DISCOUNTED: SaleLedger._on_line_discounted,
    JournalKind.SALE_DISCOUNTED: SaleLedger._on_sale_discounted,
    JournalKind.TENDERING_STARTED: SaleLedger._on_tendering_started,
    JournalKind.TENDERING_CANCELLED: SaleLedger._on_tendering_cancelled,
    JournalKind.CASH_PAID: SaleLedger._on_cash_paid,
    JournalKind.PAYMENT_STARTED: SaleLedger._on_payment_started,
    **{kind: _payment_result(status) for status, kind in PAYMENT_RESULT_KINDS.items()},
    JournalKind.SALE_COMPLETED: SaleLedger._on_sale_completed,
    JournalKind.SALE_VOIDED: SaleLedger._on_sale_voided,
    JournalKind.SALE_SUSPENDED: SaleLedger._on_sale_suspended,
    JournalKind.SALE_RESUMED: SaleLedger._on_sale_resumed,
    **{kind: _unchanged for kind in NOTE_KINDS},
}

#: The kinds `apply` knows (all of `JournalKind`, as the tests check).
APPLIED_KINDS: frozenset[JournalKind] = frozenset(_HANDLERS)
