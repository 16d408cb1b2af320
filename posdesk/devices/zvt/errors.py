"""Errors of the ZVT card terminal. All are `DeviceError`s, so callers catch one base."""
from __future__ import annotations

from posdesk.devices.errors import DeviceError, DeviceTimeout, ProtocolError


class ZvtError(DeviceError):
    """Base of every ZVT failure; the message names the port."""


class LineLost(ZvtError):
    """The serial line failed (port error, device gone) while talking to the terminal."""


class NoAcknowledge(ZvtError, DeviceTimeout):
    """A frame was sent the allowed number of times and never acknowledged."""


class AnswerTimeout(ZvtError, DeviceTimeout):
    """The terminal did not send the next message within the protocol's timeout."""


class MalformedApdu(ZvtError, ProtocolError):
    """Bytes that passed the CRC but are not a well-formed APDU, BMP or TLV."""


class CommandRefused(ZvtError):
    """The terminal refused an administrative command; `result_code` says why."""

    def __init__(self, message: str, result_code: int):
        super().__init__(message)
        self.result_code = result_code
