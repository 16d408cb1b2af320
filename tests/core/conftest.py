from decimal import Decimal

import pytest

from posdesk.core.catalog import MemoryCatalog, Product
from posdesk.core.clock import ManualClock
from posdesk.core.money import Money, currency
from posdesk.core.permissions import Role
from posdesk.core.sale import Sale
from posdesk.core.tax import TaxMode, TaxRate

EUR = currency("EUR")
VAT19 = TaxRate("A", Decimal("19"))
VAT7 = TaxRate("B", Decimal("7"))


def eur(text: str) -> Money:
    return Money.of(text, EUR)


MILK = Product(1, "MILK", "Milk 1L", eur("0.99"), VAT7, barcodes=("4006381333931",))
BREAD = Product(2, "BREAD", "Bread", eur("2.49"), VAT7, barcodes=("4012345678901",))
WINE = Product(3, "WINE", "Red wine", eur("7.49"), VAT19, barcodes=("4000417025005",), min_age=18)
APPLES = Product(4, "APPLE", "Apples", eur("2.99"), VAT7, plu="2001", unit="kg")
CHEESE = Product(5, "CHEESE", "Cheese counter", eur("1.00"), VAT7, plu="2112345")


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def catalog() -> MemoryCatalog:
    return MemoryCatalog([MILK, BREAD, WINE, APPLES, CHEESE])


def new_sale(clock, role: Role = Role.CASHIER, mode: TaxMode = TaxMode.INCLUSIVE, cur=EUR) -> Sale:
    return Sale.open(sale_id="s1", lane="L1", cashier="ann", cashier_role=role, cur=cur,
                     tax_mode=mode, clock=clock)
