"""Notices a lane clock that runs behind the evidence already recorded.

Retention ages clips on the chain's own timeline (`purge_safety`), so a wrong clock cannot
purge; but a sale stamped earlier than the last sale on record is still worth a word in its
journal and on the screen, so that someone sets the clock right.
"""
from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import Iterable

from posdesk.recording.evidence.manifest import Entry
from posdesk.recording.evidence.purge_safety import CLOCK_STEP_TOLERANCE, recorded_at


class ClockWatch:
    """The newest time on record, fed from the chain; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._newest: datetime | None = None

    def saw(self, entries: Iterable[Entry]) -> None:
        """Entries now in the chain (all of it at start, then each new one)."""
        for entry in entries:
            at = recorded_at(entry)
            if at is not None:
                with self._lock:
                    self._newest = at.utc if self._newest is None else max(self._newest, at.utc)

    def behind(self, utc: datetime) -> timedelta | None:
        """How far `utc` lies before the newest recorded time, if by more than a slew."""
        with self._lock:
            newest = self._newest
        if newest is None or newest - utc <= CLOCK_STEP_TOLERANCE:
            return None
        return newest - utc
