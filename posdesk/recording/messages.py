"""The messages between the app and the recorder child process, and its configuration.

All are plain frozen dataclasses: they cross the process boundary pickled over one pipe
(app -> recorder: `SaleStarted`, `JournalCue`, `SaleEnded`, `Shutdown`; recorder -> app:
`Ready`, `ClipOpened`, `ClipFinalised`, `ClipRefused`, `RecorderWarning`, `Heartbeat`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from ..core.clock import Instant
from ..core.i18n import Text
from .evidence.disk import DEFAULT_FULL_BYTES, DEFAULT_WARN_BYTES, DEFAULT_WARN_DAYS
from .evidence.layout import PendingClip
from .evidence.manifest import ClipFacts, NoClipReason, SaleRef
from .media.motion import MotionSettings
from .media.video_settings import VideoSettings


# -- messages, app -> recorder ----------------------------------------------------------

@dataclass(frozen=True)
class SaleStarted:
    sale: SaleRef
    at: Instant


@dataclass(frozen=True)
class JournalCue:
    sale_id: str
    mono_ns: int
    text: str


@dataclass(frozen=True)
class SaleEnded:
    sale_id: str
    at: Instant
    outcome: str
    postroll_s: float | None = None  # None: the recorder's configured post-roll


@dataclass(frozen=True)
class Shutdown:
    pass


# -- messages, recorder -> app ----------------------------------------------------------

@dataclass(frozen=True)
class Ready:
    pid: int
    #: The video encoder that runs and what was refused before it (EncoderChoice.summary).
    video_encoder: str = ""


@dataclass(frozen=True)
class ClipOpened:
    pending: PendingClip


@dataclass(frozen=True)
class ClipFinalised:
    sale: SaleRef
    clip: ClipFacts
    error: str | None = None  # the muxer failed part-way; the clip holds what came before


@dataclass(frozen=True)
class ClipRefused:
    sale: SaleRef
    reason: NoClipReason


class WarningCode(StrEnum):
    CAMERA_LOST = "camera-lost"
    #: The camera has not delivered one frame since the recorder started (missing device).
    NO_CAMERA = "no-camera"
    CAMERA_BACK = "camera-back"
    NO_MICROPHONE = "no-microphone"
    FRAMES_DROPPED = "frames-dropped"
    DISK_LOW = "disk-low"
    DISK_FULL = "disk-full"
    CLIP_FAILED = "clip-failed"


@dataclass(frozen=True)
class RecorderWarning:
    code: WarningCode
    text: Text
    mono_ns: int
    count: int = 0  # frames dropped


@dataclass(frozen=True)
class Heartbeat:
    mono_ns: int
    frames: int
    open_clips: int


# -- configuration ----------------------------------------------------------------------

@dataclass(frozen=True)
class VideoSpec:
    """A camera: `source` is "synthetic", a device index, a device path or a URL."""

    source: str | int = "synthetic"
    width: int = 1280
    height: int = 720
    fps: float = 30.0
    #: The source already sends H.264 (an RTSP camera): record its stream as it comes.
    passthrough: bool = False
    #: Frames per second encoded (the evidence rate); None: every frame read (`fps`).
    encode_fps: float | None = None

    @property
    def evidence_fps(self) -> float:
        return self.encode_fps or self.fps


@dataclass(frozen=True)
class RecorderConfig:
    """Everything the child needs; picklable, since the spawn start method sends it over."""

    data_dir: Path
    lane_id: str
    recipients: tuple[str, ...]  # age1... public keys; the lane holds no identity
    video: VideoSpec = field(default_factory=VideoSpec)
    #: The optional customer-side camera: a second video track of the same clip.
    video2: VideoSpec | None = None
    #: "synthetic" tone, "microphone" (the default input) or "microphone:<device>", or None
    #: for video only.
    audio: str | None = "synthetic"
    preroll_s: float = 5.0
    postroll_s: float = 3.0
    preview_size: tuple[int, int] = (640, 360)
    watermark: bool = True
    #: "auto" (hardware where present, else libx264), "libx264", or one encoder by name.
    encoder: str = "auto"
    video_settings: VideoSettings = field(default_factory=VideoSettings)
    audio_bit_rate: int = 48_000
    motion: MotionSettings = field(default_factory=MotionSettings)
    warn_free_bytes: int = DEFAULT_WARN_BYTES
    full_free_bytes: int = DEFAULT_FULL_BYTES
    #: Warn when the disk is full within this many days at the current recording rate.
    warn_days: float = DEFAULT_WARN_DAYS
