"""Properties that must hold for any cart: the numbers a till prints always add up."""
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from posdesk.core.catalog import Product
from posdesk.core.clock import ManualClock
from posdesk.core.lines import Discount, DiscountKind, PaymentStatus
from posdesk.core.money import Money, currency
from posdesk.core.permissions import Role
from posdesk.core.sale import Sale
from posdesk.core.tax import TaxMode, TaxRate

RATES = [TaxRate("A", Decimal("19")), TaxRate("B", Decimal("7")), TaxRate("C", Decimal("13")),
         TaxRate("D", Decimal("0")), TaxRate("E", Decimal("8.875"))]

line_st = st.tuples(st.integers(1, 99_999), st.integers(1, 12), st.sampled_from(RATES),
                    st.one_of(st.none(), st.integers(1, 100)))
cart_st = st.lists(line_st, min_size=1, max_size=15)
discount_st = st.one_of(st.none(), st.integers(1, 100))
currency_st = st.sampled_from(["EUR", "CNY", "CHF", "JPY"])


def build(cart, sale_discount, mode, code) -> Sale:
    cur = currency(code)
    sale = Sale.open(sale_id="p", lane="L1", cashier="m", cashier_role=Role.MANAGER, cur=cur,
                     tax_mode=mode, clock=ManualClock())
    for i, (price, qty, rate, pct) in enumerate(cart):
        p = Product(i, f"S{i}", f"Item {i}", Money.from_minor(price, cur), rate)
        line = sale.add_product(p, Decimal(qty))
        if pct:
            sale.discount_line(line.id, Discount(DiscountKind.PERCENT, Decimal(pct)))
    if sale_discount:
        sale.discount_sale(Discount(DiscountKind.PERCENT, Decimal(sale_discount)))
    return sale


@given(cart_st, discount_st, st.sampled_from(list(TaxMode)), currency_st)
def test_tax_breakdown_sums_to_total(cart, sale_discount, mode, code):
    sale = build(cart, sale_discount, mode, code)
    t = sale.totals()
    cur = sale.currency
    assert Money.sum((r.gross for r in t.taxes), cur) == t.total
    for r in t.taxes:
        assert r.net + r.tax == r.gross
    assert Money.sum((r.net for r in t.taxes), cur) + Money.sum((r.tax for r in t.taxes), cur) == t.total
    if mode is TaxMode.INCLUSIVE:
        assert t.total == t.subtotal - t.sale_discount


@given(cart_st, discount_st, currency_st, st.integers(0, 10_000_000))
def test_change_is_never_negative(cart, sale_discount, code, extra_minor):
    sale = build(cart, sale_discount, TaxMode.INCLUSIVE, code)
    sale.start_tender()
    due = sale.cash_due()
    tendered = due + Money.from_minor(extra_minor, sale.currency)
    if tendered.amount <= 0:
        return
    p = sale.pay_cash(tendered, "c")
    assert p.change.amount >= 0
    assert sale.remaining.is_zero()
    assert p.amount + p.change == tendered


@given(cart_st, st.lists(st.integers(1, 5_000_000), min_size=1, max_size=5))
def test_split_tenders_add_up(cart, cash_parts):
    sale = build(cart, None, TaxMode.INCLUSIVE, "EUR")
    sale.start_tender()
    for i, part in enumerate(cash_parts):
        if sale.remaining.amount <= 0:
            break
        amount = min(Money.from_minor(part, sale.currency), sale.remaining)
        if i % 2:
            sale.begin_card(amount, f"k{i}")
            sale.card_result(f"k{i}", PaymentStatus.APPROVED)
        else:
            sale.pay_cash(amount, f"c{i}")
    if sale.remaining.amount > 0:
        sale.pay_cash(sale.remaining, "last")
    assert sale.paid == sale.total
    sale.complete("1")
