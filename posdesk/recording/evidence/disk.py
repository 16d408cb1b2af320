"""Free-space watchdog for the clip directory.

Below the warning threshold, or when the disk will be full within `warn_days` at the
current recording rate, the UI tells the manager; below the full threshold no new clip
is started (the sale goes on and its manifest says `no-clip`, reason `disk-full`).
"""
from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Callable

from ...core.clock import Clock, SystemClock
from ...core.i18n import QT_TRANSLATE_NOOP, Text
from .disk_forecast import bytes_per_day, days_left

log = logging.getLogger(__name__)

#: Default warning threshold: about an hour of 720p clips.
DEFAULT_WARN_BYTES = 2 * 1024**3
#: Default full threshold: room to finish the clips already open.
DEFAULT_FULL_BYTES = 256 * 1024**2
#: Default early warning: the disk is full within this many days at the current rate.
DEFAULT_WARN_DAYS = 30.0
#: Seconds between re-reading the recording rate from the clip folders.
RATE_REFRESH_S = 3600.0


class DiskLevel(StrEnum):
    OK = "ok"
    LOW = "low"
    FULL = "full"


@dataclass(frozen=True)
class DiskState:
    level: DiskLevel
    free_bytes: int
    #: Days until full at the current recording rate; None before anything is recorded.
    days_left: float | None = None


class DiskWatchdog:
    """Classifies the free space of the file system holding `path`."""

    def __init__(self, path: Path, *, warn_bytes: int = DEFAULT_WARN_BYTES,
                 full_bytes: int = DEFAULT_FULL_BYTES, warn_days: float = DEFAULT_WARN_DAYS,
                 free_bytes: Callable[[Path], int] | None = None, clock: Clock | None = None):
        if full_bytes > warn_bytes:
            raise ValueError("the full threshold must not exceed the warning threshold")
        self.path = Path(path)
        self.warn_bytes = warn_bytes
        self.full_bytes = full_bytes
        self.warn_days = warn_days
        self._clock = clock or SystemClock()
        self._rate: tuple[int, float] | None = None  # (mono_ns read, bytes per day)
        self._free_bytes = free_bytes or (lambda p: shutil.disk_usage(p).free)
        self._last: DiskLevel | None = None

    def check(self) -> DiskState:
        free = self._free_bytes(self._existing_ancestor())
        left = days_left(free, self.full_bytes, self._bytes_per_day())
        if free < self.full_bytes:
            level = DiskLevel.FULL
        elif free < self.warn_bytes or (left is not None and left < self.warn_days):
            level = DiskLevel.LOW
        else:
            level = DiskLevel.OK
        if level != self._last:
            log.log(logging.INFO if level is DiskLevel.OK else logging.WARNING,
                    "clip storage %s: %d MiB free, %s days left at the current rate",
                    level, free // 1024**2, "unknown" if left is None else f"{left:.0f}")
            self._last = level
        return DiskState(level, free, left)

    def warning(self, state: DiskState) -> Text | None:
        """What to tell the manager about `state`; None when all is well."""
        if state.level is DiskLevel.FULL:
            return QT_TRANSLATE_NOOP("Recorder", "The disk is full: sales are not being recorded.")
        if state.level is DiskLevel.OK:
            return None
        if state.free_bytes >= self.warn_bytes:  # room for now, not for long at this rate
            return QT_TRANSLATE_NOOP(
                "Recorder",
                "At the current rate the disk is full in {days} days: purge old clips or add storage."
            ).format(days=max(0, round(state.days_left or 0)))
        return QT_TRANSLATE_NOOP("Recorder", "The disk is nearly full: recordings will stop soon.")

    def may_start_clip(self) -> bool:
        return self.check().level is not DiskLevel.FULL

    def _bytes_per_day(self) -> float:
        now = self._clock.now()
        if self._rate is None or now.mono_ns - self._rate[0] >= RATE_REFRESH_S * 1e9:
            self._rate = (now.mono_ns, bytes_per_day(self.path, now.utc.date()))
        return self._rate[1]

    def _existing_ancestor(self) -> Path:
        # The clip dir may not exist yet on a fresh install; its file system is what counts.
        path = self.path
        while not path.exists() and path != path.parent:
            path = path.parent
        return path
