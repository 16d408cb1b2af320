"""Per-sale clips cut from the one continuous packet stream.

The caller opens a clip when a sale starts (the pre-roll goes in first), feeds every
encoded packet, adds journal cues, and asks for the close when the sale ends; the clip
is finished once the post-roll has passed on packet timestamps. Clips may overlap: a sale
that starts inside the previous one's post-roll gets its own clip, and both receive the
shared packets. Single-threaded: call everything from the thread that feeds packets.
"""
from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any, BinaryIO, Sequence

from posdesk.core.clock import Clock, SystemClock
from posdesk.recording.media.clipwriter import ClipTally, ClipWriter, TrackTally
from posdesk.recording.media.errors import ClipError
from posdesk.recording.media.frames import EncodedPacket, TrackInfo, TrackKind, WatermarkMode
from posdesk.recording.media.pacing import NS_PER_S
from posdesk.recording.media.preroll import DEFAULT_PREROLL_S, PreRollBuffer

log = logging.getLogger(__name__)

#: Default time recorded after the sale ends.
DEFAULT_POSTROLL_S = 3.0
#: A track that sends nothing this long past the post-roll does not hold the clip open.
STALLED_TRACK_GRACE_NS = NS_PER_S


@dataclass(frozen=True)
class TrackFacts:
    kind: str
    codec: str
    name: str
    width: int
    height: int
    fps: float
    sample_rate: int
    channels: int
    frames: int


