"""Journal cue timing: the rules that keep FFmpeg's MP4 muxer alive, and the cues read back."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from posdesk.recording.media.cues import CUE_GAP_MS, CueScheduler
from posdesk.recording.media.reader import read_clip


def _drive(events: list[int], end_ms: int) -> list:
    scheduler, cues = CueScheduler(), []
    for i, at in enumerate(events):
        cues += scheduler.due(at)
        cues += scheduler.add(at, f"e{i}")
    return cues + scheduler.close(end_ms)


def _assert_safe(cues) -> None:
    for cue in cues:
        assert cue.start_ms >= 0 and cue.duration_ms >= 1
    for before, after in pairwise(cues):
        assert before.end_ms + CUE_GAP_MS <= after.start_ms


@given(st.lists(st.integers(min_value=-50, max_value=20_000), max_size=60),
       st.integers(min_value=0, max_value=30_000))
def test_any_event_sequence_gives_non_touching_positive_cues(events, end_ms):
    cues = _drive(events, end_ms)
    _assert_safe(cues)
    assert [line for c in cues for line in c.text.split("\n")] == [f"e{i}" for i in range(len(events))]


def test_events_in_the_same_millisecond_share_one_cue():
    cues = _drive([100, 100, 101, 105], 200)
    assert [(c.start_ms, c.text) for c in cues] == [(100, "e0\ne1\ne2"), (105, "e3")]
    assert cues[0].end_ms == 104


def test_a_line_stays_up_at_most_the_display_time():
    cues = _drive([0, 10_000], 20_000)
    assert cues[0].duration_ms == 2000 and cues[1].start_ms == 10_000


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_burst_patterns_do_not_abort_the_muxer_and_every_event_is_in_the_clip(seed):
    script = Path(__file__).with_name("subtitle_bursts.py")
    run = subprocess.run([sys.executable, str(script), str(seed)], capture_output=True,
                         text=True, timeout=120)
    # A movenc assertion kills the child with SIGABRT: returncode -6, no JSON.
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout)
    assert set(result) == {"a", "b", "r"}
    for sale, clip in result.items():
        lines = [line for _, _, text in clip["cues"] for line in text.split("\n")]
        assert lines == clip["sent"], sale
        for (start, end, _), (next_start, _, _) in pairwise(clip["cues"]):
            assert start < end < next_start
        assert clip["video_frames"] > 0
    assert len(result["a"]["sent"]) == 82 and len(result["b"]["sent"]) == 46


@pytest.mark.parametrize("text", ["", "2 × Milk 1.98", "粮油 × 3 ¥12.00"])
def test_cue_text_survives_the_round_trip(rig_factory, text):
    rig, clip = rig_factory(audio=False), io.BytesIO()
    rig.run_until(1)
    rig.pipeline.open_clip("s", clip, at_ns=rig.at(1))
    rig.pipeline.cue("s", rig.at(1.5), text)
    rig.run_until(2)
    rig.pipeline.close_clip("s", at_ns=rig.at(2))
    rig.run_until(5.5)
    rig.stop()
    cues = read_clip(clip.getvalue()).cues
    assert [c.text for c in cues] == ([text] if text else [])
