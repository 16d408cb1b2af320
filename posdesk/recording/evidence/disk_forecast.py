"""How many days the clip disk lasts at the current recording rate.

The rate is what the lane actually recorded: the sealed clips of the last days, read from
the clip directory's date folders (so it survives restarts and follows a change of
settings within a week), averaged over the days that had any recording (a shop closed on
Sundays does not halve its rate).
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

#: Days of clips the rate is averaged over.
RATE_WINDOW_DAYS = 7
#: Sealed clip files (see `layout.clip_file`).
CLIP_GLOB = "*.age"


def bytes_per_day(clips_dir: Path, today: date, days: int = RATE_WINDOW_DAYS) -> float:
    """Average bytes of clips per recording day over the `days` days up to `today`."""
    total, recording_days = 0, 0
    for back in range(days):
        day = today - timedelta(days=back)
        folder = clips_dir / f"{day:%Y}" / f"{day:%m}" / f"{day:%d}"
        if not folder.is_dir():
            continue
        size = sum(p.stat().st_size for p in folder.glob(CLIP_GLOB))
        if size:
            total += size
            recording_days += 1
    return total / recording_days if recording_days else 0.0


def days_left(free_bytes: int, full_bytes: int, per_day: float) -> float | None:
    """Days until free space reaches the full threshold; None when nothing is recorded."""
    if per_day <= 0:
        return None
    return max(0.0, (free_bytes - full_bytes) / per_day)
