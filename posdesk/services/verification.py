"""`posdesk verify` as one use case: every lane of the data directory, checked completely.

For each lane found (the configured one, every lane the database knows, every chain log on
disk) the chain is walked (`recording.evidence.verify`), checked against the manager key and
the witnesses (`anchors`), and against the database: the sale, line and payment rows must be
what the signed journals replay to, and every receipt number from 1 to the last must belong
to a signed entry, whatever state its sale is in now.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Iterable

from posdesk.core.sale import SaleState
from posdesk.db.audit import AuditHead, audit_chain_break
from posdesk.core.journal import JournalEvent, canonical_bytes
from posdesk.db.sale_check import check_sales, lane_journals, lanes_in_database, last_receipt
from posdesk.db.sales import SaleStore
from posdesk.recording.endorsements import ENDORSEMENTS_FILE, Endorsements
from posdesk.recording.errors import KeyStoreError
from posdesk.recording.evidence.anchors import Witness, check_anchors
from posdesk.recording.evidence.layout import ClipLayout, safe_name
from posdesk.recording.evidence.manifest import MANIFEST_TYPE
from posdesk.recording.evidence.verify import Finding, Problem, VerifyReport, verify_chain
from posdesk.recording.evidence.witnesses import WitnessBook
from posdesk.recording.keys import KeyStore


log = logging.getLogger(__name__)

#: Suffix of a lane's chain log in the clips folder.
CHAIN_SUFFIX = ".chain.jsonl"


@dataclass(frozen=True)
class VerifyRequest:
    """What the person verifying brings from outside the lane."""

    manager_key: str | None = None
    witnesses: tuple[Witness, ...] = ()
    since: datetime | None = None


@dataclass
class VerifyResult:
    reports: list[VerifyReport] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.reports)


def verify_data_dir(data_dir: Path, *, configured_lane: str, keys: KeyStore, sales: SaleStore,
                    request: VerifyRequest) -> VerifyResult:
    """Verify every lane found under `data_dir`; never raises for bad evidence."""
    result = VerifyResult()
    book = WitnessBook(data_dir)
    lanes = lanes_found(data_dir, configured_lane, lanes_in_database())
    for lane in lanes:
        outside = [w for w in request.witnesses if (w.lane or configured_lane) == lane]
        result.reports.append(_verify_lane(data_dir, lane, keys, sales, request, outside,
                                           book.remembered(lane)))
    return result


def lanes_found(data_dir: Path, configured: str, in_database: Iterable[str]) -> list[str]:
    """The configured lane first, then every lane the database or a chain log names."""
    lanes = [configured] + sorted(set(in_database) - {configured})
    clips = ClipLayout(data_dir).clips_dir
    names = {safe_name(lane) for lane in lanes}
    for log_path in sorted(clips.glob("*" + CHAIN_SUFFIX)) if clips.is_dir() else []:
        stem = log_path.name.removesuffix(CHAIN_SUFFIX)
        if stem not in names:
            lanes.append(stem)
    return lanes


def _verify_lane(data_dir: Path, lane: str, keys: KeyStore, sales: SaleStore,
                 request: VerifyRequest, outside: list[Witness],
                 remembered: list[Witness]) -> VerifyReport:
    problems: list[Finding] = []
    try:
        history = keys.lane_public_keys()
    except KeyStoreError as e:
        history = {}
        problems.append(Finding(Problem.NOT_ENDORSED, 0, None, None, None, str(e)))
    required = [s.id for s in sales.list_sales(lane=lane, since=request.since, limit=10**9,
                                               states=(SaleState.COMPLETED, SaleState.VOIDED))]
    journals = lane_journals(lane)

    def journal_bytes(sale_id: str, count: int) -> bytes | None:
        if sale_id in journals:
            return canonical_bytes(journals[sale_id][:count])
        return sales.journal_bytes(sale_id, count)  # a sale recorded under another lane id
    report = verify_chain(data_dir, lane, history, journal_bytes, sale_ids=required)
    for finding in problems:
        report.add(finding)
    check_anchors(report, endorsements=_endorsements(keys, report), pinned=request.manager_key,
                  witnesses=outside, remembered=remembered)
    _check_database(report, lane, sales, request.since, journals)
    _check_audit_log(report)
    log.info("%s", report.summary())
    return report


def _endorsements(keys: KeyStore, report: VerifyReport) -> Endorsements | None:
    if not (keys.directory / ENDORSEMENTS_FILE).exists():
        return None
    try:
        return keys.endorsements()
    except KeyStoreError as e:
        report.add(Finding(Problem.NOT_ENDORSED, 0, None, None, None, str(e)))
        return None


def _check_database(report: VerifyReport, lane: str, sales: SaleStore,
                    since: datetime | None, journals: dict[str, list[JournalEvent]]) -> None:
    newest: dict[str, tuple[int, int]] = {}  # sale -> (log line, signed events), last manifest
    for line, entry in report.walked:
        if entry.kind == MANIFEST_TYPE:
            newest[entry.sale_id] = (line, entry.body["journal"]["events"])
    replayed = check_sales({sale: events for sale, (_, events) in newest.items()}, journals)
    seq_of = {entry.sale_id: entry.seq for _, entry in report.walked}
    receipts: set[int] = set()
    for sale in replayed:
        if sale.receipt_no is not None:
            receipts.add(sale.receipt_no)
        if sale.difference is not None:
            line = newest[sale.sale_id][0]
            report.add(Finding(Problem.SALE_ROWS_MISMATCH, line, seq_of.get(sale.sale_id),
                               sale.sale_id, None, sale.difference))
    if since is None:
        wanted = set(range(1, max(last_receipt(lane), max(receipts, default=0)) + 1))
    else:
        wanted = {s.receipt_no for s in sales.list_sales(lane=lane, since=since, limit=10**9)
                  if s.receipt_no is not None}
    missing = sorted(wanted - receipts)
    if missing:
        shown = ", ".join(map(str, missing[:10])) + (" ..." if len(missing) > 10 else "")
        report.add(Finding(Problem.RECEIPT_MISSING, len(report.walked) + 1, None, None, None,
                           f"receipt number(s) {shown} of lane {lane} are in no signed entry "
                           "(sale deleted, or its entries removed)"))


def _check_audit_log(report: VerifyReport) -> None:
    signed = None
    for line, entry in reversed(report.walked):
        audit = entry.body.get("audit")
        if isinstance(audit, dict) and isinstance(audit.get("rows"), int):
            signed = (line, entry, AuditHead(audit["rows"], audit.get("hash")))
            break
    why = audit_chain_break(signed[2] if signed else None)
    if why is not None:
        at_line, at_entry = (signed[0], signed[1]) if signed else (len(report.walked) + 1, None)
        report.add(Finding(Problem.AUDIT_BROKEN, at_line, at_entry.seq if at_entry else None,
                           at_entry.sale_id if at_entry else None, None, why))
