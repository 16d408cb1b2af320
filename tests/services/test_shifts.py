"""The shift at the till: float, cash in and out, the drawer without a sale."""
import pytest

from posdesk.core.errors import ApprovalRequired
from posdesk.core.money import Money, currency
from tests.services.helpers import audit_rows

EUR = currency("EUR")


def test_a_shift_opens_with_its_float_and_counts_cash_movements(services, till):
    assert till.shifts.current_shift() is None
    till.shifts.open_shift(Money.of("100", EUR))
    shift = till.shifts.current_shift()
    assert shift.user == "Anna" and shift.float_amount == Money.of("100", EUR)
    till.shifts.cash_movement(Money.of("20", EUR), "change from the bank", out=False)
    till.shifts.cash_movement(Money.of("50", EUR), "to the safe", out=True)
    report = till.reports.x_report()
    assert report.cash_in == Money.of("20", EUR) and report.cash_out == Money.of("50", EUR)


def test_no_sale_needs_a_manager_opens_the_drawer_and_is_audited(services, till):
    kicks = []
    till.checkout.set_drawer(lambda: kicks.append(1))
    with pytest.raises(ApprovalRequired):
        till.shifts.no_sale()
    assert kicks == []
    till.shifts.no_sale(approved_by="Max")
    assert kicks == [1]
    assert audit_rows(services, "no_sale") == [("Anna", {"approved_by": "Max"})]
