"""Port detection for the settings page and the wizard: the service's run, its reports
re-emitted as a queued signal so they reach the widgets on the GUI thread."""
from __future__ import annotations

import logging
from typing import Iterable

from PySide6.QtCore import QObject, Signal

from posdesk.services.device_facts import PortReport
from posdesk.services.port_detection import PortDetection as DetectionRun

log = logging.getLogger(__name__)


class PortDetection(QObject):
    """Signals:
        finished(object): the list of `PortReport`s, one per probed port.
    """

    finished = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._run = DetectionRun()

    @property
    def running(self) -> bool:
        return self._run.running

    def start(self, extra_ports: Iterable[str], *, zvt_password: str, in_use: Iterable[str] = ()) -> bool:
        """Probe the PC's ports and `extra_ports`, except those `in_use`, a terminal with the
        configured `zvt_password`; False when a run is still going."""
        return self._run.start(extra_ports, zvt_password=zvt_password, in_use=in_use,
                               done=self._report)

    def _report(self, reports: list[PortReport]) -> None:
        try:
            self.finished.emit(reports)
        except RuntimeError:
            log.info("detection finished after the settings page closed")
