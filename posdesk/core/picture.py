"""A decoded picture as plain bytes, so it can cross from the decoder to the window."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Picture:
    """An RGB888 image of one video track at `time_s` seconds from the clip's start."""

    track: int
    time_s: float
    width: int
    height: int
    rgb: bytes = b""
