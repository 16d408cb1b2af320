"""Encoder selection: hardware first where asked, libx264 when a candidate cannot run.

This machine has no GPU, so the hardware encoders of the bundled FFmpeg either are not in
the build or fail to open: exactly the fallback a lane without the hardware goes through.
"""
from __future__ import annotations

import av
import numpy as np
import pytest

from posdesk.recording.media.encoder_choice import (
    HARDWARE_ENCODERS, EncoderChoice, EncoderRefusal, candidates, open_video_encoder,
)
from posdesk.recording.media.errors import EncoderError
from posdesk.recording.media.frames import VideoFrame
from posdesk.recording.media.video_settings import VideoSettings


def test_auto_tries_the_platform_hardware_first_then_x264():
    assert candidates("auto", "linux") == ["h264_vaapi", "h264_qsv", "h264_nvenc", "libx264"]
    assert candidates("auto", "win32") == ["h264_qsv", "h264_nvenc", "h264_mf", "libx264"]
    assert candidates("auto", "darwin") == ["libx264"]
    assert candidates("libx264", "linux") == ["libx264"]
    assert candidates("h264_nvenc", "win32") == ["h264_nvenc", "libx264"]


@pytest.mark.parametrize("platform", sorted(HARDWARE_ENCODERS))
def test_without_the_hardware_every_candidate_is_refused_with_its_reason(platform):
    encoder, choice = open_video_encoder(320, 240, 15, platform=platform)
    assert choice.codec == encoder.codec == "libx264"
    assert [r.codec for r in choice.refused] == list(HARDWARE_ENCODERS[platform])
    for refusal in choice.refused:
        assert refusal.codec in choice.summary and refusal.reason in choice.summary
        assert "\n" not in refusal.reason and refusal.reason


def test_an_encoder_missing_from_the_ffmpeg_build_says_so():
    assert "h264_mf" not in av.codecs_available  # a Windows-only encoder
    _, choice = open_video_encoder(320, 240, 15, setting="h264_mf", platform="win32")
    assert choice.refused == (EncoderRefusal("h264_mf", "h264_mf is not in this FFmpeg build"),)
    assert choice.summary == "libx264 (h264_mf: h264_mf is not in this FFmpeg build)"


def test_an_encoder_that_fails_to_open_falls_back_to_x264_which_records():
    present = [c for c in ("h264_nvenc", "h264_qsv") if c in av.codecs_available]
    if not present:
        pytest.skip("the bundled FFmpeg has no hardware H.264 encoder to fail")
    encoder, choice = open_video_encoder(320, 240, 15, setting=present[0], track=0)
    assert choice.codec == "libx264" and choice.refused[0].codec == present[0]
    assert "cannot open" in choice.refused[0].reason
    packets = []
    for index in range(20):
        image = np.full((240, 320, 3), index * 10, np.uint8)
        packets += encoder.encode(VideoFrame(image, index * 66_666_667))
    packets += encoder.flush()
    assert len(packets) == 20 and packets[0].keyframe


def test_hardware_that_works_is_kept():
    # libx264 named as if it were the hardware: the probe passes, nothing is refused.
    encoder, choice = open_video_encoder(320, 240, 15, setting="libx264")
    assert choice == EncoderChoice("libx264") and choice.summary == "libx264"


def test_x264_itself_failing_is_an_error_not_a_silent_fallback():
    with pytest.raises(EncoderError):
        open_video_encoder(321, 240, 15, setting="libx264")


def test_x264_options_say_no_b_frames_and_a_short_lookahead():
    options = VideoSettings(crf=30, lookahead_frames=3).options_for("libx264")
    assert options["crf"] == "30" and "tune" not in options
    assert options["x264-params"] == "bframes=0:rc-lookahead=3:sync-lookahead=0"
