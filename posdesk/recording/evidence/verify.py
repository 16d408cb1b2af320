"""Walk a lane's evidence chain and name the first broken link.

Checked for every entry, in this order: it parses, it belongs to the lane, its sequence
number follows the previous one, its `prev` is the hash of the previous line, its signature
holds under a key of the lane's key history, the copy beside the clip is byte-identical,
the sealed clip has the signed size and SHA-256 (unless a later tombstone purged it), and
the sale's journal, loaded through the caller's `journal_bytes(sale_id, count)`, hashes to
the signed digest. The journal lives in the database, which this layer must not import,
hence the callable; it returns None (or raises LookupError) for a sale that is gone.
"""
from __future__ import annotations

import bisect
import hashlib
import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

from .errors import UnsafePath
from .files import sha256_file
from .layout import ClipLayout
from .manifest import MANIFEST_TYPE, TOMBSTONE_TYPE, Entry, entry_hash
from .signing import check_signature

log = logging.getLogger(__name__)

JournalLoader = Callable[[str, int], "bytes | None"]


class Problem(StrEnum):
    LOG_UNREADABLE = "log-unreadable"
    WRONG_LANE = "wrong-lane"
    SEQUENCE_START = "sequence-start"
    SEQUENCE_GAP = "sequence-gap"
    SEQUENCE_ORDER = "sequence-order"
    BROKEN_LINK = "broken-link"
    BAD_SIGNATURE = "bad-signature"
    MANIFEST_MISSING = "manifest-missing"
    MANIFEST_EDITED = "manifest-edited"
    CLIP_MISSING = "clip-missing"
    CLIP_EDITED = "clip-edited"
    CLIP_SWAPPED = "clip-swapped"
    JOURNAL_MISSING = "journal-missing"
    JOURNAL_MISMATCH = "journal-mismatch"
    TOMBSTONE_MISMATCH = "tombstone-mismatch"
    #: Signed `complete` though no camera gave it one frame (older versions did so).
    EMPTY_CLIP = "empty-clip"
    UNSAFE_PATH = "unsafe-path"
    # Against the outside anchors (see `anchors`):
    MANAGER_KEY_MISMATCH = "manager-key-mismatch"
    NOT_ENDORSED = "not-endorsed"
    UNENDORSED_KEY = "unendorsed-key"
    UNENDORSED_RECIPIENTS = "unendorsed-recipients"
    WITNESS_MISMATCH = "witness-mismatch"
    # Against the lane's database (see the evidence service):
    RECEIPT_MISSING = "receipt-missing"
    SALE_ROWS_MISMATCH = "sale-rows-mismatch"
    AUDIT_BROKEN = "audit-broken"


@dataclass(frozen=True)
class Finding:
    """One broken link; `line` is its line in the chain log (= seq in an intact chain)."""

    problem: Problem
    line: int
    seq: int | None
    sale_id: str | None
    file: str | None
    detail: str

    def __str__(self) -> str:
        where = (f"entry {self.seq}" if self.seq is not None
                 else f"log line {self.line}" if self.line else "lane")
        sale = f" (sale {self.sale_id})" if self.sale_id else ""
        return f"{where}{sale}: {self.problem}: {self.detail}"


@dataclass
class VerifyReport:
    lane_id: str
    entries: int = 0
    counts: Counter = field(default_factory=Counter)  # complete/truncated/no-clip/purged
    findings: list[Finding] = field(default_factory=list)
    #: Every entry that parsed with its log line, in log order, for later checks.
    walked: list[tuple[int, Entry]] = field(default_factory=list, repr=False)
    #: Why the lane could not be checked against an outside anchor; None when it was.
    unanchored: str | None = "no manager key or witness was given"

    def add(self, finding: Finding) -> None:
        """Add a finding found after the walk, keeping findings in chain order."""
        bisect.insort(self.findings, finding, key=lambda f: f.line)

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def first_broken(self) -> Finding | None:
        return self.findings[0] if self.findings else None

    def summary(self) -> str:
        parts = ", ".join(f"{n} {k}" for k, n in sorted(self.counts.items()))
        head = f"lane {self.lane_id}: {self.entries} entries ({parts or 'none'})"
        if self.ok:
            anchor = (f"; could not check the lane against an outside anchor "
                      f"({self.unanchored})" if self.unanchored else "; anchored")
            return head + ": chain intact" + anchor
        return f"{head}: {len(self.findings)} problem(s); first: {self.first_broken}"


