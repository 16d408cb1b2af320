"""The recorder's media loop in one object: watermark, encode once, preview, clips.

The recorder process owns one `MediaPipeline` and calls it from a single thread: push each
captured frame/chunk (or pass-through packet), open/cue/close clips as sale events arrive,
and collect finished clip facts and dropped-frame reports to journal. No threads inside.
"""
from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import BinaryIO, Protocol, Sequence

from posdesk.core.clock import Clock, SystemClock
from posdesk.core.i18n import QT_TRANSLATE_NOOP, Text
from posdesk.recording.media.clips import DEFAULT_POSTROLL_S, ClipFacts, ClipManager
from posdesk.recording.media.encoder import AudioEncoder, VideoEncoder
from posdesk.recording.media.errors import MediaError
from posdesk.recording.media.frames import (
    AudioChunk, EncodedPacket, TrackInfo, TrackKind, VideoFrame, WatermarkMode,
)
from posdesk.recording.media.motion import MotionGate, MotionSettings
from posdesk.recording.media.pacing import NS_PER_S
from posdesk.recording.media.preroll import DEFAULT_PREROLL_S
from posdesk.recording.media.preview import DEFAULT_PREVIEW_SIZE, PreviewFrame, PreviewTap
from posdesk.recording.media.watermark import Watermark

log = logging.getLogger(__name__)

#: A gap longer than this many frame periods means frames were lost before encoding.
DROP_GAP_PERIODS = 1.5


class Track(Protocol):
    """Anything that produces one track's packets: an encoder or a pass-through source."""

    track: int
    info: TrackInfo


@dataclass(frozen=True)
class DroppedFrames:
    """Frames of `track` that never reached the encoder, noticed at `mono_ns`."""

    track: int
    count: int
    mono_ns: int

    @property
    def text(self) -> Text:
        return QT_TRANSLATE_NOOP("Recording", "{count} frames lost on camera {track}").format(
            count=self.count, track=self.track + 1)


