"""Sound out through `sounddevice` (PortAudio), for the viewer's replay; no Qt needed.

PortAudio calls `pull(frames)` on its own thread whenever it needs samples; the puller
answers at once with int16 samples (silence when paused), so the callback never waits.
"""
from __future__ import annotations

import logging
from typing import Any, Callable

import numpy as np

from .errors import MediaError

log = logging.getLogger(__name__)

Pull = Callable[[int], np.ndarray]


class NoSpeaker(MediaError):
    """No sound output device (or no PortAudio library) on this machine."""


class Speaker:
    def __init__(self, pull: Pull, *, sample_rate: int, channels: int,
                 device: int | str | None = None):
        self._pull = pull
        try:
            import sounddevice  # PortAudio is loaded here; a missing one raises OSError
        except (ImportError, OSError) as e:
            raise NoSpeaker(f"no audio output library: {e}") from e
        try:
            self._stream = sounddevice.OutputStream(device=device, samplerate=sample_rate,
                                                    channels=channels, dtype="int16",
                                                    callback=self._on_block)
            self._stream.start()
        except (sounddevice.PortAudioError, ValueError) as e:
            raise NoSpeaker(f"cannot open a sound output: {e}") from e

    def _on_block(self, out: np.ndarray, frames: int, _time: Any, status: Any) -> None:
        if status:
            log.info("speaker: %s", status)
        out[:] = self._pull(frames).reshape(out.shape)

    def close(self) -> None:
        self._stream.stop()
        self._stream.close()
