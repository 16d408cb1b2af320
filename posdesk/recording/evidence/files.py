"""Durable small-file writes and streaming hashes for the evidence store.

A manifest that is acknowledged must survive a power cut: the writes are the project's one
durable-file recipe (`posdesk.durable`), named here as the evidence code calls them.
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from posdesk.durable import append_durably as append_durable
from posdesk.durable import fsync_dir
from posdesk.durable import write_durably as write_atomic

__all__ = ["append_durable", "fsync_dir", "sha256_file", "write_atomic"]

log = logging.getLogger(__name__)

#: Read size for hashing sealed clips: one age STREAM chunk plus its tag, rounded up.
HASH_BLOCK = 1 << 16


def sha256_file(path: Path) -> tuple[int, str]:
    """Size in bytes and hex SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while block := f.read(HASH_BLOCK):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()
