"""The recorder child process: capture -> pre-roll -> encode -> seal -> write.

It runs apart from the app (multiprocessing, spawn start method) so that a hanging camera
driver or an FFmpeg abort takes down only the recorder, and so encoding has a core of its
own. The app's `RecorderSupervisor` starts it and talks to it over one pipe with the
messages of `recording.messages`.

Preview frames do not use the pipe: they go into a shared-memory `PreviewSlot` (newest
wins). The recorder writes sealed clips and their pending notes, and nothing else: it
never signs. Manifests and the chain belong to the app process (`evidence.chain`), so
the chain stays whole when the recorder is killed. A clip is finished, synced and its
pending note marked `sealed_size` before `ClipFinalised` is sent; from then on the file
is whole even if the recorder dies before the app has read the message.
"""
from __future__ import annotations

import errno
import logging
import logging.handlers
import os
import queue
import time
from multiprocessing.connection import Connection
from pathlib import Path

from ..core.clock import Instant, SystemClock
from ..core.i18n import QT_TRANSLATE_NOOP, Text
from .age import X25519Recipient
from .evidence.disk import DiskLevel, DiskWatchdog
from .evidence.layout import ClipLayout, PendingClip, clip_file
from .evidence.manifest import ClipFacts, NoClipReason, SaleRef, TrackFacts, Watermark
from .media.clips import ClipFacts as MediaClipFacts
from .media.encoder import AudioEncoder
from .media.encoder_choice import open_video_encoder
from .media.camera import OpenCvVideoSource, open_video_source
from .media.errors import MediaError, NoMicrophone
from .media.frames import SourceStatus, VideoFrame, WatermarkMode
from .media.passthrough import PassThroughSource
from .media.pipeline import MediaPipeline
from .media.microphone import MicrophoneSource
from .media.synthetic import SyntheticVideoSource, ToneAudioSource
from .media.watermark import Watermark as BurntInWatermark
from .media.watermark import WatermarkSettings
from .capture import AudioCapture, FrameCapture, PassThroughCapture
from .preview import PreviewSlot
from .sealed_clip import SealedClip
from .messages import (SaleStarted, JournalCue, SaleEnded, Shutdown, Ready, ClipOpened,
                       ClipFinalised, ClipRefused, WarningCode, RecorderWarning, Heartbeat,
                       RecorderConfig)

log = logging.getLogger(__name__)

#: recorder.log rotates like the app's log: five files of 5 MB at most.
LOG_MAX_BYTES, LOG_BACKUPS = 5_000_000, 5
#: Seconds between heartbeats; the supervisor declares the recorder dead after a few.
HEARTBEAT_S = 0.25
#: Seconds between free-space checks of the clip directory.
DISK_CHECK_S = 5.0
#: Longest wait for a message when the camera delivers nothing.
IDLE_POLL_S = 0.05


def run_recorder(config: RecorderConfig, conn: Connection, preview_name: str) -> None:
    """Entry point of the child process."""
    _log_to(config.data_dir / "logs" / "recorder.log")
    recorder = _Recorder(config, conn, PreviewSlot.attach(preview_name))
    try:
        recorder.run()
    finally:
        recorder.close()


def _log_to(path: Path) -> None:
    """The child's own log file beside the app's; only warnings reach the terminal."""
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    handlers: list[logging.Handler] = [console]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"))
    except OSError:
        pass  # a full or read-only disk must not stop the recorder from starting
    logging.basicConfig(level=logging.INFO, handlers=handlers,
                        format="%(asctime)s recorder %(levelname)s %(name)s: %(message)s")


