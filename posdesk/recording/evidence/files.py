"""Durable small-file writes and streaming hashes for the evidence store.

A manifest that is acknowledged must survive a power cut, so every write here ends with
`fsync` of the file and, when a name appears or changes, of its directory.
"""
from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

#: Read size for hashing sealed clips: one age STREAM chunk plus its tag, rounded up.
HASH_BLOCK = 1 << 16


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a crash leaves either the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def append_durable(path: Path, line: bytes) -> None:
    """Append one newline-terminated record and make it durable before returning."""
    path.parent.mkdir(parents=True, exist_ok=True)
    created = not path.exists()
    with open(path, "ab") as f:
        f.write(line)
        f.flush()
        os.fsync(f.fileno())
    if created:
        fsync_dir(path.parent)


def sha256_file(path: Path) -> tuple[int, str]:
    """Size in bytes and hex SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while block := f.read(HASH_BLOCK):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()