def verify_chain(data_dir: Path, lane_id: str, public_keys: Mapping[str, bytes],
                 journal_bytes: JournalLoader, sale_ids: Iterable[str] = ()) -> VerifyReport:
    """Check the whole chain of `lane_id` under `data_dir`; never raises for bad evidence.

    `sale_ids` are the lane's sales the database knows: one without any entry is reported
    too, which catches the removal of the chain's last entries (nothing follows them).
    """
    layout = ClipLayout(data_dir)
    log_path = layout.chain_log(lane_id)
    purged, sealed_owner = _index(log_path)
    report = VerifyReport(lane_id)
    prev_seq, prev_hash = 0, None
    hashes: dict[int, str] = {}  # seq -> entry hash, for tombstones naming what they purge
    seen_sales: set[str] = set()
    for number, raw in _lines(log_path):
        report.entries += 1
        found = _Checker(report, layout, public_keys, journal_bytes, number)
        try:
            entry = Entry.parse(raw)
        except ValueError as e:
            found.add(Problem.LOG_UNREADABLE, None, None, f"line {number} of the chain log: {e}")
            prev_seq, prev_hash = prev_seq + 1, entry_hash(raw)
            continue
        report.walked.append((number, entry))
        found.chain_links(entry, lane_id, prev_seq, prev_hash)
        if found.signature(entry) and found.beside(entry):
            if entry.kind == MANIFEST_TYPE:
                found.clip(entry, purged, sealed_owner)
                found.journal(entry)
            else:
                found.tombstone(entry, hashes)
        hashes[entry.seq] = entry.hash
        prev_seq, prev_hash = max(prev_seq, entry.seq), entry.hash
        seen_sales.add(entry.sale_id)
    for sale_id in sale_ids:
        if sale_id not in seen_sales:
            report.findings.append(Finding(Problem.MANIFEST_MISSING, report.entries + 1, None,
                                           sale_id, None, "the sale has no evidence entry"))
    log.info("%s", report.summary())
    return report


