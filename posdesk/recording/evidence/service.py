"""The evidence service: every sale of the lane gets its signed manifest, exactly once.

It follows each sale from its start to its manifest: asks the recorder for a clip while
one runs, signs the clip the recorder finalised (`complete`, or `no-camera` for a clip
without a picture), signs `no-clip` for a sale the recorder refused, missed or never saw,
and, once a recorder died, recovers the clips it left open (cut to their sealed prefix,
`truncated`) and names the sales whose recording it cut (the recording gaps the app
journals).

Manifests are signed here, in the app process, on one evidence worker thread (hashing a
clip reads it once), so the chain is appended in one place and in order, and finalising a
clip never delays the next sale or the GUI. Recovery is idempotent: a clip whose manifest
reached the chain before a crash is not signed twice.

It knows nothing about processes: the supervisor calls it as a `RecorderListener`, and it
talks to the recorder only through the `to_recorder` callback.
"""
from __future__ import annotations

import enum
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable

from ...core.clock import Clock, Instant
from ..events import EvidenceFailed, ManifestSigned, notify
from ..messages import ClipFinalised, ClipOpened, ClipRefused, SaleEnded, SaleStarted
from .chain import EvidenceChain
from .layout import PendingClip
from .manifest import ClipStatus, Entry, JournalDigest, NoClipReason, SaleRef
from .recovery import recover_clip

log = logging.getLogger(__name__)

#: What the evidence service reports to the app.
EvidenceEvent = ManifestSigned | EvidenceFailed


class _Clip(enum.Enum):
    REQUESTED = "requested"  # the recorder was asked for a clip and has not opened it yet
    OPEN = "open"


@dataclass
class _Sale:
    ref: SaleRef
    started: Instant
    ended: Instant | None = None
    clip: _Clip | None = None  # None: no clip running
    manifests: int = 0
    refused: NoClipReason | None = None
    interrupted: bool = False  # its open clip died with a recorder; recovery signs it


class EvidenceService:
    """Signs every sale's evidence for one lane's chain."""

    def __init__(self, chain: EvidenceChain, *, journal: Callable[[str], JournalDigest],
                 to_recorder: Callable[[SaleStarted | SaleEnded], None],
                 on_event: Callable[[EvidenceEvent], None], clock: Clock):
        """`journal(sale_id)` gives the digest of the sale's journal as it stands now
        (an empty digest for a sale the database does not know); it is called on the
        evidence thread."""
        self.chain = chain
        self._journal = journal
        self._to_recorder = to_recorder
        self._on_event = on_event
        self._clock = clock
        self._lock = threading.RLock()
        self._sales: dict[str, _Sale] = {}
        self._recorder_up = False
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="evidence")

    def recover_dead_clips(self, at: Instant | None) -> None:
        """Sign every clip of this lane left open by a recorder that is gone (`at`: when it
        died; None for a previous run, whose clips end when they are recovered). Call only
        while no recorder runs."""
        for pending in self._dead_clips():
            self._worker.submit(self._recover, pending, at)

    def stop(self) -> None:
        """Wait until everything handed to the evidence thread is signed."""
        self._worker.shutdown(wait=True)

    # -- sale events from the app -------------------------------------------------------

    def sale_started(self, sale: SaleRef, at: Instant) -> None:
        with self._lock:
            state = self._sales[sale.sale_id] = _Sale(sale, at)
            if self._recorder_up:
                state.clip = _Clip.REQUESTED
                self._to_recorder(SaleStarted(sale, at))

    def sale_ended(self, sale_id: str, at: Instant, outcome: str,
                   postroll_s: float | None = None) -> None:
        """Call once the sale is committed: its journal is what the manifest will bind."""
        with self._lock:
            state = self._sales.get(sale_id)
            if state is None:
                return
            state.ended = at
            if state.clip is not None:
                self._to_recorder(SaleEnded(sale_id, at, outcome, postroll_s))
            elif state.manifests == 0 and not state.interrupted:
                reason = state.refused or NoClipReason.RECORDER_DOWN
                self._worker.submit(self._no_clip, state, reason)
            else:
                self._sales.pop(sale_id)

    def sale_without_clip(self, sale: SaleRef, started: Instant, ended: Instant,
                          reason: NoClipReason) -> None:
        """A sale the recording policy left unrecorded still gets its (no-clip) manifest,
        so the chain knows of every sale; signed on the evidence thread like the others."""
        self._worker.submit(self._no_clip, _Sale(sale, started, ended), reason)

    # -- what the supervisor reports (its monitor thread) ---------------------------------

    def recorder_ready(self) -> None:
        with self._lock:
            self._recorder_up = True
            for state in self._sales.values():
                if state.ended is None and state.clip is None and state.refused is None:
                    # A sale that began (or went on) while the recorder was down.
                    state.clip = _Clip.REQUESTED
                    self._to_recorder(SaleStarted(state.ref, state.started))

    def clip_report(self, report: ClipOpened | ClipFinalised | ClipRefused) -> None:
        if isinstance(report, ClipOpened):
            with self._lock:
                state = self._sales.get(report.pending.sale.sale_id)
                if state is not None:
                    state.clip = _Clip.OPEN
        elif isinstance(report, ClipFinalised):
            self._worker.submit(self._clip_done, report)
        else:
            with self._lock:
                state = self._sales.get(report.sale.sale_id)
                if state is not None:
                    state.clip, state.refused = None, report.reason
            if state is not None and state.ended is not None:
                self._worker.submit(self._no_clip, state, report.reason)

    def recorder_died(self, at: Instant) -> tuple[str, ...]:
        """Recover the dead recorder's clips; the sales whose recording it cut."""
        dead_clips = self._dead_clips()
        noted = {p.sale.sale_id for p in dead_clips}
        with self._lock:
            self._recorder_up = False
            hit = tuple(s.ref.sale_id for s in self._sales.values()
                        if s.clip is not None or (s.ended is None and s.refused is None))
            # An ended sale whose clip never got as far as a file gets a no-clip manifest.
            unrecorded = [s for s in self._sales.values() if s.ended is not None
                          and s.clip is not None and s.ref.sale_id not in noted
                          and s.manifests == 0]
            for state in self._sales.values():
                state.interrupted |= state.ref.sale_id in noted
                state.clip = None
        for pending in dead_clips:
            self._worker.submit(self._recover, pending, at)
        for state in unrecorded:
            self._worker.submit(self._no_clip, state, NoClipReason.RECORDER_DOWN)
        return hit

    def _dead_clips(self) -> list[PendingClip]:
        """Clips of this lane left without a manifest.

        Called only while no recorder runs, so this is a snapshot of dead clips: the next
        recorder writes new pending notes of its own.
        """
        return [p for p in self.chain.layout.pending() if p.sale.lane_id == self.chain.lane_id]

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
            notify(self._on_event, EvidenceFailed(sale_id, str(e)))
            return
        with self._lock:
            state = self._sales.get(sale_id)
            if state is not None:
                state.manifests += 1
                if state.ended is not None and (clip_closed or state.clip is None):
                    self._sales.pop(sale_id)
        notify(self._on_event, ManifestSigned(sale_id, entry))
