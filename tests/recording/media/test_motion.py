"""Motion-adaptive frame rate: a still counter is encoded at a trickle, and the next frame
after motion or any journal event is encoded again, at full rate, as the decoded clip shows."""
from __future__ import annotations

import io

import numpy as np
import pytest

from posdesk.core.clock import ManualClock
from posdesk.recording.media.encoder import VideoEncoder
from posdesk.recording.media.frames import VideoFrame
from posdesk.recording.media.motion import MotionSettings
from posdesk.recording.media.pipeline import MediaPipeline
from posdesk.recording.media.reader import read_clip
from posdesk.recording.media.video_settings import VideoSettings

NS = 1_000_000_000
START_NS = 1_000 * NS
FPS = 15
PERIOD_S = 1 / FPS
W, H = 320, 240


class StillCounter:
    """A counter nobody touches (with sensor noise), where a hand may move a box."""

    def __init__(self) -> None:
        self.rng = np.random.default_rng(7)
        self.scene = self.rng.integers(40, 200, (H, W, 3), dtype=np.uint8)
        self.box_x = 40

    def picture(self, *, moving: bool = False) -> np.ndarray:
        if moving:
            self.box_x += 6
        image = self.scene.copy()
        image[100:160, self.box_x:self.box_x + 60] = 250
        noise = self.rng.normal(0, 3, image.shape)
        return np.clip(image + noise, 0, 255).astype(np.uint8)


class Lane:
    def __init__(self, motion: MotionSettings):
        self.clock = ManualClock(mono_ns=START_NS)
        self.encoder = VideoEncoder(W, H, FPS, settings=VideoSettings(keyframe_interval_s=1.0))
        self.pipeline = MediaPipeline([self.encoder], motion=motion, preroll_s=1.0,
                                      postroll_s=0.5, clock=self.clock)
        self.counter = StillCounter()
        self.index = 0

    def now_ns(self) -> int:
        return START_NS + round(self.index * NS / FPS)

    def run(self, seconds: float, *, moving: bool = False) -> None:
        for _ in range(round(seconds * FPS)):
            self.clock.advance((self.now_ns() - self.clock.now().mono_ns) / NS)
            self.pipeline.push_video(0, VideoFrame(self.counter.picture(moving=moving),
                                                   self.now_ns()))
            self.index += 1


def _times(clip: io.BytesIO) -> list[float]:
    return [f.time_s for f in read_clip(clip.getvalue()).frames_of(0)]


def test_still_counter_drops_to_the_idle_rate_and_noise_is_not_motion():
    lane = Lane(MotionSettings(idle_fps=2.0, still_after_s=2.0))
    lane.run(3.0)  # the first 2 s count as full rate
    before = lane.encoder.frames_in
    lane.run(10.0)
    assert 19 <= lane.encoder.frames_in - before <= 21  # 2 fps, not 15


def test_motion_brings_full_rate_back_on_the_next_frame():
    lane = Lane(MotionSettings())
    lane.run(5.0)
    before = lane.encoder.frames_in
    lane.run(PERIOD_S, moving=True)
    assert lane.encoder.frames_in == before + 1
    lane.run(1.0)  # still again, but within still_after_s of the motion
    assert lane.encoder.frames_in == before + 1 + FPS


def test_returns_to_full_rate_within_one_frame_of_a_journal_event():
    lane = Lane(MotionSettings(idle_fps=2.0, still_after_s=2.0, thin_sales=True))
    clip = io.BytesIO()
    lane.pipeline.open_clip("s-1", clip, at_ns=lane.now_ns())
    lane.run(6.0)  # a still sale, thinned after 2 s
    cue_ns = lane.now_ns() - NS // 100  # an event between two captures
    lane.pipeline.cue("s-1", cue_ns, "1 x Insurance policy")
    lane.run(1.0)
    lane.pipeline.close_clip("s-1", at_ns=lane.now_ns())
    lane.run(1.0)
    lane.pipeline.stop()

    times = _times(clip)
    # The sale opened on the first frame, a keyframe: clip time 0 is START_NS.
    cue_s = (cue_ns - START_NS) / NS
    idle = [t for t in times if 3.0 <= t < cue_s]
    assert np.diff(idle) == pytest.approx(0.5, abs=0.07)  # thinned while still
    after = [t for t in times if t >= cue_s]
    assert after[0] - cue_s <= PERIOD_S + 1e-3  # the very next frame is in the clip
    assert np.diff(after[:FPS]) == pytest.approx(PERIOD_S, abs=1e-3)  # and every one after


