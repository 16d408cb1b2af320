"""The pre-roll buffer: bounded by time, always able to start a clip on a keyframe."""
from __future__ import annotations

from posdesk.recording.media.frames import EncodedPacket, TrackInfo, TrackKind
from posdesk.recording.media.preroll import PreRollBuffer

NS = 1_000_000_000
TRACKS = [TrackInfo(TrackKind.VIDEO, "h264", "cashier"), TrackInfo(TrackKind.AUDIO, "aac", "mic")]


def _stream(seconds: int, fps: int = 10):
    """Video at `fps` with a keyframe each second, interleaved with audio every 50 ms."""
    for i in range(seconds * fps):
        t = i * NS // fps
        yield EncodedPacket(0, b"v", t, t, NS // fps, keyframe=i % fps == 0)
        yield EncodedPacket(1, b"a", t + 10_000_000, t + 10_000_000, 50_000_000, True)
        yield EncodedPacket(1, b"a", t + 60_000_000, t + 60_000_000, 50_000_000, True)


def test_buffer_keeps_the_last_seconds_and_no_more():
    buffer = PreRollBuffer(TRACKS, seconds=5)
    for packet in _stream(30):
        buffer.add(packet)
    # 5 s plus at most the rest of one second-long GOP, at 30 packets a second.
    assert 5 * 30 <= len(buffer) <= 6 * 30 + 3


def test_clip_backlog_starts_on_the_keyframe_before_the_wanted_start():
    buffer = PreRollBuffer(TRACKS, seconds=5)
    for packet in _stream(30):
        buffer.add(packet)
    backlog = buffer.since(int(26.5 * NS))
    assert backlog[0].track == 0 and backlog[0].keyframe and backlog[0].pts_ns == 26 * NS
    assert all(p.pts_ns >= 26 * NS for p in backlog)
    assert backlog[-1].pts_ns > 29.9 * NS


def test_asking_further_back_than_kept_starts_at_the_oldest_keyframe():
    buffer = PreRollBuffer(TRACKS, seconds=5)
    for packet in _stream(30):
        buffer.add(packet)
    oldest = buffer.since(0)[0]
    assert oldest.keyframe and 24 * NS <= oldest.pts_ns <= 25 * NS


def test_empty_buffer_gives_no_backlog():
    assert PreRollBuffer(TRACKS).since(0) == []


def test_each_video_track_starts_on_its_own_keyframe_when_another_has_none_yet():
    # Three cameras: the first has sent no keyframe yet (say it has just reconnected), the
    # others have keyframes each second, half a second apart.
    tracks = [TrackInfo(TrackKind.VIDEO, "h264", name) for name in ("door", "cashier", "customer")]
    buffer = PreRollBuffer([*tracks, TrackInfo(TrackKind.AUDIO, "aac", "mic")], seconds=30)
    for i in range(100):
        t = i * NS // 10
        buffer.add(EncodedPacket(0, b"v", t, t, NS // 10, keyframe=False))
        buffer.add(EncodedPacket(1, b"v", t, t, NS // 10, keyframe=i % 10 == 0))
        buffer.add(EncodedPacket(2, b"v", t, t, NS // 10, keyframe=i % 10 == 5))
    backlog = buffer.since(int(5.7 * NS))
    first = {track: next(p for p in backlog if p.track == track) for track in (1, 2)}
    assert first[1].keyframe and first[1].pts_ns == 5 * NS
    assert first[2].keyframe and first[2].pts_ns == int(5.5 * NS)
