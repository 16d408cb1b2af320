"""The recorder child process, driven over its pipe, and the shared-memory preview slot."""
from __future__ import annotations

import multiprocessing
import shutil
import subprocess
import time

import numpy as np
import pytest

from posdesk.core.clock import Instant, SystemClock
from posdesk.recording.age import X25519Identity, decrypt_bytes
from posdesk.recording.evidence.layout import ClipLayout
from posdesk.recording.evidence.manifest import NoClipReason, SaleRef
from posdesk.recording.media.reader import read_clip
from posdesk.recording.media.video_settings import VideoSettings
from posdesk.recording.preview import PreviewSlot
from posdesk.recording.messages import (ClipFinalised, ClipOpened, ClipRefused, Heartbeat,
                                        JournalCue, Ready, RecorderConfig, RecorderWarning,
                                        SaleEnded, SaleStarted, Shutdown, VideoSpec,
                                        WarningCode)
from posdesk.recording.process import run_recorder

LANE = "lane-7"


def _read_image(name: str, out) -> None:
    slot = PreviewSlot.attach(name)
    try:
        frame = slot.read()
        out.send(None if frame is None else (frame.image.tolist(), frame.mono_ns, frame.seq))
    finally:
        slot.close()


def test_preview_slot_hands_the_newest_frame_to_another_process():
    slot = PreviewSlot.create(4, 2)
    try:
        for value in (10, 20, 30):
            slot.publish(np.full((2, 4, 3), value, np.uint8), value)
        ctx = multiprocessing.get_context("spawn")
        ours, theirs = ctx.Pipe()
        reader = ctx.Process(target=_read_image, args=(slot.name, theirs))
        reader.start()
        image, mono_ns, seq = ours.recv()
        reader.join(10)
        assert (np.array(image) == 30).all() and mono_ns == 30 and seq == 3
    finally:
        slot.close()
        slot.unlink()


def test_preview_slot_gives_nothing_until_a_newer_frame_arrives():
    slot = PreviewSlot.create(4, 2)
    try:
        assert slot.read() is None
        slot.publish(np.zeros((2, 4, 3), np.uint8), 5)
        first = slot.read()
        assert first.seq == 1 and slot.read(newer_than=first.seq) is None
        slot.publish(np.ones((2, 4, 3), np.uint8), 6)
        assert slot.read(newer_than=first.seq).mono_ns == 6
        assert first.image.max() == 0  # a read is a private copy
    finally:
        slot.close()
        slot.unlink()


def test_preview_slot_refuses_a_frame_of_another_size():
    slot = PreviewSlot.create(4, 2)
    try:
        with pytest.raises(ValueError):
            slot.publish(np.zeros((4, 4, 3), np.uint8), 1)
    finally:
        slot.close()
        slot.unlink()


class Child:
    """The real recorder process with synthetic sources, talked to as the supervisor does."""

    def __init__(self, tmp_path, video=None, **config):
        self.manager = X25519Identity.generate()
        self.layout = ClipLayout(tmp_path)
        self.config = RecorderConfig(tmp_path, LANE, (str(self.manager.recipient()),),
                                     video or VideoSpec(width=320, height=240, fps=15),
                                     preroll_s=0.5, postroll_s=0.3, preview_size=(160, 90),
                                     **config)
        self.slot = PreviewSlot.create(160, 90)
        ctx = multiprocessing.get_context("spawn")
        self.conn, theirs = ctx.Pipe()
        self.process = ctx.Process(target=run_recorder, args=(self.config, theirs, self.slot.name))
        self.process.start()
        theirs.close()
        self.received: list = []

    # Generous: spawning the child imports PyAV, OpenCV and numpy, which takes seconds on a
    # busy machine. Every wait ends on a condition, so a fast run never waits this long.
    def wait_for(self, kind, timeout=60.0, where=lambda m: True):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for m in self.received:
                if isinstance(m, kind) and where(m):
                    return m
            if self.conn.poll(0.1):
                self.received.append(self.conn.recv())
        raise AssertionError(f"no {kind.__name__} within {timeout} s; got "
                             f"{[type(m).__name__ for m in self.received]}")

    def close(self):
        if self.process.is_alive():
            try:
                self.conn.send(Shutdown())
            except OSError:  # the child is already exiting; its exit code tells why
                pass
            self.process.join(15)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.slot.close()
        self.slot.unlink()


