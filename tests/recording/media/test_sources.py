"""Video and audio sources: pacing, camera loss and reconnection, a missing microphone."""
from __future__ import annotations

import time

import av
import numpy as np
import pytest

from posdesk.recording.media.camera import OpenCvVideoSource
from posdesk.recording.media.errors import NoMicrophone
from posdesk.recording.media.frames import SourceStatus
from posdesk.recording.media.microphone import MicrophoneSource
from posdesk.recording.media.synthetic import SyntheticVideoSource, ToneAudioSource


def test_synthetic_camera_pulled_fast_gives_regular_timestamps_and_moving_pictures():
    camera = SyntheticVideoSource(320, 240, 30, live=False, start_ns=5_000)
    frames = [camera.read() for _ in range(4)]
    assert [f.mono_ns for f in frames] == [5_000 + round(i * 1e9 / 30) for i in range(4)]
    assert frames[0].image.shape == (240, 320, 3) and frames[0].image.dtype == np.uint8
    assert not np.array_equal(frames[0].image, frames[1].image)


def test_live_synthetic_camera_never_runs_ahead_of_the_clock():
    camera = SyntheticVideoSource(160, 120, 50, live=True)
    started = time.monotonic_ns()
    frames = [camera.read() for _ in range(10)]
    # Frame n is due n/50 s after the first; it must not be delivered before that.
    assert time.monotonic_ns() - started >= 9 * 20_000_000 - 1_000_000
    for frame in frames:
        assert frame.mono_ns <= time.monotonic_ns()


def test_live_source_read_late_skips_frames_and_counts_them():
    camera = SyntheticVideoSource(160, 120, 50, live=True)
    first = camera.read()
    deadline = first.mono_ns + 100_000_000
    while time.monotonic_ns() < deadline:  # a consumer busy for 100 ms (5 frame periods)
        pass
    second = camera.read()
    assert camera.skipped >= 4
    assert second.mono_ns - first.mono_ns >= 5 * 20_000_000


def test_tone_source_gives_int16_chunks_at_its_rate():
    tone = ToneAudioSource(48_000, 2, chunk_ms=20, live=False, start_ns=0)
    a, b = tone.read(), tone.read()
    assert a.pcm.shape == (960, 2) and a.pcm.dtype == np.int16
    assert b.mono_ns - a.mono_ns == a.duration_ns == 20_000_000
    assert a.pcm.std() > 1000


@pytest.fixture
def short_video_file(tmp_path):
    path = tmp_path / "counter.mp4"
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=10)
        stream.width, stream.height, stream.pix_fmt = 160, 120, "yuv420p"
        for i in range(5):
            image = np.full((120, 160, 3), i * 40, np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(image, format="bgr24")):
                container.mux(packet)
        container.mux(stream.encode(None))
    return path


def test_camera_file_plays_then_is_lost_then_reconnects(short_video_file):
    now = [0]
    camera = OpenCvVideoSource(str(short_video_file), fps=10, live=False, clock=lambda: now[0])
    frames = []
    while (frame := camera.read()) is not None:
        frames.append(frame)
    assert len(frames) == 5 and camera.status is SourceStatus.LIVE
    for _ in range(3):
        camera.read()
    assert camera.status is SourceStatus.LOST
    assert camera.read() is None  # the back-off has not passed yet
    now[0] += 1_000_000_000
    again = camera.read()
    assert camera.status is SourceStatus.LIVE and camera.reconnects == 1
    assert again is not None and again.image.shape == (120, 160, 3)
    camera.close()


def test_camera_that_does_not_exist_reports_reconnecting_and_no_frames(tmp_path):
    camera = OpenCvVideoSource(str(tmp_path / "no-camera.mp4"), live=False)
    assert camera.read() is None
    assert camera.status is SourceStatus.RECONNECTING
    camera.close()


def test_missing_microphone_is_a_clear_failure():
    with pytest.raises(NoMicrophone):
        MicrophoneSource(device="posdesk test: no such microphone")
