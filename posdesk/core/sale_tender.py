"""Paying: from the items to the tender screen and back, cash, and card payments.

A card payment is journaled twice: `payment_started` BEFORE the amount goes to the
terminal, then the terminal's answer. So a crash or a lost answer leaves an open payment
that must be reconciled with the terminal, and the card is never charged a second time.
"""
from __future__ import annotations

from typing import Any

from .errors import DomainError, InvalidAmount
from .i18n import QT_TRANSLATE_NOOP
from .journal import JournalKind
from .lines import Payment, PaymentStatus
from .money import Money
from .sale_data import PAYMENT_RESULT_KINDS, card_start_data, cash_data
from .sale_journaled import JournaledSale
from .sale_ledger import SaleState


class TenderCommands(JournaledSale):
    def start_tender(self) -> None:
        self._expect("pay", SaleState.OPEN)
        if not self.active_lines:
            raise DomainError("empty sale", QT_TRANSLATE_NOOP("Domain", "Add an item first."))
        self._emit(JournalKind.TENDERING_STARTED, {"total": self.total.minor})

    def back_to_items(self) -> None:
        self._expect("go back", SaleState.TENDERING)
        if self.payments and any(p.counts or p.open for p in self.payments):
            raise DomainError("payments exist",
                              QT_TRANSLATE_NOOP("Domain", "A payment was made; finish or void the sale."))
        self._emit(JournalKind.TENDERING_CANCELLED, {})

    def cash_due(self) -> Money:
        """What the customer must hand over in cash: the rest, rounded to legal cash."""
        return self.remaining.cash_rounded()

    def pay_cash(self, tendered: Money, payment_id: str) -> Payment:
        """Take cash (or, on a return, pay it out). Over-tender becomes change."""
        self._expect("pay cash", SaleState.TENDERING)
        self._no_open_payment()
        due = self.cash_due()
        refund = self.remaining.amount < 0
        if refund:
            tendered = due  # paying out: the till hands over exactly what is due
        # A tiny rest that cash rounding turns into nothing (CHF 0.02) is settled with 0.
        if tendered.amount <= 0 and not refund and not due.is_zero():
            raise InvalidAmount("cash must be positive", QT_TRANSLATE_NOOP("Domain", "Enter the cash received."))
        if refund or tendered >= due:
            applied, change, rounding = due, tendered - due, due - self.remaining
        else:
            applied, change, rounding = tendered, Money.zero(self.currency), Money.zero(self.currency)
        self._emit(JournalKind.CASH_PAID, cash_data(payment_id=payment_id, tendered=tendered,
                                                    applied=applied, change=change, rounding=rounding))
        return self.payment(payment_id)

    def begin_card(self, amount: Money, payment_id: str,
                   details: dict[str, Any] | None = None) -> Payment:
        """Record that a card payment is about to be sent to the terminal — BEFORE sending,
        so a crash or lost answer can never lead to charging the card a second time."""
        self._expect("pay by card", SaleState.TENDERING)
        self._no_open_payment()
        rest = self.remaining
        if amount.is_zero() or (amount.amount > 0) != (rest.amount > 0) or abs(amount) > abs(rest):
            raise InvalidAmount(f"card amount {amount} does not fit remaining {rest}", QT_TRANSLATE_NOOP(
                "Domain", "The card amount must be between 0 and {rest}.").format(rest=str(rest)))
        self._emit(JournalKind.PAYMENT_STARTED,
                   card_start_data(payment_id=payment_id, amount=amount, details=details))
        return self.payment(payment_id)

    def card_result(self, payment_id: str, status: PaymentStatus, details: dict[str, Any] | None = None) -> None:
        """The terminal's answer (or that it got lost: `UNKNOWN`)."""
        p = self.payment(payment_id)
        if not p.open:
            raise DomainError(f"payment {payment_id} is already {p.status.value}")
        if status is PaymentStatus.PENDING:
            raise DomainError("a result cannot be pending")
        self._emit(PAYMENT_RESULT_KINDS[status], {"payment_id": payment_id, **(details or {})})

    def card_reversed(self, payment_id: str, details: dict[str, Any] | None = None) -> None:
        p = self.payment(payment_id)
        if p.status is not PaymentStatus.APPROVED:
            raise DomainError(f"payment {payment_id} is {p.status.value}, not approved")
        self._emit(JournalKind.PAYMENT_REVERSED, {"payment_id": payment_id, **(details or {})})
