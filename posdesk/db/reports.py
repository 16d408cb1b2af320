"""Gathering a shift's committed sales and cash movements for `core.reports`."""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from posdesk.core.lines import PaymentStatus, Tender
from posdesk.core.money import Money, currency
from posdesk.core.reports import CashMove, ReportKind, ReportPayment, ReportSale, ShiftFacts, XZReport, compute_report
from posdesk.core.sale import SaleKind, SaleState
from posdesk.core.tax import TaxRate, TaxRow

from .models import CashMovement, Payment, Sale, SaleLine, SaleTax, Shift

#: Sale states a report counts; open and suspended sales are not (yet) turnover.
_REPORTED = (SaleState.COMPLETED.value, SaleState.VOIDED.value)


def shift_report(shift: Shift, kind: ReportKind) -> XZReport:
    cur = currency(shift.currency)

    def m(minor: int) -> Money:
        return Money.from_minor(minor, cur)

    sales = list(Sale.select().where(Sale.shift == shift.id, Sale.state.in_(_REPORTED)))
    ids = [s.id for s in sales]
    taxes: dict[str, list[TaxRow]] = defaultdict(list)
    payments: dict[str, list] = defaultdict(list)
    voided: dict[str, list[int]] = defaultdict(list)
    if ids:
        for t in SaleTax.select().where(SaleTax.sale.in_(ids)).order_by(SaleTax.code):
            taxes[t.sale_id].append(TaxRow(TaxRate(t.code, Decimal(t.percent), t.name),
                                           m(t.net_minor), m(t.tax_minor), m(t.gross_minor)))
        approved = Payment.select().where(Payment.sale.in_(ids),
                                          Payment.status == PaymentStatus.APPROVED.value)
        for p in approved:
            payments[p.sale_id].append((Tender(p.tender), m(p.amount_minor)))
        lines = SaleLine.select(SaleLine.sale, SaleLine.amount_minor).where(
            SaleLine.sale.in_(ids), SaleLine.voided == True)  # noqa: E712 - SQL comparison
        for ln in lines:
            voided[ln.sale_id].append(ln.amount_minor)
    facts = [_report_sale(s, m, taxes[s.id], payments[s.id], voided[s.id]) for s in sales]
    moves = tuple(CashMove(m(c.amount_minor), c.direction == "out", c.reason)
                  for c in CashMovement.select().where(CashMovement.shift == shift.id).order_by(CashMovement.id))
    counted = None if shift.counted_minor is None else m(shift.counted_minor)
    return compute_report(kind, facts, ShiftFacts(
        cur, m(shift.float_minor), moves, counted, shift.id, shift.lane, shift.user,
        shift.opened_utc, shift.closed_utc))


def _report_sale(s: Sale, m, taxes: list[TaxRow], payments: list, voided: list[int]) -> ReportSale:
    return ReportSale(SaleKind(s.kind), SaleState(s.state), m(s.total_minor), m(s.discount_minor),
                      m(s.rounding_minor), tuple(taxes),
                      tuple(ReportPayment(t, a) for t, a in payments),
                      len(voided), m(sum(voided)))