@pytest.fixture
def child(tmp_path):
    c = Child(tmp_path)
    yield c
    c.close()


def now() -> Instant:
    return SystemClock().now()


@pytest.mark.slow
def test_recorder_seals_a_sale_clip_with_picture_sound_and_journal_cues(child):
    child.wait_for(Ready)
    sale = SaleRef("s-1", LANE, "0001")
    child.conn.send(SaleStarted(sale, now()))
    opened = child.wait_for(ClipOpened)
    assert child.layout.pending()[0].clip.file == opened.pending.clip.file
    child.conn.send(JournalCue("s-1", time.monotonic_ns(), "1 x Milk 1.29"))
    child.wait_for(Heartbeat, where=lambda m: m.frames >= 20)
    child.conn.send(SaleEnded("s-1", now(), "completed"))
    done = child.wait_for(ClipFinalised)
    assert done.sale == sale and done.error is None
    assert [t.kind for t in done.clip.tracks] == ["video", "audio"]
    assert done.clip.tracks[0].frames >= 20
    sealed = child.layout.resolve(done.clip.file).read_bytes()
    assert child.layout.pending()[0].sealed_size == len(sealed)  # whole even if we die now
    clip = read_clip(decrypt_bytes(sealed, [child.manager]))
    assert len(clip.frames_of(0)) == done.clip.tracks[0].frames
    audio_s = sum(f.samples for f in clip.frames_of(1)) / 48_000
    assert audio_s == pytest.approx(done.clip.tracks[0].duration_ms / 1000, abs=0.2)
    assert [c.text for c in clip.cues] == ["1 x Milk 1.29"]


@pytest.mark.slow
def test_recorder_publishes_preview_frames_that_keep_moving(child):
    child.wait_for(Heartbeat, where=lambda m: m.frames >= 3)
    first = child.slot.read()
    child.wait_for(Heartbeat, where=lambda m: m.frames >= 8)
    later = child.slot.read(newer_than=first.seq)
    assert first.image.shape == (90, 160, 3)
    assert later.seq > first.seq and later.mono_ns > first.mono_ns
    assert not np.array_equal(first.image, later.image)


@pytest.mark.slow
def test_recorder_refuses_a_clip_when_the_disk_is_full(tmp_path):
    child = Child(tmp_path, warn_free_bytes=1 << 62, full_free_bytes=1 << 61)
    try:
        child.wait_for(Ready)
        warning = child.wait_for(RecorderWarning)
        assert warning.code is WarningCode.DISK_FULL
        child.conn.send(SaleStarted(SaleRef("s-1", LANE, "0001"), now()))
        refused = child.wait_for(ClipRefused)
        assert refused.reason is NoClipReason.DISK_FULL
        assert not any(child.layout.clips_dir.rglob("*.mp4.age"))
        child.wait_for(Heartbeat, where=lambda m: m.frames > 5)  # still running
    finally:
        child.close()


@pytest.mark.slow
def test_recorder_finishes_open_clips_on_shutdown(child):
    child.wait_for(Ready)
    child.conn.send(SaleStarted(SaleRef("s-1", LANE, "0001"), now()))
    child.wait_for(ClipOpened)
    child.wait_for(Heartbeat, where=lambda m: m.frames >= 10)
    child.conn.send(Shutdown())
    done = child.wait_for(ClipFinalised)
    child.process.join(10)
    assert child.process.exitcode == 0
    data = decrypt_bytes(child.layout.resolve(done.clip.file).read_bytes(), [child.manager])
    assert len(read_clip(data).frames_of(0)) >= 10
    assert done.clip.tracks[0].duration_ms >= 10 * 1000 // 15


def _h264_camera_file(path, seconds: int) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                    f"testsrc2=size=320x240:rate=25:duration={seconds}", "-c:v", "libx264",
                    "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", str(path)],
                   check=True, timeout=60)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs the ffmpeg command")
