"""Synthetic camera and tone sources for tests, demos and benches.

The picture is a moving test pattern with a burnt-in clock and frame counter, so a frame
seen in a clip tells which capture it came from.
"""
from __future__ import annotations

import logging
import math
from itertools import pairwise
from datetime import datetime, timezone

import cv2
import numpy as np

from posdesk.recording.media.frames import AudioChunk, SourceStatus, VideoFrame
from posdesk.recording.media.pacing import Pacer

log = logging.getLogger(__name__)

#: Pixels the pattern moves per frame.
PATTERN_STEP_PX = 8
#: SMPTE-like colour bars, BGR.
BAR_COLOURS_BGR = (
    (192, 192, 192), (0, 192, 192), (192, 192, 0), (0, 192, 0),
    (192, 0, 192), (0, 0, 192), (192, 0, 0), (16, 16, 16),
)


class SyntheticVideoSource:
    """Colour bars scrolling sideways, a bouncing box, the capture time and frame number."""

    def __init__(
        self,
        width: int = 1280,
        height: int = 720,
        fps: float = 30.0,
        *,
        live: bool = True,
        start_ns: int | None = None,
    ):
        self.width, self.height, self.fps = width, height, fps
        self._pacer = Pacer(fps, live=live, start_ns=start_ns)
        self._bars = _colour_bars(width, height)
        self._text_scale = max(0.4, height / 720 * 1.2)

    @property
    def status(self) -> SourceStatus:
        return SourceStatus.LIVE

    @property
    def skipped(self) -> int:
        """Frames not delivered because the reader was late (live mode only)."""
        return self._pacer.skipped

    def read(self) -> VideoFrame:
        mono_ns = self._pacer.next()
        number = self._pacer.index - 1
        image = np.roll(self._bars, number * PATTERN_STEP_PX % self.width, axis=1)
        box = max(8, self.height // 8)
        x = int((math.sin(number / 17) + 1) / 2 * (self.width - box))
        y = int((math.cos(number / 23) + 1) / 2 * (self.height - box))
        cv2.rectangle(image, (x, y), (x + box, y + box), (255, 255, 255), -1)
        stamp = datetime.now(timezone.utc).strftime("%H:%M:%S.%f")[:-3]
        cv2.putText(image, f"{stamp}  #{number:06d}", (8, self.height - 12),
                    cv2.FONT_HERSHEY_SIMPLEX, self._text_scale, (255, 255, 255), 2, cv2.LINE_AA)
        return VideoFrame(image, mono_ns)

    def close(self) -> None:
        pass


def _colour_bars(width: int, height: int) -> np.ndarray:
    bars = np.empty((height, width, 3), np.uint8)
    edges = np.linspace(0, width, len(BAR_COLOURS_BGR) + 1).astype(int)
    for colour, (left, right) in zip(BAR_COLOURS_BGR, pairwise(edges), strict=True):
        bars[:, left:right] = colour
    # A luminance ramp at the bottom gives the encoder real gradients to work on.
    ramp_top = height * 3 // 4
    bars[ramp_top:] = np.linspace(0, 255, width, dtype=np.uint8)[None, :, None]
    return bars


class ToneAudioSource:
    """A sine tone in chunks of `chunk_ms`, int16, with the same pacing rules as the video."""

    def __init__(
        self,
        sample_rate: int = 48_000,
        channels: int = 1,
        *,
        frequency_hz: float = 440.0,
        chunk_ms: int = 20,
        live: bool = True,
        start_ns: int | None = None,
    ):
        self.sample_rate, self.channels, self.frequency_hz = sample_rate, channels, frequency_hz
        self._chunk_samples = sample_rate * chunk_ms // 1000
        self._pacer = Pacer(sample_rate / self._chunk_samples, live=live, start_ns=start_ns)

    def read(self) -> AudioChunk:
        mono_ns = self._pacer.next()
        first = (self._pacer.index - 1) * self._chunk_samples
        t = (first + np.arange(self._chunk_samples)) / self.sample_rate
        wave = (np.sin(2 * np.pi * self.frequency_hz * t) * 8000).astype(np.int16)
        return AudioChunk(np.repeat(wave[:, None], self.channels, axis=1), mono_ns, self.sample_rate)

    def close(self) -> None:
        pass
