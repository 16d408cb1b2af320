"""Encode once: BGR frames to H.264 (libx264 or a hardware encoder) and int16 PCM to AAC, as
monotonic-timed packets.

Each encoder runs continuously for the life of the recorder; clips are cut from its packet
stream, never re-encoded. The encoders own a PyAV "template" stream whose codec parameters
every clip copies, so a clip never opens an encoder of its own.
"""
from __future__ import annotations

import logging
from fractions import Fraction

import av
import cv2
import numpy as np
from av.video.frame import PictureType

from posdesk.recording.media.errors import EncoderError
from posdesk.recording.media.frames import (
    AudioChunk, EncodedPacket, TrackInfo, TrackKind, VideoFrame, WatermarkMode,
)
from posdesk.recording.media.pacing import NS_PER_S
from posdesk.recording.media.templates import template_container
from posdesk.recording.media.video_settings import SOFTWARE_ENCODER, VideoSettings

log = logging.getLogger(__name__)

#: Video encoder time base: the MPEG 90 kHz clock.
VIDEO_TIME_BASE = Fraction(1, 90_000)
#: Samples per AAC frame (fixed by the codec).
AAC_FRAME_SAMPLES = 1024
#: Pixel formats the encoder may be fed, in order of preference (hardware encoders that
#: take frames from system memory want NV12).
_PIXEL_FORMATS = ("yuv420p", "nv12")


