"""One clip: fragmented MP4 written packet by packet into a caller's binary file object.

The file object only needs `write()`; in production it is an age writer over an open file,
so no plaintext reaches the disk and a cut-off file still plays up to its last fragment.

Journal cues need care: FFmpeg's MP4 muxer aborts the process on some subtitle timings
(an assertion, not an error), inserts blank samples of its own, and misplaces cues that
arrive behind media it has already fragmented. So:

* the subtitle track uses the video's time base (the muxer compares its length with the
  raw timestamps of other tracks) and starts with a blank sample at 0;
* the muxer sees cues in time order with the media: while a cue waits for its end (see
  `cues`), media from the cue's start on waits with it, at most `CUE_MAX_DISPLAY_MS`;
* every cue is followed by a blank sample at its end, and the next cue starts at least
  1 ms after that, so cues never touch and every sample has a positive length;
* before each video keyframe (where a fragment begins) a 1 ms blank brings the subtitle
  track up to the keyframe, so the blank the muxer adds to each new fragment sits at that
  fragment's start, not seconds back at the last cue's end (which made readers of a
  truncated clip stop early).
"""
from __future__ import annotations

import collections
import logging
from dataclasses import dataclass, field
from fractions import Fraction
from typing import BinaryIO, Sequence

import av

from posdesk.recording.media.cues import CUE_GAP_MS, Cue, CueScheduler
from posdesk.recording.media.errors import ClipError
from posdesk.recording.media.frames import EncodedPacket, TrackInfo, TrackKind
from posdesk.recording.media.pacing import NS_PER_S

log = logging.getLogger(__name__)

#: Fragmented MP4: a fragment at each keyframe and at least every second, flushed at once;
#: the interleaver may hold packets back at most half a second (the journal track is
#: sparse; unbounded, the muxer would wait up to 10 s for it).
FRAGMENTED_MP4_OPTIONS: dict[str, str] = {
    "movflags": "frag_keyframe+empty_moov+default_base_moof",
    "frag_duration": "1000000",
    "flush_packets": "1",
    "max_interleave_delta": "500000",
}
#: Packet times handed to the muxer are nanoseconds from the clip's first keyframe.
CLIP_TIME_BASE = Fraction(1, NS_PER_S)
#: Cue times are whole milliseconds.
CUE_TIME_BASE = Fraction(1, 1000)
NS_PER_MS = 1_000_000
#: A mov_text sample carries its text length in 16 bits.
MAX_CUE_BYTES = 0xFFFF


class _CountingSink:
    """Passes bytes to the caller's file object and counts them; exposes no seek."""

    def __init__(self, fileobj: BinaryIO):
        self._fileobj = fileobj
        self.bytes_written = 0

    def write(self, data: bytes) -> int:
        self._fileobj.write(data)
        self.bytes_written += len(data)
        return len(data)


@dataclass
class TrackTally:
    frames: int = 0
    first_ns: int | None = None
    end_ns: int | None = None


@dataclass
class ClipTally:
    """What a finished clip contains, counted while writing."""

    tracks: list[TrackTally] = field(default_factory=list)
    cues: int = 0
    bytes_written: int = 0


