"""The journal: the ordered, timestamped events of one sale.

It is the "data" half of the dual recording and the source of truth for a sale: the sale
object is rebuilt by replaying its journal, which is how an interrupted sale comes back
exactly as it was. Event data holds only JSON types (money as integer minor units,
quantities as decimal strings) so the canonical bytes hash the same everywhere.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Iterable


@dataclass(frozen=True)
class JournalEvent:
    seq: int
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
