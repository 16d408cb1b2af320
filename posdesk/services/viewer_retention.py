"""Legal hold, retention preview and purge, for the viewer and `posdesk clips`: audited.

A clip on legal hold is never purged; a purge deletes the clip files past the retention
period and leaves signed tombstones (see `recording/evidence/retention.py`), then marks the
evidence index so searches show them as purged.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from posdesk.core.clock import Clock, SystemClock
from posdesk.db.recordings import RecordingStore
from posdesk.recording.evidence.chain import EvidenceChain
from posdesk.recording.evidence.layout import ClipLayout
from posdesk.recording.evidence.purge_safety import ClockStep
from posdesk.recording.evidence.retention import purge_expired
from posdesk.recording.keys import KeyStore

from .retention import keep_period, retention_policy
from .viewer import ReasonRequired, ViewerService

if TYPE_CHECKING:
    from .build import Services

Audit = Callable[..., None]


@dataclass(frozen=True)
class PurgeOutcome:
    """Sales whose clips go (or went) and sales kept only by a legal hold."""

    sale_ids: tuple[str, ...]
    held: tuple[str, ...]
    days: int
    done: bool
    #: Clock steps found in the chain; ages were measured without them.
    clock_steps: tuple[ClockStep, ...] = ()


#: Given the ordinary sales' keep period in days, each sale's own keep period (its classes).
KeepPeriods = Callable[[int], Callable[[str], timedelta]]


class Retention:
    """`guard()` runs before each action (the viewer: raise unless unlocked)."""

    def __init__(self, *, data_dir: Path, lane: str, keys: KeyStore, recordings: RecordingStore,
                 audit: Audit, keep_periods: KeepPeriods | None = None, clock: Clock | None = None,
                 guard: Callable[[], None] = lambda: None):
        self._data_dir, self._lane, self._keys = data_dir, lane, keys
        self._recordings, self._audit = recordings, audit
        self._keep_periods = keep_periods
        self._clock = clock or SystemClock()
        self._guard = guard

    def set_hold(self, sale_id: str, hold: bool, *, reason: str, user: str) -> bool:
        """Put a sale's clip on legal hold (or release it); False when it has no recording."""
        self._guard()
        if not reason.strip():
            raise ReasonRequired()
        changed = self._recordings.set_legal_hold(sale_id, hold)
        if changed:
            self._audit(user, "legal_hold" if hold else "legal_hold_released", sale=sale_id,
                        reason=reason.strip())
        return changed

    def purge(self, days: int, *, user: str, reason: str = "retention",
              preview: bool = False) -> PurgeOutcome:
        """Purge (or, with `preview`, only list) the clips older than `days`."""
        self._guard()
        chain = EvidenceChain(ClipLayout(self._data_dir), self._lane, self._keys, self._clock)
        keep_for = self._keep_periods(days) if self._keep_periods is not None else None
        result = purge_expired(chain, keep=timedelta(days=days), keep_for=keep_for,
                               legal_holds=self._recordings.legal_holds(), dry_run=preview)
        if not preview:
            now = datetime.now(timezone.utc)
            for entry in result.purged:
                self._recordings.upsert(entry.sale_id, status="purged", clip_path=None,
                                        manifest_path=entry.body.get("file", ""), size=0,
                                        sha256=None, duration_ms=None, key_ids=[], now=now)
        outcome = PurgeOutcome(tuple(e.sale_id for e in result.purged), tuple(result.held), days,
                               not preview, tuple(result.clock_steps))
        self._audit(user, "purge_preview" if preview else "purge", days=days, reason=reason,
                    sales=list(outcome.sale_ids), held=list(outcome.held))
        return outcome


def class_keep_periods(services: Services) -> KeepPeriods:
    """Keep periods by retention class, from the lane's settings and each sale's journal."""
    return lambda days: keep_period(retention_policy(services.config, days), services.config,
                                    services.sales)


def open_retention(services: Services, viewer: ViewerService) -> Retention:
    """Retention actions of the viewer: only while it is unlocked, in its user's name."""
    return Retention(data_dir=services.data_dir, lane=services.config.get("lane.id"),
                     keys=services.keys, recordings=services.recordings,
                     audit=lambda user, action, **details: viewer.audit(action, **details),
                     keep_periods=class_keep_periods(services), guard=viewer.require_unlocked)
