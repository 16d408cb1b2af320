"""A pure timing classifier for keyboard-wedge scanners.

A wedge scanner "types" a barcode: one key every few milliseconds, then Enter. A person
needs tens of milliseconds between keys even when typing fast. So a key that arrives within
`max_gap_ns` of the previous printable key continues a burst, and an Enter that ends a burst
of at least `min_length` characters is a scan. The classifier only sees times, never Qt
events, so it is tested with made-up timestamps.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

#: Longest pause between two keys of one scan. Wedge scanners send a key every 1-10 ms;
#: a person rarely types two keys closer than 40 ms apart.
DEFAULT_MAX_GAP_NS: int = 30_000_000
#: Shortest code a scan can carry (EAN-8 is 8, but short PLU labels exist).
DEFAULT_MIN_LENGTH: int = 4


class KeyKind(Enum):
    TYPED = "typed"          # a person's key, or the first key of what may become a burst
    BURST = "burst"          # a printable key arriving in a burst
    SCAN_END = "scan_end"    # Enter ending a burst long enough to be a scan
    ENTER = "enter"          # Enter typed by a person


@dataclass
class BurstClassifier:
    """Feed every key press with its time; get back what the key is part of."""

    max_gap_ns: int = DEFAULT_MAX_GAP_NS
    min_length: int = DEFAULT_MIN_LENGTH
    _last_ns: int | None = None
    _run: int = 0

    def feed_char(self, t_ns: int) -> KeyKind:
        """A printable key at `t_ns`. The first key of a burst reads as TYPED: nobody can
        know yet that more keys follow within milliseconds."""
        if self._in_gap(t_ns):
            self._run += 1
            kind = KeyKind.BURST
        else:
            self._run = 1
            kind = KeyKind.TYPED
        self._last_ns = t_ns
        return kind

    def feed_enter(self, t_ns: int) -> KeyKind:
        kind = KeyKind.SCAN_END if self._in_gap(t_ns) and self._run >= self.min_length else KeyKind.ENTER
        self.reset()
        return kind

    def in_burst(self, t_ns: int) -> bool:
        """Whether a key at `t_ns` would continue the current burst (without feeding it)."""
        return self._in_gap(t_ns) and self._run >= 1

    def reset(self) -> None:
        self._last_ns = None
        self._run = 0

    def _in_gap(self, t_ns: int) -> bool:
        return self._last_ns is not None and 0 <= t_ns - self._last_ns <= self.max_gap_ns
