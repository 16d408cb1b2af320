"""The counter microphone through `sounddevice` (PortAudio), no Qt needed.

Opening raises `NoMicrophone` when the library, PortAudio or an input device is missing,
so the recorder can go on video-only and journal why. PortAudio delivers blocks on its own
thread; they wait in a bounded queue for `read()` (the oldest block is dropped, and
counted, if nobody reads for `queue_s` seconds).
"""
from __future__ import annotations

import logging
import queue
import time
from typing import Any

import numpy as np

from posdesk.recording.media.errors import NoMicrophone
from posdesk.recording.media.frames import AudioChunk
from posdesk.recording.media.pacing import NS_PER_S

log = logging.getLogger(__name__)

#: Block length asked from PortAudio.
BLOCK_MS = 20


class MicrophoneSource:
    def __init__(
        self,
        device: int | str | None = None,
        *,
        sample_rate: int = 48_000,
        channels: int = 1,
        queue_s: float = 2.0,
    ):
        self.sample_rate, self.channels = sample_rate, channels
        self.dropped_blocks = 0
        self._blocks: queue.Queue[AudioChunk] = queue.Queue(
            maxsize=max(1, int(queue_s * 1000 / BLOCK_MS)))
        try:
            import sounddevice  # PortAudio is loaded here; a missing one raises OSError
        except (ImportError, OSError) as e:
            raise NoMicrophone(f"no audio input library: {e}") from e
        try:
            self._stream = sounddevice.InputStream(
                device=device, samplerate=sample_rate, channels=channels, dtype="int16",
                blocksize=sample_rate * BLOCK_MS // 1000, callback=self._on_block)
            self._stream.start()
        except (sounddevice.PortAudioError, ValueError) as e:
            raise NoMicrophone(f"cannot open microphone {device!r}: {e}") from e

    def read(self, timeout_s: float = 0.1) -> AudioChunk | None:
        try:
            return self._blocks.get(timeout=timeout_s)
        except queue.Empty:
            return None

    def close(self) -> None:
        self._stream.stop()
        self._stream.close()

    def _on_block(self, data: np.ndarray, frames: int, _time: Any, status: Any) -> None:
        # PortAudio thread: only copy and hand over.
        if status:
            log.warning("microphone: %s", status)
        mono_ns = time.monotonic_ns() - frames * NS_PER_S // self.sample_rate
        chunk = AudioChunk(data.copy(), mono_ns, self.sample_rate)
        try:
            self._blocks.put_nowait(chunk)
        except queue.Full:
            self._blocks.get_nowait()
            self._blocks.put_nowait(chunk)
            self.dropped_blocks += 1
