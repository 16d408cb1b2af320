"""Errors of the receipt printer. Callers catch `PrinterError` (a `DeviceError`)."""
from __future__ import annotations

from ..errors import DeviceError


class PrinterError(DeviceError):
    """Base of receipt-printer failures; the message names the port or file."""


class PrinterUnavailable(PrinterError):
    """The printer's port or file cannot be opened or written."""


class UnknownProfile(PrinterError):
    """The configured printer profile name is not one this build knows."""


class StatusUnavailable(PrinterError):
    """The printer did not answer a real-time status query (DLE EOT) in time."""
