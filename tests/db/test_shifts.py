from decimal import Decimal

import pytest

from posdesk.core.lines import PaymentStatus, Tender
from posdesk.core.reports import ReportKind
from posdesk.core.sale import SaleKind
from posdesk.db.errors import ShiftError
from posdesk.db.shifts import ShiftStore

from .conftest import BREAD, MILK, SOAP, eur


@pytest.fixture
def shifts(database, clock) -> ShiftStore:
    return ShiftStore(clock)


def test_x_and_z_reports_add_up_a_day_of_cash_card_return_and_void(shifts, sales, maker):
    shifts.open("L1", "anna", eur("100.00"))
    maker.complete(maker.paid_cash((MILK, 2), (SOAP, 1)))          # 3.47 cash
    card = maker.open()
    card.add_product(BREAD, Decimal(4))                             # 9.96 card
    card.start_tender()
    card.begin_card(card.remaining, "c1")
    card.card_result("c1", PaymentStatus.APPROVED, {})
    maker.complete(card)
    _, originals = sales.find_by_receipt("L1", "1")
    ret = maker.open(kind=SaleKind.RETURN, original_receipt="1")
    ret.add_return_line(originals[1], Decimal(1))                   # 1.49 back in cash
    ret.start_tender()
    ret.pay_cash(eur("0"), "r1")
    maker.complete(ret)
    voided = maker.open()
    voided.add_product(SOAP, Decimal(3))
    voided.void(approved_by="max")
    sales.record_state(voided)
    parked = maker.open()
    parked.add_product(MILK)
    parked.suspend()
    sales.record_state(parked)                                       # not turnover yet
    shifts.cash_in("L1", eur("20.00"), "change from bank", "max")
    shifts.cash_out("L1", eur("50.00"), "to the safe", "max")

    x = shifts.x_report("L1")
    assert x.kind is ReportKind.X and x.counted is None
    assert (x.sales_count, x.gross_sales, x.returns_count, x.returns_value) == (2, eur("13.43"), 1, eur("1.49"))
    assert (x.voids_count, x.voids_value, x.net_sales) == (1, eur("4.47"), eur("11.94"))
    assert x.tenders == {Tender.CARD: eur("9.96"), Tender.CASH: eur("1.98")}
    assert {t.rate.code: t.gross for t in x.taxes} == {"A": eur("0.00"), "B": eur("11.94")}
    assert (x.cash_sales, x.cash_refunds) == (eur("3.47"), eur("1.49"))
    assert x.cash_expected == eur("71.98")  # 100 + 20 - 50 + 3.47 - 1.49

    z = shifts.close("L1", eur("71.50"), "max")
    assert z.kind is ReportKind.Z and z.difference == eur("-0.48")
    assert z.gross_sales == x.gross_sales and shifts.current("L1") is None
    with pytest.raises(ShiftError):
        shifts.close("L1", eur("71.50"), "max")
    assert shifts.z_report(z.shift.shift_id).difference == eur("-0.48")


def test_one_open_shift_per_lane_and_no_cash_moves_without_one(shifts):
    with pytest.raises(ShiftError):
        shifts.cash_in("L1", eur("5"), "", "anna")
    with pytest.raises(ShiftError):
        shifts.x_report("L1")
    opened = shifts.open("L1", "anna", eur("50"))
    with pytest.raises(ShiftError):
        shifts.open("L1", "max", eur("50"))
    shifts.open("L2", "max", eur("10"))
    assert shifts.current("L1") == opened
