"""Value types of device detection and setup that the window shows and picks from.

The window reaches devices only through services; these are the plain facts it needs to
list detected ports and printer models.
"""
from __future__ import annotations

from posdesk.devices.detect import COMMON_BAUDRATES, DeviceKind, PortReport
from posdesk.devices.escpos.profile import PROFILES

#: Printer models posdesk has a profile for, in the order a list shows them.
PRINTER_MODELS: tuple[str, ...] = tuple(sorted(PROFILES))

__all__ = ["COMMON_BAUDRATES", "DeviceKind", "PortReport", "PRINTER_MODELS"]
