"""Pass-through for cameras that already send H.264 (RTSP, files): remux, never re-encode.

Packets are re-timed onto the monotonic clock and go into clips as they are; only
keyframes are decoded, and only when a preview is wanted, so a pass-through camera costs
almost no CPU. Its pictures carry no burnt-in watermark: the clip's journal subtitle track
identifies it instead.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Callable

import av

from posdesk.recording.media.errors import SourceUnavailable
from posdesk.recording.media.frames import (
    EncodedPacket, TrackInfo, TrackKind, VideoFrame, WatermarkMode,
)
from posdesk.recording.media.pacing import NS_PER_S
from posdesk.recording.media.templates import detached_template

log = logging.getLogger(__name__)

#: RTSP over TCP: no lost UDP packets turning into broken pictures.
RTSP_OPTIONS: dict[str, str] = {"rtsp_transport": "tcp"}


@dataclass(frozen=True)
class PassThroughRead:
    packets: list[EncodedPacket]
    preview: VideoFrame | None = None


class PassThroughSource:
    """Demuxes the first H.264 video stream of `url` as track number `track`.

    `live=True` paces a file to its own timestamps (a network stream paces itself).
    Blocking: `read()` waits for the network, so call it from a capture thread.
    """

    def __init__(
        self,
        url: str,
        *,
        track: int = 0,
        name: str = "network camera",
        live: bool = True,
        preview: bool = True,
        open_timeout_s: float = 5.0,
        clock: Callable[[], int] = time.monotonic_ns,
    ):
        self.track = track
        self._url, self._live, self._clock = url, live, clock
        options = dict(RTSP_OPTIONS) if url.startswith("rtsp") else {}
        try:
            self._container = av.open(url, "r", options=options, timeout=open_timeout_s)
        except (av.FFmpegError, OSError) as e:
            raise SourceUnavailable(f"cannot open camera stream {url}: {e}") from e
        streams = [s for s in self._container.streams.video if s.codec_context.name == "h264"]
        if not streams:
            self._container.close()
            raise SourceUnavailable(f"{url} has no H.264 video to pass through")
        self._stream = streams[0]
        ctx = self._stream.codec_context
        rate = self._stream.average_rate or self._stream.guessed_rate
        self.info = TrackInfo(TrackKind.VIDEO, "h264", name, width=ctx.width, height=ctx.height,
                              fps=float(rate or 0), watermark=WatermarkMode.SUBTITLE_TRACK,
                              template=detached_template(self._stream))
        self._preview_decoder = None
        if preview:
            self._preview_decoder = av.CodecContext.create("h264", "r")
            self._preview_decoder.extradata = ctx.extradata
            self._preview_decoder.skip_frame = "NONKEY"
            self._preview_decoder.thread_count = 1
        self._demuxer = self._container.demux(self._stream)
        self._first: tuple[int, int] | None = None  # (pts, mono_ns)
        self._period_ns = round(NS_PER_S / float(rate)) if rate else 0

    def read(self) -> PassThroughRead | None:
        """The next packet (and a preview picture if it was a keyframe); None at the end."""
        try:
            packet = next(self._demuxer)
        except StopIteration:
            return None
        except av.FFmpegError as e:
            raise SourceUnavailable(f"camera stream {self._url} failed: {e}") from e
        if packet.pts is None or packet.size == 0:
            return PassThroughRead([])
        if self._first is None:
            self._first = (packet.pts, self._clock())
        first_pts, first_ns = self._first
        time_base = packet.time_base
        to_ns = lambda ticks: first_ns + int((ticks - first_pts) * time_base * NS_PER_S)  # noqa: E731
        pts_ns = to_ns(packet.pts)
        if self._live:
            wait_ns = pts_ns - self._clock()
            if wait_ns > 0:
                time.sleep(wait_ns / NS_PER_S)
        encoded = EncodedPacket(
            self.track, bytes(packet), pts_ns,
            to_ns(packet.dts if packet.dts is not None else packet.pts),
            int((packet.duration or 0) * time_base * NS_PER_S) or self._period_ns,
            packet.is_keyframe)
        return PassThroughRead([encoded], self._decode_preview(packet, pts_ns))

    def close(self) -> None:
        self._container.close()

    def _decode_preview(self, packet: av.Packet, pts_ns: int) -> VideoFrame | None:
        if self._preview_decoder is None or not packet.is_keyframe:
            return None
        try:
            # Drain at once: with B-frames the decoder would otherwise hold keyframes back
            # for reordering, and the preview would lag by seconds.
            frames = self._preview_decoder.decode(packet) + self._preview_decoder.decode(None)
        except av.FFmpegError as e:
            log.info("preview decode of %s failed: %s", self._url, e)
            return None
        finally:
            self._preview_decoder.flush_buffers()
        return VideoFrame(frames[-1].to_ndarray(format="bgr24"), pts_ns) if frames else None
