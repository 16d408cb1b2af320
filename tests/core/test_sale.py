from decimal import Decimal

import pytest

from posdesk.core.errors import AgeCheckRequired, ApprovalRequired, DomainError, IllegalTransition
from posdesk.core.lines import Discount, DiscountKind, PaymentStatus
from posdesk.core.money import Money, currency
from posdesk.core.permissions import Role
from posdesk.core.sale import OriginalLine, Sale, SaleKind, SaleState
from posdesk.core.tax import TaxMode

from .conftest import APPLES, BREAD, MILK, VAT7, WINE, eur, new_sale


def test_every_step_is_journaled_with_utc_and_monotonic_time(clock):
    sale = new_sale(clock)
    clock.advance(ms=120)
    sale.add_product(MILK)
    kinds = [e.kind for e in sale.events]
    assert kinds == ["sale_started", "line_added"]
    assert sale.events[1].mono_ns - sale.events[0].mono_ns == 120_000_000
    assert sale.events[1].utc.tzinfo is not None


def test_replaying_the_journal_rebuilds_the_sale_exactly(clock):
    sale = new_sale(clock, role=Role.MANAGER)
    sale.add_product(MILK, Decimal(3))
    sale.add_product(BREAD)
    sale.add_product(APPLES, Decimal("1.235"))
    sale.set_quantity(1, Decimal(2))
    sale.void_line(2)
    sale.discount_line(3, Discount(DiscountKind.PERCENT, Decimal(50)))
    sale.override_price(1, eur("0.89"))
    sale.start_tender()
    sale.pay_cash(eur("2"), "p1")
    copy = Sale.replay(sale.events, clock)
    assert copy.totals() == sale.totals()
    assert copy.remaining == sale.remaining and copy.state is SaleState.TENDERING
    assert [(ln.id, ln.quantity, ln.voided, ln.unit_price) for ln in copy.lines] == \
           [(ln.id, ln.quantity, ln.voided, ln.unit_price) for ln in sale.lines]


def test_cashier_needs_manager_to_void_a_line(clock):
    sale = new_sale(clock)
    sale.add_product(MILK)
    with pytest.raises(ApprovalRequired):
        sale.void_line(1)
    sale.void_line(1, approved_by="max")
    assert sale.lines[0].voided and sale.events[-1].data["approved_by"] == "max"
    assert sale.total.is_zero()


def test_lowering_quantity_needs_approval_but_raising_does_not(clock):
    sale = new_sale(clock)
    sale.add_product(MILK)
    sale.set_quantity(1, Decimal(4))
    with pytest.raises(ApprovalRequired):
        sale.set_quantity(1, Decimal(2))
    assert sale.lines[0].quantity == 4


def test_counted_item_refuses_fractional_quantity(clock):
    sale = new_sale(clock)
    with pytest.raises(DomainError):
        sale.add_product(MILK, Decimal("1.5"))
    assert sale.lines == []


def test_age_restricted_item_needs_confirmation(clock):
    sale = new_sale(clock)
    with pytest.raises(AgeCheckRequired):
        sale.add_product(WINE)
    assert sale.lines == []
    sale.add_product(WINE, age_confirmed=True)
    assert [e.kind for e in sale.events][-2:] == ["age_confirmed", "line_added"]


def test_small_discount_is_allowed_large_needs_manager(clock):
    sale = new_sale(clock)
    sale.add_product(WINE, age_confirmed=True)
    sale.discount_line(1, Discount(DiscountKind.PERCENT, Decimal(10)))
    with pytest.raises(ApprovalRequired):
        sale.discount_sale(Discount(DiscountKind.AMOUNT, Decimal(500)))
    sale.discount_sale(Discount(DiscountKind.AMOUNT, Decimal(500)), approved_by="max")
    assert sale.total == eur("6.74") - eur("5.00")


def test_cash_sale_gives_change_and_completes(clock):
    sale = new_sale(clock)
    sale.add_product(MILK, Decimal(2))
    sale.start_tender()
    p = sale.pay_cash(eur("5"), "p1")
    assert p.change == eur("3.02") and sale.remaining.is_zero()
    sale.complete("17")
    assert sale.state is SaleState.COMPLETED and sale.receipt_no == "17"


def test_cannot_complete_with_money_owing(clock):
    sale = new_sale(clock)
    sale.add_product(BREAD)
    sale.start_tender()
    sale.pay_cash(eur("1"), "p1")
    with pytest.raises(DomainError):
        sale.complete("1")
    assert sale.remaining == eur("1.49")


