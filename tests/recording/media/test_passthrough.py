"""Pass-through of cameras that already send H.264: remuxed into clips, never re-encoded."""
from __future__ import annotations

import io
import shutil
import socket
import subprocess
import time

import pytest

from posdesk.recording.media.errors import SourceUnavailable
from posdesk.recording.media.frames import WatermarkMode
from posdesk.recording.media.passthrough import PassThroughSource
from posdesk.recording.media.pipeline import MediaPipeline
from posdesk.recording.media.reader import read_clip

FFMPEG = shutil.which("ffmpeg")
needs_ffmpeg = pytest.mark.skipif(FFMPEG is None, reason="needs the ffmpeg command")


def _ffmpeg_h264(*output: str, seconds: float, realtime: bool = False) -> list[str]:
    return [FFMPEG, "-v", "error", "-y", *(["-re"] if realtime else []),
            "-f", "lavfi", "-i", f"testsrc2=size=320x240:rate=25:duration={seconds}",
            "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p",
            *output]


def _record(source: PassThroughSource) -> tuple[bytes, object, int, int]:
    pipeline, clip = MediaPipeline([source]), io.BytesIO()
    packets = previews = 0
    while (read := source.read()) is not None:
        if not packets and read.packets:
            pipeline.open_clip("s", clip, at_ns=read.packets[0].pts_ns)
        pipeline.push_packets(read.packets)
        packets += len(read.packets)
        if read.preview is not None:
            previews += 1
            pipeline.offer_preview(0, read.preview)
    [facts] = pipeline.stop()
    source.close()
    return clip.getvalue(), facts, packets, previews


@needs_ffmpeg
def test_h264_file_is_remuxed_frame_for_frame_with_keyframe_previews(tmp_path):
    path = tmp_path / "camera.mp4"
    subprocess.run(_ffmpeg_h264(str(path), seconds=4), check=True)
    source = PassThroughSource(str(path), live=False)
    data, facts, packets, previews = _record(source)
    contents = read_clip(data, images=True)
    frames = contents.frames_of(0)
    assert packets == len(frames) == facts.tracks[0].frames == 100
    assert previews == 4  # one per keyframe, nothing else decoded
    assert frames[50].image.shape == (240, 320, 3) and frames[50].image.std() > 10
    assert facts.watermark is WatermarkMode.SUBTITLE_TRACK
    assert facts.as_dict()["watermark"] == "subtitle-track"


@needs_ffmpeg
@pytest.mark.slow
def test_live_stream_served_over_http_on_localhost_is_recorded():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/camera.ts"
    server = subprocess.Popen(_ffmpeg_h264("-f", "mpegts", "-listen", "1", url,
                                           seconds=3, realtime=True))
    try:
        source = _connect(url)
        data, facts, packets, previews = _record(source)
    finally:
        server.kill()
        server.wait(timeout=10)
    frames = read_clip(data).frames_of(0)
    assert len(frames) == packets >= 60
    assert previews >= 2
    assert facts.duration_s == pytest.approx(len(frames) / 25, abs=0.2)


def _connect(url: str) -> PassThroughSource:
    """Open `url` once the server listens (a refused connection is retried, briefly)."""
    deadline = time.monotonic() + 10
    while True:
        try:
            return PassThroughSource(url, live=True, open_timeout_s=5)
        except SourceUnavailable:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)  # ffmpeg is still starting; nothing to wait on but the port


def test_stream_that_cannot_be_opened_is_reported(tmp_path):
    with pytest.raises(SourceUnavailable):
        PassThroughSource(str(tmp_path / "absent.mp4"))
