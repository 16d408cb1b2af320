"""Real-footage figures of the recording bench: a video file as the camera.

The file is decoded and scaled to the configured recording size by an `ffmpeg` child
process (its CPU is not the pipeline's), looped to the measured length at the configured
frame rate, and fed live to the real media pipeline with the burnt-in watermark and a
test tone. The reference is the `ffmpeg` CLI encoding the very same raw frames with the
same x264 options, handed to it at the same camera pace, its CPU read from that process
alone (the CLI fed flat out is printed too, for comparison).

  recording_footage_mb_per_minute        clip size per recorded minute        target <= 4
  recording_footage_core_share           pipeline CPU per recorded second     target <= 0.35
  recording_footage_cpu_ratio_vs_ffmpeg  pipeline CPU / ffmpeg CLI CPU        target <= 1.10
  recording_footage_frames_dropped       frames lost while recording live     target 0
  recording_footage_watermark_match_min  worst overlap of the decoded watermark with the
                                         drawn text, on sampled frames        target >= 0.85
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import av
import numpy as np

from posdesk.recording.media.encoder import AudioEncoder, VideoEncoder
from posdesk.recording.media.frames import VideoFrame
from posdesk.recording.media.pacing import NS_PER_S, Pacer
from posdesk.recording.media.pipeline import MediaPipeline
from posdesk.recording.media.synthetic import ToneAudioSource
from posdesk.recording.media.watermark import Watermark, WatermarkSettings, text_match

from recording_common import (
    AUDIO_BIT_RATE, CUE_EVERY_S, FPS, HEIGHT, MOTION, SAMPLE_RATE, SETTINGS, WIDTH, Figure,
    aac_cli_args, cpu_seconds, x264_cli_args,
)

#: The footage shipped with the bench (see bench/data/README.md for its licence).
SHIPPED_FOOTAGE = Path(__file__).parent / "data" / "counter-person-768x432-10fps.mp4"
#: Check the watermark on every this many decoded frames.
WATERMARK_SAMPLE_EVERY = 15
#: A watermark is legible when its decoded strokes overlap the drawn ones this well.
WATERMARK_MATCH_TARGET = 0.85


class RecordingWatermark(Watermark):
    """The app's watermark, remembering the text it drew at each frame time."""

    def __init__(self, settings: WatermarkSettings):
        super().__init__(settings)
        self.drawn: dict[int, str] = {}
        self.next_ns = 0

    def apply(self, image, *, sale_number, at) -> None:  # type: ignore[no-untyped-def]
        super().apply(image, sale_number=sale_number, at=at)
        self.drawn[self.next_ns] = self.text(sale_number=sale_number, at=at)


def decoder_command(footage: Path, seconds: float, pix_fmt: str = "bgr24") -> list[str]:
    """Raw frames of `footage`, scaled to the recording size, looped to `seconds`."""
    return [shutil.which("ffmpeg") or "ffmpeg", "-v", "error", "-stream_loop", "-1",
            "-i", str(footage), "-t", str(seconds), "-an",
            "-vf", f"scale={WIDTH}:{HEIGHT}:flags=area,fps={FPS}",
            "-f", "rawvideo", "-pix_fmt", pix_fmt, "-"]


@dataclass
class FootageRun:
    cpu_s: float
    media_s: float
    clip: bytes
    frames: int
    dropped: int
    drawn: dict[int, str]
    first_mono_ns: int