def test_h264_camera_is_recorded_as_it_comes_and_named_by_its_subtitle_track(tmp_path):
    camera = tmp_path / "camera.mp4"
    _h264_camera_file(camera, seconds=3)
    child = Child(tmp_path, video=VideoSpec(str(camera), 320, 240, 25, passthrough=True))
    try:
        child.wait_for(Ready)
        child.conn.send(SaleStarted(SaleRef("s-1", LANE, "0001"), now()))
        child.wait_for(ClipOpened)
        child.conn.send(JournalCue("s-1", time.monotonic_ns(), "1 x Milk 1.29"))
        child.wait_for(Heartbeat, where=lambda m: m.frames >= 30)
        child.conn.send(SaleEnded("s-1", now(), "completed"))
        done = child.wait_for(ClipFinalised)
        assert done.clip.watermark.value == "subtitle-track"
        clip = read_clip(decrypt_bytes(child.layout.resolve(done.clip.file).read_bytes(),
                                       [child.manager]), images=True)
        frames = clip.frames_of(0)
        assert len(frames) >= 20 and frames[-1].image.shape == (240, 320, 3)
        assert [c.text for c in clip.cues] == ["1 x Milk 1.29"]
        assert child.slot.read() is not None  # keyframes reach the preview
    finally:
        child.close()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs the ffmpeg command")
def test_h264_camera_that_reconnected_before_the_sale_is_still_recorded(tmp_path):
    # A file camera ends after a second and is reopened like a dropped network stream. The
    # clip's stream used to copy its codec parameters from the first, closed connection:
    # the recorder died with SIGSEGV at the next sale.
    camera = tmp_path / "camera.mp4"
    _h264_camera_file(camera, seconds=1)
    child = Child(tmp_path, video=VideoSpec(str(camera), 320, 240, 25, passthrough=True))
    try:
        child.wait_for(Ready)
        child.wait_for(RecorderWarning, where=lambda m: m.code is WarningCode.CAMERA_LOST)
        child.wait_for(RecorderWarning, where=lambda m: m.code is WarningCode.CAMERA_BACK)
        child.conn.send(SaleStarted(SaleRef("s-1", LANE, "0001"), now()))
        started = child.wait_for(ClipOpened)
        before = max((m.frames for m in child.received if isinstance(m, Heartbeat)), default=0)
        child.wait_for(Heartbeat, where=lambda m: m.frames >= before + 10)
        child.conn.send(SaleEnded("s-1", now(), "completed"))
        done = child.wait_for(ClipFinalised)
        assert done.error is None and started.pending.sale == done.sale
        clip = read_clip(decrypt_bytes(child.layout.resolve(done.clip.file).read_bytes(),
                                       [child.manager]))
        assert len(clip.frames_of(0)) >= 5
    finally:
        child.close()
    assert child.process.exitcode == 0


@pytest.mark.slow
def test_customer_camera_is_a_second_video_track_of_the_same_clip(tmp_path):
    # A track joins the clip on its own first keyframe: with the short pre-roll here, a
    # keyframe each second lets the customer camera join within the sale.
    child = Child(tmp_path, video2=VideoSpec(width=160, height=120, fps=15),
                  video_settings=VideoSettings(keyframe_interval_s=1.0))
    try:
        child.wait_for(Ready)
        child.conn.send(SaleStarted(SaleRef("s-1", LANE, "0001"), now()))
        child.wait_for(ClipOpened)
        child.wait_for(Heartbeat, where=lambda m: m.frames >= 15)
        child.conn.send(SaleEnded("s-1", now(), "completed"))
        done = child.wait_for(ClipFinalised)
        assert [t.kind for t in done.clip.tracks] == ["video", "video", "audio"]
        clip = read_clip(decrypt_bytes(child.layout.resolve(done.clip.file).read_bytes(),
                                       [child.manager]), images=True)
        cashier, customer = clip.frames_of(0), clip.frames_of(1)
        assert cashier and customer and customer[0].image.shape == (120, 160, 3)
        # A busy machine may lose frames before encoding; each loss is reported (and
        # journaled by the app), so only unreported differences count.
        reported = sum(m.count for m in child.received if isinstance(m, RecorderWarning)
                       and m.code is WarningCode.FRAMES_DROPPED)
        assert abs(len(cashier) - len(customer)) <= 3 + reported
    finally:
        child.close()
