"""Per-sale clips cut from one packet stream: decoded back frame by frame."""
from __future__ import annotations

import io

import numpy as np
import pytest

from posdesk.recording.media.errors import ClipError
from posdesk.recording.media.frames import WatermarkMode
from posdesk.recording.media.reader import read_clip

from .conftest import FPS, HEIGHT, START_NS, WIDTH

#: AAC priming and frame rounding may shift the audio edge by a few frames.
AUDIO_EDGE_S = 0.05


def _one_sale(rig, *, open_s=7.0, close_s=9.0):
    clip = io.BytesIO()
    rig.run_until(open_s)
    rig.pipeline.open_clip("sale-1", clip, at_ns=rig.at(open_s), sale_number="1001")
    rig.run_until(close_s)
    rig.pipeline.close_clip("sale-1", at_ns=rig.at(close_s))
    rig.run_until(close_s + 4)
    [facts] = [f for f in rig.stop() if f.sale_id == "sale-1"]
    return clip.getvalue(), facts


def test_clip_starts_with_preroll_and_ends_after_postroll(rig_factory):
    data, facts = _one_sale(rig_factory())
    contents = read_clip(data)
    video = contents.frames_of(0)
    # Pre-roll 5 s before the 7 s open, on a keyframe at most 1 s earlier; post-roll 3 s.
    first_s = (facts.first_mono_ns - START_NS) / 1e9
    assert 1.0 <= first_s <= 2.0
    assert 12.0 - 1 / FPS <= (facts.last_mono_ns - START_NS) / 1e9 <= 12.0 + 1 / FPS
    assert len(video) == facts.tracks[0].frames == pytest.approx((12.0 - first_s) * FPS, abs=1)
    assert video[0].time_s == 0.0
    assert video[-1].time_s == pytest.approx(len(video) / FPS - 1 / FPS, abs=0.002)
    assert np.all(np.diff([f.time_s for f in video]) > 0)


def test_clip_frames_are_the_captured_pictures(rig_factory):
    data, facts = _one_sale(rig_factory(watermark=False))
    frames = read_clip(data, images=True).frames_of(0)
    assert frames[0].image.shape == (HEIGHT, WIDTH, 3)
    # The colour bars scroll 8 px per frame: consecutive decoded frames must differ.
    assert np.mean(np.abs(frames[1].image.astype(int) - frames[0].image.astype(int))) > 5
    # Without a burnt-in watermark only the journal track identifies the clip.
    assert facts.watermark is WatermarkMode.SUBTITLE_TRACK


def test_audio_track_covers_the_clip(rig_factory):
    data, facts = _one_sale(rig_factory())
    contents = read_clip(data)
    audio = contents.frames_of(1)
    video = contents.frames_of(0)
    audio_s = sum(f.samples for f in audio) / 48_000
    video_s = len(video) / FPS
    assert abs(audio_s - video_s) < AUDIO_EDGE_S + 0.03
    assert audio[0].time_s <= AUDIO_EDGE_S
    assert contents.tracks[1].codec == "aac" and contents.tracks[1].sample_rate == 48_000
    assert facts.tracks[1].frames == len(audio)


def test_cues_appear_at_the_moment_of_each_event(rig_factory):
    rig = rig_factory()
    clip = io.BytesIO()
    rig.run_until(6)
    rig.pipeline.open_clip("s", clip, at_ns=rig.at(6))
    events = [(6.2, "1 × Milk 0.99"), (6.9, "2 × Milk 1.98"), (8.5, "Payment cash 5.00")]
    for when, text in events:
        rig.run_until(when)
        rig.pipeline.cue("s", rig.at(when), text)
    rig.pipeline.close_clip("s", at_ns=rig.at(9))
    rig.run_until(13)
    [facts] = rig.stop()
    contents = read_clip(clip.getvalue())
    origin_s = (facts.first_mono_ns - START_NS) / 1e9
    assert [c.text for c in contents.cues] == [text for _, text in events]
    for cue, (when, _) in zip(contents.cues, events, strict=True):
        assert cue.start_s == pytest.approx(when - origin_s, abs=0.002)
    assert contents.cues[0].end_s < contents.cues[1].start_s
    assert facts.cue_count == 3


