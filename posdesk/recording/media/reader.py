"""Reading a clip back from its decrypted bytes, for tests and the viewer.

Works on a truncated prefix too: decode errors are caught per packet, so a clip cut off
by a power failure yields every frame up to its last complete fragment.
"""
from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from typing import Iterator

import av
import numpy as np

from posdesk.recording.media.errors import MediaError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TrackSummary:
    index: int
    kind: str
    codec: str
    width: int = 0
    height: int = 0
    sample_rate: int = 0


@dataclass(frozen=True)
class DecodedFrame:
    """A decoded picture or audio frame; `time_s` is seconds from the clip's start."""

    track: int
    kind: str
    time_s: float
    image: np.ndarray | None = None
    samples: int = 0


@dataclass(frozen=True)
class ClipCue:
    start_s: float
    end_s: float
    text: str


@dataclass
class ClipContents:
    tracks: list[TrackSummary]
    frames: list[DecodedFrame] = field(default_factory=list)
    cues: list[ClipCue] = field(default_factory=list)
    damaged_packets: int = 0

    def frames_of(self, track: int) -> list[DecodedFrame]:
        return [f for f in self.frames if f.track == track]


def open_clip(data: bytes) -> av.container.InputContainer:
    """PyAV's demuxer over clip bytes held in memory; `MediaError` if they are no MP4."""
    try:
        return av.open(io.BytesIO(data), "r", format="mp4")
    except (av.FFmpegError, ValueError) as e:
        raise MediaError(f"not a readable clip ({len(data)} bytes): {e}") from e


class ClipReader:
    """Demuxes and decodes clip bytes; iterate `frames()` lazily or call `read_clip()`."""

    def __init__(self, data: bytes):
        self._container = open_clip(data)
        self.tracks = [
            TrackSummary(s.index, s.type, s.codec_context.name if s.codec_context else "",
                         getattr(s.codec_context, "width", 0) or 0,
                         getattr(s.codec_context, "height", 0) or 0,
                         getattr(s.codec_context, "sample_rate", 0) or 0)
            for s in self._container.streams
        ]
        self.cues: list[ClipCue] = []
        self.damaged_packets = 0

    def frames(self, *, images: bool = True) -> Iterator[DecodedFrame]:
        """Decoded frames in file order; cues are collected into `self.cues` on the way."""
        demuxer = self._container.demux()
        while True:
            try:
                packet = next(demuxer)
            except StopIteration:
                return
            except (av.FFmpegError, ValueError) as e:
                log.info("clip ends early: %s", e)
                self.damaged_packets += 1
                return
            stream = packet.stream
            if stream.type == "subtitle":
                self._collect_cue(packet)
                continue
            if stream.type not in ("video", "audio"):
                continue
            try:
                decoded = packet.decode()
            except (av.FFmpegError, ValueError) as e:
                log.info("damaged packet on track %d: %s", stream.index, e)
                self.damaged_packets += 1
                continue
            for frame in decoded:
                time_s = float(frame.time) if frame.time is not None else 0.0
                if stream.type == "video":
                    yield DecodedFrame(stream.index, "video", time_s,
                                       frame.to_ndarray(format="bgr24") if images else None)
                else:
                    yield DecodedFrame(stream.index, "audio", time_s, samples=frame.samples)

    def close(self) -> None:
        self._container.close()

    def _collect_cue(self, packet: av.Packet) -> None:
        payload = bytes(packet)
        if len(payload) < 2 or packet.pts is None:
            return
        length = int.from_bytes(payload[:2], "big")
        if not length:
            return  # the muxer's empty filler samples between cues
        text = payload[2:2 + length].decode("utf-8", "replace")
        start = float(packet.pts * packet.time_base)
        self.cues.append(ClipCue(start, start + float((packet.duration or 0) * packet.time_base), text))


def read_clip(data: bytes, *, images: bool = False) -> ClipContents:
    """Everything in a (possibly truncated) clip: tracks, frames with times, cues."""
    reader = ClipReader(data)
    try:
        frames = list(reader.frames(images=images))
    finally:
        reader.close()
    return ClipContents(reader.tracks, frames, reader.cues, reader.damaged_packets)
