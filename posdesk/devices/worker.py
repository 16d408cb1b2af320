"""A worker thread that owns one device and serves jobs one at a time.

The GUI never waits on a port: it submits a job and gets the outcome through a callback on
this worker's thread (the UI bridge turns callbacks into queued Qt signals). A job that
raises is logged and reported, and the worker keeps serving: a garbled frame must never
silently kill the thread that talks to the card terminal.
"""
from __future__ import annotations

import logging
import queue
import threading
from dataclasses import dataclass
from typing import Any, Callable

log = logging.getLogger(__name__)

Job = Callable[[], Any]
Done = Callable[[Any, BaseException | None], None]


@dataclass
class _Item:
    job: Job
    done: Done | None


class DeviceWorker:
    """Runs submitted jobs in order on one thread named after the device."""

    def __init__(self, name: str, *, on_error: Callable[[BaseException], None] | None = None):
        self.name = name
        self._queue: queue.Queue[_Item | None] = queue.Queue()
        self._on_error = on_error
        self._thread = threading.Thread(target=self._run, name=f"device-{name}", daemon=True)
        self._started = False

    def start(self) -> None:
        if not self._started:
            self._started = True
            self._thread.start()

    def submit(self, job: Job, done: Done | None = None) -> None:
        """Queue `job`; `done(result, error)` is called on the worker thread when it ends."""
        self._queue.put(_Item(job, done))

    def stop(self, timeout: float = 2.0) -> bool:
        """Ask the thread to finish queued jobs and end; return False if it did not in time."""
        if not self._started:
            return True
        self._queue.put(None)
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            result: Any = None
            error: BaseException | None = None
            try:
                result = item.job()
            except Exception as e:  # noqa: BLE001 - a worker must outlive any one job
                log.exception("job on %s failed", self.name)
                error = e
                if self._on_error is not None:
                    self._safe(self._on_error, e)
            if item.done is not None:
                self._safe(item.done, result, error)

    def _safe(self, fn: Callable[..., Any], *args: Any) -> None:
        try:
            fn(*args)
        except Exception:  # noqa: BLE001
            log.exception("callback on %s failed", self.name)
