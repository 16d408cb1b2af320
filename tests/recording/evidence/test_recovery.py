"""An interrupted sealed clip is cut to its authenticated prefix, signed, and still plays."""
from __future__ import annotations

import pytest

from posdesk.recording.age import AgeWriter, X25519Identity, decrypt_bytes
from posdesk.recording.errors import TruncatedPayload
from posdesk.recording.evidence.layout import PendingClip, clip_file
from posdesk.recording.evidence.manifest import ClipFacts, SaleRef, TrackFacts, Watermark
from posdesk.recording.evidence.recovery import recover_clip
from posdesk.recording.media.clips import ClipManager
from posdesk.recording.media.encoder import VideoEncoder
from posdesk.recording.media.reader import read_clip
from posdesk.recording.media.synthetic import SyntheticVideoSource
from posdesk.recording.media.video_settings import VideoSettings

from .conftest import LANE

FPS = 15
SECONDS = 8


@pytest.fixture(scope="module")
def manager() -> X25519Identity:
    return X25519Identity.generate()


def open_pending(lane, manager, receipt="0001"):
    sale = SaleRef(f"sale-{receipt}", LANE, receipt)
    start = lane.clock.now()
    rel = clip_file(lane.layout.new_stem(sale, start.utc))
    facts = ClipFacts(rel, start, None, (TrackFacts("video", "h264", "cashier"),),
                      Watermark.BURNT_IN, (str(manager.recipient()),))
    pending = PendingClip(sale, facts)
    return pending, lane.layout.open_clip(pending)


def record_real_clip(fileobj, manager, *, finish: bool) -> int:
    """Encode SECONDS of synthetic video into a sealed clip; returns the frames encoded."""
    source = SyntheticVideoSource(320, 240, FPS, live=False, start_ns=10**9)
    # Near-lossless, so the clip spans several 64 KiB age chunks and a cut leaves a prefix.
    encoder = VideoEncoder(320, 240, FPS, settings=VideoSettings(crf=8, keyframe_interval_s=1.0))
    clips = ClipManager([encoder.info], preroll_s=0.5, postroll_s=0.0)
    sealed = AgeWriter(fileobj, [manager.recipient()])
    clips.open("sale", sealed, at_ns=10**9)
    frames = SECONDS * FPS
    for _ in range(frames):
        for packet in encoder.encode(source.read()):
            clips.feed(packet)
    if finish:
        clips.close("sale", at_ns=10**9 + SECONDS * 10**9)
        for packet in encoder.flush():
            clips.feed(packet)
        clips.finish_all()
        sealed.finish()
    fileobj.flush()
    return frames


@pytest.mark.slow
def test_clip_cut_by_a_killed_recorder_keeps_a_playable_signed_prefix(lane, manager):
    pending, f = open_pending(lane, manager)
    with f:
        frames = record_real_clip(f, manager, finish=True)
    path = lane.layout.resolve(pending.clip.file)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) * 7 // 10 + 123])  # power cut mid-chunk

    entry = recover_clip(lane.chain, pending, lane.journals.add_sale("sale-0001", lane.clock),
                         ended=lane.clock.now())

    assert (entry.body["status"], entry.body["reason"]) == ("truncated", "recorder-down")
    assert entry.clip["size"] == path.stat().st_size < len(whole) * 7 // 10
    assert lane.layout.pending() == []
    assert lane.verify().ok
    with pytest.raises(TruncatedPayload) as cut:
        decrypt_bytes(path.read_bytes(), [manager])
    played = read_clip(cut.value.partial)
    assert FPS * 2 <= len(played.frames_of(0)) < frames


@pytest.mark.slow
def test_clip_finished_before_the_recorder_died_is_kept_whole(lane, manager):
    pending, f = open_pending(lane, manager)
    with f:
        record_real_clip(f, manager, finish=True)
    path = lane.layout.resolve(pending.clip.file)
    size = path.stat().st_size
    lane.layout.write_pending(PendingClip(pending.sale, pending.clip, sealed_size=size))
    entry = recover_clip(lane.chain, pending.__class__(pending.sale, pending.clip, size),
                         lane.journals.add_sale("sale-0001", lane.clock), ended=lane.clock.now())
    assert entry.body["status"] == "complete" and entry.clip["size"] == size
    assert len(read_clip(decrypt_bytes(path.read_bytes(), [manager])).frames_of(0)) > 0
    assert lane.verify().ok


def test_clip_without_one_whole_chunk_becomes_a_no_clip_manifest(lane, manager):
    pending, f = open_pending(lane, manager)
    with f:
        sealed = AgeWriter(f, [manager.recipient()])
        sealed.write(b"\0" * 1000)  # less than one chunk: nothing authenticated on disk
    entry = recover_clip(lane.chain, pending, lane.journals.add_sale("sale-0001", lane.clock),
                         ended=lane.clock.now())
    assert (entry.body["status"], entry.body["reason"], entry.clip) == \
        ("no-clip", "recorder-down", None)
    assert entry.file == pending.clip.file.removesuffix(".mp4.age") + ".manifest.json"
    assert not lane.layout.resolve(pending.clip.file).exists()
    assert lane.layout.pending() == []
    assert lane.verify().ok
