"""Short looks at the camera and the microphone, for the self-test and the setup wizard.

Each call blocks for up to its timeout (a camera driver or PortAudio may take a second to
open), so callers run them on a worker thread, never on the GUI thread. While the recorder
runs, it owns the devices: ask its state instead of opening them a second time.
"""
from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass

import numpy as np

from posdesk.recording.media.camera import OpenCvVideoSource
from posdesk.recording.media.errors import NoMicrophone
from posdesk.recording.media.microphone import MicrophoneSource
from posdesk.recording.media.synthetic import SyntheticVideoSource

log = logging.getLogger(__name__)

#: How long a camera may take to deliver its first frame (USB cameras need about a second).
CAMERA_TIMEOUT_S = 5.0
#: How long the microphone is listened to for one level reading.
MICROPHONE_LISTEN_S = 0.5
#: Level reported for pure digital silence (log of zero).
SILENCE_DBFS = -96.0


@dataclass(frozen=True)
class CameraLook:
    #: The frame (BGR, height x width x 3), or None when the camera gave nothing.
    image: np.ndarray | None
    #: What went wrong, in English, when `image` is None.
    error: str = ""


def camera_source(camera: str) -> str | int:
    """The recorder's reading of a `recording.camera` value: "" is the test pattern."""
    camera = str(camera or "synthetic")
    return int(camera) if camera.isdigit() else camera


def look_at_camera(camera: str, *, width: int = 640, height: int = 360,
                   timeout_s: float = CAMERA_TIMEOUT_S) -> CameraLook:
    """One frame from `camera` (a `recording.camera` value), within `timeout_s`."""
    source = camera_source(camera)
    if source == "synthetic":
        return CameraLook(SyntheticVideoSource(width, height, live=False).read().image)
    capture = OpenCvVideoSource(source, live=False, width=width, height=height)
    try:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            frame = capture.read()
            if frame is not None:
                return CameraLook(frame.image)
            time.sleep(0.05)
        return CameraLook(None, f"camera {camera} delivered no picture in {timeout_s:.0f} s")
    finally:
        capture.close()


def microphone_device(audio: str) -> int | str | None:
    """The PortAudio device of a `recording.audio` value "microphone[:<device>]"."""
    name = audio.partition(":")[2]
    return int(name) if name.isdigit() else (name or None)


def level_dbfs(samples: np.ndarray) -> float:
    """Peak level of int16 samples in dB below full scale (0 is the loudest)."""
    peak = int(np.max(np.abs(samples.astype(np.int32)))) if samples.size else 0
    return SILENCE_DBFS if peak == 0 else max(SILENCE_DBFS, 20 * math.log10(peak / 32768))


def listen_to_microphone(audio: str, seconds: float = MICROPHONE_LISTEN_S) -> float:
    """The microphone's peak level (dBFS) over `seconds`; raises `NoMicrophone`."""
    mic = MicrophoneSource(microphone_device(audio))
    try:
        blocks = []
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            chunk = mic.read(timeout_s=0.1)
            if chunk is not None:
                blocks.append(chunk.pcm)
        if not blocks:
            raise NoMicrophone(f"microphone {audio!r} delivered no sound in {seconds:.1f} s")
        return level_dbfs(np.concatenate(blocks))
    finally:
        mic.close()
