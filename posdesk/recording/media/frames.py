"""The values that flow through the media pipeline, and the source protocols.

Raw media (`VideoFrame`, `AudioChunk`) comes from sources; `EncodedPacket` is what the
encoders and pass-through sources produce and what clips are cut from. All timestamps are
`time.monotonic_ns()` values, the clock the journal uses too.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np


class SourceStatus(enum.Enum):
    """What a caller can tell the cashier about a source."""

    LIVE = "live"
    LOST = "lost"
    RECONNECTING = "reconnecting"


class TrackKind(enum.Enum):
    VIDEO = "video"
    AUDIO = "audio"


class WatermarkMode(enum.Enum):
    """How a clip's picture identifies lane, sale and time."""

    BURNT_IN = "burnt-in"
    #: Pass-through video is not decoded, so only the journal subtitle track identifies it.
    SUBTITLE_TRACK = "subtitle-track"


@dataclass(frozen=True)
class VideoFrame:
    """One BGR picture (height x width x 3, uint8) captured at `mono_ns`."""

    image: np.ndarray
    mono_ns: int


@dataclass(frozen=True)
class AudioChunk:
    """Interleaved int16 PCM, shape (samples, channels), whose first sample was taken at `mono_ns`."""

    pcm: np.ndarray
    mono_ns: int
    sample_rate: int

    @property
    def duration_ns(self) -> int:
        return len(self.pcm) * 1_000_000_000 // self.sample_rate


@dataclass(frozen=True)
class TrackInfo:
    """Describes one encoded track well enough to mux it and to report it in a manifest.

    `template` is the PyAV stream whose codec parameters (SPS/PPS, AudioSpecificConfig)
    each clip copies; callers treat it as opaque.
    """

    kind: TrackKind
    codec: str
    name: str
    width: int = 0
    height: int = 0
    fps: float = 0.0
    sample_rate: int = 0
    channels: int = 0
    watermark: WatermarkMode | None = None
    template: Any = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class EncodedPacket:
    """One compressed access unit of track number `track`, timed on the monotonic clock."""

    track: int
    data: bytes
    pts_ns: int
    dts_ns: int
    duration_ns: int
    keyframe: bool


class VideoSource(Protocol):
    """Yields frames; `read()` returns None while the source has nothing (lost, reconnecting)."""

    @property
    def status(self) -> SourceStatus: ...

    def read(self) -> VideoFrame | None: ...

    def close(self) -> None: ...


class AudioSource(Protocol):
    """Yields PCM chunks; `read()` returns None when no chunk arrived in time."""

    sample_rate: int
    channels: int

    def read(self) -> AudioChunk | None: ...

    def close(self) -> None: ...
