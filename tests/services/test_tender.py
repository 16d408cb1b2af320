"""Paying: cash completes a sale once its commit is on disk, with gapless receipt numbers;
card answers are journaled; quick cash offers what customers hand over."""
import pytest

from posdesk.core.errors import ApprovalRequired
from posdesk.core.lines import PaymentStatus
from posdesk.core.money import Money, currency
from posdesk.core.sale import SaleState
from posdesk.services.build import build_services
from tests.services.helpers import audit_rows, db_rows, settle

MILK = "4006381333931"
EUR = currency("EUR")


def test_cash_completes_the_sale_once_it_is_saved(services, till):
    till.selling.enter(f"3*{MILK}")
    till.tender.start_tender()
    kicks = []
    till.checkout.set_drawer(lambda: kicks.append(1))
    till.tender.pay_cash(Money.of("10", EUR))
    assert till.checkout.saving and not kicks  # no change handed out for an unsaved sale
    settle(services)
    done = till.checkout.last_sale
    assert till.checkout.sale is None and done.state is SaleState.COMPLETED and kicks == [1]
    (row,) = db_rows(services, "select state, receipt_no, total_minor from sale")
    assert row == ("completed", 1, done.total.minor)
    kinds = [k for (k,) in db_rows(services, "select kind from journal_event order by seq")]
    # The drawer opened for the change only once the sale was saved.
    assert kinds[0] == "sale_started" and kinds[-2:] == ["sale_completed", "drawer_opened"]


def test_a_partial_cash_payment_opens_the_drawer_and_the_sale_stays(till):
    till.selling.enter(f"3*{MILK}")
    till.tender.start_tender()
    kicks = []
    till.checkout.set_drawer(lambda: kicks.append(1))
    till.tender.pay_cash(Money.of("1", EUR))
    assert kicks == [1] and till.checkout.sale.state is SaleState.TENDERING


def test_back_to_items_before_anything_is_paid(till):
    till.selling.enter(MILK)
    till.tender.start_tender()
    till.tender.back_to_items()
    assert till.checkout.sale.state is SaleState.OPEN


def test_receipt_numbers_are_gapless_across_sales_and_restarts(tmp_path):
    for expected in (1, 2):
        s = build_services(tmp_path, demo=True)
        s.till.session.login("1234", name="Anna")
        s.till.selling.enter(MILK)
        s.till.tender.start_tender()
        s.till.tender.pay_cash(Money.of("5", EUR))
        settle(s)
        assert s.checkout.last_sale.receipt_no == str(expected)
        s.close()


def test_quick_cash_offers_the_exact_amount_then_notes(till):
    assert till.tender.quick_cash() == []
    till.selling.enter(f"3*{MILK}")
    assert till.tender.quick_cash() == [Money.of(v, EUR) for v in ("3.57", "5", "10", "20")]


def test_an_approved_card_completes_the_sale(services, till):
    till.selling.enter(MILK)
    till.tender.start_tender()
    sale = till.checkout.sale
    till.tender.begin_card(sale.remaining, "pay-1", {"previous_receipt_no": None})
    assert sale.payment("pay-1").open
    till.tender.card_result("pay-1", PaymentStatus.APPROVED,
                            {"outcome": "approved", "receipt_no": 17, "slip_lines": ["APPROVED"]})
    settle(services)
    assert till.checkout.last_sale is sale and sale.state is SaleState.COMPLETED
    assert sale.payment("pay-1").details["receipt_no"] == 17


def test_resolving_a_card_payment_needs_a_manager_and_is_audited(services, till):
    till.selling.enter(MILK)
    till.tender.start_tender()
    sale = till.checkout.sale
    till.tender.begin_card(sale.remaining, "pay-1", {})
    till.tender.card_result("pay-1", PaymentStatus.UNKNOWN, {"error": "line lost"})
    with pytest.raises(ApprovalRequired):
        till.tender.resolve_card_payment("pay-1", charged=False, reason="terminal journal")
    till.tender.resolve_card_payment("pay-1", charged=False, reason="terminal journal",
                                     approved_by="Max")
    assert sale.payment("pay-1").status is PaymentStatus.DECLINED
    ((user, details),) = audit_rows(services, "card_payment_resolved")
    assert user == "Anna" and details["approver"] == "Max" and details["resolution"] == "not-charged"