def test_split_tender_cash_then_card(clock):
    sale = new_sale(clock)
    sale.add_product(WINE, age_confirmed=True)
    sale.start_tender()
    sale.pay_cash(eur("5"), "p1")
    card = sale.begin_card(sale.remaining, "p2")
    assert card.status is PaymentStatus.PENDING
    with pytest.raises(DomainError):
        sale.complete("1")  # an unresolved card payment blocks completion
    sale.card_result("p2", PaymentStatus.APPROVED, {"masked_pan": "************1234"})
    sale.complete("1")
    assert sale.paid == eur("7.49")


def test_lost_card_answer_blocks_void_and_new_payment_until_reconciled(clock):
    sale = new_sale(clock, role=Role.MANAGER)
    sale.add_product(BREAD)
    sale.start_tender()
    sale.begin_card(eur("2.49"), "p1")
    sale.card_result("p1", PaymentStatus.UNKNOWN)
    with pytest.raises(DomainError):
        sale.begin_card(eur("2.49"), "p2")
    with pytest.raises(DomainError):
        sale.void()
    sale.card_result("p1", PaymentStatus.APPROVED, {"trace": "12"})
    sale.complete("1")


def test_card_cannot_exceed_what_is_owed(clock):
    sale = new_sale(clock)
    sale.add_product(BREAD)
    sale.start_tender()
    with pytest.raises(DomainError):
        sale.begin_card(eur("3.00"), "p1")


def test_swiss_cash_payment_rounds_to_five_rappen(clock):
    chf = currency("CHF")
    sale = new_sale(clock, cur=chf)
    sale.add_product(MILK.__class__(9, "X", "X", Money.of("10.02", chf), VAT7))
    sale.start_tender()
    assert sale.cash_due() == Money.of("10.00", chf)
    p = sale.pay_cash(Money.of("20", chf), "p1")
    assert p.change == Money.of("10.00", chf) and sale.remaining.is_zero()
    assert sale.rounding == Money.of("-0.02", chf)


def test_suspend_and_resume(clock):
    sale = new_sale(clock)
    sale.add_product(MILK)
    sale.suspend()
    with pytest.raises(IllegalTransition):
        sale.add_product(BREAD)
    sale.resume("bob")
    sale.add_product(BREAD)
    assert sale.state is SaleState.OPEN and sale.cashier == "bob" and len(sale.active_lines) == 2


def test_void_sale_needs_manager(clock):
    sale = new_sale(clock)
    sale.add_product(MILK)
    with pytest.raises(ApprovalRequired):
        sale.void()
    sale.void(approved_by="max", reason="customer left")
    assert sale.state is SaleState.VOIDED
    with pytest.raises(IllegalTransition):
        sale.add_product(MILK)


def _original(qty="3", returned="0"):
    return OriginalLine(line_id=1, product_id=1, sku="MILK", name="Milk 1L", unit_price=eur("0.99"),
                        quantity=Decimal(qty), returned=Decimal(returned), tax=VAT7,
                        net_amount=eur("2.70"))


def test_refund_needs_manager_and_pays_back_what_was_paid(clock):
    with pytest.raises(ApprovalRequired):
        Sale.open(sale_id="r", lane="L1", cashier="ann", cashier_role=Role.CASHIER,
                  cur=currency("EUR"), tax_mode=TaxMode.INCLUSIVE, clock=clock,
                  kind=SaleKind.RETURN,
                  original_receipt="5")

    ret = Sale.open(sale_id="r", lane="L1", cashier="ann", cashier_role=Role.CASHIER,
                    cur=currency("EUR"), tax_mode=TaxMode.INCLUSIVE, clock=clock,
                    kind=SaleKind.RETURN, original_receipt="5", approved_by="max")
    ret.add_return_line(_original(), Decimal(2))
    assert ret.total == eur("-1.80")  # 2.70 paid for 3 after discount: 0.90 each
    ret.start_tender()
    p = ret.pay_cash(eur("0"), "p1")
    assert p.amount == eur("-1.80") and ret.remaining.is_zero()


def test_partial_return_cannot_exceed_what_is_left(clock):

    ret = Sale.open(sale_id="r", lane="L1", cashier="max", cashier_role=Role.MANAGER,
                    cur=currency("EUR"), tax_mode=TaxMode.INCLUSIVE, clock=clock,
                    kind=SaleKind.RETURN, original_receipt="5")
    ret.add_return_line(_original(returned="2"), Decimal(1))
    with pytest.raises(DomainError):
        ret.add_return_line(_original(returned="2"), Decimal(1))


def test_exclusive_tax_adds_on_top(clock):
    sale = new_sale(clock, mode=TaxMode.EXCLUSIVE)
    sale.add_product(WINE, age_confirmed=True)  # 7.49 net at 19 %
    assert sale.total == eur("8.91")
    (row,) = sale.totals().taxes
    assert row.tax == eur("1.42") and row.net == eur("7.49")