def record_footage(footage: Path, seconds: float) -> FootageRun:
    """Record `seconds` of the footage in real time through the whole pipeline."""
    watermark = RecordingWatermark(WatermarkSettings(lane="1"))
    pipeline = MediaPipeline(
        [VideoEncoder(WIDTH, HEIGHT, FPS, settings=SETTINGS),
         AudioEncoder(SAMPLE_RATE, track=1, bit_rate=AUDIO_BIT_RATE)], watermark=watermark,
        motion=MOTION)
    decoder = subprocess.Popen(decoder_command(footage, seconds), stdout=subprocess.PIPE)
    assert decoder.stdout is not None
    clip = io.BytesIO()
    image = read_frame(decoder.stdout)  # the first read waits for ffmpeg to start
    pacer = Pacer(FPS, live=True)
    tone = ToneAudioSource(SAMPLE_RATE, live=False, start_ns=time.monotonic_ns())
    chunk = tone.read()
    before = cpu_seconds()
    pipeline.open_clip("bench", clip, sale_number="0001")
    frames = 0
    while image is not None:
        due_ns = pacer.next()
        while chunk.mono_ns <= due_ns:
            pipeline.push_audio(chunk)
            chunk = tone.read()
        watermark.next_ns = due_ns
        pipeline.push_video(0, VideoFrame(image, due_ns))
        frames += 1
        if frames % (CUE_EVERY_S * FPS) == 0:
            pipeline.cue("bench", due_ns, f"{frames // (CUE_EVERY_S * FPS)} × Milk 0.99")
        image = read_frame(decoder.stdout)
    pipeline.close_clip("bench", at_ns=time.monotonic_ns())
    [facts] = pipeline.stop()
    cpu = cpu_seconds() - before
    decoder.wait()
    # A frame the loop was too late for leaves a gap the pipeline counts as dropped.
    return FootageRun(cpu, facts.duration_s, clip.getvalue(), frames, facts.frames_dropped,
                      watermark.drawn, facts.first_mono_ns)


def read_frame(pipe: BinaryIO, width: int = WIDTH, height: int = HEIGHT) -> np.ndarray | None:
    """The next raw picture, in a buffer of its own (the watermark draws into it)."""
    image = np.empty((height, width, 3), np.uint8)
    return image if pipe.readinto(memoryview(image).cast("B")) == image.nbytes else None


def ffmpeg_reference_cpu(footage: Path, seconds: float, *, live: bool = True) -> float:
    """CPU of the ffmpeg CLI encoding the same raw frames (and an AAC tone), alone.

    `live` hands the CLI each frame when a camera would, on the pipeline's own pacer, as the
    pipeline gets them: an encoder that idles between frames finds its caches cold and its
    core clocked down, which costs a paced encoder more than one fed flat out (about a tenth
    here). Without it the CLI is fed as fast as it encodes (the figure printed for comparison).
    """
    decoder = subprocess.Popen(decoder_command(footage, seconds), stdout=subprocess.PIPE)
    assert decoder.stdout is not None
    encoder = subprocess.Popen([
        shutil.which("ffmpeg") or "ffmpeg", "-v", "error", "-y",
        "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", f"{WIDTH}x{HEIGHT}", "-r", str(FPS),
        "-i", "-",
        "-f", "lavfi", "-i", f"sine=frequency=440:sample_rate={SAMPLE_RATE}",
        "-t", str(seconds), *x264_cli_args(), "-pix_fmt", "yuv420p", *aac_cli_args(),
        "-f", "mp4", "-movflags", "frag_keyframe+empty_moov+default_base_moof",
        "-frag_duration", "1000000", "-"],
        stdin=subprocess.PIPE if live else decoder.stdout, stdout=subprocess.DEVNULL)
    if live:
        _feed_paced(decoder.stdout, encoder.stdin)
    decoder.stdout.close()  # the encoder holds the pipe now (or has been fed all of it)
    # wait4 gives the encoder's own CPU, apart from the decoder feeding it.
    _, status, usage = os.wait4(encoder.pid, 0)
    encoder.returncode = os.waitstatus_to_exitcode(status)
    decoder.wait()
    if encoder.returncode != 0:
        raise RuntimeError(f"ffmpeg failed with exit code {encoder.returncode}")
    return usage.ru_utime + usage.ru_stime


def _feed_paced(frames: BinaryIO, sink: BinaryIO | None) -> None:
    """Copy raw pictures from `frames` to `sink` one per frame period, then close `sink`."""
    assert sink is not None
    pacer = Pacer(FPS, live=True)
    while (image := read_frame(frames)) is not None:
        pacer.next()
        sink.write(memoryview(image).cast("B"))
        sink.flush()
    sink.close()


