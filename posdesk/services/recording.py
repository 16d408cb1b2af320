"""The dual recording of each sale: sale events to the recorder, evidence into the database.

The recorder runs in a supervised child process and the evidence is signed beside it
(`recording.lane_recorder`); this service turns the checkout's journal into their commands:
the sale's start opens a clip (with the pre-roll), each event becomes a subtitle cue, the
sale's end — once its journal is committed — closes the clip after the post-roll and has its
manifest signed. Calls into the recorder go through a worker thread of their own, so a
stuck pipe to a hung recorder can never freeze the cashier's window. What the recorder
reports (death, dropped frames, full disk) is journaled on the sale it hit and shown to the
cashier.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

from posdesk.core.clock import Clock, Instant
from posdesk.core.i18n import QT_TRANSLATE_NOOP, Text
from posdesk.core.journal import JournalEvent, JournalKind, canonical_bytes
from posdesk.core.journal_text import describe
from posdesk.core.sale import Sale, SaleState
from posdesk.db.recordings import RecordingStore
from posdesk.db.sales import SaleStore
from posdesk.db.writer import DbWriter
from posdesk.devices.worker import DeviceWorker
from posdesk.recording.events import (EvidenceFailed, ManifestSigned, RecorderDown, RecorderEvent,
                                      RecorderUp)
from posdesk.recording.evidence.chain import EvidenceChain
from posdesk.recording.evidence.layout import ClipLayout
from posdesk.recording.evidence.manifest import JournalDigest, NoClipReason, SaleRef
from posdesk.recording.media.motion import MotionSettings
from posdesk.recording.media.video_settings import VideoSettings
from posdesk.recording.keys import KeyStore
from posdesk.recording.lane_recorder import LaneRecorder
from posdesk.recording.messages import RecorderConfig, RecorderWarning, VideoSpec, WarningCode
from posdesk.recording.preview import PreviewImage

from .checkout import Checkout
from .clock_watch import ClockWatch
from .config import Config
from .dispatch import Dispatch
from .recording_policy import RecordingPolicy
from .unsigned_sales import sign_unsigned_sales

log = logging.getLogger(__name__)

#: The demo's manager passphrase (the README states it); a real lane sets its own.
DEMO_PASSPHRASE = "demo-manager"

#: Longest wait at shutdown for the writer, then for the recorder, to finish their work.
STOP_WAIT_S = 30.0

@dataclass
class _Recorded:
    started: Instant
    recording: bool = False
    since_mono_ns: int | None = None


@dataclass
class RecordingState:
    """What the window shows: is this sale being recorded, and is the camera there."""

    enabled: bool = False
    recorder_up: bool = False
    camera_ok: bool = True
    #: True while the camera has never given a picture (missing device, wrong setting).
    no_camera: bool = False
    #: False once the recorder said it has no microphone: clips are video-only.
    sound_ok: bool = True
    problem: Text | None = None
    #: Monotonic start of the open sale's clip, for the REC indicator's elapsed time.
    rec_since_mono_ns: int | None = None
    warnings: list[Text] = field(default_factory=list)


def video_spec(config: Config, key: str = "recording.camera") -> VideoSpec:
    camera = config.get(key) or "synthetic"
    source: str | int = int(camera) if str(camera).isdigit() else camera
    passthrough = bool(config.get("recording.passthrough")) and str(camera).startswith("rtsp://")
    return VideoSpec(source, config.get("recording.width"), config.get("recording.height"),
                     float(config.get("recording.camera_fps")), passthrough,
                     encode_fps=float(config.get("recording.fps")))


def audio_source(config: Config) -> str | None:
    audio = str(config.get("recording.audio"))
    if audio == "off":
        return None
    if audio == "auto":
        return "synthetic" if not config.get("recording.camera") else "microphone"
    return audio


class RecordingService:
    """Listeners: `on_state(RecordingState)` on the sale's thread (through `Dispatch`)."""

    def __init__(self, *, checkout: Checkout, config: Config, data_dir: Path, keys: KeyStore,
                 sales: SaleStore, recordings: RecordingStore, writer: DbWriter, dispatch: Dispatch,
                 clock: Clock):
        self._checkout = checkout
        self._config = config
        self._data_dir = data_dir
        self._keys = keys
        self._sales = sales
        self._recordings = recordings
        self._writer = writer
        self._dispatch = dispatch
        self._clock = clock
        self.policy = RecordingPolicy.from_config(config, checkout.currency)
        self.state = RecordingState()
        self.on_state: list[Callable[[RecordingState], None]] = []
        self._open: dict[str, _Recorded] = {}
        self._calls = DeviceWorker("recording")
        self.recorder: LaneRecorder | None = None
        self.chain: EvidenceChain | None = None
        self._down_reason: str | None = None  # why the recorder last died, for gap notes
        self._clock_watch = ClockWatch()

    # -- life cycle ------------------------------------------------------------------------
    def start(self) -> None:
        if not self._keys.is_set_up():
            self._problem(QT_TRANSLATE_NOOP(
                "Recording", "Recording is off: no manager key is set up (posdesk keys init)."))
            return
        lane = self._config.get("lane.id")
        self.chain = EvidenceChain(ClipLayout(self._data_dir), lane, self._keys, self._clock)
        mib = 1024 * 1024
        config = RecorderConfig(
            data_dir=self._data_dir, lane_id=lane,
            recipients=tuple(str(r) for r in self._keys.recipients()),
            video=video_spec(self._config),
            video2=video_spec(self._config, "recording.camera2") if self._config.get("recording.camera2") else None,
            audio=audio_source(self._config),
            preroll_s=float(self._config.get("recording.preroll_s")),
            postroll_s=float(self._config.get("recording.postroll_s")),
            watermark=bool(self._config.get("recording.watermark")),
            encoder=str(self._config.get("recording.encoder")),
            video_settings=VideoSettings(
                preset=str(self._config.get("recording.preset")),
                crf=int(self._config.get("recording.crf")),
                keyframe_interval_s=float(self._config.get("recording.keyframe_s")),
                lookahead_frames=int(self._config.get("recording.lookahead_frames"))),
            audio_bit_rate=int(self._config.get("recording.audio_kbps")) * 1000,
            motion=MotionSettings(
                idle_fps=float(self._config.get("recording.motion_idle_fps")),
                thin_sales=bool(self._config.get("recording.motion_thin_sales"))),
            warn_free_bytes=int(self._config.get("recording.disk_warn_mb")) * mib,
            full_free_bytes=int(self._config.get("recording.disk_full_mb")) * mib,
            warn_days=float(self._config.get("recording.disk_warn_days")))
        self.recorder = LaneRecorder(config, chain=self.chain, journal=self._journal_digest,
                                     on_event=self._recorder_event, clock=self._clock)
        self._calls.start()
        chain = self.chain
        self._calls.submit(lambda: self._clock_watch.saw(chain.entries()))
        self._calls.submit(self.recorder.start)
        self._calls.submit(self._sign_unsigned_sales)
        self._checkout.on_event.append(self._on_journal)
        self._checkout.on_sale_finished.append(self._on_finished)
        self.state.enabled = True
        self._changed()

    def _sign_unsigned_sales(self) -> None:
        assert self.chain is not None
        for entry in sign_unsigned_sales(self.chain, self._sales, self.chain.lane_id):
            self._recorder_event(ManifestSigned(entry.sale_id, entry))

    def stop(self) -> None:
        """Sign the evidence of every sale ended so far, then stop the recorder.

        A sale's end reaches the recorder only once the writer has committed its journal
        (`_end`); the last sale before closing may still be on its way. A barrier through
        the writer lets it arrive first, or its manifest would never be signed.
        """
        if self.recorder is not None:
            arrived = threading.Event()
            self._writer.submit(lambda: None, lambda _result, _error: arrived.set())
            if not arrived.wait(STOP_WAIT_S):
                log.error("the database writer did not catch up in %.0f s; the last sales "
                          "may lack their evidence entry", STOP_WAIT_S)
            self._calls.submit(self.recorder.stop)
        self._calls.stop(timeout=STOP_WAIT_S)

    @property
    def video_encoder(self) -> str:
        """Which video encoder records, and why not a hardware one ("" before the recorder
        is up), for the self-test and the device page."""
        return self.recorder.video_encoder if self.recorder is not None else ""

    def preview(self, newer_than: int = 0) -> PreviewImage | None:
        """The newest preview frame from shared memory (a copy); cheap, never waits."""
        return self.recorder.preview(newer_than) if self.recorder is not None else None

    # -- manual mode -----------------------------------------------------------------------
    @property
    def recording_sale(self) -> bool:
        """Whether the open sale is being recorded right now."""
        sale = self._checkout.sale
        rec = self._open.get(sale.id) if sale is not None else None
        return rec is not None and rec.recording

    def record_now(self) -> None:
        """Start recording the open sale (manual mode, or on top of any rule)."""
        sale = self._checkout.sale
        if sale is not None and self.recorder is not None and not self.recording_sale:
            self._begin(sale, self._recorded(sale))

    def stop_now(self) -> None:
        """End the open sale's clip now (manual mode); its manifest binds the journal so far
        and the sale goes on unrecorded unless recording is started again."""
        sale = self._checkout.sale
        if sale is not None and self.recording_sale:
            sale.note(JournalKind.RECORDING_STOPPED, {"by": self._checkout.operator.name})
            self._end(sale, "stopped")

    # -- sale events (the sale's thread) ---------------------------------------------------
    def _on_journal(self, sale_id: str, event: JournalEvent) -> None:
        sale = self._checkout.sale
        if sale is None or sale.id != sale_id:
            return
        rec = self._recorded(sale)
        if not rec.recording and self.policy.fires(sale, event):
            self._begin(sale, rec)
        if rec.recording and self.recorder is not None:
            text = describe(event, sale.currency)
            if text:
                recorder = self.recorder
                self._calls.submit(lambda: recorder.cue(sale_id, event.mono_ns, text))
        if event.kind == JournalKind.SALE_SUSPENDED:
            self._end(sale, "suspended")

    def _recorded(self, sale: Sale) -> _Recorded:
        rec = self._open.get(sale.id)
        if rec is None:
            first = sale.events[0]
            rec = self._open[sale.id] = _Recorded(Instant(first.utc, first.mono_ns))
            self._check_clock(sale, first.utc)
        return rec

    def _check_clock(self, sale: Sale, utc: datetime) -> None:
        behind = self._clock_watch.behind(utc)
        if behind is None:
            return
        minutes = int(behind.total_seconds() // 60)
        sale.note(JournalKind.CLOCK_BEHIND_EVIDENCE, {"minutes": minutes})
        self._problem(QT_TRANSLATE_NOOP(
            "Recording", "The clock is {minutes} minutes behind the last recorded sale: "
            "please set the date and time.").format(minutes=minutes))

    def _begin(self, sale: Sale, rec: _Recorded) -> None:
        rec.recording = True
        if not self.state.sound_ok:
            sale.note(JournalKind.RECORDING_WITHOUT_SOUND, {})
        cause = self._gap_cause()
        if cause is not None:  # the sale starts inside a gap: its journal says so at once
            sale.note(JournalKind.RECORDING_GAP, {"cause": cause})
        now = self._clock.now()
        rec.since_mono_ns = now.mono_ns
        ref = SaleRef(sale.id, sale.lane, sale.id[:8])
        recorder = self.recorder
        assert recorder is not None
        self._calls.submit(lambda: recorder.sale_started(ref, now))
        self.state.rec_since_mono_ns = now.mono_ns
        self._changed()

    def _on_finished(self, sale: Sale) -> None:
        self._end(sale, sale.state.value)

    def _end(self, sale: Sale, outcome: str) -> None:
        rec = self._open.pop(sale.id, None)
        recorder = self.recorder
        if rec is None or recorder is None:
            return
        ended = self._clock.now()
        ref = SaleRef(sale.id, sale.lane, sale.id[:8])
        if rec.recording:
            def close() -> None:
                recorder.sale_ended(sale.id, ended, outcome)
        else:
            def close() -> None:
                recorder.sale_without_clip(ref, rec.started, ended, NoClipReason.POLICY)
        def committed(_result: object, error: BaseException | None) -> None:
            if error is None:  # a failed write is retried; `done` comes again on success
                self._calls.submit(close)

        # The manifest binds the journal as committed: wait for the writer to get there.
        self._writer.submit(lambda: None, committed)
        self.state.rec_since_mono_ns = None
        self._changed()

    # -- evidence (recorder threads) -------------------------------------------------------
    def _journal_digest(self, sale_id: str) -> JournalDigest:
        events = self._sales.load_events(sale_id)
        return JournalDigest.of(canonical_bytes(events), len(events))

    def _recorder_event(self, event: RecorderEvent) -> None:
        if isinstance(event, ManifestSigned):
            self._clock_watch.saw([event.entry])
            self._writer.submit(lambda: self._index(event))
        elif isinstance(event, RecorderDown):
            self._dispatch.post(lambda: self._gap(event.sales, event.reason))
        elif isinstance(event, RecorderUp):
            self._dispatch.post(lambda: self._recorder_up())
        elif isinstance(event, EvidenceFailed):
            log.error("evidence for %s failed: %s", event.sale_id, event.error)
            self._dispatch.post(lambda: self._problem(QT_TRANSLATE_NOOP(
                "Recording", "The evidence of a sale could not be signed: {error}").format(error=event.error)))
        elif isinstance(event, RecorderWarning):
            self._dispatch.post(lambda: self._warning(event))

    def _index(self, event: ManifestSigned) -> None:
        body = event.entry.body
        clip = body.get("clip") or {}
        tracks = clip.get("tracks") or []
        duration = max((t.get("duration_ms") or 0 for t in tracks), default=0) or None
        self._recordings.upsert(event.sale_id, status=body.get("status", body.get("type", "")),
                                clip_path=clip.get("file"), manifest_path=body.get("file", ""),
                                size=clip.get("size") or 0, sha256=clip.get("sha256"),
                                duration_ms=duration, key_ids=list(clip.get("recipients") or []),
                                now=self._clock.now().utc)

    def _gap_cause(self) -> str | None:
        """Why a sale starting now would not be filmed, or None when it will be."""
        if not self.state.recorder_up:
            return f"recorder-down: {self._down_reason}" if self._down_reason else "recorder-starting"
        if self.state.no_camera:
            return str(WarningCode.NO_CAMERA)
        if not self.state.camera_ok:
            return str(WarningCode.CAMERA_LOST)
        return None

    def _gap(self, sale_ids: tuple[str, ...], reason: str) -> None:
        sale = self._checkout.sale
        if sale is not None and sale.id in sale_ids and sale.state in (SaleState.OPEN, SaleState.TENDERING):
            sale.note(JournalKind.RECORDING_GAP, {"reason": reason})
        self.state.recorder_up = False
        self._down_reason = reason
        self._problem(QT_TRANSLATE_NOOP("Recording", "The recorder stopped ({reason}); it is restarting."
                                        ).format(reason=reason))

    def _recorder_up(self) -> None:
        self.state.recorder_up = True
        self.state.problem = None
        # A new recorder opens the camera afresh and warns again if it is still missing.
        self.state.camera_ok, self.state.no_camera = True, False
        self._changed()

    def _warning(self, w: RecorderWarning) -> None:
        sale = self._checkout.sale
        if w.code is WarningCode.NO_MICROPHONE:
            self.state.sound_ok = False
        if w.code in (WarningCode.CAMERA_LOST, WarningCode.NO_CAMERA):
            self.state.camera_ok = False
            self.state.no_camera = w.code is WarningCode.NO_CAMERA
        elif w.code is WarningCode.CAMERA_BACK:
            self.state.camera_ok, self.state.no_camera = True, False
        if sale is not None and not sale.finished and w.code in (
                WarningCode.FRAMES_DROPPED, WarningCode.CAMERA_LOST, WarningCode.NO_CAMERA,
                WarningCode.DISK_FULL):
            kind = (JournalKind.FRAMES_DROPPED if w.code is WarningCode.FRAMES_DROPPED
                    else JournalKind.RECORDING_GAP)
            sale.note(kind, {"cause": str(w.code), "count": w.count})
        if w.code is not WarningCode.CAMERA_BACK:
            self._problem(w.text)
        else:
            self._changed()

    def _problem(self, text: Text) -> None:
        self.state.problem = text
        self._checkout.notice(text)
        self._changed()

    def _changed(self) -> None:
        for listener in self.on_state:
            listener(self.state)


def ensure_keys(keys: KeyStore, *, demo: bool) -> None:
    """The demo lane gets a manager key with the README's passphrase; a real lane's
    installer runs `posdesk keys init`."""
    if demo and not keys.is_set_up():
        keys.set_up(DEMO_PASSPHRASE)

