"""Retention: purge clips past their keep period, leaving a signed tombstone.

The manifest stays; the clip file goes; a tombstone entry records which entry's clip was
purged and when, so the chain stays whole and `verify` tells purged from deleted. A sale on
legal hold is never purged. Time comes from the injected clock.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable, Container

from .chain import EvidenceChain
from .files import fsync_dir
from .manifest import MANIFEST_TYPE, TOMBSTONE_TYPE, Entry

log = logging.getLogger(__name__)

#: Reason written into tombstones made by this module.
RETENTION_REASON = "retention"


@dataclass(frozen=True)
class PurgeResult:
    purged: list[Entry]  # the manifests whose clip was deleted
    held: list[str]  # sale ids kept only because of a legal hold


def purge_expired(chain: EvidenceChain, *, keep: timedelta,
                  legal_holds: Container[str] = frozenset(),
                  keep_for: Callable[[str], timedelta] | None = None) -> PurgeResult:
    """Delete every clip whose sale ended more than its keep period ago and is not on hold.

    The keep period is `keep_for(sale_id)` when given (the sale's retention classes, see
    `core.retention`), else `keep` for every sale.
    """
    now = chain.clock.now().utc
    purged_seqs = {e.body["purges"]["seq"] for e in chain.entries() if e.kind == TOMBSTONE_TYPE}
    result = PurgeResult([], [])
    for entry in chain.entries():
        if entry.kind != MANIFEST_TYPE or entry.clip is None or entry.seq in purged_seqs:
            continue
        ended = entry.body["end"] or entry.body["start"]
        period = keep_for(entry.sale_id) if keep_for is not None else keep
        if datetime.fromisoformat(ended["utc"]) > now - period:
            continue
        if entry.sale_id in legal_holds:
            result.held.append(entry.sale_id)
            continue
        # Tombstone first: a crash between the two leaves a tombstoned clip still on disk,
        # which verify accepts, rather than a missing clip without a tombstone.
        chain.record_tombstone(entry, RETENTION_REASON)
        path = chain.layout.resolve(entry.clip["file"])
        if path.exists():
            os.unlink(path)
            fsync_dir(path.parent)
        result.purged.append(entry)
    log.info("retention: %d clips purged, %d held", len(result.purged), len(result.held))
    return result
