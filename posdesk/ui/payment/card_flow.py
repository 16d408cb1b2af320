"""Where the open sale's card payment stands, for the tender dialog to show.

A small controller between `CardPayments` and the widgets: it starts payments, cancels,
reconciles and reverses them, and turns the terminal's live statuses and answers into one
`stage` plus a message. The stage is derived from the sale itself wherever it can be, so a
payment whose answer was lost — or one a crash left open — always shows as "unknown" and
leads to "Check with terminal", never to a second charge.
"""
from __future__ import annotations

import enum
import logging
from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal

from posdesk.core.errors import ApprovalRequired
from posdesk.core.i18n import Text
from posdesk.core.lines import Payment, PaymentStatus, Tender
from posdesk.core.money import Money
from posdesk.core.permissions import Permission, Role, allowed
from posdesk.core.sale import Sale
from posdesk.services.checkout import Checkout
from posdesk.services.device_facts import StatusUpdate
from posdesk.services.payments import CardAnswer, CardPayments

from ..devices.bridge import DeviceBridge
from ..errors import no_card_terminal
from ..formatting import money_text
from ..i18n import translate

log = logging.getLogger(__name__)


class CardStage(enum.Enum):
    #: No card payment going on: cash or card may be taken.
    NONE = "none"
    #: The terminal has the payment (customer inserting the card, typing the PIN).
    WAITING = "waiting"
    #: The cashier cancelled; waiting for the terminal to confirm.
    CANCELLING = "cancelling"
    #: The answer was lost: the card may have been charged. Only a check may follow.
    UNKNOWN = "unknown"
    #: Asking the terminal what became of an unknown payment.
    CHECKING = "checking"
    #: The card was declined: try again or pay another way.
    DECLINED = "declined"
    #: Undoing an approved card payment.
    REVERSING = "reversing"


class _Job(enum.Enum):
    PAY = "pay"
    RECONCILE = "reconcile"
    REVERSE = "reverse"


def approved_card_payments(sale: Sale) -> list[Payment]:
    return [p for p in sale.payments if p.tender is Tender.CARD and p.status is PaymentStatus.APPROVED]