def x264_build_ratio(footage: Path, seconds: float) -> float:
    """CPU of PyAV's bundled libx264 over the CLI's (Debian's), x264 alone: both encode the
    same YUV frames with the same options, nothing else. Not a figure: it tells how much of
    the pipeline's ratio comes from the two x264 builds rather than from the pipeline."""
    decoder = subprocess.Popen(decoder_command(footage, seconds, "yuv420p"),
                               stdout=subprocess.PIPE)
    assert decoder.stdout is not None
    container = av.open(io.BytesIO(), "w", format="mp4")
    stream = container.add_stream("libx264", rate=FPS)
    stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
    stream.codec_context.options = SETTINGS.options_for("libx264")
    stream.codec_context.gop_size = round(FPS * SETTINGS.keyframe_interval_s)
    planes = np.empty((HEIGHT * 3 // 2, WIDTH), np.uint8)
    pyav_cpu, index = 0.0, 0
    while decoder.stdout.readinto(memoryview(planes).cast("B")) == planes.nbytes:
        before = cpu_seconds()
        picture = av.VideoFrame.from_numpy_buffer(planes, format="yuv420p")
        picture.pts = index
        stream.encode(picture)
        pyav_cpu += cpu_seconds() - before
        index += 1
    before = cpu_seconds()
    stream.encode(None)
    pyav_cpu += cpu_seconds() - before
    decoder.wait()
    decoder = subprocess.Popen(decoder_command(footage, seconds, "yuv420p"),
                               stdout=subprocess.PIPE)
    encoder = subprocess.Popen([
        shutil.which("ffmpeg") or "ffmpeg", "-v", "error", "-f", "rawvideo",
        "-pix_fmt", "yuv420p", "-s", f"{WIDTH}x{HEIGHT}", "-r", str(FPS), "-i", "-",
        *x264_cli_args(), "-f", "null", "-"], stdin=decoder.stdout)
    assert decoder.stdout is not None
    decoder.stdout.close()
    _, status, usage = os.wait4(encoder.pid, 0)
    encoder.returncode = os.waitstatus_to_exitcode(status)
    decoder.wait()
    if encoder.returncode != 0:
        raise RuntimeError(f"ffmpeg failed with exit code {encoder.returncode}")
    return pyav_cpu / (usage.ru_utime + usage.ru_stime)


def watermark_matches(run: FootageRun) -> list[float]:
    """Decode the clip and compare every sampled picture's watermark with its text."""
    drawn_times = np.array(sorted(run.drawn))
    matches = []
    with av.open(io.BytesIO(run.clip)) as container:
        for index, frame in enumerate(container.decode(video=0)):
            if index % WATERMARK_SAMPLE_EVERY:
                continue
            mono_ns = run.first_mono_ns + round(frame.time * NS_PER_S)
            nearest = drawn_times[np.abs(drawn_times - mono_ns).argmin()]
            matches.append(text_match(frame.to_ndarray(format="bgr24"), run.drawn[int(nearest)]))
    return matches


def footage_figures(footage: Path, seconds: float) -> list[Figure]:
    run = record_footage(footage, seconds)
    reference = ffmpeg_reference_cpu(footage, seconds)
    flat_out = ffmpeg_reference_cpu(footage, seconds, live=False)
    matches = watermark_matches(run)
    build = x264_build_ratio(footage, min(seconds, 20.0))
    minutes = run.media_s / 60
    mb_per_minute = len(run.clip) / 1e6 / minutes
    share = run.cpu_s / run.media_s
    ratio = run.cpu_s / reference
    worst = min(matches)
    print(f"footage {footage.name} as a {WIDTH}x{HEIGHT}@{FPS} camera, {run.frames} frames "
          f"in {run.media_s:.1f} s: pipeline {run.cpu_s:.1f} CPU-s, ffmpeg CLI {reference:.1f} "
          f"CPU-s fed at the camera's pace ({flat_out:.1f} fed flat out: ratio "
          f"{run.cpu_s / flat_out:.2f}), {mb_per_minute:.2f} MB/min, watermark overlap {worst:.3f}..{max(matches):.3f} "
          f"on {len(matches)} frames; x264 alone on the same YUV frames: PyAV's build costs "
          f"{build:.2f}x the CLI's")
    return [
        Figure("recording_footage_mb_per_minute", mb_per_minute, 4.0, mb_per_minute <= 4.0),
        Figure("recording_footage_core_share", share, 0.35, share <= 0.35),
        Figure("recording_footage_cpu_ratio_vs_ffmpeg", ratio, 1.10, ratio <= 1.10),
        Figure("recording_footage_frames_dropped", run.dropped, 0, run.dropped == 0),
        Figure("recording_footage_watermark_match_min", worst, WATERMARK_MATCH_TARGET,
               worst >= WATERMARK_MATCH_TARGET),
    ]
