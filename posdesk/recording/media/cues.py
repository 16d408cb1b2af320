"""Timing of journal cues on the `mov_text` subtitle track, in a pattern the muxer survives.

FFmpeg's MP4 muxer aborts the whole process (an assertion, not an error) on some subtitle
timings, so every cue this module hands out obeys four rules:

* times are whole milliseconds (the subtitle track's time base) and never negative;
* each cue has a duration of at least one millisecond;
* each cue ends at least one millisecond before the next one starts (no overlap, never
  back-to-back), so the muxer's gap filler always has a positive gap;
* starts strictly increase, so no cue precedes the track's previous dts.

A cue is held until the next event (or `CUE_MAX_DISPLAY_MS` of media time) decides its
end. Events closer together than `MIN_CUE_SPACING_MS` - a burst of scans - share one cue,
their texts joined line by line; the journal itself keeps each event's exact time.
"""
from __future__ import annotations

from dataclasses import dataclass

#: Longest time a journal line stays on screen (and media waits for its end, see ClipWriter).
CUE_MAX_DISPLAY_MS = 2000
#: Silence kept between two cues so that they never touch.
CUE_GAP_MS = 1
#: Closer events merge: the first needs 1 ms of display plus the 1 ms gap.
MIN_CUE_SPACING_MS = 1 + CUE_GAP_MS


@dataclass(frozen=True)
class Cue:
    start_ms: int
    duration_ms: int
    text: str

    @property
    def end_ms(self) -> int:
        return self.start_ms + self.duration_ms


class CueScheduler:
    """Turns (time, text) events into safe `Cue`s; pure logic, no media."""

    def __init__(self, max_display_ms: int = CUE_MAX_DISPLAY_MS):
        self._max_display_ms = max_display_ms
        self._pending_start: int | None = None
        self._pending_lines: list[str] = []
        self._last_end_ms = -CUE_GAP_MS  # so the first cue may start at 0
        self.events = 0

    @property
    def pending_start_ms(self) -> int | None:
        """Start of the cue still waiting for its end, if any."""
        return self._pending_start

    def add(self, at_ms: int, text: str) -> list[Cue]:
        """Record an event; returns the cues that are now final."""
        self.events += 1
        at_ms = max(at_ms, self._last_end_ms + CUE_GAP_MS, 0)
        if self._pending_start is not None and at_ms < self._pending_start + MIN_CUE_SPACING_MS:
            self._pending_lines.append(text)
            return []
        done = self._finish(min(self._max_display_ms, at_ms - CUE_GAP_MS - (self._pending_start or 0)))
        self._pending_start, self._pending_lines = at_ms, [text]
        return done

    def due(self, now_ms: int) -> list[Cue]:
        """Cues whose display time has fully passed by media time `now_ms`."""
        if self._pending_start is None or now_ms <= self._pending_start + self._max_display_ms:
            return []
        return self._finish(self._max_display_ms)

    def close(self, end_ms: int) -> list[Cue]:
        """Final cue at the end of the clip; it lasts until `end_ms` (at least 1 ms)."""
        if self._pending_start is None:
            return []
        return self._finish(max(1, min(self._max_display_ms, end_ms - self._pending_start)))

    def _finish(self, duration_ms: int) -> list[Cue]:
        if self._pending_start is None:
            return []
        cue = Cue(self._pending_start, duration_ms, "\n".join(self._pending_lines))
        self._last_end_ms = cue.end_ms
        self._pending_start, self._pending_lines = None, []
        return [cue]
