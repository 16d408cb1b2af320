"""What the recording benches share: a figure line, a byte-counting sink, CPU clocks, and
the app's default recording settings spelt out for the pipeline and the ffmpeg CLI."""
from __future__ import annotations

import json
import os
import resource
from dataclasses import dataclass

from posdesk.recording.media.motion import MotionSettings
from posdesk.recording.media.video_settings import SOFTWARE_ENCODER, VideoSettings
from posdesk.services.config import DEFAULTS

RECORDING = DEFAULTS["recording"]
#: The configured picture: what a lane records unless told otherwise.
WIDTH, HEIGHT, FPS = RECORDING["width"], RECORDING["height"], RECORDING["fps"]
SETTINGS = VideoSettings(preset=RECORDING["preset"], crf=RECORDING["crf"],
                         keyframe_interval_s=float(RECORDING["keyframe_s"]),
                         lookahead_frames=RECORDING["lookahead_frames"])
#: The recorder's motion gate; with a clip open it only looks (every frame is encoded).
MOTION = MotionSettings(idle_fps=RECORDING["motion_idle_fps"],
                        thin_sales=RECORDING["motion_thin_sales"])
SAMPLE_RATE = 48_000
AUDIO_BIT_RATE = RECORDING["audio_kbps"] * 1000
#: One journal line every this many seconds, like a brisk cashier.
CUE_EVERY_S = 2


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    target: float
    ok: bool

    def line(self) -> str:
        return json.dumps({"figure": self.name, "value": round(float(self.value), 4),
                           "target": self.target, "ok": bool(self.ok)})


class NullSink:
    """Counts clip bytes and keeps none (an AgeWriter would sit here)."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        return len(data)


def cpu_seconds() -> float:
    """CPU of this process, all threads, no children."""
    times = os.times()
    return times.user + times.system


def child_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def x264_cli_args(settings: VideoSettings = SETTINGS, fps: float = FPS) -> list[str]:
    """The pipeline's libx264 options as ffmpeg CLI arguments (same encoder, same knobs)."""
    args = ["-c:v", SOFTWARE_ENCODER]
    for key, value in settings.options_for(SOFTWARE_ENCODER).items():
        args += [f"-{key}", value]
    return args + ["-g", str(max(1, round(fps * settings.keyframe_interval_s)))]


def aac_cli_args() -> list[str]:
    """The pipeline's AAC settings (mono, the configured bit rate) for the ffmpeg CLI."""
    return ["-c:a", "aac", "-b:a", str(AUDIO_BIT_RATE), "-ac", "1"]
