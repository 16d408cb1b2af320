"""Returns: lines tied to an original sale's lines, refunded at what was paid per unit."""
from decimal import Decimal

import pytest

from posdesk.core.errors import DomainError, IllegalTransition, InvalidAmount
from posdesk.core.journal import JournalKind
from posdesk.core.money import currency
from posdesk.core.permissions import Role
from posdesk.core.sale import OriginalLine, Sale, SaleKind
from posdesk.core.tax import TaxMode

from .conftest import MILK, VAT7, eur, new_sale


def _return(clock) -> Sale:
    return Sale.open(sale_id="r1", lane="L1", cashier="max", cashier_role=Role.MANAGER,
                     cur=currency("EUR"), tax_mode=TaxMode.INCLUSIVE, clock=clock,
                     kind=SaleKind.RETURN, original_receipt="L1-5")


def _original(line_id=1, qty="4", returned="0", net="3.60", unit="") -> OriginalLine:
    return OriginalLine(line_id=line_id, product_id=1, sku="MILK", name="Milk 1L",
                        unit_price=eur("0.99"), quantity=Decimal(qty), returned=Decimal(returned),
                        tax=VAT7, net_amount=eur(net), unit=unit)


def test_returnable_is_what_earlier_returns_left():
    assert _original(qty="4", returned="1").returnable == 3


def test_a_return_line_is_negative_and_names_its_original_line(clock):
    ret = _return(clock)
    line = ret.add_return_line(_original(line_id=7), Decimal(2))
    assert (line.quantity, line.unit_price, line.returns_line) == (-2, eur("0.90"), 7)
    assert ret.events[-1].kind is JournalKind.LINE_ADDED
    assert ret.events[-1].data["source"] == "return" and ret.total == eur("-1.80")


def test_quantities_returned_in_this_sale_count_against_the_original(clock):
    ret = _return(clock)
    first = ret.add_return_line(_original(), Decimal(3))
    with pytest.raises(InvalidAmount, match="only 1 of Milk 1L"):
        ret.add_return_line(_original(), Decimal(2))
    ret.void_line(first.id)  # a voided return line gives its quantity back
    ret.add_return_line(_original(), Decimal(4))


def test_weighed_lines_return_in_fractions(clock):
    ret = _return(clock)
    line = ret.add_return_line(_original(qty="1.5", net="4.50", unit="kg"), Decimal("0.5"))
    assert line.quantity == Decimal("-0.5") and line.amount == eur("-1.50")


def test_a_return_quantity_is_set_when_returned_not_changed_later(clock):
    ret = _return(clock)
    line = ret.add_return_line(_original(), Decimal(1))
    with pytest.raises(DomainError, match="return quantities"):
        ret.set_quantity(line.id, Decimal(2))


def test_returns_take_return_lines_and_sales_take_products(clock):
    with pytest.raises(IllegalTransition):
        _return(clock).add_product(MILK)
    with pytest.raises(IllegalTransition):
        new_sale(clock).add_return_line(_original(), Decimal(1))