class CardFlow(QObject):
    """Signals:
        changed(): the stage, the live status or the message changed.
    """

    changed = Signal()

    def __init__(self, *, checkout: Checkout, payments: Callable[[], CardPayments | None],
                 bridge: DeviceBridge,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._checkout = checkout
        self._payments = payments
        self._job: _Job | None = None
        self._cancelling = False
        self._amount: Money | None = None
        self._declined_in: Sale | None = None
        #: The terminal's latest status, translated, and its own display lines.
        self.status_text = ""
        self.display: tuple[str, ...] = ()
        #: The outcome of the last card action, for the cashier; `warning` when it went wrong.
        self.message = ""
        self.warning = False
        queued = Qt.ConnectionType.QueuedConnection
        # Queued even on the GUI thread: the slot runs after the service applied the answer
        # to the sale, so `stage` never sees a half-applied result.
        bridge.card_status.connect(self.on_card_status, queued)
        bridge.card_result.connect(self.on_card_result, queued)
        bridge.card_error.connect(self.on_card_error, queued)

    # -- what to show ----------------------------------------------------------------------
    @property
    def available(self) -> bool:
        return self._payments() is not None

    @property
    def amount(self) -> Money | None:
        """The amount of the running (or last) card payment; negative for a refund."""
        open_payment = self._open_payment()
        return open_payment.amount if open_payment is not None else self._amount

    @property
    def stage(self) -> CardStage:
        if self._job is _Job.REVERSE:
            return CardStage.REVERSING
        if self._job is _Job.RECONCILE:
            return CardStage.CHECKING
        if self._job is _Job.PAY:
            return CardStage.CANCELLING if self._cancelling else CardStage.WAITING
        if self._open_payment() is not None:
            return CardStage.UNKNOWN
        sale = self._checkout.sale
        if sale is not None and sale is self._declined_in:
            return CardStage.DECLINED
        return CardStage.NONE

    def _open_payment(self) -> Payment | None:
        sale = self._checkout.sale
        return sale.open_payments[0] if sale is not None and sale.open_payments else None

    # -- intents (through the ActionRunner: domain refusals become messages) ---------------
    def pay(self, amount: Money) -> None:
        """Send `amount` to the terminal (negative: pay out to the card)."""
        payments = self._require()
        self._start(_Job.PAY, amount)
        try:
            payments.pay(amount)
        except Exception:
            self._job = None
            raise
        finally:
            self.changed.emit()

    def retry(self) -> None:
        if self._amount is not None:
            self.pay(self._amount)

    def cancel(self) -> None:
        """Ask the terminal to abort; the payment ends ABORTED (or APPROVED if too late)."""
        if self._job is not _Job.PAY:
            return
        self._cancelling = True
        self.status_text = self.tr("Cancelling at the terminal…")
        self._require().cancel()
        self.changed.emit()

    def reconcile(self) -> None:
        """Ask the terminal what became of the unresolved payment."""
        payments = self._require()
        payment = self._open_payment()
        if payment is None or self._job is not None:
            return
        self._start(_Job.RECONCILE, payment.amount)
        self.status_text = self.tr("Asking the terminal…")
        payments.reconcile(payment.id)
        self.changed.emit()

    def reverse(self, payment_id: str, *, approved_by: str | None = None) -> None:
        """Undo an approved card payment of the open sale: money back to the card."""
        payments = self._require()
        if not approved_by and not allowed(self._role(), Permission.REFUND):
            raise ApprovalRequired(Permission.REFUND.value)
        self._start(_Job.REVERSE, self._checkout.sale.payment(payment_id).amount)
        payments.reverse(payment_id)
        self.changed.emit()

    def dismiss_decline(self) -> None:
        """Pay another way: the declined card is out of the picture."""
        self._declined_in = None
        self.changed.emit()

    # -- answers (queued to the GUI thread) ------------------------------------------------
    def on_card_status(self, update: StatusUpdate) -> None:
        if self._job is None:
            return
        self.status_text = translate(update.text)
        self.display = tuple(line for line in update.display if line)
        if self._cancelling:
            # An abort sent before the terminal took the command went nowhere: repeat it.
            self._require().cancel()
        self.changed.emit()

    def on_card_result(self, _payment_id: str, answer: CardAnswer) -> None:
        job, self._job, self._cancelling = self._job, None, False
        refund = self._amount is not None and self._amount.amount < 0
        amount = money_text(abs(answer.amount)) if answer.amount is not None else ""
        status = answer.status
        # A reconciliation answers "charged" or "not charged"; the latter arrives as DECLINED
        # (the payment may be taken again) but is no refusal of the card.
        not_charged = job is _Job.RECONCILE and status is PaymentStatus.DECLINED
        self.warning = status in (PaymentStatus.DECLINED, PaymentStatus.UNKNOWN) and not not_charged
        if job is _Job.REVERSE:
            self.message = self.tr("Card payment reversed: {amount} back to the card.").format(amount=amount)
        elif status is PaymentStatus.APPROVED and job is _Job.RECONCILE:
            self.message = self.tr("The terminal confirms: the card was charged {amount}.").format(amount=amount)
        elif status is PaymentStatus.APPROVED:
            self.message = (self.tr("Paid out to the card: {amount}.") if refund
                            else self.tr("Card approved: {amount}.")).format(amount=amount)
        elif not_charged:
            self.message = self.tr("The terminal confirms: the card was not charged. "
                                   "The payment can be taken again.")
        elif status is PaymentStatus.DECLINED:
            self._declined_in = self._checkout.sale
            self.message = self.tr("Card declined: {reason}").format(reason=translate(answer.message))
        elif status is PaymentStatus.ABORTED:
            self.message = self.tr("Card payment cancelled; nothing was charged.")
        else:
            self.message = self.tr("Result unknown — the card may have been charged.")
        log.info("card %s: %s", job.value if job else "answer", status.value)
        self.changed.emit()

    def on_card_error(self, text: Text) -> None:
        self._job, self._cancelling = None, False
        self.message, self.warning = translate(text), True
        self.changed.emit()

    # -- plumbing --------------------------------------------------------------------------
    def _start(self, job: _Job, amount: Money) -> None:
        self._job, self._cancelling, self._amount = job, False, amount
        self._declined_in = None
        self.status_text = self.tr("Waiting for the terminal…")
        self.display = ()
        self.message, self.warning = "", False

    def _require(self) -> CardPayments:
        payments = self._payments()
        if payments is None:
            raise no_card_terminal()
        return payments

    def _role(self) -> Role:
        return self._checkout.operator.role
