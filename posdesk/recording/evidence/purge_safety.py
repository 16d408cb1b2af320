"""The safety rules of purging: which clips may go, judged without trusting the wall clock.

A purge deletes evidence for good, so a mistyped number or a wrong clock must never reach
it. Three rules live here, apart from what the retention periods are:

- a keep period shorter than `MIN_KEEP` (a negative one included) is refused;
- a clip's age is measured from its own recorded time, never from the clock alone;
- of the ways to measure it, the smallest wins: against the chain's newest entry on a
  timeline that follows monotonic time wherever two entries plainly come from one boot
  (so a wall clock set forward while the app ran adds no age), against the last entry's
  wall time, and against the clock now. A clock that is wrong in either direction can
  then only keep clips longer, never purge them early. Clock steps the chain shows are
  reported as `ClockStep`s for the operator.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable

from .errors import EvidenceError
from .manifest import MANIFEST_TYPE, TOMBSTONE_TYPE, Entry, instant_from_dict
from ...core.clock import Instant

#: The shortest keep period a purge accepts: a clip is never purged on the day it was made.
MIN_KEEP = timedelta(days=1)
#: How far wall time may drift from monotonic time between two entries before it counts
#: as the clock being set (NTP slews far less than this).
CLOCK_STEP_TOLERANCE = timedelta(minutes=5)
#: Entries are signed in the order sales finish, which can differ from the order of their
#: recorded times by a post-roll or so: a monotonic stamp this much older is still one boot.
SAME_BOOT_SLACK = timedelta(minutes=10)


class PurgeRefused(EvidenceError):
    """A purge was asked with a keep period the safety rules do not allow."""


@dataclass(frozen=True)
class ClockStep:
    """The wall clock moved by `step` more than monotonic time did, just before `seq`."""

    seq: int
    step: timedelta

    @property
    def backwards(self) -> bool:
        return self.step < timedelta(0)


@dataclass(frozen=True)
class Timeline:
    """Each entry's time on the corrected scale and by its wall clock, and clock steps."""

    times: dict[int, datetime]
    walls: dict[int, datetime]
    newest: datetime | None
    last_wall: datetime | None
    steps: tuple[ClockStep, ...]

    def age(self, seq: int, now: datetime) -> timedelta:
        """The smallest honest age of entry `seq` (see the module docstring)."""
        assert self.newest is not None and self.last_wall is not None
        wall = self.walls[seq]
        return min(self.newest - self.times[seq], self.last_wall - wall, now - wall)


def check_keep(keep: timedelta) -> None:
    """Refuse keep periods under `MIN_KEEP`, negative ones included, with one clear line."""
    if keep < MIN_KEEP:
        days = keep.total_seconds() / 86400
        raise PurgeRefused(f"refusing to purge clips kept {days:g} days: clips are kept at "
                           f"least {MIN_KEEP.days} day")


def recorded_at(entry: Entry) -> Instant | None:
    """When an entry's event happened by the lane's clocks: a sale's end (or start), a
    tombstone's purge time."""
    if entry.kind == MANIFEST_TYPE:
        return instant_from_dict(entry.body.get("end") or entry.body["start"])
    if entry.kind == TOMBSTONE_TYPE and entry.body.get("at"):
        return instant_from_dict(entry.body["at"])
    return None


def timeline(entries: Iterable[Entry]) -> Timeline:
    """Read the chain's times as described in the module docstring."""
    times: dict[int, datetime] = {}
    walls: dict[int, datetime] = {}
    steps: list[ClockStep] = []
    previous: Instant | None = None
    corrected = datetime.min
    offset = timedelta(0)  # corrected minus wall time, carried across reboots
    for entry in entries:
        at = recorded_at(entry)
        if at is None:
            continue
        if previous is None:
            corrected = at.utc
        else:
            mono = timedelta(microseconds=(at.mono_ns - previous.mono_ns) // 1000)
            wall = at.utc - previous.utc
            if mono >= -SAME_BOOT_SLACK:  # one boot: monotonic time is the truth
                if abs(wall - mono) > CLOCK_STEP_TOLERANCE:
                    steps.append(ClockStep(entry.seq, wall - mono))
                corrected += mono
            else:  # a reboot between them: the clock as last corrected, never backwards
                if wall < -CLOCK_STEP_TOLERANCE:
                    steps.append(ClockStep(entry.seq, wall))
                corrected = max(corrected, at.utc + offset)
        offset = corrected - at.utc
        times[entry.seq], walls[entry.seq] = corrected, at.utc
        previous = at
    return Timeline(times, walls, max(times.values(), default=None),
                    previous.utc if previous is not None else None, tuple(steps))