def test_a_sale_is_recorded_at_full_rate_unless_thinning_sales_is_chosen():
    lane = Lane(MotionSettings(idle_fps=2.0, still_after_s=2.0))
    lane.run(4.0)  # idle before the sale
    clip = io.BytesIO()
    lane.pipeline.open_clip("s-1", clip, at_ns=lane.now_ns())
    lane.run(6.0)
    lane.pipeline.close_clip("s-1", at_ns=lane.now_ns())
    lane.run(1.0)
    lane.pipeline.stop()
    # The clip is the idle pre-roll, then the sale and its post-roll with every frame.
    sale = _times(clip)[-(6 * FPS + FPS // 2):]
    assert np.diff(sale) == pytest.approx(PERIOD_S, abs=1e-3)


def test_idle_fps_zero_encodes_every_frame():
    lane = Lane(MotionSettings(idle_fps=0))
    lane.run(6.0)
    assert lane.encoder.frames_in == 6 * FPS


@pytest.mark.parametrize("camera_fps, encoded", [(30, 15 * 4), (25, 15 * 4), (15, 15 * 4)])
def test_a_faster_camera_is_encoded_at_the_evidence_rate(camera_fps, encoded):
    encoder = VideoEncoder(W, H, FPS)
    pipeline = MediaPipeline([encoder])
    counter = StillCounter()
    for index in range(camera_fps * 4):
        pipeline.push_video(0, VideoFrame(counter.picture(moving=True),
                                          START_NS + index * NS // camera_fps))
    assert abs(encoder.frames_in - encoded) <= 1
    assert pipeline.preview(0).mono_ns == START_NS + (camera_fps * 4 - 1) * NS // camera_fps


def test_a_camera_at_the_evidence_rate_loses_no_frame_to_jitter():
    encoder = VideoEncoder(W, H, FPS)
    pipeline = MediaPipeline([encoder])
    counter = StillCounter()
    jitter = np.random.default_rng(3).uniform(-0.3, 0.3, 60)  # of a frame period
    for index in range(60):
        at_ns = START_NS + round((index + jitter[index]) * NS / FPS)
        pipeline.push_video(0, VideoFrame(counter.picture(), at_ns))
    assert encoder.frames_in == 60


def test_a_clip_past_its_post_roll_is_finished_by_the_next_camera_frames():
    # Camera at 30 fps, clip at 15, a two-frame look-ahead (x264 holds three frames): after
    # the post-roll every camera frame is encoded, so the clip is finished three camera
    # frames (0.1 s) after it, not three clip frames (0.2 s).
    encoder = VideoEncoder(W, H, FPS, settings=VideoSettings(lookahead_frames=2))
    clock = ManualClock(mono_ns=START_NS)
    pipeline = MediaPipeline([encoder], preroll_s=1.0, postroll_s=1.0, clock=clock)
    counter = StillCounter()
    clip = io.BytesIO()
    pipeline.open_clip("s-1", clip, at_ns=START_NS)
    frame = 0
    finished_at = None
    while finished_at is None and frame < 5 * 30:
        at_ns = START_NS + frame * NS // 30
        if at_ns == START_NS + 2 * NS:
            pipeline.close_clip("s-1", at_ns=at_ns)  # deadline: 3 s
        pipeline.push_video(0, VideoFrame(counter.picture(moving=True), at_ns))
        if pipeline.take_finished():
            finished_at = (at_ns - START_NS) / NS
        frame += 1
    assert finished_at is not None and 3.0 <= finished_at <= 3.0 + 3.5 / 30
    assert _times(clip)[-1] < 3.0