class _Recorder:
    def __init__(self, config: RecorderConfig, conn: Connection, slot: PreviewSlot):
        self.config, self.conn, self.slot = config, conn, slot
        self.layout = ClipLayout(config.data_dir)
        self.clock = SystemClock()
        self.recipients = [X25519Recipient.parse(r) for r in config.recipients]
        self.disk = DiskWatchdog(self.layout.clips_dir, warn_bytes=config.warn_free_bytes,
                                 full_bytes=config.full_free_bytes, warn_days=config.warn_days,
                                 clock=self.clock)
        self.passthrough: PassThroughCapture | None = None
        self.video: SyntheticVideoSource | OpenCvVideoSource | PassThroughCapture
        spec = config.video
        if spec.passthrough:
            # The camera's own H.264 goes into the clip: nothing to burn a watermark into,
            # so the journal's subtitle track identifies the clip (the manifest says so).
            self.passthrough = PassThroughCapture(lambda: PassThroughSource(str(spec.source)))
            self.video = self.passthrough
            mode = WatermarkMode.SUBTITLE_TRACK
            tracks: list = [self.passthrough.track]
            self.video_encoder = "passthrough"
        else:
            self.video = open_video_source(spec.source, spec.width, spec.height, spec.fps)
            mode = WatermarkMode.BURNT_IN if config.watermark else WatermarkMode.SUBTITLE_TRACK
            encoder, choice = open_video_encoder(
                spec.width, spec.height, spec.evidence_fps, setting=config.encoder,
                settings=config.video_settings, watermark=mode)
            tracks, self.video_encoder = [encoder], choice.summary
        self.video2: FrameCapture | None = None
        if config.video2 is not None:
            spec2 = config.video2
            self.video2 = FrameCapture(open_video_source(spec2.source, spec2.width,
                                                         spec2.height, spec2.fps))
            # The second camera takes the encoder the first one got, if that was hardware.
            tracks.append(open_video_encoder(
                spec2.width, spec2.height, spec2.evidence_fps,
                setting=getattr(tracks[0], "codec", "libx264"), settings=config.video_settings,
                track=len(tracks), name="customer", watermark=mode)[0])
        self.audio = self._open_audio()
        if self.audio is not None:
            tracks.append(AudioEncoder(self.audio.sample_rate, self.audio.channels,
                                       track=len(tracks), bit_rate=config.audio_bit_rate))
        watermark = BurntInWatermark(WatermarkSettings(enabled=config.watermark,
                                                       lane=config.lane_id))
        self.pipeline = MediaPipeline(tracks, watermark=watermark, preroll_s=config.preroll_s,
                                      postroll_s=config.postroll_s,
                                      preview_size=(slot.width, slot.height),
                                      motion=config.motion, clock=self.clock)
        self.track_mode = mode
        self.track_facts = tuple(TrackFacts(t.info.kind.value, t.info.codec, t.info.name)
                                 for t in tracks)
        self.clips: dict[str, SealedClip] = {}
        self.frames = 0
        self.camera_status = SourceStatus.LIVE
        self.next_heartbeat = self.next_disk_check = 0.0
        self.stopping = False

    def run(self) -> None:
        self.send(Ready(os.getpid(), self.video_encoder))
        if self.audio is None and self.config.audio is not None:
            self.warn(WarningCode.NO_MICROPHONE,
                      QT_TRANSLATE_NOOP("Recorder", "No microphone: recording without sound."))
        while not self.stopping:
            got = self.pump_passthrough() if self.passthrough is not None else self.capture()
            got = self.pump_second_camera() or got
            self.watch_camera()
            self.handle_messages(0 if got else IDLE_POLL_S)
            self.finalise(self.pipeline.take_finished())
            self.report_drops()
            self.tick()
        self.pump_audio()
        self.finalise(self.pipeline.stop())

    def capture(self) -> bool:
        assert not isinstance(self.video, PassThroughCapture)
        frame = self.video.read()
        if frame is None:
            return False
        self.record(frame)
        return True

    def pump_second_camera(self) -> bool:
        got = False
        while self.video2 is not None:
            try:
                frame = self.video2.frames.get_nowait()
            except queue.Empty:
                break
            self.pipeline.push_video(1, frame)
            got = True
        return got

    def pump_passthrough(self) -> bool:
        """Hand every packet the camera sent since the last turn to the clips."""
        assert self.passthrough is not None
        got = False
        while True:
            try:
                read = self.passthrough.reads.get_nowait()
            except queue.Empty:
                return got
            got = True
            self.pipeline.push_packets(read.packets)
            self.frames += len(read.packets)
            self.pump_audio()
            if read.preview is not None:
                self.pipeline.offer_preview(0, read.preview)
                preview = self.pipeline.preview(0)
                if preview is not None:
                    self.slot.publish(preview.image, preview.mono_ns)

    def record(self, frame: VideoFrame) -> None:
        self.pipeline.push_video(0, frame)
        self.frames += 1
        self.pump_audio()
        preview = self.pipeline.preview(0)
        if preview is not None:
            self.slot.publish(preview.image, preview.mono_ns)

    def close(self) -> None:
        self.video.close()
        if self.video2 is not None:
            self.video2.close()
        if self.audio is not None:
            self.audio.close()
        self.slot.close()
        self.conn.close()

    # -- messages -----------------------------------------------------------------------

    def send(self, message: object) -> None:
        try:
            self.conn.send(message)
        except (BrokenPipeError, EOFError, OSError):
            # The app is gone: nothing to report to; stop cleanly and keep the files whole.
            self.stopping = True

    def handle_messages(self, timeout: float) -> None:
        try:
            while self.conn.poll(timeout):
                timeout = 0
                self.handle(self.conn.recv())
        except (EOFError, OSError):
            log.warning("the app closed the pipe; stopping")
            self.stopping = True

    def handle(self, message: object) -> None:
        if isinstance(message, SaleStarted):
            self.open_clip(message.sale, message.at)
        elif isinstance(message, JournalCue) and message.sale_id in self.clips:
            self.pipeline.cue(message.sale_id, message.mono_ns, message.text)
        elif isinstance(message, SaleEnded) and message.sale_id in self.clips:
            postroll = self.config.postroll_s if message.postroll_s is None else message.postroll_s
            # The clip manager adds its configured post-roll to the end it is given.
            shift_ns = round((postroll - self.config.postroll_s) * 1e9)
            self.pipeline.close_clip(message.sale_id, at_ns=message.at.mono_ns + shift_ns)
        elif isinstance(message, Shutdown):
            self.stopping = True

    def open_clip(self, sale: SaleRef, at: Instant) -> None:
        if sale.sale_id in self.clips:
            log.warning("sale %s already has an open clip", sale.sale_id)
            return
        if self.disk.check().level is DiskLevel.FULL:
            self.send(ClipRefused(sale, NoClipReason.DISK_FULL))
            return
        if self.frames == 0 and self.video.status is not SourceStatus.LIVE:
            # No camera has given a picture yet: an empty clip would pass for evidence and
            # would never finish (clips end on media time), so the manifest says no-camera.
            self.send(ClipRefused(sale, NoClipReason.NO_CAMERA))
            return
        rel = clip_file(self.layout.new_stem(sale, at.utc))
        pending = PendingClip(sale, ClipFacts(rel, at, None, self.track_facts,
                                              Watermark(self.track_mode.value),
                                              tuple(self.config.recipients)))
        clip = None
        try:
            clip = SealedClip(self.layout, pending, self.recipients)
            self.pipeline.open_clip(sale.sale_id, clip.writer, at_ns=at.mono_ns,
                                    sale_number=sale.receipt)
        except (OSError, MediaError) as e:
            log.error("cannot open the clip of sale %s: %s", sale.sale_id, e)
            # Refused means no clip at all: the sale's manifest will say no-clip.
            if clip is not None:
                clip.file.close()
            self.layout.resolve(rel).unlink(missing_ok=True)
            self.layout.remove_pending(rel)
            full = isinstance(e, OSError) and e.errno == errno.ENOSPC
            self.send(ClipRefused(sale, NoClipReason.DISK_FULL if full
                                  else NoClipReason.RECORDER_DOWN))
            return
        self.clips[sale.sale_id] = clip
        self.send(ClipOpened(pending))

    def finalise(self, finished: list[MediaClipFacts]) -> None:
        for facts in finished:
            clip = self.clips.pop(facts.sale_id)
            try:
                clip.finish()
            except OSError as e:
                log.error("cannot finish clip %s: %s", clip.pending.clip.file, e)
                self.warn(WarningCode.CLIP_FAILED, QT_TRANSLATE_NOOP(
                    "Recorder", "The clip of sale {receipt} could not be saved.").format(
                        receipt=clip.pending.sale.receipt))
                continue  # the pending note stays; the app recovers the file
            self.send(ClipFinalised(clip.pending.sale, _clip_facts(clip.pending, facts),
                                    facts.error))

    # -- periodic -----------------------------------------------------------------------

    def tick(self) -> None:
        now = time.monotonic()
        if now >= self.next_heartbeat:
            self.next_heartbeat = now + HEARTBEAT_S
            self.send(Heartbeat(time.monotonic_ns(), self.frames, len(self.clips)))
        if now >= self.next_disk_check:
            self.next_disk_check = now + DISK_CHECK_S
            state = self.disk.check()
            text = self.disk.warning(state)
            if text is not None:
                self.warn(WarningCode.DISK_FULL if state.level is DiskLevel.FULL
                          else WarningCode.DISK_LOW, text)

    def watch_camera(self) -> None:
        status = self.video.status
        if status is self.camera_status:
            return
        if status is SourceStatus.LIVE:
            self.warn(WarningCode.CAMERA_BACK, QT_TRANSLATE_NOOP("Recorder", "Camera is back."))
        elif self.camera_status is SourceStatus.LIVE and self.frames == 0:
            # Never a picture since the start: a missing device or a wrong setting, not a
            # loose cable; the cashier is told so, and the clips say no-camera.
            self.warn(WarningCode.NO_CAMERA, QT_TRANSLATE_NOOP(
                "Recorder", "No camera: {camera} gives no picture; sales are not being filmed."
            ).format(camera=self.config.video.source))
        elif self.camera_status is SourceStatus.LIVE:
            self.warn(WarningCode.CAMERA_LOST, QT_TRANSLATE_NOOP(
                "Recorder", "Camera lost: the counter is not being recorded."))
        self.camera_status = status

    def report_drops(self) -> None:
        for drop in self.pipeline.take_drops():
            self.warn(WarningCode.FRAMES_DROPPED, drop.text, drop.mono_ns, drop.count)

    def pump_audio(self) -> None:
        """Encode every microphone chunk captured since the last frame."""
        while self.audio is not None:
            try:
                chunk = self.audio.chunks.get_nowait()
            except queue.Empty:
                return
            self.pipeline.push_audio(chunk)

    def warn(self, code: WarningCode, text: Text, mono_ns: int | None = None,
             count: int = 0) -> None:
        log.warning("%s", text)
        self.send(RecorderWarning(code, text, mono_ns or time.monotonic_ns(), count))

    def _open_audio(self) -> AudioCapture | None:
        """The sound source; without one the clip is video-only and the app is warned."""
        audio = self.config.audio
        if audio is None:
            return None
        if audio == "synthetic":
            return AudioCapture(ToneAudioSource())
        if audio.startswith("microphone"):
            name = audio.partition(":")[2]
            device: int | str | None = int(name) if name.isdigit() else (name or None)
            try:
                return AudioCapture(MicrophoneSource(device))
            except NoMicrophone as e:
                log.warning("recording without sound: %s", e)
                return None
        log.warning("audio source %r is not known; recording without sound", audio)
        return None


def _clip_facts(pending: PendingClip, facts: MediaClipFacts) -> ClipFacts:
    duration_ms = round(facts.duration_s * 1000)
    return ClipFacts(
        file=pending.clip.file,
        started=Instant(facts.first_utc, facts.first_mono_ns),
        ended=Instant(facts.last_utc, facts.last_mono_ns),
        tracks=tuple(TrackFacts(t.kind, t.codec, t.name, duration_ms, t.frames)
                     for t in facts.tracks),
        watermark=Watermark(facts.watermark.value), recipients=pending.clip.recipients,
        dropped_frames=facts.frames_dropped)
