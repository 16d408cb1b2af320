"""Capture threads of the recorder: sources that block (a microphone, a network camera) are
read on threads of their own and handed to the recorder loop through queues, so one slow
source never stalls the others or the heartbeat."""
from __future__ import annotations

import logging
import queue
import threading
from typing import Any, Callable

from .media.errors import SourceUnavailable
from .media.frames import AudioChunk, AudioSource, SourceStatus, VideoFrame
from .media.passthrough import PassThroughRead, PassThroughSource

log = logging.getLogger(__name__)

#: Seconds between attempts to reopen a network camera that went away.
RECONNECT_S = 2.0


class AudioCapture:
    """Reads the microphone at the audio's own pace (a chunk not read in time would be
    lost); the recorder loop drains `chunks` after each frame."""

    def __init__(self, source: AudioSource):
        self.source = source
        self.sample_rate, self.channels = source.sample_rate, source.channels
        self.chunks: queue.SimpleQueue[AudioChunk] = queue.SimpleQueue()
        self._running = True
        self._thread = threading.Thread(target=self._run, name="audio-capture", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while self._running:
            chunk = self.source.read()
            if chunk is not None:
                self.chunks.put(chunk)

    def close(self) -> None:
        self._running = False
        self._thread.join(timeout=1.0)
        self.source.close()


class PassThroughCapture:
    """A camera that sends H.264 itself: its packets go to clips untouched. When the stream
    fails, the status says so and the stream is reopened until it comes back."""

    def __init__(self, open_source: Callable[[], PassThroughSource]):
        self._open = open_source
        self.source = open_source()  # the first open must work: it fixes the track's format
        self.reads: queue.SimpleQueue[PassThroughRead] = queue.SimpleQueue()
        self.status = SourceStatus.LIVE
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="camera-capture", daemon=True)
        self._thread.start()

    @property
    def track(self) -> PassThroughSource:
        return self.source

    def _run(self) -> None:
        source: PassThroughSource | None = self.source
        while not self._stop.is_set():
            if source is None:
                source = self._reopen()
                continue
            try:
                read = source.read()
            except SourceUnavailable as e:
                log.warning("camera stream failed: %s", e)
                read = None
            if read is None:
                self.status = SourceStatus.LOST
                source.close()
                source = None
                continue
            self.status = SourceStatus.LIVE
            self.reads.put(read)

    def _reopen(self) -> PassThroughSource | None:
        if self._stop.wait(RECONNECT_S):
            return None
        self.status = SourceStatus.RECONNECTING
        try:
            return self._open()
        except SourceUnavailable as e:
            log.info("camera still away: %s", e)
            self.status = SourceStatus.LOST
            return None

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=RECONNECT_S + 1)


class FrameCapture:
    """A second camera read on its own thread, so its pace never holds up the first; the
    recorder loop drains `frames` each turn (every frame reaches the encoder)."""

    def __init__(self, source: Any):
        self.source = source
        self.frames: queue.SimpleQueue[VideoFrame] = queue.SimpleQueue()
        self._running = True
        self._thread = threading.Thread(target=self._run, name="camera2-capture", daemon=True)
        self._thread.start()

    @property
    def status(self) -> SourceStatus:
        return getattr(self.source, "status", SourceStatus.LIVE)

    def _run(self) -> None:
        while self._running:
            frame = self.source.read()
            if frame is not None:
                self.frames.put(frame)

    def close(self) -> None:
        self._running = False
        self._thread.join(timeout=1.0)
        self.source.close()
