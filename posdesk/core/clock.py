"""Clocks: UTC wall time for people and a monotonic count for ordering and media sync.

The monotonic part is `time.monotonic_ns()`, the same system-wide clock the recorder stamps
media with, so a journal event can be found in the clip. Code that needs time takes a
`Clock`, so tests set the time instead of sleeping.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Protocol


@dataclass(frozen=True)
class Instant:
    utc: datetime
    mono_ns: int


class Clock(Protocol):
    def now(self) -> Instant: ...


class SystemClock:
    def now(self) -> Instant:
        return Instant(datetime.now(timezone.utc), time.monotonic_ns())


class ManualClock:
    """A clock tests move by hand."""

    def __init__(self, start: datetime | None = None, mono_ns: int = 1_000_000_000):
        self._utc = start or datetime(2026, 1, 2, 9, 0, tzinfo=timezone.utc)
        self._mono = mono_ns

    def now(self) -> Instant:
        return Instant(self._utc, self._mono)

    def advance(self, seconds: float = 0.0, *, ms: int = 0) -> None:
        step_ns = int(seconds * 1e9) + ms * 1_000_000
        self._mono += step_ns
        self._utc += timedelta(microseconds=step_ns // 1000)

    def reboot(self, mono_ns: int = 1_000_000_000) -> None:
        """Start monotonic time anew, as a restarted machine does; wall time goes on."""
        self._mono = mono_ns

    def set_wall(self, utc: datetime) -> None:
        """Set the wall clock as a person or a time server would: monotonic time stays."""
        self._utc = utc
