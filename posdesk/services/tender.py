"""Paying for the open sale: cash with quick-cash notes, card payments as the terminal
answers them, and a manager's word on a card payment the terminal cannot account for.

The payment that leaves nothing to pay completes the sale; it is finished (receipt, drawer)
only once its commit is on disk (see `Completion`).
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from decimal import Decimal

from posdesk.core.errors import DomainError
from posdesk.core.i18n import QT_TRANSLATE_NOOP
from posdesk.core.lines import Payment, PaymentStatus
from posdesk.core.money import Money
from posdesk.core.permissions import Permission
from posdesk.core.sale import Sale
from posdesk.db.sales import SaleStore
from posdesk.db.writer import DbWriter

from .checkout import Checkout, new_id
from .completion import Completion
from .dispatch import Dispatch

log = logging.getLogger(__name__)

#: One value the journal keeps of a card payment: the terminal's fields (text or numbers),
#: its slip lines, the pending payment to reconcile.
CardValue = str | int | None | list[str] | dict[str, str | int | None]
#: What the journal keeps of a card payment's start or answer.
CardDetails = Mapping[str, CardValue]

#: Notes the till hands out, largest first, for the quick-cash buttons (major units).
_NOTES = (Decimal(5), Decimal(10), Decimal(20), Decimal(50), Decimal(100), Decimal(200))


class TenderService:
    def __init__(self, *, checkout: Checkout, sales: SaleStore, writer: DbWriter,
                 dispatch: Dispatch):
        self._checkout = checkout
        self._completion = Completion(sales=sales, writer=writer, dispatch=dispatch,
                                      lane=checkout.lane, on_saved=self._saved,
                                      notice=checkout.notice)

    def start_tender(self) -> None:
        sale = self._checkout.current()
        self._checkout.changing(sale.start_tender)

    def back_to_items(self) -> None:
        sale = self._checkout.current()
        self._checkout.changing(sale.back_to_items)

    # -- cash ------------------------------------------------------------------------------
    def quick_cash(self) -> list[Money]:
        """The exact amount due, then the next notes above it: what customers hand over."""
        sale = self._checkout.sale
        due = sale.cash_due() if sale is not None else Money.zero(self._checkout.currency)
        if due.amount <= 0:
            return []
        options = [due]
        for note in _NOTES:
            if note > due.amount and len(options) < 4:
                options.append(Money.of(note, self._checkout.currency))
        return options

    def pay_cash(self, tendered: Money) -> Payment:
        sale = self._checkout.current()
        payment = self._checkout.changing(lambda: sale.pay_cash(tendered, new_id()))
        # Cash goes into (or out of) the drawer; the payment that completes the sale opens
        # it only once the sale is saved, so no change is handed out for an unsaved sale.
        if _paid_up(sale):
            self._complete(sale, open_drawer=True)
        else:
            self._checkout.open_drawer(sale)
        return payment

    # -- card ------------------------------------------------------------------------------
    def begin_card(self, amount: Money, payment_id: str, details: CardDetails) -> Payment:
        """Journal a card payment BEFORE it goes to the terminal (see `Sale.begin_card`)."""
        sale = self._checkout.current()
        return self._checkout.changing(lambda: sale.begin_card(amount, payment_id, dict(details)))

    def card_result(self, payment_id: str, status: PaymentStatus, details: CardDetails) -> None:
        """The terminal's answer for the open sale; completes it when nothing is left to pay."""
        sale = self._checkout.current()
        self._checkout.changing(lambda: sale.card_result(payment_id, status, dict(details)))
        if status is PaymentStatus.APPROVED and _paid_up(sale):
            self._complete(sale)

    def card_reversed(self, payment_id: str, details: CardDetails) -> None:
        sale = self._checkout.current()
        self._checkout.changing(lambda: sale.card_reversed(payment_id, dict(details)))

    def resolve_card_payment(self, payment_id: str, *, charged: bool, reason: str,
                             approved_by: str | None = None) -> None:
        """A manager settles a card payment the terminal cannot account for (it cannot repeat
        its last receipt), as checked on its journal or end-of-day report; journaled and
        audited. Charged may complete the sale; not charged may be taken again."""
        reason = reason.strip()
        if not reason:
            raise DomainError("a reason is needed", QT_TRANSLATE_NOOP(
                "Checkout", "Say where it was checked (terminal journal, end-of-day report)."))
        if not approved_by:
            self._checkout.require(Permission.RESOLVE_PAYMENT, approved_by)
            approved_by = self._checkout.operator.name
        sale = self._checkout.current()
        payment = sale.payment(payment_id)
        if not payment.open:
            raise DomainError(f"payment {payment_id} is {payment.status.value}", QT_TRANSLATE_NOOP(
                "Checkout", "This card payment is already settled."))
        resolution = "charged" if charged else "not-charged"
        self._checkout.audit("card_payment_resolved", sale=sale.id, payment_id=payment_id,
                             amount=str(payment.amount), resolution=resolution, reason=reason,
                             approver=approved_by)
        self.card_result(payment_id, PaymentStatus.APPROVED if charged else PaymentStatus.DECLINED,
                         {"resolved_by": approved_by, "resolution": resolution, "reason": reason})

    # -- completion ------------------------------------------------------------------------
    def _complete(self, sale: Sale, *, open_drawer: bool = False) -> None:
        """`sale` stays the open one until its commit is on disk (see `Completion`)."""
        self._completion.complete(sale, open_drawer=open_drawer)
        self._checkout.changed()

    def _saved(self, sale: Sale, open_drawer: bool) -> None:
        if self._checkout.sale is not sale:
            return  # already finished (a second report of the same commit)
        if open_drawer:
            self._checkout.open_drawer(sale)
        self._checkout.finish(sale)


def _paid_up(sale: Sale) -> bool:
    return sale.remaining.is_zero() and not sale.open_payments
