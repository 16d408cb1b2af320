"""Line commands: what a cashier may do to the items, and what needs a manager."""
from decimal import Decimal

import pytest

from posdesk.core.catalog import Product
from posdesk.core.errors import ApprovalRequired, DomainError, IllegalTransition, InvalidAmount
from posdesk.core.journal import JournalKind
from posdesk.core.lines import Discount, DiscountKind
from posdesk.core.permissions import Policy, Role
from posdesk.core.sale import Sale
from posdesk.core.tax import TaxMode

from .conftest import APPLES, BREAD, EUR, MILK, eur, new_sale


def test_a_product_line_journals_its_price_tax_and_source(clock):
    sale = new_sale(clock)
    line = sale.add_product(BREAD, Decimal(2), price=eur("1.99"), source="search")
    event = sale.events[-1]
    assert event.kind is JournalKind.LINE_ADDED
    assert (event.data["unit_price"], event.data["source"], event.data["sku"]) == (199, "search", "BREAD")
    assert line.amount == eur("3.98") and line.unit_price == eur("1.99")


def test_inactive_products_are_not_for_sale(clock):
    sale = new_sale(clock)
    retired = Product(9, "OLD", "Old milk", eur("0.50"), MILK.tax, active=False)
    with pytest.raises(DomainError, match="OLD is not for sale"):
        sale.add_product(retired)


@pytest.mark.parametrize("quantity", ["0", "-1", "10000"])
def test_quantity_must_be_between_0_and_9999(clock, quantity):
    sale = new_sale(clock)
    with pytest.raises(InvalidAmount):
        sale.add_product(MILK, Decimal(quantity))


def test_weighed_items_take_fractions_counted_items_do_not(clock):
    sale = new_sale(clock)
    apples = sale.add_product(APPLES, Decimal("0.5"))
    milk = sale.add_product(MILK)
    sale.set_quantity(apples.id, Decimal("0.75"))
    with pytest.raises(InvalidAmount):
        sale.set_quantity(milk.id, Decimal("1.5"))
    assert apples.quantity == Decimal("0.75") and milk.quantity == 1


def test_a_voided_line_cannot_be_changed(clock):
    sale = new_sale(clock, role=Role.MANAGER)
    line = sale.add_product(MILK)
    sale.void_line(line.id)
    for change in (lambda: sale.set_quantity(line.id, Decimal(2)),
                   lambda: sale.void_line(line.id),
                   lambda: sale.override_price(line.id, eur("0.50")),
                   lambda: sale.discount_line(line.id, Discount(DiscountKind.PERCENT, Decimal(5)))):
        with pytest.raises(DomainError, match="voided"):
            change()


def test_price_override_needs_a_manager_and_refuses_negative_prices(clock):
    sale = new_sale(clock)
    line = sale.add_product(BREAD)
    with pytest.raises(ApprovalRequired):
        sale.override_price(line.id, eur("1.00"))
    with pytest.raises(InvalidAmount):
        sale.override_price(line.id, eur("-1.00"), approved_by="max")
    sale.override_price(line.id, eur("1.00"), approved_by="max")
    assert sale.events[-1].data == {"line_id": 1, "price": 100, "old": 249, "approved_by": "max"}
    assert line.original_price == eur("2.49")


@pytest.mark.parametrize("value", ["0", "-5", "101"])
def test_percent_discount_must_be_above_0_and_at_most_100(clock, value):
    sale = new_sale(clock, role=Role.MANAGER)
    sale.add_product(BREAD)
    with pytest.raises(InvalidAmount):
        sale.discount_sale(Discount(DiscountKind.PERCENT, Decimal(value)))


def test_amount_discount_is_judged_as_a_percent_of_what_it_discounts(clock):
    sale = Sale.open(sale_id="s", lane="L1", cashier="ann", cashier_role=Role.CASHIER, cur=EUR,
                     tax_mode=TaxMode.INCLUSIVE, clock=clock,
                     policy=Policy(discount_threshold_percent=Decimal(20)))
    line = sale.add_product(BREAD)  # 2.49
    sale.discount_line(line.id, Discount(DiscountKind.AMOUNT, Decimal(49)))  # under 20 %
    with pytest.raises(ApprovalRequired):
        sale.discount_line(line.id, Discount(DiscountKind.AMOUNT, Decimal(50)))  # over 20 %


def test_lines_can_change_only_while_the_sale_is_open(clock):
    sale = new_sale(clock)
    line = sale.add_product(MILK)
    sale.start_tender()
    with pytest.raises(IllegalTransition):
        sale.set_quantity(line.id, Decimal(2))
    with pytest.raises(IllegalTransition):
        sale.discount_sale(Discount(DiscountKind.PERCENT, Decimal(5)))
