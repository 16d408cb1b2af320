"""The lane's evidence chain: the one writer of signed manifests and tombstones.

The chain lives in the app process, not in the recorder child: the child writes sealed
clips and reports their facts; the app (on a worker thread, since hashing a clip reads it
once) calls `EvidenceChain` to sign and append. So the chain stays whole and in one place
even when the recorder is killed mid-sale.

Each entry carries `seq` (1, 2, ...) and `prev` (SHA-256 of the previous entry's exact
bytes). The append-only log `clips/<lane>.chain.jsonl` is the commit point: an entry
exists once its line is durable. The copy beside the clip is written right after and is
rewritten from the log on the next start if a crash came in between; a torn last line
(never acknowledged) is cut off.
"""
from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Any, Callable, Iterator

from ... import crashpoints
from ...core.clock import Clock, Instant
from .errors import ChainLogCorrupt, ClipNotFound
from .files import append_durable, sha256_file, write_atomic
from .layout import TOMBSTONE_SUFFIX, ClipLayout, manifest_file, stem_of
from .manifest import (MANIFEST_TYPE, ClipFacts, ClipStatus, Entry, JournalDigest, NoClipReason,
                       SaleRef, manifest_body, tombstone_body)
from .signing import Signer, sign_body

log = logging.getLogger(__name__)

#: How much of the log's end is read to find the head; entries are a few KiB at most.
TAIL_WINDOW = 1 << 20


class EvidenceChain:
    """Appends signed entries for one lane. Thread-safe; every append is durable."""

    def __init__(self, layout: ClipLayout, lane_id: str, signer: Signer, clock: Clock):
        self.layout = layout
        self.lane_id = lane_id
        self._signer = signer
        self.clock = clock
        self._log = layout.chain_log(lane_id)
        self._lock = threading.Lock()
        self._head_seq, self._head_hash = self._load_head()
        #: Extra members every manifest signs, asked for at signing time (the audit log's
        #: head, so the audit log cannot lose rows unnoticed). Its failure never stops one.
        self.context: Callable[[], dict[str, Any]] | None = None

    @property
    def head(self) -> tuple[int, str | None]:
        """Sequence number and hash of the last entry (0, None for an empty chain)."""
        with self._lock:
            return self._head_seq, self._head_hash

    @property
    def log_path(self) -> Path:
        return self._log

    def record_clip(self, sale: SaleRef, clip: ClipFacts, journal: JournalDigest, *,
                    status: ClipStatus = ClipStatus.COMPLETE,
                    reason: NoClipReason | None = None) -> Entry:
        """Sign the manifest of a sealed clip that is fully on disk (hashes it first)."""
        path = self.layout.resolve(clip.file)
        try:
            sealed = sha256_file(path)
        except FileNotFoundError as e:
            raise ClipNotFound(f"sealed clip {path} does not exist") from e
        body = manifest_body(sale, status=status, started=clip.started, ended=clip.ended,
                             journal=journal, file=manifest_file(stem_of(clip.file)),
                             clip=clip, sealed=sealed, reason=reason)
        entry = self._append(body)
        crashpoints.reached("manifest-written")
        self.layout.remove_pending(clip.file)
        crashpoints.reached("pending-removed")
        return entry

    def record_no_clip(self, sale: SaleRef, *, started: Instant, ended: Instant | None,
                       journal: JournalDigest, reason: NoClipReason,
                       stem: str | None = None) -> Entry:
        """Sign the manifest of a sale that has no clip, so the sale still has its link.

        `stem` reuses the name of a clip that was given up (recovery); by default a fresh
        name is taken.
        """
        stem = stem or self.layout.new_stem(sale, started.utc)
        # A sale no camera could film says so in its status, not only in the reason.
        status = ClipStatus.NO_CAMERA if reason is NoClipReason.NO_CAMERA else ClipStatus.NO_CLIP
        body = manifest_body(sale, status=status, started=started, ended=ended,
                             journal=journal, file=manifest_file(stem), reason=reason)
        return self._append(body)

    def record_tombstone(self, purged: Entry, reason: str) -> Entry:
        """Sign the tombstone of a clip that was (or is about to be) deleted."""
        file = stem_of(purged.file) + TOMBSTONE_SUFFIX
        return self._append(tombstone_body(purged, at=self.clock.now(), reason=reason,
                                           file=file))

    def manifest_for(self, file: str) -> Entry | None:
        """The signed manifest already in the chain for the manifest file `file`, if any:
        a crash between appending it and clearing the clip's pending note leaves the note,
        and the clip must not be signed twice (a second entry for one file reads as an
        edited manifest forever)."""
        found = None
        for entry in self.entries():
            if entry.file == file and entry.body.get("type") == MANIFEST_TYPE:
                found = entry
        return found

    def entries(self) -> Iterator[Entry]:
        """Every entry of the log in order; a line that does not parse raises."""
        yield from read_log(self._log)

    def _append(self, body: dict[str, Any]) -> Entry:
        if self.context is not None and body["type"] == MANIFEST_TYPE:
            try:
                body.update({k: v for k, v in self.context().items() if k not in body})
            except Exception:  # noqa: BLE001 - the sale's evidence matters more than extras
                log.exception("cannot add the signing context to a manifest")
        with self._lock:
            body["seq"] = self._head_seq + 1
            body["prev"] = self._head_hash
            raw = sign_body(body, self._signer)
            append_durable(self._log, raw + b"\n")
            entry = Entry.parse(raw)
            self._head_seq, self._head_hash = entry.seq, entry.hash
        crashpoints.reached("chain-appended")
        write_atomic(self.layout.resolve(entry.file), raw)
        log.info("evidence entry %d (%s) for sale %s", entry.seq, body.get("status", "tombstone"),
                 entry.sale_id)
        return entry

    def _load_head(self) -> tuple[int, str | None]:
        if not self._log.exists():
            return 0, None
        last = _last_whole_line(self._log)
        if last is None:
            return 0, None
        try:
            entry = Entry.parse(last)
        except ValueError as e:
            raise ChainLogCorrupt(f"last entry of {self._log} is unreadable: {e}") from e
        beside = self.layout.resolve(entry.file)
        if not beside.exists():
            log.warning("restoring %s from the chain log (crash after commit)", beside)
            write_atomic(beside, entry.raw)
        return entry.seq, entry.hash


def read_log(path: Path) -> Iterator[Entry]:
    if not path.exists():
        return
    with open(path, "rb") as f:
        for number, line in enumerate(f, start=1):
            try:
                yield Entry.parse(line.rstrip(b"\n"))
            except ValueError as e:
                raise ChainLogCorrupt(f"{path} line {number}: {e}") from e


def _last_whole_line(path: Path) -> bytes | None:
    """The last newline-terminated line; a torn tail after it is cut off the file."""
    with open(path, "r+b") as f:
        size = f.seek(0, os.SEEK_END)
        start = max(0, size - TAIL_WINDOW)
        f.seek(start)
        tail = f.read()
        end = tail.rfind(b"\n")
        if end + 1 < len(tail):
            log.warning("cutting a torn last line (%d bytes) off %s", len(tail) - end - 1, path)
            f.truncate(start + end + 1)
            f.flush()
            os.fsync(f.fileno())
        if end < 0:
            return None
        begin = tail.rfind(b"\n", 0, end) + 1
        return tail[begin:end]
