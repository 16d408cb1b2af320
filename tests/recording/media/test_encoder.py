"""Encoding once: keyframes by time, timestamps on the monotonic clock, audio gaps."""
from __future__ import annotations

import numpy as np
import pytest

from posdesk.recording.media.encoder import AudioEncoder, VideoEncoder
from posdesk.recording.media.errors import EncoderError
from posdesk.recording.media.frames import AudioChunk, VideoFrame
from posdesk.recording.media.synthetic import SyntheticVideoSource
from posdesk.recording.media.video_settings import VideoSettings

NS = 1_000_000_000
EVERY_SECOND = VideoSettings(keyframe_interval_s=1.0)


def _encode(encoder: VideoEncoder, camera: SyntheticVideoSource, count: int) -> list:
    packets = []
    for _ in range(count):
        packets += encoder.encode(camera.read())
    return packets + encoder.flush()


def test_packets_carry_the_capture_times_and_a_keyframe_every_second():
    encoder = VideoEncoder(160, 120, 30, settings=EVERY_SECOND)
    packets = _encode(encoder, SyntheticVideoSource(160, 120, 30, live=False, start_ns=NS), 95)
    assert len(packets) == 95
    assert [round((p.pts_ns - NS) * 30 / NS) for p in packets] == list(range(95))
    keyframes = [(p.pts_ns - NS) / NS for p in packets if p.keyframe]
    assert keyframes == pytest.approx([0, 1, 2, 3], abs=0.001)


def test_slow_camera_still_gets_a_keyframe_every_second():
    # The encoder is set up for 30 fps but the camera delivers 12: x264's frame count alone
    # would place keyframes 2.5 s apart.
    encoder = VideoEncoder(160, 120, 30, settings=EVERY_SECOND)
    packets = _encode(encoder, SyntheticVideoSource(160, 120, 12, live=False, start_ns=0), 48)
    keyframes = [p.pts_ns / NS for p in packets if p.keyframe]
    assert np.max(np.diff(keyframes)) <= 1.0 + 1e-6
    assert len(keyframes) == 4


def test_odd_picture_size_is_refused():
    with pytest.raises(EncoderError):
        VideoEncoder(161, 120, 30)


def test_frames_of_another_size_are_scaled_not_refused():
    encoder = VideoEncoder(160, 120, 30)
    big = VideoFrame(np.zeros((240, 320, 3), np.uint8), 0)
    assert len(encoder.encode(big) + encoder.flush()) == 1


def _chunk(mono_ns: int, samples: int = 960) -> AudioChunk:
    return AudioChunk(np.zeros((samples, 1), np.int16), mono_ns, 48_000)


def test_audio_follows_its_sample_clock_and_jumps_over_a_capture_gap():
    encoder = AudioEncoder(48_000, 1)
    packets = []
    for i in range(50):  # one second
        packets += encoder.encode(_chunk(NS + i * 20_000_000))
    for i in range(50):  # a second more, after a 2 s hole in capture
        packets += encoder.encode(_chunk(4 * NS + i * 20_000_000))
    packets += encoder.flush()
    starts = [(p.pts_ns - NS) / NS for p in packets]
    assert starts == sorted(starts)
    assert min(starts) == pytest.approx(-1024 / 48_000, abs=1e-6)  # AAC priming
    jump = max(np.diff(starts))
    assert jump == pytest.approx(2.0, abs=0.05)


def test_audio_of_the_wrong_format_is_refused():
    encoder = AudioEncoder(48_000, 1)
    with pytest.raises(EncoderError):
        encoder.encode(AudioChunk(np.zeros((960, 2), np.int16), 0, 48_000))
