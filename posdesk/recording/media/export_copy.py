"""A decrypted, watermarked copy of a clip for people without age: who exported it and when
is burnt into every picture, and the sale is written into the MP4's metadata.

The picture is re-encoded (the text must be in the pixels, where no player can hide it);
the sound is copied packet by packet. The sealed clip stays the evidence: this copy is a
convenience, and says so in its metadata.
"""
from __future__ import annotations

import io
import logging
from fractions import Fraction
from typing import Mapping

import av
import cv2

from .errors import MediaError
from .reader import open_clip

log = logging.getLogger(__name__)

#: Time base of the copy's pictures (the MPEG 90 kHz clock).
TICKS = 90000
#: Text colour (RGB) of the export mark.
MARK_RGB = (255, 255, 0)


def _burn(image, text: str) -> None:  # type: ignore[no-untyped-def]
    height, width = image.shape[:2]
    scale = max(0.35, height / 720 * 0.7)
    thickness = max(1, round(scale * 2))
    (w, h), baseline = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, scale, thickness)
    pad = max(2, h // 3)
    top = height - h - baseline - 2 * pad
    box = image[top:height, 0:min(width, w + 2 * pad)]
    box //= 3
    cv2.putText(image, text, (pad, height - baseline - pad), cv2.FONT_HERSHEY_SIMPLEX, scale,
                MARK_RGB, thickness, cv2.LINE_AA)


def watermarked_mp4(plain: bytes, *, text: str, metadata: Mapping[str, str]) -> bytes:
    """An MP4 of `plain` (a decrypted clip) with `text` in every picture and `metadata` set.

    The text is drawn with a Latin font: characters it lacks become "?".
    """
    ascii_text = text.encode("ascii", "replace").decode("ascii")
    source = open_clip(plain)
    out = io.BytesIO()
    target = av.open(out, "w", format="mp4")
    try:
        for key, value in metadata.items():
            target.metadata[key] = value
        pairs = {}
        for stream in source.streams:
            if stream.type == "video":
                rate = stream.average_rate or stream.guessed_rate or Fraction(15)
                encoded = target.add_stream("libx264", rate=rate)
                encoded.codec_context.time_base = Fraction(1, TICKS)
                encoded.width, encoded.height = stream.codec_context.width, stream.codec_context.height
                encoded.pix_fmt = "yuv420p"
                encoded.codec_context.options = {"preset": "veryfast", "crf": "23"}
                pairs[stream.index] = encoded
            elif stream.type == "audio":
                pairs[stream.index] = target.add_stream_from_template(stream)
        # A cut-off or recovered clip can repeat a timestamp; the muxer refuses those.
        last: dict[int, int] = {}
        for packet in source.demux(*[s for s in source.streams if s.index in pairs]):
            out_stream = pairs[packet.stream.index]
            if packet.stream.type == "audio":
                if packet.dts is None or packet.dts <= last.get(packet.stream.index, -1):
                    continue
                last[packet.stream.index] = packet.dts
                packet.stream = out_stream
                target.mux(packet)
                continue
            try:
                frames = packet.decode()
            except (av.FFmpegError, ValueError) as e:
                log.info("skipping a damaged packet: %s", e)
                continue
            for frame in frames:
                # Kept to the 90 kHz tick, so a camera's jitter never merges two
                # pictures; the muxer wants strictly rising times.
                pts = round((frame.time or 0.0) * TICKS)
                if pts <= last.get(packet.stream.index, -1):
                    continue
                last[packet.stream.index] = pts
                image = frame.to_ndarray(format="rgb24")
                _burn(image, ascii_text)
                new = av.VideoFrame.from_ndarray(image, format="rgb24")
                new.pts, new.time_base = pts, Fraction(1, TICKS)
                target.mux(out_stream.encode(new))
        for stream in pairs.values():
            if stream.type == "video":
                target.mux(stream.encode(None))
    except av.FFmpegError as e:
        raise MediaError(f"cannot make the decrypted copy: {e}") from e
    finally:
        target.close()
        source.close()
    return out.getvalue()
