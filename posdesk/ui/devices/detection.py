"""Probing serial ports for the printer and the terminal, off the GUI thread.

`detect_devices` opens every port at several baud rates and waits for answers: seconds of
blocking that must never freeze the window, so it runs on a thread of its own and the
reports come back as a queued signal. Ports the running devices hold are left alone: probe
bytes in the middle of their conversation would confuse both sides.
"""
from __future__ import annotations

import logging
import threading
from typing import Iterable

from PySide6.QtCore import QObject, Signal

from posdesk.devices.detect import PortReport, detect_devices
from posdesk.devices.ports import available_ports

log = logging.getLogger(__name__)


class PortDetection(QObject):
    """Signals:
        finished(object): the list of `PortReport`s, one per probed port.
    """

    finished = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, extra_ports: Iterable[str], *, zvt_password: str, in_use: Iterable[str] = ()) -> bool:
        """Probe the PC's ports and `extra_ports`, except those `in_use`, a terminal with the
        configured `zvt_password`; False when a run is still going."""
        if self.running:
            return False
        self._thread = threading.Thread(target=self._run, args=(list(extra_ports), set(in_use), zvt_password),
                                        name="port-detection", daemon=True)
        self._thread.start()
        return True

    def _run(self, extra_ports: list[str], in_use: set[str], zvt_password: str) -> None:
        ports = [p for p in dict.fromkeys([*available_ports(), *extra_ports]) if p and p not in in_use]
        try:
            reports = detect_devices(extra_ports=ports, system_ports=False, zvt_password=zvt_password)
        except Exception as e:  # noqa: BLE001 - report it; the settings page stays usable
            log.exception("port detection failed")
            reports = [PortReport(p, error=f"detection failed: {e}") for p in ports]
        try:
            self.finished.emit(reports)
        except RuntimeError:
            log.info("detection finished after the settings page closed")
