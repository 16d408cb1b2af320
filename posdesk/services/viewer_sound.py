"""The clip's sound for the player: decoded once into memory, handed out block by block
to the speaker from the position the picture is at, scaled by the volume.

Sound plays at 1× only: faster or slower sound would need pitch correction to stay
intelligible, so other speeds are silent (as in most evidence players).
"""
from __future__ import annotations

import logging
import threading

import numpy as np

from posdesk.recording.media.playback import decode_sound
from posdesk.recording.media.speaker import NoSpeaker, Speaker

log = logging.getLogger(__name__)

#: Sample rate of the decoded sound.
SOUND_RATE = 48_000


class ClipSound:
    """`pull(frames)` is the speaker's callback; the player engine drives the rest."""

    def __init__(self, samples: np.ndarray, *, open_speaker: bool = True):
        self._samples = samples
        self._lock = threading.Lock()
        self._position = 0
        self._playing = False
        self.volume = 1.0
        self.speed = 1.0
        self.speaker: Speaker | None = None
        self.problem: str | None = None
        if open_speaker:
            try:
                self.speaker = Speaker(self.pull, sample_rate=SOUND_RATE, channels=1)
            except NoSpeaker as e:
                self.problem = str(e)
                log.info("replay without sound: %s", e)

    @classmethod
    def of_clip(cls, clip: bytes, *, open_speaker: bool = True) -> ClipSound | None:
        samples = decode_sound(clip, sample_rate=SOUND_RATE)
        return None if samples is None else cls(samples, open_speaker=open_speaker)

    def play_from(self, time_s: float) -> None:
        with self._lock:
            self._position = max(0, int(time_s * SOUND_RATE))
            self._playing = True

    def stop(self) -> None:
        with self._lock:
            self._playing = False

    def pull(self, frames: int) -> np.ndarray:
        """The next `frames` samples (silence when stopped, at another speed, or past the end)."""
        out = np.zeros(frames, np.int16)
        with self._lock:
            if not self._playing or self.speed != 1.0 or self.volume <= 0:
                return out
            chunk = self._samples[self._position:self._position + frames]
            self._position += frames
            volume = self.volume
        out[:len(chunk)] = (chunk.astype(np.float32) * volume).clip(-32768, 32767).astype(np.int16)
        return out

    def close(self) -> None:
        if self.speaker is not None:
            self.speaker.close()
            self.speaker = None
