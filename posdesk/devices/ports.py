"""Opening serial ports by name or pyserial URL, and listing the ports of this PC.

Every device goes through `open_port`, so a bad name always fails the same way: with a
`PortUnavailable` that names the port. pyserial URLs (`socket://host:port`, `rfc2217://`,
`loop://`) work wherever a device path does.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

import serial
from serial.tools import list_ports

from .errors import PortUnavailable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SerialSettings:
    """How to open one port. Defaults are the common 9600 8N1 of countertop devices."""

    port: str
    baudrate: int = 9600
    bytesize: int = serial.EIGHTBITS
    parity: str = serial.PARITY_NONE
    stopbits: float = serial.STOPBITS_ONE
    #: Read timeout in seconds; workers poll their stop flag at this rate.
    timeout: float = 0.05
    write_timeout: float = 2.0


def open_port(settings: SerialSettings) -> serial.SerialBase:
    """Open `settings.port` (device path, COMx or pyserial URL) or raise `PortUnavailable`."""
    try:
        port = serial.serial_for_url(
            settings.port,
            baudrate=settings.baudrate,
            bytesize=settings.bytesize,
            parity=settings.parity,
            stopbits=settings.stopbits,
            timeout=settings.timeout,
            write_timeout=settings.write_timeout,
            # A pty rejects the modem-line ioctls with ENOTTY; real ports do not need them.
            do_not_open=True,
        )
        port.dsrdtr = False
        port.rtscts = False
        port.open()
    except (serial.SerialException, ValueError, OSError) as e:
        raise PortUnavailable(f"cannot open serial port {settings.port}: {e}") from e
    log.info("opened %s at %d baud", settings.port, settings.baudrate)
    return port


def available_ports() -> list[str]:
    """Device names of the serial ports the OS reports, for pickers and auto-detection."""
    return sorted(p.device for p in list_ports.comports())
