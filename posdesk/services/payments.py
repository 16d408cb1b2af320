"""Card payments of the open sale, without ever charging a card twice.

The order of things is the whole point:
1. the payment is journaled as started, and the journal row is on disk;
2. only then does the authorization go to the terminal (on the terminal's worker thread);
3. the answer comes back to the sale's thread through `Dispatch`.
A lost answer is journaled as *unknown*; nothing new can be paid until `reconcile` asked the
terminal what became of it. After a crash the replayed sale still holds the started payment,
so the same rule applies.
"""
from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from posdesk.core.i18n import QT_TRANSLATE_NOOP, Text
from posdesk.core.journal import JournalKind
from posdesk.core.lines import Payment, PaymentStatus
from posdesk.core.money import Money
from posdesk.core.journal import JournalEvent
from posdesk.devices.payment import (AdminResult, Outcome, PaymentKind, PaymentResult,
                                     PaymentTerminal, PendingPayment, StatusUpdate)
from posdesk.devices.worker import DeviceWorker
from posdesk.devices.zvt.errors import CommandRefused
from posdesk.db.writer import DbWriter
from posdesk.durable import write_text_durably

from .checkout import Checkout
from .dispatch import Dispatch
from .tender import CardDetails, CardValue, TenderService

log = logging.getLogger(__name__)

_STATUS = {
    Outcome.APPROVED: PaymentStatus.APPROVED,
    Outcome.DECLINED: PaymentStatus.DECLINED,
    Outcome.ABORTED: PaymentStatus.ABORTED,
    Outcome.UNKNOWN: PaymentStatus.UNKNOWN,
    # Reconciled as never charged: as good as declined, and may be tried again.
    Outcome.NOT_CHARGED: PaymentStatus.DECLINED,
}


@dataclass(frozen=True)
class CardAnswer:
    """A terminal's answer as the sale took it: the payment's new status (`_STATUS` above is
    the one place a terminal's outcome becomes one), the amount and what to tell the cashier.
    A reconciliation that finds the card was not charged arrives as DECLINED."""

    status: PaymentStatus
    #: What to tell the cashier (the window translates it).
    message: Text
    amount: Money | None

    @classmethod
    def of(cls, result: PaymentResult) -> CardAnswer:
        return cls(_STATUS[result.outcome], result.message, result.amount)


def result_details(result: PaymentResult) -> CardDetails:
    """What the journal keeps of a terminal answer: JSON types, masked card number only."""
    details: dict[str, CardValue] = {"outcome": result.outcome.value, "message": str(result.message)}
    for name in ("result_code", "trace_no", "receipt_no", "terminal_id", "card_name",
                 "masked_pan", "aid", "terminal_date", "terminal_time"):
        value = getattr(result, name)
        if value is not None:
            details[name] = value
    if result.slip_lines:
        details["slip_lines"] = list(result.slip_lines)
    if result.pending is not None:
        details["pending"] = result.pending.to_dict()
    return details


class TerminalState:
    """The terminal's last receipt number, kept across restarts: reconciliation needs it to
    tell our lost transaction from an older one of the same amount."""

    def __init__(self, path: Path):
        self.path = path

    def load(self) -> int | None:
        try:
            number = json.loads(self.path.read_text(encoding="utf-8")).get("last_receipt_no")
        except (OSError, ValueError, AttributeError):
            return None
        return number if isinstance(number, int) else None

    def save(self, last_receipt_no: int | None) -> None:
        write_text_durably(self.path, json.dumps({"last_receipt_no": last_receipt_no}))