@dataclass(frozen=True)
class ClipFacts:
    """What the manifest says about a finished clip."""

    sale_id: str
    tracks: tuple[TrackFacts, ...]
    first_mono_ns: int
    last_mono_ns: int
    first_utc: datetime
    last_utc: datetime
    duration_s: float
    bytes_written: int
    cue_count: int
    watermark: WatermarkMode
    frames_dropped: int
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (times as ISO 8601, watermark as its word)."""
        facts = asdict(self)
        facts["first_utc"] = self.first_utc.isoformat()
        facts["last_utc"] = self.last_utc.isoformat()
        facts["watermark"] = self.watermark.value
        return facts


class _OpenClip:
    """A clip and its state; the writer starts on the first keyframe if there was no backlog."""

    def __init__(self, sale_id: str, fileobj: BinaryIO, tracks: Sequence[TrackInfo]):
        self.sale_id = sale_id
        self.fileobj = fileobj
        self.tracks = tracks
        self.writer: ClipWriter | None = None
        self.waiting_cues: list[tuple[int, str]] = []
        self.deadline_ns: int | None = None
        self.passed = [False] * len(tracks)
        self.frames_dropped = 0
        self.error: str | None = None

    def start(self, origin_ns: int) -> None:
        self.writer = ClipWriter(self.fileobj, self.tracks, origin_ns)
        for mono_ns, text in self.waiting_cues:
            self.writer.add_cue(mono_ns, text)
        self.waiting_cues = []

    def write(self, packet: EncodedPacket) -> None:
        if self.writer is None:
            if not packet.keyframe or self.tracks[packet.track].kind is not TrackKind.VIDEO:
                return
            self.start(packet.dts_ns)
        self.writer.write(packet)

    def cue(self, mono_ns: int, text: str) -> None:
        if self.writer is None:
            self.waiting_cues.append((mono_ns, text))
        else:
            self.writer.add_cue(mono_ns, text)


class ClipManager:
    """Keeps the pre-roll and every open clip; `feed()` returns the clips it finished."""

    def __init__(
        self,
        tracks: Sequence[TrackInfo],
        *,
        preroll_s: float = DEFAULT_PREROLL_S,
        postroll_s: float = DEFAULT_POSTROLL_S,
        clock: Clock | None = None,
    ):
        if not any(t.kind is TrackKind.VIDEO for t in tracks):
            raise ClipError("a clip needs at least one video track")
        self._tracks = list(tracks)
        self._preroll_ns = int(preroll_s * NS_PER_S)
        self._postroll_ns = int(postroll_s * NS_PER_S)
        self._clock = clock or SystemClock()
        self._preroll = PreRollBuffer(self._tracks, preroll_s)
        self._clips: dict[str, _OpenClip] = {}
        self._newest_ns: int | None = None

    @property
    def open_sales(self) -> list[str]:
        return list(self._clips)

    def open(self, sale_id: str, fileobj: BinaryIO, at_ns: int | None = None) -> None:
        """Start the clip of `sale_id`, writing into `fileobj` (which stays the caller's).

        The clip begins on the last keyframe at least the pre-roll before `at_ns`; when the
        recorder has just started and holds no such history, on the next keyframe.
        """
        if sale_id in self._clips:
            raise ClipError(f"clip for sale {sale_id} is already open")
        at_ns = self._now_ns() if at_ns is None else at_ns
        backlog = self._preroll.since(at_ns - self._preroll_ns)
        clip = _OpenClip(sale_id, fileobj, self._tracks)
        keyframes = [p.dts_ns for p in backlog
                     if p.keyframe and self._tracks[p.track].kind is TrackKind.VIDEO]
        if keyframes:
            # Clip time 0 is the first keyframe's decode time, so no dts is negative and
            # clip time + origin is the monotonic time of every sample.
            clip.start(min(keyframes))
        self._clips[sale_id] = clip
        for packet in backlog:
            self._write(clip, packet)
        log.info("clip %s opened with %d pre-roll packets", sale_id, len(backlog))

    def cue(self, sale_id: str, mono_ns: int, text: str) -> None:
        """Put a journal line on the clip's subtitle track at `mono_ns`."""
        clip = self._get(sale_id)
        try:
            clip.cue(mono_ns, text)
        except ClipError as e:
            self._fail(clip, e)

    def close(self, sale_id: str, at_ns: int | None = None) -> None:
        """The sale ended at `at_ns`; the clip finishes once packets pass the post-roll."""
        at_ns = self._now_ns() if at_ns is None else at_ns
        self._get(sale_id).deadline_ns = at_ns + self._postroll_ns

    def past_a_deadline(self, mono_ns: int) -> bool:
        """Whether a clip waits for pictures taken at `mono_ns` to pass its post-roll."""
        return any(c.deadline_ns is not None and mono_ns >= c.deadline_ns
                   for c in self._clips.values())

    def note_dropped_frames(self, count: int) -> None:
        """Frames lost before encoding; every open clip reports them in its facts."""
        for clip in self._clips.values():
            clip.frames_dropped += count

    def feed(self, packet: EncodedPacket) -> list[ClipFacts]:
        """Add one packet to the pre-roll and to every open clip; returns finished clips."""
        self._preroll.add(packet)
        self._newest_ns = max(self._newest_ns or packet.pts_ns, packet.pts_ns)
        finished = []
        for clip in list(self._clips.values()):
            if clip.deadline_ns is not None and packet.pts_ns >= clip.deadline_ns:
                clip.passed[packet.track] = True
            else:
                self._write(clip, packet)
            if clip.deadline_ns is not None and (
                    all(clip.passed) or self._newest_ns
                    >= clip.deadline_ns + STALLED_TRACK_GRACE_NS):
                finished.append(self._finish(clip))
        return finished

    def finish_all(self) -> list[ClipFacts]:
        """Finish every open clip now (recorder shutting down)."""
        return [self._finish(clip) for clip in list(self._clips.values())]

    def _write(self, clip: _OpenClip, packet: EncodedPacket) -> None:
        if clip.error is not None:
            return
        try:
            clip.write(packet)
        except ClipError as e:
            self._fail(clip, e)

    def _fail(self, clip: _OpenClip, error: ClipError) -> None:
        log.error("clip %s failed: %s", clip.sale_id, error)
        clip.error = str(error)

    def _finish(self, clip: _OpenClip) -> ClipFacts:
        del self._clips[clip.sale_id]
        try:
            if clip.writer is None:  # no video arrived at all: still leave a valid clip
                clip.start(clip.deadline_ns or self._now_ns())
            tally = clip.writer.finish()
        except ClipError as e:
            self._fail(clip, e)
            tally = clip.writer.tally if clip.writer else ClipTally(
                tracks=[TrackTally() for _ in self._tracks])
        origin_ns = clip.writer.origin_ns if clip.writer else self._now_ns()
        firsts = [t.first_ns for t in tally.tracks if t.first_ns is not None]
        ends = [t.end_ns for t in tally.tracks if t.end_ns is not None]
        first_ns = min(firsts, default=origin_ns)
        last_ns = max(ends, default=first_ns)
        video_modes = {t.watermark for t in self._tracks if t.kind is TrackKind.VIDEO}
        facts = ClipFacts(
            sale_id=clip.sale_id,
            tracks=tuple(
                TrackFacts(t.kind.value, t.codec, t.name, t.width, t.height, t.fps,
                           t.sample_rate, t.channels, tally.tracks[i].frames)
                for i, t in enumerate(self._tracks)),
            first_mono_ns=first_ns,
            last_mono_ns=last_ns,
            first_utc=self._utc(first_ns),
            last_utc=self._utc(last_ns),
            duration_s=(last_ns - first_ns) / NS_PER_S,
            bytes_written=tally.bytes_written,
            cue_count=tally.cues,
            # A clip is only as identifiable as its least marked picture.
            watermark=(WatermarkMode.BURNT_IN if video_modes == {WatermarkMode.BURNT_IN}
                       else WatermarkMode.SUBTITLE_TRACK),
            frames_dropped=clip.frames_dropped,
            error=clip.error,
        )
        log.info("clip %s finished: %.1f s, %d bytes", clip.sale_id, facts.duration_s,
                 facts.bytes_written)
        return facts

    def _get(self, sale_id: str) -> _OpenClip:
        try:
            return self._clips[sale_id]
        except KeyError:
            raise ClipError(f"no open clip for sale {sale_id}") from None

    def _now_ns(self) -> int:
        return self._clock.now().mono_ns

    def _utc(self, mono_ns: int) -> datetime:
        now = self._clock.now()
        return now.utc + timedelta(microseconds=(mono_ns - now.mono_ns) / 1000)
