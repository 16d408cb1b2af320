"""Recording bench: size, CPU and drops of the media pipeline at the app's default settings.

Real footage (bench/data, or any file given with --footage; see bench/recording_footage.py):
  recording_footage_mb_per_minute        clip size per recorded minute        target <= 4
  recording_footage_core_share           pipeline CPU per recorded second     target <= 0.35
  recording_footage_cpu_ratio_vs_ffmpeg  pipeline CPU / ffmpeg CLI CPU, same
                                         frames, same x264 options            target <= 1.10
  recording_footage_frames_dropped       frames lost while recording live     target 0
  recording_footage_watermark_match_min  burnt-in text legible when decoded   target >= 0.85
Synthetic test pattern (says little about real clips' size; kept to compare with older runs):
  recording_synthetic_cpu_ratio_vs_ffmpeg pipeline CPU / `ffmpeg` CLI CPU on the same
                                          frames with the same x264 settings  target <= 1.15
  recording_synthetic_frames_dropped      frames lost while recording live    target 0
  recording_synthetic_mb_per_minute       clip size per recorded minute       target <= 30
  recording_passthrough_core_share        CPU of remuxing an H.264 720p30 source, as a
                                          share of one core                   target < 0.05

Usage: python bench/recording.py [--seconds 60] [--footage FILE]. With --footage, only the
real-footage figures, on FILE (any size and frame rate: scaled to the configured size and
looped). Prints one JSON line per figure and exits 0 only when every figure meets its
target. Not run by the test suite. The figures taken through the app (preview fps in the
GUI, completion-to-sealed p95, seal MB/s) come from bench/recording_app.py; FIGURES below
lists every producer.
"""
from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from posdesk.recording.media.clips import ClipFacts
from posdesk.recording.media.encoder import AudioEncoder, VideoEncoder
from posdesk.recording.media.frames import VideoFrame
from posdesk.recording.media.pacing import Pacer
from posdesk.recording.media.passthrough import PassThroughSource
from posdesk.recording.media.pipeline import MediaPipeline
from posdesk.recording.media.synthetic import SyntheticVideoSource, ToneAudioSource
from posdesk.recording.media.watermark import Watermark, WatermarkSettings

sys.path.insert(0, str(Path(__file__).parent))
from recording_common import (  # noqa: E402  (bench scripts import their siblings)
    AUDIO_BIT_RATE, CUE_EVERY_S, FPS, HEIGHT, MOTION, SAMPLE_RATE, SETTINGS, WIDTH, Figure,
    NullSink, aac_cli_args, child_cpu_seconds, cpu_seconds, x264_cli_args,
)

log = logging.getLogger("bench.recording")

#: Distinct pictures cycled through: generating them is not part of what is measured.
FRAME_POOL = 30
#: An RTSP camera's own rate: pass-through records whatever the camera sends.
PASSTHROUGH_FPS = 30


def frame_pool() -> list:
    camera = SyntheticVideoSource(WIDTH, HEIGHT, FPS, live=False, start_ns=0)
    return [camera.read().image for _ in range(FRAME_POOL)]


def record_live(pool: list, seconds: float) -> tuple[float, ClipFacts, int]:
    """Record `seconds` in real time through the whole pipeline; returns CPU, facts, drops."""
    pipeline = MediaPipeline(
        [VideoEncoder(WIDTH, HEIGHT, FPS, settings=SETTINGS),
         AudioEncoder(SAMPLE_RATE, track=1, bit_rate=AUDIO_BIT_RATE)],
        watermark=Watermark(WatermarkSettings(lane="1")), motion=MOTION)
    frames = round(seconds * FPS)
    pacer = Pacer(FPS, live=True)
    tone = ToneAudioSource(SAMPLE_RATE, live=False, start_ns=time.monotonic_ns())
    chunk = tone.read()
    sink = NullSink()
    before = cpu_seconds()
    pipeline.open_clip("bench", sink)
    while pacer.index < frames:
        due_ns = pacer.next()
        while chunk.mono_ns <= due_ns:
            pipeline.push_audio(chunk)
            chunk = tone.read()
        # A camera hands over a fresh buffer each time; the watermark draws into it.
        pipeline.push_video(0, VideoFrame(pool[pacer.index % FRAME_POOL].copy(), due_ns))
        if pacer.index % (CUE_EVERY_S * FPS) == 0:
            pipeline.cue("bench", due_ns, f"{pacer.index // (CUE_EVERY_S * FPS)} × Milk 0.99")
    pipeline.close_clip("bench", at_ns=time.monotonic_ns())
    [facts] = pipeline.stop()
    # A frame the loop was too late for leaves a gap the pipeline counts as dropped.
    return cpu_seconds() - before, facts, facts.frames_dropped


