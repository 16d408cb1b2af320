"""The receipt printer's state in the status bar, and a word to the cashier when a receipt
did not print.

The state is asked when the devices start and arrives again after every print job (the
printing service reads the real-time status before and after each one), so paper out, an
open cover or an offline printer show before the next sale, not after it.
"""
from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QObject, Signal

from posdesk.core.i18n import Text
from posdesk.services.device_facts import PrintOutcome, PrinterStatus
from posdesk.services.printing import ReceiptPrinting

from ..i18n import translate
from .bridge import DeviceBridge

log = logging.getLogger(__name__)

#: The printer's name in the status bar.
DEVICE_NAME = "printer"


class PrinterMonitor(QObject):
    """Signals:
        receipt_not_printed(str): why a receipt stayed in the queue (translated).
    """

    receipt_not_printed = Signal(str)

    def __init__(self, *, printing: Callable[[], ReceiptPrinting | None], bridge: DeviceBridge,
                 show_state: Callable[[str, bool, str], None], parent: QObject | None = None):
        super().__init__(parent)
        self._printing = printing
        self._show_state = show_state
        #: What the printer last said: its problem (translated) or "" when ready.
        self.problem = ""
        bridge.printer_status.connect(self.on_printer_status)
        bridge.print_outcome.connect(self.on_print_outcome)

    @property
    def pending(self) -> int:
        """Receipts and reports waiting for a reprint."""
        printing = self._printing()
        return printing.pending if printing is not None else 0

    def on_printer_status(self, status: PrinterStatus | None, problem: Text | None) -> None:
        self.problem = translate(problem) if problem is not None else ""
        ready = status is not None and status.can_print
        if ready and not self.problem:
            text = self.tr("Printer ready")
        else:
            text = self.problem or self.tr("Printer state unknown")
        waiting = self.pending
        if waiting:
            text = self.tr("{text} Waiting for reprint: {count}.").format(text=text, count=waiting)
        self._show_state(DEVICE_NAME, ready and not waiting, text)

    def on_print_outcome(self, outcome: PrintOutcome) -> None:
        if outcome.printed:
            return
        problem = translate(outcome.problem) if outcome.problem is not None else ""
        log.info("a print job was kept for reprint: %s", problem)
        self.receipt_not_printed.emit(
            self.tr("The receipt did not print: {problem} It is kept for reprint "
                    "(F1, Print waiting receipts).").format(problem=problem))
