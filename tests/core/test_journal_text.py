"""Every event a sale journals has its line of text (the clip's subtitles, the viewer's list)."""
from decimal import Decimal

from posdesk.core.journal_text import describe
from posdesk.core.lines import Discount, DiscountKind
from posdesk.core.sale import Sale

from .conftest import BREAD, EUR, MILK, eur, new_sale


def _busy_sale(clock) -> Sale:
    sale = new_sale(clock)
    milk = sale.add_product(MILK, Decimal(2))
    bread = sale.add_product(BREAD)
    sale.set_quantity(milk.id, Decimal(3))
    sale.override_price(bread.id, eur("1.99"), approved_by="max")
    sale.discount_line(milk.id, Discount(DiscountKind.AMOUNT, Decimal(50)), approved_by="max")
    sale.discount_sale(Discount(DiscountKind.PERCENT, Decimal(5)), approved_by="max")
    sale.void_line(bread.id, approved_by="max")
    sale.start_tender()
    sale.pay_cash(eur("10.00"), "p1")
    sale.complete("7")
    return sale


def test_every_event_of_a_busy_sale_is_described_without_error(clock):
    texts = [describe(e, EUR) for e in _busy_sale(clock).events]
    assert texts[0].startswith("Sale started, cashier")
    assert "Line 1: discount 0.50" in texts
    assert "Sale: discount 5%" in texts
    assert texts[-1] == "Sale completed, receipt 7"
