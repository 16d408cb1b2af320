"""Ringing up a sale: items, quantities, prices and discounts; parking, voiding, and taking
back a sale a crash interrupted.

The first item opens the sale. Changes that go beyond the cashier's role raise
`ApprovalRequired` from the sale itself and are retried with `approved_by`.
"""
from __future__ import annotations

import logging
from decimal import Decimal

from posdesk.core.catalog import Catalog, Product, resolve_code
from posdesk.core.entry import parse_entry
from posdesk.core.errors import DomainError
from posdesk.core.i18n import QT_TRANSLATE_NOOP
from posdesk.core.journal import JournalKind
from posdesk.core.lines import Discount, Line
from posdesk.core.money import Money
from posdesk.core.sale import Sale
from posdesk.db.sales import SaleStore, SaleSummary

from .checkout import Checkout

log = logging.getLogger(__name__)


class SellingService:
    def __init__(self, *, checkout: Checkout, catalog: Catalog, sales: SaleStore):
        self._checkout = checkout
        self.catalog = catalog
        self._sales = sales

    # -- items -----------------------------------------------------------------------------
    def enter(self, text: str, *, source: str = "keyboard", age_confirmed: bool = False) -> Line:
        """A typed or scanned entry: a code, optionally with a quantity ("3*code")."""
        entry = parse_entry(text)
        resolved = resolve_code(entry.code, self.catalog)
        quantity = entry.quantity if entry.quantity is not None else resolved.quantity
        return self._add(resolved.product, quantity, price=resolved.embedded_price, source=source,
                         age_confirmed=age_confirmed)

    def add_product(self, product: Product, quantity: Decimal = Decimal(1), *,
                    age_confirmed: bool = False, source: str = "search") -> Line:
        return self._add(product, quantity, age_confirmed=age_confirmed, source=source)

    def confirm_age_and_add(self, text: str, *, source: str = "keyboard") -> Line:
        """Retry an entry that stopped for an age check, now that the cashier confirmed."""
        return self.enter(text, source=source, age_confirmed=True)

    def scan_from_device(self, code: str) -> None:
        """A code from a serial scanner: like a wedge scan, but errors become notices
        because no key press is waiting for an answer."""
        try:
            self.enter(code, source="scan")
        except DomainError as e:
            self._checkout.notice(e.text)

    def search(self, text: str) -> list[Product]:
        return self.catalog.search(text) if text.strip() else []

    def set_quantity(self, line_id: int, quantity: Decimal, *, approved_by: str | None = None) -> None:
        sale = self._checkout.current()
        self._checkout.changing(lambda: sale.set_quantity(line_id, quantity, approved_by=approved_by))

    def void_line(self, line_id: int, *, approved_by: str | None = None) -> None:
        sale = self._checkout.current()
        self._checkout.changing(lambda: sale.void_line(line_id, approved_by=approved_by))

    def override_price(self, line_id: int, price: Money, *, approved_by: str | None = None) -> None:
        sale = self._checkout.current()
        self._checkout.changing(lambda: sale.override_price(line_id, price, approved_by=approved_by))

    def discount_line(self, line_id: int, discount: Discount, *, approved_by: str | None = None) -> None:
        sale = self._checkout.current()
        self._checkout.changing(lambda: sale.discount_line(line_id, discount, approved_by=approved_by))

    def discount_sale(self, discount: Discount, *, approved_by: str | None = None) -> None:
        sale = self._checkout.current()
        self._checkout.changing(lambda: sale.discount_sale(discount, approved_by=approved_by))

    def _add(self, product: Product, quantity: Decimal, *, price: Money | None = None,
             source: str, age_confirmed: bool = False) -> Line:
        sale = self._sale_for_items()
        return self._checkout.changing(lambda: sale.add_product(
            product, quantity, price=price, source=source, age_confirmed=age_confirmed))

    def _sale_for_items(self) -> Sale:
        """The open sale, opening one on the first item (the first scan starts the sale)."""
        if self._checkout.sale is None:
            return self._checkout.open_sale()
        if self._checkout.saving:
            raise DomainError("last sale not saved yet", QT_TRANSLATE_NOOP(
                "Checkout", "The last sale is still being saved; wait until its receipt prints."))
        return self._checkout.sale

    # -- voiding and parking ---------------------------------------------------------------
    def void_sale(self, *, approved_by: str | None = None, reason: str = "") -> None:
        sale = self._checkout.current()
        self._checkout.changing(lambda: sale.void(approved_by=approved_by, reason=reason))
        self._checkout.save_state(sale)
        self._checkout.finish(sale)

    def suspend(self) -> None:
        sale = self._checkout.current()
        self._checkout.changing(sale.suspend)
        self._checkout.save_state(sale)
        self._checkout.sale = None
        self._checkout.changed()

    def suspended(self) -> list[SaleSummary]:
        """This lane's parked sales."""
        return self._sales.suspended(self._checkout.lane)

    def resume(self, sale_id: str) -> None:
        self._checkout.require_no_sale()
        sale = self._checkout.replay(self._sales.load_events(sale_id))
        self._checkout.attach(sale)
        self._checkout.changing(lambda: sale.resume(self._checkout.operator.name))
        self._checkout.save_state(sale)

    # -- after a crash ---------------------------------------------------------------------
    def recoverable(self) -> Sale | None:
        """The sale a crash interrupted, if any, so the cashier can resume it."""
        events = self._sales.open_sale_events(self._checkout.lane)
        return self._checkout.replay(events) if events else None

    def resume_recovered(self) -> None:
        sale = self.recoverable()
        if sale is None:
            return
        self._checkout.attach(sale)
        sale.note(JournalKind.SALE_RECOVERED, {"cashier": self._checkout.operator.name})
        self._checkout.changed()
