"""The clip's sound as the speaker receives it: from the picture's position, scaled by the
volume, silent when paused or at another speed. Real AAC from PyAV, no sound card needed."""
from __future__ import annotations

import io
from fractions import Fraction

import av
import numpy as np

from posdesk.services.viewer_sound import SOUND_RATE, ClipSound


def _clip_with_tone(seconds: float = 2.0) -> bytes:
    """An MP4 with AAC sound: silence for the first second, then a loud tone."""
    out = io.BytesIO()
    container = av.open(out, "w", format="mp4")
    stream = container.add_stream("aac", rate=SOUND_RATE)
    stream.layout = "mono"
    n = 1024
    for i in range(int(seconds * SOUND_RATE / n)):
        t = np.arange(i * n, (i + 1) * n) / SOUND_RATE
        loud = (t >= 1.0) * (np.sin(2 * np.pi * 440 * t) * 16000)
        frame = av.AudioFrame.from_ndarray(loud.astype(np.int16).reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate, frame.pts, frame.time_base = SOUND_RATE, i * n, Fraction(1, SOUND_RATE)
        for packet in stream.encode(frame):
            container.mux(packet)
    for packet in stream.encode(None):
        container.mux(packet)
    container.close()
    return out.getvalue()


def _level(block: np.ndarray) -> float:
    return float(np.abs(block.astype(np.float32)).mean())


def test_sound_follows_position_volume_pause_and_speed():
    sound = ClipSound.of_clip(_clip_with_tone(), open_speaker=False)
    assert sound is not None
    assert _level(sound.pull(4800)) == 0  # stopped: silence
    sound.play_from(0.2)
    assert _level(sound.pull(4800)) < 50  # the quiet first second
    sound.play_from(1.3)
    loud = _level(sound.pull(4800))
    assert loud > 5000
    sound.volume = 0.25
    assert abs(_level(sound.pull(4800)) / loud - 0.25) < 0.05
    sound.speed = 2.0
    assert _level(sound.pull(4800)) == 0
    sound.speed = 1.0
    sound.stop()
    assert _level(sound.pull(4800)) == 0
