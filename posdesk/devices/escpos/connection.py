"""Where printer bytes go: a serial port (device path or pyserial URL) or a plain file.

Command building stays in `render`; a connection only writes bytes and, when the line
goes both ways, asks real-time status. A file or a USB printer device node is write-only,
so its status is unknown (None) and printing goes ahead blind.
"""
from __future__ import annotations

import logging
from typing import Protocol

import serial

from ..ports import SerialSettings, open_port
from .errors import PrinterUnavailable, StatusUnavailable
from .status import PrinterStatus, query_status

log = logging.getLogger(__name__)

#: Prefixes that make a printer address a pyserial URL rather than a file path.
SERIAL_URL_SCHEMES = ("socket://", "rfc2217://", "loop://", "spy://", "alt://", "hwgrep://")
#: Device-name prefixes of serial ports (a USB printer class device `/dev/usb/lp0` is a file).
SERIAL_DEVICE_PREFIXES = ("/dev/tty", "/dev/pts/", "/dev/serial/", "COM")


class PrinterConnection(Protocol):
    name: str

    def write(self, data: bytes) -> None: ...
    def status(self, *, drawer_open_level_high: bool | None) -> PrinterStatus | None: ...
    def close(self) -> None: ...


class SerialConnection:
    def __init__(self, settings: SerialSettings):
        self.name = settings.port
        self._port = open_port(settings)

    def write(self, data: bytes) -> None:
        try:
            self._port.write(data)
            self._port.flush()
        except (serial.SerialException, OSError) as e:
            raise PrinterUnavailable(f"cannot write to printer on {self.name}: {e}") from e

    def status(self, *, drawer_open_level_high: bool | None) -> PrinterStatus:
        try:
            return query_status(self._port, drawer_open_level_high=drawer_open_level_high)
        except (serial.SerialException, OSError) as e:
            raise StatusUnavailable(f"cannot ask printer on {self.name} for status: {e}") from e

    def close(self) -> None:
        self._port.close()


class FileConnection:
    """A file or write-only device node; bytes are appended."""

    def __init__(self, path: str):
        self.name = path
        try:
            self._file = open(path, "ab", buffering=0)  # noqa: SIM115 - closed by close()
        except OSError as e:
            raise PrinterUnavailable(f"cannot open printer file {path}: {e}") from e

    def write(self, data: bytes) -> None:
        try:
            self._file.write(data)
        except OSError as e:
            raise PrinterUnavailable(f"cannot write to printer file {self.name}: {e}") from e

    def status(self, *, drawer_open_level_high: bool | None) -> None:
        return None

    def close(self) -> None:
        self._file.close()


def is_serial_address(address: str) -> bool:
    return address.startswith(SERIAL_URL_SCHEMES + SERIAL_DEVICE_PREFIXES)


def open_connection(address: str, baudrate: int = 9600) -> PrinterConnection:
    """A serial connection for ports and pyserial URLs, a file connection otherwise."""
    if is_serial_address(address):
        return SerialConnection(SerialSettings(address, baudrate=baudrate))
    return FileConnection(address)
