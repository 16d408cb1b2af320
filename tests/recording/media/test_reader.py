"""Reading clips back, including clips cut off mid-write (power failure, killed recorder)."""
from __future__ import annotations

import io
import random

import pytest

from posdesk.recording.media.errors import MediaError
from posdesk.recording.media.reader import read_clip

from .conftest import FPS


@pytest.fixture(scope="module")
def six_second_clip():
    from .conftest import Rig

    rig, clip = Rig(), io.BytesIO()
    rig.pipeline.open_clip("s", clip, at_ns=rig.at(0))
    rig.pipeline.cue("s", rig.at(0.5), "1 × Bread 2.49")
    rig.run_until(3)
    rig.pipeline.close_clip("s", at_ns=rig.at(3))
    rig.run_until(7)
    rig.stop()
    return clip.getvalue()


def test_truncated_clip_yields_the_frames_before_the_cut(six_second_clip):
    whole = len(read_clip(six_second_clip).frames_of(0))
    rng = random.Random(20260102)
    # Cuts inside the media: the last tenth holds the final fragment and the index after it.
    cuts = sorted(rng.sample(range(2000, len(six_second_clip) * 9 // 10), 6))
    counts = []
    for cut in cuts:
        contents = read_clip(six_second_clip[:cut])
        video = contents.frames_of(0)
        times = [f.time_s for f in video]
        assert times == sorted(times)
        assert video[0].time_s == 0.0 if video else True
        counts.append(len(video))
    assert counts == sorted(counts)
    # Fragments are at most a second long: each cut loses at most about that much.
    assert counts[-1] >= whole * cuts[-1] / len(six_second_clip) - 1.5 * FPS
    assert counts[-1] < whole


def test_clip_cut_at_eighty_percent_still_plays_most_of_it(six_second_clip):
    data = six_second_clip[: len(six_second_clip) * 8 // 10]
    contents = read_clip(data, images=True)
    video = contents.frames_of(0)
    assert len(video) >= 3 * FPS
    assert video[-1].image is not None and video[-1].image.std() > 10
    assert contents.cues and contents.cues[0].text == "1 × Bread 2.49"


def test_bytes_that_are_no_clip_are_refused():
    with pytest.raises(MediaError):
        read_clip(b"not an mp4 at all" * 10)
