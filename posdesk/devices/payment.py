"""The card-payment terminal as the rest of posdesk sees it, whatever protocol it speaks.

`PaymentTerminal` is the interface (ZVT over RS-232 today; OPI over TCP could be another);
its methods block and belong on a `DeviceWorker` thread, except `abort`, which any thread
may call while a payment runs. Results are typed and carry no full card number.

The one rule above all: a payment whose answer was lost is `UNKNOWN`, never `DECLINED`.
It carries a `PendingPayment`; the caller keeps it (in the journal and DB) and asks
`reconcile(pending)` before offering the customer another try, so nobody pays twice.
"""
from __future__ import annotations

import abc
import enum
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Callable

from posdesk.core.i18n import Text
from posdesk.core.money import Money, currency


class Outcome(enum.Enum):
    APPROVED = "approved"
    DECLINED = "declined"
    #: Cancelled by the cashier (or the customer at the terminal); nothing was charged.
    ABORTED = "aborted"
    #: The answer was lost after the command left: the card may or may not be charged.
    UNKNOWN = "unknown"
    #: Reconciliation found that an unknown payment did not charge the card.
    NOT_CHARGED = "not_charged"


class PaymentKind(enum.Enum):
    AUTHORIZATION = "authorization"
    REFUND = "refund"
    REVERSAL = "reversal"


@dataclass(frozen=True)
class PendingPayment:
    """What was sent when the answer got lost: enough to reconcile later, even after a
    restart (`to_dict`/`from_dict` give a JSON-safe form)."""

    reference: str
    kind: PaymentKind
    amount: Money | None
    sent_utc: datetime
    sent_mono_ns: int
    #: The terminal's last receipt number this lane had seen before sending, if any: a
    #: later transaction with another number is the one in doubt.
    previous_receipt_no: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "kind": self.kind.value,
            "amount": str(self.amount.amount) if self.amount else None,
            "currency": self.amount.currency.code if self.amount else None,
            "sent_utc": self.sent_utc.isoformat(),
            "sent_mono_ns": self.sent_mono_ns,
            "previous_receipt_no": self.previous_receipt_no,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PendingPayment:
        amount = Money(Decimal(d["amount"]), currency(d["currency"])) if d.get("amount") else None
        return cls(d["reference"], PaymentKind(d["kind"]), amount,
                   datetime.fromisoformat(d["sent_utc"]), int(d["sent_mono_ns"]),
                   d.get("previous_receipt_no"))


@dataclass(frozen=True)
class PaymentResult:
    outcome: Outcome
    #: What to tell the cashier (the UI translates it).
    message: Text
    amount: Money | None = None
    result_code: int | None = None
    trace_no: int | None = None
    receipt_no: int | None = None
    terminal_id: str | None = None
    card_type: int | None = None
    card_name: str | None = None
    #: Only ever the last four digits, e.g. "************4771".
    masked_pan: str | None = None
    aid: str | None = None
    #: The terminal's own date and time of the transaction, as MMDD and HHMMSS.
    terminal_date: str | None = None
    terminal_time: str | None = None
    #: The card slip as the terminal formatted it, to print on the receipt printer.
    slip_lines: tuple[str, ...] = ()
    #: Set when `outcome` is UNKNOWN (and kept on the reconciled result).
    pending: PendingPayment | None = None

    @property
    def approved(self) -> bool:
        return self.outcome is Outcome.APPROVED


@dataclass(frozen=True)
class StatusUpdate:
    """A live status of the terminal ("Insert card", "PIN entry") for the cashier's screen."""

    code: int
    #: The status code's meaning, translatable.
    text: Text
    #: The terminal's own display lines, shown as received when present.
    display: tuple[str, ...] = ()


@dataclass(frozen=True)
class AdminResult:
    """The answer to registration, end-of-day, diagnosis or status enquiry."""

    ok: bool
    message: Text
    result_code: int | None = None
    terminal_id: str | None = None
    slip_lines: tuple[str, ...] = ()


StatusCallback = Callable[[StatusUpdate], None]


class PaymentTerminal(abc.ABC):
    """A card terminal. Blocking; run on the terminal's `DeviceWorker`."""

    @abc.abstractmethod
    def register(self) -> AdminResult:
        """Log the lane on to the terminal; raises a `DeviceError` if it refuses."""

    @abc.abstractmethod
    def authorize(self, amount: Money, *, on_status: StatusCallback | None = None,
                  reference: str | None = None) -> PaymentResult:
        """Charge `amount` to a card. Never raises once the command may have left."""

    @abc.abstractmethod
    def refund(self, amount: Money, *, on_status: StatusCallback | None = None,
               reference: str | None = None) -> PaymentResult: ...

    @abc.abstractmethod
    def reverse(self, receipt_no: int, *, on_status: StatusCallback | None = None,
                reference: str | None = None) -> PaymentResult:
        """Undo an approved payment of today by its receipt number."""

    @abc.abstractmethod
    def abort(self) -> bool:
        """Ask the terminal to cancel the running command; any thread may call it.
        Returns False when nothing was running. The running call still returns the
        outcome: ABORTED, or APPROVED if the card was charged before the abort arrived."""

    @abc.abstractmethod
    def reconcile(self, pending: PendingPayment) -> PaymentResult:
        """Resolve an UNKNOWN payment: APPROVED with details, or NOT_CHARGED. Raises a
        `DeviceError` if the terminal cannot be asked yet (keep the pending, retry)."""

    @abc.abstractmethod
    def end_of_day(self) -> AdminResult: ...

    @abc.abstractmethod
    def diagnosis(self) -> AdminResult: ...

    @abc.abstractmethod
    def status_enquiry(self) -> AdminResult: ...

    @abc.abstractmethod
    def close(self) -> None: ...
