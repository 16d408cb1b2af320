"""A sale as a state machine whose every step is a journal event.

Commands (`add_product`, `void_line`, `pay_cash`, ...) check the rules, then emit an event;
`_apply` is the only code that changes state, and it does so from the event alone. So
`Sale.replay(events)` rebuilds a sale exactly — after a crash, or from the database — and the
journal can never disagree with what the cashier saw.

    open ──tender──▶ tendering ──complete──▶ completed
     │ ▲               │
     │ └──back─────────┘
     ├──suspend──▶ suspended ──resume──▶ open
     └──void (manager)──▶ voided   (also from tendering)
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any, Callable, Iterable

from .catalog import Product
from .clock import Clock
from .errors import AgeCheckRequired, ApprovalRequired, DomainError, IllegalTransition, InvalidAmount
from .i18n import QT_TRANSLATE_NOOP
from .journal import JournalEvent
from .lines import Discount, DiscountKind, Line, Payment, PaymentStatus, Tender, Totals, compute_totals
from .money import Currency, Money, currency
from .permissions import Permission, Policy, Role, allowed
from .tax import TaxMode, TaxRate


class SaleState(Enum):
    OPEN = "open"
    TENDERING = "tendering"
    COMPLETED = "completed"
    VOIDED = "voided"
    SUSPENDED = "suspended"


class SaleKind(Enum):
    SALE = "sale"
    RETURN = "return"


@dataclass(frozen=True)
class OriginalLine:
    """A line of a completed sale, as a return sees it."""

    line_id: int
    product_id: int | None
    sku: str
    name: str
    unit_price: Money
    quantity: Decimal
    #: Quantity already brought back by earlier returns.
    returned: Decimal
    tax: TaxRate
    #: The line's amount after line and sale discounts, for a fair refund per unit.
    net_amount: Money
    unit: str = ""

    @property
    def returnable(self) -> Decimal:
        return self.quantity - self.returned


Listener = Callable[[JournalEvent], None]


def _money(m: Money) -> int:
    return m.minor


def _tax_data(t: TaxRate) -> dict[str, str]:
    return {"code": t.code, "percent": str(t.percent), "name": t.name}


class Sale:
    """One customer transaction. Build with `Sale.open(...)` or `Sale.replay(...)`."""

    def __init__(self, clock: Clock, policy: Policy | None = None):
        self._clock = clock
        self.policy = policy or Policy()
        self.events: list[JournalEvent] = []
        self.listeners: list[Listener] = []
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

    # -- construction ----------------------------------------------------------------------
    @classmethod
    def open(cls, *, sale_id: str, lane: str, cashier: str, cashier_role: Role, cur: Currency,
             tax_mode: TaxMode, clock: Clock, policy: Policy | None = None,
             kind: SaleKind = SaleKind.SALE, original_receipt: str | None = None,
             approved_by: str | None = None, listener: Listener | None = None) -> Sale:
        sale = cls(clock, policy)
        if listener:
            sale.listeners.append(listener)
        data: dict[str, Any] = {
            "sale_id": sale_id, "lane": lane, "cashier": cashier, "role": cashier_role.value,
            "currency": cur.code, "tax_mode": tax_mode.value, "kind": kind.value,
        }
        if kind is SaleKind.RETURN:
            sale.cashier_role = cashier_role
            sale._require(Permission.REFUND, approved_by)
            data.update(original_receipt=original_receipt, approved_by=approved_by)
        sale._emit("sale_started", data)
        return sale

    @classmethod
    def replay(cls, events: Iterable[JournalEvent], clock: Clock,
               policy: Policy | None = None) -> Sale:
        sale = cls(clock, policy)
        for e in events:
            sale.events.append(e)
            sale._apply(e)
        return sale

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

    # -- items -----------------------------------------------------------------------------
    def add_product(self, product: Product, quantity: Decimal = Decimal(1), *,
                    price: Money | None = None, source: str = "scan",
                    age_confirmed: bool = False) -> Line:
        self._expect("add item", SaleState.OPEN)
        self._expect_kind(SaleKind.SALE)
        if not product.active:
            raise DomainError(f"{product.sku} is not for sale",
                              QT_TRANSLATE_NOOP("Domain", "{name} is not for sale.").format(name=product.name))
        self._check_quantity(quantity, weighed=product.weighed)
        if product.min_age and not age_confirmed:
            raise AgeCheckRequired(product.name, product.min_age)
        if product.min_age:
            self._emit("age_confirmed", {"sku": product.sku, "min_age": product.min_age})
        unit_price = price if price is not None else product.price
        self._emit("line_added", {
            "line_id": self._next_line_id(), "product_id": product.id, "sku": product.sku,
            "name": product.name, "unit_price": _money(unit_price), "quantity": str(quantity),
            "unit": product.unit, "tax": _tax_data(product.tax), "category": product.category,
            "source": source,
        })
        return self.lines[-1]

    def add_return_line(self, original: OriginalLine, quantity: Decimal) -> Line:
        self._expect("return item", SaleState.OPEN)
        self._expect_kind(SaleKind.RETURN)
        self._check_quantity(quantity, weighed=original.unit == "kg")
        already = sum((-ln.quantity for ln in self.active_lines if ln.returns_line == original.line_id),
                      Decimal(0))
        if quantity + already > original.returnable:
            raise InvalidAmount(
                f"only {original.returnable - already} of {original.name} can be returned",
                QT_TRANSLATE_NOOP("Domain", "Only {qty} of {name} can be returned.").format(
                    qty=original.returnable - already, name=original.name))
        # Refund what the customer actually paid per unit, after discounts.
        unit_refund = original.net_amount.times(Decimal(1) / original.quantity)
        self._emit("line_added", {
            "line_id": self._next_line_id(), "product_id": original.product_id,
            "sku": original.sku, "name": original.name, "unit_price": _money(unit_refund),
            "quantity": str(-quantity), "unit": original.unit, "tax": _tax_data(original.tax),
            "category": "", "source": "return", "returns_line": original.line_id,
        })
        return self.lines[-1]

    def set_quantity(self, line_id: int, quantity: Decimal, *, approved_by: str | None = None) -> None:
        self._expect("change quantity", SaleState.OPEN)
        ln = self._live_line(line_id)
        self._check_quantity(quantity, weighed=ln.unit == "kg")
        if ln.returns_line is not None:
            raise DomainError("return quantities are set when the item is returned")
        if quantity < ln.quantity:
            # Lowering a quantity takes goods off the sale: the same rule as a void.
            self._require(Permission.VOID_LINE, approved_by)
        self._emit("quantity_changed", {"line_id": line_id, "quantity": str(quantity),
                                        "old": str(ln.quantity), "approved_by": approved_by})

    def void_line(self, line_id: int, *, approved_by: str | None = None) -> None:
        self._expect("void line", SaleState.OPEN)
        ln = self._live_line(line_id)
        self._require(Permission.VOID_LINE, approved_by)
        self._emit("line_voided", {"line_id": ln.id, "approved_by": approved_by})

    def override_price(self, line_id: int, price: Money, *, approved_by: str | None = None) -> None:
        self._expect("override price", SaleState.OPEN)
        ln = self._live_line(line_id)
        if price.amount < 0:
            raise InvalidAmount("negative price", QT_TRANSLATE_NOOP("Domain", "A price cannot be negative."))
        self._require(Permission.PRICE_OVERRIDE, approved_by)
        self._emit("price_overridden", {"line_id": ln.id, "price": _money(price),
                                        "old": _money(ln.unit_price), "approved_by": approved_by})

    def discount_line(self, line_id: int, discount: Discount, *, approved_by: str | None = None) -> None:
        self._expect("discount", SaleState.OPEN)
        ln = self._live_line(line_id)
        self._check_discount(discount, ln.gross, approved_by)
        self._emit("line_discounted", {"line_id": ln.id, **discount.to_data(), "approved_by": approved_by})

    def discount_sale(self, discount: Discount, *, approved_by: str | None = None) -> None:
        self._expect("discount", SaleState.OPEN)
        self._check_discount(discount, Money.sum((ln.amount for ln in self.active_lines), self.currency),
                             approved_by)
        self._emit("sale_discounted", {**discount.to_data(), "approved_by": approved_by})

    # -- tendering -------------------------------------------------------------------------
    def start_tender(self) -> None:
        self._expect("pay", SaleState.OPEN)
        if not self.active_lines:
            raise DomainError("empty sale", QT_TRANSLATE_NOOP("Domain", "Add an item first."))
        self._emit("tendering_started", {"total": _money(self.total)})

    def back_to_items(self) -> None:
        self._expect("go back", SaleState.TENDERING)
        if self.payments and any(p.counts or p.open for p in self.payments):
            raise DomainError("payments exist",
                              QT_TRANSLATE_NOOP("Domain", "A payment was made; finish or void the sale."))
        self._emit("tendering_cancelled", {})

    def cash_due(self) -> Money:
        """What the customer must hand over in cash: the rest, rounded to legal cash."""
        return self.remaining.cash_rounded()

    def pay_cash(self, tendered: Money, payment_id: str) -> Payment:
        """Take cash (or, on a return, pay it out). Over-tender becomes change."""
        self._expect("pay cash", SaleState.TENDERING)
        self._no_open_payment()
        due = self.cash_due()
        refund = self.remaining.amount < 0
        if refund:
            tendered = due  # paying out: the till hands over exactly what is due
        # A tiny rest that cash rounding turns into nothing (CHF 0.02) is settled with 0.
        if tendered.amount <= 0 and not refund and not due.is_zero():
            raise InvalidAmount("cash must be positive", QT_TRANSLATE_NOOP("Domain", "Enter the cash received."))
        if refund or tendered >= due:
            applied, change, rounding = due, tendered - due, due - self.remaining
        else:
            applied, change, rounding = tendered, Money.zero(self.currency), Money.zero(self.currency)
        self._emit("cash_paid", {"payment_id": payment_id, "tendered": _money(tendered),
                                 "applied": _money(applied), "change": _money(change),
                                 "rounding": _money(rounding)})
        return self.payment(payment_id)

    def begin_card(self, amount: Money, payment_id: str,
                   details: dict[str, Any] | None = None) -> Payment:
        """Record that a card payment is about to be sent to the terminal — BEFORE sending,
        so a crash or lost answer can never lead to charging the card a second time."""
        self._expect("pay by card", SaleState.TENDERING)
        self._no_open_payment()
        rest = self.remaining
        if amount.is_zero() or (amount.amount > 0) != (rest.amount > 0) or abs(amount) > abs(rest):
            raise InvalidAmount(f"card amount {amount} does not fit remaining {rest}", QT_TRANSLATE_NOOP(
                "Domain", "The card amount must be between 0 and {rest}.").format(rest=str(rest)))
        self._emit("payment_started", {"payment_id": payment_id, "tender": "card",
                                       "amount": _money(amount), **(details or {})})
        return self.payment(payment_id)

    def card_result(self, payment_id: str, status: PaymentStatus, details: dict[str, Any] | None = None) -> None:
        """The terminal's answer (or that it got lost: `UNKNOWN`)."""
        p = self.payment(payment_id)
        if not p.open:
            raise DomainError(f"payment {payment_id} is already {p.status.value}")
        if status is PaymentStatus.PENDING:
            raise DomainError("a result cannot be pending")
        self._emit(f"payment_{status.value}", {"payment_id": payment_id, **(details or {})})

    def card_reversed(self, payment_id: str, details: dict[str, Any] | None = None) -> None:
        p = self.payment(payment_id)
        if p.status is not PaymentStatus.APPROVED:
            raise DomainError(f"payment {payment_id} is {p.status.value}, not approved")
        self._emit("payment_reversed", {"payment_id": payment_id, **(details or {})})

    # -- endings ---------------------------------------------------------------------------
    def complete(self, receipt_no: str) -> None:
        self._expect("complete", SaleState.TENDERING)
        self._no_open_payment()
        if not self.remaining.is_zero():
            raise DomainError(f"{self.remaining} still to pay", QT_TRANSLATE_NOOP(
                "Domain", "{rest} is still to be paid.").format(rest=str(self.remaining)))
        self._emit("sale_completed", {"receipt_no": receipt_no, "total": _money(self.total),
                                      "change": _money(self.change)})

    def void(self, *, approved_by: str | None = None, reason: str = "") -> None:
        self._expect("void sale", SaleState.OPEN, SaleState.TENDERING)
        self._no_open_payment()
        if any(p.counts and p.tender is Tender.CARD for p in self.payments):
            raise DomainError("card payment approved",
                              QT_TRANSLATE_NOOP("Domain", "Reverse the card payment before voiding the sale."))
        self._require(Permission.VOID_SALE, approved_by)
        self._emit("sale_voided", {"approved_by": approved_by, "reason": reason})

    def suspend(self) -> None:
        self._expect("suspend", SaleState.OPEN)
        if not self.active_lines:
            raise DomainError("empty sale", QT_TRANSLATE_NOOP("Domain", "An empty sale cannot be parked."))
        self._emit("sale_suspended", {})

    def resume(self, cashier: str) -> None:
        self._expect("resume", SaleState.SUSPENDED)
        self._emit("sale_resumed", {"cashier": cashier})

    def note(self, kind: str, data: dict[str, Any] | None = None) -> JournalEvent:
        """Journal something that happened around the sale (drawer opened, receipt printed,
        recording gap): it changes no state but belongs to the evidence."""
        return self._emit(kind, dict(data or {}))

    @property
    def finished(self) -> bool:
        return self.state in (SaleState.COMPLETED, SaleState.VOIDED)

    # -- rules -----------------------------------------------------------------------------
    def _expect(self, action: str, *states: SaleState) -> None:
        if self.state not in states:
            raise IllegalTransition(action, self.state.value)

    def _expect_kind(self, kind: SaleKind) -> None:
        if self.kind is not kind:
            raise IllegalTransition(f"{kind.value} item", self.kind.value)

    def _live_line(self, line_id: int) -> Line:
        ln = self.line(line_id)
        if ln.voided:
            raise DomainError(f"line {line_id} is voided", QT_TRANSLATE_NOOP("Domain", "That line is voided."))
        return ln

    def _require(self, permission: Permission, approved_by: str | None) -> None:
        if not allowed(self.cashier_role, permission) and not approved_by:
            raise ApprovalRequired(permission.value)

    def _check_quantity(self, quantity: Decimal, *, weighed: bool) -> None:
        if not isinstance(quantity, Decimal) or quantity <= 0 or quantity > 9999:
            raise InvalidAmount(f"bad quantity {quantity}",
                                QT_TRANSLATE_NOOP("Domain", "Quantity must be between 0 and 9999."))
        if not weighed and quantity != quantity.to_integral_value():
            raise InvalidAmount(f"fractional quantity {quantity}",
                                QT_TRANSLATE_NOOP("Domain", "Only weighed items take a fractional quantity."))

    def _check_discount(self, discount: Discount, base: Money, approved_by: str | None) -> None:
        if discount.value <= 0 or (discount.kind is DiscountKind.PERCENT and discount.value > 100):
            raise InvalidAmount("bad discount", QT_TRANSLATE_NOOP(
                "Domain", "A discount must be more than 0 and at most 100%."))
        if discount.kind is DiscountKind.PERCENT:
            percent = discount.value  # judged as given, not after rounding to the cent
        elif base.is_zero():
            return
        else:
            percent = abs(discount.amount_of(base).amount) * 100 / abs(base.amount)
        if percent > self.policy.discount_threshold_percent:
            self._require(Permission.LARGE_DISCOUNT, approved_by)

    def _no_open_payment(self) -> None:
        if self.open_payments:
            raise DomainError("card payment unresolved", QT_TRANSLATE_NOOP(
                "Domain", "A card payment is still unresolved; check it with the terminal first."))

    def _next_line_id(self) -> int:
        return max((ln.id for ln in self.lines), default=0) + 1

    # -- events ----------------------------------------------------------------------------
    def _emit(self, kind: str, data: dict[str, Any]) -> JournalEvent:
        now = self._clock.now()
        event = JournalEvent(len(self.events) + 1, kind, now.utc, now.mono_ns, data)
        self._apply(event)  # apply first: an event that cannot apply is never journaled
        self.events.append(event)
        for listener in self.listeners:
            listener(event)
        return event

    def _apply(self, e: JournalEvent) -> None:
        handler = getattr(self, f"_on_{e.kind}", None)
        if handler is not None:
            handler(e.data)

    def _m(self, minor: int) -> Money:
        return Money.from_minor(int(minor), self.currency)

    def _on_sale_started(self, d: dict[str, Any]) -> None:
        self.id, self.lane, self.cashier = d["sale_id"], d["lane"], d["cashier"]
        self.cashier_role = Role(d["role"])
        self.currency = currency(d["currency"])
        self.tax_mode = TaxMode(d["tax_mode"])
        self.kind = SaleKind(d["kind"])
        self.original_receipt = d.get("original_receipt")
        self.rounding = Money.zero(self.currency)

    def _on_line_added(self, d: dict[str, Any]) -> None:
        t = d["tax"]
        self.lines.append(Line(
            id=d["line_id"], product_id=d["product_id"], sku=d["sku"], name=d["name"],
            unit_price=self._m(d["unit_price"]), quantity=Decimal(d["quantity"]),
            tax=TaxRate(t["code"], Decimal(t["percent"]), t.get("name", "")),
            unit=d.get("unit", ""), category=d.get("category", ""),
            returns_line=d.get("returns_line")))

    def _on_quantity_changed(self, d: dict[str, Any]) -> None:
        self.line(d["line_id"]).quantity = Decimal(d["quantity"])

    def _on_line_voided(self, d: dict[str, Any]) -> None:
        self.line(d["line_id"]).voided = True

    def _on_price_overridden(self, d: dict[str, Any]) -> None:
        ln = self.line(d["line_id"])
        if ln.original_price is None:
            ln.original_price = ln.unit_price
        ln.unit_price = self._m(d["price"])

    def _on_line_discounted(self, d: dict[str, Any]) -> None:
        self.line(d["line_id"]).discount = Discount.from_data(d)

    def _on_sale_discounted(self, d: dict[str, Any]) -> None:
        self.sale_discount = Discount.from_data(d)

    def _on_tendering_started(self, d: dict[str, Any]) -> None:
        self.state = SaleState.TENDERING

    def _on_tendering_cancelled(self, d: dict[str, Any]) -> None:
        self.state = SaleState.OPEN

    def _on_cash_paid(self, d: dict[str, Any]) -> None:
        self.payments.append(Payment(d["payment_id"], Tender.CASH, self._m(d["applied"]),
                                     PaymentStatus.APPROVED, tendered=self._m(d["tendered"]),
                                     change=self._m(d["change"])))
        self.rounding = self.rounding + self._m(d["rounding"])

    def _on_payment_started(self, d: dict[str, Any]) -> None:
        self.payments.append(Payment(d["payment_id"], Tender(d["tender"]), self._m(d["amount"]),
                                     PaymentStatus.PENDING))

    def _set_payment(self, d: dict[str, Any], status: PaymentStatus) -> None:
        p = self.payment(d["payment_id"])
        p.status = status
        p.details = {k: v for k, v in d.items() if k != "payment_id"}

    def _on_payment_approved(self, d: dict[str, Any]) -> None:
        self._set_payment(d, PaymentStatus.APPROVED)

    def _on_payment_declined(self, d: dict[str, Any]) -> None:
        self._set_payment(d, PaymentStatus.DECLINED)

    def _on_payment_aborted(self, d: dict[str, Any]) -> None:
        self._set_payment(d, PaymentStatus.ABORTED)

    def _on_payment_unknown(self, d: dict[str, Any]) -> None:
        self._set_payment(d, PaymentStatus.UNKNOWN)

    def _on_payment_reversed(self, d: dict[str, Any]) -> None:
        self._set_payment(d, PaymentStatus.REVERSED)

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
