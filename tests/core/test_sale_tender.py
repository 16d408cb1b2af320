"""Tender commands: cash, card payments and their answers, and the way back to the items."""
from decimal import Decimal

import pytest

from posdesk.core.errors import DomainError, IllegalTransition, InvalidAmount
from posdesk.core.journal import JournalKind
from posdesk.core.lines import PaymentStatus
from posdesk.core.permissions import Role
from posdesk.core.sale import SaleState

from .conftest import BREAD, MILK, eur, new_sale


def _tendering(clock, role=Role.CASHIER):
    sale = new_sale(clock, role=role)
    sale.add_product(BREAD)  # 2.49
    sale.start_tender()
    return sale


def test_tendering_needs_an_item_and_journals_the_total(clock):
    sale = new_sale(clock)
    with pytest.raises(DomainError, match="empty sale"):
        sale.start_tender()
    sale.add_product(MILK, Decimal(2))
    sale.start_tender()
    assert sale.events[-1].kind is JournalKind.TENDERING_STARTED
    assert sale.events[-1].data == {"total": 198} and sale.state is SaleState.TENDERING


def test_back_to_items_only_before_any_payment(clock):
    sale = _tendering(clock)
    sale.back_to_items()
    assert sale.state is SaleState.OPEN
    sale.start_tender()
    sale.pay_cash(eur("1.00"), "p1")
    with pytest.raises(DomainError, match="payments exist"):
        sale.back_to_items()


def test_short_cash_is_applied_in_full_and_leaves_a_rest(clock):
    sale = _tendering(clock)
    cash = sale.pay_cash(eur("2.00"), "p1")
    assert cash.amount == eur("2.00") and cash.change == eur("0")
    assert sale.remaining == eur("0.49")
    assert sale.events[-1].data == {"payment_id": "p1", "tendered": 200, "applied": 200,
                                    "change": 0, "rounding": 0}


def test_cash_must_be_positive_while_something_is_owed(clock):
    with pytest.raises(InvalidAmount):
        _tendering(clock).pay_cash(eur("0"), "p1")


def test_cash_is_taken_only_on_the_tender_screen(clock):
    sale = new_sale(clock)
    sale.add_product(BREAD)
    with pytest.raises(IllegalTransition):
        sale.pay_cash(eur("5"), "p1")


def test_card_payment_is_journaled_before_the_terminal_answers(clock):
    sale = _tendering(clock)
    card = sale.begin_card(eur("2.49"), "c1", {"terminal": "T1"})
    assert card.status is PaymentStatus.PENDING and sale.open_payments == [card]
    assert sale.events[-1].kind is JournalKind.PAYMENT_STARTED
    assert sale.events[-1].data == {"payment_id": "c1", "tender": "card", "amount": 249,
                                    "terminal": "T1"}


@pytest.mark.parametrize("amount", ["0", "2.50", "-1.00"])
def test_card_amount_must_fit_what_is_owed(clock, amount):
    with pytest.raises(InvalidAmount):
        _tendering(clock).begin_card(eur(amount), "c1")


def test_each_answer_journals_its_own_kind(clock):
    sale = _tendering(clock)
    for n, status in enumerate([PaymentStatus.DECLINED, PaymentStatus.ABORTED], start=1):
        sale.begin_card(eur("2.49"), f"c{n}")
        sale.card_result(f"c{n}", status)
        assert sale.events[-1].kind == f"payment_{status.value}"
    sale.begin_card(eur("2.49"), "c3")
    sale.card_result("c3", PaymentStatus.APPROVED, {"masked_pan": "****1234"})
    assert sale.payment("c3").details == {"masked_pan": "****1234"} and sale.remaining.is_zero()


def test_an_answer_is_taken_once_and_is_never_pending(clock):
    sale = _tendering(clock)
    sale.begin_card(eur("2.49"), "c1")
    with pytest.raises(DomainError, match="cannot be pending"):
        sale.card_result("c1", PaymentStatus.PENDING)
    sale.card_result("c1", PaymentStatus.DECLINED)
    with pytest.raises(DomainError, match="already declined"):
        sale.card_result("c1", PaymentStatus.APPROVED)


def test_only_an_approved_card_payment_is_reversed_and_then_the_sale_may_be_voided(clock):
    sale = _tendering(clock, role=Role.MANAGER)
    sale.begin_card(eur("2.49"), "c1")
    with pytest.raises(DomainError, match="not approved"):
        sale.card_reversed("c1")
    sale.card_result("c1", PaymentStatus.APPROVED)
    with pytest.raises(DomainError, match="card payment approved"):
        sale.void()
    sale.card_reversed("c1", {"trace": "8"})
    assert sale.events[-1].kind is JournalKind.PAYMENT_REVERSED
    assert sale.payment("c1").status is PaymentStatus.REVERSED and sale.remaining == eur("2.49")
    sale.void()
    assert sale.state is SaleState.VOIDED
