"""A camera through OpenCV: device index, device path, video file or RTSP/HTTP URL.

`read()` never raises for a lost camera: it returns None and the `status` says LOST, then
RECONNECTING while it retries with a back-off, then LIVE again. The caller journals the
gap (the pipeline also counts it as dropped frames from the timestamps).
"""
from __future__ import annotations

import logging
import time
from typing import Callable

import cv2

from posdesk.recording.media.frames import SourceStatus, VideoFrame
from posdesk.recording.media.pacing import NS_PER_S, Pacer
from posdesk.recording.media.synthetic import SyntheticVideoSource

log = logging.getLogger(__name__)

#: Consecutive failed reads after which the camera counts as lost.
FAILED_READS_FOR_LOSS = 3
#: First and longest wait between reconnection attempts.
RECONNECT_FIRST_DELAY_S = 0.5
RECONNECT_MAX_DELAY_S = 8.0


class OpenCvVideoSource:
    """One OpenCV `VideoCapture`, reopened whenever it stops delivering.

    `live=True` paces files to `fps` (devices and streams pace themselves); `live=False`
    reads a file as fast as it decodes, for tests. Blocking: `read()` waits for the
    driver, so the recorder calls it from its capture thread.
    """

    def __init__(
        self,
        spec: int | str,
        *,
        fps: float = 30.0,
        live: bool = True,
        width: int | None = None,
        height: int | None = None,
        clock: Callable[[], int] = time.monotonic_ns,
    ):
        self.spec = spec
        self._fps, self._live = fps, live
        self._size = (width, height)
        self._clock = clock
        self._capture: cv2.VideoCapture | None = None
        self._status = SourceStatus.RECONNECTING
        self._failed_reads = 0
        self._retry_delay_s = RECONNECT_FIRST_DELAY_S
        self._next_attempt_ns = 0
        self._pacer: Pacer | None = None
        self.reconnects = 0

    @property
    def status(self) -> SourceStatus:
        return self._status

    def read(self) -> VideoFrame | None:
        if self._capture is None and not self._try_open():
            return None
        ok, image = self._capture.read()
        if not ok or image is None:
            self._failed_reads += 1
            if self._failed_reads >= FAILED_READS_FOR_LOSS:
                self._lose("no frames")
            return None
        self._failed_reads = 0
        mono_ns = self._pacer.next() if self._pacer is not None else self._clock()
        return VideoFrame(image, mono_ns)

    def close(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None

    def _try_open(self) -> bool:
        now = self._clock()
        if now < self._next_attempt_ns:
            return False
        self._status = SourceStatus.RECONNECTING
        capture = cv2.VideoCapture(self.spec)
        if not capture.isOpened():
            capture.release()
            self._next_attempt_ns = now + int(self._retry_delay_s * NS_PER_S)
            log.warning("camera %s cannot be opened; next try in %.1f s",
                        self.spec, self._retry_delay_s)
            self._retry_delay_s = min(self._retry_delay_s * 2, RECONNECT_MAX_DELAY_S)
            return False
        width, height = self._size
        if width and height:
            capture.set(cv2.CAP_PROP_FRAME_WIDTH, width)
            capture.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
        if self._is_file():
            # A file delivers as fast as it decodes: pace it like the camera it stands for.
            self._pacer = Pacer(self._fps, live=self._live, clock=self._clock)
        self._capture = capture
        self._status = SourceStatus.LIVE
        self._retry_delay_s = RECONNECT_FIRST_DELAY_S
        if self.reconnects or self._failed_reads:
            log.info("camera %s is back", self.spec)
        self._failed_reads = 0
        return True

    def _lose(self, why: str) -> None:
        log.warning("camera %s lost: %s", self.spec, why)
        self.close()
        self._status = SourceStatus.LOST
        self.reconnects += 1
        self._next_attempt_ns = self._clock() + int(self._retry_delay_s * NS_PER_S)

    def _is_file(self) -> bool:
        return isinstance(self.spec, str) and "://" not in self.spec \
            and not self.spec.startswith("/dev/")


def open_video_source(source: str | int, width: int, height: int,
                      fps: float) -> SyntheticVideoSource | OpenCvVideoSource:
    """A camera by its setting: "synthetic" (a test pattern), a device index, path or URL."""
    if source == "synthetic":
        return SyntheticVideoSource(width, height, fps)
    return OpenCvVideoSource(source, fps=fps, width=width, height=height)
