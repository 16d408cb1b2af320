"""Z reports carry the evidence chain head, so the paper witnesses the chain.

Whoever later rewrites the lane's history cannot reprint the Z reports already filed: a
`verify --witness SEQ:HASH` with the head printed on one of them exposes the rewrite.
"""
from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from posdesk.core.reports import ChainHead, XZReport
from posdesk.recording.evidence.witnesses import WitnessBook

log = logging.getLogger(__name__)


def z_reference(shift_id: int | None) -> str:
    return f"Z report {shift_id}"


class ZWitness:
    """Stamps a lane's Z reports with its chain head and remembers what was stamped."""

    def __init__(self, data_dir: Path, lane: str):
        self._book = WitnessBook(data_dir)
        self._lane = lane

    def stamp(self, report: XZReport) -> XZReport:
        """`report` with the chain head as of now, noted as given out on this report."""
        try:
            head = self._book.head(self._lane)
            if head is None:
                return report
            self._book.remember(head, z_reference(report.shift.shift_id))
        except OSError as e:  # the report still prints: the head is a bonus, not the report
            log.error("cannot stamp the Z report with the chain head: %s", e)
            return report
        return dataclasses.replace(report, chain_head=ChainHead(head.seq, head.hash_prefix))

    def stamped(self, report: XZReport) -> XZReport:
        """`report` (taken earlier) with the head its paper carried, if one was noted."""
        given = self._book.given(self._lane, z_reference(report.shift.shift_id))
        if given is None:
            return report
        return dataclasses.replace(report, chain_head=ChainHead(given.seq, given.hash_prefix))
