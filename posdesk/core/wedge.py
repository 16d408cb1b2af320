"""Telling a keyboard-wedge scanner from a person at the keyboard, by timing alone.

A wedge scanner "types" its code: a key every few milliseconds, then Enter or Tab. A person
leaves tens of milliseconds between keys even when typing fast. The UI feeds every key it
receives with its `time.monotonic_ns()`; the classifier holds keys back while they may
still be a scan, and hands them out either as one `Scan` (all gaps short, long enough,
ended by a terminator) or as `Typed` text for the focused field. So a scan never lands in
the wrong field, and a fast typist is not mistaken for a scanner. Keys are never lost:
every key comes out exactly once, in order, in a `Scan` or a `Typed`.

The UI must call `flush(now_ns)` about `max_gap_ns` after the last key (a single-shot
timer), so a person's last key appears without waiting for the next one.
"""
from __future__ import annotations

from dataclasses import dataclass, field

#: Longest pause between two keys of one scan. Wedge scanners send a key every 1-10 ms
#: (USB HID polls at 1-8 ms); people rarely put two keys under 30 ms apart.
DEFAULT_MAX_GAP_NS: int = 30_000_000
#: Shortest code accepted as a scan: EAN-8 has 8 digits, but short in-store labels exist.
DEFAULT_MIN_LENGTH: int = 4
#: Keys a scanner sends after the code, depending on its suffix setting.
DEFAULT_TERMINATORS: frozenset[str] = frozenset({"\r", "\n", "\t"})


@dataclass(frozen=True)
class Scan:
    code: str


@dataclass(frozen=True)
class Typed:
    """Keys a person typed, to be delivered to the focused field (terminators included)."""

    text: str


WedgeEvent = Scan | Typed


@dataclass
class WedgeClassifier:
    max_gap_ns: int = DEFAULT_MAX_GAP_NS
    min_length: int = DEFAULT_MIN_LENGTH
    terminators: frozenset[str] = DEFAULT_TERMINATORS
    _held: list[str] = field(default_factory=list)
    _last_ns: int | None = None

    @property
    def holding(self) -> bool:
        """Whether keys are held back (the UI keeps its flush timer running)."""
        return bool(self._held)

    def feed(self, key: str, t_ns: int) -> list[WedgeEvent]:
        """One key (its text: a character, "\\r" for Enter, "\\t" for Tab) at `t_ns`."""
        events: list[WedgeEvent] = []
        if self._held and not self._within_gap(t_ns):
            events.append(self._release())
        self._last_ns = t_ns
        if key in self.terminators:
            if len(self._held) >= self.min_length:
                events.append(Scan("".join(self._held)))
                self._held.clear()
            else:
                self._held.append(key)
                events.append(self._release())
            return events
        self._held.append(key)
        return events

    def flush(self, now_ns: int) -> list[WedgeEvent]:
        """Release held keys once no scanner key can follow any more."""
        if self._held and not self._within_gap(now_ns):
            return [self._release()]
        return []

    def _within_gap(self, t_ns: int) -> bool:
        return self._last_ns is not None and t_ns - self._last_ns <= self.max_gap_ns

    def _release(self) -> Typed:
        text = "".join(self._held)
        self._held.clear()
        return Typed(text)
