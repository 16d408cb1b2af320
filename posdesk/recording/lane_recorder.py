"""One lane's recording: the supervised recorder process and the evidence service, wired.

The supervisor tells the evidence service what the recorder does (`RecorderListener`); the
evidence service asks the recorder for clips through the supervisor's `send`. Neither
knows the other's class. This is the one object the app's recording service holds; its
events (`events.RecorderEvent`) come from the supervisor's and the evidence threads.
"""
from __future__ import annotations

from typing import Callable

from ..core.clock import Clock, Instant, SystemClock
from .events import RecorderEvent
from .evidence.chain import EvidenceChain
from .evidence.manifest import JournalDigest, NoClipReason, SaleRef
from .evidence.service import EvidenceService
from .messages import JournalCue, RecorderConfig, SaleEnded, SaleStarted
from .preview import PreviewImage
from .supervisor import RESTART_DELAYS_S, RecorderSupervisor


class LaneRecorder:
    """Keeps one recorder running for one lane and signs every sale's evidence."""

    def __init__(self, config: RecorderConfig, *, chain: EvidenceChain,
                 journal: Callable[[str], JournalDigest],
                 on_event: Callable[[RecorderEvent], None], clock: Clock | None = None,
                 heartbeat_timeout_s: float = 3.0,
                 restart_delays_s: tuple[float, ...] = RESTART_DELAYS_S):
        """`journal(sale_id)` gives the digest of the sale's journal as it stands now; it
        is called on the evidence thread."""
        self._clock = clock or SystemClock()
        self.evidence = EvidenceService(chain, journal=journal, to_recorder=self._to_recorder,
                                        on_event=on_event, clock=self._clock)
        self.supervisor = RecorderSupervisor(config, listener=self.evidence, on_event=on_event,
                                             clock=self._clock,
                                             heartbeat_timeout_s=heartbeat_timeout_s,
                                             restart_delays_s=restart_delays_s)

    def start(self) -> None:
        """Recover clips a previous run left behind, then start the recorder."""
        self.evidence.recover_dead_clips(None)
        self.supervisor.start()

    def stop(self, timeout_s: float = 15.0) -> None:
        """Finish every clip, sign the manifests, stop the recorder and the threads.

        Idempotent: a second call does nothing more.
        """
        if self.supervisor.stop(timeout_s):
            self.evidence.recover_dead_clips(self._clock.now())
        self.evidence.stop()

    @property
    def chain(self) -> EvidenceChain:
        return self.evidence.chain

    @property
    def pid(self) -> int | None:
        return self.supervisor.pid

    @property
    def video_encoder(self) -> str:
        """Which video encoder the recorder runs (and why not a hardware one); "" until
        the recorder is up."""
        return self.supervisor.video_encoder

    def sale_started(self, sale: SaleRef, at: Instant) -> None:
        self.evidence.sale_started(sale, at)

    def cue(self, sale_id: str, mono_ns: int, text: str) -> None:
        """A journal line to show on the clip's subtitle track."""
        self.supervisor.send(JournalCue(sale_id, mono_ns, text))

    def sale_ended(self, sale_id: str, at: Instant, outcome: str,
                   postroll_s: float | None = None) -> None:
        """Call once the sale is committed: its journal is what the manifest will bind."""
        self.evidence.sale_ended(sale_id, at, outcome, postroll_s)

    def sale_without_clip(self, sale: SaleRef, started: Instant, ended: Instant,
                          reason: NoClipReason) -> None:
        """A sale the recording policy left unrecorded: its no-clip manifest."""
        self.evidence.sale_without_clip(sale, started, ended, reason)

    def preview(self, newer_than: int = 0) -> PreviewImage | None:
        """The newest preview frame (a copy), or None; cheap, never waits."""
        return self.supervisor.preview(newer_than)

    def _to_recorder(self, message: SaleStarted | SaleEnded) -> None:
        self.supervisor.send(message)
