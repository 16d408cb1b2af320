"""Errors of the barcode scanner readers."""
from __future__ import annotations

from ..errors import DeviceError


class ScannerError(DeviceError):
    """The scanner's port failed while reading; the message names the port."""
