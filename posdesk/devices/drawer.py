"""The cash drawer, which hangs off the receipt printer's drawer kick connector.

Opening is a pulse the printer sends to pin 2 or pin 5 (ESC p); whether the drawer is open
is the level of pin 3, which the printer reports in DLE EOT 1 when the drawer's switch is
wired. Both go through the printer service, so they share its port and its worker thread.
"""
from __future__ import annotations

import enum
import logging

from .escpos.profile import DrawerPin
from .escpos.service import PrinterService

log = logging.getLogger(__name__)


class DrawerState(enum.Enum):
    OPEN = "open"
    CLOSED = "closed"
    #: No switch wired, or a write-only printer connection: the app cannot tell.
    UNKNOWN = "unknown"


class CashDrawer:
    def __init__(self, printer: PrinterService, pin: DrawerPin | None = None):
        self._printer = printer
        self.pin = pin or printer.profile.drawer_pins[0]

    def open(self) -> None:
        """Kick the drawer open; raises `PrinterError` when the printer is unreachable."""
        log.info("drawer pulse on pin %d", self.pin)
        self._printer.pulse_drawer(self.pin)

    def state(self) -> DrawerState:
        status = self._printer.status()
        if status is None or status.drawer_open is None:
            return DrawerState.UNKNOWN
        return DrawerState.OPEN if status.drawer_open else DrawerState.CLOSED
