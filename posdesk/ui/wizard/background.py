"""Running a blocking job (a test print, a terminal registration, key generation) off the
GUI thread and getting its result back as a queued signal."""
from __future__ import annotations

import logging
import threading
from typing import Callable

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class Background(QObject):
    """Signals:
        finished(str, object, object): the job's tag, its result (None on failure) and the
            exception it raised (None on success).
    """

    finished = Signal(str, object, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._running: set[str] = set()
        # Connected first, so a page's slot already sees the job as finished.
        self.finished.connect(lambda tag, _result, _error: self._running.discard(tag))

    def busy(self, tag: str) -> bool:
        return tag in self._running

    def run(self, tag: str, job: Callable[[], object]) -> bool:
        """Start `job` on a thread of its own; False when a job of this tag still runs."""
        if tag in self._running:
            return False
        self._running.add(tag)
        threading.Thread(target=self._work, args=(tag, job), name=f"setup-{tag}", daemon=True).start()
        return True

    def _work(self, tag: str, job: Callable[[], object]) -> None:
        result, error = None, None
        try:
            result = job()
        except Exception as e:  # noqa: BLE001 - handed to the page, which says what failed
            log.info("setup job %s failed: %s", tag, e)
            error = e
        try:
            self.finished.emit(tag, result, error)
        except RuntimeError:
            log.info("setup job %s finished after its page closed", tag)