class VideoEncoder:
    """H.264 encoder for one camera; `encode()` takes a frame and returns finished packets."""

    def __init__(
        self,
        width: int,
        height: int,
        fps: float = 30.0,
        *,
        track: int = 0,
        name: str = "cashier",
        codec: str = SOFTWARE_ENCODER,
        settings: VideoSettings | None = None,
        watermark: WatermarkMode = WatermarkMode.BURNT_IN,
    ):
        if width % 2 or height % 2:
            raise EncoderError(f"H.264 4:2:0 needs even sizes, got {width}x{height}")
        settings = settings or VideoSettings()
        self.track = track
        self.codec = codec
        self._width, self._height = width, height
        self._period_ns = round(NS_PER_S / fps)
        self._keyframe_interval_ns = int(settings.keyframe_interval_s * NS_PER_S)
        if codec not in av.codecs_available:
            raise EncoderError(f"{codec} is not in this FFmpeg build")
        self._container = template_container()
        try:
            stream = self._container.add_stream(codec, rate=Fraction(fps).limit_denominator(1001))
            formats = [f.name for f in stream.codec_context.codec.video_formats or []]
            self._pix_fmt = next((f for f in _PIXEL_FORMATS if f in formats), "yuv420p")
            stream.width, stream.height, stream.pix_fmt = width, height, self._pix_fmt
            ctx = stream.codec_context
            ctx.time_base = VIDEO_TIME_BASE
            ctx.gop_size = max(1, round(fps * settings.keyframe_interval_s))
            ctx.options = settings.options_for(codec)
            ctx.open()
            self._container.start_encoding()
        except (av.FFmpegError, ValueError) as e:
            why = getattr(e, "strerror", None) or e  # without the option dump PyAV appends
            raise EncoderError(f"cannot open {codec} {width}x{height}@{fps}: {why}") from e
        self._ctx = ctx
        self.info = TrackInfo(TrackKind.VIDEO, "h264", name, width=width, height=height,
                              fps=float(fps), watermark=watermark, template=stream)
        self._origin_ns: int | None = None
        self._last_pts = -1
        self._last_keyframe_ns: int | None = None
        self.frames_in = 0

    def encode(self, frame: VideoFrame) -> list[EncodedPacket]:
        image = frame.image
        if image.shape[:2] != (self._height, self._width):
            image = cv2.resize(image, (self._width, self._height), interpolation=cv2.INTER_AREA)
        if self._origin_ns is None:
            self._origin_ns = frame.mono_ns
        pts = (frame.mono_ns - self._origin_ns) * VIDEO_TIME_BASE.denominator // NS_PER_S
        if pts <= self._last_pts:
            # Two captures inside one 90 kHz tick (or a clock step back): keep pts increasing.
            pts = self._last_pts + 1
        self._last_pts = pts
        # The converted array is new for each frame, so the frame may wrap it uncopied.
        picture = av.VideoFrame.from_numpy_buffer(
            cv2.cvtColor(image, cv2.COLOR_BGR2YUV_I420), format="yuv420p")
        if self._pix_fmt != "yuv420p":
            picture = picture.reformat(format=self._pix_fmt)
        picture.pts, picture.time_base = pts, VIDEO_TIME_BASE
        # x264 places a keyframe every `gop_size` frames; a camera running slower than its
        # nominal rate would stretch that past the interval, so force one by time as well
        # (half a period early, so both rules pick the same frame at the nominal rate).
        if (self._last_keyframe_ns is None or frame.mono_ns - self._last_keyframe_ns
                >= self._keyframe_interval_ns - self._period_ns // 2):
            picture.pict_type = PictureType.I
            # Counted from the input: with look-ahead the keyframe packet comes out frames
            # later, and waiting for it would force the frames in between as well.
            self._last_keyframe_ns = frame.mono_ns
        self.frames_in += 1
        try:
            packets = self._convert(self._ctx.encode(picture))
        except av.FFmpegError as e:
            raise EncoderError(f"{self.codec} rejected frame {self.frames_in}: {e}") from e
        for packet in packets:
            if packet.keyframe and packet.pts_ns > (self._last_keyframe_ns or -1):
                self._last_keyframe_ns = packet.pts_ns  # one x264 placed itself
        return packets

    def flush(self) -> list[EncodedPacket]:
        """Drain the encoder at the end of recording; it cannot be used afterwards."""
        try:
            return self._convert(self._ctx.encode(None))
        except av.FFmpegError as e:
            raise EncoderError(f"cannot drain {self.codec}: {e}") from e

    def _convert(self, packets: list[av.Packet]) -> list[EncodedPacket]:
        origin = self._origin_ns or 0
        scale = VIDEO_TIME_BASE.denominator
        return [
            EncodedPacket(self.track, bytes(p), origin + p.pts * NS_PER_S // scale,
                          origin + p.dts * NS_PER_S // scale, self._period_ns, p.is_keyframe)
            for p in packets
        ]


class AudioEncoder:
    """AAC encoder fed with int16 chunks of any length; its clock follows the samples.

    48 kb/s mono AAC-LC carries counter speech clearly; at 96 kb/s the sound was over a
    third of a calm counter's clip.

    The first chunk anchors sample 0 to its monotonic time. If a chunk arrives more than
    `resync_ns` away from where the sample count says it should be (a gap in capture),
    the timeline jumps to the chunk's own time, so audio stays within that of the picture.
    """

    def __init__(
        self,
        sample_rate: int = 48_000,
        channels: int = 1,
        *,
        track: int = 1,
        name: str = "counter microphone",
        bit_rate: int = 48_000,
        resync_ns: int = 200_000_000,
    ):
        self.track = track
        self.sample_rate, self.channels = sample_rate, channels
        self._resync_ns = resync_ns
        self._container = template_container()
        stream = self._container.add_stream("aac", rate=sample_rate)
        ctx = stream.codec_context
        ctx.layout = "mono" if channels == 1 else "stereo"
        ctx.bit_rate = bit_rate
        ctx.time_base = Fraction(1, sample_rate)
        try:
            ctx.open()
            self._container.start_encoding()
        except av.FFmpegError as e:
            raise EncoderError(f"cannot open AAC {sample_rate} Hz x{channels}: {e}") from e
        self._ctx = ctx
        self.info = TrackInfo(TrackKind.AUDIO, "aac", name, sample_rate=sample_rate,
                              channels=channels, template=stream)
        self._origin_ns: int | None = None
        self._pending = np.zeros((0, channels), np.float32)
        self._pending_start = 0  # sample number of self._pending[0]

    def encode(self, chunk: AudioChunk) -> list[EncodedPacket]:
        if chunk.sample_rate != self.sample_rate or chunk.pcm.shape[1] != self.channels:
            raise EncoderError(
                f"audio chunk is {chunk.sample_rate} Hz x{chunk.pcm.shape[1]}, "
                f"encoder wants {self.sample_rate} Hz x{self.channels}")
        if self._origin_ns is None:
            self._origin_ns = chunk.mono_ns
        expected = self._pending_start + len(self._pending)
        actual = (chunk.mono_ns - self._origin_ns) * self.sample_rate // NS_PER_S
        out: list[EncodedPacket] = []
        if abs(actual - expected) * NS_PER_S // self.sample_rate > self._resync_ns and actual > expected:
            out += self._encode_pending(pad=True)
            self._pending_start = actual
        samples = chunk.pcm.astype(np.float32) / 32768.0
        self._pending = np.concatenate([self._pending, samples])
        return out + self._encode_pending(pad=False)

    def flush(self) -> list[EncodedPacket]:
        """Encode what is left (padded with silence) and drain the encoder."""
        out = self._encode_pending(pad=True)
        try:
            return out + self._convert(self._ctx.encode(None))
        except av.FFmpegError as e:
            raise EncoderError(f"cannot drain AAC encoder: {e}") from e

    def _encode_pending(self, *, pad: bool) -> list[EncodedPacket]:
        if pad and len(self._pending) % AAC_FRAME_SAMPLES:
            silence = AAC_FRAME_SAMPLES - len(self._pending) % AAC_FRAME_SAMPLES
            self._pending = np.concatenate(
                [self._pending, np.zeros((silence, self.channels), np.float32)])
        out: list[EncodedPacket] = []
        while len(self._pending) >= AAC_FRAME_SAMPLES:
            block, self._pending = np.split(self._pending, [AAC_FRAME_SAMPLES])
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(block.T), format="fltp",
                                               layout=self._ctx.layout.name)
            frame.sample_rate = self.sample_rate
            frame.pts, frame.time_base = self._pending_start, Fraction(1, self.sample_rate)
            self._pending_start += AAC_FRAME_SAMPLES
            try:
                out += self._convert(self._ctx.encode(frame))
            except av.FFmpegError as e:
                raise EncoderError(f"AAC encoder rejected audio: {e}") from e
        return out

    def _convert(self, packets: list[av.Packet]) -> list[EncodedPacket]:
        origin, rate = self._origin_ns or 0, self.sample_rate
        return [
            EncodedPacket(self.track, bytes(p), origin + p.pts * NS_PER_S // rate,
                          origin + p.dts * NS_PER_S // rate,
                          (p.duration or AAC_FRAME_SAMPLES) * NS_PER_S // rate, True)
            for p in packets
        ]