class _Checker:
    """The checks of one entry; each adds findings to the report and says if it passed."""

    def __init__(self, report: VerifyReport, layout: ClipLayout,
                 public_keys: Mapping[str, bytes], journal_bytes: JournalLoader, line: int):
        self.report, self.layout, self.line = report, layout, line
        self.public_keys, self.journal_bytes = public_keys, journal_bytes

    def add(self, problem: Problem, seq: int | None, sale: str | None, detail: str,
            file: str | None = None) -> bool:
        self.report.findings.append(Finding(problem, self.line, seq, sale, file, detail))
        return False

    def chain_links(self, e: Entry, lane_id: str, prev_seq: int, prev_hash: str | None) -> None:
        if e.body.get("lane") != lane_id:
            self.add(Problem.WRONG_LANE, e.seq, e.sale_id, f"entry of lane {e.body.get('lane')}")
        if prev_seq == 0 and e.seq > 1:
            self.add(Problem.SEQUENCE_START, e.seq, e.sale_id,
                     f"chain starts at {e.seq}: entries 1..{e.seq - 1} are missing")
        elif e.seq > prev_seq + 1:
            self.add(Problem.SEQUENCE_GAP, e.seq, e.sale_id,
                     f"entries {prev_seq + 1}..{e.seq - 1} are missing (deleted sale or manifest)")
        elif e.seq <= prev_seq:
            self.add(Problem.SEQUENCE_ORDER, e.seq, e.sale_id,
                     f"entry {e.seq} follows entry {prev_seq} (reordered or repeated)")
        if e.body.get("prev") != prev_hash:
            self.add(Problem.BROKEN_LINK, e.seq, e.sale_id,
                     "previous-hash does not match the entry before it")

    def signature(self, e: Entry) -> bool:
        why = check_signature(e.body, self.public_keys)
        return why is None or self.add(Problem.BAD_SIGNATURE, e.seq, e.sale_id, why, e.file)

    def inside(self, e: Entry, file: str) -> Path | None:
        try:
            return self.layout.resolve(file)
        except UnsafePath as why:
            self.add(Problem.UNSAFE_PATH, e.seq, e.sale_id, str(why), file)
            return None

    def beside(self, e: Entry) -> bool:
        path = self.inside(e, e.file)
        if path is None:
            return False
        if not path.exists():
            return self.add(Problem.MANIFEST_MISSING, e.seq, e.sale_id, f"{e.file} is missing",
                            e.file)
        if path.read_bytes() != e.raw:
            return self.add(Problem.MANIFEST_EDITED, e.seq, e.sale_id,
                            f"{e.file} differs from the signed entry in the chain log", e.file)
        return True

    def clip(self, e: Entry, purged: set[int], sealed_owner: dict[str, str]) -> None:
        status = e.body["status"]
        clip = e.clip
        if clip is None:
            self.report.counts[status] += 1
            return
        if e.seq in purged:
            self.report.counts["purged"] += 1
            return
        self.report.counts[status] += 1
        videos = [t for t in clip.get("tracks") or [] if t.get("kind") == "video"]
        if status == "complete" and videos and all(t.get("frames") == 0 for t in videos):
            self.add(Problem.EMPTY_CLIP, e.seq, e.sale_id, f"{clip['file']} is signed complete "
                     "but holds no video frame (no camera)", clip["file"])
        path = self.inside(e, clip["file"])
        if path is None:
            return
        if not path.exists():
            self.add(Problem.CLIP_MISSING, e.seq, e.sale_id, f"{clip['file']} is missing "
                     "and no tombstone purged it", clip["file"])
            return
        size, sha = sha256_file(path)
        if (size, sha) == (clip["size"], clip["sha256"]):
            return
        owner = sealed_owner.get(sha)
        if owner is not None and owner != e.sale_id:
            self.add(Problem.CLIP_SWAPPED, e.seq, e.sale_id,
                     f"{clip['file']} holds the clip signed for sale {owner}", clip["file"])
        else:
            self.add(Problem.CLIP_EDITED, e.seq, e.sale_id, f"{clip['file']} has size {size} "
                     f"and a different SHA-256 than signed (size {clip['size']})", clip["file"])

    def journal(self, e: Entry) -> None:
        signed = e.body["journal"]
        try:
            data = self.journal_bytes(e.sale_id, signed["events"])
        except LookupError:
            data = None
        if data is None:
            self.add(Problem.JOURNAL_MISSING, e.seq, e.sale_id,
                     "the sale's journal is gone (deleted sale)")
        elif hashlib.sha256(data).hexdigest() != signed["sha256"]:
            self.add(Problem.JOURNAL_MISMATCH, e.seq, e.sale_id, f"the first {signed['events']} "
                     "journal events differ from the signed ones (edited or reordered)")

    def tombstone(self, e: Entry, hashes: Mapping[int, str]) -> None:
        target = e.body["purges"]
        if hashes.get(target["seq"]) != target["entry"]:
            self.add(Problem.TOMBSTONE_MISMATCH, e.seq, e.sale_id,
                     f"purges entry {target['seq']}, which is not the signed one")


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    if not path.exists():
        return
    with open(path, "rb") as f:
        for number, line in enumerate(f, start=1):
            yield number, line.rstrip(b"\n")


def clip_owners(log_path: Path) -> dict[str, str]:
    """Sealed-clip SHA-256 -> the sale whose manifest signed it, over a chain log."""
    return _index(log_path)[1]


def _index(log_path: Path) -> tuple[set[int], dict[str, str]]:
    """Sequence numbers purged by tombstones; sealed-clip SHA-256 -> sale, over the log."""
    purged: set[int] = set()
    owners: dict[str, str] = {}
    for _, raw in _lines(log_path):
        try:
            body = json.loads(raw)
            if body.get("type") == TOMBSTONE_TYPE:
                purged.add(body["purges"]["seq"])
            elif body.get("type") == MANIFEST_TYPE and body.get("clip"):
                owners[body["clip"]["sha256"]] = body["sale"]
        except (ValueError, KeyError, TypeError, AttributeError):
            continue  # the main walk reports the unreadable line
    return purged, owners