class CardPayments:
    """Listeners: `on_status(StatusUpdate)` from the worker thread (live terminal texts);
    `on_result(payment_id, CardAnswer)` and `on_error(Text)` on the sale's thread."""

    def __init__(self, *, checkout: Checkout, tender: TenderService, terminal: PaymentTerminal,
                 worker: DeviceWorker, dispatch: Dispatch, writer: DbWriter, state: TerminalState):
        self._checkout = checkout
        self._tender = tender
        self._terminal = terminal
        self._worker = worker
        self._dispatch = dispatch
        self._writer = writer
        self._state = state
        self.on_status: list[Callable[[StatusUpdate], None]] = []
        self.on_result: list[Callable[[str, CardAnswer], None]] = []
        self.on_error: list[Callable[[Text], None]] = []
        self.busy = False
        if hasattr(terminal, "last_receipt_no") and terminal.last_receipt_no is None:
            terminal.last_receipt_no = state.load()

    # -- paying ----------------------------------------------------------------------------
    def pay(self, amount: Money) -> str:
        """Start a card payment of `amount` (negative: a refund to the card)."""
        payment_id = uuid.uuid4().hex
        previous = getattr(self._terminal, "last_receipt_no", None)
        self._tender.begin_card(amount, payment_id, {"previous_receipt_no": previous})
        self.busy = True
        # The writer runs jobs in order: when this no-op is done, payment_started is on disk.
        self._writer.submit(lambda: None, lambda _r, err: self._after_journaled(payment_id, amount, err))
        return payment_id

    def _after_journaled(self, payment_id: str, amount: Money, error: BaseException | None) -> None:
        if error is not None:
            return  # the writer retries; it calls again once the row is written
        self._worker.submit(lambda: self._send(payment_id, amount),
                            lambda result, err: self._answered(payment_id, result, err))

    def _send(self, payment_id: str, amount: Money) -> PaymentResult:
        if amount.amount < 0:
            return self._terminal.refund(-amount, on_status=self._status, reference=payment_id)
        return self._terminal.authorize(amount, on_status=self._status, reference=payment_id)

    def cancel(self) -> bool:
        """Ask the terminal to abort the running payment (any thread)."""
        return self._terminal.abort()

    def run_admin(self, command: Callable[[PaymentTerminal], AdminResult],
                  done: Callable[[AdminResult | None, BaseException | None], None]) -> None:
        """Run an administration command (registration, diagnosis, end of day) on the
        terminal's worker, in turn with payments; `done` is called on the sale's thread."""
        self._worker.submit(lambda: command(self._terminal),
                            lambda result, err: self._dispatch.post(lambda: done(result, err)))

    # -- after a lost answer ---------------------------------------------------------------
    def pending_of(self, payment: Payment) -> PendingPayment:
        """What to ask the terminal about an open payment, also one replayed after a crash."""
        if "pending" in payment.details:
            return PendingPayment.from_dict(payment.details["pending"])
        started = self._started_event(payment.id)
        kind = PaymentKind.REFUND if payment.amount.amount < 0 else PaymentKind.AUTHORIZATION
        return PendingPayment(payment.id, kind, abs(payment.amount), started.utc, started.mono_ns,
                              started.data.get("previous_receipt_no"))

    def reconcile(self, payment_id: str) -> None:
        sale = self._checkout.sale
        if sale is None:
            return
        pending = self.pending_of(sale.payment(payment_id))
        self.busy = True
        self._worker.submit(lambda: self._terminal.reconcile(pending),
                            lambda result, err: self._answered(payment_id, result, err, reconciling=True))

    def reverse(self, payment_id: str) -> None:
        """Undo an approved card payment of the open sale (before voiding it, say)."""
        sale = self._checkout.sale
        if sale is None:
            return
        receipt_no = sale.payment(payment_id).details.get("receipt_no")
        if receipt_no is None:
            self._error(QT_TRANSLATE_NOOP("Payment", "This payment has no terminal receipt number to reverse."))
            return
        self.busy = True
        self._worker.submit(lambda: self._terminal.reverse(int(receipt_no), on_status=self._status,
                                                           reference=payment_id),
                            lambda result, err: self._dispatch.post(lambda: self._reversed(payment_id, result, err)))

    # -- answers (worker thread -> sale thread) --------------------------------------------
    def _status(self, update: StatusUpdate) -> None:
        for listener in self.on_status:
            listener(update)

    def _answered(self, payment_id: str, result: PaymentResult | None, error: BaseException | None,
                  *, reconciling: bool = False) -> None:
        if result is not None and result.receipt_no is not None:
            self._remember(result.receipt_no)
        self._dispatch.post(lambda: self._apply(payment_id, result, error, reconciling))

    def _remember(self, receipt_no: int) -> None:
        try:
            self._state.save(receipt_no)
        except OSError as e:
            log.warning("cannot keep the terminal's receipt number: %s", e)

    def _apply(self, payment_id: str, result: PaymentResult | None, error: BaseException | None,
               reconciling: bool) -> None:
        self.busy = False
        if result is None:
            log.warning("terminal failed for %s: %s", payment_id, error)
            if reconciling and isinstance(error, CommandRefused):
                # It answered, so it is reachable: it just cannot say. A person must.
                self._error(QT_TRANSLATE_NOOP(
                    "Payment", "The terminal cannot tell what became of this payment ({error}). "
                    "A manager checks the terminal's journal or end-of-day report and resolves "
                    "it.").format(error=str(error)))
                return
            self._error(QT_TRANSLATE_NOOP(
                "Payment", "The terminal cannot be reached: {error}").format(error=str(error)))
            if not reconciling:
                # A money command raises only before anything left the port: not charged.
                self._tender.card_result(payment_id, PaymentStatus.ABORTED, {"error": str(error)})
            # A failed reconciliation leaves the payment unknown: ask again later.
            return
        status = _STATUS[result.outcome]
        sale = self._checkout.sale
        if sale is None or sale.payment(payment_id).status is status:
            return
        self._tender.card_result(payment_id, status, result_details(result))
        for listener in self.on_result:
            listener(payment_id, CardAnswer.of(result))

    def _reversed(self, payment_id: str, result: PaymentResult | None, error: BaseException | None) -> None:
        self.busy = False
        if result is None or not result.approved:
            reason = str(result.message) if result is not None else str(error)
            self._error(QT_TRANSLATE_NOOP("Payment", "The reversal failed: {reason}").format(reason=reason))
            return
        self._tender.card_reversed(payment_id, result_details(result))
        for listener in self.on_result:
            listener(payment_id, CardAnswer.of(result))

    def _error(self, text: Text) -> None:
        for listener in self.on_error:
            listener(text)

    def _started_event(self, payment_id: str) -> JournalEvent:
        sale = self._checkout.sale
        assert sale is not None
        for e in sale.events:
            if e.kind == JournalKind.PAYMENT_STARTED and e.data.get("payment_id") == payment_id:
                return e
        raise KeyError(payment_id)

