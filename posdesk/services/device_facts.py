"""Value types of the devices that the window shows and picks from.

The window reaches devices only through services; these are the plain facts it needs: the
ports detection found and the printer models to choose from, a printer's state and the
outcome of a print job, the terminal's live status and the answer to an administration
command.
"""
from __future__ import annotations

from posdesk.devices.detect import COMMON_BAUDRATES, DeviceKind, PortReport
from posdesk.devices.escpos.profile import PROFILES
from posdesk.devices.escpos.service import PrintOutcome
from posdesk.devices.escpos.status import PrinterStatus
from posdesk.devices.payment import AdminResult, StatusUpdate

#: Printer models posdesk has a profile for, in the order a list shows them.
PRINTER_MODELS: tuple[str, ...] = tuple(sorted(PROFILES))

__all__ = ["AdminResult", "COMMON_BAUDRATES", "DeviceKind", "PRINTER_MODELS", "PortReport",
           "PrintOutcome", "PrinterStatus", "StatusUpdate"]
