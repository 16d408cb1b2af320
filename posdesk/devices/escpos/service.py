"""The receipt printer as the app uses it: print, reprint, reports, status, drawer pulse.

Meant to run on a `DeviceWorker` thread: every call may block on the port. Each print asks
the real-time status first (no bytes into a printer without paper) and afterwards (did it
run out during this receipt?); whatever did not certainly print stays in the `PrintQueue`.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable, TypeVar

from posdesk.core.i18n import QT_TRANSLATE_NOOP, Text
from posdesk.core.receipt import Receipt, TextReport

from .connection import PrinterConnection
from .errors import PrinterError
from .profile import DrawerPin, PrinterProfile
from .queue import PrintJob, PrintQueue
from .render import drawer_pulse_bytes, receipt_bytes, report_bytes
from .status import PrinterStatus

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class PrintOutcome:
    printed: bool
    #: The status after printing (or the one that stopped it); None when unknown.
    status: PrinterStatus | None
    #: What the cashier should know when `printed` is False (or paper is nearly out).
    problem: Text | None = None
    #: Jobs still waiting for a reprint, this one included when it failed.
    pending: int = 0


class PrinterService:
    """Owns one printer connection; open lazily, reopened after a failure."""

    def __init__(self, connect: Callable[[], PrinterConnection], profile: PrinterProfile,
                 queue: PrintQueue | None = None):
        self._connect = connect
        self.profile = profile
        self.queue = queue if queue is not None else PrintQueue()
        self._connection: PrinterConnection | None = None
        self.last_receipt: Receipt | None = None

    # -- public ---------------------------------------------------------------------------
    def status(self) -> PrinterStatus | None:
        """The printer's real-time status; raises `PrinterError` when it cannot be read."""
        return self._guarded(lambda c: c.status(drawer_open_level_high=self._drawer_level()))

    def print_receipt(self, receipt: Receipt) -> PrintOutcome:
        outcome = self._print(PrintJob(receipt.receipt_no, receipt_bytes(receipt, self.profile)))
        self.last_receipt = receipt
        return outcome

    def reprint_last(self) -> PrintOutcome | None:
        """The last receipt again, marked COPY; None when nothing was printed yet."""
        if self.last_receipt is None:
            return None
        copy = self.last_receipt.as_copy()
        return self._print(PrintJob(f"{copy.receipt_no}-copy", receipt_bytes(copy, self.profile)))

    def print_report(self, key: str, report: TextReport) -> PrintOutcome:
        return self._print(PrintJob(key, report_bytes(report, self.profile)))

    def print_pending(self) -> PrintOutcome:
        """Retry the queued jobs in order; stops at the first that fails."""
        outcome = PrintOutcome(True, None, pending=len(self.queue))
        for job in self.queue.pending():
            outcome = self._print(job)
            if not outcome.printed:
                break
        return outcome

    def pulse_drawer(self, pin: DrawerPin | None = None) -> None:
        """Kick the cash drawer on `pin` (default: the profile's first drawer pin)."""
        pin = pin or self.profile.drawer_pins[0]
        self._guarded(lambda c: c.write(drawer_pulse_bytes(pin, self.profile)))

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    # -- internals ------------------------------------------------------------------------
    def _drawer_level(self) -> bool | None:
        return self.profile.drawer_open_level_high if self.profile.reports_drawer else None

    def _guarded(self, action: Callable[[PrinterConnection], T]) -> T:
        """Run `action` on the connection; a failure drops the connection, so the next
        call reopens it (the cable may have been replugged meanwhile)."""
        try:
            if self._connection is None:
                self._connection = self._connect()
            return action(self._connection)
        except Exception:
            self.close()
            raise

    def _print(self, job: PrintJob) -> PrintOutcome:
        try:
            before = self.status()
            if before is not None and not before.can_print:
                return self._keep(job, before, before.problem(), "not ready")
            self._guarded(lambda c: c.write(job.data))
            after = self.status()
        except PrinterError as e:
            log.warning("receipt %s not printed: %s", job.key, e)
            return self._keep(job, None, QT_TRANSLATE_NOOP("PrinterStatus",
                                                           "The printer does not answer."), str(e))
        if after is not None and not after.can_print:
            # It stopped during this job: the customer may hold half a receipt.
            return self._keep(job, after, after.problem(), "stopped while printing")
        self.queue.remove(job.key)
        problem = None
        if after is not None and after.paper_near_end:
            problem = QT_TRANSLATE_NOOP("PrinterStatus", "The printer paper is nearly out.")
        return PrintOutcome(True, after, problem, len(self.queue))

    def _keep(self, job: PrintJob, status: PrinterStatus | None, problem: Text | None,
              reason: str) -> PrintOutcome:
        self.queue.put(PrintJob(job.key, job.data, reason))
        log.info("receipt %s kept for reprint (%s)", job.key, reason)
        return PrintOutcome(False, status, problem, len(self.queue))
