"""Real keys, real files and real journals for the evidence tests."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Sequence

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from posdesk.core.clock import ManualClock
from posdesk.core.journal import JournalEvent, canonical_bytes
from posdesk.recording.evidence.chain import EvidenceChain
from posdesk.recording.evidence.layout import ClipLayout, clip_file
from posdesk.recording.evidence.manifest import (ClipFacts, JournalDigest, SaleRef, TrackFacts,
                                                 Watermark)
from posdesk.recording.evidence.signing import key_id_for
from posdesk.recording.evidence.verify import verify_chain

LANE = "lane-1"


class LaneSigner:
    """An Ed25519 lane key, as the key store holds it."""

    def __init__(self) -> None:
        self._key = Ed25519PrivateKey.generate()
        self.public_raw = self._key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.key_id = key_id_for(self.public_raw)

    def sign(self, data: bytes) -> bytes:
        return self._key.sign(data)


@dataclass
class Journals:
    """Sale journals as the database would hand them out (canonical bytes of a prefix)."""

    events: dict[str, list[JournalEvent]] = field(default_factory=dict)

    def add_sale(self, sale_id: str, clock: ManualClock, n: int = 4,
                 extra: Sequence[tuple[str, dict]] = ()) -> JournalDigest:
        """`n` line_added events, then one event per (kind, data) of `extra`."""
        evs = []
        kinds = [("line_added", {"sku": f"400638133393{i}", "price_minor": 199 * i})
                 for i in range(1, n + 1)] + list(extra)
        for i, (kind, data) in enumerate(kinds, start=1):
            t = clock.now()
            evs.append(JournalEvent(i, kind, t.utc, t.mono_ns, data))
            clock.advance(ms=700)
        self.events[sale_id] = evs
        return JournalDigest.of(canonical_bytes(evs), len(evs))

    def load(self, sale_id: str, count: int) -> bytes | None:
        evs = self.events.get(sale_id)
        return None if evs is None else canonical_bytes(evs[:count])


@dataclass
class Lane:
    """A lane with its chain, clip store, journals and clock, for one test."""

    layout: ClipLayout
    chain: EvidenceChain
    signer: LaneSigner
    clock: ManualClock
    journals: Journals

    @property
    def keys(self) -> dict[str, bytes]:
        return {self.signer.key_id: self.signer.public_raw}

    def sale_with_clip(self, receipt: str, size: int = 5000,
                       extra: Sequence[tuple[str, dict]] = ()):
        """Record one sale end to end: a sealed file on disk, its journal, its manifest."""
        sale = SaleRef(f"sale-{receipt}", LANE, receipt)
        started = self.clock.now()
        digest = self.journals.add_sale(sale.sale_id, self.clock, extra=extra)
        rel = clip_file(self.layout.new_stem(sale, started.utc))
        path = self.layout.resolve(rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"age-encryption.org/v1\n" + os.urandom(size))
        facts = ClipFacts(rel, started, self.clock.now(),
                          (TrackFacts("video", "h264", "cashier", 2800, 84),
                           TrackFacts("audio", "aac", "counter", 2800, 131)),
                          Watermark.BURNT_IN, ("age1manager",))
        self.clock.advance(seconds=5)
        return self.chain.record_clip(sale, facts, digest)

    def reopen(self) -> EvidenceChain:
        return EvidenceChain(self.layout, LANE, self.signer, self.clock)

    def verify(self):
        return verify_chain(self.layout.data_dir, LANE, self.keys, self.journals.load)

    def advance_days(self, days: int) -> None:
        self.clock.advance(seconds=timedelta(days=days).total_seconds())


@pytest.fixture
def lane(tmp_path) -> Lane:
    layout = ClipLayout(tmp_path / "data")
    signer = LaneSigner()
    clock = ManualClock()
    return Lane(layout, EvidenceChain(layout, LANE, signer, clock), signer, clock, Journals())
