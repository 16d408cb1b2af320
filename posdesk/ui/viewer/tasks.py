"""Running the viewer's blocking service calls off the GUI thread.

Unlocking (scrypt), searching (SQL), opening a sale (disk, decryption, verification) and
exporting all block; the window hands them to one worker thread, in order, and gets the
result or the error back as a queued signal on the GUI thread. One thread keeps the calls
in the order the manager made them and gives the database one reading connection.
"""
from __future__ import annotations

import logging
import queue
import threading
from typing import Callable, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")
#: What runs with a call's result; `run` ties it to that call's result type.
Done = Callable[..., None]
Failed = Callable[[BaseException], None]


class BackgroundTasks(QObject):
    """Signals:
        finished(object, object, object): continuation, result, error — on the GUI thread.
        busy_changed(bool): whether a call is running or waiting.
    """

    finished = Signal(object, object, object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._jobs: queue.Queue[tuple[Callable[[], object], Done | None, Failed | None] | None] = queue.Queue()
        self._pending = 0
        self._thread = threading.Thread(target=self._run, name="viewer-tasks", daemon=True)
        self.finished.connect(self.on_finished, Qt.ConnectionType.QueuedConnection)
        self._thread.start()

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run(self, call: Callable[[], T], on_done: Callable[[T], None] | None = None,
            on_error: Failed | None = None) -> None:
        """Call `call()` on the worker; then `on_done(result)` or `on_error(exc)` here."""
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._jobs.put((call, on_done, on_error))

    def stop(self, timeout: float = 10.0) -> None:
        self._jobs.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            call, on_done, on_error = job
            try:
                result = call()
            except Exception as e:  # noqa: BLE001 - handed to the GUI thread, which decides
                self.finished.emit((on_done, on_error), None, e)
            else:
                self.finished.emit((on_done, on_error), result, None)

    def on_finished(self, continuation: tuple[Done | None, Failed | None], result: object,
                    error: BaseException | None) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        on_done, on_error = continuation
        if error is None:
            if on_done is not None:
                on_done(result)
        elif on_error is not None:
            on_error(error)
        else:
            log.error("viewer task failed", exc_info=error)
