"""A small recording rig: synthetic cameras and tone, real encoders, a manual clock."""
from __future__ import annotations

import pytest

from posdesk.core.clock import ManualClock
from posdesk.recording.media.encoder import AudioEncoder, VideoEncoder
from posdesk.recording.media.pipeline import MediaPipeline
from posdesk.recording.media.synthetic import SyntheticVideoSource, ToneAudioSource
from posdesk.recording.media.video_settings import VideoSettings
from posdesk.recording.media.watermark import Watermark, WatermarkSettings

NS = 1_000_000_000
START_NS = 1_000 * NS
WIDTH, HEIGHT, FPS = 320, 240, 30
#: The rig's tests reason in whole seconds: a keyframe each second.
EVERY_SECOND = VideoSettings(keyframe_interval_s=1.0)


class Rig:
    """Feeds the pipeline as a recorder would, but as fast as the encoder goes."""

    def __init__(self, *, cameras: int = 1, audio: bool = True, watermark: bool = True,
                 preroll_s: float = 5.0, postroll_s: float = 3.0):
        self.clock = ManualClock(mono_ns=START_NS)
        tracks = [VideoEncoder(WIDTH, HEIGHT, FPS, track=i, name=f"camera {i}",
                               settings=EVERY_SECOND)
                  for i in range(cameras)]
        if audio:
            tracks.append(AudioEncoder(track=cameras))
        self.cameras = [SyntheticVideoSource(WIDTH, HEIGHT, FPS, live=False, start_ns=START_NS)
                        for _ in range(cameras)]
        self.tone = ToneAudioSource(live=False, start_ns=START_NS) if audio else None
        settings = WatermarkSettings(enabled=watermark, lane="7")
        self.pipeline = MediaPipeline(tracks, watermark=Watermark(settings),
                                      preroll_s=preroll_s, postroll_s=postroll_s,
                                      clock=self.clock)
        self._next_frames = [cam.read() for cam in self.cameras]
        self._next_chunk = self.tone.read() if self.tone else None
        self.finished = []

    @staticmethod
    def at(seconds: float) -> int:
        return START_NS + round(seconds * NS)

    def run_until(self, seconds: float) -> None:
        """Push every frame and audio chunk captured before `seconds`."""
        end_ns = self.at(seconds)
        while True:
            due = [(f.mono_ns, i) for i, f in enumerate(self._next_frames) if f.mono_ns < end_ns]
            if self._next_chunk is not None and self._next_chunk.mono_ns < end_ns:
                due.append((self._next_chunk.mono_ns, -1))
            if not due:
                break
            _, which = min(due)
            if which == -1:
                self.pipeline.push_audio(self._next_chunk)
                self._next_chunk = self.tone.read()
            else:
                self.pipeline.push_video(which, self._next_frames[which])
                self._next_frames[which] = self.cameras[which].read()
            self.finished += self.pipeline.take_finished()
        self._move_clock_to(end_ns)

    def lose_frames(self, count: int, camera: int = 0) -> None:
        """The next `count` captures of `camera` never reach the pipeline."""
        for _ in range(count):
            self._next_frames[camera] = self.cameras[camera].read()

    def stop(self) -> list:
        self.finished += self.pipeline.stop()
        return self.finished

    def _move_clock_to(self, mono_ns: int) -> None:
        now = self.clock.now().mono_ns
        if mono_ns > now:
            self.clock.advance((mono_ns - now) / NS)


@pytest.fixture
def rig_factory():
    return Rig
