"""X and Z reports: what a shift sold, per tax rate and tender, and what the drawer should hold.

Pure computation over plain values: the database layer gathers a shift's committed sales and
cash movements into `ReportSale` and `ShiftFacts`; tests build them straight from core
`Sale` objects. An X report is read during the shift; a Z report closes it (the database
makes sure a shift gets only one Z).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Iterable

from .lines import PaymentStatus, Tender
from .money import Currency, Money
from .sale import Sale, SaleKind, SaleState
from .tax import TaxRow


class ReportKind(Enum):
    X = "X"
    Z = "Z"


@dataclass(frozen=True)
class ReportPayment:
    tender: Tender
    #: The amount applied to the sale: negative when paid out on a return; change excluded.
    amount: Money


@dataclass(frozen=True)
class ReportSale:
    """The facts of one finished sale that a report needs."""

    kind: SaleKind
    state: SaleState
    total: Money
    discounts: Money
    #: Cash rounding (Swiss 5 Rappen): what the tenders differ from the total by.
    rounding: Money
    taxes: tuple[TaxRow, ...] = ()
    #: Approved payments only.
    payments: tuple[ReportPayment, ...] = ()
    voided_lines: int = 0
    voided_lines_value: Money | None = None

    @classmethod
    def from_sale(cls, sale: Sale) -> ReportSale:
        totals = sale.totals()
        voided = [ln for ln in sale.lines if ln.voided]
        return cls(sale.kind, sale.state, totals.total, totals.line_discounts + totals.sale_discount,
                   sale.rounding, totals.taxes,
                   tuple(ReportPayment(p.tender, p.amount) for p in sale.payments
                         if p.status is PaymentStatus.APPROVED),
                   len(voided), Money.sum((ln.amount for ln in voided), sale.currency))


@dataclass(frozen=True)
class CashMove:
    amount: Money
    #: True for money taken out of the drawer (to the safe, paid out).
    out: bool
    reason: str = ""


@dataclass(frozen=True)
class ShiftFacts:
    currency: Currency
    float_amount: Money
    movements: tuple[CashMove, ...] = ()
    #: Cash counted at closing; None for an X report during the shift.
    counted: Money | None = None
    shift_id: int | None = None
    lane: str = ""
    user: str = ""
    opened_utc: datetime | None = None
    closed_utc: datetime | None = None


@dataclass(frozen=True)
class ChainHead:
    """The evidence chain's head as a Z report prints it: a witness outside the lane."""

    entries: int
    #: First 16 hex digits of the last entry's SHA-256.
    hash_prefix: str

    def __str__(self) -> str:
        return f"{self.entries}:{self.hash_prefix}"


@dataclass(frozen=True)
class XZReport:
    kind: ReportKind
    shift: ShiftFacts
    sales_count: int
    gross_sales: Money
    returns_count: int
    #: Positive: what was refunded.
    returns_value: Money
    #: gross sales − returns: what the tax rows and tenders add up to (tenders + rounding).
    net_sales: Money
    voids_count: int
    voids_value: Money
    line_voids_count: int
    line_voids_value: Money
    discounts: Money
    rounding: Money
    taxes: tuple[TaxRow, ...]
    tenders: dict[Tender, Money] = field(default_factory=dict)
    cash_in: Money | None = None
    cash_out: Money | None = None
    cash_sales: Money | None = None
    cash_refunds: Money | None = None
    cash_expected: Money | None = None
    counted: Money | None = None
    #: counted − expected: negative when cash is missing.
    difference: Money | None = None
    #: The lane's evidence chain head when the Z report was taken (None: no chain yet).
    chain_head: ChainHead | None = None


def compute_report(kind: ReportKind, sales: Iterable[ReportSale], shift: ShiftFacts) -> XZReport:
    cur = shift.currency
    zero = Money.zero(cur)
    sales = list(sales)
    done = [s for s in sales if s.state is SaleState.COMPLETED]
    sold = [s for s in done if s.kind is SaleKind.SALE]
    returned = [s for s in done if s.kind is SaleKind.RETURN]
    voided = [s for s in sales if s.state is SaleState.VOIDED]

    tenders: dict[Tender, Money] = {}
    cash_sales = cash_refunds = zero
    for p in (p for s in done for p in s.payments):
        tenders[p.tender] = tenders.get(p.tender, zero) + p.amount
        if p.tender is Tender.CASH:
            if p.amount.amount >= 0:
                cash_sales += p.amount
            else:
                cash_refunds -= p.amount
    cash_in = Money.sum((m.amount for m in shift.movements if not m.out), cur)
    cash_out = Money.sum((m.amount for m in shift.movements if m.out), cur)
    expected = shift.float_amount + cash_in - cash_out + cash_sales - cash_refunds
    gross = Money.sum((s.total for s in sold), cur)
    refunds = -Money.sum((s.total for s in returned), cur)
    return XZReport(
        kind=kind, shift=shift,
        sales_count=len(sold), gross_sales=gross,
        returns_count=len(returned), returns_value=refunds, net_sales=gross - refunds,
        voids_count=len(voided), voids_value=Money.sum((s.total for s in voided), cur),
        line_voids_count=sum(s.voided_lines for s in done),
        line_voids_value=Money.sum((s.voided_lines_value or zero for s in done), cur),
        discounts=Money.sum((s.discounts for s in sold), cur),
        rounding=Money.sum((s.rounding for s in done), cur),
        taxes=_sum_taxes((t for s in done for t in s.taxes), cur),
        tenders=dict(sorted(tenders.items(), key=lambda kv: kv[0].value)),
        cash_in=cash_in, cash_out=cash_out, cash_sales=cash_sales, cash_refunds=cash_refunds,
        cash_expected=expected, counted=shift.counted,
        difference=None if shift.counted is None else shift.counted - expected)


def _sum_taxes(rows: Iterable[TaxRow], cur: Currency) -> tuple[TaxRow, ...]:
    """One row per rate (code and percent: a rate changed mid-shift stays apart)."""
    sums: dict[tuple[str, str], TaxRow] = {}
    for r in rows:
        key = (r.rate.code, str(r.rate.percent))
        prev = sums.get(key)
        sums[key] = r if prev is None else TaxRow(prev.rate, prev.net + r.net, prev.tax + r.tax,
                                                  prev.gross + r.gross)
    return tuple(sums[k] for k in sorted(sums))

