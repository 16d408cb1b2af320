"""Viewer playback: time to the first picture after opening a 2-minute clip, and seek time.

Makes a sealed 2-minute clip like the recorder's (fragmented MP4, H.264 1280x720 at 30 fps
with a keyframe every second, AAC sound, age-sealed), then measures through the viewer's
own parts: decrypting in memory and opening it in the player engine until the engine hands
out its first picture; and 50 random seeks, each until the picture at the target arrives.
Targets (issue 11): first picture <= 300 ms, seek p95 <= 150 ms.

Usage: python bench/viewer.py [--seconds 120] [--seeks 50]
"""
from __future__ import annotations

import argparse
import io
import json
import random
import statistics
import sys
import threading
import time
from fractions import Fraction

import av
import numpy as np

from posdesk.recording.age import AgeWriter, X25519Identity, decrypt_bytes
from posdesk.services.viewer_player import PlayerEngine

FIRST_FRAME_TARGET_MS = 300.0
SEEK_P95_TARGET_MS = 150.0
WIDTH, HEIGHT, FPS = 1280, 720, 30
#: The recorder's container options (recording/media/clipwriter.py).
MP4_OPTIONS = {"movflags": "frag_keyframe+empty_moov+default_base_moof", "frag_duration": "1000000"}


def make_clip(seconds: int) -> bytes:
    """A fragmented MP4 of moving colour bars and a tone, in memory."""
    out = io.BytesIO()
    container = av.open(out, "w", format="mp4", options=MP4_OPTIONS)
    video = container.add_stream("libx264", rate=FPS)
    video.width, video.height, video.pix_fmt = WIDTH, HEIGHT, "yuv420p"
    video.codec_context.gop_size = FPS
    video.codec_context.options = {"preset": "ultrafast", "tune": "zerolatency"}
    audio = container.add_stream("aac", rate=48000)
    audio.layout = "mono"
    base = np.zeros((HEIGHT, WIDTH, 3), np.uint8)
    for i in range(8):
        base[:, i * WIDTH // 8:(i + 1) * WIDTH // 8] = ((i * 37) % 256, (i * 91) % 256, (i * 53) % 256)
    samples = 1024
    tone = (np.sin(np.arange(samples) * 2 * np.pi * 440 / 48000) * 8000).astype(np.int16)
    audio_pts = 0
    for n in range(seconds * FPS):
        image = np.roll(base, n * 8, axis=1)
        image[40:80, (n * 4) % WIDTH:(n * 4) % WIDTH + 40] = 255
        frame = av.VideoFrame.from_ndarray(image, format="rgb24")
        frame.pts, frame.time_base = n, Fraction(1, FPS)
        for packet in video.encode(frame):
            container.mux(packet)
        while audio_pts < (n + 1) * 48000 // FPS:
            a = av.AudioFrame.from_ndarray(tone.reshape(1, -1), format="s16", layout="mono")
            a.sample_rate, a.pts, a.time_base = 48000, audio_pts, Fraction(1, 48000)
            for packet in audio.encode(a):
                container.mux(packet)
            audio_pts += samples
    for stream in (video, audio):
        for packet in stream.encode(None):
            container.mux(packet)
    container.close()
    return out.getvalue()


def seal(plain: bytes, identity: X25519Identity) -> bytes:
    out = io.BytesIO()
    writer = AgeWriter(out, [identity.recipient()])
    writer.write(plain)
    writer.finish()
    return out.getvalue()


class Probe:
    """Waits for the engine's next picture at or after a time."""

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.last: float | None = None
        self.opened = False

    def on_opened(self, _duration: float, _tracks: tuple[int, ...]) -> None:
        with self.cond:
            self.opened = True

    def on_pictures(self, pictures: list, position_s: float) -> None:
        with self.cond:
            if pictures:
                self.last = position_s
                self.cond.notify_all()

    def wait(self, timeout: float = 10.0) -> float:
        with self.cond:
            if not self.cond.wait_for(lambda: self.last is not None, timeout):
                raise TimeoutError("no picture")
            last, self.last = self.last, None
            return last


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--seconds", type=int, default=120)
    p.add_argument("--seeks", type=int, default=50)
    args = p.parse_args()
    identity = X25519Identity.generate()
    print(f"encoding a {args.seconds} s clip...", file=sys.stderr)
    sealed = seal(make_clip(args.seconds), identity)
    probe = Probe()
    engine = PlayerEngine(on_opened=probe.on_opened, on_pictures=probe.on_pictures,
                          on_ended=lambda: None, on_error=lambda e: print(e, file=sys.stderr))
    try:
        t0 = time.perf_counter()
        engine.open(decrypt_bytes(sealed, [identity]))
        probe.wait()
        first_ms = (time.perf_counter() - t0) * 1000
        rnd = random.Random(3)
        times = []
        for _ in range(args.seeks):
            target = rnd.uniform(0, args.seconds - 0.5)
            t0 = time.perf_counter()
            engine.seek(target)
            probe.wait()
            times.append((time.perf_counter() - t0) * 1000)
    finally:
        engine.close()
    p95 = statistics.quantiles(times, n=20)[18]
    figures = [("viewer_first_picture_ms", first_ms, FIRST_FRAME_TARGET_MS),
               ("viewer_seek_p95_ms", p95, SEEK_P95_TARGET_MS)]
    for name, value, target in figures:
        print(json.dumps({"figure": name, "value": round(value, 1), "target": target,
                          "ok": value <= target}))
    return 0 if all(v <= t for _, v, t in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
