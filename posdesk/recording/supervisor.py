"""App-side keeper of the recorder child process and of the lane's evidence chain.

`RecorderSupervisor` starts the recorder (spawn start method), forwards sale events to it,
and reads its status on a monitor thread. It notices death two ways: the process exits
(an FFmpeg abort, a kill) or its heartbeat stops (a hung camera driver; the child is
then killed). Either way it reports `RecorderDown` (the app journals the gap), recovers
every interrupted clip (cut to its sealed prefix, `truncated` manifest), and restarts the
recorder; a sale still going on gets a fresh clip for the rest of it.

This is also the evidence service: manifests are signed here, in the app process, on one
evidence worker thread (hashing a clip reads it once), so the chain is appended in one
place and in order, and finalising a clip never delays the next sale or the GUI. Plain
Python with callbacks: `on_event` is called from the supervisor's threads; the UI bridge
turns events into queued Qt signals.
"""
from __future__ import annotations

import logging
import multiprocessing
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from dataclasses import dataclass, field
from typing import Callable

from ..core.clock import Clock, Instant, SystemClock
from .evidence.chain import EvidenceChain
from .evidence.layout import PendingClip
from .evidence.manifest import ClipStatus, Entry, JournalDigest, NoClipReason, SaleRef
from .evidence.recovery import recover_clip
from .preview import PreviewImage, PreviewSlot
from .messages import (ClipFinalised, ClipOpened, ClipRefused, Heartbeat, JournalCue, Ready,
                       RecorderConfig, RecorderWarning, SaleEnded, SaleStarted, Shutdown)

log = logging.getLogger(__name__)

#: Waits before restart number 1, 2, ... of a recorder that keeps dying; the last repeats.
#: Capped at a few seconds: each second without a recorder is a second of sales unfilmed,
#: while a recorder that dies again at once costs only a process start.
RESTART_DELAYS_S = (0.0, 0.5, 1.0, 2.0)
#: A recorder that ran this long without dying starts the back-off from the beginning.
STABLE_RUN_S = 60.0
#: Time the child gets to import its libraries and open its camera before its first beat.
STARTUP_TIMEOUT_S = 30.0


# -- events for the app -----------------------------------------------------------------

@dataclass(frozen=True)
class RecorderUp:
    pid: int
    restarts: int


@dataclass(frozen=True)
class RecorderDown:
    """The recorder died; the app journals a recording gap for every sale in `sales`."""

    at: Instant
    reason: str
    sales: tuple[str, ...]


@dataclass(frozen=True)
class ManifestSigned:
    """A sale's evidence entry is in the chain (status complete, truncated or no-clip)."""

    sale_id: str
    entry: Entry


@dataclass(frozen=True)
class EvidenceFailed:
    sale_id: str
    error: str


RecorderEvent = RecorderUp | RecorderDown | ManifestSigned | EvidenceFailed | RecorderWarning


@dataclass
class _Sale:
    ref: SaleRef
    started: Instant
    ended: Instant | None = None
    clip: str | None = None  # "requested" | "open" | None (no clip running)
    manifests: int = 0
    refused: NoClipReason | None = None
    interrupted: bool = False  # its open clip died with a recorder; recovery signs it


@dataclass
class _Child:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    spawned: float
    last_beat: float | None = None
    pid_reported: bool = False
    sends: threading.Lock = field(default_factory=threading.Lock)


