"""What a cashier does to a sale's items before payment: add, change, void, reprice, discount.

Each command needs the sale open. Taking goods off the sale (a void, a lower quantity), a
price override and a discount past the policy's threshold need a manager, named by
`approved_by`.
"""
from __future__ import annotations

from decimal import Decimal

from .catalog import Product
from .errors import AgeCheckRequired, DomainError, InvalidAmount
from .i18n import QT_TRANSLATE_NOOP
from .journal import JournalKind
from .lines import Discount, DiscountKind, Line
from .money import Money
from .permissions import Permission
from .sale_data import line_data
from .sale_journaled import JournaledSale
from .sale_ledger import SaleKind, SaleState


class LineCommands(JournaledSale):
    def add_product(self, product: Product, quantity: Decimal = Decimal(1), *,
                    price: Money | None = None, source: str = "scan",
                    age_confirmed: bool = False) -> Line:
        self._expect("add item", SaleState.OPEN)
        self._expect_kind(SaleKind.SALE)
        if not product.active:
            raise DomainError(f"{product.sku} is not for sale",
                              QT_TRANSLATE_NOOP("Domain", "{name} is not for sale.").format(name=product.name))
        self._check_quantity(quantity, weighed=product.weighed)
        if product.min_age and not age_confirmed:
            raise AgeCheckRequired(product.name, product.min_age)
        if product.min_age:
            self._emit(JournalKind.AGE_CONFIRMED, {"sku": product.sku, "min_age": product.min_age})
        self._emit(JournalKind.LINE_ADDED, line_data(
            line_id=self._next_line_id(), product_id=product.id, sku=product.sku,
            name=product.name, unit_price=price if price is not None else product.price,
            quantity=quantity, unit=product.unit, tax=product.tax, category=product.category,
            source=source))
        return self.lines[-1]

    def set_quantity(self, line_id: int, quantity: Decimal, *, approved_by: str | None = None) -> None:
        self._expect("change quantity", SaleState.OPEN)
        ln = self._live_line(line_id)
        self._check_quantity(quantity, weighed=ln.unit == "kg")
        if ln.returns_line is not None:
            raise DomainError("return quantities are set when the item is returned")
        if quantity < ln.quantity:
            # Lowering a quantity takes goods off the sale: the same rule as a void.
            self._require(Permission.VOID_LINE, approved_by)
        self._emit(JournalKind.QUANTITY_CHANGED, {"line_id": line_id, "quantity": str(quantity),
                                                  "old": str(ln.quantity), "approved_by": approved_by})

    def void_line(self, line_id: int, *, approved_by: str | None = None) -> None:
        self._expect("void line", SaleState.OPEN)
        ln = self._live_line(line_id)
        self._require(Permission.VOID_LINE, approved_by)
        self._emit(JournalKind.LINE_VOIDED, {"line_id": ln.id, "approved_by": approved_by})

    def override_price(self, line_id: int, price: Money, *, approved_by: str | None = None) -> None:
        self._expect("override price", SaleState.OPEN)
        ln = self._live_line(line_id)
        if price.amount < 0:
            raise InvalidAmount("negative price", QT_TRANSLATE_NOOP("Domain", "A price cannot be negative."))
        self._require(Permission.PRICE_OVERRIDE, approved_by)
        self._emit(JournalKind.PRICE_OVERRIDDEN, {"line_id": ln.id, "price": price.minor,
                                                  "old": ln.unit_price.minor, "approved_by": approved_by})

    def discount_line(self, line_id: int, discount: Discount, *, approved_by: str | None = None) -> None:
        self._expect("discount", SaleState.OPEN)
        ln = self._live_line(line_id)
        self._check_discount(discount, ln.gross, approved_by)
        self._emit(JournalKind.LINE_DISCOUNTED,
                   {"line_id": ln.id, **discount.to_data(), "approved_by": approved_by})

    def discount_sale(self, discount: Discount, *, approved_by: str | None = None) -> None:
        self._expect("discount", SaleState.OPEN)
        self._check_discount(discount, Money.sum((ln.amount for ln in self.active_lines), self.currency),
                             approved_by)
        self._emit(JournalKind.SALE_DISCOUNTED, {**discount.to_data(), "approved_by": approved_by})

    def _check_discount(self, discount: Discount, base: Money, approved_by: str | None) -> None:
        if discount.value <= 0 or (discount.kind is DiscountKind.PERCENT and discount.value > 100):
            raise InvalidAmount("bad discount", QT_TRANSLATE_NOOP(
                "Domain", "A discount must be more than 0 and at most 100%."))
        if discount.kind is DiscountKind.PERCENT:
            percent = discount.value  # judged as given, not after rounding to the cent
        elif base.is_zero():
            return
        else:
            percent = abs(discount.amount_of(base).amount) * 100 / abs(base.amount)
        if percent > self.policy.discount_threshold_percent:
            self._require(Permission.LARGE_DISCOUNT, approved_by)