def ffmpeg_cpu(pool: list, seconds: float) -> float:
    """CPU of the ffmpeg CLI encoding the same frames (piped raw) plus an AAC tone."""
    command = [
        shutil.which("ffmpeg"), "-v", "error", "-y",
        "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", f"{WIDTH}x{HEIGHT}", "-r", str(FPS),
        "-i", "-",
        "-f", "lavfi", "-i", f"sine=frequency=440:sample_rate={SAMPLE_RATE}",
        "-t", str(seconds),
        *x264_cli_args(), "-pix_fmt", "yuv420p", *aac_cli_args(),
        "-f", "mp4", "-movflags", "frag_keyframe+empty_moov+default_base_moof",
        "-frag_duration", "1000000", "-",
    ]
    before = child_cpu_seconds()
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    try:
        for index in range(round(seconds * FPS)):
            process.stdin.write(pool[index % FRAME_POOL].tobytes())
    except BrokenPipeError:
        pass  # ffmpeg stops reading at -t
    process.stdin.close()
    if process.wait() != 0:
        raise RuntimeError(f"ffmpeg failed with exit code {process.returncode}")
    return child_cpu_seconds() - before


def passthrough_cpu(seconds: float, workdir: Path) -> tuple[float, float]:
    """CPU seconds of remuxing an H.264 720p30 file into a clip; returns (cpu, media s)."""
    source_file = workdir / "camera.mp4"
    subprocess.run([
        shutil.which("ffmpeg"), "-v", "error", "-y", "-f", "lavfi",
        "-i", f"testsrc2=size={WIDTH}x{HEIGHT}:rate={PASSTHROUGH_FPS}:duration={seconds}",
        "-c:v", "libx264", "-preset", "ultrafast", "-g", str(PASSTHROUGH_FPS), "-pix_fmt", "yuv420p",
        str(source_file)], check=True)
    before = cpu_seconds()
    source = PassThroughSource(str(source_file), live=False)
    pipeline = MediaPipeline([source])
    pipeline.open_clip("bench", NullSink())
    while (read := source.read()) is not None:
        pipeline.push_packets(read.packets)
        if read.preview is not None:
            pipeline.offer_preview(0, read.preview)
    [facts] = pipeline.stop()
    source.close()
    return cpu_seconds() - before, facts.duration_s


def synthetic_figures(args: argparse.Namespace) -> list[Figure]:
    seconds = args.seconds
    pool = frame_pool()
    pipeline_cpu, facts, dropped = record_live(pool, seconds)
    reference_cpu = ffmpeg_cpu(pool, seconds)
    minutes = facts.duration_s / 60
    ratio = pipeline_cpu / reference_cpu
    mb_per_minute = facts.bytes_written / 1e6 / minutes
    print(f"synthetic pattern: pipeline {pipeline_cpu / minutes:.1f} CPU-s per recorded minute, "
          f"ffmpeg CLI: {reference_cpu / (seconds / 60):.1f}, "
          f"{facts.tracks[0].frames} frames, {facts.duration_s:.1f} s, "
          f"{mb_per_minute:.1f} MB/min")
    with tempfile.TemporaryDirectory() as workdir:
        remux_cpu, remux_s = passthrough_cpu(seconds, Path(workdir))
    share = remux_cpu / remux_s
    print(f"pass-through: {remux_cpu:.2f} CPU-s for {remux_s:.1f} s of {HEIGHT}p{PASSTHROUGH_FPS} H.264")
    return [
        Figure("recording_synthetic_cpu_ratio_vs_ffmpeg", ratio, 1.15, ratio <= 1.15),
        Figure("recording_synthetic_frames_dropped", dropped, 0, dropped == 0),
        Figure("recording_synthetic_mb_per_minute", mb_per_minute, 30, mb_per_minute <= 30),
        Figure("recording_passthrough_core_share", share, 0.05, share < 0.05),
    ]


def real_footage_figures(args: argparse.Namespace) -> list[Figure]:
    """Figures on real footage: see bench/recording_footage.py."""
    import recording_footage

    return recording_footage.footage_figures(args.footage or recording_footage.SHIPPED_FOOTAGE,
                                             args.seconds)


def app_figures(args: argparse.Namespace) -> list[Figure]:
    """Figures taken through the app itself: see bench/recording_app.py."""
    import recording_app

    fps, p95_s = recording_app.app_figures()
    seal = recording_app.seal_mb_s()
    return [
        Figure("recording_preview_fps_gui", fps, 25.0, fps >= 25.0),
        Figure("recording_sealed_after_postroll_p95_ms", p95_s * 1000, 150.0, p95_s * 1000 <= 150.0),
        Figure("recording_seal_mb_s", seal, 2.4, seal >= 2.4),
    ]


#: Every figure function of this bench; other parts add theirs here.
FIGURES: list[Callable[[argparse.Namespace], list[Figure]]] = [
    real_footage_figures, synthetic_figures, app_figures]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0,
                        help="recorded seconds per measurement (default 60)")
    parser.add_argument("--footage", type=Path,
                        help="any video file: only the real-footage figures, on it")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.footage is not None and not args.footage.is_file():
        parser.error(f"no such video file: {args.footage}")
    producers = [real_footage_figures] if args.footage is not None else FIGURES
    figures = [figure for produce in producers for figure in produce(args)]
    for figure in figures:
        print(figure.line())
    return 0 if all(f.ok for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
