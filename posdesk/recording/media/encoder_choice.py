"""Which H.264 encoder records: a hardware one where the PC has it, else libx264.

Picked once when the recorder starts. Each hardware candidate must both open and encode a
test frame (some drivers open fine and fail on the first frame); the first that does is
used. Whatever was refused is kept with its reason, so the self-test and the device page
can say why a lane runs on x264.
"""
from __future__ import annotations

import logging
import sys
from dataclasses import dataclass

import numpy as np

from posdesk.recording.media.encoder import VideoEncoder
from posdesk.recording.media.errors import EncoderError
from posdesk.recording.media.frames import VideoFrame, WatermarkMode
from posdesk.recording.media.video_settings import SOFTWARE_ENCODER, VideoSettings

log = logging.getLogger(__name__)

#: Hardware H.264 encoders worth trying per platform, best first: VA-API and Quick Sync
#: (Intel), NVENC (NVIDIA), Media Foundation (Windows, drives whatever GPU is present).
HARDWARE_ENCODERS: dict[str, tuple[str, ...]] = {
    "linux": ("h264_vaapi", "h264_qsv", "h264_nvenc"),
    "win32": ("h264_qsv", "h264_nvenc", "h264_mf"),
}
#: The `recording.encoder` value that tries the hardware first.
AUTO = "auto"


@dataclass(frozen=True)
class EncoderRefusal:
    codec: str
    reason: str


@dataclass(frozen=True)
class EncoderChoice:
    """The encoder that runs, and every candidate refused before it (with why)."""

    codec: str
    refused: tuple[EncoderRefusal, ...] = ()

    @property
    def summary(self) -> str:
        """One line for logs, the self-test and the device page, e.g.
        `libx264 (h264_qsv: cannot open ...)`."""
        if not self.refused:
            return self.codec
        return f"{self.codec} ({'; '.join(f'{r.codec}: {r.reason}' for r in self.refused)})"


def candidates(setting: str, platform: str = sys.platform) -> list[str]:
    """Encoders to try for a `recording.encoder` value, always ending with libx264."""
    if setting == AUTO:
        wanted = list(HARDWARE_ENCODERS.get(platform, ()))
    else:
        wanted = [setting] if setting != SOFTWARE_ENCODER else []
    return wanted + [SOFTWARE_ENCODER]


def open_video_encoder(width: int, height: int, fps: float, *, setting: str = AUTO,
                       settings: VideoSettings | None = None, platform: str = sys.platform,
                       track: int = 0, name: str = "cashier",
                       watermark: WatermarkMode = WatermarkMode.BURNT_IN,
                       ) -> tuple[VideoEncoder, EncoderChoice]:
    """The first candidate that works, as the encoder of `track`.

    libx264 is not probed: if even it cannot open, the EncoderError reaches the caller.
    """
    refused: list[EncoderRefusal] = []
    for codec in candidates(setting, platform):
        if codec != SOFTWARE_ENCODER:
            reason = _probe(codec, width, height, fps, settings)
            if reason is not None:
                log.info("video encoder %s refused: %s", codec, reason)
                refused.append(EncoderRefusal(codec, reason))
                continue
        encoder = VideoEncoder(width, height, fps, track=track, name=name, codec=codec,
                               settings=settings, watermark=watermark)
        choice = EncoderChoice(codec, tuple(refused))
        log.info("video encoder: %s", choice.summary)
        return encoder, choice
    raise AssertionError("candidates() always ends with libx264")


def _probe(codec: str, width: int, height: int, fps: float,
           settings: VideoSettings | None) -> str | None:
    """None when `codec` opens and encodes one black frame, else why not (one line)."""
    try:
        probe = VideoEncoder(width, height, fps, codec=codec, settings=settings)
        probe.encode(VideoFrame(np.zeros((height, width, 3), np.uint8), 0))
        probe.flush()
    except EncoderError as e:
        return str(e).splitlines()[0] if str(e) else type(e).__name__
    return None
