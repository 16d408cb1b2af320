"""The journal: the ordered, timestamped events of one sale.

It is the "data" half of the dual recording and the source of truth for a sale: the sale
object is rebuilt by replaying its journal, which is how an interrupted sale comes back
exactly as it was. Event data holds only JSON types (money as integer minor units,
quantities as decimal strings) so the canonical bytes hash the same everywhere.

Every event names its kind with a `JournalKind`. The enum is a `StrEnum` whose values are
the strings journals have always held, so a member serialises, compares and hashes exactly
as its string: journals on disk and the manifests that signed them stay valid.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Iterable


class JournalKind(StrEnum):
    """What a journal event records. The values are stored and signed: never change one."""

    # The sale's own steps (`core.sale`); each but AGE_CONFIRMED changes the sale's state.
    SALE_STARTED = "sale_started"
    AGE_CONFIRMED = "age_confirmed"
    LINE_ADDED = "line_added"
    QUANTITY_CHANGED = "quantity_changed"
    LINE_VOIDED = "line_voided"
    PRICE_OVERRIDDEN = "price_overridden"
    LINE_DISCOUNTED = "line_discounted"
    SALE_DISCOUNTED = "sale_discounted"
    TENDERING_STARTED = "tendering_started"
    TENDERING_CANCELLED = "tendering_cancelled"
    CASH_PAID = "cash_paid"
    PAYMENT_STARTED = "payment_started"
    PAYMENT_APPROVED = "payment_approved"
    PAYMENT_DECLINED = "payment_declined"
    PAYMENT_ABORTED = "payment_aborted"
    PAYMENT_UNKNOWN = "payment_unknown"
    PAYMENT_REVERSED = "payment_reversed"
    SALE_COMPLETED = "sale_completed"
    SALE_VOIDED = "sale_voided"
    SALE_SUSPENDED = "sale_suspended"
    SALE_RESUMED = "sale_resumed"
    # Notes: what happened around the sale (`Sale.note`); evidence, but no change of state.
    DRAWER_OPENED = "drawer_opened"
    RECEIPT_PRINTED = "receipt_printed"
    RECEIPT_NOT_PRINTED = "receipt_not_printed"
    SALE_RECOVERED = "sale_recovered"
    RECORDING_STOPPED = "recording_stopped"
    RECORDING_GAP = "recording_gap"
    RECORDING_WITHOUT_SOUND = "recording_without_sound"
    FRAMES_DROPPED = "frames_dropped"
    CLOCK_BEHIND_EVIDENCE = "clock_behind_evidence"


#: The kinds `Sale.note` journals: they record and never change the sale's state.
NOTE_KINDS: frozenset[JournalKind] = frozenset({
    JournalKind.DRAWER_OPENED, JournalKind.RECEIPT_PRINTED, JournalKind.RECEIPT_NOT_PRINTED,
    JournalKind.SALE_RECOVERED, JournalKind.RECORDING_STOPPED, JournalKind.RECORDING_GAP,
    JournalKind.RECORDING_WITHOUT_SOUND, JournalKind.FRAMES_DROPPED,
    JournalKind.CLOCK_BEHIND_EVIDENCE,
})


class UnknownJournalKind(ValueError):
    """A journal holds an event whose kind this version does not know, so it cannot be
    applied to a sale (skipping it could rebuild a sale that differs from the one sold)."""

    def __init__(self, seq: int, kind: str):
        self.seq, self.kind = seq, kind
        super().__init__(f"journal event #{seq} has the unknown kind {kind!r}")


def journal_kind(event: JournalEvent) -> JournalKind:
    """The event's kind as a member; raises `UnknownJournalKind` for any other string."""
    try:
        return JournalKind(event.kind)
    except ValueError:
        raise UnknownJournalKind(event.seq, event.kind) from None


@dataclass(frozen=True)
class JournalEvent:
    seq: int
    #: A `JournalKind` when the event is made here; read back from storage, the plain
    #: string (equal to its member), so any stored journal can still be read, hashed and
    #: verified even if it holds a kind this version does not know.
    kind: str
    utc: datetime
    mono_ns: int
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "kind": self.kind,
            "utc": self.utc.isoformat(timespec="microseconds"),
            "mono_ns": self.mono_ns,
            "data": self.data,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> JournalEvent:
        return cls(d["seq"], d["kind"], datetime.fromisoformat(d["utc"]), d["mono_ns"],
                   dict(d.get("data") or {}))


def canonical_line(event: JournalEvent) -> bytes:
    return json.dumps(event.to_dict(), sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode()


def canonical_bytes(events: Iterable[JournalEvent]) -> bytes:
    """One canonical JSON object per line: what manifests hash and verify re-hashes."""
    return b"".join(canonical_line(e) + b"\n" for e in events)


def journal_sha256(events: Iterable[JournalEvent]) -> str:
    return hashlib.sha256(canonical_bytes(events)).hexdigest()