def test_two_cameras_both_reach_the_clip(rig_factory):
    rig = rig_factory(cameras=2)
    data, facts = _one_sale(rig)
    contents = read_clip(data)
    kinds = [t.kind for t in contents.tracks]
    assert kinds == ["video", "video", "audio", "subtitle"]
    cashier, customer = contents.frames_of(0), contents.frames_of(1)
    assert len(cashier) == facts.tracks[0].frames > 0
    assert len(customer) == facts.tracks[1].frames == pytest.approx(len(cashier), abs=FPS)


def test_sale_opened_in_postroll_gets_own_clip_and_shares_frames(rig_factory):
    rig = rig_factory()
    first, second = io.BytesIO(), io.BytesIO()
    rig.run_until(6)
    rig.pipeline.open_clip("a", first, at_ns=rig.at(6))
    rig.run_until(8)
    rig.pipeline.close_clip("a", at_ns=rig.at(8))  # post-roll until 11 s
    rig.run_until(9.5)
    rig.pipeline.open_clip("b", second, at_ns=rig.at(9.5))
    rig.run_until(12)
    facts = {f.sale_id: f for f in rig.finished}
    assert "a" in facts and rig.pipeline.clips.open_sales == ["b"]
    rig.pipeline.close_clip("b", at_ns=rig.at(12))
    rig.run_until(16)
    facts.update({f.sale_id: f for f in rig.stop()})
    a, b = facts["a"], facts["b"]
    assert b.first_mono_ns < a.last_mono_ns  # the overlap
    times_a = _mono_times(read_clip(first.getvalue()).frames_of(0), a)
    times_b = _mono_times(read_clip(second.getvalue()).frames_of(0), b)
    shared = times_a & times_b
    overlap_frames = (a.last_mono_ns - b.first_mono_ns) / 1e9 * FPS
    assert len(shared) == pytest.approx(overlap_frames, abs=1)
    # No frame between the first clip's start and the second clip's end is missing.
    union = sorted(times_a | times_b)
    assert np.max(np.diff(union)) < 1.5 / FPS


def _mono_times(frames, facts) -> set[float]:
    origin_s = (facts.first_mono_ns - START_NS) / 1e9
    return {round(origin_s + f.time_s, 3) for f in frames}


def test_clip_opened_before_any_picture_starts_at_first_keyframe_and_keeps_cues(rig_factory):
    rig = rig_factory()
    clip = io.BytesIO()
    rig.pipeline.open_clip("early", clip, at_ns=rig.at(0))
    rig.pipeline.cue("early", rig.at(0), "scanned before the camera's first picture")
    rig.run_until(2)
    rig.pipeline.close_clip("early", at_ns=rig.at(2))
    rig.run_until(6)
    [facts] = rig.stop()
    contents = read_clip(clip.getvalue())
    assert len(contents.frames_of(0)) == facts.tracks[0].frames == pytest.approx(5 * FPS, abs=1)
    assert facts.first_mono_ns == START_NS
    assert [c.text for c in contents.cues] == ["scanned before the camera's first picture"]


def test_opening_a_sale_twice_is_refused(rig_factory):
    rig = rig_factory()
    rig.run_until(1)
    rig.pipeline.open_clip("x", io.BytesIO())
    with pytest.raises(ClipError):
        rig.pipeline.open_clip("x", io.BytesIO())
    rig.stop()


def test_facts_count_bytes_written_to_the_file(rig_factory):
    data, facts = _one_sale(rig_factory())
    assert facts.bytes_written == len(data)
    assert facts.as_dict()["watermark"] == "burnt-in"
    assert facts.duration_s == pytest.approx((facts.last_mono_ns - facts.first_mono_ns) / 1e9)
