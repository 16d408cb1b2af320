"""The parts of a sale: lines, discounts and payments, and the totals they add up to."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any

from .money import Currency, Money
from .tax import TaxMode, TaxRate, TaxRow, breakdown


class DiscountKind(Enum):
    AMOUNT = "amount"
    PERCENT = "percent"


@dataclass(frozen=True)
class Discount:
    kind: DiscountKind
    #: Minor units for AMOUNT, percent for PERCENT.
    value: Decimal

    def amount_of(self, base: Money) -> Money:
        """The discount on `base`, never more than `base` itself."""
        if self.kind is DiscountKind.PERCENT:
            off = base.times(self.value / Decimal(100))
        else:
            off = Money.from_minor(int(self.value), base.currency)
            if base.amount < 0:  # a returned line is negative; its discount is too
                off = -off
        return off if abs(off) <= abs(base) else base

    def to_data(self) -> dict[str, str]:
        return {"kind": self.kind.value, "value": str(self.value)}

    @classmethod
    def from_data(cls, d: dict[str, str]) -> Discount:
        return cls(DiscountKind(d["kind"]), Decimal(d["value"]))


@dataclass
class Line:
    id: int
    product_id: int | None
    sku: str
    name: str
    unit_price: Money
    quantity: Decimal
    tax: TaxRate
    unit: str = ""
    category: str = ""
    voided: bool = False
    discount: Discount | None = None
    #: The catalog price before a manager's override, if one happened.
    original_price: Money | None = None
    #: For a return line: the id of the line in the original sale.
    returns_line: int | None = None

    @property
    def gross(self) -> Money:
        return self.unit_price.times(self.quantity)

    @property
    def discount_amount(self) -> Money:
        return self.discount.amount_of(self.gross) if self.discount else Money.zero(self.unit_price.currency)

    @property
    def amount(self) -> Money:
        """What the line costs after its own discount (before any sale discount)."""
        return self.gross - self.discount_amount


class PaymentStatus(Enum):
    PENDING = "pending"      # sent to the terminal, no answer yet
    UNKNOWN = "unknown"      # the answer was lost: must be reconciled, never re-sent
    APPROVED = "approved"
    DECLINED = "declined"
    ABORTED = "aborted"
    REVERSED = "reversed"


class Tender(Enum):
    CASH = "cash"
    CARD = "card"


@dataclass
class Payment:
    id: str
    tender: Tender
    amount: Money
    status: PaymentStatus
    #: Cash handed over by the customer (cash only).
    tendered: Money | None = None
    change: Money | None = None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def counts(self) -> bool:
        return self.status is PaymentStatus.APPROVED

    @property
    def open(self) -> bool:
        return self.status in (PaymentStatus.PENDING, PaymentStatus.UNKNOWN)


@dataclass(frozen=True)
class Totals:
    subtotal: Money
    line_discounts: Money
    sale_discount: Money
    taxes: tuple[TaxRow, ...]
    total: Money


def compute_totals(lines: list[Line], sale_discount: Discount | None, mode: TaxMode,
                   cur: Currency) -> Totals:
    """Totals of the active lines. The sale discount is spread over the lines in proportion
    to their amounts (exact to the minor unit) so every tax rate bears its share."""
    active = [ln for ln in lines if not ln.voided]
    amounts = [ln.amount for ln in active]
    subtotal = Money.sum(amounts, cur)
    line_discounts = Money.sum((ln.discount_amount for ln in active), cur)
    discount = sale_discount.amount_of(subtotal) if sale_discount and active else Money.zero(cur)
    shares = discount.allocate([abs(a.amount) for a in amounts]) if active else []
    after = [(ln.tax, a - s) for ln, a, s in zip(active, amounts, shares, strict=True)]
    rows = tuple(breakdown(after, mode, cur))
    total = Money.sum((r.gross for r in rows), cur)
    return Totals(subtotal, line_discounts, discount, rows, total)
