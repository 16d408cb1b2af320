"""Errors of the device layer. Callers catch `DeviceError`; the cause is always kept."""
from __future__ import annotations


class DeviceError(Exception):
    """Base of every device failure; the message names the port or file."""


class PortUnavailable(DeviceError):
    """The port cannot be opened (missing, busy, no permission, bad URL)."""


class DeviceTimeout(DeviceError):
    """The device did not answer within the time its protocol allows."""


class ProtocolError(DeviceError):
    """The device answered with bytes its protocol does not allow."""
