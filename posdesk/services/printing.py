"""Receipts, reprints and reports on the receipt printer, and the cash drawer it drives.

A sale is complete whether or not its paper came out: printing happens after the commit, on
the printer's worker thread, and a receipt that did not print stays queued (persisted in the
data directory) for a reprint. What happened is journaled on the sale.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Callable, Mapping

from posdesk import crashpoints
from posdesk.core.i18n import QT_TRANSLATE_NOOP, Text
from posdesk.core.journal import JournalKind
from posdesk.core.receipt import DEFAULT_LABELS, StoreHeader, TextReport
from posdesk.core.receipt_build import build_receipt
from posdesk.core.report_rows import report_rows, report_title
from posdesk.core.reports import XZReport
from posdesk.core.sale import Sale, SaleState
from posdesk.devices.drawer import CashDrawer
from posdesk.devices.escpos.queue import PrintQueue
from posdesk.devices.escpos.service import PrinterService, PrintOutcome
from posdesk.devices.escpos.status import PrinterStatus
from posdesk.devices.worker import DeviceWorker
from posdesk.durable import write_text_durably

from .dispatch import Dispatch

log = logging.getLogger(__name__)

Translate = Callable[[Text], str]


class QueueFile:
    """The print queue on disk, so receipts waiting for paper survive a restart."""

    def __init__(self, path: Path):
        self.path = path

    def load(self) -> PrintQueue:
        try:
            return PrintQueue.from_records(json.loads(self.path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError):
            return PrintQueue()

    def save(self, queue: PrintQueue) -> None:
        write_text_durably(self.path, json.dumps(queue.to_records()))


class ReceiptPrinting:
    """Listeners: `on_outcome(PrintOutcome)` and `on_status(PrinterStatus | None, Text | None)`,
    both on the sale's thread (through `Dispatch`)."""

    def __init__(self, *, printer: PrinterService, worker: DeviceWorker, dispatch: Dispatch,
                 header: StoreHeader, queue_file: QueueFile):
        self._printer = printer
        self._worker = worker
        self._dispatch = dispatch
        self._header = header
        self._queue_file = queue_file
        #: The receipt's fixed words and the report labels in the shop's language; the UI
        #: installs translated ones (this layer cannot reach Qt's translator).
        self.labels: Callable[[], Mapping[str, str]] = lambda: DEFAULT_LABELS
        self.translate: Translate = str
        #: The evidence chain head (`SEQ:HASH`, "" if none) for the receipt QR; kept in
        #: memory by the chain, so asking it never waits on the disk.
        self.evidence_head: Callable[[], str] = lambda: ""
        self.drawer = CashDrawer(printer)
        self.on_outcome: list[Callable[[PrintOutcome], None]] = []
        self.on_status: list[Callable[[PrinterStatus | None, Text | None], None]] = []

    @property
    def pending(self) -> int:
        return len(self._printer.queue)

    # -- printing --------------------------------------------------------------------------
    def print_sale(self, sale: Sale, recording_id: str = "") -> None:
        """Print a completed sale's receipt; journal the result on the sale."""
        if sale.state is not SaleState.COMPLETED:
            return
        receipt = build_receipt(sale, header=self._header, labels=self.labels(),
                                recording_id=recording_id, evidence_head=self.evidence_head())
        self._run(lambda: self._printer.print_receipt(receipt), sale)

    def reprint_last(self) -> None:
        self._run(self._printer.reprint_last, None)

    def print_pending(self) -> None:
        self._run(self._printer.print_pending, None)

    def print_report(self, report: XZReport) -> None:
        text = TextReport(self.translate(report_title(report)),
                          tuple((self.translate(label), value) for label, value in report_rows(report)))
        key = f"report-{report.kind.value}-{report.shift.shift_id}"
        self._run(lambda: self._printer.print_report(key, text), None)

    def print_test_page(self, title: str, rows: tuple[tuple[str, str], ...]) -> None:
        """An installer's test page (already translated words), printed like a report."""
        self._run(lambda: self._printer.print_report("test-page", TextReport(title, rows)), None)

    def open_drawer(self) -> None:
        """Kick the drawer; a failure arrives as a status with its problem."""
        self._worker.submit(self.drawer.open, self._drawer_done)

    def check_status(self) -> None:
        self._worker.submit(self._printer.status, self._status_done)

    def read_status(self, done: Callable[[PrinterStatus | None, BaseException | None], None]) -> None:
        """Ask the status in turn with the print jobs; `done` is called on the worker."""
        self._worker.submit(self._printer.status, done)

    # -- results ---------------------------------------------------------------------------
    def _run(self, job: Callable[[], PrintOutcome | None], sale: Sale | None) -> None:
        def done(outcome: PrintOutcome | None, error: BaseException | None) -> None:
            self._save_queue()
            self._dispatch.post(lambda: self._outcome(outcome, error, sale))
        self._worker.submit(job, done)

    def _save_queue(self) -> None:
        try:
            self._queue_file.save(self._printer.queue)
        except OSError as e:
            log.error("cannot save the print queue: %s", e)

    def _outcome(self, outcome: PrintOutcome | None, error: BaseException | None, sale: Sale | None) -> None:
        if outcome is None:
            problem = QT_TRANSLATE_NOOP("PrinterStatus", "The printer does not answer.")
            self._tell(None, problem)
            if sale is not None:
                sale.note(JournalKind.RECEIPT_NOT_PRINTED, {"reason": str(error)})
            return
        if sale is not None:
            if outcome.printed:
                crashpoints.reached("receipt-printed")
                sale.note(JournalKind.RECEIPT_PRINTED, {})
            else:
                sale.note(JournalKind.RECEIPT_NOT_PRINTED, {"reason": str(outcome.problem or "")})
        for listener in self.on_outcome:
            listener(outcome)
        self._tell(outcome.status, outcome.problem)

    def _drawer_done(self, _result: object, error: BaseException | None) -> None:
        if error is not None:
            self._dispatch.post(lambda: self._tell(None, QT_TRANSLATE_NOOP(
                "PrinterStatus", "The cash drawer did not open: {error}").format(error=str(error))))

    def _status_done(self, status: PrinterStatus | None, error: BaseException | None) -> None:
        problem = status.problem() if status is not None else (
            QT_TRANSLATE_NOOP("PrinterStatus", "The printer does not answer.") if error else None)
        self._dispatch.post(lambda: self._tell(status, problem))

    def _tell(self, status: PrinterStatus | None, problem: Text | None) -> None:
        for listener in self.on_status:
            listener(status, problem)
