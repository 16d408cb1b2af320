"""Random access to a decrypted clip held in memory: the pictures at a time, and onward.

The viewer decodes with PyAV straight from the bytes (never from a file: the plaintext must
not touch the disk). A seek jumps to the keyframe before the target on the first video
track and decodes forward until every video track has its picture at the target, so the
picture shown is the one that was on screen at that second, not the nearest keyframe.
"""
from __future__ import annotations

import logging
from typing import Iterator

import av
import numpy as np

from posdesk.core.picture import Picture

from .errors import MediaError
from .reader import open_clip

log = logging.getLogger(__name__)


class ClipPlayback:
    """One open clip; not thread-safe (one decoding thread owns it)."""

    def __init__(self, data: bytes):
        self._container = open_clip(data)
        self._video = [s for s in self._container.streams if s.type == "video"]
        if not self._video:
            raise MediaError("the clip has no picture")
        for stream in self._video:
            stream.thread_type = "AUTO"
        self.tracks = tuple(s.index for s in self._video)
        self.duration_s = self._duration()
        self._frames: Iterator[tuple[int, av.VideoFrame]] | None = None
        rate = self._video[0].average_rate or self._video[0].guessed_rate
        #: Seconds between two pictures of the first track (frame step).
        self.frame_s = float(1 / rate) if rate else 1 / 15

    def _duration(self) -> float:
        if self._container.duration:
            return self._container.duration / av.time_base
        longest = [float(s.duration * s.time_base) for s in self._video if s.duration]
        return max(longest, default=0.0)

    def pictures(self) -> Iterator[Picture]:
        """Pictures of every video track in decoding order from the current position."""
        if self._frames is None:
            self._frames = self._decode()
        return (_picture(track, frame) for track, frame in self._frames)

    def seek(self, time_s: float) -> list[Picture]:
        """Jump to `time_s`; the picture of each video track showing at that time."""
        target = max(0.0, time_s)
        limit = target + self.frame_s * 0.4  # the picture on screen at `target`
        first = self._video[0]
        try:
            self._container.seek(int(target / first.time_base), stream=first, backward=True)
        except (av.FFmpegError, ValueError) as e:
            log.info("seek to %.3f s failed (%s); decoding from the start", target, e)
            self._container.seek(0)
        frames = self._decode()
        # Frames stay in YUV until chosen: converting the up to one second of pictures
        # decoded from the keyframe would cost more than decoding them.
        latest: dict[int, av.VideoFrame] = {}
        ahead: tuple[int, av.VideoFrame] | None = None
        for track, frame in frames:
            time_s = float(frame.time or 0.0)
            if time_s > limit and len(latest) == len(self.tracks):
                ahead = (track, frame)  # the next one to show: handed out first by `pictures()`
                break
            if time_s <= limit or track not in latest:
                latest[track] = frame
        self._frames = _prepend(ahead, frames)
        return [_picture(t, latest[t]) for t in self.tracks if t in latest]

    def thumbnail(self, width: int = 160) -> Picture | None:
        """The clip's first picture scaled to `width`; None if none decodes."""
        try:
            for frame in self._container.decode(self._video[0]):
                height = max(2, round(frame.height * width / frame.width) // 2 * 2)
                small = frame.reformat(width=width, height=height, format="rgb24")
                return Picture(self.tracks[0], float(frame.time or 0.0), width, height,
                               small.to_ndarray().tobytes())
        except (av.FFmpegError, ValueError) as e:
            log.info("no thumbnail: %s", e)
        return None

    def _decode(self) -> Iterator[tuple[int, av.VideoFrame]]:
        demuxer = self._container.demux(*self._video)
        while True:
            try:
                packet = next(demuxer)
            except StopIteration:
                return
            except (av.FFmpegError, ValueError) as e:
                log.info("clip ends early: %s", e)
                return
            try:
                frames = packet.decode()
            except (av.FFmpegError, ValueError) as e:
                log.info("damaged packet on track %d: %s", packet.stream.index, e)
                continue
            for frame in frames:
                yield packet.stream.index, frame

    def close(self) -> None:
        self._container.close()


def _picture(track: int, frame: av.VideoFrame) -> Picture:
    return Picture(track, float(frame.time or 0.0), frame.width, frame.height,
                   frame.to_ndarray(format="rgb24").tobytes())


Decoded = tuple[int, av.VideoFrame]


def _prepend(first: Decoded | None, rest: Iterator[Decoded]) -> Iterator[Decoded]:
    if first is not None:
        yield first
    yield from rest


def picture_png(picture: Picture) -> bytes:
    """The picture as a PNG file (for stills and the report), encoded by FFmpeg's PNG coder."""
    image = np.frombuffer(picture.rgb, np.uint8).reshape(picture.height, picture.width, 3)
    frame = av.VideoFrame.from_ndarray(image, format="rgb24")
    codec = av.CodecContext.create("png", "w")
    codec.width, codec.height, codec.pix_fmt = picture.width, picture.height, "rgb24"
    return b"".join(bytes(p) for p in [*codec.encode(frame), *codec.encode(None)])


def decode_sound(data: bytes, *, sample_rate: int = 48_000) -> np.ndarray | None:
    """The clip's first sound track as mono int16 samples at `sample_rate`, or None."""
    try:
        container = open_clip(data)
    except MediaError:
        return None
    try:
        streams = [s for s in container.streams if s.type == "audio"]
        if not streams:
            return None
        resampler = av.AudioResampler(format="s16", layout="mono", rate=sample_rate)
        parts = []
        try:
            for frame in container.decode(streams[0]):
                parts += [f.to_ndarray().reshape(-1) for f in resampler.resample(frame)]
        except (av.FFmpegError, ValueError) as e:
            log.info("sound ends early: %s", e)
        parts += [f.to_ndarray().reshape(-1) for f in resampler.resample(None)]
        return np.concatenate(parts).astype(np.int16) if parts else None
    finally:
        container.close()