class MediaPipeline:
    """Tracks are numbered by their position in `tracks`; each must know its number."""

    def __init__(
        self,
        tracks: Sequence[Track],
        *,
        watermark: Watermark | None = None,
        preroll_s: float = DEFAULT_PREROLL_S,
        postroll_s: float = DEFAULT_POSTROLL_S,
        preview_size: tuple[int, int] = DEFAULT_PREVIEW_SIZE,
        motion: MotionSettings | None = None,
        clock: Clock | None = None,
    ):
        """Each encoder gets frames at its own rate, whatever the camera's; `motion` thins a
        still picture further (see `motion`), None never does."""
        for position, track in enumerate(tracks):
            if track.track != position:
                raise MediaError(f"track {track.info.name!r} is numbered {track.track}, "
                                 f"but is at position {position}")
        self._tracks = list(tracks)
        self._watermark = watermark
        self._clock = clock or SystemClock()
        burns_in = watermark is not None and watermark.enabled
        infos = [t.info if burns_in or t.info.watermark is not WatermarkMode.BURNT_IN
                 else dataclasses.replace(t.info, watermark=WatermarkMode.SUBTITLE_TRACK)
                 for t in tracks]
        self.clips = ClipManager(infos, preroll_s=preroll_s, postroll_s=postroll_s,
                                 clock=self._clock)
        self._previews = {t.track: PreviewTap(preview_size) for t in tracks
                          if t.info.kind is TrackKind.VIDEO}
        self._gates = {t.track: MotionGate(t.info.fps, motion) for t in tracks
                       if isinstance(t, VideoEncoder)}
        self._last_frame_ns: dict[int, int] = {}
        self._sale_numbers: dict[str, str] = {}
        self._finished: list[ClipFacts] = []
        self._drops: list[DroppedFrames] = []
        self.frames_dropped = 0

    # -- media in -----------------------------------------------------------------------

    def push_video(self, track: int, frame: VideoFrame) -> None:
        """Watermark, preview and encode one captured frame of an encoded video track.

        The watermark is drawn into `frame.image` itself and the preview keeps a reference
        to it: hand over a buffer the capture will not reuse.
        """
        encoder = self._tracks[track]
        if not isinstance(encoder, VideoEncoder):
            raise MediaError(f"track {track} does not encode video")
        self._check_gap(track, frame.mono_ns, encoder.info.fps)
        # Motion is judged before the watermark, whose clock changes every second.
        encode = self._gates[track].admit(frame.image, frame.mono_ns,
                                          sale_open=bool(self.clips.open_sales))
        # A clip past its post-roll is finished once the encoder hands out a frame from
        # beyond it: every frame the camera gives goes in then, so that comes soonest.
        encode = encode or self.clips.past_a_deadline(frame.mono_ns)
        if self._watermark is not None and self._watermark.enabled:
            self._watermark.apply(frame.image, sale_number=self._current_sale_number(),
                                  at=self._utc(frame.mono_ns))
        self._previews[track].offer(frame.image, frame.mono_ns)
        if encode:
            self._feed(encoder.encode(frame))

    def push_audio(self, chunk: AudioChunk) -> None:
        encoders = [t for t in self._tracks if isinstance(t, AudioEncoder)]
        if not encoders:
            raise MediaError("this pipeline records no audio")
        self._feed(encoders[0].encode(chunk))

    def push_packets(self, packets: Sequence[EncodedPacket]) -> None:
        """Packets that arrive encoded (pass-through cameras)."""
        self._feed(packets)

    def offer_preview(self, track: int, frame: VideoFrame) -> None:
        """A decoded picture of a pass-through track, for the preview only."""
        self._previews[track].offer(frame.image, frame.mono_ns)

    # -- sales --------------------------------------------------------------------------

    def open_clip(self, sale_id: str, fileobj: BinaryIO, *, at_ns: int | None = None,
                  sale_number: str | None = None) -> None:
        self.clips.open(sale_id, fileobj, at_ns)
        self._wake(at_ns)
        if sale_number:
            self._sale_numbers[sale_id] = sale_number

    def cue(self, sale_id: str, mono_ns: int, text: str) -> None:
        self.clips.cue(sale_id, mono_ns, text)
        self._wake(mono_ns)

    def close_clip(self, sale_id: str, *, at_ns: int | None = None) -> None:
        self.clips.close(sale_id, at_ns)
        self._wake(at_ns)
        self._sale_numbers.pop(sale_id, None)

    # -- results ------------------------------------------------------------------------

    def take_finished(self) -> list[ClipFacts]:
        """Clips whose post-roll has passed since the last call."""
        finished, self._finished = self._finished, []
        return finished

    def take_drops(self) -> list[DroppedFrames]:
        """Frame losses since the last call, to journal."""
        drops, self._drops = self._drops, []
        return drops

    def preview(self, track: int = 0) -> PreviewFrame | None:
        """The newest picture of `track`, downscaled; None before the first frame."""
        return self._previews[track].latest()

    def stop(self) -> list[ClipFacts]:
        """Drain the encoders and finish every clip; returns all facts not yet taken."""
        for track in self._tracks:
            if isinstance(track, (VideoEncoder, AudioEncoder)):
                self._feed(track.flush())
        self._finished += self.clips.finish_all()
        return self.take_finished()

    # -- inside -------------------------------------------------------------------------

    def _feed(self, packets: Sequence[EncodedPacket]) -> None:
        for packet in packets:
            self._finished += self.clips.feed(packet)

    def _check_gap(self, track: int, mono_ns: int, fps: float) -> None:
        last = self._last_frame_ns.get(track)
        self._last_frame_ns[track] = mono_ns
        if last is None or fps <= 0:
            return
        period_ns = NS_PER_S / fps
        gap = mono_ns - last
        if gap > DROP_GAP_PERIODS * period_ns:
            lost = round(gap / period_ns) - 1
            self.frames_dropped += lost
            self._drops.append(DroppedFrames(track, lost, mono_ns))
            self.clips.note_dropped_frames(lost)
            log.warning("%d frames lost on track %d before encoding", lost, track)

    def _wake(self, mono_ns: int | None) -> None:
        """A journal event: every camera back to full rate from its next frame."""
        at_ns = self._clock.now().mono_ns if mono_ns is None else mono_ns
        for gate in self._gates.values():
            gate.wake(at_ns)

    def _current_sale_number(self) -> str | None:
        # The newest open sale owns the picture; a sale in its post-roll no longer does.
        return next(reversed(self._sale_numbers.values()), None)

    def _utc(self, mono_ns: int) -> datetime:
        now = self._clock.now()
        return now.utc + timedelta(microseconds=(mono_ns - now.mono_ns) / 1000)
