"""Taking goods back against a receipt: a return sale, line by line, never more than was sold.

Whether the cashier may refund is the sale's rule (a return opened without a manager's
approval raises `ApprovalRequired`); this service finds the original and opens the return.
"""
from __future__ import annotations

import logging
from decimal import Decimal

from posdesk.core.errors import DomainError
from posdesk.core.i18n import QT_TRANSLATE_NOOP
from posdesk.core.lines import Line
from posdesk.core.sale import OriginalLine, SaleKind
from posdesk.db.sales import SaleStore

from .checkout import Checkout

log = logging.getLogger(__name__)


class ReturnService:
    def __init__(self, *, checkout: Checkout, sales: SaleStore):
        self._checkout = checkout
        self._sales = sales

    def start_return(self, receipt_no: str, *, approved_by: str | None = None) -> list[OriginalLine]:
        """Open a return against `receipt_no`; the lines that may still be taken back."""
        self._checkout.require_no_sale()
        found = self._sales.find_by_receipt(self._checkout.lane, receipt_no)
        if found is None:
            raise DomainError(f"no receipt {receipt_no}", QT_TRANSLATE_NOOP(
                "Checkout", "No sale with receipt number {no}.").format(no=receipt_no))
        _summary, originals = found
        sale = self._checkout.open_sale(kind=SaleKind.RETURN, original_receipt=receipt_no,
                                        approved_by=approved_by)
        self._checkout.changed()
        log.info("return against receipt %s opened as %s", receipt_no, sale.id)
        return originals

    def return_line(self, original: OriginalLine, quantity: Decimal) -> Line:
        sale = self._checkout.current()
        return self._checkout.changing(lambda: sale.add_return_line(original, quantity))
