"""The recorder's media loop: watermark in the picture, preview, dropped-frame reports."""
from __future__ import annotations

import io
from datetime import datetime, timezone

import numpy as np
import pytest

from posdesk.recording.media.reader import read_clip
from posdesk.recording.media.watermark import Watermark, WatermarkSettings

from .conftest import FPS, HEIGHT, WIDTH

#: The watermark line sits in the top rows of the picture.
BANNER = (slice(0, 24), slice(0, 200))


def _first_frame_of_a_sale(rig) -> np.ndarray:
    clip = io.BytesIO()
    rig.run_until(1)
    rig.pipeline.open_clip("s", clip, at_ns=rig.at(1), sale_number="4711")
    rig.run_until(2)
    rig.pipeline.close_clip("s", at_ns=rig.at(2))
    rig.run_until(5.5)
    rig.stop()
    frames = read_clip(clip.getvalue(), images=True).frames_of(0)
    return frames[-1].image


def test_watermark_is_burnt_into_the_recorded_picture(rig_factory):
    marked = _first_frame_of_a_sale(rig_factory(watermark=True))
    plain = _first_frame_of_a_sale(rig_factory(watermark=False))
    banner_diff = np.abs(marked[BANNER].astype(int) - plain[BANNER].astype(int)).mean()
    rest_diff = np.abs(marked[120:].astype(int) - plain[120:].astype(int)).mean()
    assert banner_diff > 20 > rest_diff + 5


def test_watermark_text_shows_the_chosen_fields_in_local_time():
    at = datetime(2026, 3, 1, 12, 30, 5, tzinfo=timezone.utc)
    full = Watermark(WatermarkSettings(lane="2", tz=timezone.utc))
    assert full.text(sale_number="88", at=at) == "Lane 2  Sale 88  2026-03-01 12:30:05"
    only_time = Watermark(WatermarkSettings(lane="2", fields=("time",), tz=timezone.utc))
    assert only_time.text(sale_number="88", at=at) == "2026-03-01 12:30:05"
    with pytest.raises(ValueError):
        Watermark(WatermarkSettings(fields=("customer",)))


def test_disabled_watermark_leaves_the_picture_alone():
    image = np.full((HEIGHT, WIDTH, 3), 200, np.uint8)
    Watermark(WatermarkSettings(enabled=False)).apply(
        image, sale_number="1", at=datetime.now(timezone.utc))
    assert (image == 200).all()


def test_preview_is_the_newest_frame_downscaled(rig_factory):
    rig = rig_factory()
    assert rig.pipeline.preview() is None
    rig.run_until(0.5)
    preview = rig.pipeline.preview()
    assert preview.image.shape == (360, 640, 3)
    assert rig.at(0.5) - 1e9 / FPS <= preview.mono_ns < rig.at(0.5)
    assert rig.pipeline.preview() is preview  # asking again costs nothing
    rig.run_until(0.6)
    assert rig.pipeline.preview().mono_ns > preview.mono_ns
    rig.stop()


def test_frames_lost_before_encoding_are_reported_and_counted_in_the_clip(rig_factory):
    rig = rig_factory(audio=False)
    clip = io.BytesIO()
    rig.run_until(1)
    rig.pipeline.open_clip("s", clip, at_ns=rig.at(1))
    rig.lose_frames(10)  # the capture thread fell behind
    rig.run_until(1.5)
    [drop] = rig.pipeline.take_drops()
    assert drop.count == 10 and drop.track == 0
    assert "10 frames lost" in str(drop.text)
    assert rig.pipeline.take_drops() == []
    rig.pipeline.close_clip("s", at_ns=rig.at(1.5))
    [facts] = rig.stop()
    assert facts.frames_dropped == 10
    recorded = read_clip(clip.getvalue()).frames_of(0)
    assert len(recorded) == facts.tracks[0].frames
