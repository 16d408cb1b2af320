"""Real-time pacing for sources that could otherwise run faster than the wall clock."""
from __future__ import annotations

import time
from typing import Callable

NS_PER_S = 1_000_000_000


class Pacer:
    """Hands out the capture time of item n of a regular series.

    Live, `next()` waits until that time has come on the monotonic clock, and when the
    caller is late by whole periods it skips them (as a camera that is not read would),
    counting each in `skipped`. Not live, it returns the scheduled times at once, so tests
    and benches can pull as fast as they like.
    """

    def __init__(
        self,
        rate_hz: float,
        *,
        live: bool,
        start_ns: int | None = None,
        clock: Callable[[], int] = time.monotonic_ns,
    ):
        self.rate_hz = rate_hz
        self.period_ns = round(NS_PER_S / rate_hz)
        self.live = live
        self._clock = clock
        self._start_ns = clock() if start_ns is None else start_ns
        self._index = 0
        self.skipped = 0

    @property
    def index(self) -> int:
        return self._index

    def next(self) -> int:
        due = self._due(self._index)
        if self.live:
            now = self._clock()
            late_periods = (now - due) // self.period_ns
            if late_periods > 0:
                self._index += late_periods
                self.skipped += late_periods
                due = self._due(self._index)
            elif due > now:
                time.sleep((due - now) / NS_PER_S)
        self._index += 1
        return due

    def _due(self, index: int) -> int:
        # From the start each time, so rounding never accumulates.
        return self._start_ns + round(index * NS_PER_S / self.rate_hz)
