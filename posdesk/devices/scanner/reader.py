"""A serial barcode scanner: codes arrive as text lines ending in CR, LF or CR LF.

A thread of its own reads the port and calls `on_barcode(code)` for each complete code
(the UI bridge queues it to the GUI thread, into the same path as wedge scans). A port
that fails is reported through `on_error` and reopened, so a replugged scanner comes
back by itself. Stopping is bounded: flag, cancel_read, join.
"""
from __future__ import annotations

import logging
import threading
from typing import Callable

import serial

from ..errors import DeviceError
from ..ports import SerialSettings, open_port
from .errors import ScannerError

log = logging.getLogger(__name__)

#: Bytes that end a code, whatever suffix the scanner is set to.
LINE_ENDS = b"\r\n"
#: Longest code kept while waiting for its line end; noise beyond this is dropped.
MAX_CODE_BYTES = 4096
#: Wait before reopening a failed port, in seconds.
REOPEN_DELAY_S = 1.0


def split_codes(buffer: bytes) -> tuple[list[str], bytes]:
    """The complete codes in `buffer` and the unfinished rest. Empty lines (the LF of a
    CR LF pair) are not codes."""
    codes: list[str] = []
    start = 0
    for i, b in enumerate(buffer):
        if b in LINE_ENDS:
            chunk = buffer[start:i].strip()
            if chunk:
                codes.append(chunk.decode("utf-8", errors="replace"))
            start = i + 1
    return codes, buffer[start:]


class SerialScannerReader:
    def __init__(self, settings: SerialSettings, on_barcode: Callable[[str], None], *,
                 on_error: Callable[[DeviceError], None] | None = None):
        self.settings = settings
        self._on_barcode = on_barcode
        self._on_error = on_error
        self._stop = threading.Event()
        self._port: serial.SerialBase | None = None
        self._thread = threading.Thread(target=self._run, name=f"scanner-{settings.port}",
                                        daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> bool:
        """End the reader; False if its thread did not finish within `timeout`."""
        self._stop.set()
        port = self._port
        if port is not None and hasattr(port, "cancel_read"):
            port.cancel_read()
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._port = open_port(self.settings)
                try:
                    self._read_until_stopped(self._port)
                finally:
                    self._port.close()
                    self._port = None
            except DeviceError as e:
                self._report(e)
            except (serial.SerialException, OSError) as e:
                self._report(ScannerError(f"scanner on {self.settings.port} failed: {e}"))
            self._stop.wait(REOPEN_DELAY_S)

    def _read_until_stopped(self, port: serial.SerialBase) -> None:
        pending = b""
        while not self._stop.is_set():
            data = port.read(max(1, port.in_waiting))
            if not data:
                continue
            codes, pending = split_codes(pending + data)
            if len(pending) > MAX_CODE_BYTES:
                log.warning("dropping %d bytes without line end from %s", len(pending), port.name)
                pending = b""
            for code in codes:
                self._deliver(code)

    def _deliver(self, code: str) -> None:
        try:
            self._on_barcode(code)
        except Exception:  # noqa: BLE001 - a failing consumer must not stop the scanner
            log.exception("barcode callback failed for %r", code)

    def _report(self, error: DeviceError) -> None:
        log.warning("%s", error)
        if self._on_error is not None:
            try:
                self._on_error(error)
            except Exception:  # noqa: BLE001
                log.exception("scanner error callback failed")
