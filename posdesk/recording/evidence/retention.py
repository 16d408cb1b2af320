"""Retention: purge clips past their keep period, leaving a signed tombstone.

The manifest stays; the clip file goes; a tombstone entry records which entry's clip was
purged and when, so the chain stays whole and `verify` tells purged from deleted. A sale on
legal hold is never purged. Which clips are old enough is decided by `purge_safety`: ages
are measured on the chain's own timeline, never against the wall clock alone.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import timedelta
from typing import Callable, Container

from .chain import EvidenceChain
from .files import fsync_dir
from .manifest import MANIFEST_TYPE, TOMBSTONE_TYPE, Entry
from .purge_safety import ClockStep, check_keep, timeline

log = logging.getLogger(__name__)

#: Reason written into tombstones made by this module.
RETENTION_REASON = "retention"


@dataclass(frozen=True)
class PurgeResult:
    purged: list[Entry]  # the manifests whose clip was deleted
    held: list[str]  # sale ids kept only because of a legal hold
    #: Times the lane's wall clock was set, as the chain shows them (for the operator).
    clock_steps: tuple[ClockStep, ...] = ()


def purge_expired(chain: EvidenceChain, *, keep: timedelta,
                  legal_holds: Container[str] = frozenset(),
                  keep_for: Callable[[str], timedelta] | None = None,
                  dry_run: bool = False) -> PurgeResult:
    """Delete every clip whose sale ended more than its keep period before the chain's newest
    entry and is not on hold. Raises `PurgeRefused` for a keep period under the minimum.

    The keep period is `keep_for(sale_id)` when given (the sale's retention classes, see
    `core.retention`), else `keep` for every sale. `dry_run` only says which would go (a
    purge preview): nothing is written or deleted.
    """
    check_keep(keep)
    now = chain.clock.now().utc
    entries = list(chain.entries())
    times = timeline(entries)
    purged_seqs = {e.body["purges"]["seq"] for e in entries if e.kind == TOMBSTONE_TYPE}
    result = PurgeResult([], [], times.steps)
    for entry in entries:
        if entry.kind != MANIFEST_TYPE or entry.clip is None or entry.seq in purged_seqs:
            continue
        period = keep_for(entry.sale_id) if keep_for is not None else keep
        if times.age(entry.seq, now) <= period:
            continue
        if entry.sale_id in legal_holds:
            result.held.append(entry.sale_id)
            continue
        if dry_run:
            result.purged.append(entry)
            continue
        # Tombstone first: a crash between the two leaves a tombstoned clip still on disk,
        # which verify accepts, rather than a missing clip without a tombstone.
        chain.record_tombstone(entry, RETENTION_REASON)
        path = chain.layout.resolve(entry.clip["file"])
        if path.exists():
            os.unlink(path)
            fsync_dir(path.parent)
        result.purged.append(entry)
    for step in times.steps:
        log.warning("the lane's clock was set %s by %s before evidence entry %d",
                    "back" if step.backwards else "forward", abs(step.step), step.seq)
    log.info("retention: %d clips purged, %d held", len(result.purged), len(result.held))
    return result
