"""A camera picture and a microphone level that keep coming, for the setup wizard.

Each runs on a thread of its own and keeps only the newest result (frame, level), which the
window picks up on a timer: a slow camera never holds the GUI thread, and frames nobody
looked at are dropped, never queued. `stop()` is bounded.
"""
from __future__ import annotations

import logging
import threading
import time

import numpy as np

from posdesk.recording.media.camera import OpenCvVideoSource
from posdesk.recording.media.errors import NoMicrophone
from posdesk.recording.media.frames import AudioSource
from posdesk.recording.media.microphone import MicrophoneSource
from posdesk.recording.media.synthetic import SyntheticVideoSource, ToneAudioSource

from .media_probe import camera_source, level_dbfs, microphone_device

log = logging.getLogger(__name__)

#: Preview frames a second: enough to aim a camera, cheap on a busy till.
PREVIEW_FPS = 10.0
#: How often the level meter is refreshed.
LEVEL_INTERVAL_S = 0.1
#: How long `stop()` waits for the thread (a camera driver may hang in read()).
STOP_TIMEOUT_S = 3.0


class _Looping:
    def __init__(self, name: str):
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._guarded, name=name, daemon=True)
        #: Why the source gave up, in English ("" while it works).
        self.error = ""

    def start(self) -> _Looping:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(STOP_TIMEOUT_S)

    def _guarded(self) -> None:
        try:
            self._loop()
        except Exception as e:  # noqa: BLE001 - reported to the page, which offers another choice
            log.exception("%s failed", self._thread.name)
            self.error = str(e)

    def _loop(self) -> None:
        raise NotImplementedError


class LivePreview(_Looping):
    """Frames of a `recording.camera` value; `frame()` is the newest (BGR array) or None."""

    def __init__(self, camera: str, *, width: int = 640, height: int = 360):
        super().__init__("camera-preview")
        self.camera = camera
        self._size = (width, height)
        self._frame: np.ndarray | None = None
        self.frames = 0

    def frame(self) -> np.ndarray | None:
        with self._lock:
            return self._frame

    def _loop(self) -> None:
        source_spec = camera_source(self.camera)
        width, height = self._size
        source = SyntheticVideoSource(width, height, PREVIEW_FPS) if source_spec == "synthetic" \
            else OpenCvVideoSource(source_spec, fps=PREVIEW_FPS, width=width, height=height)
        try:
            while not self._stop.is_set():
                frame = source.read()
                if frame is None:
                    self._stop.wait(0.05)
                    continue
                with self._lock:
                    self._frame = frame.image
                    self.frames += 1
                if source_spec != "synthetic":
                    self._stop.wait(1 / PREVIEW_FPS)  # the test pattern paces itself
        finally:
            source.close()


class LevelMeter(_Looping):
    """Peak level (dBFS) of a `recording.audio` value, refreshed every `LEVEL_INTERVAL_S`."""

    def __init__(self, audio: str):
        super().__init__("level-meter")
        self.audio = audio
        self._level: float | None = None

    def level(self) -> float | None:
        with self._lock:
            return self._level

    def _loop(self) -> None:
        if self.audio == "synthetic":
            source: AudioSource = ToneAudioSource()
        else:
            try:
                source = MicrophoneSource(microphone_device(self.audio))
            except NoMicrophone as e:
                self.error = str(e)
                return
        try:
            while not self._stop.is_set():
                blocks, until = [], time.monotonic() + LEVEL_INTERVAL_S
                while time.monotonic() < until and not self._stop.is_set():
                    chunk = source.read()
                    if chunk is not None:
                        blocks.append(chunk.pcm)
                if blocks:
                    with self._lock:
                        self._level = level_dbfs(np.concatenate(blocks))
        finally:
            source.close()