class ClipWriter:
    """Muxes packets (times relative to `origin_ns`) and journal cues into one clip."""

    def __init__(self, fileobj: BinaryIO, tracks: Sequence[TrackInfo], origin_ns: int):
        self._tracks = list(tracks)
        self._origin_ns = origin_ns
        self._sink = _CountingSink(fileobj)
        self._tally = ClipTally(tracks=[TrackTally() for _ in self._tracks])
        self._cues = CueScheduler()
        self._started = [t.kind is TrackKind.AUDIO for t in self._tracks]
        self._last_dts = [None] * len(self._tracks)
        try:
            self._container = av.open(self._sink, "w", format="mp4",
                                      options=dict(FRAGMENTED_MP4_OPTIONS))
            self._streams = [self._container.add_stream_from_template(t.template)
                             for t in self._tracks]
            self._subtitles = self._container.add_mux_stream("mov_text")
            # The muxer decides where a cue ends by comparing the subtitle track's length
            # with the raw timestamps of the other packets, whatever their time base; in
            # the video's time base that comparison is right (in ms it aborted).
            self._subtitles.time_base = next(
                s.time_base for s in self._streams if s.type == "video")
        except (av.FFmpegError, ValueError) as e:
            raise ClipError(f"cannot start clip: {e}") from e
        self._subtitles_end_ms = 0
        # The muxer's own blanks go at the track's duration counted from its first sample;
        # unless that first sample is at 0 they land before earlier samples and it aborts.
        self._write_subtitle_sample(0, 1, b"")
        self._held: collections.deque[tuple[int, av.Packet]] = collections.deque()
        self._muxed_until_ms = -1

    @property
    def origin_ns(self) -> int:
        return self._origin_ns

    @property
    def tally(self) -> ClipTally:
        """Counts so far (frames per track, cue events, bytes handed to the file object)."""
        self._tally.cues = self._cues.events
        self._tally.bytes_written = self._sink.bytes_written
        return self._tally

    def write(self, packet: EncodedPacket) -> None:
        index = packet.track
        if packet.pts_ns < self._origin_ns:
            return
        if not self._started[index]:
            if not packet.keyframe:
                return  # a video track joins the clip on its first keyframe
            self._started[index] = True
        dts = packet.dts_ns - self._origin_ns
        if self._last_dts[index] is not None and dts <= self._last_dts[index]:
            log.warning("dropping out-of-order packet on track %d (dts %d)", index, dts)
            return
        self._last_dts[index] = dts
        av_packet = av.Packet(packet.data)
        av_packet.stream = self._streams[index]
        av_packet.time_base = CLIP_TIME_BASE
        av_packet.pts, av_packet.dts = packet.pts_ns - self._origin_ns, dts
        av_packet.duration = packet.duration_ns
        av_packet.is_keyframe = packet.keyframe
        self._held.append((dts // NS_PER_MS, av_packet))
        tally = self._tally.tracks[index]
        tally.frames += 1
        tally.first_ns = packet.pts_ns if tally.first_ns is None else tally.first_ns
        tally.end_ns = max(tally.end_ns or 0, packet.pts_ns + packet.duration_ns)
        if self._tracks[index].kind is TrackKind.VIDEO:
            for cue in self._cues.due(dts // NS_PER_MS):
                self._write_cue(cue)
        self._release()

    def add_cue(self, mono_ns: int, text: str) -> None:
        """A journal line shown from `mono_ns` on (see `cues` for how bursts are merged).

        An event older than media already written is shown just after that media.
        """
        at_ms = max((mono_ns - self._origin_ns) // NS_PER_MS, self._muxed_until_ms + 1,
                    self._subtitles_end_ms + CUE_GAP_MS)
        for cue in self._cues.add(at_ms, text):
            self._write_cue(cue)
        self._release()

    def finish(self) -> ClipTally:
        """Write the last cue and the trailer. The caller's file object stays open."""
        ends = [t.end_ns for t in self._tally.tracks if t.end_ns is not None]
        end_ms = (max(ends) - self._origin_ns) // NS_PER_MS if ends else 0
        for cue in self._cues.close(end_ms):
            self._write_cue(cue)
        self._release()
        try:
            self._container.close()
        except av.FFmpegError as e:
            raise ClipError(f"cannot finish clip: {e}") from e
        return self.tally

    def _write_cue(self, cue: Cue) -> None:
        text = cue.text.encode("utf-8")[:MAX_CUE_BYTES].decode("utf-8", "ignore").encode("utf-8")
        self._write_subtitle_sample(cue.start_ms, cue.duration_ms, text)
        # The file stores a sample's length as the distance to the next sample: without a
        # blank at its end, a cue would last until the next one.
        self._write_subtitle_sample(cue.end_ms, 1, b"")

    def _write_subtitle_sample(self, start_ms: int, duration_ms: int, text: bytes) -> None:
        # mov_text sample: 16-bit big-endian length, then UTF-8 text (empty = blank).
        av_packet = av.Packet(len(text).to_bytes(2, "big") + text)
        av_packet.stream = self._subtitles
        av_packet.time_base = CUE_TIME_BASE
        av_packet.pts = av_packet.dts = start_ms
        av_packet.duration = duration_ms
        self._mux(av_packet)
        self._subtitles_end_ms = start_ms + duration_ms

    def _release(self) -> None:
        """Mux held media that no waiting cue can precede."""
        limit = self._cues.pending_start_ms
        while self._held and (limit is None or self._held[0][0] < limit):
            dts_ms, av_packet = self._held.popleft()
            if (av_packet.is_keyframe and av_packet.stream.type == "video"
                    and dts_ms - 1 > self._subtitles_end_ms):
                self._write_subtitle_sample(dts_ms - 1, 1, b"")
            self._mux(av_packet)
            self._muxed_until_ms = max(self._muxed_until_ms, dts_ms)

    def _mux(self, av_packet: av.Packet) -> None:
        try:
            self._container.mux(av_packet)
        except (av.FFmpegError, OSError) as e:
            raise ClipError(f"cannot write clip packet: {e}") from e
