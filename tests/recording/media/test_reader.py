"""Reading clips back, including clips cut off mid-write (power failure, killed recorder)."""
from __future__ import annotations

import io

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


def top_level_boxes(data: bytes) -> list[tuple[bytes, int, int]]:
    """(type, start, end) of each top-level MP4 box; the last may run past a cut's end."""
    boxes, at = [], 0
    while at + 8 <= len(data):
        size, kind = int.from_bytes(data[at:at + 4], "big"), data[at + 4:at + 8]
        if size == 1:  # a 64-bit size follows the type
            size = int.from_bytes(data[at + 8:at + 16], "big")
        boxes.append((kind, at, at + size))
        at += size
    return boxes


def test_truncated_clip_yields_the_frames_before_the_cut(six_second_clip):
    # Cuts are placed by the clip's own fragment boundaries (each moof starts a fragment), so
    # the expectations hold whatever size the encoder makes each fragment.
    whole = len(read_clip(six_second_clip).frames_of(0))
    fragments = [start for kind, start, _ in top_level_boxes(six_second_clip) if kind == b"moof"]
    assert len(fragments) >= 4, "a six-second clip is cut into fragments of at most a second"

    def frames_up_to(cut: int) -> list[float]:
        times = [f.time_s for f in read_clip(six_second_clip[:cut]).frames_of(0)]
        assert times == sorted(times)
        assert not times or times[0] == 0.0
        return times

    at_boundaries = [len(frames_up_to(start)) for start in fragments[1:]]
    # Every whole fragment before a cut is read back, and each fragment adds frames.
    assert at_boundaries == sorted(set(at_boundaries))
    assert at_boundaries[-1] < whole
    # A fragment is at most about a second long: a cut loses no more than that.
    steps = [b - a for a, b in zip([0, *at_boundaries], [*at_boundaries, whole])]
    assert max(steps) <= 1.5 * FPS
    # A cut inside a fragment keeps every frame before that fragment and none beyond it.
    for (start, end), before in zip(zip(fragments, [*fragments[1:], len(six_second_clip)]),
                                    [0, *at_boundaries]):
        for cut in (start + 1, (start + end) // 2):
            assert before <= len(frames_up_to(cut)) <= before + 1.5 * FPS


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