class RecorderSupervisor:
    """Keeps one recorder running for one lane and signs every sale's evidence."""

    def __init__(self, config: RecorderConfig, *, chain: EvidenceChain,
                 journal: Callable[[str], JournalDigest],
                 on_event: Callable[[RecorderEvent], None], clock: Clock | None = None,
                 heartbeat_timeout_s: float = 3.0,
                 restart_delays_s: tuple[float, ...] = RESTART_DELAYS_S):
        """`journal(sale_id)` gives the digest of the sale's journal as it stands now
        (an empty digest for a sale the database does not know); it is called on the
        evidence thread."""
        self.config = config
        self.chain = chain
        #: Which video encoder the recorder runs (and why not a hardware one); "" until ready.
        self.video_encoder = ""
        self._journal = journal
        self._on_event = on_event
        self._clock = clock or SystemClock()
        self._heartbeat_timeout_s = heartbeat_timeout_s
        self._restart_delays_s = restart_delays_s
        self._ctx = multiprocessing.get_context("spawn")
        self._lock = threading.RLock()
        self._sales: dict[str, _Sale] = {}
        self._child: _Child | None = None
        self._stop = threading.Event()
        self._evidence = ThreadPoolExecutor(max_workers=1, thread_name_prefix="evidence")
        self._monitor: threading.Thread | None = None
        self._slot: PreviewSlot | None = None
        self._stopping = False
        self.restarts = 0
        self._quick_deaths = 0

    # -- life cycle ---------------------------------------------------------------------

    def start(self) -> None:
        """Recover clips a previous run left behind, then start the recorder."""
        self._recover_all(None)
        width, height = self.config.preview_size
        self._slot = PreviewSlot.create(width, height)
        self._spawn()
        self._monitor = threading.Thread(target=self._watch, name="recorder-monitor",
                                         daemon=True)
        self._monitor.start()

    def stop(self, timeout_s: float = 15.0) -> None:
        """Finish every clip, sign the manifests, stop the recorder and the threads.

        Idempotent: a second call returns at once.
        """
        if self._stop.is_set():
            return
        self._stopping = True
        self._send(Shutdown())
        if self._monitor is not None:
            self._monitor.join(timeout_s)
        child = self._child
        if child is not None and child.process.is_alive():
            log.error("recorder did not stop in %.0f s; killing it", timeout_s)
            child.process.kill()
            child.process.join()
        self._stop.set()
        if self._monitor is not None:
            self._monitor.join()
        if child is not None:
            child.conn.close()
            if child.process.exitcode != 0:
                self._recover_all(self._clock.now())
        self._evidence.shutdown(wait=True)
        slot, self._slot = self._slot, None  # `preview()` answers None from now on
        if slot is not None:
            slot.close()
            slot.unlink()

    @property
    def pid(self) -> int | None:
        child = self._child
        return child.process.pid if child is not None else None

    # -- sale events from the app -------------------------------------------------------

    def sale_started(self, sale: SaleRef, at: Instant) -> None:
        with self._lock:
            state = self._sales[sale.sale_id] = _Sale(sale, at)
            if self._child is not None and self._child.pid_reported:
                state.clip = "requested"
                self._send(SaleStarted(sale, at))

    def cue(self, sale_id: str, mono_ns: int, text: str) -> None:
        """A journal line to show on the clip's subtitle track."""
        self._send(JournalCue(sale_id, mono_ns, text))

    def sale_ended(self, sale_id: str, at: Instant, outcome: str,
                   postroll_s: float | None = None) -> None:
        """Call once the sale is committed: its journal is what the manifest will bind."""
        with self._lock:
            state = self._sales.get(sale_id)
            if state is None:
                return
            state.ended = at
            if state.clip is not None:
                self._send(SaleEnded(sale_id, at, outcome, postroll_s))
            elif state.manifests == 0 and not state.interrupted:
                reason = state.refused or NoClipReason.RECORDER_DOWN
                self._evidence.submit(self._no_clip, state, reason)
            else:
                self._sales.pop(sale_id)

    def sale_without_clip(self, sale: SaleRef, started: Instant, ended: Instant,
                          reason: NoClipReason) -> None:
        """A sale the recording policy left unrecorded still gets its (no-clip) manifest,
        so the chain knows of every sale; signed on the evidence thread like the others."""
        self._evidence.submit(self._no_clip, _Sale(sale, started, ended), reason)

    def preview(self, newer_than: int = 0) -> PreviewImage | None:
        slot = self._slot
        return slot.read(newer_than) if slot is not None else None

    # -- monitor thread -----------------------------------------------------------------

    def _watch(self) -> None:
        while not self._stop.is_set():
            child = self._child
            if child is None:
                if self._stopping:
                    return
                self._restart()
                continue
            if self._read_one(child):
                continue
            why = self._death_reason(child)
            if why is None:
                continue
            if self._stopping and child.process.exitcode is not None:
                return  # asked to stop, and every message it sent has been read
            self._on_death(child, why)

    def _read_one(self, child: _Child) -> bool:
        try:
            if child.conn.poll(0.1):
                self._dispatch(child, child.conn.recv())
                return True
        except (EOFError, OSError):
            child.process.join(0.1)  # the pipe closed: the exit code follows at once
        return False

    def _death_reason(self, child: _Child) -> str | None:
        code = child.process.exitcode
        if code is not None:
            return f"exited with code {code}"
        since = child.last_beat or child.spawned
        limit = self._heartbeat_timeout_s if child.last_beat else STARTUP_TIMEOUT_S
        if time.monotonic() - since > limit:
            log.error("recorder %d sent no heartbeat for %.1f s; killing it",
                      child.process.pid, time.monotonic() - since)
            child.process.kill()
            child.process.join()
            return "no heartbeat"
        return None

    def _dispatch(self, child: _Child, message: object) -> None:
        child.last_beat = time.monotonic()
        if isinstance(message, Heartbeat):
            return
        if isinstance(message, Ready):
            self.video_encoder = message.video_encoder
            self._on_ready(child, message.pid)
        elif isinstance(message, ClipOpened):
            self._set_clip(message.pending.sale.sale_id, "open")
        elif isinstance(message, ClipFinalised):
            self._evidence.submit(self._clip_done, message)
        elif isinstance(message, ClipRefused):
            with self._lock:
                state = self._sales.get(message.sale.sale_id)
                if state is not None:
                    state.clip, state.refused = None, message.reason
            if state is not None and state.ended is not None:
                self._evidence.submit(self._no_clip, state, message.reason)
        elif isinstance(message, RecorderWarning):
            self._emit(message)

    def _on_ready(self, child: _Child, pid: int) -> None:
        with self._lock:
            child.pid_reported = True
            for state in self._sales.values():
                if state.ended is None and state.clip is None and state.refused is None:
                    # A sale that began (or went on) while the recorder was down.
                    state.clip = "requested"
                    self._send(SaleStarted(state.ref, state.started))
        self._emit(RecorderUp(pid, self.restarts))

    def _on_death(self, child: _Child, reason: str) -> None:
        at = self._clock.now()
        child.process.join()
        child.conn.close()
        dead_clips = self._dead_clips()
        noted = {p.sale.sale_id for p in dead_clips}
        with self._lock:
            self._child = None
            hit = tuple(s.ref.sale_id for s in self._sales.values()
                        if s.clip is not None or (s.ended is None and s.refused is None))
            # An ended sale whose clip never got as far as a file gets a no-clip manifest.
            unrecorded = [s for s in self._sales.values() if s.ended is not None
                          and s.clip is not None and s.ref.sale_id not in noted
                          and s.manifests == 0]
            for state in self._sales.values():
                state.interrupted |= state.ref.sale_id in noted
                state.clip = None
        log.error("recorder died (%s); sales affected: %s", reason, ", ".join(hit) or "none")
        self._emit(RecorderDown(at, reason, hit))
        for pending in dead_clips:
            self._evidence.submit(self._recover, pending, at)
        for state in unrecorded:
            self._evidence.submit(self._no_clip, state, NoClipReason.RECORDER_DOWN)
        lived = time.monotonic() - child.spawned
        self._quick_deaths = 1 if lived > STABLE_RUN_S else self._quick_deaths + 1

    def _dead_clips(self) -> list[PendingClip]:
        """Clips of this lane left without a manifest.

        Called only while no recorder runs, so this is a snapshot of dead clips: the next
        recorder writes new pending notes of its own.
        """
        return [p for p in self.chain.layout.pending() if p.sale.lane_id == self.chain.lane_id]

    def _recover_all(self, at: Instant | None) -> None:
        for pending in self._dead_clips():
            self._evidence.submit(self._recover, pending, at)

    def _restart(self) -> None:
        delays = self._restart_delays_s
        delay = delays[min(self._quick_deaths, len(delays)) - 1]
        if self._stop.wait(delay) or self._stopping:
            return
        self.restarts += 1
        self._spawn()

    def _spawn(self) -> None:
        # The child's code (PyAV, OpenCV, the encoders) is imported here, not with this
        # module: the window starts without loading what only the recorder process runs.
        from .process import run_recorder
        parent, child_end = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(target=run_recorder, name=f"recorder-{self.config.lane_id}",
                                    args=(self.config, child_end, self._slot.name), daemon=True)
        process.start()
        child_end.close()
        with self._lock:
            self._child = _Child(process, parent, time.monotonic())
        log.info("recorder started as process %d", process.pid)

    def _send(self, message: object) -> None:
        child = self._child
        if child is None:
            return
        try:
            with child.sends:
                child.conn.send(message)
        except (BrokenPipeError, EOFError, OSError) as e:
            log.warning("recorder did not take %s: %s", type(message).__name__, e)

    def _set_clip(self, sale_id: str, clip: str | None) -> None:
        with self._lock:
            state = self._sales.get(sale_id)
            if state is not None:
                state.clip = clip

    # -- evidence thread ----------------------------------------------------------------

    def _clip_done(self, message: ClipFinalised) -> None:
        sale_id = message.sale.sale_id
        if message.error:
            log.error("clip of sale %s ended early: %s", sale_id, message.error)
        status, reason = ClipStatus.COMPLETE, None
        if not any(t.frames for t in message.clip.tracks if t.kind == "video"):
            # A clip without one picture is no evidence of the counter: say so, never complete.
            status, reason = ClipStatus.NO_CAMERA, NoClipReason.NO_CAMERA
        self._signed(sale_id, lambda: self.chain.record_clip(
            message.sale, message.clip, self._journal(sale_id), status=status, reason=reason),
            clip_closed=True)

    def _no_clip(self, state: _Sale, reason: NoClipReason) -> None:
        self._signed(state.ref.sale_id, lambda: self.chain.record_no_clip(
            state.ref, started=state.started, ended=state.ended,
            journal=self._journal(state.ref.sale_id), reason=reason), clip_closed=True)

    def _recover(self, pending: PendingClip, at: Instant | None) -> None:
        if not self.chain.layout.pending_note(pending.clip.file).exists():
            return  # the recorder finalised it just before dying; its manifest came first
        sale_id = pending.sale.sale_id
        ended = at or self._clock.now()
        self._signed(sale_id, lambda: recover_clip(self.chain, pending, self._journal(sale_id),
                                                   ended=ended), clip_closed=False)

    def _signed(self, sale_id: str, sign: Callable[[], Entry], *, clip_closed: bool) -> None:
        try:
            entry = sign()
        except Exception as e:  # noqa: BLE001 - a failed manifest must be reported, not lost
            log.exception("evidence for sale %s failed", sale_id)
            self._emit(EvidenceFailed(sale_id, str(e)))
            return
        with self._lock:
            state = self._sales.get(sale_id)
            if state is not None:
                state.manifests += 1
                if state.ended is not None and (clip_closed or state.clip is None):
                    self._sales.pop(sale_id)
        self._emit(ManifestSigned(sale_id, entry))

    def _emit(self, event: RecorderEvent) -> None:
        try:
            self._on_event(event)
        except Exception:  # noqa: BLE001 - a faulty listener must not stop the recorder
            log.exception("recorder event listener failed on %s", type(event).__name__)
