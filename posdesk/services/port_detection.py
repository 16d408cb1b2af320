"""Probing the serial ports for the printer and the terminal, off the caller's thread.

`detect_devices` opens every port at several baud rates and waits for answers: seconds of
blocking that must never freeze the window, so a run goes on a thread of its own and its
reports arrive through a callback on that thread. Ports the running devices hold are left
alone: probe bytes in the middle of their conversation would confuse both sides.
"""
from __future__ import annotations

import logging
import threading
from typing import Callable, Iterable

from posdesk.devices.detect import PortReport, detect_devices
from posdesk.devices.ports import available_ports

log = logging.getLogger(__name__)

Reports = Callable[[list[PortReport]], None]


class PortDetection:
    """One detection run at a time; `start` hands the reports to `done` on the run's thread."""

    def __init__(self, *, system_ports: Callable[[], list[str]] = available_ports) -> None:
        self._system_ports = system_ports
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, extra_ports: Iterable[str], *, zvt_password: str, done: Reports,
              in_use: Iterable[str] = ()) -> bool:
        """Probe the PC's ports and `extra_ports`, except those `in_use`, a terminal with the
        configured `zvt_password`; False when a run is still going."""
        if self.running:
            return False
        self._thread = threading.Thread(target=self._run, name="port-detection", daemon=True,
                                        args=(list(extra_ports), set(in_use), zvt_password, done))
        self._thread.start()
        return True

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the running detection; True when none is left running."""
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.running

    def _run(self, extra_ports: list[str], in_use: set[str], zvt_password: str,
             done: Reports) -> None:
        ports = [p for p in dict.fromkeys([*self._system_ports(), *extra_ports])
                 if p and p not in in_use]
        try:
            reports = detect_devices(extra_ports=ports, system_ports=False, zvt_password=zvt_password)
        except Exception as e:  # noqa: BLE001 - report it; the settings page stays usable
            log.exception("port detection failed")
            reports = [PortReport(p, error=f"detection failed: {e}") for p in ports]
        done(reports)
