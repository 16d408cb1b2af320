"""Recovery of clips whose recorder died: cut to the sealed prefix, sign `truncated`.

The lane holds only the recipients' public keys, so it cannot decrypt its own clips:
recovery works on the sealed structure alone. An interrupted age file is cut after its
last whole STREAM chunk (every byte kept is authenticated for the reader), then gets a
`truncated` manifest. A clip with not even one whole chunk is deleted and the sale gets a
`no-clip` manifest. Track counts of a recovered clip are unknown and stay null.
"""
from __future__ import annotations

import logging
import os
from dataclasses import replace
from pathlib import Path

from ...core.clock import Instant
from ..age.header import parse_header
from ..age.stream import PAYLOAD_NONCE_SIZE, sealed_prefix_length
from ..errors import HeaderError
from .chain import EvidenceChain
from .errors import NotRecoverable
from .files import fsync_dir
from .layout import PendingClip, manifest_file, stem_of
from .manifest import ClipStatus, Entry, JournalDigest, NoClipReason

log = logging.getLogger(__name__)


def cut_to_sealed_prefix(path: Path) -> int:
    """Truncate an interrupted sealed clip after its last whole chunk; the new size.

    Raises `NotRecoverable` when not even one whole chunk (or the header) was written.
    """
    try:
        with open(path, "r+b") as f:
            keep = sealed_prefix_length(f)
            f.seek(0)
            payload_start = parse_header(f).length + PAYLOAD_NONCE_SIZE
            if keep <= payload_start:
                raise NotRecoverable(f"{path} holds no whole sealed chunk")
            if keep < f.seek(0, os.SEEK_END):
                log.warning("cutting %s to its sealed prefix of %d bytes", path, keep)
                f.truncate(keep)
                f.flush()
                os.fsync(f.fileno())
    except HeaderError as e:
        raise NotRecoverable(f"{path} has no whole age header: {e}") from e
    except FileNotFoundError as e:
        raise NotRecoverable(f"{path} was never created") from e
    return keep


def recover_clip(chain: EvidenceChain, pending: PendingClip, journal: JournalDigest, *,
                 ended: Instant, reason: NoClipReason = NoClipReason.RECORDER_DOWN) -> Entry:
    """Give an interrupted clip its signed manifest (`truncated`, or `no-clip`).

    Idempotent: a clip whose manifest reached the chain before the crash (only its pending
    note was left) gets no second one; the note is cleared and that entry returned."""
    signed = chain.manifest_for(manifest_file(stem_of(pending.clip.file)))
    if signed is not None:
        log.info("clip of sale %s was signed before the crash (entry %d)", pending.sale.sale_id,
                 signed.seq)
        chain.layout.remove_pending(pending.clip.file)
        return signed
    path = chain.layout.resolve(pending.clip.file)
    clip = replace(pending.clip, ended=ended)
    if pending.sealed_size is not None and _size(path) == pending.sealed_size:
        # The writer finished and synced the file before the recorder died: it is whole.
        return chain.record_clip(pending.sale, clip, journal)
    try:
        cut_to_sealed_prefix(path)
    except NotRecoverable as e:
        log.warning("no clip kept for sale %s: %s", pending.sale.sale_id, e)
        if path.exists():
            path.unlink()
            fsync_dir(path.parent)
        entry = chain.record_no_clip(pending.sale, started=pending.clip.started, ended=ended,
                                     journal=journal, reason=reason,
                                     stem=stem_of(pending.clip.file))
        chain.layout.remove_pending(pending.clip.file)
        return entry
    return chain.record_clip(pending.sale, clip, journal, status=ClipStatus.TRUNCATED,
                             reason=reason)


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return None
