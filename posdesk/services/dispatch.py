"""Handing results from worker threads back to the thread that owns the sale.

A `Sale` is touched by one thread only (the GUI thread in the app). Workers `post` a
callable; the owner runs it in `run_pending`. The UI sets `wake` to a queued Qt signal so the
owner runs pending work at once; tests call `run_pending` themselves.
"""
from __future__ import annotations

import logging
import queue
from typing import Callable

log = logging.getLogger(__name__)


class Dispatch:
    def __init__(self) -> None:
        self._calls: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        #: Called (from any thread) after something was posted.
        self.wake: Callable[[], None] = lambda: None

    def post(self, call: Callable[[], None]) -> None:
        self._calls.put(call)
        self.wake()

    def run_pending(self) -> int:
        """Run everything posted so far, on the calling (owner) thread; return how many."""
        ran = 0
        while True:
            try:
                call = self._calls.get_nowait()
            except queue.Empty:
                return ran
            ran += 1
            try:
                call()
            except Exception:  # noqa: BLE001 - one failing result must not block the others
                log.exception("posted call failed")
