"""A real SQLite file per test, and sales built with the real core state machine."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from posdesk.core.catalog import Product
from posdesk.core.clock import ManualClock
from posdesk.core.money import Money, currency
from posdesk.core.permissions import Role
from posdesk.core.sale import Sale, SaleKind
from posdesk.core.tax import TaxMode, TaxRate
from posdesk.db.database import close_database, open_database
from posdesk.db.sales import SaleStore

EUR = currency("EUR")
VAT19 = TaxRate("A", Decimal("19"), "MwSt 19%")
VAT7 = TaxRate("B", Decimal("7"), "MwSt 7%")


def eur(text: str) -> Money:
    return Money.of(text, EUR)


MILK = Product(1, "MILK", "Milk 1L", eur("0.99"), VAT7, barcodes=("4006381333931",))
BREAD = Product(2, "BREAD", "Bread", eur("2.49"), VAT7, barcodes=("4012345678901",))
SOAP = Product(3, "SOAP", "Soap", eur("1.49"), VAT19, barcodes=("4003000110011",))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "posdesk.db"


@pytest.fixture
def database(db_path: Path):
    db = open_database(db_path)
    yield db
    close_database()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


class SaleMaker:
    """Rings up sales through the core state machine and journals every event."""

    def __init__(self, store: SaleStore, clock: ManualClock):
        self.store, self.clock, self.count = store, clock, 0

    def open(self, lane: str = "L1", *, kind: SaleKind = SaleKind.SALE,
             original_receipt: str | None = None) -> Sale:
        self.count += 1
        sale_id = f"sale-{self.count:04d}"
        return Sale.open(sale_id=sale_id, lane=lane, cashier="anna", cashier_role=Role.MANAGER,
                         cur=EUR, tax_mode=TaxMode.INCLUSIVE, clock=self.clock, kind=kind,
                         original_receipt=original_receipt, approved_by="max",
                         listener=lambda e: self.store.append_event(sale_id, e))

    def paid_cash(self, *items: tuple[Product, int], lane: str = "L1") -> Sale:
        sale = self.open(lane)
        for product, qty in items:
            sale.add_product(product, Decimal(qty))
            self.clock.advance(1)
        sale.start_tender()
        sale.pay_cash(sale.cash_due(), f"{sale.id}-cash")
        return sale

    def complete(self, sale: Sale) -> Sale:
        sale.complete(str(self.store.next_receipt_no(sale.lane)))
        self.store.commit_sale(sale)
        return sale


@pytest.fixture
def sales(database) -> SaleStore:
    return SaleStore()


@pytest.fixture
def maker(sales: SaleStore, clock: ManualClock) -> SaleMaker:
    return SaleMaker(sales, clock)
