"""The trade-off table of the README: size, CPU and watermark legibility per setting.

Each row encodes the same frames through the real pipeline (watermark, H.264, 48 kb/s AAC
tone, fragmented MP4) as fast as it goes, so CPU is CPU time per recorded second, not a
live figure. Two inputs: the shipped footage (a calm scene: one person) and a busier
mosaic made from it, since no busy real scene ships with the project: four quarters, each
the footage 35 s apart from the next, so four people move at once in finer detail. It is
still calmer than a busy real 720p scene (about 20 MB/min at the old settings against 36).

Usage: python bench/recording_tradeoffs.py [--seconds 30] [--footage FILE]. Prints a
Markdown table; it has no targets (bench/recording.py checks the defaults).
"""
from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import av

sys.path.insert(0, str(Path(__file__).parent))
from recording_common import (  # noqa: E402  (bench scripts import their siblings)
    AUDIO_BIT_RATE, FPS, HEIGHT, MOTION, SAMPLE_RATE, SETTINGS, WIDTH, cpu_seconds,
)
from recording_footage import SHIPPED_FOOTAGE, RecordingWatermark, read_frame  # noqa: E402

from posdesk.recording.media.encoder import AudioEncoder, VideoEncoder  # noqa: E402
from posdesk.recording.media.frames import VideoFrame  # noqa: E402
from posdesk.recording.media.pacing import NS_PER_S  # noqa: E402
from posdesk.recording.media.pipeline import MediaPipeline  # noqa: E402
from posdesk.recording.media.synthetic import ToneAudioSource  # noqa: E402
from posdesk.recording.media.video_settings import VideoSettings  # noqa: E402
from posdesk.recording.media.watermark import WatermarkSettings, text_match  # noqa: E402


@dataclass(frozen=True)
class Row:
    label: str
    settings: VideoSettings
    fps: int = FPS
    size: tuple[int, int] = (WIDTH, HEIGHT)


ROWS = [
    Row("before: ultrafast CRF 23, 30 fps, no look-ahead, keyframe 1 s",
        VideoSettings(preset="ultrafast", crf=23, keyframe_interval_s=1.0, lookahead_frames=0), 30),
    Row("veryfast CRF 30, no look-ahead (like zerolatency)", replace(SETTINGS, lookahead_frames=0)),
    Row("veryfast CRF 28", replace(SETTINGS, crf=28)),
    Row("**default: veryfast CRF 30, 15 fps, keyframe 2 s, look-ahead 1**", SETTINGS),
    Row("veryfast CRF 32", replace(SETTINGS, crf=32)),
    Row("veryfast CRF 30, 10 fps", SETTINGS, 10),
    Row("veryfast CRF 30, 960x540", SETTINGS, FPS, (960, 540)),
]


def source_command(footage: Path, seconds: float, fps: int, size: tuple[int, int],
                   busy: bool) -> list[str]:
    scale = f"scale={size[0]}:{size[1]}:flags=area,fps={fps}"
    ffmpeg = [shutil.which("ffmpeg") or "ffmpeg", "-v", "error"]
    if not busy:
        return ffmpeg + ["-stream_loop", "-1", "-i", str(footage), "-t", str(seconds), "-an",
                         "-vf", scale, "-f", "rawvideo", "-pix_fmt", "bgr24", "-"]
    inputs = []
    for quarter in range(4):
        inputs += ["-stream_loop", "-1", "-ss", str(35 * quarter), "-i", str(footage)]
    quarters = "".join(f"[{i}:v]scale=640:360[q{i}];" for i in range(4))
    return ffmpeg + inputs + [
        "-t", str(seconds), "-an", "-filter_complex",
        f"{quarters}[q0][q1][q2][q3]xstack=inputs=4:layout=0_0|w0_0|0_h0|w0_h0,{scale}",
        "-f", "rawvideo", "-pix_fmt", "bgr24", "-"]


def measure(row: Row, footage: Path, seconds: float, busy: bool) -> tuple[float, float, float]:
    """MB per minute, CPU share of one core, worst watermark overlap (every 15th frame)."""
    width, height = row.size
    watermark = RecordingWatermark(WatermarkSettings(lane="1"))
    pipeline = MediaPipeline([VideoEncoder(width, height, row.fps, settings=row.settings),
                              AudioEncoder(SAMPLE_RATE, track=1, bit_rate=AUDIO_BIT_RATE)],
                             watermark=watermark, motion=MOTION)
    # Frames stream from the decoder (a child: its CPU is not counted); 720p30 for half a
    # minute would not fit in memory comfortably.
    source = subprocess.Popen(source_command(footage, seconds, row.fps, row.size, busy),
                              stdout=subprocess.PIPE)
    assert source.stdout is not None
    tone = ToneAudioSource(SAMPLE_RATE, live=False, start_ns=0)
    chunk = tone.read()
    clip = io.BytesIO()
    before = cpu_seconds()
    pipeline.open_clip("row", clip, at_ns=0, sale_number="0001")
    index = 0
    while (image := read_frame(source.stdout, width, height)) is not None:
        due_ns = index * NS_PER_S // row.fps
        while chunk.mono_ns <= due_ns:
            pipeline.push_audio(chunk)
            chunk = tone.read()
        watermark.next_ns = due_ns
        pipeline.push_video(0, VideoFrame(image, due_ns))
        index += 1
    pipeline.close_clip("row", at_ns=index * NS_PER_S // row.fps)
    [facts] = pipeline.stop()
    cpu = cpu_seconds() - before
    source.wait()
    # Every frame was encoded and the clip starts on the first: decoded frame i is drawn i.
    texts = list(watermark.drawn.values())
    with av.open(io.BytesIO(clip.getvalue())) as container:
        matches = [text_match(frame.to_ndarray(format="bgr24"), texts[i])
                   for i, frame in enumerate(container.decode(video=0)) if i % 15 == 0]
    return len(clip.getvalue()) / 1e6 / (facts.duration_s / 60), cpu / facts.duration_s, min(matches)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--footage", type=Path, default=SHIPPED_FOOTAGE)
    args = parser.parse_args()
    print(f"| setting | {args.footage.name}: MB/min, core, legibility | "
          "four-person mosaic: MB/min, core, legibility |")
    print("|---|---|---|")
    for row in ROWS:
        cells = []
        for busy in (False, True):
            mb, core, match = measure(row, args.footage, args.seconds, busy)
            cells.append(f"{mb:.2f} MB/min, {core:.2f} core, {match:.2f}")
        print(f"| {row.label} | {' | '.join(cells)} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
