"""A clip file being written while it is sealed: age-encrypted chunks reach the disk as
they are made, so a killed recorder or a power cut costs at most about a second of picture."""
from __future__ import annotations

import os
import time
from dataclasses import replace
from typing import BinaryIO

from .age import AgeWriter, X25519Recipient
from .evidence.layout import ClipLayout, PendingClip

#: Seconds between syncs of a clip being written (what a power cut may cost at most).
SYNC_S = 1.0


class _ChunkSyncedFile:
    """Hands every sealed chunk to the OS at once and syncs at most every `SYNC_S`: a killed
    recorder loses only what the age writer still holds (under one chunk), a power cut
    about a second more — never a whole Python buffer."""

    def __init__(self, file: BinaryIO):
        self._file = file
        self._synced = time.monotonic()

    def write(self, data: bytes) -> int:
        written = self._file.write(data)
        self._file.flush()
        if time.monotonic() - self._synced >= SYNC_S:
            os.fsync(self._file.fileno())
            self._synced = time.monotonic()
        return written

    def flush(self) -> None:
        self._file.flush()


class SealedClip:
    """One clip file being written through an age writer."""

    def __init__(self, layout: ClipLayout, pending: PendingClip, recipients: list[X25519Recipient]):
        self.layout = layout
        self.pending = pending
        self.file: BinaryIO = layout.open_clip(pending)
        self.writer = AgeWriter(_ChunkSyncedFile(self.file), recipients)

    def finish(self) -> int:
        """Seal, sync and close; mark the pending note whole. Returns the sealed size."""
        self.writer.finish()
        self.file.flush()
        os.fsync(self.file.fileno())
        size = self.file.tell()
        self.file.close()
        self.layout.write_pending(replace(self.pending, sealed_size=size))
        return size
