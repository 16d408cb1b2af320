"""The device services' listeners, re-emitted as Qt signals on the GUI thread.

`CardPayments.on_status` is called on the terminal's worker thread; the other listeners run
on the GUI thread (through `Dispatch`). Every one of them becomes a signal of this object,
which lives on the GUI thread, so widgets are only ever touched there. After the devices
restart the new services are attached and the old ones let go.
"""
from __future__ import annotations

import logging
from typing import Callable, TypeVar

from PySide6.QtCore import QObject, Signal

from posdesk.services.devices import LaneDevices

log = logging.getLogger(__name__)

Listener = TypeVar("Listener", bound=Callable[..., None])


class DeviceBridge(QObject):
    """Signals:
        card_status(object): a `StatusUpdate` of the terminal (emitted from its worker thread).
        card_result(str, object): payment id and `CardAnswer` of the open sale.
        card_error(object): a `Text` when the terminal could not be asked.
        printer_status(object, object): `PrinterStatus` (or None when unknown) and the
            problem `Text` (None when the printer is ready).
        print_outcome(object): a `PrintOutcome` after each print job.
    """

    card_status = Signal(object)
    card_result = Signal(str, object)
    card_error = Signal(object)
    printer_status = Signal(object, object)
    print_outcome = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        #: How to take each of this bridge's emits out of a device service's listeners.
        self._removals: list[Callable[[], None]] = []

    def attach(self, devices: LaneDevices) -> None:
        """Listen to the payments and printing services of `devices` (either may be None)."""
        self.detach()
        payments, printing = devices.payments, devices.printing
        if payments is not None:
            self._listen(payments.on_status, self.card_status.emit)
            self._listen(payments.on_result, self.card_result.emit)
            self._listen(payments.on_error, self.card_error.emit)
        if printing is not None:
            self._listen(printing.on_status, self.printer_status.emit)
            self._listen(printing.on_outcome, self.print_outcome.emit)

    def detach(self) -> None:
        for remove in self._removals:
            try:
                remove()
            except ValueError:
                log.debug("device listener already removed")
        self._removals.clear()

    def _listen(self, listeners: list[Listener], callback: Listener) -> None:
        listeners.append(callback)
        self._removals.append(lambda: listeners.remove(callback))
