"""Finished sales that a crash left without any evidence entry get a `no-clip` manifest.

A power cut can land after a sale's commit but before the recorder wrote its clip's pending
note (or while the sale was held in memory for a `no-clip` manifest): nothing on disk then
says the sale needs evidence, and `verify` would report it missing forever. At start-up the
newest finished sales are checked against the chain, and each one without an entry (and
without a pending clip, which recovery signs) is signed `no-clip`, reason `recorder-down`,
binding its whole journal.
"""
from __future__ import annotations

import logging

from posdesk.core.clock import Instant
from posdesk.core.journal import canonical_bytes
from posdesk.core.sale import SaleState
from posdesk.db.sales import SaleStore
from posdesk.recording.evidence.chain import EvidenceChain
from posdesk.recording.evidence.manifest import Entry, JournalDigest, NoClipReason, SaleRef

log = logging.getLogger(__name__)

#: How many of the newest finished sales are checked; a crash leaves at most the last few
#: unsigned, and every start checks again.
RECENT_SALES = 200


def sign_unsigned_sales(chain: EvidenceChain, sales: SaleStore, lane: str) -> list[Entry]:
    """Sign a `no-clip` manifest for each recent finished sale of `lane` that has no entry
    in `chain` and no pending clip. Returns the entries signed."""
    finished = sales.list_sales(lane=lane, states=(SaleState.COMPLETED, SaleState.VOIDED),
                                limit=RECENT_SALES)
    if not finished:
        return []
    # Pending notes first: recovery may sign one and clear its note meanwhile, and such a
    # sale must be found in one of the two snapshots.
    pending = {p.sale.sale_id for p in chain.layout.pending()}
    in_chain = {entry.sale_id for entry in chain.entries()}
    signed = []
    for summary in reversed(finished):  # oldest first, as they happened
        if summary.id in in_chain or summary.id in pending:
            continue
        events = sales.load_events(summary.id)
        if not events:
            continue
        first, last = events[0], events[-1]
        entry = chain.record_no_clip(SaleRef(summary.id, lane, summary.id[:8]),
                             started=Instant(first.utc, first.mono_ns),
                             ended=Instant(last.utc, last.mono_ns),
                             journal=JournalDigest.of(canonical_bytes(events), len(events)),
                             reason=NoClipReason.RECORDER_DOWN)
        log.warning("sale %s had no evidence entry after a crash: signed without a clip", summary.id)
        signed.append(entry)
    return signed
