"""Bringing goods back: a return sale's lines, each tied to a line of the original sale.

A return line has a negative quantity and refunds what the customer paid per unit after
discounts; no line can be returned more often than it was sold, over all earlier returns.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .errors import InvalidAmount
from .i18n import QT_TRANSLATE_NOOP
from .journal import JournalKind
from .lines import Line
from .money import Money
from .sale_data import line_data
from .sale_journaled import JournaledSale
from .sale_ledger import SaleKind, SaleState
from .tax import TaxRate


@dataclass(frozen=True)
class OriginalLine:
    """A line of a completed sale, as a return sees it."""

    line_id: int
    product_id: int | None
    sku: str
    name: str
    unit_price: Money
    quantity: Decimal
    #: Quantity already brought back by earlier returns.
    returned: Decimal
    tax: TaxRate
    #: The line's amount after line and sale discounts, for a fair refund per unit.
    net_amount: Money
    unit: str = ""

    @property
    def returnable(self) -> Decimal:
        return self.quantity - self.returned


class ReturnCommands(JournaledSale):
    def add_return_line(self, original: OriginalLine, quantity: Decimal) -> Line:
        self._expect("return item", SaleState.OPEN)
        self._expect_kind(SaleKind.RETURN)
        self._check_quantity(quantity, weighed=original.unit == "kg")
        already = sum((-ln.quantity for ln in self.active_lines if ln.returns_line == original.line_id),
                      Decimal(0))
        if quantity + already > original.returnable:
            raise InvalidAmount(
                f"only {original.returnable - already} of {original.name} can be returned",
                QT_TRANSLATE_NOOP("Domain", "Only {qty} of {name} can be returned.").format(
                    qty=original.returnable - already, name=original.name))
        # Refund what the customer actually paid per unit, after discounts.
        unit_refund = original.net_amount.times(Decimal(1) / original.quantity)
        self._emit(JournalKind.LINE_ADDED, line_data(
            line_id=self._next_line_id(), product_id=original.product_id, sku=original.sku,
            name=original.name, unit_price=unit_refund, quantity=-quantity, unit=original.unit,
            tax=original.tax, category="", source="return", returns_line=original.line_id))
        return self.lines[-1]
